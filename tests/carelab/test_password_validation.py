import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

pytestmark = pytest.mark.django_db


def _nieuw_wachtwoord_url(client, user):
    """Follow the mailed link; Django then moves the token into the session."""
    url = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    response = client.get(url)
    assert response.status_code == 302
    return response["Location"]


def test_new_password_form_explains_the_rules_with_je(client, onderzoeker):
    url = _nieuw_wachtwoord_url(client, onderzoeker)

    content = client.get(url).content.decode()

    assert (
        "<ul><li>Je wachtwoord mag niet te veel lijken op je naam of e-mailadres.</li>"
        "<li>Je wachtwoord heeft minstens 12 tekens.</li>"
        "<li>Kies geen wachtwoord dat veel mensen gebruiken.</li>"
        "<li>Gebruik niet alleen cijfers.</li></ul>"
    ) in content
    assert "Uw wachtwoord" not in content


@pytest.mark.parametrize(
    ("wachtwoord", "foutmeldingen"),
    [
        ("kort", ["Dit wachtwoord is te kort. Gebruik minstens 12 tekens."]),
        ("cookiemonster", ["Dit wachtwoord gebruiken veel mensen. Kies een ander wachtwoord."]),
        ("483920571638", ["Dit wachtwoord heeft alleen cijfers. Gebruik ook letters."]),
        (
            "onderzoeker@example.org",
            ["Je wachtwoord lijkt te veel op je e-mailadres. Kies een ander wachtwoord."],
        ),
    ],
)
def test_weak_new_password_gets_dutch_je_message(client, onderzoeker, wachtwoord, foutmeldingen):
    url = _nieuw_wachtwoord_url(client, onderzoeker)

    response = client.post(url, {"new_password1": wachtwoord, "new_password2": wachtwoord})

    assert response.status_code == 200
    assert response.context["form"].errors == {"new_password2": foutmeldingen}
    onderzoeker.refresh_from_db()
    assert not onderzoeker.check_password(wachtwoord)
