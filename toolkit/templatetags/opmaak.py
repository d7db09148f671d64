"""Template helpers for text written by users and for the reader's text size.

{% load opmaak %}
{{ collectie.inleiding|markdown:3 }}      Markdown → safe HTML, `#` becomes h3
{{ reflectie.tekst|markdown_kort }}       Markdown without headings
{{ organisatie.website|veilige_url }}     a link typed in the admin, or "" when it is
                                          not http(s)/mailto (never javascript:)
<html lang="nl"{% tekstgrootte_attribuut %}>
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from toolkit.markdown import render_markdown

register = template.Library()

TEKSTGROOTTE_COOKIE = "tekstgrootte"
# key → (label on the button, scale factor used by static/css/tekstgrootte.css)
TEKSTGROOTTES = {
    "normaal": ("Normaal", 1),
    "groot": ("Groot", 1.25),
    "groter": ("Groter", 1.5),
    "grootst": ("Grootst", 2),
}
STANDAARD_TEKSTGROOTTE = "normaal"


def tekstgrootte_van(request):
    """The reader's chosen text size (a key of TEKSTGROOTTES), from the cookie."""
    if request is None:
        return STANDAARD_TEKSTGROOTTE
    waarde = request.COOKIES.get(TEKSTGROOTTE_COOKIE, "")
    return waarde if waarde in TEKSTGROOTTES else STANDAARD_TEKSTGROOTTE


@register.filter(is_safe=True)
def markdown(tekst, eerste_kop=2):
    """Markdown written by a user, as sanitised HTML (see toolkit.markdown)."""
    return render_markdown(str(tekst or ""), eerste_kop=eerste_kop)


@register.filter(is_safe=True)
def markdown_kort(tekst):
    """Markdown without headings, for short texts such as reflections."""
    return render_markdown(str(tekst or ""), koppen=False)


VEILIGE_SCHEMAS = ("http://", "https://", "mailto:")


@register.filter
def veilige_url(url):
    """`url` when it is a web or mail link, else "" (templates then show no link).

    URL fields are validated in forms, but a value stored another way (a
    script, a restore) must still never become a `javascript:` or `data:` link.
    Browsers ignore leading spaces and control characters and the case of the
    scheme; so does this check.
    """
    url = str(url or "")
    schoon = "".join(teken for teken in url if teken > " ").lower()
    return url.strip() if schoon.startswith(VEILIGE_SCHEMAS) else ""


@register.simple_tag(takes_context=True)
def tekstgrootte_attribuut(context):
    """` data-tekstgrootte="…"` for <html> when the reader chose a larger size."""
    grootte = tekstgrootte_van(context.get("request"))
    if grootte == STANDAARD_TEKSTGROOTTE:
        return mark_safe("")
    return format_html(' data-tekstgrootte="{}"', grootte)


@register.simple_tag(takes_context=True)
def tekstgrootte(context):
    """The reader's chosen text size key, e.g. for aria-pressed on the buttons."""
    return tekstgrootte_van(context.get("request"))


@register.simple_tag
def tekstgrootte_keuzes():
    """[(key, label), …] for the buttons of the text-size control."""
    return [(key, label) for key, (label, _schaal) in TEKSTGROOTTES.items()]


@register.filter
def verborgen_email(adres):
    """ "fatima@example.org" → "f•••@example.org": enough to recognise one's own
    address, too little to learn someone else's from a forwarded link."""
    naam, apenstaart, domein = (adres or "").partition("@")
    if not apenstaart:
        return "•••"
    return f"{naam[:1]}•••@{domein}"
