"""The story list's one action: add the ticked stories to a collection."""

import re

import pytest
from django.urls import reverse

from tests.verhalen.factories import VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory
from verhalen.models import CollectieItem

pytestmark = pytest.mark.django_db

URL = reverse("verhalen:aan_collectie")
LIJST = reverse("verhalen:list")


def in_collectie(collectie):
    return sorted(CollectieItem.objects.filter(collectie=collectie).values_list("verhaal__titel"))


def test_list_has_one_compact_action_and_a_checkbox_per_row(onderzoeker_client):
    verhaal = VerhaalFactory(titel="Wachten")
    CollectieFactory(titel="Over wachten", publiek="brede_raad")

    html = onderzoeker_client.get(LIJST).content.decode()

    assert html.count("Toevoegen aan collectie</button>") == 1
    vakje = f'name="verhalen" value="{verhaal.pk}" id="kies-{verhaal.pk}" form="aan-collectie"'
    assert vakje in html
    assert "Over wachten (voor leden van de Brede Raad 010)</option>" in html


def test_the_collection_choice_lists_every_collection_with_its_audience_and_state(
    onderzoeker_client,
):
    VerhaalFactory()
    wachten = CollectieFactory(titel="Wachten", publiek="brede_raad")
    armoede = CollectieFactory(titel="Armoede", publiek="openbaar", gepubliceerd=False)

    html = onderzoeker_client.get(LIJST).content.decode()

    keuze = re.search(r'<select name="collectie".*?</select>', html, re.DOTALL).group()
    assert re.findall(r'<option value="(\d*)"[^>]*>([^<]*)</option>', keuze) == [
        ("", "Kies een collectie"),
        (str(armoede.pk), "Armoede (voor iedereen, concept)"),
        (str(wachten.pk), "Wachten (voor leden van de Brede Raad 010)"),
    ]


def test_ticked_stories_that_fit_are_added_and_the_others_named(onderzoeker_client):
    collectie = CollectieFactory(titel="Voor de raad", publiek="brede_raad")
    past = VerhaalFactory(titel="Mag erin", toestemming="brede_raad")
    ook = VerhaalFactory(titel="Mag ook", toestemming="openbaar")
    niet = VerhaalFactory(titel="Alleen onderzoek", toestemming="onderzoek")

    response = onderzoeker_client.post(
        URL,
        {"collectie": collectie.pk, "verhalen": [past.pk, ook.pk, niet.pk], "next": LIJST},
        follow=True,
    )

    assert in_collectie(collectie) == [("Mag erin",), ("Mag ook",)]
    berichten = [str(bericht) for bericht in response.context["messages"]]
    assert berichten[0] == "2 verhalen toegevoegd aan “Voor de raad”."
    assert berichten[1].startswith("Niet toegevoegd: “Alleen onderzoek”: ")
    assert response.redirect_chain == [(LIJST, 302)]


def test_nothing_ticked_says_so_and_adds_nothing(onderzoeker_client):
    collectie = CollectieFactory()
    response = onderzoeker_client.post(URL, {"collectie": collectie.pk}, follow=True)
    berichten = [str(bericht) for bericht in response.context["messages"]]
    assert berichten == ["Vink eerst de verhalen aan die je wilt toevoegen."]
    assert in_collectie(collectie) == []


def test_a_story_the_user_may_not_see_is_refused(onderzoeker_client):
    collectie = CollectieFactory(publiek="brede_raad")
    ingetrokken = VerhaalFactory(toestemming="ingetrokken")
    response = onderzoeker_client.post(
        URL, {"collectie": collectie.pk, "verhalen": [ingetrokken.pk]}, follow=True
    )
    berichten = [str(bericht) for bericht in response.context["messages"]]
    assert berichten == ["Een van de gekozen verhalen bestaat niet (meer)."]
    assert in_collectie(collectie) == []


def test_next_outside_the_site_goes_back_to_the_list(onderzoeker_client):
    collectie = CollectieFactory(publiek="brede_raad")
    verhaal = VerhaalFactory(toestemming="openbaar")
    response = onderzoeker_client.post(
        URL, {"collectie": collectie.pk, "verhalen": [verhaal.pk], "next": "https://elders.nl/"}
    )
    assert response.url == LIJST


def test_anonymous_goes_to_login(client):
    response = client.post(URL, {})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("rol", ["raadslid_client", "coordinator_client"])
def test_other_roles_may_not_add(request, rol):
    collectie = CollectieFactory(publiek="brede_raad")
    verhaal = VerhaalFactory(toestemming="openbaar")
    response = request.getfixturevalue(rol).post(
        URL, {"collectie": collectie.pk, "verhalen": [verhaal.pk]}
    )
    assert response.status_code == 403
    assert in_collectie(collectie) == []


def test_get_is_not_allowed(onderzoeker_client):
    assert onderzoeker_client.get(URL).status_code == 405
