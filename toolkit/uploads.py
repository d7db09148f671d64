"""Uploaded files: what may come in, and how it goes out again.

In: `BestandsControle` checks an upload's extension, its size and its
content (the first bytes, and for Office/ODF files the zip inside), so an
HTML page or an SVG with a script renamed to .pdf is refused with a Dutch
message.

Out: uploaded files are never served as they are. MEDIA_URL points at the
view `bestand` (`/bestanden/<naam>`), which
- serves only a file that an app registered a source for (`registreer_bron`)
  and that the visitor may see (e.g. a published publication), else 404;
- always as a download (Content-Disposition: attachment) with the
  Content-Type of its checked extension, `X-Content-Type-Options: nosniff`
  and `Content-Security-Policy: sandbox`, so a file can never run as a page
  on our origin, whatever it contains.
Files are read through Django's default storage, so the same view serves
them from the local disk (DJANGO_MEDIA_ROOT) or from a storage backend.
Nothing attached to a story is ever uploaded (tests/toolkit/test_uploads.py
fails the suite if a story model gets a file field).
"""

import posixpath
import zipfile
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

# The kinds of file we accept anywhere, with the Content-Type we serve them as.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "ppt": "application/vnd.ms-powerpoint",
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}

# Office Open XML: a zip with [Content_Types].xml and the part of its kind.
OOXML_MAP = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
# OpenDocument: a zip whose entry "mimetype" names the kind.
ODF_MIMETYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files (.ppt)
KOP_BYTES = 16


def _begint_met(kop, *handtekeningen):
    return any(kop.startswith(handtekening) for handtekening in handtekeningen)


def _zip_klopt(bestand, extensie):
    try:
        with zipfile.ZipFile(bestand) as archief:
            namen = archief.namelist()
            if extensie in OOXML_MAP:
                deel = OOXML_MAP[extensie]
                return "[Content_Types].xml" in namen and any(n.startswith(deel) for n in namen)
            if "mimetype" not in namen:
                return False
            with archief.open("mimetype") as mimetype:
                return mimetype.read(100).strip() == ODF_MIMETYPE[extensie]
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        return False


def inhoud_klopt(bestand, extensie):
    """Whether the content of the open file `bestand` is a file of kind `extensie`."""
    bestand.seek(0)
    kop = bestand.read(KOP_BYTES)
    bestand.seek(0)
    try:
        if extensie == "pdf":
            return kop.startswith(b"%PDF-")
        if extensie in ("jpg", "jpeg"):
            return kop.startswith(b"\xff\xd8\xff")
        if extensie == "png":
            return kop.startswith(b"\x89PNG\r\n\x1a\n")
        if extensie == "webp":
            return kop[:4] == b"RIFF" and kop[8:12] == b"WEBP"
        if extensie == "ppt":
            return kop.startswith(OLE2)
        if extensie in OOXML_MAP or extensie in ODF_MIMETYPE:
            return _begint_met(kop, b"PK\x03\x04") and _zip_klopt(bestand, extensie)
        return False
    finally:
        bestand.seek(0)


def extensie_van(naam):
    return posixpath.splitext(naam)[1].lstrip(".").lower()


def _opsomming(woorden):
    """'pdf, docx of odt'"""
    if len(woorden) == 1:
        return woorden[0]
    return f"{', '.join(woorden[:-1])} of {woorden[-1]}"


def _leesbare_grootte(aantal_bytes):
    return f"{aantal_bytes / (1024 * 1024):.1f} MB".replace(".", ",")


@deconstructible
class BestandsControle:
    """Validator for a FileField: extension, size and content of a new upload.

    A file that is already stored (editing other fields of its record) is not
    read again: it was checked when it came in.
    """

    def __init__(self, extensies, max_mb):
        onbekend = set(extensies) - set(CONTENT_TYPES)
        if onbekend:
            raise ValueError(f"Geen Content-Type bekend voor {sorted(onbekend)}")
        self.extensies = list(extensies)
        self.max_mb = max_mb

    def __eq__(self, other):
        return (
            isinstance(other, BestandsControle)
            and self.extensies == other.extensies
            and self.max_mb == other.max_mb
        )

    def __call__(self, waarde):
        extensie = extensie_van(waarde.name)
        if extensie not in self.extensies:
            raise ValidationError(
                _("Dit soort bestand kan hier niet. Kies een bestand van het soort %(soorten)s."),
                code="soort",
                params={"soorten": _opsomming(self.extensies)},
            )
        if getattr(waarde, "_committed", False):
            return
        if waarde.size > self.max_mb * 1024 * 1024:
            raise ValidationError(
                _(
                    "Dit bestand is te groot (%(grootte)s). "
                    "Een bestand mag hoogstens %(max)s MB zijn."
                ),
                code="te_groot",
                params={"grootte": _leesbare_grootte(waarde.size), "max": self.max_mb},
            )
        if not inhoud_klopt(waarde.file, extensie):
            raise ValidationError(
                _(
                    "De inhoud van dit bestand past niet bij de naam: het is geen echt "
                    "%(soort)s-bestand. Sla het opnieuw op als %(soort)s en probeer het nog eens."
                ),
                code="inhoud",
                params={"soort": extensie},
            )


# --- serving ---------------------------------------------------------------------

# folder (first part of the stored name) → may(user, naam) -> bool
_BRONNEN: dict[str, Callable] = {}


def registreer_bron(map: str, mag_downloaden: Callable) -> None:
    """Let `bestand` serve the files an app stores under `map/`.

    `mag_downloaden(user, naam)` answers whether `user` may download the
    stored file `naam` — True only for a file that belongs to a record the
    user may see. Apps register in their AppConfig.ready().
    """
    _BRONNEN[map] = mag_downloaden


def download_response(bestand, naam):
    """The safe response for a stored file: a download that never runs as a page."""
    extensie = extensie_van(naam)
    response = FileResponse(
        bestand,
        as_attachment=True,
        filename=posixpath.basename(naam),
        content_type=CONTENT_TYPES.get(extensie, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Were a browser to show it anyway: no scripts, no plugins, no own origin.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@require_safe
def bestand(request, naam):
    """/bestanden/<naam>: an uploaded file, for those who may see its record."""
    if any(teken < " " for teken in naam):
        raise Http404  # no stored name holds control characters (PostgreSQL refuses NUL)
    map_ = naam.split("/", 1)[0]
    mag_downloaden = _BRONNEN.get(map_)
    if mag_downloaden is None or not mag_downloaden(request.user, naam):
        raise Http404
    try:
        geopend = default_storage.open(naam, "rb")
    except (FileNotFoundError, OSError) as fout:
        raise Http404 from fout
    return download_response(geopend, naam)
