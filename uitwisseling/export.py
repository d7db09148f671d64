"""REFI-QDA export: a project (.qdpx) and the codebook alone (.qdc).

A .qdpx is a zip with `project.qde` (XML, namespace urn:QDA-XML:project:1.0)
and one UTF-8 text file per story under `sources/`. It holds exactly the
stories of the queryset it is given (the caller selects them through
`Verhaal.objects.zichtbaar_voor(user)`), with
- the users who collected or coded them and the exporter (Users),
- the whole code tree with colours and rules (CodeBook),
- the stories' own attributes as Variables (uitwisseling/variabelen.py),
- per story a TextSource: its summary as Description, its themes as Codings
  of the whole source, each fragment as a PlainTextSelection whose
  startPosition/endPosition are the fragment's offsets (Unicode code points,
  which is what Python's str indices count, so text[start:end] is the quote),
  with its memo as Description and its codes as Coding/CodeRef, and the
  attribute values as VariableValues; the researchers' own attributes
  (Kenmerk) are Variables too, with their values on the sources;
- the memos the exporter may read (Memo.objects.zichtbaar_voor) about these
  stories, their fragments, the codes, and the research journal, as Notes,
  referred to (NoteRef) from the source, selection, code or the project;
- per story a Case with the same VariableValues and a SourceRef to its
  source: the story (one teller, under a pseudonym that identifies no one
  across stories) is the unit of analysis, and tools such as NVivo
  cross-tabulate codes by the attributes of cases, not of sources;
- the collections the exporter may open and the coding rounds, as Sets whose
  MemberSources are the exported stories in them (a round's Set is the
  double-coded sample a reviewer asks about).

The stories are read in chunks as plain values (no model instances) and the
XML is written as it is read (lxml's incremental writer) into a temporary
file, so memory stays flat however many stories go out. GUIDs are stable
(uitwisseling/guids.py): exporting again gives the same ones.
"""

import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import islice

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from lxml import etree

from kennisagenda.models import Thema
from uitwisseling.guids import guid
from uitwisseling.variabelen import VARIABELEN, exportwaarde
from verhalen.models import (
    Coderingsronde,
    CollectieItem,
    Fragment,
    FragmentThema,
    Kenmerk,
    KenmerkSoort,
    KenmerkWaarde,
    Memo,
    VerhaalThema,
    VerhaalTrefwoord,
)

NS = "urn:QDA-XML:project:1.0"
NS_CODEBOEK = "urn:QDA-XML:codebook:1.0"
ORIGIN = "Verhalenbank CARE lab Rotterdam"
CHUNK = 500
SELECTIENAAM = 100  # characters of the quote a selection is named after
# How a code's three texts are joined in its one Description (and split again on import).
KOP_DEFINITIE = "Wanneer gebruiken: "
KOP_VOORBEELD = "Voorbeeld: "
# A choice attribute goes out as Text; its options in the Variable's Description.
KOP_KEUZES = "Keuze uit: "
SOORT_VARIABELE = {
    KenmerkSoort.TEKST: "Text",
    KenmerkSoort.KEUZE: "Text",
    KenmerkSoort.GETAL: "Float",
    KenmerkSoort.DATUM: "Date",
    KenmerkSoort.JA_NEE: "Boolean",
}

_VERHAAL_VELDEN = (
    "id",
    "titel",
    "tekst",
    "samenvatting",
    "verteller_type",
    "pseudoniem",
    "leeftijdscategorie",
    "gemeente",
    "wijk__naam",
    "verzamelwijze",
    "verzameld_op",
    "project__titel",
    "werkteam__naam",
    "toestemming",
    "verzameld_door_id",
    "aangemaakt_op",
    "gewijzigd_op",
)
# A Case needs the values, not the text.
_CASE_VELDEN = tuple(veld for veld in _VERHAAL_VELDEN if veld != "tekst")
_FRAGMENT_VELDEN = (
    "verhaal_id",
    "id",
    "start",
    "eind",
    "citaat",
    "memo",
    "codeur_id",
    "aangemaakt_op",
    "gewijzigd_op",
)


@dataclass(frozen=True)
class Exportomvang:
    verhalen: int
    fragmenten: int


def _q(naam, ns=NS):
    return f"{{{ns}}}{naam}"


def tijdstip(moment: datetime | None) -> str | None:
    """An xsd:dateTime in UTC ("2026-12-07T14:05:00Z")."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def code_omschrijving(beschrijving: str, definitie: str, voorbeeld: str) -> str:
    """A code's description, rule and example as one text (see lezen.code_delen)."""
    delen = [beschrijving.strip()] if beschrijving.strip() else []
    if definitie.strip():
        delen.append(KOP_DEFINITIE + definitie.strip())
    if voorbeeld.strip():
        delen.append(KOP_VOORBEELD + voorbeeld.strip())
    return "\n\n".join(delen)


def _gebruikersnaam(gebruiker) -> str:
    return gebruiker.get_full_name() or gebruiker.get_username()


# --- The code tree (both formats) -------------------------------------------


def _codeboom():
    """{parent id or None: [code values, ...]} in the codebook's order."""
    kinderen = defaultdict(list)
    velden = ("pk", "name", "parent_id", "beschrijving", "definitie", "voorbeeld", "kleur")
    for code in Thema.objects.order_by("volgorde", "name", "pk").values(*velden):
        kinderen[code["parent_id"]].append(code)
    return kinderen


def _code_element(code, kinderen, ns, bezocht, notities):
    element = etree.Element(
        _q("Code", ns),
        guid=guid("code", code["pk"]),
        name=code["name"],
        isCodable="true",
        color=code["kleur"],
    )
    omschrijving = code_omschrijving(code["beschrijving"], code["definitie"], code["voorbeeld"])
    if omschrijving:
        etree.SubElement(element, _q("Description", ns)).text = omschrijving
    for memo_id in notities.get(code["pk"], []):
        etree.SubElement(element, _q("NoteRef", ns), targetGUID=guid("memo", memo_id))
    bezocht.add(code["pk"])
    for kind in kinderen.get(code["pk"], []):
        if kind["pk"] not in bezocht:
            element.append(_code_element(kind, kinderen, ns, bezocht, notities))
    return element


def _codes_element(ns, notities=None):
    """The code tree; `notities` ({code id: [memo ids]}) adds NoteRefs (projects only)."""
    kinderen = _codeboom()
    codes = etree.Element(_q("Codes", ns))
    bezocht = set()
    for code in kinderen.get(None, []):
        codes.append(_code_element(code, kinderen, ns, bezocht, notities or {}))
    return codes


def codeboek_qdc() -> bytes:
    """The whole codebook as a REFI-QDA .qdc document (validates against Codebook.xsd)."""
    root = etree.Element(_q("CodeBook", NS_CODEBOEK), nsmap={None: NS_CODEBOEK}, origin=ORIGIN)
    root.append(_codes_element(NS_CODEBOEK))
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


# --- The project ---------------------------------------------------------------


def _chunks(rijen, grootte):
    rijen = iter(rijen)
    while stuk := list(islice(rijen, grootte)):
        yield stuk


def _gebruikers(verhalen, door, memos):
    """{user id: GUID} and the Users element: collectors, coders, memo authors, the exporter."""
    fragmenten = Fragment.objects.filter(verhaal__in=verhalen.values("pk"))
    ids = {door.pk} | set(memos.exclude(auteur=None).values_list("auteur_id", flat=True))
    ids |= set(verhalen.exclude(verzameld_door=None).values_list("verzameld_door_id", flat=True))
    ids |= set(fragmenten.exclude(codeur=None).values_list("codeur_id", flat=True))
    element = etree.Element(_q("Users"))
    guids = {}
    for gebruiker in get_user_model().objects.filter(pk__in=ids).order_by("pk"):
        guids[gebruiker.pk] = guid("gebruiker", gebruiker.pk)
        etree.SubElement(
            element,
            _q("User"),
            guid=guids[gebruiker.pk],
            name=_gebruikersnaam(gebruiker),
            id=gebruiker.get_username(),
        )
    return guids, element


def _variabelen_element(kenmerken):
    element = etree.Element(_q("Variables"))
    for variabele in VARIABELEN:
        var = etree.SubElement(
            element,
            _q("Variable"),
            guid=guid("variabele", variabele.veld),
            name=variabele.naam,
            typeOfVariable=variabele.soort,
        )
        etree.SubElement(var, _q("Description")).text = variabele.beschrijving
    for kenmerk in kenmerken.values():
        var = etree.SubElement(
            element,
            _q("Variable"),
            guid=guid("kenmerk", kenmerk.pk),
            name=kenmerk.naam,
            typeOfVariable=SOORT_VARIABELE[kenmerk.soort],
        )
        uitleg = kenmerk.uitleg
        if kenmerk.soort == KenmerkSoort.KEUZE:
            uitleg = "\n\n".join(filter(None, [uitleg, KOP_KEUZES + "; ".join(kenmerk.keuzes)]))
        if uitleg:
            etree.SubElement(var, _q("Description")).text = uitleg
    return element


def _kenmerkwaarde(kenmerk, tekst, getal, datum, ja_nee):
    element = etree.Element(_q("VariableValue"))
    etree.SubElement(element, _q("VariableRef"), targetGUID=guid("kenmerk", kenmerk.pk))
    soort = kenmerk.soort
    if soort == KenmerkSoort.GETAL:
        etree.SubElement(element, _q("FloatValue")).text = format(getal.normalize(), "f")
    elif soort == KenmerkSoort.DATUM:
        etree.SubElement(element, _q("DateValue")).text = datum.isoformat()
    elif soort == KenmerkSoort.JA_NEE:
        etree.SubElement(element, _q("BooleanValue")).text = "true" if ja_nee else "false"
    else:
        etree.SubElement(element, _q("TextValue")).text = tekst
    return element


def _noteref(memo_id):
    return etree.Element(_q("NoteRef"), targetGUID=guid("memo", memo_id))


def _note(memo, gebruikers):
    pk, titel, tekst, auteur_id, aangemaakt, gewijzigd = memo
    note = etree.Element(_q("Note"), guid=guid("memo", pk), name=titel)
    _zet(
        note,
        creatingUser=gebruikers.get(auteur_id),
        creationDateTime=tijdstip(aangemaakt),
        modifiedDateTime=tijdstip(gewijzigd),
    )
    etree.SubElement(note, _q("PlainTextContent")).text = tekst
    return note


def _per_object(rijen):
    per = defaultdict(list)
    for object_id, waarde in rijen:
        per[object_id].append(waarde)
    return per


def _zet(element, **attributen):
    for naam, waarde in attributen.items():
        if waarde is not None:
            element.set(naam, waarde)


def _selectie(fragment, codes, gebruikers, notities):
    _verhaal, pk, start, eind, citaat, memo, codeur_id, aangemaakt, gewijzigd = fragment
    maker = gebruikers.get(codeur_id)
    selectie = etree.Element(
        _q("PlainTextSelection"),
        guid=guid("fragment", pk),
        name=citaat[:SELECTIENAAM],
        startPosition=str(start),
        endPosition=str(eind),
    )
    _zet(
        selectie,
        creatingUser=maker,
        creationDateTime=tijdstip(aangemaakt),
        modifyingUser=maker,
        modifiedDateTime=tijdstip(gewijzigd),
    )
    if memo:
        etree.SubElement(selectie, _q("Description")).text = memo
    for code_id in sorted(codes):
        codering = etree.SubElement(selectie, _q("Coding"), guid=guid("codering", pk, code_id))
        _zet(codering, creatingUser=maker, creationDateTime=tijdstip(aangemaakt))
        etree.SubElement(codering, _q("CodeRef"), targetGUID=guid("code", code_id))
    for memo_id in notities.get(pk, []):
        selectie.append(_noteref(memo_id))
    return selectie


def _variabelewaarde(variabele, waarde):
    element = etree.Element(_q("VariableValue"))
    etree.SubElement(element, _q("VariableRef"), targetGUID=guid("variabele", variabele.veld))
    if isinstance(waarde, date):
        etree.SubElement(element, _q("DateValue")).text = waarde.isoformat()
    else:
        etree.SubElement(element, _q("TextValue")).text = str(waarde)
    return element


def _bron(rij, *, stuk, gebruikers, kenmerken):
    waarden = dict(zip(_VERHAAL_VELDEN, rij, strict=True))
    pk = waarden["id"]
    bron_guid = guid("verhaal", pk)
    bron = etree.Element(
        _q("TextSource"),
        guid=bron_guid,
        name=waarden["titel"],
        plainTextPath=f"internal://{bron_guid}.txt",
    )
    maker = gebruikers.get(waarden["verzameld_door_id"])
    _zet(
        bron,
        creatingUser=maker,
        creationDateTime=tijdstip(waarden["aangemaakt_op"]),
        modifiedDateTime=tijdstip(waarden["gewijzigd_op"]),
    )
    if waarden["samenvatting"]:
        etree.SubElement(bron, _q("Description")).text = waarden["samenvatting"]
    for fragment in stuk.fragmenten.get(pk, []):
        bron.append(
            _selectie(
                fragment, stuk.fragmentcodes.get(fragment[1], []), gebruikers, stuk.fragmentmemos
            )
        )
    for code_id in sorted(stuk.themas.get(pk, [])):
        codering = etree.SubElement(bron, _q("Coding"), guid=guid("verhaalcodering", pk, code_id))
        etree.SubElement(codering, _q("CodeRef"), targetGUID=guid("code", code_id))
    for memo_id in stuk.verhaalmemos.get(pk, []):
        bron.append(_noteref(memo_id))
    bron.extend(_waarden(waarden, stuk, kenmerken))
    return bron, waarden["tekst"]


def _waarden(waarden, stuk, kenmerken):
    """The VariableValues of one story: its own attributes and research attributes."""
    pk = waarden["id"]
    waarden = {
        **waarden,
        "wijk": waarden["wijk__naam"],
        "project": waarden["project__titel"],
        "werkteam": waarden["werkteam__naam"],
        "trefwoorden": sorted(stuk.trefwoorden.get(pk, [])),
    }
    elementen = []
    for variabele in VARIABELEN:
        waarde = exportwaarde(variabele, waarden[variabele.veld])
        if waarde is not None:
            elementen.append(_variabelewaarde(variabele, waarde))
    for kenmerk_id, *kolommen in stuk.kenmerkwaarden.get(pk, []):
        elementen.append(_kenmerkwaarde(kenmerken[kenmerk_id], *kolommen))
    return elementen


def _case(rij, *, stuk, kenmerken):
    """A story as a Case: the teller's story as the unit of analysis, with its
    values and a reference to its source (tools such as NVivo cross-tabulate
    codes by the attributes of cases, not of sources)."""
    waarden = dict(zip(_CASE_VELDEN, rij, strict=True))
    case = etree.Element(_q("Case"), guid=guid("case", waarden["id"]), name=waarden["titel"])
    case.extend(_waarden(waarden, stuk, kenmerken))
    etree.SubElement(case, _q("SourceRef"), targetGUID=guid("verhaal", waarden["id"]))
    return case


@dataclass
class _Stuk:
    """One chunk of stories with everything their sources hold, as plain values."""

    rijen: list
    fragmenten: dict
    fragmentcodes: dict
    themas: dict
    trefwoorden: dict
    kenmerkwaarden: dict
    verhaalmemos: dict
    fragmentmemos: dict


def _trefwoorden_en_kenmerken(ids):
    trefwoorden = _per_object(
        VerhaalTrefwoord.objects.filter(content_object_id__in=ids).values_list(
            "content_object_id", "tag__name"
        )
    )
    kenmerkwaarden = _per_object(
        (verhaal_id, rest)
        for verhaal_id, *rest in KenmerkWaarde.objects.filter(verhaal_id__in=ids)
        .order_by("kenmerk__volgorde", "kenmerk__naam")
        .values_list("verhaal_id", "kenmerk_id", "tekst", "getal", "datum", "ja_nee")
    )
    return trefwoorden, kenmerkwaarden


def _cases(verhalen, kenmerken):
    """The Case elements, read in chunks like the sources (3 queries per CHUNK)."""
    rijen = (
        verhalen.prefetch_related(None)
        .order_by("pk")
        .values_list(*_CASE_VELDEN)
        .iterator(chunk_size=CHUNK)
    )
    for rijen_stuk in _chunks(rijen, CHUNK):
        trefwoorden, kenmerkwaarden = _trefwoorden_en_kenmerken([rij[0] for rij in rijen_stuk])
        stuk = _Stuk(
            rijen=rijen_stuk,
            fragmenten={},
            fragmentcodes={},
            themas={},
            trefwoorden=trefwoorden,
            kenmerkwaarden=kenmerkwaarden,
            verhaalmemos={},
            fragmentmemos={},
        )
        for rij in rijen_stuk:
            yield _case(rij, stuk=stuk, kenmerken=kenmerken)


def _sets(verhalen, door):
    """Sets of sources: the collections (that `door` may open) and the coding
    rounds the exported stories are in, with only those stories as members."""
    ids = verhalen.values("pk")
    groepen = defaultdict(list)  # (kind, pk, name, description) -> [story ids]
    items = (
        CollectieItem.objects.leesbaar_voor(door)
        .filter(verhaal__in=ids)
        .order_by("collectie__titel", "collectie_id", "volgorde", "pk")
        .values_list("collectie_id", "collectie__titel", "collectie__inleiding", "verhaal_id")
    )
    for pk, titel, inleiding, verhaal_id in items:
        groepen[("collectie", pk, f"Collectie: {titel}", inleiding)].append(verhaal_id)
    if door.has_perm("verhalen.view_coderingsronde"):
        leden = (
            Coderingsronde.verhalen.through.objects.filter(verhaal__in=ids)
            .order_by("coderingsronde__titel", "coderingsronde_id", "verhaal_id")
            .values_list(
                "coderingsronde_id",
                "coderingsronde__titel",
                "coderingsronde__toelichting",
                "verhaal_id",
            )
        )
        for pk, titel, toelichting, verhaal_id in leden:
            groepen[("ronde", pk, f"Coderingsronde: {titel}", toelichting)].append(verhaal_id)
    if not groepen:
        return None
    element = etree.Element(_q("Sets"))
    for (soort, pk, naam, omschrijving), verhaal_ids in groepen.items():
        groep = etree.SubElement(element, _q("Set"), guid=guid(soort, pk), name=naam)
        if omschrijving:
            etree.SubElement(groep, _q("Description")).text = omschrijving
        for verhaal_id in verhaal_ids:
            etree.SubElement(groep, _q("MemberSource"), targetGUID=guid("verhaal", verhaal_id))
    return element


def _stukken(verhalen, memos):
    rijen = (
        verhalen.prefetch_related(None)
        .order_by("pk")
        .values_list(*_VERHAAL_VELDEN)
        .iterator(chunk_size=CHUNK)
    )
    for rijen_stuk in _chunks(rijen, CHUNK):
        ids = [rij[0] for rij in rijen_stuk]
        trefwoorden, kenmerkwaarden = _trefwoorden_en_kenmerken(ids)
        fragmenten = list(
            Fragment.objects.filter(verhaal_id__in=ids)
            .order_by("verhaal_id", "start", "eind", "pk")
            .values_list(*_FRAGMENT_VELDEN)
        )
        fragment_ids = [fragment[1] for fragment in fragmenten]
        per_verhaal = defaultdict(list)
        for fragment in fragmenten:
            per_verhaal[fragment[0]].append(fragment)
        yield _Stuk(
            rijen=rijen_stuk,
            fragmenten=per_verhaal,
            fragmentcodes=_per_object(
                FragmentThema.objects.filter(content_object_id__in=fragment_ids).values_list(
                    "content_object_id", "tag_id"
                )
            ),
            themas=_per_object(
                VerhaalThema.objects.filter(content_object_id__in=ids).values_list(
                    "content_object_id", "tag_id"
                )
            ),
            trefwoorden=trefwoorden,
            kenmerkwaarden=kenmerkwaarden,
            verhaalmemos=_per_object(
                memos.filter(verhaal_id__in=ids).order_by("pk").values_list("verhaal_id", "pk")
            ),
            fragmentmemos=_per_object(
                memos.filter(fragment_id__in=fragment_ids)
                .order_by("pk")
                .values_list("fragment_id", "pk")
            ),
        )


def _memos(verhalen, door):
    """The memos that go with these stories: about them, their fragments, any
    code, or the research journal; only those `door` may read."""
    ids = verhalen.values("pk")
    return Memo.objects.zichtbaar_voor(door).filter(
        Q(verhaal__in=ids)
        | Q(fragment__verhaal__in=ids)
        | Q(code__isnull=False)
        | Q(verhaal__isnull=True, fragment__isnull=True, code__isnull=True)
    )


def _schrijf_notes(xml, memos, gebruikers):
    """The Notes element (left out without memos: the schema wants one Note at least)."""
    if not memos.exists():
        return
    rijen = memos.order_by("pk").values_list(
        "pk", "titel", "tekst", "auteur_id", "aangemaakt_op", "gewijzigd_op"
    )
    with xml.element(_q("Notes")):
        for memo in rijen.iterator(chunk_size=CHUNK):
            xml.write(_note(memo, gebruikers))


def schrijf_qdpx(verhalen, *, door, doel, omschrijving: str = "") -> Exportomvang:
    """Write the stories of `verhalen` as a .qdpx into the binary file `doel`.

    Side effects: none besides writing `doel` (and a temporary file for the
    XML while the sources go into the zip). Reads a few queries for the users,
    the codebook and the sets, then 3 per CHUNK stories for the cases and
    1 + 6 per CHUNK stories for the sources.
    """
    nu = timezone.now()
    memos = _memos(verhalen, door)
    gebruikers, users = _gebruikers(verhalen, door, memos)
    kenmerken = {kenmerk.pk: kenmerk for kenmerk in Kenmerk.objects.all()}
    codememos = _per_object(
        memos.filter(code__isnull=False).order_by("pk").values_list("code_id", "pk")
    )
    aantal_verhalen = aantal_fragmenten = 0
    with (
        zipfile.ZipFile(doel, "w", compression=zipfile.ZIP_DEFLATED) as archief,
        tempfile.TemporaryFile() as qde,
    ):
        with etree.xmlfile(qde, encoding="utf-8") as xml:
            xml.write_declaration()
            with xml.element(
                _q("Project"),
                nsmap={None: NS},
                name=f"Verhalenbank {timezone.localtime(nu):%Y-%m-%d %H:%M}",
                origin=ORIGIN,
                creatingUserGUID=gebruikers[door.pk],
                creationDateTime=tijdstip(nu),
            ):
                xml.write(users)
                codeboek = etree.Element(_q("CodeBook"))
                codeboek.append(_codes_element(NS, codememos))
                xml.write(codeboek)
                xml.write(_variabelen_element(kenmerken))
                if verhalen.exists():
                    with xml.element(_q("Cases")):
                        for case in _cases(verhalen, kenmerken):
                            xml.write(case)
                with xml.element(_q("Sources")):
                    for stuk in _stukken(verhalen, memos):
                        for rij in stuk.rijen:
                            bron, tekst = _bron(
                                rij, stuk=stuk, gebruikers=gebruikers, kenmerken=kenmerken
                            )
                            xml.write(bron)
                            archief.writestr(f"sources/{bron.get('guid')}.txt", tekst.encode())
                            aantal_verhalen += 1
                            aantal_fragmenten += len(stuk.fragmenten.get(rij[0], []))
                _schrijf_notes(xml, memos, gebruikers)
                sets = _sets(verhalen, door)
                if sets is not None:
                    xml.write(sets)
                if omschrijving:
                    with xml.element(_q("Description")):
                        xml.write(omschrijving)
                logboek = memos.filter(verhaal=None, fragment=None, code=None).order_by("pk")
                for memo_id in logboek.values_list("pk", flat=True).iterator():
                    xml.write(_noteref(memo_id))
        qde.seek(0)
        with archief.open("project.qde", "w") as uit:
            while blok := qde.read(1 << 20):
                uit.write(blok)
    return Exportomvang(verhalen=aantal_verhalen, fragmenten=aantal_fragmenten)
