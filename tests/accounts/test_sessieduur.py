"""Session expiry: 30 minutes without a request, 8 hours at most.

No sleeping: the clock is moved by putting the session's timestamps back.
"""

import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains

from accounts.sessieduur import BEWAARDE_INVOER, INGELOGD_OP, LAATST_ACTIEF
from tests.factories import DEFAULT_PASSWORD
from tests.helpers import move_clock

pytestmark = pytest.mark.django_db

MINUUT = 60


def test_settings_are_thirty_minutes_five_minutes_and_eight_hours(settings):
    assert settings.SESSIE_INACTIEF_NA == 30 * MINUUT
    assert settings.SESSIE_VERNIEUW_NA == 5 * MINUUT
    assert settings.SESSIE_MAXIMALE_DUUR == settings.SESSION_COOKIE_AGE == 8 * 60 * MINUUT


def test_login_starts_the_clock(client, raadslid):
    voor = int(time.time())
    client.post("/accounts/login/", {"username": "raadslid", "password": DEFAULT_PASSWORD})

    session = client.session
    assert voor <= session[INGELOGD_OP] == session[LAATST_ACTIEF] <= int(time.time())


def test_after_thirty_minutes_without_a_request_you_are_logged_out(raadslid_client):
    move_clock(raadslid_client, actief_geleden=31 * MINUUT)

    response = raadslid_client.get("/collecties/?pagina=2")

    assert response["Location"] == "/accounts/login/?next=%2Fcollecties%2F%3Fpagina%3D2"
    assert SESSION_KEY not in raadslid_client.session
    login_page = raadslid_client.get(response["Location"])
    assertContains(
        login_page,
        "Je bent uitgelogd omdat je 30 minuten niets hebt gedaan op de Verhalenbank. Zo kan "
        "niemand anders verder op jouw computer. Log opnieuw in om verder te gaan.",
    )
    assertContains(login_page, '<div class="messages" role="status">')


def test_inactivity_also_ends_the_admin(coordinator_client):
    move_clock(coordinator_client, actief_geleden=31 * MINUUT)

    response = coordinator_client.get("/admin/")

    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    assert coordinator_client.get("/admin/")["Location"].startswith("/admin/login/")


def test_inactivity_ends_a_verified_researcher_session_too(onderzoeker_client):
    move_clock(onderzoeker_client, actief_geleden=45 * MINUUT)

    response = onderzoeker_client.post("/verhalen/nieuw/", {"titel": "Te laat"})

    # login and second step gone; only what was typed is kept, to give back
    # after logging in again (tests/accounts/test_sessie_verlengen.py)
    assert response["Location"] == "/accounts/login/?next=%2Fverhalen%2Fnieuw%2F"
    assert list(onderzoeker_client.session.keys()) == [BEWAARDE_INVOER]


def test_twenty_nine_minutes_is_still_fine(raadslid_client):
    move_clock(raadslid_client, actief_geleden=29 * MINUUT)

    response = raadslid_client.get("/")

    assertContains(response, "Uitloggen")


def test_activity_is_written_at_most_every_five_minutes(raadslid_client):
    laatst = move_clock(raadslid_client, actief_geleden=4 * MINUUT)

    raadslid_client.get("/healthz")

    assert raadslid_client.session[LAATST_ACTIEF] == laatst


def test_activity_older_than_five_minutes_is_renewed(raadslid_client):
    laatst = move_clock(raadslid_client, actief_geleden=6 * MINUUT)

    raadslid_client.get("/healthz")

    assert raadslid_client.session[LAATST_ACTIEF] > laatst
    # a request after 29 more minutes counts from the renewal, not from the login
    move_clock(raadslid_client, actief_geleden=29 * MINUUT, ingelogd_geleden=60 * MINUUT)
    assertContains(raadslid_client.get("/"), "Uitloggen")


def test_no_session_write_on_a_quick_request(raadslid_client):
    move_clock(raadslid_client, actief_geleden=MINUUT)

    with CaptureQueriesContext(connection) as context:
        raadslid_client.get("/healthz")

    session_queries = [q["sql"] for q in context.captured_queries if "django_session" in q["sql"]]
    assert len(session_queries) == 1
    assert session_queries[0].lstrip().upper().startswith("SELECT")


def test_renewal_writes_the_session_once(raadslid_client):
    move_clock(raadslid_client, actief_geleden=6 * MINUUT)

    with CaptureQueriesContext(connection) as context:
        raadslid_client.get("/healthz")

    writes = [
        q["sql"]
        for q in context.captured_queries
        if "django_session" in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert len(writes) == 1


def test_after_eight_hours_you_are_logged_out_even_when_active(raadslid_client):
    move_clock(raadslid_client, actief_geleden=MINUUT, ingelogd_geleden=8 * 60 * MINUUT + 1)

    response = raadslid_client.get("/")

    assert response["Location"] == "/accounts/login/?next=%2F"
    assertContains(
        raadslid_client.get(response["Location"]),
        "Je bent uitgelogd omdat je langer dan 8 uur ingelogd was. "
        "Log opnieuw in om verder te gaan.",
    )


def test_idle_timeout_follows_the_setting(settings, raadslid_client):
    settings.SESSIE_INACTIEF_NA = 10 * MINUUT
    move_clock(raadslid_client, actief_geleden=11 * MINUUT)

    response = raadslid_client.get("/")

    assert response["Location"] == "/accounts/login/?next=%2F"
    assertContains(
        raadslid_client.get(response["Location"]), "omdat je 10 minuten niets hebt gedaan"
    )


def test_anonymous_visitors_get_no_session(client):
    response = client.get("/")

    assert "sessionid" not in response.cookies


def test_a_session_from_before_the_rule_starts_its_clock(raadslid_client):
    session = raadslid_client.session
    del session[LAATST_ACTIEF]
    del session[INGELOGD_OP]
    session.save()

    raadslid_client.get("/")

    assert LAATST_ACTIEF in raadslid_client.session
    assert INGELOGD_OP in raadslid_client.session
