"""Tags of a collection's reading page."""

from html import escape

from django import template
from django.template.defaultfilters import truncatewords
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def leestekst(context, leesitem):
    """{% leestekst leesitem %}: the paragraphs of one story on a reading page
    (its chosen excerpts or its whole text), each with the reflections on it
    and, for who may reflect, a link to reflect on it. One loop with f-strings
    and escape on every text: a page holds ~150 paragraphs, which as a
    template loop cost a fifth of the page."""
    mag_reflecteren = context.get("mag_reflecteren")
    delen = []
    for blok in leesitem.alinea_blokken:
        if leesitem.is_fragmentkeuze:
            delen.append('<blockquote class="leesverhaal__uitsnede">')
        for alinea in blok:
            delen.append(f"<p>{alinea.html}</p>")  # already safe HTML (services.stukken_als_html)
            if alinea.reflecties:
                delen.append(
                    '<aside class="alinea-reflecties" aria-label="Reflecties op dit stuk"><ul>'
                )
                delen.extend(_reflectie(reflectie) for reflectie in alinea.reflecties)
                delen.append("</ul></aside>")
            if mag_reflecteren:
                delen.append(
                    '<p class="alinea-reageer no-print">'
                    f'<a href="?passage={escape(alinea.sleutel)}#reflectie-formulier">'
                    'Reageer op dit stuk<span class="visually-hidden"> '
                    f"(verhaal {leesitem.nummer}, alinea die begint met “{escape(alinea.begin)}”)"
                    "</span></a></p>"
                )
        if leesitem.is_fragmentkeuze:
            delen.append("</blockquote>")
    return mark_safe("".join(delen))  # noqa: S308 - every text is escaped above


def _reflectie(reflectie):
    auteur = reflectie.auteur
    naam = (auteur.get_full_name() or auteur.get_username()) if auteur else "een oud-lid"
    return (
        f'<li><a href="#reflectie-{reflectie.pk}">Reflectie van {escape(naam)}</a>: '
        f"{escape(truncatewords(reflectie.tekst, 25))}</li>"
    )


@register.simple_tag
def inhoudsregels(inhoud):
    """{% inhoudsregels inhoud %}: the table of contents' rows (every story a
    reader may see in the collection, up to hundreds), each linking to its
    page and anchor, with the page named when it is another one."""
    return mark_safe("".join(_inhoudsregel(regel) for regel in inhoud))  # noqa: S308


def _inhoudsregel(regel):
    """One row; every text escaped."""
    elders = (
        "" if regel.hier else f' <span class="inhoudsopgave__pagina">(pagina {regel.pagina})</span>'
    )
    return f'<li><a href="{escape(regel.link)}">{escape(regel.titel)}</a>{elders}</li>'
