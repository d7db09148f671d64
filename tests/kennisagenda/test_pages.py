import pytest
from django.db import connection

from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_home_explains_the_verhalenbank_and_lists_themes(client):
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="nl">' in content
    assert '<h1 id="intro-title">Verhalenbank van CARE lab Rotterdam</h1>' in content
    assert 'href="/themas/maatwerk/"' in content
    assert 'href="/themas/bestaanszekerheid/"' in content


def test_base_layout_has_skip_link_landmarks_and_login(client):
    content = client.get("/").content.decode()
    assert 'class="skip-link" href="#inhoud"' in content
    assert '<main id="inhoud"' in content
    assert '<nav class="site-nav" aria-label="Hoofdmenu">' in content
    assert 'href="/accounts/login/"' in content
    assert "Uitloggen" not in content


def test_logged_in_user_sees_logout_button_not_login_link(onderzoeker_client):
    content = onderzoeker_client.get("/").content.decode()
    assert "Uitloggen" in content
    assert 'action="/accounts/logout/"' in content
    assert ">Inloggen<" not in content


def test_admin_link_only_for_staff(coordinator_client, client, onderzoeker):
    assert 'href="/admin/"' in coordinator_client.get("/").content.decode()
    log_in(client, onderzoeker)
    assert 'href="/admin/"' not in client.get("/").content.decode()


def test_navigation_marks_current_page(client):
    content = client.get("/themas/").content.decode()
    assert '<a href="/themas/" aria-current="page">Thema&#x27;s</a>' in content


def test_no_assets_from_other_hosts(client):
    content = client.get("/").content.decode()
    assert 'src="http' not in content
    assert 'href="http' not in content.split("<body")[0]


def test_healthz_answers_ok_when_database_is_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_database_is_down(client, monkeypatch):
    from django.db import OperationalError

    def broken_cursor(*args, **kwargs):
        raise OperationalError("database is weg")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "onbereikbaar"


def test_admin_is_branded_in_dutch(beheerder_client):
    content = beheerder_client.get("/admin/").content.decode()
    assert "CARE lab Verhalenbank — beheer" in content
    assert "Beheer van de Verhalenbank" in content
