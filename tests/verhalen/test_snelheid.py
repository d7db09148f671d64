"""Speed at scale (issue 7) for stories, the codebook and collections: bounded
counts, relevance ranking only for a bounded number of matches, and pinned
query counts that stay the same with 1 and with 3+ items."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from carelab import paginering
from carelab.paginering import BegrensdePaginator, begrensd_aantal
from tests.verhalen.factories import VerhaalFactory
from verhalen import search
from verhalen.models import Verhaal

pytestmark = pytest.mark.django_db


@pytest.fixture
def grens_drie(monkeypatch):
    """Count and rank at most three rows, so a test needs only a few stories."""
    monkeypatch.setattr(paginering, "GRENS", 3)
    return 3


def _verhalen_op_volgorde(*titels, **velden):
    """Stories created one minute apart, the first title the oldest."""
    nu = timezone.now()
    verhalen = []
    for minuten, titel in enumerate(titels):
        verhaal = VerhaalFactory(titel=titel, **velden)
        Verhaal.objects.filter(pk=verhaal.pk).update(
            aangemaakt_op=nu - timedelta(minutes=len(titels) - minuten)
        )
        verhalen.append(verhaal)
    return verhalen


# The bounded paginator ------------------------------------------------------


def test_begrensd_aantal_counts_up_to_one_past_the_limit():
    VerhaalFactory.create_batch(5)

    assert begrensd_aantal(Verhaal.objects.all(), 3) == 4
    assert begrensd_aantal(Verhaal.objects.all(), 10) == 5


def test_paginator_below_the_limit_counts_exactly():
    VerhaalFactory.create_batch(3)

    paginator = BegrensdePaginator(Verhaal.objects.all(), 2, grens=5)

    assert (paginator.count, paginator.num_pages, paginator.is_begrensd) == (3, 2, False)


def test_paginator_above_the_limit_pages_through_the_limit_only():
    VerhaalFactory.create_batch(7)

    paginator = BegrensdePaginator(Verhaal.objects.all(), 2, grens=5)

    assert (paginator.count, paginator.num_pages, paginator.is_begrensd) == (5, 3, True)
    assert len(paginator.get_page(3)) == 1


# The story list -------------------------------------------------------------


def test_story_list_says_more_than_the_limit(onderzoeker_client, grens_drie):
    VerhaalFactory.create_batch(5)

    response = onderzoeker_client.get(reverse("verhalen:list"))

    assert "Meer dan 3 verhalen" in response.content.decode()
    assert "Je kunt door de eerste 3 bladeren" in response.content.decode()
    assert len(response.context["pagina"]) == 3


def test_story_list_below_the_limit_shows_the_exact_number(onderzoeker_client, grens_drie):
    VerhaalFactory.create_batch(2)

    response = onderzoeker_client.get(reverse("verhalen:list"))

    assert "2 verhalen" in response.content.decode()
    assert "Meer dan" not in response.content.decode()


def test_story_list_shows_newest_first(onderzoeker_client):
    _verhalen_op_volgorde("Oudste", "Middelste", "Nieuwste")

    response = onderzoeker_client.get(reverse("verhalen:list"))

    assert [v.titel for v in response.context["pagina"]] == ["Nieuwste", "Middelste", "Oudste"]


# Search: relevance for a bounded number of matches ---------------------------


def test_search_with_few_matches_is_ranked_by_relevance(onderzoeker_client, grens_drie):
    _verhalen_op_volgorde("Over de huur", "Iets anders", tekst="De huur was te hoog.")

    response = onderzoeker_client.get(reverse("verhalen:list"), {"q": "huur"})

    assert [v.titel for v in response.context["pagina"]][0] == "Over de huur"
    assert response.context["op_datum"] is False
    assert "nieuwste eerst" not in response.content.decode()


def test_search_with_more_matches_than_the_limit_shows_newest_first(onderzoeker_client, grens_drie):
    _verhalen_op_volgorde("Over de huur", "B", "C", "D", tekst="De huur was te hoog.")

    response = onderzoeker_client.get(reverse("verhalen:list"), {"q": "huur"})

    assert [v.titel for v in response.context["pagina"]] == ["D", "C", "B"]
    assert response.context["op_datum"] is True
    html = response.content.decode()
    assert "Meer dan 3 verhalen met “huur”" in html
    assert "ze op datum staan, nieuwste eerst" in html


def test_search_limit_counts_after_the_other_filters(onderzoeker_client, grens_drie):
    _verhalen_op_volgorde("Huur in Rotterdam", tekst="De huur.", gemeente="rotterdam")
    _verhalen_op_volgorde("A", "B", "C", tekst="De huur.", gemeente="schiedam")

    response = onderzoeker_client.get(
        reverse("verhalen:list"), {"q": "huur", "gemeente": "rotterdam"}
    )

    assert [v.titel for v in response.context["pagina"]] == ["Huur in Rotterdam"]
    assert response.context["op_datum"] is False


def test_zoek_ranks_when_no_limit_is_given():
    VerhaalFactory(titel="Iets anders", tekst="De huur was te hoog.")
    VerhaalFactory(titel="Over de huur", tekst="Niets.")

    gevonden = search.zoek(Verhaal.objects.all(), "huur")

    assert search.is_op_relevantie(gevonden)
    assert gevonden[0].titel == "Over de huur"


def test_zoek_with_a_limit_keeps_the_snippet_when_ordering_newest_first():
    _verhalen_op_volgorde("A", "B", tekst="Ik wachtte op de huurtoeslag.")

    gevonden = search.zoek(Verhaal.objects.all(), "huurtoeslag", rangschik_tot=1)

    assert not search.is_op_relevantie(gevonden)
    assert [v.titel for v in gevonden] == ["B", "A"]
    assert "<mark>" in search.fragment_html(gevonden[0], "huurtoeslag")


def test_export_of_a_search_holds_every_match_whatever_the_limit(onderzoeker_client, grens_drie):
    VerhaalFactory.create_batch(5, tekst="De huur was te hoog.")

    response = onderzoeker_client.get(reverse("verhalen:export_csv"), {"q": "huur"})

    regels = b"".join(response.streaming_content).decode().strip().splitlines()
    assert len(regels) == 1 + 5
