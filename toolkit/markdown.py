"""Markdown written by users, turned into safe HTML.

Two layers, so one mistake never opens a hole:

1. Python-Markdown runs WITHOUT its raw-HTML support: `<script>` or `<b>`
   typed by a user comes out as visible text (`&lt;script&gt;`), never as a tag.
2. nh3 then cleans the result against a short allow-list of tags and
   attributes, and only lets links use http(s) and mailto — so
   `[klik](javascript:…)` loses its link.

Headings are shifted so text written with `#` fits under the page's own
headings, and renumbered without gaps (the page keeps its one h1, no
heading level is skipped).

    from toolkit.markdown import render_markdown
    html = render_markdown(collectie.inleiding, eerste_kop=3)

In templates: `{% load opmaak %}{{ collectie.inleiding|markdown:3 }}`.
"""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

TEKST_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "hr",
}
KOP_TAGS = {"h2", "h3", "h4", "h5", "h6"}
ATTRIBUTEN = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
KOPPEN = ("h1", "h2", "h3", "h4", "h5", "h6")


class _KoppenVerschuiven(Treeprocessor):
    """Moves `#` to `eerste_kop` (and `##` one below it, …); without headings
    allowed, a heading becomes a paragraph with strong text."""

    def __init__(self, md, eerste_kop, koppen):
        super().__init__(md)
        self.eerste_kop = eerste_kop
        self.koppen = koppen

    def run(self, root):
        # The levels the author used, renumbered without gaps: "#" and "###"
        # become eerste_kop and eerste_kop + 1, so no level is skipped.
        gebruikt = sorted({int(element.tag[1]) for element in root.iter() if element.tag in KOPPEN})
        nieuw_niveau = {niveau: self.eerste_kop + index for index, niveau in enumerate(gebruikt)}
        for element in root.iter():
            if element.tag not in KOPPEN:
                continue
            if not self.koppen:
                tekst = element.text or ""
                element.tag = "p"
                kinderen = list(element)
                element.text = ""
                for kind in kinderen:
                    element.remove(kind)
                sterk = element.makeelement("strong", {})
                sterk.text = tekst
                for kind in kinderen:
                    sterk.append(kind)
                element.append(sterk)
                continue
            element.tag = f"h{min(nieuw_niveau[int(element.tag[1])], 6)}"


class _ZonderHtml(Extension):
    def __init__(self, eerste_kop, koppen):
        super().__init__()
        self.eerste_kop = eerste_kop
        self.koppen = koppen

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's API name)
        # Raw HTML blocks and inline tags are then treated as plain text.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(
            _KoppenVerschuiven(md, self.eerste_kop, self.koppen), "koppen_verschuiven", 0
        )


def render_markdown(tekst: str, *, eerste_kop: int = 2, koppen: bool = True) -> SafeString:
    """Safe HTML for Markdown `tekst` written by a user.

    `eerste_kop` is the heading level a single `#` becomes (2–6); with
    `koppen=False` headings become bold paragraphs (for short texts such as
    reflections that sit under the page's own headings).
    """
    if not tekst:
        return mark_safe("")
    eerste_kop = max(2, min(int(eerste_kop), 6))
    html = markdown.markdown(
        tekst,
        extensions=[_ZonderHtml(eerste_kop, koppen), "sane_lists"],
        output_format="html",
    )
    tags = TEKST_TAGS | (KOP_TAGS if koppen else set())
    schoon = nh3.clean(
        html,
        tags=tags,
        attributes=ATTRIBUTEN,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return mark_safe(schoon)  # noqa: S308 — cleaned by nh3 just above
