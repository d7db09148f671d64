"""Template tags of the codebook index.

{% load codeboek %}
{% codeboekrijen boom %}  → the table rows of every code
"""

from html import escape
from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

register = template.Library()


def _codeboekrij(knoop, *, code_url, nieuw_url, beheer, subcodes, samenvoegen):
    code = knoop.thema
    naam = escape(code.name)
    verborgen_naam = f'<span class="visually-hidden">: {naam}</span>'
    subcode = '<span class="visually-hidden">subcode: </span>' if knoop.diepte else ""
    badge = ' <span class="badge">kennisagenda</span>' if code.is_kennisagenda else ""
    voorbeeld = f"<q>{escape(code.voorbeeld)}</q>" if code.voorbeeld else "—"
    delen = [
        f'<tr class="diepte-{knoop.diepte}"><th scope="row">'
        f'<span class="code-stip kleur-{code.pk}"></span>'
        f'<a href="{code_url}">{subcode}{escape(code.name[:1].upper() + code.name[1:])}</a>'
        f"{badge}</th>"
        f"<td>{escape(code.definitie or code.beschrijving or '—')}</td>"
        f"<td>{voorbeeld}</td>"
        f'<td class="getal">{knoop.aantal}</td>'
    ]
    if beheer:
        bewerken = "Bewerken" if code.is_kennisagenda else "Hernoemen of bewerken"
        delen.append(
            f'<td><ul class="beheer"><li><a href="{code_url}bewerken/">{bewerken}'
            f"{verborgen_naam}</a></li>"
        )
        if subcodes:
            delen.append(
                f'<li><a href="{nieuw_url}?onder={escape(quote(code.slug))}">Subcode toevoegen'
                f'<span class="visually-hidden"> onder {naam}</span></a></li>'
            )
        if not code.is_kennisagenda:
            delen.append(
                f'<li><a href="{code_url}verplaatsen/">Verplaatsen{verborgen_naam}</a></li>'
            )
            if samenvoegen:
                delen.append(
                    f'<li><a href="{code_url}samenvoegen/">Samenvoegen{verborgen_naam}</a></li>'
                )
        delen.append("</ul></td>")
    delen.append("</tr>")
    return "".join(delen)


@register.simple_tag(takes_context=True)
def codeboekrijen(context, boom):
    """{% codeboekrijen boom %}: a row per code (name, rules, example, fragments and,
    for who may manage codes, links to edit, add a sub-code, move and merge).

    Written with f-strings and html.escape on every text, like the fragment lists
    (verhalen/templatetags/codering.py): as a template loop the 60 rows of the
    benchmark's codebook took ~6 ms CPU, most of the page. A code's pages live
    under its own address (verhalen/urls/codeboek.py), so one reversal per row.
    """
    user = context["request"].user
    rechten = {
        "beheer": user.has_perm("carelab.change_thema"),
        "subcodes": user.has_perm("carelab.add_thema"),
        "samenvoegen": user.has_perm("verhalen.change_fragment"),
    }
    nieuw_url = escape(reverse("codeboek:nieuw"))
    rijen = [
        _codeboekrij(
            knoop,
            code_url=escape(reverse("codeboek:detail", args=[knoop.thema.slug])),
            nieuw_url=nieuw_url,
            **rechten,
        )
        for knoop in boom
    ]
    if not rijen:
        return mark_safe('<tr><td colspan="5">Er zijn nog geen codes.</td></tr>')
    return mark_safe("".join(rijen))  # noqa: S308 - every text is escaped above
