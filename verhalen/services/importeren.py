"""Stories from files: .docx, .odt, .pdf (text layer) and .txt transcripts.

    uitslag = importeer_bestand(bestand=upload, door=user, gegevens={"verzamelwijze": ...})
    uitslag.verhaal      # the new story, or None
    uitslag.fout         # a Dutch message why the file was not imported
    uitslag.privacy      # spots that look like personal data (nothing saved)

`lees_tekst(naam, inhoud)` turns a file into story text: paragraphs separated
by a blank line, each speaker turn ("I:", "R:", "Marieke:") its own
paragraph. Bad files raise `OnleesbaarBestand` with a message for the user.

Bounded before reading: the file size (`MAX_BESTAND`), and for .docx/.odt
(zip files) the number of members, the unpacked size of each and of all
(a zip bomb is refused without unpacking it; the zip reader never unpacks
more than a member's stated size).
"""

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

import docx
import pypdf
from django.db import transaction
from odf import teletype
from odf.namespaces import TEXTNS
from odf.opendocument import load as odf_load

from verhalen.models import Toestemming, Verhaal
from verhalen.services.verhalen import maak_verhaal
from verhalen.tekst import privacy

SOORTEN = {".docx": "Word", ".odt": "OpenDocument", ".pdf": "PDF", ".txt": "tekst"}
MAX_BESTAND = 10 * 1024 * 1024  # bytes of one uploaded file
MAX_UITGEPAKT = 50 * 1024 * 1024  # bytes of all members of a .docx/.odt together
MAX_LEDEN = 2000  # members of a .docx/.odt
MAX_TEKENS = 500_000  # characters of story text (about 80 000 words)
MAX_TITEL = Verhaal._meta.get_field("titel").max_length

_SPREKER = re.compile(r"^[^\W\d][\w .'’-]{0,30}:(\s|$)")
_OUDE_SOORTEN = {
    ".doc": "het oude Word-formaat (.doc): sla het in Word op als .docx",
    ".rtf": "RTF: sla het op als .docx of .odt",
    ".pages": "Pages: exporteer het als .docx of .pdf",
}


class OnleesbaarBestand(Exception):  # noqa: N818
    """A file that cannot become a story; str() is the message for the user."""


@dataclass
class Uitslag:
    naam: str
    verhaal: Verhaal | None = None
    fout: str = ""
    tekst: str = ""
    titel: str = ""
    privacy: list = field(default_factory=list)

    @property
    def is_ingevoerd(self):
        return self.verhaal is not None


def lees_tekst(naam: str, inhoud: bytes) -> str:
    """The story text of a file, or OnleesbaarBestand with the reason."""
    extensie = PurePath(naam).suffix.lower()
    if extensie in _OUDE_SOORTEN:
        raise OnleesbaarBestand(f"Dit bestand is {_OUDE_SOORTEN[extensie]}.")
    if extensie not in SOORTEN:
        soorten = ", ".join(SOORTEN)
        raise OnleesbaarBestand(
            f"Dit soort bestand kan niet worden ingelezen ({extensie or 'geen extensie'}). "
            f"Wel: {soorten}."
        )
    if not inhoud:
        raise OnleesbaarBestand("Het bestand is leeg.")
    if len(inhoud) > MAX_BESTAND:
        raise OnleesbaarBestand(
            f"Het bestand is te groot ({_mb(len(inhoud))}; hooguit {_mb(MAX_BESTAND)})."
        )
    lezer = {".docx": _lees_docx, ".odt": _lees_odt, ".pdf": _lees_pdf, ".txt": _lees_txt}
    tekst = _alinea_s(lezer[extensie](inhoud))
    if not tekst:
        raise OnleesbaarBestand("Er staat geen tekst in het bestand.")
    if len(tekst) > MAX_TEKENS:
        raise OnleesbaarBestand(
            f"De tekst is te lang ({len(tekst)} tekens; hooguit {MAX_TEKENS}). Verdeel hem."
        )
    return tekst


def _mb(aantal):
    return f"{aantal / 1024 / 1024:.1f} MB".replace(".", ",")


def titel_van(naam: str) -> str:
    """A title from a file name: "interview_03-zuid.docx" -> "interview 03-zuid"."""
    stam = PurePath(naam).stem.replace("_", " ").strip()
    return " ".join(stam.split())[:MAX_TITEL] or "Ingevoerd verhaal"


# ---------------------------------------------------------------- formats


def _open_zip(inhoud, hoofdbestand, soort):
    """The zip of a .docx/.odt, checked before anything is unpacked."""
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
        leden = archief.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as fout:
        raise OnleesbaarBestand(
            f"Dit is geen geldig {soort}-bestand: het is beschadigd of van een ander soort."
        ) from fout
    namen = {lid.filename for lid in leden}
    if hoofdbestand not in namen:
        raise OnleesbaarBestand(f"Dit is geen geldig {soort}-bestand ({hoofdbestand} ontbreekt).")
    if len(leden) > MAX_LEDEN or sum(lid.file_size for lid in leden) > MAX_UITGEPAKT:
        raise OnleesbaarBestand(
            f"Het {soort}-bestand is uitgepakt te groot (hooguit {_mb(MAX_UITGEPAKT)}); "
            "misschien bevat het grote afbeeldingen. Sla de tekst apart op."
        )
    return archief


def _lees_docx(inhoud):
    archief = _open_zip(inhoud, "word/document.xml", "Word")
    archief.close()
    try:
        document = docx.Document(io.BytesIO(inhoud))
        alinea_s = []
        for blok in document.iter_inner_content():
            if isinstance(blok, docx.table.Table):
                alinea_s += [_tabelrij(rij) for rij in blok.rows]
            else:
                alinea_s.append(blok.text)
    except Exception as fout:  # python-docx raises many kinds for a broken document
        raise OnleesbaarBestand(
            "Het Word-bestand kon niet worden gelezen: het is beschadigd."
        ) from fout
    return alinea_s


def _tabelrij(rij):
    """A transcript in a table: "speaker | text" becomes "speaker: text"."""
    cellen = []
    for cel in rij.cells:
        tekst = cel.text.strip()
        if tekst and (not cellen or cellen[-1] != tekst):  # merged cells repeat
            cellen.append(tekst)
    if len(cellen) == 2 and len(cellen[0]) <= 30 and not cellen[0].endswith(":"):
        return f"{cellen[0]}: {cellen[1]}"
    return " ".join(cellen)


def _lees_odt(inhoud):
    archief = _open_zip(inhoud, "content.xml", "OpenDocument")
    archief.close()
    try:
        document = odf_load(io.BytesIO(inhoud))
        return [teletype.extractText(blok) for blok in _odf_alinea_s(document.text)]
    except Exception as fout:  # odfpy raises many kinds for a broken document
        raise OnleesbaarBestand(
            "Het OpenDocument-bestand kon niet worden gelezen: het is beschadigd."
        ) from fout


_ODF_ALINEA = {(TEXTNS, "p"), (TEXTNS, "h")}


def _odf_alinea_s(knoop):
    """Paragraphs and headings in document order (also inside lists and tables)."""
    for kind in knoop.childNodes:
        if kind.qname in _ODF_ALINEA:
            yield kind
        elif kind.nodeType == kind.ELEMENT_NODE:
            yield from _odf_alinea_s(kind)


def _lees_pdf(inhoud):
    if not inhoud.startswith(b"%PDF-"):
        raise OnleesbaarBestand("Dit is geen geldig PDF-bestand.")
    try:
        lezer = pypdf.PdfReader(io.BytesIO(inhoud))
        if lezer.is_encrypted and not _ontsleuteld(lezer):
            raise OnleesbaarBestand(
                "De PDF is beveiligd met een wachtwoord. Sla hem zonder beveiliging op."
            )
        paginas = [pagina.extract_text() or "" for pagina in lezer.pages]
    except OnleesbaarBestand:
        raise
    except Exception as fout:  # pypdf raises many kinds for a broken file
        raise OnleesbaarBestand("De PDF kon niet worden gelezen: hij is beschadigd.") from fout
    if paginas and not any(pagina.strip() for pagina in paginas):
        raise OnleesbaarBestand(
            "De PDF bevat alleen afbeeldingen (bijvoorbeeld een scan), geen tekst. "
            "Gebruik het oorspronkelijke document of laat de tekst eerst herkennen (OCR)."
        )
    # A PDF breaks lines for the layout: lines of one paragraph are joined.
    alinea_s = []
    for pagina in paginas:
        alinea_s += _regels_tot_alinea_s(pagina.splitlines())
    return alinea_s


def _ontsleuteld(lezer):
    """Whether a protected PDF opens without a password (only printing or
    copying limited); any trouble on the way counts as 'no'."""
    try:
        return bool(lezer.decrypt(""))
    except Exception:  # pypdf: unknown algorithm, missing crypto library, …
        return False


def _lees_txt(inhoud):
    if b"\x00" in inhoud[:4096]:
        raise OnleesbaarBestand("Dit is geen tekstbestand (het bevat binaire gegevens).")
    for codering in ("utf-8-sig", "cp1252"):
        try:
            tekst = inhoud.decode(codering)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise OnleesbaarBestand("De tekens in dit tekstbestand konden niet worden gelezen.")
    # A plain text keeps its lines; a blank line or a speaker starts a paragraph.
    alinea_s, huidige = [], []
    for regel in tekst.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not regel.strip() or _SPREKER.match(regel.strip()):
            alinea_s.append("\n".join(huidige))
            huidige = []
        if regel.strip():
            huidige.append(regel.rstrip())
    alinea_s.append("\n".join(huidige))
    return alinea_s


def _regels_tot_alinea_s(regels):
    alinea_s, huidige = [], []
    for regel in regels:
        regel = regel.strip()
        if not regel or _SPREKER.match(regel):
            alinea_s.append(" ".join(huidige))
            huidige = []
        if regel:
            huidige.append(regel)
    alinea_s.append(" ".join(huidige))
    return alinea_s


def _alinea_s(alinea_s):
    """Paragraphs joined by a blank line; control characters (NUL etc.) out."""
    schoon = []
    for alinea in alinea_s:
        alinea = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", alinea.replace("\t", " ")).strip()
        if alinea:
            schoon.append(alinea)
    return "\n\n".join(schoon)


# ---------------------------------------------------------------- service


@transaction.atomic
def importeer_bestand(*, bestand, door, gegevens: dict) -> Uitslag:
    """Make a story from one uploaded file (`name`, `size`, `read()`), unless
    it cannot be read or its text or title looks like personal data.

    `gegevens`: the shared field values of the batch (verteller_type,
    verzamelwijze, project, …). The story starts at consent "onderzoek".
    Side effects: one story with one history row ("Ingevoerd uit bestand …",
    by `door`), through `maak_verhaal`. Nothing is saved when the privacy
    check finds something: the Uitslag then holds the text and the spots,
    for the researcher to review in the story form.
    """
    naam = PurePath(bestand.name or "").name
    uitslag = Uitslag(naam=naam, titel=titel_van(naam))
    try:
        if bestand.size > MAX_BESTAND:  # refused before it is read
            raise OnleesbaarBestand(
                f"Het bestand is te groot ({_mb(bestand.size)}; hooguit {_mb(MAX_BESTAND)})."
            )
        uitslag.tekst = lees_tekst(naam, bestand.read())
    except OnleesbaarBestand as fout:
        uitslag.fout = str(fout)
        return uitslag
    uitslag.privacy = privacy.controleer(uitslag.titel) + privacy.controleer(uitslag.tekst)
    if uitslag.privacy:
        return uitslag
    uitslag.verhaal = maak_verhaal(
        gegevens={
            **gegevens,
            "titel": uitslag.titel,
            "tekst": uitslag.tekst,
            "toestemming": Toestemming.ONDERZOEK,
        },
        door=door,
        reden=f"Ingevoerd uit bestand {naam}"[:100],
    )
    return uitslag
