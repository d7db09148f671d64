"""Text offsets for coding: splitting a story into segments, finding a quote.

Offsets are Python string indices (Unicode code points) into the stored text
of a story, `tekst[start:eind]`. Everything here is pure: no database, no
requests, so it is easy to test and to reuse (views, forms, re-anchoring).
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


class CiteerFout(ValueError):
    """A quote that cannot be placed in the text; `code` says why."""

    def __init__(self, message, *, code, aantal=0):
        super().__init__(message)
        self.code = code
        self.aantal = aantal


@dataclass(frozen=True)
class Bereik:
    start: int
    eind: int


@dataclass
class Segment:
    """A stretch of text covered by the same set of fragments.

    `fragmenten` are ordered outermost first (earliest start, then longest),
    so nesting <mark> elements in this order gives stable, well-formed HTML.
    `begint` holds the fragments that start at this segment and `eindigt`
    those that end with it (for labels such as "begin fragment 3").
    """

    start: int
    eind: int
    tekst: str
    fragmenten: list[Any] = field(default_factory=list)
    begint: list[Any] = field(default_factory=list)
    eindigt: list[Any] = field(default_factory=list)


def segmenteer(tekst: str, fragmenten: Iterable[Any]) -> list[Segment]:
    """Split `tekst` at every fragment boundary (and at every carriage return).

    Each fragment needs `start` and `eind`. Fragments may overlap, nest or
    coincide; ones whose range falls outside the text are clipped, empty ones
    are ignored. Carriage returns become segments of their own, because the
    HTML parser drops them from text: the browser's offsets inside every other
    segment then match the stored text exactly.
    """
    lengte = len(tekst)
    geldig = []
    for fragment in fragmenten:
        start, eind = max(0, fragment.start), min(lengte, fragment.eind)
        if start < eind:
            geldig.append((start, eind, fragment))
    grenzen = {0, lengte}
    for start, eind, _fragment in geldig:
        grenzen.update((start, eind))
    for match in re.finditer("\r", tekst):
        grenzen.update((match.start(), match.end()))
    punten = sorted(grenzen)
    geldig.sort(key=lambda item: (item[0], -item[1], getattr(item[2], "pk", 0) or 0))

    segmenten = []
    for start, eind in zip(punten, punten[1:], strict=False):
        dekkend = [item for item in geldig if item[0] <= start and eind <= item[1]]
        segmenten.append(
            Segment(
                start=start,
                eind=eind,
                tekst=tekst[start:eind],
                fragmenten=[item[2] for item in dekkend],
                begint=[item[2] for item in dekkend if item[0] == start],
                eindigt=[item[2] for item in dekkend if item[1] == eind],
            )
        )
    return segmenten


def bijgesneden(tekst: str, start: int, eind: int) -> Bereik:
    """The range without whitespace at either end (a double click often takes a space)."""
    while start < eind and tekst[start].isspace():
        start += 1
    while eind > start and tekst[eind - 1].isspace():
        eind -= 1
    return Bereik(start, eind)


def zoek_citaat(tekst: str, citaat: str) -> Bereik:
    """Where `citaat` stands in `tekst`; raises CiteerFout when not exactly once.

    A pasted quote rarely keeps the text's line breaks and spacing, so any run
    of whitespace in the quote matches any run of whitespace in the text. Case
    and punctuation must match.
    """
    woorden = citaat.split()
    if not woorden:
        raise CiteerFout("Het citaat is leeg.", code="leeg")
    patroon = re.compile(r"\s+".join(re.escape(woord) for woord in woorden))
    treffers = _treffers(patroon, tekst)
    if not treffers:
        raise CiteerFout(
            "Dit citaat staat niet in de tekst van het verhaal. Kopieer het precies, "
            "of selecteer de tekst in het verhaal.",
            code="niet_gevonden",
        )
    if len(treffers) > 1:
        raise CiteerFout(
            f"Dit citaat komt {len(treffers)} keer voor in het verhaal. Plak een langer "
            "stuk tekst, met een paar woorden ervoor of erna, zodat duidelijk is welke "
            "plek je bedoelt.",
            code="meerdere",
            aantal=len(treffers),
        )
    return treffers[0]


def dichtstbijzijnd_citaat(tekst: str, citaat: str, oude_start: int) -> tuple[int, int] | None:
    """Where `citaat` now stands in `tekst`, nearest to `oude_start`; None if gone
    (re-anchoring a fragment after its story's text changed; zoek_citaat is for a
    quote a person pasted, which must stand in the text exactly once).

    First an exact match; failing that, a match that ignores differences in
    whitespace (a re-wrapped line) — the quote's words in the same order.
    """
    if not citaat:
        return None
    posities = []
    begin = tekst.find(citaat)
    while begin != -1:
        posities.append((begin, begin + len(citaat)))
        begin = tekst.find(citaat, begin + 1)
    if not posities:
        woorden = citaat.split()
        if not woorden:
            return None
        patroon = re.compile(r"\s+".join(re.escape(woord) for woord in woorden))
        posities = [(m.start(), m.end()) for m in patroon.finditer(tekst)]
    if not posities:
        return None
    return min(posities, key=lambda span: (abs(span[0] - oude_start), span[0]))


def _treffers(patroon: re.Pattern, tekst: str) -> list[Bereik]:
    """Every match, overlapping ones included ("haha" occurs twice in "hahaha")."""
    treffers = []
    positie = 0
    while (match := patroon.search(tekst, positie)) is not None:
        treffers.append(Bereik(match.start(), match.end()))
        positie = match.start() + 1
    return treffers


def overlappen(a: Bereik, b: Bereik) -> bool:
    """True when two ranges share at least one character."""
    return a.start < b.eind and b.start < a.eind


def nummering(fragmenten: Sequence[Any]) -> dict[Any, int]:
    """Reference numbers 1, 2, 3 … in reading order, keyed by fragment pk."""
    volgorde = sorted(fragmenten, key=lambda f: (f.start, -f.eind, f.pk))
    return {fragment.pk: nummer for nummer, fragment in enumerate(volgorde, start=1)}


def banen(fragmenten: Sequence[Any]) -> dict[Any, int]:
    """A lane (0, 1, 2 …) per fragment pk so that overlapping fragments never share one.

    Greedy in reading order: a fragment takes the lowest lane that is free at
    its start. Drawing each lane's underline at its own depth keeps a
    fragment's underline at one height along its whole length.
    """
    einde_van_baan: list[int] = []
    toegewezen = {}
    for fragment in sorted(fragmenten, key=lambda f: (f.start, -f.eind, f.pk)):
        for baan, einde in enumerate(einde_van_baan):
            if einde <= fragment.start:
                einde_van_baan[baan] = fragment.eind
                toegewezen[fragment.pk] = baan
                break
        else:
            toegewezen[fragment.pk] = len(einde_van_baan)
            einde_van_baan.append(fragment.eind)
    return toegewezen
