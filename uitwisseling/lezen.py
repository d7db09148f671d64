"""Reading a REFI-QDA file made by another tool, safely: a .qdc codebook or a
.qdpx project (a zip with project.qde and the sources).

Nothing here writes: `lees` turns the bytes into plain data (Inhoud) or
raises OngeldigBestand with a Dutch message for the researcher. The whole
file is refused when it is broken or hostile:
- too large (MAX_BESTAND compressed, MAX_UITGEPAKT unpacked, MAX_XML for the
  XML itself) or a zip bomb (a member that unpacks to more than
  MAX_VERHOUDING times its packed size);
- a zip member or a source path that points outside the archive ("..",
  an absolute path, a drive letter);
- XML with a DTD (entities: "billion laughs", external files) — the parser
  never resolves entities nor touches the network, and a DOCTYPE is refused;
- XML that is not a REFI-QDA codebook or project.
A single source or selection that cannot be used (a text that is not UTF-8,
a path to a file outside the project, positions outside the text, a code
that does not exist) is kept with its reason (`fout`), so the dry run can
say what will be skipped.

Positions: REFI-QDA counts characters (Unicode code points), as Python's str
indices do. A source with Windows line breaks ("\\r\\n") is stored with "\\n"
only (as every story is); its positions are moved along with the text.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from lxml import etree

from uitwisseling.export import KOP_DEFINITIE, KOP_VOORBEELD
from verhalen.services.importeren import MAX_TEKENS

MAX_BESTAND = 100 * 1024 * 1024  # bytes of the uploaded file
MAX_UITGEPAKT = 500 * 1024 * 1024  # bytes of all zip members together, unpacked
MAX_VERHOUDING = 100  # unpacked / packed size of one member (text packs ~3-10x)
MAX_LEDEN = 50_000  # members of the zip
MAX_XML = 100 * 1024 * 1024  # bytes of project.qde or a .qdc
_KLEUR = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
_CODE_DELEN = re.compile(
    rf"^(?P<beschrijving>.*?)(?:(?:^|\n\n){KOP_DEFINITIE}(?P<definitie>.*?))?"
    rf"(?:(?:^|\n\n){KOP_VOORBEELD}(?P<voorbeeld>.*))?$",
    re.DOTALL,
)


class OngeldigBestand(Exception):  # noqa: N818 (a domain word)
    """A file that cannot be imported at all; str() is the message for the user."""


@dataclass
class Code:
    guid: str
    naam: str
    beschrijving: str = ""
    definitie: str = ""
    voorbeeld: str = ""
    kleur: str | None = None
    kinderen: list["Code"] = field(default_factory=list)
    notities: list[str] = field(default_factory=list)  # GUIDs of Notes about the code


@dataclass
class Selectie:
    guid: str
    start: int
    eind: int
    memo: str = ""
    codes: list[str] = field(default_factory=list)  # GUIDs of known codes
    notities: list[str] = field(default_factory=list)
    fout: str = ""


@dataclass
class Bron:
    guid: str
    naam: str
    tekst: str = ""
    samenvatting: str = ""
    selecties: list[Selectie] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # codings of the whole source
    waarden: dict[str, str] = field(default_factory=dict)  # variable name -> value
    notities: list[str] = field(default_factory=list)
    fout: str = ""


@dataclass
class Notitie:
    titel: str
    tekst: str


@dataclass
class Variabele:
    naam: str
    soort: str  # typeOfVariable: Text, Boolean, Integer, Float, Date, DateTime
    omschrijving: str = ""


@dataclass
class Groep:
    """A Set of the other tool: a named group of sources (read, not imported)."""

    naam: str
    bronnen: int  # member sources
    overige: int  # member codes and notes


@dataclass
class Inhoud:
    soort: str  # "qdc" or "qdpx"
    codes: list[Code] = field(default_factory=list)  # the roots of the tree
    bronnen: list[Bron] = field(default_factory=list)
    overige_bronnen: int = 0  # pictures, PDFs, audio, video: not imported
    variabelen: dict[str, Variabele] = field(default_factory=dict)  # by GUID
    notities: dict[str, Notitie] = field(default_factory=dict)  # by GUID
    projectnotities: list[str] = field(default_factory=list)  # the journal: about nothing else
    groepen: list[Groep] = field(default_factory=list)  # Sets: reported in the dry run only

    def alle_codes(self):
        """Every code with its parent (None for a root), parents first."""
        stapel = [(code, None) for code in reversed(self.codes)]
        while stapel:
            code, ouder = stapel.pop()
            yield code, ouder
            stapel += [(kind, code) for kind in reversed(code.kinderen)]


def code_delen(omschrijving: str) -> tuple[str, str, str]:
    """(beschrijving, definitie, voorbeeld) from a code's Description
    (export.code_omschrijving joins them; another tool's text is a description)."""
    delen = _CODE_DELEN.match(omschrijving.strip())
    return tuple(
        (delen.group(naam) or "").strip() for naam in ("beschrijving", "definitie", "voorbeeld")
    )


def _mb(aantal):
    return f"{aantal / 1024 / 1024:.0f} MB"


def _naam(element):
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _kinderen(element, naam):
    return [kind for kind in element if _naam(kind) == naam]


def _tekst(element, naam):
    gevonden = _kinderen(element, naam)
    return (gevonden[0].text or "") if gevonden else ""


# --- XML ---------------------------------------------------------------------


def _parse_xml(inhoud: bytes, wat: str):
    if len(inhoud) > MAX_XML:
        raise OngeldigBestand(f"{wat} is te groot (meer dan {_mb(MAX_XML)}).")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        document = etree.fromstring(inhoud, parser)
    except etree.XMLSyntaxError as fout:
        raise OngeldigBestand(
            f"{wat} is geen geldige XML en kan niet worden gelezen (regel {fout.lineno or '?'})."
        ) from fout
    except ValueError as fout:  # e.g. an unknown encoding declaration
        raise OngeldigBestand(f"{wat} kan niet worden gelezen: {fout}.") from fout
    if document.getroottree().docinfo.doctype:
        raise OngeldigBestand(
            f"{wat} bevat een DOCTYPE-declaratie (DTD). Dat hoort niet in een REFI-QDA-bestand "
            "en kan misbruikt worden; het bestand is niet ingelezen."
        )
    return document


def _codes(element) -> list[Code]:
    codes = []
    for code in _kinderen(element, "Code"):
        guid, naam = (code.get("guid") or "").strip(), (code.get("name") or "").strip()
        if not guid or not naam:
            raise OngeldigBestand("Een code in het bestand heeft geen naam of GUID.")
        beschrijving, definitie, voorbeeld = code_delen(_tekst(code, "Description"))
        kleur = code.get("color")
        codes.append(
            Code(
                guid=guid,
                naam=naam[:100],
                beschrijving=beschrijving,
                definitie=definitie,
                voorbeeld=voorbeeld,
                kleur=kleur if kleur and _KLEUR.match(kleur) else None,
                kinderen=_codes(code),
                notities=_refs(code),
            )
        )
    return codes


def _refs(element):
    return [ref.get("targetGUID") for ref in _kinderen(element, "NoteRef") if ref.get("targetGUID")]


def _codeboek(root) -> list[Code]:
    boek = _kinderen(root, "CodeBook") if _naam(root) == "Project" else [root]
    if not boek:
        return []
    lijsten = _kinderen(boek[0], "Codes")
    return _codes(lijsten[0]) if lijsten else []


def lees_qdc(inhoud: bytes) -> Inhoud:
    root = _parse_xml(inhoud, "Het codeboek")
    if _naam(root) != "CodeBook":
        raise OngeldigBestand(
            "Dit is geen REFI-QDA-codeboek (.qdc): het hoofdelement is geen CodeBook."
        )
    return Inhoud(soort="qdc", codes=_codeboek(root))


# --- The zip -------------------------------------------------------------------


def _veilig_pad(pad: str) -> bool:
    delen = PurePosixPath(pad.replace("\\", "/")).parts
    return (
        bool(delen)
        and not pad.startswith(("/", "\\"))
        and ".." not in delen
        and ":" not in delen[0]
    )


def _open_zip(inhoud: bytes) -> zipfile.ZipFile:
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
        leden = archief.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as fout:
        raise OngeldigBestand(
            "Dit is geen geldig .qdpx-bestand: het is geen zip-archief of het is beschadigd."
        ) from fout
    if len(leden) > MAX_LEDEN:
        raise OngeldigBestand(f"Het archief bevat te veel bestanden (meer dan {MAX_LEDEN}).")
    for lid in leden:
        if not _veilig_pad(lid.filename):
            raise OngeldigBestand(
                f"Het archief bevat een bestand met een pad buiten het archief ({lid.filename!r}); "
                "het is niet ingelezen."
            )
        if lid.file_size > 1024 * 1024 and lid.file_size > MAX_VERHOUDING * max(
            lid.compress_size, 1
        ):
            raise OngeldigBestand(
                f"Het bestand {lid.filename!r} in het archief pakt uit tot veel meer dan het lijkt "
                "(een zogenaamde zip-bom); het archief is niet ingelezen."
            )
    if sum(lid.file_size for lid in leden) > MAX_UITGEPAKT:
        raise OngeldigBestand(f"Het archief is uitgepakt te groot (meer dan {_mb(MAX_UITGEPAKT)}).")
    if "project.qde" not in archief.namelist():
        raise OngeldigBestand("Dit is geen REFI-QDA-project: project.qde ontbreekt in het archief.")
    return archief


def _lees_lid(archief, naam, grens):
    """A member's bytes, never more than `grens` (whatever its header says)."""
    try:
        with archief.open(naam) as lid:
            data = lid.read(grens + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as fout:
        raise OngeldigBestand(f"{naam!r} in het archief is beschadigd of versleuteld.") from fout
    if len(data) > grens:
        raise OngeldigBestand(f"{naam!r} in het archief is te groot.")
    return data


# --- Sources -------------------------------------------------------------------


def _normaliseer(tekst: str):
    """(text with "\\n" line breaks only, map from old positions to new or None)."""
    if "\r" not in tekst:
        return tekst, None
    nieuw, kaart, positie, i = [], [], 0, 0
    while i < len(tekst):
        kaart.append(positie)
        if tekst[i] == "\r" and i + 1 < len(tekst) and tekst[i + 1] == "\n":
            kaart.append(positie)
            i += 1
        nieuw.append("\n" if tekst[i] == "\r" else tekst[i])
        positie += 1
        i += 1
    kaart.append(positie)
    return "".join(nieuw), kaart


def _brontekst(element, archief) -> tuple[str, str]:
    """(text, reason it cannot be used)"""
    inhoud = _kinderen(element, "PlainTextContent")
    if inhoud:
        return inhoud[0].text or "", ""
    pad = element.get("plainTextPath") or ""
    if not pad.startswith("internal://"):
        return "", "de tekst staat niet in het project (een bestand buiten het archief)"
    pad = pad.removeprefix("internal://")
    if not _veilig_pad(pad):
        raise OngeldigBestand(
            f"Een bron verwijst naar een pad buiten het archief ({pad!r}); het is niet ingelezen."
        )
    naam = f"sources/{pad.replace(chr(92), '/')}"
    if naam not in archief.namelist():
        return "", "het tekstbestand van deze bron ontbreekt in het archief"
    data = _lees_lid(archief, naam, 4 * MAX_TEKENS)
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return "", "de tekst is niet in UTF-8 opgeslagen"


def _selectie(element, lengte, kaart, code_guids) -> Selectie:
    selectie = Selectie(guid=element.get("guid") or "", start=0, eind=0)
    selectie.memo = _tekst(element, "Description").strip()
    try:
        start, eind = int(element.get("startPosition")), int(element.get("endPosition"))
    except (TypeError, ValueError):
        selectie.fout = "begin of einde is geen getal"
        return selectie
    if not 0 <= start < eind <= lengte:
        selectie.start, selectie.eind = start, eind
        selectie.fout = f"de posities {start}-{eind} vallen buiten de tekst ({lengte} tekens)"
        return selectie
    selectie.start, selectie.eind = (kaart[start], kaart[eind]) if kaart else (start, eind)
    for codering in _kinderen(element, "Coding"):
        for ref in _kinderen(codering, "CodeRef"):
            guid = ref.get("targetGUID")
            if guid in code_guids and guid not in selectie.codes:
                selectie.codes.append(guid)
    if not selectie.codes:
        selectie.fout = "de selectie heeft geen (bekende) code"
    selectie.notities = _refs(element)
    return selectie


def _bron(element, archief, code_guids, variabelen) -> Bron:
    bron = Bron(guid=element.get("guid") or "", naam=(element.get("name") or "").strip())
    bron.samenvatting = _tekst(element, "Description").strip()
    ruw, bron.fout = _brontekst(element, archief)
    if not bron.fout and "\x00" in ruw:
        bron.fout = "de tekst bevat ongeldige tekens (NUL)"
    if not bron.fout and not ruw.strip():
        bron.fout = "de bron heeft geen tekst"
    if not bron.fout and len(ruw) > MAX_TEKENS:
        bron.fout = f"de tekst is te lang ({len(ruw)} tekens; hooguit {MAX_TEKENS})"
    if bron.fout:
        return bron
    bron.tekst, kaart = _normaliseer(ruw)
    bron.selecties = [
        _selectie(sel, len(ruw), kaart, code_guids)
        for sel in _kinderen(element, "PlainTextSelection")
    ]
    for codering in _kinderen(element, "Coding"):
        for ref in _kinderen(codering, "CodeRef"):
            if ref.get("targetGUID") in code_guids:
                bron.codes.append(ref.get("targetGUID"))
    bron.notities = _refs(element)
    bron.waarden = _waarden(element, variabelen)
    return bron


def _waarden(element, variabelen) -> dict[str, str]:
    """{variable name: value} of a source's or a case's VariableValues."""
    waarden = {}
    for waarde in _kinderen(element, "VariableValue"):
        refs = _kinderen(waarde, "VariableRef")
        variabele = variabelen.get(refs[0].get("targetGUID")) if refs else None
        tekst = next((kind.text for kind in waarde if _naam(kind) != "VariableRef"), None)
        if variabele and tekst:
            waarden[variabele.naam] = tekst.strip()
    return waarden


def _cases(root, bronnen, variabelen):
    """A Case's values go to its sources where they have no value of their own
    (NVivo, for one, keeps attributes on cases: one case per interviewee)."""
    per_guid = {bron.guid: bron for bron in bronnen}
    for lijst in _kinderen(root, "Cases"):
        for case in _kinderen(lijst, "Case"):
            waarden = _waarden(case, variabelen)
            for ref in _kinderen(case, "SourceRef"):
                bron = per_guid.get(ref.get("targetGUID"))
                if bron is not None and not bron.fout:
                    bron.waarden = {**waarden, **bron.waarden}


def _groepen(root) -> list[Groep]:
    return [
        Groep(
            naam=(groep.get("name") or "").strip()[:200] or "(zonder naam)",
            bronnen=len(_kinderen(groep, "MemberSource")),
            overige=len(_kinderen(groep, "MemberCode")) + len(_kinderen(groep, "MemberNote")),
        )
        for lijst in _kinderen(root, "Sets")
        for groep in _kinderen(lijst, "Set")
    ]


def _notities(root, archief) -> dict[str, Notitie]:
    notities = {}
    for lijst in _kinderen(root, "Notes"):
        for note in _kinderen(lijst, "Note"):
            tekst, fout = _brontekst(note, archief)
            if note.get("guid") and not fout and tekst.strip() and "\x00" not in tekst:
                titel = (note.get("name") or "").strip()[:200]
                notities[note.get("guid")] = Notitie(titel=titel, tekst=tekst.strip())
    return notities


def lees_qdpx(inhoud: bytes) -> Inhoud:
    archief = _open_zip(inhoud)
    with archief:
        root = _parse_xml(_lees_lid(archief, "project.qde", MAX_XML), "project.qde")
        if _naam(root) != "Project":
            raise OngeldigBestand("Dit is geen REFI-QDA-project: project.qde bevat geen Project.")
        resultaat = Inhoud(soort="qdpx", codes=_codeboek(root))
        code_guids = {code.guid for code, _ouder in resultaat.alle_codes()}
        resultaat.variabelen = {
            var.get("guid"): Variabele(
                naam=(var.get("name") or "").strip()[:80],
                soort=var.get("typeOfVariable") or "Text",
                omschrijving=_tekst(var, "Description").strip(),
            )
            for lijst in _kinderen(root, "Variables")
            for var in _kinderen(lijst, "Variable")
            if var.get("guid") and (var.get("name") or "").strip()
        }
        for lijst in _kinderen(root, "Sources"):
            for element in lijst:
                if _naam(element) == "TextSource":
                    resultaat.bronnen.append(
                        _bron(element, archief, code_guids, resultaat.variabelen)
                    )
                elif _naam(element):
                    resultaat.overige_bronnen += 1
        _cases(root, resultaat.bronnen, resultaat.variabelen)
        resultaat.groepen = _groepen(root)
        resultaat.notities = _notities(root, archief)
        verwezen = {guid for code, _ouder in resultaat.alle_codes() for guid in code.notities}
        for bron in resultaat.bronnen:
            verwezen |= set(bron.notities)
            verwezen |= {guid for sel in bron.selecties for guid in sel.notities}
        # The project's own notes, and notes nothing in the project refers to.
        resultaat.projectnotities = [
            guid for guid in _refs(root) + list(resultaat.notities) if guid not in verwezen
        ]
        resultaat.projectnotities = list(dict.fromkeys(resultaat.projectnotities))
    return resultaat


def lees(naam: str, inhoud: bytes) -> Inhoud:
    """The content of an uploaded .qdc or .qdpx, or OngeldigBestand."""
    if len(inhoud) > MAX_BESTAND:
        raise OngeldigBestand(f"Het bestand is te groot (hooguit {_mb(MAX_BESTAND)}).")
    if not inhoud:
        raise OngeldigBestand("Het bestand is leeg.")
    extensie = PurePosixPath(naam.lower()).suffix
    if extensie == ".qdc":
        return lees_qdc(inhoud)
    if extensie == ".qdpx":
        return lees_qdpx(inhoud)
    raise OngeldigBestand("Kies een REFI-QDA-bestand: een project (.qdpx) of een codeboek (.qdc).")
