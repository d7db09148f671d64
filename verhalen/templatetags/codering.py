"""Template tags for coding on the story page.

{% load codering %}
{% codering_voor verhaal as codering %}   → text segments, fragments, form
{% verhaaltekst codering %}               → the text with its highlights
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from ..codering import banen

register = template.Library()


@register.simple_tag(takes_context=True)
def codering_voor(context, verhaal):
    """The coding context of `verhaal` for the current user (see views.codering)."""
    from ..views.codering import coderingscontext

    return coderingscontext(verhaal, context["request"].user)


def _codes(fragment):
    return ", ".join(code.name for code in fragment.codes.all())


def _open_mark(fragment, baan):
    codes = list(fragment.codes.all())
    kleur = f" kleur-{codes[0].pk}" if codes else ""
    return format_html(
        '<mark class="codering baan-{}{}" data-fragment="{}" title="Fragment {}: {}">',
        min(baan, 3),
        kleur,
        fragment.pk,
        fragment.nummer,
        _codes(fragment),
    )


@register.simple_tag
def verhaaltekst(codering):
    """The story text split into segments, each coded stretch in nested <mark>s.

    Every segment is a <span data-start> whose text equals the stored text at
    that offset (carriage returns become empty spans with data-cr), so the
    selection script can count offsets; labels sit between the segments.
    """
    fragmenten = codering["fragmenten"]
    baan = banen(fragmenten)
    delen = []
    for segment in codering["segmenten"]:
        dekkend = sorted(segment.fragmenten, key=lambda fragment: baan[fragment.pk])
        delen.extend(_open_mark(fragment, baan[fragment.pk]) for fragment in dekkend)
        for fragment in sorted(segment.begint, key=lambda fragment: fragment.nummer):
            delen.append(
                format_html(
                    '<span class="fragment-label" id="tekst-fragment-{}">'
                    '<span class="visually-hidden">begin fragment </span>{}</span>',
                    fragment.pk,
                    fragment.nummer,
                )
            )
        if segment.tekst == "\r":
            delen.append(format_html('<span data-start="{}" data-cr></span>', segment.start))
        else:
            delen.append(
                format_html('<span data-start="{}">{}</span>', segment.start, segment.tekst)
            )
        if segment.eindigt:
            delen.append(
                format_html_join(
                    "",
                    '<span class="visually-hidden"> einde fragment {}</span>',
                    ((fragment.nummer,) for fragment in segment.eindigt),
                )
            )
        delen.extend(mark_safe("</mark>") for _fragment in dekkend)
    return mark_safe("".join(delen))  # noqa: S308 - every part is escaped above
