"""Full-text search over stories, one interface for PostgreSQL and SQLite.

    from verhalen import search
    verhalen = search.zoek(Verhaal.objects.zichtbaar_voor(user), "wantrouwen")
    for verhaal in verhalen:
        search.fragment_html(verhaal)   # snippet with <mark> around the hits

`zoek()` filters and orders by relevance and annotates each story with
`zoekrang` and `zoekfragment` (a plain-text snippet in which the hits are
wrapped in private markers). `fragment_html()` escapes that snippet and turns
the markers into <mark>, so story text can never inject HTML.

PostgreSQL: the stored `Verhaal.zoekvector` (title weight A, summary B,
text C; `dutch` configuration, so "wantrouwen" also finds "wantrouwend") is
kept up to date by a database trigger on every insert/update, including bulk
paths, and searched through a GIN index (migration 0002). Ranked with
SearchRank, snippets from SearchHeadline.

SQLite: every word must occur (case-insensitive) in title, summary or text;
title hits rank first; the snippet is the text around the first hit.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Greatest, Lower, StrIndex, Substr
from django.utils.html import escape
from django.utils.safestring import mark_safe

from carelab.paginering import begrensd_aantal

CONFIG = "dutch"
START = "\ue000"  # private-use characters: never typed in a story
STOP = "\ue001"
_FRAGMENT_LENGTE = 220


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def woorden(zoekterm: str) -> list[str]:
    return [woord for woord in re.split(r"\s+", zoekterm.strip()) if woord.strip('"')]


def zoek(queryset, zoekterm: str, *, met_fragment: bool = True, rangschik_tot: int | None = None):
    """`queryset` narrowed to stories matching `zoekterm`, best match first.

    `met_fragment=False` leaves out the snippet (an export needs none, and on
    PostgreSQL building one reads each story's whole text again).

    `rangschik_tot=n`: when more than n stories match, they are shown newest
    first instead of by relevance. Ranking reads every match's search vector
    (seconds for a common word in 100 000 stories), and among thousands of
    matches a rank tells little. One bounded count decides (see
    `is_op_relevantie`).
    """
    if not woorden(zoekterm):
        return queryset
    if is_postgres():
        gevonden = queryset.filter(zoekvector=_query(zoekterm))
    else:
        gevonden = _filter_eenvoudig(queryset, zoekterm)
    if rangschik_tot is not None and begrensd_aantal(gevonden, rangschik_tot) > rangschik_tot:
        return _met_fragment(gevonden, zoekterm, met_fragment).order_by("-aangemaakt_op", "-pk")
    if is_postgres():
        return _zoek_postgres(gevonden, zoekterm, met_fragment)
    return _zoek_eenvoudig(gevonden, zoekterm)


def is_op_relevantie(queryset) -> bool:
    """Whether a `zoek()` result is ordered by relevance (not newest first)."""
    return "zoekrang" in queryset.query.annotations


def _met_fragment(gevonden, zoekterm, met_fragment):
    if not met_fragment:
        return gevonden
    if is_postgres():
        return gevonden.annotate(zoekfragment=_headline(zoekterm))
    return _annoteer_eenvoudig(gevonden, zoekterm)


def _query(zoekterm):
    return SearchQuery(zoekterm, config=CONFIG, search_type="websearch")


# ts_headline reads the whole text it is given (a 3 000-word story costs
# milliseconds per row): it gets a window of the text around the first place
# where the first search word occurs (or the start, e.g. when only a stemmed
# form of it occurs).
_VENSTER_VOOR = 1000
_VENSTER = 4000


def _headline(zoekterm):
    positie = StrIndex(Lower("tekst"), Lower(Value(_termen(zoekterm)[0])))
    venster = Substr("tekst", Greatest(positie - _VENSTER_VOOR, 1), _VENSTER)
    return SearchHeadline(
        venster,
        _query(zoekterm),
        config=CONFIG,
        start_sel=START,
        stop_sel=STOP,
        max_words=40,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def _zoek_postgres(queryset, zoekterm, met_fragment):
    queryset = queryset.annotate(zoekrang=SearchRank(F("zoekvector"), _query(zoekterm)))
    return _met_fragment(queryset, zoekterm, met_fragment).order_by(
        "-zoekrang", "-aangemaakt_op", "-pk"
    )


def _filter_eenvoudig(queryset, zoekterm):
    for term in _termen(zoekterm):
        queryset = queryset.filter(
            Q(titel__icontains=term) | Q(samenvatting__icontains=term) | Q(tekst__icontains=term)
        )
    return queryset


def _termen(zoekterm):
    return [woord.strip('"') for woord in woorden(zoekterm)]


def _annoteer_eenvoudig(queryset, zoekterm):
    positie = StrIndex(Lower("tekst"), Lower(Value(_termen(zoekterm)[0])))
    return queryset.annotate(
        zoekfragment=Substr("tekst", Greatest(positie - 80, 1), _FRAGMENT_LENGTE),
        zoekpositie=positie,
    )


def _zoek_eenvoudig(queryset, zoekterm):
    return (
        _annoteer_eenvoudig(queryset, zoekterm)
        .annotate(
            zoekrang=Case(
                When(titel__icontains=_termen(zoekterm)[0], then=Value(2)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("-zoekrang", "-aangemaakt_op", "-pk")
    )


def fragment_html(verhaal, zoekterm: str = ""):
    """The search snippet of an annotated story as safe HTML with <mark> hits."""
    ruw = getattr(verhaal, "zoekfragment", None)
    if ruw is None:
        return ""
    if not is_postgres():
        ruw = _markeer_eenvoudig(ruw, zoekterm, begin=getattr(verhaal, "zoekpositie", 0))
    html = escape(ruw).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 — escaped above, only our own tags added


def _markeer_eenvoudig(ruw, zoekterm, begin):
    termen = [re.escape(woord.strip('"')) for woord in woorden(zoekterm)]
    if termen:
        patroon = re.compile("|".join(termen), re.IGNORECASE)
        ruw = patroon.sub(lambda m: f"{START}{m.group()}{STOP}", ruw)
    prefix = "… " if begin and begin > 81 else ""
    suffix = " …" if len(ruw) >= _FRAGMENT_LENGTE else ""
    return f"{prefix}{ruw.strip()}{suffix}"
