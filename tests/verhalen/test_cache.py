"""The home page's collections (verhalen/cache.py): cached for anonymous
visitors, fresh at once after a change to anything they show, and story
deletes that do not load every row of their cascade to send signals."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisagenda.models import Thema
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from verhalen.models import FragmentThema, Publiek, Toestemming
from verhalen.services import collecties as collectie_services
from verhalen.services import verhalen as verhaal_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def collectie():
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, titel="Wachten op hulp")
    CollectieItemFactory.create_batch(2, collectie=collectie)
    return collectie


def _home(client):
    return client.get(reverse("home")).content.decode()


def test_home_shows_a_new_public_collection_at_once(client, collectie):
    assert "Wachten op hulp" in _home(client)

    CollectieFactory(publiek=Publiek.OPENBAAR, titel="Rondkomen")

    assert "Rondkomen" in _home(client)


def test_home_shows_a_changed_collection_and_its_themes_at_once(client, collectie, onderzoeker):
    maatwerk = Thema.objects.get(slug="maatwerk")
    assert "Wachten op hulp" in _home(client)

    collectie_services.wijzig_collectie(
        collectie=collectie,
        door=onderzoeker,
        titel="Lang wachten op hulp",
        publiek=Publiek.OPENBAAR,
        themas=[maatwerk],
    )

    home = _home(client)
    assert "Lang wachten op hulp" in home
    assert f"Thema: {maatwerk.name}" in home


def test_home_shows_a_theme_added_to_a_collection_at_once(client, collectie):
    maatwerk = Thema.objects.get(slug="maatwerk")
    assert f"Thema: {maatwerk.name}" not in _home(client)

    collectie.themas.add(maatwerk)

    assert f"Thema: {maatwerk.name}" in _home(client)


def test_home_shows_a_renamed_theme_at_once(client, collectie):
    maatwerk = Thema.objects.get(slug="maatwerk")
    collectie.themas.add(maatwerk)
    assert f"Thema: {maatwerk.name}" in _home(client)

    maatwerk.name = "Maatwerk in de wijk"
    maatwerk.save()

    assert "Thema: Maatwerk in de wijk" in _home(client)


def test_home_counts_an_added_and_a_removed_story_at_once(client, collectie, onderzoeker):
    assert "2 verhalen" in _home(client)

    item = collectie_services.voeg_verhaal_toe(
        collectie=collectie,
        verhaal=VerhaalFactory(toestemming=Toestemming.OPENBAAR),
        door=onderzoeker,
    )
    assert "3 verhalen" in _home(client)

    collectie_services.verwijder_item(item=item, door=onderzoeker)
    assert "2 verhalen" in _home(client)


def test_home_counts_a_withdrawn_story_at_once(client, collectie, onderzoeker):
    assert "2 verhalen" in _home(client)

    verhaal_services.trek_toestemming_in(verhaal=collectie.items.first().verhaal, door=onderzoeker)

    assert "1 verhaal" in _home(client)


def test_deleting_a_story_deletes_its_codes_and_counts_without_loading_them():
    """Cache receivers only on what the cached pages show, so Django's
    Collector deletes the rows nobody listens to in one query each instead of
    first loading them (it loaded 22 tables for this story before)."""
    maatwerk = Thema.objects.get(slug="maatwerk")
    verhaal = VerhaalFactory(themas=[maatwerk])
    for start in range(3):
        FragmentFactory(verhaal=verhaal, start=start, eind=start + 1, codes=[maatwerk])

    with CaptureQueriesContext(connection) as queries:
        verhaal.delete()

    for tabel in ("verhalen_fragmentthema", "verhalen_verhaalthema", "verhalen_verhaaltelling"):
        opdrachten = [q["sql"].split()[0] for q in queries if f'"{tabel}"' in q["sql"]]
        assert opdrachten == ["DELETE"], tabel
    assert not FragmentThema.objects.exists()
