"""The error pages (toolkit/foutpaginas.py) render without the request's user,
session, database or cache: an unknown host, a broken session, the database
or the cache down, the cache table missing."""

import logging
import socket

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client

from tests.toolkit.test_database_onbereikbaar import assert_503_pagina, database_weg  # noqa: F401

pytestmark = pytest.mark.django_db


def assert_foutpagina(response, status, kop):
    assert response.status_code == status
    inhoud = response.content.decode()
    assert '<html lang="nl">' in inhoud
    assert f"<h1>{kop}</h1>" in inhoud
    assert '<header class="site-header">' in inhoud
    assert "Hoofdmenu" not in inhoud  # the navigation needs the user


def _vrije_poort():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unknown_host_gets_the_dutch_400_page():
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="aanvaller.example")
    assert_foutpagina(response, 400, "Dit verzoek klopt niet")


def test_an_unknown_host_gets_the_400_page_with_the_database_down(database_weg):  # noqa: F811
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="aanvaller.example")
    assert_foutpagina(response, 400, "Dit verzoek klopt niet")


@pytest.mark.parametrize("sessie", ["onzin", "k" * 32])
def test_a_broken_session_cookie_is_an_anonymous_visit(client, sessie):
    client.cookies["sessionid"] = sessie
    assert client.get("/").status_code == 200
    assert_foutpagina(client.get("/bestaat/niet/"), 404, "Deze pagina bestaat niet")


def test_a_session_of_a_removed_account_logs_nobody_in(client, onderzoeker):
    sessie = SessionStore()
    sessie[SESSION_KEY] = str(onderzoeker.pk + 1000)
    sessie.create()
    client.cookies["sessionid"] = sessie.session_key
    assert_foutpagina(client.get("/bestaat/niet/"), 404, "Deze pagina bestaat niet")
    response = client.get("/verhalen/")
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=/verhalen/")


def test_403_page_for_a_logged_in_member_has_no_navigation(raadslid_client):
    assert_foutpagina(raadslid_client.get("/verhalen/"), 403, "Geen toegang")


def test_error_pages_render_with_the_cache_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_vrije_poort()}/0",
        }
    }
    client = Client(raise_request_exception=False)
    assert_foutpagina(client.get("/", HTTP_HOST="aanvaller.example"), 400, "Dit verzoek klopt niet")
    assert_foutpagina(client.get("/a\x00b/"), 404, "Deze pagina bestaat niet")


def test_a_missing_cache_table_gives_the_503_page_and_a_hint_in_the_log(settings, caplog):
    settings.CACHE_TABEL = "geen_cachetabel"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "geen_cachetabel",
        }
    }
    with caplog.at_level(logging.ERROR, logger="toolkit.middleware"):
        response = Client(raise_request_exception=False).get("/")
    assert_503_pagina(response)
    assert "manage.py createcachetable" in caplog.text
