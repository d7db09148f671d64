"""Speed at scale (issue 7) for stories, the codebook and collections: bounded
counts, relevance ranking only for a bounded number of matches, and pinned
query counts that stay the same with 1 and with 3+ items."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kennisagenda.models import Thema
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from toolkit import paginering
from toolkit.paginering import begrensd_aantal
from verhalen.models import Fragment, Toestemming, Verhaal
from verhalen.models.collectie import CollectieItem, Publiek
from verhalen.selectors import search
from verhalen.services import codering, tellingen
from verhalen.services import verhalen as verhalen_services

# session, user, the second step's authenticator, permissions ×2, the
# filter's research attributes, the access log (count, row), the attributes'
# columns, the codebook's slugs, then per chunk of export.EXPORT_CHUNK
# stories: the stories, their themes, keywords, fragments, the fragments'
# codes, attribute values and memos
EXPORT_QUERIES = 17

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


# The bounded count ------------------------------------------------------


def test_begrensd_aantal_counts_up_to_one_past_the_limit():
    VerhaalFactory.create_batch(5)

    assert begrensd_aantal(Verhaal.objects.all(), 3) == 4
    assert begrensd_aantal(Verhaal.objects.all(), 10) == 5


# The story list -------------------------------------------------------------


def test_story_list_says_more_than_the_limit(onderzoeker_client, grens_drie):
    VerhaalFactory.create_batch(5)

    response = onderzoeker_client.get(reverse("verhalen:list"))

    assert "Meer dan 3 verhalen" in response.content.decode()
    assert len(response.context["pagina"]) == 5


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

    # Every match can be reached, newest first.
    assert [v.titel for v in response.context["pagina"]] == ["D", "C", "B", "Over de huur"]
    assert response.context["op_datum"] is True
    html = response.content.decode()
    assert "Meer dan 3 verhalen met “huur”" in html
    assert "ze op datum staan, nieuwste eerst" in html


@pytest.mark.parametrize("aantal", [2, 4])
def test_a_search_counts_its_matches_once(onderzoeker_client, grens_drie, aantal):
    """The count that chooses relevance or newest first is the one shown."""
    VerhaalFactory.create_batch(aantal, tekst="De huur was te hoog.")
    VerhaalFactory(tekst="Iets anders.")
    url = reverse("verhalen:list")
    onderzoeker_client.get(url, {"q": "huur"})  # warm up the session and permission caches

    with CaptureQueriesContext(connection) as queries:
        response = onderzoeker_client.get(url, {"q": "huur"})

    assert response.context["aantal"] == aantal
    assert response.context["op_datum"] is (aantal > grens_drie)
    assert sum("COUNT(" in query["sql"].upper() for query in queries.captured_queries) == 1


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

    regels = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(regels) == 1 + 5


# The codebook: stored counts, kept right by every change ------------------------


def _aantallen(response):
    return {knoop.thema.slug: knoop.aantal for knoop in response.context["boom"]}


@pytest.mark.parametrize("aantal", [1, 3])
def test_codebook_query_count_is_pinned(
    onderzoeker_client, django_assert_num_queries, maatwerk, aantal
):
    for _ in range(aantal):
        FragmentFactory(verhaal=VerhaalFactory(), start=0, eind=4, codes=[maatwerk])
    onderzoeker_client.get(reverse("codeboek:index"))

    # session, user, the second step's authenticator, permissions ×2, codes,
    # stored counts
    with django_assert_num_queries(7):
        response = onderzoeker_client.get(reverse("codeboek:index"))

    assert _aantallen(response)["maatwerk"] == aantal


def test_codebook_counts_follow_coding_at_once(onderzoeker_client, onderzoeker, maatwerk):
    verhaal = VerhaalFactory()
    FragmentFactory(verhaal=verhaal, start=0, eind=4, codes=[maatwerk])
    assert _aantallen(onderzoeker_client.get(reverse("codeboek:index")))["maatwerk"] == 1

    fragment = codering.maak_fragment(
        verhaal=verhaal, start=5, eind=10, codes=[maatwerk], memo="", codeur=onderzoeker
    )
    assert _aantallen(onderzoeker_client.get(reverse("codeboek:index")))["maatwerk"] == 2

    codering.verwijder_fragment(fragment=fragment, door=onderzoeker)
    assert _aantallen(onderzoeker_client.get(reverse("codeboek:index")))["maatwerk"] == 1


def test_codebook_counts_follow_a_withdrawn_story_at_once(
    onderzoeker_client, onderzoeker, maatwerk
):
    verhaal = VerhaalFactory()
    FragmentFactory(verhaal=verhaal, start=0, eind=4, codes=[maatwerk])
    assert _aantallen(onderzoeker_client.get(reverse("codeboek:index")))["maatwerk"] == 1

    verhalen_services.trek_toestemming_in(verhaal=verhaal, door=onderzoeker)

    assert _aantallen(onderzoeker_client.get(reverse("codeboek:index")))["maatwerk"] == 0


def test_codebook_counts_follow_a_merge_and_a_new_code_at_once(
    onderzoeker_client, onderzoeker, maatwerk, vertrouwen
):
    argwaan = codering.maak_subcode(naam="argwaan", parent=vertrouwen, door=onderzoeker)
    FragmentFactory(verhaal=VerhaalFactory(), start=0, eind=4, codes=[argwaan])
    onderzoeker_client.get(reverse("codeboek:index"))
    twijfel = codering.maak_subcode(naam="twijfel", parent=maatwerk, door=onderzoeker)
    FragmentFactory(verhaal=VerhaalFactory(), start=0, eind=4, codes=[twijfel])

    voor = _aantallen(onderzoeker_client.get(reverse("codeboek:index")))
    codering.voeg_codes_samen(bron=argwaan, doel=twijfel, door=onderzoeker)
    na = _aantallen(onderzoeker_client.get(reverse("codeboek:index")))

    assert (voor["twijfel"], voor["maatwerk"], voor["vertrouwen"]) == (1, 1, 1)
    assert (na["twijfel"], na["maatwerk"], na["vertrouwen"], "argwaan" in na) == (2, 2, 0, False)


# The theme hub: stored counts per audience -------------------------------------


def test_theme_hub_counts_follow_a_new_story_at_once(onderzoeker_client, maatwerk):
    VerhaalFactory(themas=[maatwerk])
    url = maatwerk.get_absolute_url()
    assert "1 verhaal" in onderzoeker_client.get(url).content.decode()

    VerhaalFactory(themas=[maatwerk])

    assert "2 verhalen" in onderzoeker_client.get(url).content.decode()


def test_theme_hub_counts_differ_per_audience(onderzoeker_client, maatwerk):
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, themas=[maatwerk])
    in_collectie = VerhaalFactory(themas=[maatwerk], toestemming="openbaar")
    CollectieItemFactory(collectie=collectie, verhaal=in_collectie)
    VerhaalFactory(themas=[maatwerk], toestemming="onderzoek")
    VerhaalFactory(themas=[maatwerk], toestemming="openbaar")
    url = maatwerk.get_absolute_url()

    def aantal_verhalen(response):
        (sectie,) = [s for s in response.context["sections"] if "aantal_verhalen" in s["context"]]
        return sectie["context"]["aantal_verhalen"]

    assert aantal_verhalen(onderzoeker_client.get(url)) == 3
    assert aantal_verhalen(Client().get(url)) == 1


# Collections: counted by a join on consent, the same rule --------------------


@pytest.mark.parametrize("aantal", [1, 3])
def test_collection_page_query_count_is_pinned(client, django_assert_num_queries, maatwerk, aantal):
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, slug="lees", themas=[maatwerk])
    for _ in range(aantal):
        verhaal = VerhaalFactory(toestemming="openbaar", tekst="Ik wachtte heel lang.")
        FragmentFactory(verhaal=verhaal, start=0, eind=10, codes=[maatwerk])
        CollectieItemFactory(collectie=collectie, verhaal=verhaal)

    # collection, table of contents, themes and sub-codes (marking), items of
    # the page, chosen fragments, theme fragments, their codes, themes (page)
    with django_assert_num_queries(8):
        response = client.get(collectie.get_absolute_url())

    assert len(response.context["leesitems"]) == aantal


def test_collection_items_follow_the_one_visibility_rule(raadslid, coordinator, onderzoeker):
    voor_raad = CollectieFactory(publiek=Publiek.BREDE_RAAD)
    openbaar = CollectieFactory(publiek=Publiek.OPENBAAR)
    for toestemming in ["onderzoek", "brede_raad", "openbaar", "ingetrokken"]:
        for collectie in (voor_raad, openbaar):
            CollectieItemFactory(
                collectie=collectie, verhaal=VerhaalFactory(toestemming=toestemming)
            )

    def toestemmingen(items):
        return sorted((i.collectie.publiek, i.verhaal.toestemming) for i in items)

    for user in (raadslid, coordinator, onderzoeker, AnonymousUser()):
        verwacht = [
            (item.collectie.publiek, item.verhaal.toestemming)
            for item in CollectieItem.objects.select_related("collectie", "verhaal")
            if item.verhaal
            in Verhaal.objects.zichtbaar_voor(user).met_toestemming_voor(item.collectie.publiek)
        ]
        gevonden = CollectieItem.objects.zichtbaar_voor(user).select_related("collectie", "verhaal")
        assert toestemmingen(gevonden) == sorted(verwacht)
        for collectie in (voor_raad, openbaar):
            assert set(collectie.zichtbare_items(user)) == {
                item for item in gevonden if item.collectie_id == collectie.pk
            }


# Export: streams, in a constant number of queries ------------------------------


@pytest.mark.parametrize("aantal", [1, 3])
def test_csv_export_query_count_is_pinned(
    onderzoeker_client, django_assert_num_queries, maatwerk, aantal
):
    for _ in range(aantal):
        verhaal = VerhaalFactory(themas=[maatwerk], trefwoorden=["wachten"])
        FragmentFactory(verhaal=verhaal, start=0, eind=4, codes=[maatwerk])
    onderzoeker_client.get(reverse("verhalen:export_csv"))

    # The same pinned EXPORT_QUERIES for every size (checked on leaving the block).
    with django_assert_num_queries(EXPORT_QUERIES):
        response = onderzoeker_client.get(reverse("verhalen:export_csv"))
        regels = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert response.streaming
    assert len(regels) == 1 + aantal


def test_snippet_of_a_long_story_shows_a_hit_deep_in_the_text():
    # The snippet is made in Python on both databases (verhalen/selectors/search.py).
    tekst = "Het was een gewone dag in de wijk. " * 400 + "Toen kwam de woekerpolis op tafel."
    VerhaalFactory(tekst=tekst)

    verhaal = search.zoek(Verhaal.objects.all(), "woekerpolis").get()

    assert "<mark>woekerpolis</mark>" in search.fragment_html(verhaal, "woekerpolis")


# Saving a fragment: a constant number of queries, its stored counts included ----


def _codeboomslot():
    """The codebook lock is a query on PostgreSQL only (tellingen.codeboom_vast)."""
    return 1 if connection.vendor == "postgresql" else 0


@pytest.fixture
def gedeeld_verhaal(onderzoeker, maatwerk):
    """A Brede Raad story in a published collection (so three audiences count it),
    coded `aantal` times with `maatwerk` and a sub-code of it, and once with the
    sub-code only."""

    def maak(aantal):
        verhaal = VerhaalFactory(toestemming=Toestemming.BREDE_RAAD)
        CollectieItemFactory(
            collectie=CollectieFactory(publiek=Publiek.BREDE_RAAD), verhaal=verhaal
        )
        subcode = codering.maak_subcode(naam="Lang wachten", parent=maatwerk, door=onderzoeker)
        for begin in range(aantal):
            codering.maak_fragment(
                verhaal=verhaal,
                start=begin,
                eind=begin + 4,
                codes=[maatwerk, subcode],
                codeur=onderzoeker,
            )
        codering.maak_fragment(
            verhaal=verhaal, start=40, eind=44, codes=[subcode], codeur=onderzoeker
        )
        return verhaal, subcode

    return maak


@pytest.mark.parametrize("aantal", [1, 3])
def test_saving_a_new_fragment_query_count_is_pinned(
    onderzoeker, django_assert_num_queries, maatwerk, gedeeld_verhaal, aantal
):
    verhaal, subcode = gedeeld_verhaal(aantal)

    # savepoint, the codebook lock (PostgreSQL), the story locked, the code tree,
    # what the story counted for (one query), its text checked under the lock,
    # the fragment, its history row (with the codes), its codes (one INSERT),
    # what the story counts for now, the code counts locked and changed (one
    # UPDATE for every audience), the story's count, release
    with django_assert_num_queries(13 + _codeboomslot()):
        fragment = codering.maak_fragment(
            verhaal=verhaal, start=20, eind=30, codes=[subcode, maatwerk], codeur=onderzoeker
        )

    assert set(fragment.codes.all()) == {maatwerk, subcode}
    assert [c["id"] for c in fragment.history.get().codes_snapshot] == sorted(
        [maatwerk.pk, subcode.pk], key=lambda pk: Thema.objects.get(pk=pk).name.lower()
    )
    assert tellingen.voor_code(onderzoeker, maatwerk) == (1, aantal + 2)


@pytest.mark.parametrize("aantal", [1, 3])
def test_changing_a_fragment_query_count_is_pinned(
    onderzoeker, django_assert_num_queries, maatwerk, gedeeld_verhaal, aantal
):
    verhaal, subcode = gedeeld_verhaal(aantal)
    fragment = Fragment.objects.filter(verhaal=verhaal, start=0).select_related("verhaal").get()

    # savepoint, the codebook lock (PostgreSQL), the story locked, the code tree,
    # what the story counted for, its text checked under the lock, the fragment
    # unchanged since read, the codes it loses (one DELETE: no delete
    # receiver on code links), the codes it gets (one INSERT), its codes for
    # the history, the fragment, its history row, what the story counts for
    # now, the code counts locked and changed, release
    with django_assert_num_queries(15 + _codeboomslot()):
        codering.wijzig_fragment(
            fragment=fragment,
            start=0,
            eind=8,
            codes=[maatwerk],
            memo="",
            moet_herzien=False,
            door=onderzoeker,
        )

    assert list(fragment.codes.all()) == [maatwerk]
    assert tellingen.voor_code(onderzoeker, subcode) == (1, aantal)
    assert tellingen.voor_code(onderzoeker, maatwerk) == (1, aantal + 1)
