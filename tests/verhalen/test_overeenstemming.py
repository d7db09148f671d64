"""Agreement figures against Krippendorff's worked examples, a published kappa and
the `krippendorff` package, to three decimals; and the units (sentences)."""

import random

import krippendorff
import pytest

from verhalen.tekst.overeenstemming import (
    Eenheid,
    cohens_kappa,
    krippendorff_alfa,
    oordeel,
    percentage_overeenstemming,
    zinnen,
)

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# four observers, twelve units, nominal values with missing data; alpha = 0.743.
_ = None
VIER_WAARNEMERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]
# Same paper, section A: two observers, binary data, ten units; alpha = 0.095.
TWEE_WAARNEMERS_BINAIR = [
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
]


def eenheden(waarnemers):
    """Observers × units (the papers' layout) → units × coders (ours)."""
    return [list(eenheid) for eenheid in zip(*waarnemers, strict=True)]


def referentie(waarnemers):
    matrix = [[float("nan") if w is None else w for w in rij] for rij in waarnemers]
    return krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")


def test_alpha_nominal_with_missing_values_is_krippendorffs_0_743():
    assert round(krippendorff_alfa(eenheden(VIER_WAARNEMERS)), 3) == 0.743
    assert round(referentie(VIER_WAARNEMERS), 3) == 0.743


def test_alpha_binary_two_coders_is_krippendorffs_0_095():
    assert round(krippendorff_alfa(eenheden(TWEE_WAARNEMERS_BINAIR)), 3) == 0.095
    assert round(referentie(TWEE_WAARNEMERS_BINAIR), 3) == 0.095


def test_alpha_matches_the_krippendorff_package_on_random_binary_data_with_gaps():
    kansen = random.Random(15)
    for _ronde in range(40):
        coders = kansen.choice([2, 3, 4])
        aantal = kansen.randint(5, 60)
        waarnemers = [
            [
                None if kansen.random() < 0.2 else int(kansen.random() < 0.3)
                for _eenheid in range(aantal)
            ]
            for _coder in range(coders)
        ]
        verwacht = referentie(waarnemers)
        eigen = krippendorff_alfa(eenheden(waarnemers))
        if verwacht != verwacht:  # nan: undefined in the package too
            assert eigen is None
        else:
            assert round(eigen, 3) == round(verwacht, 3)


def test_alpha_is_undefined_for_a_code_nobody_used():
    nooit = [[0, 0, 0, None, 0], [0, 0, 0, 0, None], [0, None, 0, 0, 0]]
    assert krippendorff_alfa(eenheden(nooit)) is None
    assert percentage_overeenstemming(eenheden(nooit)) == 1.0
    assert oordeel(None) == "niet te berekenen"


def test_alpha_is_undefined_without_pairable_units():
    assert krippendorff_alfa([[1, None], [None, 0]]) is None
    assert percentage_overeenstemming([[1, None]]) is None


def test_percentage_agreement_counts_agreeing_pairs():
    # Two coders: 6 of the 10 units agree.
    assert percentage_overeenstemming(eenheden(TWEE_WAARNEMERS_BINAIR)) == pytest.approx(0.6)
    # Three coders on one unit 1, 1, 0: one of three pairs agrees; unit two: 3 of 3.
    assert percentage_overeenstemming([[1, 1, 0], [0, 0, 0]]) == pytest.approx(4 / 6)


def test_cohens_kappa_of_the_published_example_is_0_4():
    # The textbook example (Wikipedia, "Cohen's kappa"): 50 grant proposals,
    # both yes 20, A yes B no 5, A no B yes 10, both no 15; kappa = 0.4.
    data = [[1, 1]] * 20 + [[1, 0]] * 5 + [[0, 1]] * 10 + [[0, 0]] * 15
    assert round(cohens_kappa(data), 3) == 0.4


def test_cohens_kappa_of_krippendorffs_binary_example_skips_missing_units():
    data = eenheden(TWEE_WAARNEMERS_BINAIR)
    # po = 0.6; A says 1 twice, B four times in ten: pe = (2*4 + 8*6)/100 = 0.56
    assert round(cohens_kappa(data), 3) == 0.091
    assert cohens_kappa(data + [[1, None]]) == cohens_kappa(data)


def test_cohens_kappa_is_only_for_two_coders():
    assert cohens_kappa([[1, 1, 0], [0, 0, 0]]) is None


def test_rule_of_thumb_in_dutch():
    assert oordeel(0.85) == "betrouwbaar"
    assert oordeel(0.70) == "voorlopige conclusies"
    assert oordeel(0.5) == "onvoldoende"


def test_sentences_are_the_units():
    tekst = "Ik belde de gemeente. Niemand nam op!\n\nToen ging ik zelf… Het hielp.  \nKlaar"
    delen = [tekst[e.start : e.eind] for e in zinnen(tekst)]
    assert delen == [
        "Ik belde de gemeente.",
        "Niemand nam op!",
        "Toen ging ik zelf…",
        "Het hielp.",
        "Klaar",
    ]


def test_sentences_of_an_empty_or_blank_text_are_none():
    assert zinnen("") == []
    assert zinnen("  \n\n ... ") == []


def test_a_line_without_final_mark_is_a_unit():
    assert zinnen("Eerste regel\nTweede regel.") == [Eenheid(0, 12), Eenheid(13, 26)]
