"""Small but genuine files of every kind we accept, and fakes that must be refused.

inhoud("pdf")        -> bytes of a real (tiny) PDF
NEPBESTANDEN         -> (name, bytes) pairs that lie about their kind
"""

import io
import zipfile

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88"
PPT = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.domain)</script></svg>"
)


def _zip(bestanden):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        for naam, inhoud in bestanden:
            archief.writestr(naam, inhoud)
    return buffer.getvalue()


def _ooxml(deel):
    return _zip([("[Content_Types].xml", "<Types/>"), (deel, "<x/>")])


def _odf(soort):
    return _zip(
        [("mimetype", f"application/vnd.oasis.opendocument.{soort}"), ("content.xml", "<x/>")]
    )


INHOUD = {
    "pdf": PDF,
    "docx": _ooxml("word/document.xml"),
    "xlsx": _ooxml("xl/workbook.xml"),
    "pptx": _ooxml("ppt/presentation.xml"),
    "ppt": PPT,
    "odt": _odf("text"),
    "odp": _odf("presentation"),
    "jpg": JPEG,
    "jpeg": JPEG,
    "png": PNG,
    "webp": WEBP,
}


def inhoud(extensie):
    return INHOUD[extensie]


# (file name, content): each claims to be a kind we accept, but is not.
NEPBESTANDEN = [
    ("rapport.pdf", HTML),
    ("rapport.pdf", SVG),
    ("rapport.pdf", b""),
    ("verslag.docx", HTML),
    ("verslag.docx", _zip([("index.html", HTML)])),  # a zip, but no Word file
    ("verslag.docx", _ooxml("xl/workbook.xml")),  # a spreadsheet called .docx
    ("tekst.odt", _odf("presentation")),
    ("tekst.odt", _zip([("mimetype", "text/html"), ("index.html", HTML)])),
    ("foto.png", SVG),
    ("foto.jpg", HTML),
    ("foto.webp", b"RIFF\x00\x00\x00\x00AVI LIST"),
    ("dia.ppt", PDF),
]
