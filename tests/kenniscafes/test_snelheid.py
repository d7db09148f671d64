"""Speed at scale (issue 7) for the kenniscafés: the public agenda, archive,
agenda.ics and home page come from the shared cache for anonymous visitors,
in a pinned number of queries, and show every change at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kenniscafes.cache import tot_volgend_einde
from kenniscafes.models import Spreker, Status
from kenniscafes.services import meld_aan
from tests.helpers import log_in
from tests.projecten.factories import ProjectFactory, WerkteamFactory
from toolkit import cache

from .factories import (
    AanmeldingFactory,
    KenniscafeFactory,
    LocatieFactory,
    SprekerFactory,
    over_dagen,
)

pytestmark = pytest.mark.django_db

# A page from the cache reads no data: one cache read for the page and the
# versions it depends on (no query here, where the cache is in the test
# process, nor with Redis; one with the database cache table). Filling it
# costs the page's own queries and the next café's end.
TREFFER = 0


def _tekst(response):
    return response.content.decode()


# Pinned query counts: the same with 1 and with 3+ cafés ------------------------


@pytest.mark.parametrize("aantal", [1, 4])
def test_agenda_from_the_cache_reads_no_data(
    client, django_assert_num_queries, thema_maatwerk, aantal
):
    for _ in range(aantal):
        AanmeldingFactory(kenniscafe=KenniscafeFactory(themas=[thema_maatwerk]))
    eerste = client.get(reverse("kenniscafes:agenda"))

    with django_assert_num_queries(TREFFER):
        tweede = client.get(reverse("kenniscafes:agenda"))

    assert tweede.content == eerste.content
    assert _tekst(tweede).count('<li class="card kenniscafe-kaart') == aantal


@pytest.mark.parametrize("aantal", [1, 4])
def test_agenda_ics_from_the_cache_reads_no_data(
    client, django_assert_num_queries, thema_maatwerk, aantal
):
    KenniscafeFactory.create_batch(aantal, themas=[thema_maatwerk])
    eerste = client.get(reverse("kenniscafes:agenda_ics"))

    with django_assert_num_queries(TREFFER):
        tweede = client.get(reverse("kenniscafes:agenda_ics"))

    assert tweede.content == eerste.content
    assert tweede["Content-Type"] == "text/calendar; charset=utf-8"
    assert _tekst(tweede).count("BEGIN:VEVENT") == aantal


@pytest.mark.parametrize("aantal", [1, 4])
def test_agenda_ics_when_filling_the_cache_does_not_grow(
    client, django_assert_num_queries, thema_maatwerk, aantal
):
    KenniscafeFactory.create_batch(aantal, themas=[thema_maatwerk])
    cache.versies(["themas", "kenniscafes"])  # as on a running site: the versions exist
    # cafés, their themes, the next café's end
    with django_assert_num_queries(3):
        response = client.get(reverse("kenniscafes:agenda_ics"))
    assert _tekst(response).count("BEGIN:VEVENT") == aantal


@pytest.mark.parametrize("aantal", [1, 4])
def test_archive_from_the_cache_reads_no_data(
    client, django_assert_num_queries, thema_maatwerk, aantal
):
    for _ in range(aantal):
        KenniscafeFactory(start=over_dagen(-20), themas=[thema_maatwerk], verslag="Tekst")
    client.get(reverse("kenniscafes:archief"))

    with django_assert_num_queries(TREFFER):
        response = client.get(reverse("kenniscafes:archief"))

    assert _tekst(response).count("Lees het verslag") == aantal


@pytest.mark.parametrize("aantal", [1, 4])
def test_home_from_the_cache_reads_no_data(
    client, django_assert_num_queries, thema_maatwerk, aantal
):
    KenniscafeFactory.create_batch(aantal, themas=[thema_maatwerk])
    client.get(reverse("home"))

    with django_assert_num_queries(TREFFER):
        response = client.get(reverse("home"))

    assert _tekst(response).count('<li class="card kenniscafe-kaart') == min(aantal, 3)


# Invalidation: a change shows at once ----------------------------------------


def test_agenda_and_home_show_a_changed_title_at_once(client):
    cafe = KenniscafeFactory(titel="Wonen in de wijk")
    assert "Wonen in de wijk" in _tekst(client.get(reverse("kenniscafes:agenda")))
    assert "Wonen in de wijk" in _tekst(client.get(reverse("home")))

    cafe.titel = "Wonen en zorg in de wijk"
    cafe.save()

    assert "Wonen en zorg in de wijk" in _tekst(client.get(reverse("kenniscafes:agenda")))
    assert "Wonen en zorg in de wijk" in _tekst(client.get(reverse("home")))


def test_agenda_shows_places_left_after_a_registration_at_once(client):
    cafe = KenniscafeFactory(capaciteit=2)
    assert "Nog 2 plaatsen vrij" in _tekst(client.get(reverse("kenniscafes:agenda")))

    meld_aan(kenniscafe=cafe, naam="Fatima", email="fatima@example.org", basis_url="http://x")

    agenda = _tekst(client.get(reverse("kenniscafes:agenda")))
    assert "Nog 1 plaats vrij" in agenda
    assert "Nog 2 plaatsen vrij" not in agenda


def test_agenda_shows_a_cancelled_cafe_at_once(client):
    cafe = KenniscafeFactory(titel="Schulden en schaamte")
    client.get(reverse("kenniscafes:agenda"))

    cafe.status = Status.AFGELAST
    cafe.save()

    assert "Afgelast" in _tekst(client.get(reverse("kenniscafes:agenda")))


def test_agenda_drops_an_unpublished_cafe_at_once(client):
    cafe = KenniscafeFactory(titel="Nog niet zeker")
    assert "Nog niet zeker" in _tekst(client.get(reverse("kenniscafes:agenda")))

    cafe.gepubliceerd = False
    cafe.save()

    assert "Nog niet zeker" not in _tekst(client.get(reverse("kenniscafes:agenda")))
    assert "Nog niet zeker" not in _tekst(client.get(reverse("kenniscafes:agenda_ics")))
    assert "Nog niet zeker" not in _tekst(client.get(reverse("home")))


def test_agenda_shows_a_new_cafe_and_a_changed_place_at_once(client):
    locatie = LocatieFactory(naam="Huis van de Wijk")
    KenniscafeFactory(locatie=locatie)
    client.get(reverse("kenniscafes:agenda"))

    locatie.naam = "Buurthuis De Hoek"
    locatie.save()
    KenniscafeFactory(titel="Een nieuw kenniscafé")

    agenda = _tekst(client.get(reverse("kenniscafes:agenda")))
    assert "Buurthuis De Hoek" in agenda
    assert "Een nieuw kenniscafé" in agenda


def test_agenda_shows_changed_themes_at_once(client, thema_maatwerk):
    cafe = KenniscafeFactory()
    client.get(reverse("kenniscafes:agenda"))

    cafe.themas.add(thema_maatwerk)

    assert thema_maatwerk.get_absolute_url() in _tekst(client.get(reverse("kenniscafes:agenda")))


def test_agenda_shows_places_left_after_a_registration_is_deleted_at_once(client):
    aanmelding = AanmeldingFactory(kenniscafe=KenniscafeFactory(capaciteit=2))
    assert "Nog 1 plaats vrij" in _tekst(client.get(reverse("kenniscafes:agenda")))

    aanmelding.delete()

    assert "Nog 2 plaatsen vrij" in _tekst(client.get(reverse("kenniscafes:agenda")))


def test_agenda_filters_show_a_renamed_werkteam_and_project_at_once(client):
    werkteam = WerkteamFactory(naam="Werkteam Wachtlijsten")
    project = ProjectFactory(titel="Samen in de wijk")
    KenniscafeFactory(werkteam=werkteam, project=project)
    assert "Werkteam Wachtlijsten" in _tekst(client.get(reverse("kenniscafes:agenda")))

    werkteam.naam = "Werkteam Wachttijden"
    werkteam.save()
    project.titel = "Samen in Feijenoord"
    project.save()

    agenda = _tekst(client.get(reverse("kenniscafes:agenda")))
    assert "Werkteam Wachttijden" in agenda
    assert "Samen in Feijenoord" in agenda


def test_a_speaker_is_not_on_the_cached_pages_and_leaves_them_cached():
    cafe = KenniscafeFactory()
    voor = cache.versies(["kenniscafes"])

    SprekerFactory(kenniscafe=cafe).delete()

    assert cache.versies(["kenniscafes"]) == voor


def test_deleting_a_cafe_deletes_its_speakers_without_loading_them():
    """Cache receivers only on what the cached pages show, so Django's
    Collector deletes the speakers in one query instead of loading them to
    send signals."""
    cafe = KenniscafeFactory()
    SprekerFactory.create_batch(3, kenniscafe=cafe)
    voor = cache.versies(["kenniscafes"])

    with CaptureQueriesContext(connection) as queries:
        cafe.delete()

    sprekers = [q["sql"] for q in queries if '"kenniscafes_spreker"' in q["sql"]]
    assert [sql.split()[0] for sql in sprekers] == ["DELETE"]
    assert not Spreker.objects.exists()
    assert cache.versies(["kenniscafes"]) != voor  # the café's own delete made them stale


def test_a_change_is_invalidated_again_when_its_transaction_commits(
    django_capture_on_commit_callbacks,
):
    cafe = KenniscafeFactory()
    with django_capture_on_commit_callbacks() as bij_commit:
        cafe.titel = "Anders"
        cafe.save()
        na_wijziging = cache.versies(["kenniscafes"])

    for callback in bij_commit:
        callback()

    assert cache.versies(["kenniscafes"]) != na_wijziging


def test_the_production_cache_is_shared_not_per_process():
    """Invalidation in one app server must reach the others: never a local
    memory cache outside the tests (carelab/settings_test.py)."""
    from carelab import settings as productie

    assert productie.CACHES["default"]["BACKEND"] in (
        "django.core.cache.backends.db.DatabaseCache",
        "django_redis.cache.RedisCache",
    )


# Who gets a cached page ----------------------------------------------------


def test_logged_in_user_is_never_served_a_cached_page(client, coordinator):
    KenniscafeFactory(titel="Concept", gepubliceerd=False, start=None, eind=None)
    anoniem = _tekst(client.get(reverse("kenniscafes:agenda")))
    log_in(client, coordinator)

    ingelogd = _tekst(client.get(reverse("kenniscafes:agenda")))

    assert "Ingelogd als" in ingelogd
    assert "Ingelogd als" not in anoniem


def test_a_logged_in_page_is_never_served_to_anonymous_visitors(client, coordinator):
    KenniscafeFactory()
    log_in(client, coordinator)
    client.get(reverse("home"))
    client.get(reverse("kenniscafes:agenda"))
    client.logout()
    client.cookies.clear()

    assert "Ingelogd als" not in _tekst(client.get(reverse("home")))
    assert "Ingelogd als" not in _tekst(client.get(reverse("kenniscafes:agenda")))


def test_cached_page_varies_on_cookie_and_text_size(client):
    KenniscafeFactory()
    normaal = client.get(reverse("kenniscafes:agenda"))
    client.cookies["tekstgrootte"] = "groter"

    groter = client.get(reverse("kenniscafes:agenda"))

    assert 'data-tekstgrootte="groter"' in _tekst(groter)
    assert "data-tekstgrootte" not in _tekst(normaal)
    assert "Cookie" in groter["Vary"]


def test_unknown_query_parameters_bypass_the_cache(client, django_assert_num_queries):
    KenniscafeFactory()
    client.get(reverse("kenniscafes:agenda"), {"utm_source": "nieuwsbrief"})

    # filter choices (themes, werkteams, projects), count, cafés with counts, themes:
    # no cache at all
    with django_assert_num_queries(3 + 3):
        client.get(reverse("kenniscafes:agenda"), {"utm_source": "nieuwsbrief"})


def test_cached_page_lives_until_the_next_cafe_is_over():
    KenniscafeFactory(start=over_dagen(0, uur=0), eind=over_dagen(20))
    assert tot_volgend_einde() == cache.STANDAARD_DUUR or tot_volgend_einde() > 0
    bijna = KenniscafeFactory()
    bijna.start = bijna.eind = None
    from django.utils import timezone

    KenniscafeFactory(
        start=timezone.now() - timezone.timedelta(hours=1),
        eind=timezone.now() + timezone.timedelta(seconds=90),
    )

    assert 60 < tot_volgend_einde() <= 91
    assert cache.levensduur(["kenniscafes"]) <= 91
