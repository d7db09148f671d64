"""Intercoder agreement: units of a story and the figures reviewers ask for.

Pure functions (no database), so they are easy to check against published
worked examples and the `krippendorff` package (tests/verhalen/test_overeenstemming.py).

Reliability data is a list of units; each unit is a list with one value per
coder, `None` where that coder gave no value (missing data).

- `krippendorff_alfa`: Krippendorff's alpha for nominal data, through the
  coincidence matrix ("Computing Krippendorff's Alpha-Reliability", 2011).
  Units with fewer than two values are not pairable and drop out. None when
  alpha is undefined: no pairable values, or no variation at all (every
  value the same, e.g. a code nobody used), so expected disagreement is 0.
- `percentage_overeenstemming`: the share of agreeing pairs of values within
  units, over all pairable units (for two coders: the share of units on which
  both agree).
- `cohens_kappa`: Cohen's kappa for exactly two coders, over the units where
  both gave a value.
"""

import re
from collections import Counter
from dataclasses import dataclass
from itertools import permutations

# A sentence ends at . ! ? or … (with closing quotes or brackets) followed by
# whitespace, or at a line break. Paragraph breaks always end a unit.
_ZINSEINDE = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s)|\n""")


@dataclass(frozen=True)
class Eenheid:
    """A unit of analysis: `tekst[start:eind]` of one story, without surrounding whitespace."""

    start: int
    eind: int


def zinnen(tekst: str) -> list[Eenheid]:
    """The sentences of `tekst` in reading order, each as an Eenheid.

    A sentence runs to a sentence mark followed by whitespace, or to a line
    break; whitespace between sentences belongs to none of them, and stretches
    of only whitespace or punctuation are no unit.
    """
    eenheden = []
    begin = 0
    for match in _ZINSEINDE.finditer(tekst):
        eenheden.append((begin, match.end() if match.group() != "\n" else match.start()))
        begin = match.end()
    eenheden.append((begin, len(tekst)))
    resultaat = []
    for start, eind in eenheden:
        while start < eind and tekst[start].isspace():
            start += 1
        while eind > start and tekst[eind - 1].isspace():
            eind -= 1
        if any(teken.isalnum() for teken in tekst[start:eind]):
            resultaat.append(Eenheid(start, eind))
    return resultaat


def overlapt(eenheid: Eenheid, start: int, eind: int) -> bool:
    """True when the stretch start..eind shares at least one character with `eenheid`."""
    return eenheid.start < eind and start < eenheid.eind


def _waarden(eenheid):
    return [waarde for waarde in eenheid if waarde is not None]


def coincidenties(data) -> Counter:
    """The coincidence matrix o[(c, k)] of nominal reliability data (pairable units only)."""
    matrix = Counter()
    for eenheid in data:
        waarden = _waarden(eenheid)
        m = len(waarden)
        if m < 2:
            continue
        for c, k in permutations(waarden, 2):
            matrix[(c, k)] += 1 / (m - 1)
    return matrix


def krippendorff_alfa(data) -> float | None:
    """Krippendorff's alpha (nominal) of `data`, or None when it is undefined."""
    matrix = coincidenties(data)
    marginaal = Counter()
    for (c, _k), aantal in matrix.items():
        marginaal[c] += aantal
    n = sum(marginaal.values())
    if n <= 1:
        return None
    waargenomen = sum(aantal for (c, k), aantal in matrix.items() if c != k)
    verwacht = sum(marginaal[c] * marginaal[k] for c in marginaal for k in marginaal if c != k)
    if verwacht == 0:
        return None
    return 1 - (n - 1) * waargenomen / verwacht


def percentage_overeenstemming(data) -> float | None:
    """The share (0..1) of agreeing pairs of values within units; None without pairs."""
    eens = paren = 0
    for eenheid in data:
        waarden = _waarden(eenheid)
        for i, c in enumerate(waarden):
            for k in waarden[i + 1 :]:
                paren += 1
                eens += c == k
    return eens / paren if paren else None


def cohens_kappa(data) -> float | None:
    """Cohen's kappa of two coders (units with both values); None when undefined."""
    paren = [(eenheid[0], eenheid[1]) for eenheid in data if None not in eenheid[:2]]
    if not paren or any(len(eenheid) != 2 for eenheid in data):
        return None
    n = len(paren)
    waargenomen = sum(a == b for a, b in paren) / n
    eerste = Counter(a for a, _b in paren)
    tweede = Counter(b for _a, b in paren)
    verwacht = sum(eerste[c] * tweede[c] for c in eerste) / (n * n)
    if verwacht == 1:
        return None
    return (waargenomen - verwacht) / (1 - verwacht)


def oordeel(alfa: float | None) -> str:
    """Krippendorff's rule of thumb for `alfa`, in plain Dutch."""
    if alfa is None:
        return "niet te berekenen"
    if alfa >= 0.800:
        return "betrouwbaar"
    if alfa >= 0.667:
        return "voorlopige conclusies"
    return "onvoldoende"
