"""The demo's research attributes and memos: loaded from the demo stories, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from verhalen.models import Kenmerk, KenmerkWaarde, Memo

pytestmark = pytest.mark.django_db


def test_demo_loads_attributes_values_and_memos_once(onderzoeker):
    call_command("demo", stdout=StringIO())
    eerst = (
        list(Kenmerk.objects.values_list("naam", "soort")),
        KenmerkWaarde.objects.count(),
        Memo.objects.count(),
    )
    call_command("demo", stdout=StringIO())

    assert eerst[0] == [
        ("Levensdomein", "keuze"),
        ("Leeftijdsgroep", "keuze"),
        ("Hulpvraag", "ja_nee"),
    ]
    assert eerst[1] >= 22  # levensdomein and hulpvraag on the eleven stories, plus age groups
    assert set(Memo.objects.values_list("auteur", flat=True)) == {onderzoeker.pk}
    assert eerst[2] == 3
    assert (KenmerkWaarde.objects.count(), Memo.objects.count()) == eerst[1:]
    # The age group is filled from the story's own age band, never against it.
    for waarde in KenmerkWaarde.objects.filter(kenmerk__naam="Leeftijdsgroep").select_related(
        "verhaal"
    ):
        band = waarde.verhaal.leeftijdscategorie
        assert (
            waarde.tekst
            == {
                "tot-18": "jong (tot 27)",
                "18-27": "jong (tot 27)",
                "27-45": "middenleeftijd (27-67)",
                "45-67": "middenleeftijd (27-67)",
                "67-plus": "ouder (67+)",
            }[band]
        )
