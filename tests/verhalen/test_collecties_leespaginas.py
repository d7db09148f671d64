"""A long collection is read in pages of ten stories: a table of contents of
every story, page navigation, reflections that keep the reader on their page,
and the same number of queries on every page."""

import json
import re

import pytest
from django.contrib.auth import SESSION_KEY

from tests.factories import DEFAULT_PASSWORD
from tests.helpers import move_clock
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import (
    CollectieFactory,
    CollectieItemFactory,
    ReflectieFactory,
)
from verhalen.models import Handeling, Inzage, Publiek, Reflectie, Toestemming
from verhalen.services.collecties import VERHALEN_PER_PAGINA

pytestmark = pytest.mark.django_db

TEKST = "Eerste alinea.\nTweede alinea."


def _collectie(aantal, slug="lang"):
    collectie = CollectieFactory(slug=slug, publiek=Publiek.BREDE_RAAD)
    verhalen = [
        VerhaalFactory(titel=f"Verhaal {nummer:02}", tekst=TEKST, toestemming=Toestemming.OPENBAAR)
        for nummer in range(1, aantal + 1)
    ]
    for verhaal in verhalen:
        CollectieItemFactory(collectie=collectie, verhaal=verhaal)
    collectie.verhalen = verhalen
    return collectie


@pytest.fixture
def lang():
    """23 stories: pages of 10, 10 and 3."""
    assert VERHALEN_PER_PAGINA == 10
    return _collectie(23)


def _artikelen(content):
    return re.findall(r'<article class="leesverhaal" id="(verhaal-\d+)"', content)


def _opties(content):
    return re.findall(r'<option value="(\d+)-\d+-\d+"', content)


def test_a_small_collection_is_one_page_without_page_navigation(raadslid_client):
    _collectie(VERHALEN_PER_PAGINA, slug="klein")

    content = raadslid_client.get("/collecties/klein/").content.decode()

    assert len(_artikelen(content)) == VERHALEN_PER_PAGINA
    assert "Pagina's van de collectie" not in content
    assert '<a href="#verhaal-10">Verhaal 10</a>' in content
    assert "(pagina" not in content


def test_first_page_shows_ten_stories_and_contents_of_all(raadslid_client, lang):
    content = raadslid_client.get("/collecties/lang/").content.decode()

    assert _artikelen(content) == [f"verhaal-{n}" for n in range(1, 11)]
    assert "23 verhalen" in content
    assert "Verhaal 1 van 23" in content
    inhoud = content.split('id="inhoudsopgave"')[1].split("</nav>")[0]
    assert inhoud.count("<li") == 23
    assert '<a href="#verhaal-10">Verhaal 10</a>' in inhoud
    assert (
        '<a href="?pagina=2#verhaal-11">Verhaal 11</a> '
        '<span class="inhoudsopgave__pagina">(pagina 2)</span>' in inhoud
    )
    assert '<a href="?pagina=3#verhaal-23">Verhaal 23</a>' in inhoud
    assert "Je leest nu pagina 1: verhaal 1 tot en met 10." in inhoud


def test_the_contents_of_a_later_page_lead_straight_to_its_first_story(raadslid_client, lang):
    content = raadslid_client.get("/collecties/lang/?pagina=2").content.decode()

    inhoud = content.split('id="inhoudsopgave"')[1].split("</nav>")[0]
    assert '<a class="no-print" href="#verhaal-11">Meteen naar verhaal 11</a>' in inhoud
    assert 'id="verhaal-11"' in content


def test_page_navigation_is_a_named_nav_marking_the_current_page(raadslid_client, lang):
    content = raadslid_client.get("/collecties/lang/?pagina=2").content.decode()

    kop = '<nav class="leespaginas no-print" aria-label="Pagina\'s van de collectie">'
    nav = content.split(kop)
    assert len(nav) == 2
    nav = nav[1].split("</nav>")[0]
    assert '<a href="?pagina=1" rel="prev">' in nav
    assert '<a href="?pagina=3" rel="next">' in nav
    assert (
        '<a href="?pagina=2" aria-current="page"><span class="visually-hidden">Pagina </span>2</a>'
        in nav
    )
    assert nav.count("aria-current") == 1


def test_last_page_and_links_to_stories_on_other_pages(raadslid_client, lang):
    content = raadslid_client.get("/collecties/lang/?pagina=3").content.decode()

    assert _artikelen(content) == ["verhaal-21", "verhaal-22", "verhaal-23"]
    eerste = content.split('id="verhaal-21"')[1].split("</article>")[0]
    assert '<a href="?pagina=2#verhaal-20" rel="prev">' in eerste
    assert 'Vorig verhaal<span class="bladeren__titel">: Verhaal 20</span>' in eerste
    midden = content.split('id="verhaal-22"')[1].split("</article>")[0]
    assert '<a href="#verhaal-23" rel="next">' in midden
    # The last story of page 1 leads on to page 2.
    content = raadslid_client.get("/collecties/lang/").content.decode()
    tiende = content.split('id="verhaal-10"')[1].split("</article>")[0]
    assert '<a href="?pagina=2#verhaal-11" rel="next">' in tiende


@pytest.mark.parametrize(("gevraagd", "eerste"), [("x", 1), ("0", 21), ("99", 21), ("", 1)])
def test_a_page_number_that_is_not_there_shows_the_first_or_last(
    raadslid_client, lang, gevraagd, eerste
):
    response = raadslid_client.get(f"/collecties/lang/?pagina={gevraagd}")

    assert response.status_code == 200
    assert _artikelen(response.content.decode())[0] == f"verhaal-{eerste}"


def test_passage_list_holds_only_the_passages_of_this_page(raadslid_client, lang):
    content = raadslid_client.get("/collecties/lang/?pagina=2").content.decode()

    verhalen = {str(verhaal.pk) for verhaal in lang.verhalen[10:20]}
    opties = _opties(content)
    assert set(opties) == verhalen
    assert len(opties) == 2 * 10
    assert '<input type="hidden" name="pagina" value="2">' in content
    sleutel = f"{lang.verhalen[10].pk}-0-14"
    assert f'href="?passage={sleutel}#reflectie-formulier"' in content
    # Such a link leads to the page of its story, with the passage chosen.
    gekozen = raadslid_client.get(f"/collecties/lang/?passage={sleutel}").content.decode()
    assert _artikelen(gekozen)[0] == "verhaal-11"
    assert f'<option value="{sleutel}" selected>' in gekozen


def test_reflecting_from_page_two_returns_to_page_two(raadslid_client, raadslid, lang):
    verhaal = lang.verhalen[11]
    response = raadslid_client.post(
        "/collecties/lang/reflecties/",
        {"pagina": "2", "passage": f"{verhaal.pk}-0-14", "tekst": "Dit herken ik."},
    )

    reflectie = Reflectie.objects.get()
    assert (reflectie.verhaal, reflectie.auteur) == (verhaal, raadslid)
    assert response["Location"] == (
        f"/collecties/lang/?pagina=2&reflectie={reflectie.pk}#reflectie-{reflectie.pk}"
    )
    content = raadslid_client.get(response["Location"]).content.decode()
    naast = content.split('id="verhaal-12"')[1].split("</article>")[0]
    assert 'class="alinea-reflecties"' in naast


def test_a_passage_of_another_page_is_refused_and_the_page_shown_again(raadslid_client, lang):
    response = raadslid_client.post(
        "/collecties/lang/reflecties/",
        {"pagina": "2", "passage": f"{lang.verhalen[0].pk}-0-14", "tekst": "Dit herken ik."},
    )

    assert response.status_code == 400
    assert not Reflectie.objects.exists()
    content = response.content.decode()
    assert _artikelen(content)[0] == "verhaal-11"
    assert '<input type="hidden" name="pagina" value="2">' in content


def test_form_with_errors_stays_on_the_readers_page(raadslid_client, lang):
    response = raadslid_client.post("/collecties/lang/reflecties/", {"pagina": "3", "tekst": ""})

    assert response.status_code == 400
    assert _artikelen(response.content.decode()) == ["verhaal-21", "verhaal-22", "verhaal-23"]
    assert "Schrijf eerst je reflectie." in response.content.decode()


def test_after_many_reflections_a_new_one_is_found_on_the_last_page_of_reflections(
    raadslid_client, lang
):
    for _ in range(20):
        ReflectieFactory(collectie=lang)

    response = raadslid_client.post(
        "/collecties/lang/reflecties/", {"pagina": "2", "tekst": "Over het geheel."}
    )

    nieuw = Reflectie.objects.latest("pk")
    assert (
        response["Location"]
        == f"/collecties/lang/?pagina=2&reflectie={nieuw.pk}#reflectie-{nieuw.pk}"
    )
    content = raadslid_client.get(response["Location"]).content.decode()
    assert f'id="reflectie-{nieuw.pk}"' in content
    # Paging through the reflections keeps the reading page.
    assert 'href="?pagina=2&amp;reflecties=1#reflecties" rel="prev"' in content


def test_a_reflection_links_to_its_passage_on_the_right_page(raadslid_client, lang):
    verhaal = lang.verhalen[14]
    ReflectieFactory(collectie=lang, verhaal=verhaal, start=0, eind=14)

    content = raadslid_client.get("/collecties/lang/").content.decode()

    assert (
        f'Over dit stuk uit “<a href="?pagina=2#verhaal-15">{verhaal.titel}</a>” (pagina 2):'
        in content
    )


def test_a_link_to_a_reflection_opens_its_passages_page_and_its_page_of_reflections(
    raadslid_client, raadslid, lang
):
    for _ in range(20):
        ReflectieFactory(collectie=lang)
    verhaal = lang.verhalen[14]
    eigen = ReflectieFactory(collectie=lang, verhaal=verhaal, start=0, eind=14, auteur=raadslid)

    # Where editing it, "Nee, terug" and "Jouw reflecties" lead.
    adres = eigen.get_absolute_url()
    content = raadslid_client.get(adres).content.decode()

    assert adres == f"/collecties/lang/?reflectie={eigen.pk}#reflectie-{eigen.pk}"
    assert _artikelen(content)[0] == "verhaal-11"
    naast = content.split('id="verhaal-15"')[1].split("</article>")[0]
    assert 'class="alinea-reflecties"' in naast
    assert f'id="reflectie-{eigen.pk}"' in content
    # The reflections' pager keeps this reading page.
    assert 'href="?pagina=2&amp;reflecties=1#reflecties" rel="prev"' in content


def test_a_reflection_beside_its_passage_links_to_its_page_of_reflections(raadslid_client, lang):
    eerste = ReflectieFactory(collectie=lang, verhaal=lang.verhalen[0], start=0, eind=14)
    for _ in range(20):
        ReflectieFactory(collectie=lang)

    content = raadslid_client.get("/collecties/lang/?reflecties=2").content.decode()
    naast = content.split('id="verhaal-1"')[1].split("</article>")[0]
    link = f"?reflectie={eerste.pk}#reflectie-{eerste.pk}"
    assert f'<a href="{link}">Reflectie van' in naast
    assert f'id="reflectie-{eerste.pk}"' not in content

    gevolgd = raadslid_client.get(f"/collecties/lang/{link}").content.decode()
    assert f'id="reflectie-{eerste.pk}"' in gevolgd
    assert _artikelen(gevolgd)[0] == "verhaal-1"


def test_after_editing_a_reflection_the_reader_sees_it_on_its_page(raadslid_client, raadslid, lang):
    eigen = ReflectieFactory(
        collectie=lang, verhaal=lang.verhalen[21], start=0, eind=14, auteur=raadslid
    )

    response = raadslid_client.post(
        f"/collecties/lang/reflecties/{eigen.pk}/bewerken/", {"tekst": "Aangepast."}
    )

    assert response["Location"] == eigen.get_absolute_url()
    content = raadslid_client.get(response["Location"]).content.decode()
    assert _artikelen(content) == ["verhaal-21", "verhaal-22", "verhaal-23"]
    assert "Aangepast." in content


def test_a_link_to_a_reflection_the_reader_may_not_see_shows_the_first_pages(client, lang):
    lang.publiek = Publiek.OPENBAAR
    lang.gepubliceerd = True
    lang.save()
    reflectie = ReflectieFactory(collectie=lang, verhaal=lang.verhalen[14], start=0, eind=14)

    content = client.get(reflectie.get_absolute_url()).content.decode()

    assert _artikelen(content)[0] == "verhaal-1"
    assert f'id="reflectie-{reflectie.pk}"' not in content


def test_the_access_log_counts_the_stories_shown(raadslid_client, raadslid, lang):
    raadslid_client.get("/collecties/lang/")
    raadslid_client.get("/collecties/lang/?pagina=3")

    rijen = Inzage.objects.filter(
        gebruiker=raadslid, handeling=Handeling.COLLECTIE_GELEZEN
    ).order_by("pk")
    assert [(rij.aantal, rij.filters) for rij in rijen] == [(10, ""), (3, "pagina=3")]


def test_every_page_costs_the_same_queries(client, django_assert_num_queries, maatwerk):
    collectie = CollectieFactory(slug="open", publiek=Publiek.OPENBAAR, themas=[maatwerk])
    for _ in range(23):
        verhaal = VerhaalFactory(toestemming="openbaar", tekst=TEKST)
        FragmentFactory(verhaal=verhaal, start=0, eind=6, codes=[maatwerk])
        CollectieItemFactory(collectie=collectie, verhaal=verhaal)

    # collection, table of contents, themes and sub-codes (marking), items of
    # the page, chosen fragments, theme fragments, their codes, themes (page):
    # one query less than before pages (themes and sub-codes were two), one more
    # for the table of contents.
    for pad in ("/collecties/open/", "/collecties/open/?pagina=3"):
        with django_assert_num_queries(8):
            response = client.get(pad)
        assert 'class="themafragment"' in response.content.decode()


def test_text_size_keeps_the_reader_on_their_page(raadslid_client, lang):
    content = raadslid_client.get("/collecties/lang/?pagina=2").content.decode()

    assert '<input type="hidden" name="next" value="/collecties/lang/?pagina=2">' in content


def test_input_kept_after_a_session_ended_comes_back_on_the_page_it_was_written_on(
    raadslid_client, lang
):
    move_clock(raadslid_client, actief_geleden=31 * 60)
    response = raadslid_client.post(
        "/collecties/lang/reflecties/", {"pagina": "2", "tekst": "Wat ik ervan vond."}
    )
    assert SESSION_KEY not in raadslid_client.session
    assert response["Location"] == "/accounts/login/?next=%2Fcollecties%2Flang%2F"

    response = raadslid_client.post(
        "/accounts/login/",
        {"username": "raadslid", "password": DEFAULT_PASSWORD, "next": "/collecties/lang/"},
        follow=True,
    )

    assert response.context["reflectie_form"]["tekst"].value() == "Wat ik ervan vond."
    assert _artikelen(response.content.decode())[0] == "verhaal-11"
    assert not Reflectie.objects.exists()


def test_export_holds_the_whole_collection(onderzoeker_client, lang):
    gegevens = json.loads(onderzoeker_client.get("/collecties/lang/export.json").content)

    assert [verhaal["nummer"] for verhaal in gegevens["verhalen"]] == list(range(1, 24))


def test_anonymous_reader_pages_through_a_public_collection(client):
    collectie = CollectieFactory(slug="openbaar", publiek=Publiek.OPENBAAR, gepubliceerd=True)
    for _ in range(12):
        CollectieItemFactory(collectie=collectie, verhaal=VerhaalFactory(toestemming="openbaar"))

    content = client.get("/collecties/openbaar/?pagina=2").content.decode()

    assert _artikelen(content) == ["verhaal-11", "verhaal-12"]
    assert "reflectie-formulier" not in content
    assert not Inzage.objects.exists()


def test_contents_escape_story_titles(raadslid_client, lang):
    verhaal = lang.verhalen[12]
    verhaal.titel = "Wachten & <b>hopen</b>"
    verhaal.save()

    content = raadslid_client.get("/collecties/lang/").content.decode()

    assert '<a href="?pagina=2#verhaal-13">Wachten &amp; &lt;b&gt;hopen&lt;/b&gt;</a>' in content
