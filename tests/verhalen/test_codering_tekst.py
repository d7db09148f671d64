"""Offsets, segments and quote lookup (verhalen/tekst/posities.py): no database needed."""

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verhalen.tekst.posities import (
    Bereik,
    CiteerFout,
    banen,
    bijgesneden,
    nummering,
    segmenteer,
    zoek_citaat,
)


@dataclass(frozen=True)
class F:
    pk: int
    start: int
    eind: int


def _vorm(segmenten):
    return [(s.start, s.eind, s.tekst, [f.pk for f in s.fragmenten]) for s in segmenten]


def test_segmenteer_without_fragments_is_one_segment():
    assert _vorm(segmenteer("Hallo wereld", [])) == [(0, 12, "Hallo wereld", [])]


def test_segmenteer_splits_overlapping_fragments_outermost_first():
    tekst = "abcdefghij"
    a, b = F(1, 2, 6), F(2, 4, 9)

    segmenten = segmenteer(tekst, [b, a])

    assert _vorm(segmenten) == [
        (0, 2, "ab", []),
        (2, 4, "cd", [1]),
        (4, 6, "ef", [1, 2]),
        (6, 9, "ghi", [2]),
        (9, 10, "j", []),
    ]
    assert [[f.pk for f in s.begint] for s in segmenten] == [[], [1], [2], [], []]
    assert [[f.pk for f in s.eindigt] for s in segmenten] == [[], [], [1], [2], []]


def test_segmenteer_nested_and_identical_fragments():
    tekst = "0123456789"
    buiten, binnen, zelfde = F(1, 0, 10), F(2, 3, 5), F(3, 3, 5)

    segmenten = segmenteer(tekst, [binnen, zelfde, buiten])

    assert _vorm(segmenten) == [
        (0, 3, "012", [1]),
        (3, 5, "34", [1, 2, 3]),
        (5, 10, "56789", [1]),
    ]


def test_segmenteer_clips_fragments_outside_the_text_and_skips_empty_ones():
    segmenten = segmenteer("abc", [F(1, 1, 99), F(2, 2, 2)])
    assert _vorm(segmenten) == [(0, 1, "a", []), (1, 3, "bc", [1])]


def test_segmenteer_gives_carriage_returns_their_own_segment():
    segmenten = segmenteer("ab\r\ncd", [F(1, 1, 5)])
    assert _vorm(segmenten) == [
        (0, 1, "a", []),
        (1, 2, "b", [1]),
        (2, 3, "\r", [1]),
        (3, 5, "\nc", [1]),
        (5, 6, "d", []),
    ]


def test_segmenteer_counts_code_points_like_python():
    tekst = "Zó 😀 blij"
    segmenten = segmenteer(tekst, [F(1, 3, 4)])
    assert _vorm(segmenten) == [(0, 3, "Zó ", []), (3, 4, "😀", [1]), (4, 9, " blij", [])]


bereiken = st.tuples(st.integers(0, 40), st.integers(0, 40)).map(sorted)


@given(tekst=st.text(max_size=40), paren=st.lists(bereiken, max_size=6))
def test_segmenteer_covers_the_text_exactly_once(tekst, paren):
    fragmenten = [F(i, a, b) for i, (a, b) in enumerate(paren, start=1)]

    segmenten = segmenteer(tekst, fragmenten)

    assert "".join(s.tekst for s in segmenten) == tekst
    for segment in segmenten:
        verwacht = {
            f.pk
            for f in fragmenten
            if max(0, f.start) <= segment.start
            and segment.eind <= min(len(tekst), f.eind)
            and f.start < f.eind
        }
        assert {f.pk for f in segment.fragmenten} == verwacht


def test_bijgesneden_drops_surrounding_whitespace():
    assert bijgesneden("  een woord \n", 0, 13) == Bereik(2, 11)
    assert bijgesneden("   ", 0, 3) == Bereik(3, 3)


def test_zoek_citaat_finds_unique_quote():
    tekst = "Ik wachtte maanden op een antwoord van de gemeente."
    assert zoek_citaat(tekst, "een antwoord") == Bereik(22, 34)


def test_zoek_citaat_ignores_differences_in_whitespace():
    tekst = "Toen kwam er\neindelijk iemand langs."
    bereik = zoek_citaat(tekst, "  kwam er eindelijk   iemand ")
    assert tekst[bereik.start : bereik.eind] == "kwam er\neindelijk iemand"


def test_zoek_citaat_ambiguous_asks_for_more_context():
    tekst = "Nee zei ik. Nee zei zij ook."
    with pytest.raises(CiteerFout) as fout:
        zoek_citaat(tekst, "Nee zei")
    assert fout.value.code == "meerdere"
    assert fout.value.aantal == 2
    assert "2 keer" in str(fout.value)
    assert "langer" in str(fout.value)


def test_zoek_citaat_counts_overlapping_occurrences():
    with pytest.raises(CiteerFout) as fout:
        zoek_citaat("hahaha", "haha")
    assert fout.value.aantal == 2


def test_zoek_citaat_not_found_and_empty():
    with pytest.raises(CiteerFout) as fout:
        zoek_citaat("Een verhaal.", "een ander verhaal")
    assert fout.value.code == "niet_gevonden"
    with pytest.raises(CiteerFout) as fout:
        zoek_citaat("Een verhaal.", "  \n ")
    assert fout.value.code == "leeg"


def test_zoek_citaat_treats_regex_characters_literally():
    tekst = "Kost het (echt) 10.000 euro? Ja."
    bereik = zoek_citaat(tekst, "(echt) 10.000 euro?")
    assert (bereik.start, bereik.eind) == (9, 28)


def test_nummering_follows_reading_order():
    fragmenten = [F(10, 8, 9), F(11, 0, 4), F(12, 0, 9)]
    assert nummering(fragmenten) == {12: 1, 11: 2, 10: 3}


def test_banen_give_overlapping_fragments_different_lanes():
    fragmenten = [F(1, 0, 10), F(2, 2, 4), F(3, 5, 8), F(4, 6, 7), F(5, 10, 12)]
    assert banen(fragmenten) == {1: 0, 2: 1, 3: 1, 4: 2, 5: 0}


@given(
    voor=st.text(alphabet="abc \n", max_size=15),
    citaat=st.text(alphabet="xyz é😀", min_size=1, max_size=8).filter(lambda s: s.strip()),
    na=st.text(alphabet="abc \n", max_size=15),
)
def test_zoek_citaat_finds_a_unique_quote_back(voor, citaat, na):
    tekst = voor + citaat + na

    bereik = zoek_citaat(tekst, citaat)

    assert " ".join(tekst[bereik.start : bereik.eind].split()) == " ".join(citaat.split())
    assert bereik.start == len(voor) + (len(citaat) - len(citaat.lstrip()))
