"""A database that cannot be reached: Dutch 503 pages (toolkit/middleware.py),
/healthz, and the Dutch 404 and 500 pages (DEBUG is off in the test settings).

The database is really unreachable here: the connection settings point at a
closed port (PostgreSQL) or at a file in a folder that does not exist (SQLite),
so Django's own connect fails, as it would in production.
"""

import socket

import pytest
from django.db import DataError, IntegrityError, InterfaceError, OperationalError, connection
from django.test import Client
from django.urls import include, path

from toolkit.middleware import database_onbereikbaar

HEADING_503 = "<h1>De Verhalenbank is even niet bereikbaar</h1>"


def kapot(request):
    raise RuntimeError("een fout in de code, niet in de database")


# The URLs of the site plus one that fails, for the 500 tests (ROOT_URLCONF = this module).
urlpatterns = [path("kapot/", kapot), path("", include("carelab.urls"))]
handler500 = "toolkit.foutpaginas.server_error"


def gesloten_poort():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def database_weg(django_db_blocker):
    """Point the default connection at a database that is not there; restore it after.

    The open connection is kept aside, not closed: an in-memory SQLite test
    database would be lost with it.
    """
    oude_instellingen = dict(connection.settings_dict)
    oude_verbinding = connection.connection
    connection.connection = None
    if connection.vendor == "postgresql":
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(gesloten_poort()))
        connection.settings_dict.setdefault("OPTIONS", {})
        connection.settings_dict["OPTIONS"] = {
            **connection.settings_dict["OPTIONS"],
            "connect_timeout": 2,
        }
    else:
        connection.settings_dict["NAME"] = "/bestaat-niet/verhalenbank/db.sqlite3"
    with django_db_blocker.unblock():
        yield
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(oude_instellingen)
    connection.connection = oude_verbinding


def assert_503_pagina(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    inhoud = response.content.decode()
    assert '<html lang="nl">' in inhoud
    assert HEADING_503 in inhoud
    assert "Alles wat al was opgeslagen blijft bewaard." in inhoud
    assert "verstuur het over 1 minuut opnieuw" in inhoud
    # The site's look: its stylesheet, header and footer; no navigation (it needs the database).
    assert 'href="/static/css/site.css"' in inhoud
    assert '<header class="site-header">' in inhoud
    assert '<footer class="site-footer">' in inhoud
    assert "Hoofdmenu" not in inhoud


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/themas/",
        "/themas/maatwerk/",
        "/kenniscafes/",
        "/kenniscafes/archief/",
        "/projecten/",
        "/werkteams/",
        "/publicaties/",
        "/collecties/",
    ],
)
def test_page_answers_dutch_503_when_database_is_unreachable(client, database_weg, url):
    assert_503_pagina(client.get(url))


def test_form_post_answers_503_when_database_is_unreachable(database_weg):
    client = Client(enforce_csrf_checks=False)
    response = client.post("/kenniscafes/een-cafe/", {"naam": "Fatima", "email": "f@example.org"})
    assert_503_pagina(response)


def test_logged_in_visitor_gets_503_when_session_cannot_be_loaded(database_weg):
    # The session is read in a middleware, before any view: the handler500 route.
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "k" * 32
    assert_503_pagina(client.get("/"))


def test_503_also_with_debug_on(client, database_weg, settings):
    settings.DEBUG = True
    assert_503_pagina(client.get("/projecten/"))


def test_healthz_says_database_unreachable(client, database_weg):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response.json() == {"status": "fout", "database": "onbereikbaar"}


def test_404_page_is_dutch_in_the_site_layout_also_without_database(client, database_weg):
    response = client.get("/deze/pagina/bestaat/niet/")

    assert response.status_code == 404
    inhoud = response.content.decode()
    assert "<h1>Deze pagina bestaat niet</h1>" in inhoud
    assert '<header class="site-header">' in inhoud
    assert '<a href="/">Naar de startpagina</a>' in inhoud


@pytest.mark.django_db
def test_404_page_is_dutch_in_the_site_layout(client):
    response = client.get("/deze/pagina/bestaat/niet/")

    assert response.status_code == 404
    inhoud = response.content.decode()
    assert "<title>Pagina niet gevonden · CARE lab Rotterdam</title>" in inhoud
    assert "<h1>Deze pagina bestaat niet</h1>" in inhoud
    assert 'class="skip-link" href="#inhoud"' in inhoud
    # rendered without the request: no navigation or account box (toolkit/foutpaginas.py)
    assert "Hoofdmenu" not in inhoud


@pytest.mark.django_db
def test_500_page_is_dutch(settings):
    settings.ROOT_URLCONF = __name__
    response = Client(raise_request_exception=False).get("/kapot/")

    assert response.status_code == 500
    inhoud = response.content.decode()
    assert '<html lang="nl">' in inhoud
    assert "<h1>Er ging iets mis</h1>" in inhoud
    assert "Er is niets van jouw werk verloren gegaan dat al was opgeslagen." in inhoud
    assert "Retry-After" not in response


def test_500_page_renders_when_database_is_also_down(settings, database_weg):
    settings.ROOT_URLCONF = __name__
    response = Client(raise_request_exception=False).get("/kapot/")

    assert response.status_code == 500
    assert "<h1>Er ging iets mis</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("fout", "onbereikbaar"),
    [
        (OperationalError("connection to server at 127.0.0.1, port 5432 failed"), True),
        (OperationalError("server closed the connection unexpectedly"), True),
        (OperationalError("database is locked"), True),
        (InterfaceError("connection already closed"), True),
        # A missing table is a deployment mistake (migrate forgotten): a 500 that gets noticed.
        (OperationalError("no such table: verhalen_verhaal"), False),
        (OperationalError("no such column: verhalen_verhaal.titel"), False),
        (IntegrityError("UNIQUE constraint failed"), False),
        (DataError("value too long"), False),
        (RuntimeError("iets anders"), False),
        (None, False),
    ],
)
def test_which_errors_mean_database_unreachable(fout, onbereikbaar):
    assert database_onbereikbaar(fout) is onbereikbaar
