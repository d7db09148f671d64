"""'Voor jou', the start page after login: each role's part (sections)."""

import pytest

from adviezen.models import Status
from tests.adviezen.factories import AanbevelingFactory, AdviesFactory, AntwoordFactory
from tests.kenniscafes.factories import AanmeldingFactory, KenniscafeFactory
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import (
    CollectieFactory,
    CollectieItemFactory,
    ReflectieFactory,
)
from verhalen.models import Publiek, Toestemming

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_asked_to_log_in(client):
    response = client.get("/voor-jou/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_member_finds_new_collection_until_read(raadslid_client, raadslid):
    collectie = CollectieFactory(
        slug="nieuw-voor-raad", titel="Wachten", publiek=Publiek.BREDE_RAAD
    )
    CollectieItemFactory(collectie=collectie)
    CollectieFactory(slug="concept", titel="Nog een concept", gepubliceerd=False)
    content = raadslid_client.get("/voor-jou/").content.decode()
    assert "Collecties om te lezen (1 nieuw)" in content
    assert '<a href="/collecties/nieuw-voor-raad/">Wachten</a> <span class="badge">Nieuw' in content
    assert "Nog een concept" not in content

    raadslid_client.get("/collecties/nieuw-voor-raad/")
    content = raadslid_client.get("/voor-jou/").content.decode()
    assert "Nieuw voor jou" not in content
    assert "Wachten" in content


def test_member_sees_own_reflections_advice_in_progress_and_answers(raadslid_client, raadslid):
    ReflectieFactory(auteur=raadslid, tekst="Mijn reflectie.")
    ReflectieFactory(tekst="Die van een ander.")
    AdviesFactory(titel="In de maak")
    aangeboden = AdviesFactory(titel="Aangeboden advies", status=Status.AANGEBODEN)
    AntwoordFactory(aanbeveling=AanbevelingFactory(advies=aangeboden))
    AanbevelingFactory(advies=aangeboden)
    content = raadslid_client.get("/voor-jou/").content.decode()
    assert "Mijn reflectie." in content
    assert "Die van een ander." not in content
    assert "In de maak" in content
    assert "antwoord op 1 van 2 aanbevelingen" in content


def test_researcher_sees_recent_and_uncoded_stories_not_member_sections(onderzoeker_client):
    gecodeerd = VerhaalFactory(titel="Al gecodeerd")
    FragmentFactory(verhaal=gecodeerd)
    VerhaalFactory(titel="Nog te coderen")
    VerhaalFactory(titel="Teruggetrokken", toestemming=Toestemming.INGETROKKEN)
    content = onderzoeker_client.get("/voor-jou/").content.decode()
    nog_niet = content.split("<h3>Nog niet gecodeerd</h3>")[1]
    assert "Nog te coderen" in nog_niet and "Al gecodeerd" not in nog_niet
    assert "Teruggetrokken" not in content
    assert "Jouw reflecties" not in content
    assert "Komende kenniscafés" not in content


def test_coordinator_sees_coming_cafes_with_registrations_and_no_stories(coordinator_client):
    cafe = KenniscafeFactory(titel="Samen rondkomen")
    AanmeldingFactory(kenniscafe=cafe)
    VerhaalFactory(titel="Geheim verhaal", toestemming=Toestemming.OPENBAAR)
    content = coordinator_client.get("/voor-jou/").content.decode()
    assert "Samen rondkomen" in content
    assert "<td>1</td>" in content
    assert "Geheim verhaal" not in content
    assert "Jouw reflecties" not in content


def test_member_does_not_see_cafe_registrations(raadslid_client):
    KenniscafeFactory(titel="Samen rondkomen")
    assert "Komende kenniscafés" not in raadslid_client.get("/voor-jou/").content.decode()
