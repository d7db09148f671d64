"""Redis stopped mid-run (issue 19): the site serves from the database meanwhile,
a logged-in user stays logged in, nothing stale is shown once it is back, and
a logout made while it hung stays a logout when it returns.

Each test starts a private redis-server on a free port (never a shared one: it
is stopped on purpose), with production's cache settings and session engine.
Skipped when redis-server is not installed, except in CI (`.ci/run` installs it).
"""

import os
import shutil
import signal
import time
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse

from carelab.settings import SESSION_ENGINE, redis_cache
from loadtest.storingen import EigenRedis
from tests.helpers import log_in
from tests.kenniscafes.factories import KenniscafeFactory
from tests.verhalen.factories import VerhaalFactory
from verhalen.services import verhalen as verhalen_services

pytestmark = pytest.mark.django_db

LIJST = reverse("verhalen:list")
AGENDA = reverse("kenniscafes:agenda")


@pytest.fixture
def eigen_redis(settings):
    if shutil.which("redis-server") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server ontbreekt: .ci/run installeert het voor deze tests")
        pytest.skip("redis-server is niet geïnstalleerd")
    redis = EigenRedis()
    redis.start()
    settings.CACHES = {"default": redis_cache(redis.url)}
    settings.SESSION_ENGINE = SESSION_ENGINE  # production's (the database's, also with Redis)
    yield redis
    redis.stop()


def _hernoem(verhaal, titel, *, door):
    verhalen_services.wijzig_verhaal(
        verhaal=verhaal, gegevens={"titel": titel}, verwachte_versie=verhaal.versie, door=door
    )


def test_pages_answer_while_redis_is_down_and_a_login_survives(eigen_redis, client, onderzoeker):
    verhaal = VerhaalFactory(titel="Voor de storing")
    log_in(client, onderzoeker)
    bezoeker = client.__class__()
    for _ in range(2):  # the second time from the cache
        assert client.get(LIJST).status_code == 200
        assert bezoeker.get("/").status_code == 200

    eigen_redis.stop()
    _hernoem(verhaal, "Tijdens de storing", door=onderzoeker)
    lijst = client.get(LIJST)
    openbaar = [bezoeker.get(pad).status_code for pad in ("/", AGENDA, "/projecten/")]

    assert lijst.status_code == 200
    assert lijst.wsgi_request.user == onderzoeker
    assert "Tijdens de storing" in lijst.content.decode()
    assert openbaar == [200, 200, 200]


def test_nothing_stale_after_redis_returns_empty(eigen_redis, client, onderzoeker):
    verhaal = VerhaalFactory(titel="Voor de storing")
    cafe = KenniscafeFactory(titel="Café voor de storing")
    log_in(client, onderzoeker)
    bezoeker = client.__class__()
    for _ in range(2):
        client.get(LIJST)
        bezoeker.get(AGENDA)

    eigen_redis.stop()
    _hernoem(verhaal, "Na de storing", door=onderzoeker)
    cafe.titel = "Café na de storing"
    cafe.save()
    eigen_redis.start()
    lijst = client.get(LIJST)
    agenda = bezoeker.get(AGENDA).content.decode()

    assert lijst.status_code == 200
    assert lijst.wsgi_request.user == onderzoeker
    assert "Na de storing" in lijst.content.decode()
    assert "Voor de storing" not in lijst.content.decode()
    assert "Café na de storing" in agenda
    assert "Café voor de storing" not in agenda


def test_a_hanging_redis_costs_its_timeouts_and_refreshing_makes_pages_fresh(
    eigen_redis, client, onderzoeker
):
    cafe = KenniscafeFactory(titel="Café voor de storing")
    log_in(client, onderzoeker)
    bezoeker = client.__class__()
    for _ in range(2):
        bezoeker.get(AGENDA)

    # Redis paused keeps its data but misses the version raised by this save.
    eigen_redis.proces.send_signal(signal.SIGSTOP)
    try:
        cafe.titel = "Café na de storing"
        cafe.save()
        begin = time.monotonic()
        tijdens = [bezoeker.get(AGENDA), client.get(LIJST)]
        duur = time.monotonic() - begin
    finally:
        eigen_redis.proces.send_signal(signal.SIGCONT)
    call_command("ververs_paginas", stdout=StringIO())
    agenda = bezoeker.get(AGENDA).content.decode()

    assert [antwoord.status_code for antwoord in tijdens] == [200, 200]
    assert tijdens[1].wsgi_request.user == onderzoeker
    assert duur < 10  # a tenth of a second per cache call, not a hung worker
    assert "Café na de storing" in agenda
    assert "Café voor de storing" not in agenda


def _met_cookie(cookie):
    """A new browser that sends an old session cookie."""
    from django.test import Client

    browser = Client()
    browser.cookies[django_settings.SESSION_COOKIE_NAME] = cookie
    return browser


def test_a_logout_while_redis_hangs_is_not_undone_when_it_returns(eigen_redis, client, onderzoeker):
    log_in(client, onderzoeker)
    assert client.get(LIJST).status_code == 200  # the session read (and cached) once
    oude_cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value

    # Redis hangs during the logout (or the network to it drops), then comes
    # back with its data: the logout could not reach it.
    eigen_redis.proces.send_signal(signal.SIGSTOP)
    try:
        uitgelogd = client.post(reverse("logout"))
    finally:
        eigen_redis.proces.send_signal(signal.SIGCONT)
    daarna = _met_cookie(oude_cookie).get(LIJST)

    assert uitgelogd.status_code == 302
    assert not daarna.wsgi_request.user.is_authenticated
    assert daarna.status_code == 302
    assert daarna["Location"].startswith(reverse("login"))


def test_a_logout_with_redis_up_ends_the_session(eigen_redis, client, onderzoeker):
    log_in(client, onderzoeker)
    assert client.get(LIJST).status_code == 200
    oude_cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value

    client.post(reverse("logout"))
    daarna = _met_cookie(oude_cookie).get(LIJST)

    assert not daarna.wsgi_request.user.is_authenticated
    assert daarna.status_code == 302
    assert daarna["Location"].startswith(reverse("login"))
