"""Template tags for coding on the story page.

{% load codering %}
{% codering_voor verhaal as codering %}   → text segments, fragments, form, picker
{% verhaaltekst codering %}               → the text with its highlights
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..codering import banen

register = template.Library()


@register.simple_tag(takes_context=True)
def codering_voor(context, verhaal):
    """The coding context of `verhaal` for the current user (see views.codering),
    with what the workspace's code picker needs for those who may code."""
    from ..views.codering import coderingscontext
    from ..views.werkruimte import kiezergegevens

    user = context["request"].user
    codering = coderingscontext(verhaal, user)
    if codering["form"] is not None:
        codering["kiezer"] = kiezergegevens(user)
    return codering


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
    selection script can count offsets; the numbered labels between the
    segments hold no text.
    """
    fragmenten = codering["fragmenten"]
    baan = banen(fragmenten)
    delen = []
    for segment in codering["segmenten"]:
        dekkend = sorted(segment.fragmenten, key=lambda fragment: baan[fragment.pk])
        delen.extend(_open_mark(fragment, baan[fragment.pk]) for fragment in dekkend)
        for fragment in sorted(segment.begint, key=lambda fragment: fragment.nummer):
            # The number is drawn from data-nummer by CSS: no text of its own,
            # so the caret never stops in it (the <mark> tells where a fragment
            # begins and ends, the workspace announces which one it is).
            delen.append(
                format_html(
                    '<span class="fragment-label" id="tekst-fragment-{}" data-nummer="{}"></span>',
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
        delen.extend(mark_safe("</mark>") for _fragment in dekkend)
    return mark_safe("".join(delen))  # noqa: S308 - every part is escaped above
