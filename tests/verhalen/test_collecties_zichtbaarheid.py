"""Who may read which collection, and which stories in it: every role ×
audience × consent level, and consent that changes after a story was added."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import UserFactory
from tests.helpers import log_in
from tests.verhalen.factories import VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from verhalen.models import Collectie, CollectieItem, Publiek, Toestemming

pytestmark = pytest.mark.django_db

ROLLEN = ["anoniem", "zonderrol", "coordinator", "raadslid", "onderzoeker", "beheerder"]

# Which published collections each role may open.
MAG_COLLECTIE_LEZEN = {
    ("anoniem", Publiek.OPENBAAR),
    ("zonderrol", Publiek.OPENBAAR),
    ("coordinator", Publiek.OPENBAAR),
    ("raadslid", Publiek.OPENBAAR),
    ("raadslid", Publiek.BREDE_RAAD),
    ("onderzoeker", Publiek.OPENBAAR),
    ("onderzoeker", Publiek.BREDE_RAAD),
    ("beheerder", Publiek.OPENBAAR),
    ("beheerder", Publiek.BREDE_RAAD),
}

# Which stories are shown inside a collection the role may open. Coordinators
# see no story text at all (docs/consent.md), so their public collection is empty.
TOESTEMMING_PAST = {
    Publiek.OPENBAAR: {Toestemming.OPENBAAR},
    Publiek.BREDE_RAAD: {Toestemming.BREDE_RAAD, Toestemming.OPENBAAR},
}


@pytest.fixture
def gebruiker_voor(onderzoeker, raadslid, coordinator, beheerder, gewone_gebruiker):
    return {
        "anoniem": None,
        "zonderrol": gewone_gebruiker,
        "coordinator": coordinator,
        "raadslid": raadslid,
        "onderzoeker": onderzoeker,
        "beheerder": beheerder,
    }


@pytest.fixture
def client_voor(client, gebruiker_voor):
    def _client(rol):
        if gebruiker_voor[rol] is not None:
            log_in(client, gebruiker_voor[rol])
        return client

    return _client


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("publiek", Publiek.values)
@pytest.mark.parametrize("toestemming", Toestemming.values)
def test_story_in_published_collection_shown_only_when_role_audience_and_consent_allow(
    client_voor, rol, publiek, toestemming
):
    collectie = CollectieFactory(publiek=publiek, titel="Wachten op hulp")
    verhaal = VerhaalFactory(toestemming=toestemming, titel="Het verhaal van Anouk")
    CollectieItemFactory(collectie=collectie, verhaal=verhaal)

    response = client_voor(rol).get(collectie.get_absolute_url())

    if (rol, publiek) not in MAG_COLLECTIE_LEZEN:
        assert response.status_code == 404
        assert "Wachten op hulp" not in response.content.decode()
        return
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Wachten op hulp</h1>" in content
    verwacht_zichtbaar = toestemming in TOESTEMMING_PAST[publiek] and rol != "coordinator"
    assert ("Het verhaal van Anouk" in content) is verwacht_zichtbaar


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("publiek", Publiek.values)
def test_draft_collection_is_404_for_everyone_but_curators(client_voor, rol, publiek):
    collectie = CollectieFactory(publiek=publiek, gepubliceerd=False, titel="Nog geheim")

    response = client_voor(rol).get(collectie.get_absolute_url())

    if rol in ("onderzoeker", "beheerder"):
        assert response.status_code == 200
        assert "Concept: nog niet gepubliceerd" in response.content.decode()
    else:
        assert response.status_code == 404


@pytest.mark.parametrize(
    ("rol", "verwacht"),
    [
        ("anoniem", ["Openbaar"]),
        ("zonderrol", ["Openbaar"]),
        ("coordinator", ["Openbaar"]),
        ("raadslid", ["Openbaar", "Voor de raad"]),
        ("onderzoeker", ["Openbaar", "Voor de raad", "Concept"]),
        ("beheerder", ["Openbaar", "Voor de raad", "Concept"]),
    ],
)
def test_list_shows_exactly_the_collections_the_role_may_read(client_voor, rol, verwacht):
    CollectieFactory(titel="Openbaar", publiek=Publiek.OPENBAAR)
    CollectieFactory(titel="Voor de raad", publiek=Publiek.BREDE_RAAD)
    CollectieFactory(titel="Concept", publiek=Publiek.OPENBAAR, gepubliceerd=False)

    response = client_voor(rol).get("/collecties/")

    getoond = [collectie.titel for collectie in response.context["collecties"]]
    assert sorted(getoond) == sorted(verwacht)


def test_leesbaar_voor_follows_permissions_not_usernames(raadslid, onderzoeker):
    openbaar = CollectieFactory(publiek=Publiek.OPENBAAR)
    raad = CollectieFactory(publiek=Publiek.BREDE_RAAD)
    concept = CollectieFactory(publiek=Publiek.BREDE_RAAD, gepubliceerd=False)

    assert set(Collectie.objects.leesbaar_voor(AnonymousUser())) == {openbaar}
    assert set(Collectie.objects.leesbaar_voor(UserFactory())) == {openbaar}
    assert set(Collectie.objects.leesbaar_voor(raadslid)) == {openbaar, raad}
    assert set(Collectie.objects.leesbaar_voor(onderzoeker)) == {openbaar, raad, concept}


@pytest.mark.parametrize("nieuwe_toestemming", [Toestemming.BREDE_RAAD, Toestemming.ONDERZOEK])
def test_story_disappears_from_public_collection_when_consent_is_lowered(
    client, raadslid, nieuwe_toestemming
):
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR)
    verhaal = VerhaalFactory(toestemming=Toestemming.OPENBAAR, titel="Mijn buurvrouw hielp")
    CollectieItemFactory(collectie=collectie, verhaal=verhaal)
    assert "Mijn buurvrouw hielp" in client.get(collectie.get_absolute_url()).content.decode()

    verhaal.toestemming = nieuwe_toestemming
    verhaal.save()

    assert "Mijn buurvrouw hielp" not in client.get(collectie.get_absolute_url()).content.decode()
    log_in(client, raadslid)
    assert "Mijn buurvrouw hielp" not in client.get(collectie.get_absolute_url()).content.decode()
    assert CollectieItem.objects.filter(verhaal=verhaal).exists(), "the item itself stays"


def test_withdrawn_story_disappears_everywhere_and_curator_sees_why(client, onderzoeker, raadslid):
    collectie = CollectieFactory(publiek=Publiek.BREDE_RAAD, slug="wachten")
    verhaal = VerhaalFactory(toestemming=Toestemming.BREDE_RAAD, titel="Drie jaar wachten")
    item = CollectieItemFactory(collectie=collectie, verhaal=verhaal)

    verhaal.toestemming = Toestemming.INGETROKKEN
    verhaal.save()

    log_in(client, raadslid)
    assert "Drie jaar wachten" not in client.get("/collecties/wachten/").content.decode()
    log_in(client, onderzoeker)
    assert "Drie jaar wachten" not in client.get("/collecties/wachten/").content.decode()
    bewerken = client.get("/collecties/wachten/bewerken/").content.decode()
    assert f'id="item-{item.pk}"' in bewerken
    assert "Verborgen voor lezers." in bewerken
    assert "De verteller heeft de toestemming ingetrokken." in bewerken
    # Researchers may not see withdrawn stories either: no title, only a number.
    assert "Drie jaar wachten" not in bewerken
    assert f"Verhaal nr. {verhaal.pk} (ingetrokken)" in bewerken


def test_curator_sees_which_items_are_hidden_after_consent_lowered(onderzoeker_client):
    collectie = CollectieFactory(publiek=Publiek.BREDE_RAAD, slug="wachten")
    zichtbaar = CollectieItemFactory(
        collectie=collectie, verhaal=VerhaalFactory(toestemming=Toestemming.BREDE_RAAD)
    )
    verborgen = CollectieItemFactory(
        collectie=collectie, verhaal=VerhaalFactory(toestemming=Toestemming.BREDE_RAAD)
    )
    verborgen.verhaal.toestemming = Toestemming.ONDERZOEK
    verborgen.verhaal.save()

    response = onderzoeker_client.get("/collecties/wachten/bewerken/")

    overzicht = {
        regel["item"].pk: (regel["zichtbaar"], regel["reden"])
        for regel in response.context["overzicht"]
    }
    assert overzicht == {
        zichtbaar.pk: (True, ""),
        verborgen.pk: (
            False,
            "De toestemming is nu “Alleen onderzoeksteam”. Dat past niet bij het publiek "
            "van deze collectie.",
        ),
    }
    assert verborgen.verhaal.titel in response.content.decode()


def test_switching_collection_to_public_hides_brede_raad_stories_and_warns(onderzoeker_client):
    collectie = CollectieFactory(publiek=Publiek.BREDE_RAAD, slug="wachten", titel="Wachten")
    CollectieItemFactory(collectie=collectie, verhaal=VerhaalFactory(toestemming="brede_raad"))
    CollectieItemFactory(collectie=collectie, verhaal=VerhaalFactory(toestemming="openbaar"))

    response = onderzoeker_client.post(
        "/collecties/wachten/bewerken/",
        {"titel": "Wachten", "slug": "wachten", "publiek": "openbaar", "inleiding": ""},
        follow=True,
    )

    content = response.content.decode()
    assert "Let op: 1 verhaal/verhalen in deze collectie zijn nu verborgen" in content
    assert [regel["zichtbaar"] for regel in response.context["overzicht"]] == [False, True]


def test_items_query_is_the_one_rule_for_each_collection_audience(raadslid):
    raad = CollectieFactory(publiek=Publiek.BREDE_RAAD)
    openbaar = CollectieFactory(publiek=Publiek.OPENBAAR)
    raad_ok = CollectieItemFactory(collectie=raad, verhaal=VerhaalFactory(toestemming="brede_raad"))
    CollectieItemFactory(collectie=openbaar, verhaal=raad_ok.verhaal)  # not allowed in public
    openbaar_ok = CollectieItemFactory(
        collectie=openbaar, verhaal=VerhaalFactory(toestemming="openbaar")
    )
    CollectieItemFactory(collectie=raad, verhaal=VerhaalFactory(toestemming="ingetrokken"))

    assert set(CollectieItem.objects.leesbaar_voor(raadslid)) == {raad_ok, openbaar_ok}
