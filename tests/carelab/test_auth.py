import pytest
from django.core import mail

from tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def test_login_page_is_dutch(client):
    content = client.get("/accounts/login/").content.decode()
    assert "<h1>Inloggen</h1>" in content
    assert "Gebruikersnaam" in content
    assert "Wachtwoord" in content


def test_login_with_right_password_logs_in(client, onderzoeker):
    response = client.post(
        "/accounts/login/", {"username": "onderzoeker", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "Uitloggen" in client.get("/").content.decode()


def test_wrong_password_gets_dutch_message(client, onderzoeker):
    response = client.post("/accounts/login/", {"username": "onderzoeker", "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()


def test_login_is_locked_after_five_wrong_passwords(client, onderzoeker):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "onderzoeker", "password": "fout"})
    response = client.post(
        "/accounts/login/", {"username": "onderzoeker", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 429
    assert "Inloggen is tijdelijk geblokkeerd" in response.content.decode()
    assert "Uitloggen" not in client.get("/").content.decode()


def test_lockout_of_one_account_does_not_block_another(client, onderzoeker, raadslid):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "onderzoeker", "password": "fout"})
    response = client.post(
        "/accounts/login/", {"username": "raadslid", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302


def test_logout_is_by_post(onderzoeker_client):
    assert onderzoeker_client.get("/accounts/logout/").status_code == 405
    response = onderzoeker_client.post("/accounts/logout/")
    assert response.status_code == 302
    assert ">Inloggen<" in onderzoeker_client.get("/").content.decode()


def test_password_reset_sends_dutch_mail_for_known_address(client, onderzoeker):
    response = client.post("/accounts/wachtwoord-vergeten/", {"email": onderzoeker.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Nieuw wachtwoord voor de Verhalenbank"
    assert "/accounts/herstel/" in mail.outbox[0].body


def test_password_reset_reveals_nothing_for_unknown_address(client, onderzoeker):
    response = client.post("/accounts/wachtwoord-vergeten/", {"email": "onbekend@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/wachtwoord-vergeten/verstuurd/"
    assert mail.outbox == []
