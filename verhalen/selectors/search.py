"""Full-text search over stories, one interface for PostgreSQL and SQLite.

    from verhalen.selectors import search
    verhalen = search.zoek(Verhaal.objects.zichtbaar_voor(user), "brieven")
    for verhaal in verhalen:
        search.fragment_html(verhaal, "brieven")   # snippet with <mark> around the hits

Dutch word forms (verhalen/tekst/woordvormen.py): a story is found by the words as
written and by their lemmas, and so is the query: "brieven" finds "brief",
"huis" finds "huizen", "wantrouwen" finds "wantrouwend". Each story stores
the lemmas of its words that differ from them (`Verhaal.zoeklemmas`,
refreshed by save()).

PostgreSQL: the stored `Verhaal.zoekvector` (title weight A, summary B,
text C, lemmas D; `dutch` configuration) is kept up to date by a database
trigger on every insert/update (migrations 0003, 0008), including bulk
paths, and searched through a GIN index. The query is the typed text OR its
lemmatised form (websearch syntax: quotes, "or", "-"). Ranked with SearchRank.

SQLite: every word (or its lemma) must occur, case-insensitive, in title,
summary, text or lemmas; title hits rank first.

Snippets (`fragment_html`) are made in Python from the story text on both
databases: the first hit with the text around it, the words as written,
every form of a search word marked (a database headline only knows stems,
so it would not mark "brieven" for "brief").
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from toolkit.paginering import begrensd_aantal
from verhalen.tekst.woordvormen import WOORD, gelemmatiseerd, lemma, past_bij, stammen_van

CONFIG = "dutch"
_VOOR = 80  # characters of context before the first hit
_FRAGMENT_LENGTE = 220
_ZOEKTAAL = {"or", "of"}  # websearch's OR is no search word


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def woorden(zoekterm: str) -> list[str]:
    return [woord for woord in re.split(r"\s+", zoekterm.strip()) if woord.strip('"')]


def zoek(queryset, zoekterm: str, *, rangschik_tot: int | None = None):
    """`queryset` narrowed to stories matching `zoekterm`, best match first.

    `rangschik_tot=n`: when more than n stories match, they are shown newest
    first instead of by relevance. Ranking reads every match's search vector
    (seconds for a common word in 100 000 stories), and among thousands of
    matches a rank tells little. One bounded count decides (see
    `is_op_relevantie`).
    """
    return zoek_geteld(queryset, zoekterm, rangschik_tot=rangschik_tot)[0]


def zoek_geteld(queryset, zoekterm: str, *, rangschik_tot: int | None = None):
    """As `zoek`, and the number of matches up to `rangschik_tot` + 1 that it
    counted to choose the order (None when it did not count): the story list
    shows that number instead of counting the same matches again."""
    if not woorden(zoekterm):
        return queryset, None
    if is_postgres():
        gevonden = queryset.filter(zoekvector=_query(zoekterm))
    else:
        gevonden = _filter_eenvoudig(queryset, zoekterm)
    aantal = None if rangschik_tot is None else begrensd_aantal(gevonden, rangschik_tot)
    if aantal is not None and aantal > rangschik_tot:
        return gevonden.order_by("-aangemaakt_op", "-pk"), aantal
    if is_postgres():
        rang = SearchRank(F("zoekvector"), _query(zoekterm))
    else:
        rang = Case(
            When(_in_titel(_termen(zoekterm)[0]), then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return gevonden.annotate(zoekrang=rang).order_by("-zoekrang", "-aangemaakt_op", "-pk"), aantal


def is_op_relevantie(queryset) -> bool:
    """Whether a `zoek()` result is ordered by relevance (not newest first)."""
    return "zoekrang" in queryset.query.annotations


def _query(zoekterm):
    zoals_getypt = SearchQuery(zoekterm, config=CONFIG, search_type="websearch")
    grondvormen = gelemmatiseerd(zoekterm)
    if grondvormen == zoekterm.lower():
        return zoals_getypt
    return zoals_getypt | SearchQuery(grondvormen, config=CONFIG, search_type="websearch")


def _termen(zoekterm):
    return [woord.strip('"') for woord in woorden(zoekterm)]


def _in_titel(term):
    return Q(titel__icontains=term) | Q(titel__icontains=lemma(term))


def _filter_eenvoudig(queryset, zoekterm):
    for term in _termen(zoekterm):
        conditie = Q()
        for vorm in {term, lemma(term)}:
            for veld in ("titel", "samenvatting", "tekst", "zoeklemmas"):
                conditie |= Q(**{f"{veld}__icontains": vorm})
        queryset = queryset.filter(conditie)
    return queryset


def fragment_html(verhaal, zoekterm: str = ""):
    """A snippet of the story text around the first hit of `zoekterm`, as safe
    HTML: the text escaped, every form of a search word in <mark>."""
    zoekwoorden = [woord for woord in WOORD.findall(zoekterm) if woord.lower() not in _ZOEKTAAL]
    if not zoekwoorden or not verhaal.tekst:
        return ""
    tekst = verhaal.tekst
    treffers = _treffers(tekst, zoekwoorden)
    eerste = treffers[0][0] if treffers else 0
    begin = _woordgrens(tekst, max(eerste - _VOOR, 0))
    einde = _woordgrens(tekst, begin + _FRAGMENT_LENGTE, naar_voren=True)
    delen = ["… "] if begin else []
    positie = begin
    for start, eind in treffers:
        if start < begin:
            continue
        if eind > einde:
            break
        delen += [escape(tekst[positie:start]), "<mark>", escape(tekst[start:eind]), "</mark>"]
        positie = eind
    delen.append(escape(tekst[positie:einde]))
    if einde < len(tekst):
        delen.append(" …")
    return mark_safe("".join(delen).strip())  # noqa: S308 — escaped above, only our own tags added


def _treffers(tekst, zoekwoorden, *, voorbij=_FRAGMENT_LENGTE):
    """(start, end) of the words in `tekst` that are a form of a search word,
    up to `voorbij` characters past the first one."""
    stammen = stammen_van(zoekwoorden)
    treffers = []
    for match in WOORD.finditer(tekst):
        if treffers and match.start() > treffers[0][0] + voorbij:
            break
        if past_bij(match.group(), stammen):
            treffers.append(match.span())
    return treffers


def _woordgrens(tekst, positie, *, naar_voren=False):
    """`positie` moved to the nearest space (backwards, or forwards)."""
    if positie <= 0 or positie >= len(tekst):
        return max(0, min(positie, len(tekst)))
    if naar_voren:
        spatie = tekst.find(" ", positie)
        return len(tekst) if spatie == -1 or spatie > positie + 30 else spatie
    spatie = tekst.rfind(" ", 0, positie)
    return 0 if spatie == -1 else spatie + 1
