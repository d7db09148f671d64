"""The consent receipt as PDF (WeasyPrint), from the same template as the page."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML


def bewijs_pdf(context) -> bytes:
    html = render_to_string("vertellers/bewijs_pdf.html", context)
    stijl = CSS(filename=finders.find("css/toestemmingsbewijs.css"))
    return HTML(string=html).write_pdf(stylesheets=[stijl])
