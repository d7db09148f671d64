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
  attribute values as VariableValues.

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
from django.utils import timezone
from lxml import etree

from carelab.models import Thema
from uitwisseling.guids import guid
from uitwisseling.variabelen import VARIABELEN, exportwaarde
from verhalen.models import Fragment, FragmentThema, VerhaalThema, VerhaalTrefwoord

NS = "urn:QDA-XML:project:1.0"
NS_CODEBOEK = "urn:QDA-XML:codebook:1.0"
ORIGIN = "Verhalenbank CARE lab Rotterdam"
CHUNK = 500
SELECTIENAAM = 100  # characters of the quote a selection is named after
# How a code's three texts are joined in its one Description (and split again on import).
KOP_DEFINITIE = "Wanneer gebruiken: "
KOP_VOORBEELD = "Voorbeeld: "

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


def _code_element(code, kinderen, ns, bezocht):
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
    bezocht.add(code["pk"])
    for kind in kinderen.get(code["pk"], []):
        if kind["pk"] not in bezocht:
            element.append(_code_element(kind, kinderen, ns, bezocht))
    return element


def _codes_element(ns):
    kinderen = _codeboom()
    codes = etree.Element(_q("Codes", ns))
    bezocht = set()
    for code in kinderen.get(None, []):
        codes.append(_code_element(code, kinderen, ns, bezocht))
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


def _gebruikers(verhalen, door):
    """{user id: GUID} and the Users element: collectors, coders, the exporter."""
    fragmenten = Fragment.objects.filter(verhaal__in=verhalen.values("pk"))
    ids = {door.pk}
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


def _variabelen_element():
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
    return element


def _per_object(rijen):
    per = defaultdict(list)
    for object_id, waarde in rijen:
        per[object_id].append(waarde)
    return per


def _zet(element, **attributen):
    for naam, waarde in attributen.items():
        if waarde is not None:
            element.set(naam, waarde)


def _selectie(fragment, codes, gebruikers):
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
    return selectie


def _variabelewaarde(variabele, waarde):
    element = etree.Element(_q("VariableValue"))
    etree.SubElement(element, _q("VariableRef"), targetGUID=guid("variabele", variabele.veld))
    if isinstance(waarde, date):
        etree.SubElement(element, _q("DateValue")).text = waarde.isoformat()
    else:
        etree.SubElement(element, _q("TextValue")).text = str(waarde)
    return element


def _bron(rij, *, fragmenten, fragmentcodes, themas, trefwoorden, gebruikers):
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
    for fragment in fragmenten.get(pk, []):
        bron.append(_selectie(fragment, fragmentcodes.get(fragment[1], []), gebruikers))
    for code_id in sorted(themas.get(pk, [])):
        codering = etree.SubElement(bron, _q("Coding"), guid=guid("verhaalcodering", pk, code_id))
        etree.SubElement(codering, _q("CodeRef"), targetGUID=guid("code", code_id))
    waarden["wijk"], waarden["project"] = waarden["wijk__naam"], waarden["project__titel"]
    waarden["werkteam"] = waarden["werkteam__naam"]
    waarden["trefwoorden"] = sorted(trefwoorden.get(pk, []))
    for variabele in VARIABELEN:
        waarde = exportwaarde(variabele, waarden[variabele.veld])
        if waarde is not None:
            bron.append(_variabelewaarde(variabele, waarde))
    return bron, waarden["tekst"]


def _stukken(verhalen):
    """Per chunk of stories: (rows, fragments per story, codes per fragment,
    themes per story, keywords per story), all as plain values."""
    rijen = (
        verhalen.prefetch_related(None)
        .order_by("pk")
        .values_list(*_VERHAAL_VELDEN)
        .iterator(chunk_size=CHUNK)
    )
    for stuk in _chunks(rijen, CHUNK):
        ids = [rij[0] for rij in stuk]
        fragmenten = list(
            Fragment.objects.filter(verhaal_id__in=ids)
            .order_by("verhaal_id", "start", "eind", "pk")
            .values_list(*_FRAGMENT_VELDEN)
        )
        fragmentcodes = _per_object(
            FragmentThema.objects.filter(
                content_object_id__in=[fragment[1] for fragment in fragmenten]
            ).values_list("content_object_id", "tag_id")
        )
        themas = _per_object(
            VerhaalThema.objects.filter(content_object_id__in=ids).values_list(
                "content_object_id", "tag_id"
            )
        )
        trefwoorden = _per_object(
            VerhaalTrefwoord.objects.filter(content_object_id__in=ids).values_list(
                "content_object_id", "tag__name"
            )
        )
        per_verhaal = defaultdict(list)
        for fragment in fragmenten:
            per_verhaal[fragment[0]].append(fragment)
        yield stuk, per_verhaal, fragmentcodes, themas, trefwoorden


def schrijf_qdpx(verhalen, *, door, doel, omschrijving: str = "") -> Exportomvang:
    """Write the stories of `verhalen` as a .qdpx into the binary file `doel`.

    Side effects: none besides writing `doel` (and a temporary file for the
    XML while the sources go into the zip). Reads 4 queries for the users and
    the codebook, then 1 + 4 per CHUNK stories.
    """
    nu = timezone.now()
    gebruikers, users = _gebruikers(verhalen, door)
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
                codeboek.append(_codes_element(NS))
                xml.write(codeboek)
                xml.write(_variabelen_element())
                with xml.element(_q("Sources")):
                    for stuk, fragmenten, fragmentcodes, themas, trefwoorden in _stukken(verhalen):
                        for rij in stuk:
                            bron, tekst = _bron(
                                rij,
                                fragmenten=fragmenten,
                                fragmentcodes=fragmentcodes,
                                themas=themas,
                                trefwoorden=trefwoorden,
                                gebruikers=gebruikers,
                            )
                            xml.write(bron)
                            archief.writestr(f"sources/{bron.get('guid')}.txt", tekst.encode())
                            aantal_verhalen += 1
                            aantal_fragmenten += len(fragmenten.get(rij[0], []))
                if omschrijving:
                    with xml.element(_q("Description")):
                        xml.write(omschrijving)
        qde.seek(0)
        with archief.open("project.qde", "w") as uit:
            while blok := qde.read(1 << 20):
                uit.write(blok)
    return Exportomvang(verhalen=aantal_verhalen, fragmenten=aantal_fragmenten)
