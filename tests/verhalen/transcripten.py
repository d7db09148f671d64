"""Real transcript files made in the tests, with the libraries that read them.

    docx_bestand(["I: Hoe ging het?", "R: Goed."])   -> bytes of a .docx
    odt_bestand([...]), pdf_bestand([...]), txt_bestand([...])
    pdf_alleen_beeld(), pdf_versleuteld(), zipbom_docx()

Nothing is downloaded; the PDF with a text layer is written by hand (one
page, Helvetica, one text line per entry) with a correct cross-reference table.
"""

import io
import zipfile

import docx
import pypdf
from odf.opendocument import OpenDocumentText
from odf.text import P


def docx_bestand(alinea_s, *, tabel=None):
    document = docx.Document()
    for alinea in alinea_s:
        document.add_paragraph(alinea)
    if tabel:
        rijen = document.add_table(rows=len(tabel), cols=len(tabel[0]))
        for rij, waarden in zip(rijen.rows, tabel, strict=True):
            for cel, waarde in zip(rij.cells, waarden, strict=True):
                cel.text = waarde
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bestand(alinea_s):
    document = OpenDocumentText()
    for alinea in alinea_s:
        document.text.addElement(P(text=alinea))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def txt_bestand(regels, codering="utf-8"):
    return "\n".join(regels).encode(codering)


def _pdf_tekst(tekst):
    return tekst.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bestand(regels):
    """A one-page PDF whose text layer holds `regels` (latin-1 characters)."""
    inhoud = "BT /F1 11 Tf 72 760 Td 14 TL\n"
    inhoud += "".join(f"({_pdf_tekst(regel)}) Tj T*\n" for regel in regels) + "ET"
    stroom = inhoud.encode("latin-1")
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stroom) + stroom + b"\nendstream",
    ]
    uit = bytearray(b"%PDF-1.4\n")
    posities = []
    for nummer, obj in enumerate(objecten, start=1):
        posities.append(len(uit))
        uit += b"%d 0 obj\n" % nummer + obj + b"\nendobj\n"
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    uit += b"".join(b"%010d 00000 n \n" % positie for positie in posities)
    uit += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objecten) + 1,
        xref,
    )
    return bytes(uit)


def pdf_alleen_beeld():
    """A PDF without a text layer (as a scan without OCR): blank pages."""
    schrijver = pypdf.PdfWriter()
    schrijver.add_blank_page(width=612, height=792)
    schrijver.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    schrijver.write(buffer)
    return buffer.getvalue()


def pdf_versleuteld():
    schrijver = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bestand(["Geheim."]))))
    schrijver.encrypt(user_password="geheim", algorithm="RC4-128")
    buffer = io.BytesIO()
    schrijver.write(buffer)
    return buffer.getvalue()


def zipbom_docx(uitgepakt=60 * 1024 * 1024):
    """A .docx whose document part unpacks to `uitgepakt` bytes (compressed: kilobytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
        archief.writestr("word/document.xml", b"<" + b"a" * uitgepakt + b">")
    return buffer.getvalue()
