"""Login, lockout, password reset and password strength.

The second step of the login is tested in test_tweestaps.py, session expiry
in test_sessieduur.py.
"""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError

from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_login_page_is_dutch(client):
    content = client.get("/accounts/login/").content.decode()
    assert "<h1>Inloggen</h1>" in content
    assert "Gebruikersnaam" in content
    assert "Wachtwoord" in content


def test_login_with_right_password_logs_in(client, raadslid):
    response = client.post(
        "/accounts/login/", {"username": "raadslid", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/voor-jou/"
    assert "Uitloggen" in client.get("/").content.decode()


def test_wrong_password_gets_dutch_message(client, onderzoeker):
    response = client.post("/accounts/login/", {"username": "onderzoeker", "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()


def test_login_after_four_wrong_passwords_still_works(client, raadslid):
    for _ in range(4):
        client.post("/accounts/login/", {"username": "raadslid", "password": "fout"})
    response = client.post(
        "/accounts/login/", {"username": "raadslid", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert "Uitloggen" in client.get("/").content.decode()


def test_login_is_locked_after_five_wrong_passwords(client, onderzoeker):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "onderzoeker", "password": "fout"})
    response = client.post(
        "/accounts/login/", {"username": "onderzoeker", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 429
    content = response.content.decode()
    assert "<h1>Inloggen is tijdelijk geblokkeerd</h1>" in content
    assert "Probeer het over een kwartier opnieuw, of vraag een nieuw wachtwoord aan." in content
    assert '<html lang="nl"' in content
    assert "Uitloggen" not in client.get("/").content.decode()


def test_lockout_is_lifted_after_the_cool_off(client, raadslid):
    from datetime import timedelta

    from axes.models import AccessAttempt
    from django.utils import timezone

    for _ in range(5):
        client.post("/accounts/login/", {"username": "raadslid", "password": "fout"})
    # move the clock: the attempts were made sixteen minutes ago
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    response = client.post(
        "/accounts/login/", {"username": "raadslid", "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302


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


def _reset_answer(client, email):
    """What a visitor sees after asking for a reset: status, where to, the page."""
    response = client.post("/accounts/wachtwoord-vergeten/", {"email": email}, follow=True)
    [(url, status)] = response.redirect_chain
    html = response.content.decode()
    return status, url, response.status_code, html[html.index("<main") : html.index("</main>")]


@pytest.mark.parametrize(
    "bestaand", [True, False], ids=["known-then-unknown", "unknown-then-known"]
)
def test_password_reset_answers_the_same_for_known_and_unknown(client, onderzoeker, bestaand):
    inactief = UserFactory(username="oud", email="oud@example.org", is_active=False)
    adressen = [onderzoeker.email, "onbekend@example.org", inactief.email]
    if not bestaand:
        adressen.reverse()

    antwoorden = [_reset_answer(client, adres) for adres in adressen]

    assert antwoorden[0] == antwoorden[1] == antwoorden[2]
    assert antwoorden[0][:3] == (302, "/accounts/wachtwoord-vergeten/verstuurd/", 200)
    assert "Als er een account bij dit e-mailadres hoort" in antwoorden[0][3]
    assert [bericht.to for bericht in mail.outbox] == [[onderzoeker.email]]


def test_password_reset_mail_is_sent_to_the_account_only(client, onderzoeker, raadslid):
    client.post("/accounts/wachtwoord-vergeten/", {"email": onderzoeker.email.upper()})

    assert [bericht.to for bericht in mail.outbox] == [[onderzoeker.email]]
    assert raadslid.email not in mail.outbox[0].body


def test_password_reset_link_leads_to_the_second_step_for_a_researcher(client, onderzoeker):
    """A new password alone does not open a researcher's account."""
    import re

    from tests.helpers import app_device

    app_device(onderzoeker)
    client.post("/accounts/wachtwoord-vergeten/", {"email": onderzoeker.email})
    link = re.search(r"http://testserver(/accounts/herstel/\S+)", mail.outbox[0].body)[1]
    form_url = client.get(link)["Location"]
    nieuw = "een-heel-nieuw-wachtwoord-2026"
    client.post(form_url, {"new_password1": nieuw, "new_password2": nieuw})
    client.post("/accounts/login/", {"username": "onderzoeker", "password": nieuw})

    assert client.get("/verhalen/")["Location"].startswith("/accounts/tweestaps/controleren/")


@pytest.mark.parametrize(
    ("wachtwoord", "geldig"),
    [
        ("elf-tekens!", False),
        ("twaalftekens", True),
        ("rotterdam-zuid-010", True),
        ("password1234", False),
        ("123456789012", False),
    ],
)
def test_password_rules_minimum_twelve_characters_not_common_not_numeric(wachtwoord, geldig):
    user = UserFactory.build(username="olga", email="olga@example.org")
    if geldig:
        validate_password(wachtwoord, user=user)
    else:
        with pytest.raises(ValidationError):
            validate_password(wachtwoord, user=user)


def test_password_like_the_username_is_refused():
    user = UserFactory.build(username="olgavandijk", email="o@example.org")

    with pytest.raises(ValidationError) as fout:
        validate_password("olgavandijk1", user=user)

    assert fout.value.messages == [
        "Je wachtwoord lijkt te veel op je gebruikersnaam. Kies een ander wachtwoord."
    ]
