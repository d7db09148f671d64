"""Two-factor authentication: who must pass the second step, and how.

The clock is never slept on: throttling is moved by putting the device's
failure timestamp in the past.
"""

from datetime import timedelta
from html import unescape
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.management import CommandError, call_command
from django.shortcuts import resolve_url
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from accounts.tweestaps.services import maak_reservecodes
from kennisagenda import roles
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.helpers import app_device, log_in, totp_code, unused_totp_code

pytestmark = pytest.mark.django_db

CONTROLEREN = "/accounts/tweestaps/controleren/"
INSTELLEN = "/accounts/tweestaps/instellen/"
RESERVECODES = "/accounts/tweestaps/reservecodes/"
# Where a login ends without a ?next= (the "Voor jou" page).
NA_INLOGGEN = resolve_url(settings.LOGIN_REDIRECT_URL)
STATUS = "/accounts/tweestaps/"


def password_login(client, user, next_url=""):
    data = {"username": user.username, "password": DEFAULT_PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/accounts/login/", data)


def verify(client, device, next_url=""):
    data = {"app-code": unused_totp_code(device)}
    if next_url:
        data["next"] = next_url
    return client.post(CONTROLEREN, data)


def is_verified(client):
    return DEVICE_ID_SESSION_KEY in client.session


# --- who is sent to the second step ------------------------------------------------


def test_researcher_without_app_is_sent_to_set_up_after_password(client, onderzoeker):
    response = password_login(client, onderzoeker)
    assert response["Location"] == NA_INLOGGEN

    response = client.get("/")

    assertRedirects(response, f"{INSTELLEN}?next=%2F", fetch_redirect_response=False)


def test_researcher_with_app_is_sent_to_verification_on_every_page(client, onderzoeker):
    app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)

    for path in ["/", "/verhalen/", "/collecties/", "/admin/", "/accounts/tweestaps/instellen/"]:
        response = client.get(path)
        expected = f"{CONTROLEREN}?next={path.replace('/', '%2F')}"
        if path == INSTELLEN:
            expected = CONTROLEREN
        assertRedirects(response, expected, fetch_redirect_response=False)


def test_unverified_post_is_redirected_without_doing_anything(client, onderzoeker):
    app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)

    response = client.post("/verhalen/nieuw/", {"titel": "Mag niet"})

    assertRedirects(response, CONTROLEREN, fetch_redirect_response=False)


def test_superuser_is_forced_in_the_admin(client, beheerder):
    log_in(client, beheerder, verified=False)

    response = client.get("/admin/")

    assertRedirects(response, f"{INSTELLEN}?next=%2Fadmin%2F", fetch_redirect_response=False)


def test_verified_superuser_gets_into_the_admin(beheerder_client):
    assertContains(beheerder_client.get("/admin/"), "Beheer van de Verhalenbank")


@pytest.mark.parametrize("gebruiker", ["raadslid", "coordinator", "gewone_gebruiker"])
def test_others_are_not_forced(client, request, gebruiker):
    user = request.getfixturevalue(gebruiker)
    password_login(client, user)

    response = client.get("/")

    assert response.status_code == 200
    assertContains(response, "Uitloggen")
    assert not is_verified(client)


def test_coordinator_gets_into_the_admin_without_second_step(client, coordinator):
    password_login(client, coordinator)

    assertContains(client.get("/admin/"), "Beheer van de Verhalenbank")


@pytest.mark.parametrize(
    "path",
    [
        "/healthz",
        "/accounts/wachtwoord-vergeten/",
        "/accounts/wachtwoord-vergeten/verstuurd/",
        CONTROLEREN,
        "/static/css/site.css",
    ],
)
def test_unverified_user_may_open_the_pages_around_the_login(client, onderzoeker, path):
    app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)

    response = client.get(path)
    response.close()  # a static file is streamed

    assert response.status_code == 200


def test_unverified_user_can_log_out(client, onderzoeker):
    app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert SESSION_KEY not in client.session


def test_anonymous_is_sent_to_login_not_to_the_second_step(client):
    response = client.get(CONTROLEREN)

    assertRedirects(
        response,
        f"/accounts/login/?next={CONTROLEREN.replace('/', '%2F')}",
        fetch_redirect_response=False,
    )


# --- the verification page ---------------------------------------------------------


def test_verification_page_is_dutch_and_accessible(client, onderzoeker):
    app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)

    content = client.get(f"{CONTROLEREN}?next=/verhalen/").content.decode()

    assert "<h1>Tweede stap van het inloggen</h1>" in content
    assert '<label for="id_app-code">Code uit je app' in content
    assert 'autocomplete="one-time-code"' in content
    assert 'inputmode="numeric"' in content
    assert '<label for="id_reserve-reservecode">Reservecode' in content
    assert '<input type="hidden" name="next" value="/verhalen/">' in content
    assert "style=" not in content
    assert "<script>" not in content


def test_right_app_code_verifies_and_goes_to_next(client, onderzoeker):
    device = app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)
    old_key = client.session.session_key

    response = verify(client, device, next_url="/verhalen/")

    assertRedirects(response, "/verhalen/", fetch_redirect_response=False)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.session.session_key != old_key
    assert client.get("/verhalen/").status_code == 200


def test_codes_with_spaces_are_accepted(client, onderzoeker):
    device = app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)
    code = unused_totp_code(device)

    client.post(CONTROLEREN, {"app-code": f"{code[:3]} {code[3:]}"})

    assert is_verified(client)


def test_wrong_code_gets_a_dutch_error_announced(client, onderzoeker):
    device = app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)
    wrong = f"{(int(totp_code(device)) + 1) % 1000000:06d}"

    response = client.post(CONTROLEREN, {"app-code": wrong})

    assert response.status_code == 200
    assert response.context["app_form"].errors == {
        "code": [
            "Deze code klopt niet. Vul de code in die je app nu laat zien. Klopt het nog "
            "steeds niet? Kijk dan of de tijd op je telefoon goed staat."
        ]
    }
    assertContains(response, 'role="alert"')
    assertContains(response, 'aria-invalid="true"')
    assert not is_verified(client)


def test_code_that_is_not_six_digits_is_explained(client, onderzoeker):
    app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)

    response = client.post(CONTROLEREN, {"app-code": "12ab"})

    assert response.context["app_form"].errors == {
        "code": ["Een code uit je app bestaat uit 6 cijfers."]
    }


def test_app_code_works_only_once(client, onderzoeker):
    device = app_device(onderzoeker)
    code = unused_totp_code(device)
    log_in(client, onderzoeker, verified=False)
    client.post(CONTROLEREN, {"app-code": code})
    assert is_verified(client)
    device.refresh_from_db()
    device.throttling_failure_timestamp = None
    device.save()

    log_in(client, onderzoeker, verified=False)
    client.post(CONTROLEREN, {"app-code": code})

    assert not is_verified(client)


def test_wrong_codes_are_throttled(client, onderzoeker):
    device = app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)
    wrong = f"{(int(totp_code(device)) + 1) % 1000000:06d}"
    for _ in range(3):
        client.post(CONTROLEREN, {"app-code": wrong})
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # the 2nd and 3rd try were not even checked

    response = client.post(CONTROLEREN, {"app-code": unused_totp_code(device)})

    assert not is_verified(client)
    [melding] = response.context["app_form"].errors["code"]
    assert melding.startswith("Je hebt te vaak een verkeerde code ingevuld. Wacht tot ")


def test_throttle_wait_doubles_and_then_lets_the_right_code_in(client, onderzoeker):
    device = app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)
    wrong = f"{(int(totp_code(device)) + 1) % 1000000:06d}"
    for poging in range(1, 5):
        # move the clock past the wait the previous failure earned
        TOTPDevice.objects.filter(pk=device.pk).update(
            throttling_failure_timestamp=timezone.now() - timedelta(seconds=2 ** (poging - 1))
        )
        client.post(CONTROLEREN, {"app-code": wrong})
    device.refresh_from_db()
    assert device.throttling_failure_count == 4
    allowed, details = device.verify_is_allowed()
    assert not allowed
    assert details["locked_until"] - device.throttling_failure_timestamp == timedelta(seconds=8)

    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=9)
    )
    client.post(CONTROLEREN, {"app-code": unused_totp_code(device)})

    assert is_verified(client)
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_backup_code_works_once(client, onderzoeker):
    app_device(onderzoeker)
    codes = maak_reservecodes(user=onderzoeker)
    log_in(client, onderzoeker, verified=False)

    response = client.post(CONTROLEREN, {"reserve-reservecode": codes[0].upper()})

    assert is_verified(client)
    assertRedirects(response, NA_INLOGGEN, fetch_redirect_response=False)
    message = [str(m) for m in response.wsgi_request._messages]
    assert message == [
        "Je hebt een reservecode gebruikt. Je hebt er nog 9 over. Maak nieuwe codes op de "
        "pagina Tweestapsverificatie als je er weinig hebt."
    ]

    log_in(client, onderzoeker, verified=False)
    StaticDevice.objects.update(throttling_failure_timestamp=None)
    response = client.post(CONTROLEREN, {"reserve-reservecode": codes[0]})

    assert not is_verified(client)
    assert response.context["reserve_form"].errors == {
        "reservecode": [
            "Deze reservecode klopt niet, of je hebt hem al gebruikt. Probeer een andere code."
        ]
    }


def test_backup_code_of_someone_else_does_not_work(client, onderzoeker):
    collega = UserFactory(role=roles.ONDERZOEKER)
    app_device(collega)
    codes = maak_reservecodes(user=collega)
    app_device(onderzoeker)
    maak_reservecodes(user=onderzoeker)
    log_in(client, onderzoeker, verified=False)

    client.post(CONTROLEREN, {"reserve-reservecode": codes[0]})

    assert not is_verified(client)
    assert StaticToken.objects.filter(token=codes[0]).exists()


@pytest.mark.parametrize(
    "next_url", ["https://kwaad.example/", "//kwaad.example/", "http://testserver.kwaad.example/"]
)
def test_next_to_another_site_is_ignored(client, onderzoeker, next_url):
    device = app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)

    content = client.get(CONTROLEREN, {"next": next_url}).content.decode()
    response = verify(client, device, next_url=next_url)

    assert "kwaad" not in content
    assertRedirects(response, NA_INLOGGEN, fetch_redirect_response=False)


def test_next_is_kept_from_login_through_the_second_step(client, onderzoeker):
    device = app_device(onderzoeker)
    target = "/verhalen/?zoek=buurt"

    to_login = client.get(target)
    assert to_login["Location"] == "/accounts/login/?next=/verhalen/%3Fzoek%3Dbuurt"
    after_password = password_login(client, onderzoeker, next_url=target)
    assert after_password["Location"] == target
    to_second_step = client.get(target)
    assert to_second_step["Location"] == f"{CONTROLEREN}?next=%2Fverhalen%2F%3Fzoek%3Dbuurt"
    form_page = client.get(to_second_step["Location"])
    assert form_page.context["next"] == target
    after_code = verify(client, device, next_url=target)

    assertRedirects(after_code, target, fetch_redirect_response=False)
    assert client.get(target).status_code == 200


def test_verified_user_visiting_the_step_goes_on(onderzoeker_client):
    response = onderzoeker_client.get(CONTROLEREN, {"next": "/collecties/"})

    assertRedirects(response, "/collecties/", fetch_redirect_response=False)


def test_device_of_another_user_in_the_session_does_not_count(client, onderzoeker):
    collega = UserFactory(role=roles.ONDERZOEKER)
    app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = app_device(collega).persistent_id
    session.save()

    response = client.get("/verhalen/")

    assert response["Location"].startswith(CONTROLEREN)


# --- setting up an app ----------------------------------------------------------------


def test_set_up_page_shows_qr_code_and_key_to_type(client, onderzoeker):
    log_in(client, onderzoeker, verified=False)

    response = client.get(INSTELLEN)

    device = TOTPDevice.objects.get(user=onderzoeker, confirmed=False)
    content = response.content.decode()
    assert "<h1>Tweestapsverificatie instellen</h1>" in content
    assert '<img class="tweestaps-qr" src="data:image/svg+xml' in content
    assert 'alt="QR-code om de Verhalenbank toe te voegen aan je authenticator-app"' in content
    assert f"<code>{response.context['sleutel']}</code>" in content
    assert response.context["sleutel"].replace(" ", "") in device.config_url
    assert "issuer=CARE%20lab%20Verhalenbank" in device.config_url
    assert 'autocomplete="one-time-code"' in content
    assert 'inputmode="numeric"' in content
    # a reload shows the same key: the app someone is adding keeps working
    assert client.get(INSTELLEN).context["sleutel"] == response.context["sleutel"]


def test_qr_code_svg_needs_no_inline_style_or_script(client, onderzoeker):
    from base64 import b64decode
    from urllib.parse import unquote

    log_in(client, onderzoeker, verified=False)
    qr = client.get(INSTELLEN).context["qr_code"]

    svg = unquote(qr.split(",", 1)[1]) if ";base64" not in qr else b64decode(qr.split(",")[1])
    svg = svg if isinstance(svg, str) else svg.decode()
    assert svg.startswith("<?xml") or svg.startswith("<svg")
    assert "style" not in svg
    assert "<script" not in svg


def test_set_up_with_right_code_turns_it_on_and_shows_backup_codes_once(client, onderzoeker):
    log_in(client, onderzoeker, verified=False)
    client.get(f"{INSTELLEN}?next=/verhalen/")
    device = TOTPDevice.objects.get(user=onderzoeker)

    response = client.post(INSTELLEN, {"code": totp_code(device), "next": "/verhalen/"})

    assertRedirects(response, f"{RESERVECODES}?next=%2Fverhalen%2F", fetch_redirect_response=False)
    device.refresh_from_db()
    assert device.confirmed
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    codes_page = client.get(response["Location"])
    codes = codes_page.context["codes"]
    assert len(codes) == 10 == len(set(codes))
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=onderzoeker).values_list("token", flat=True)
    )
    for code in codes:
        assertContains(codes_page, f"<li><code>{code}</code></li>")
    download = client.get(f"{RESERVECODES}download/")
    assert download["Content-Type"] == "text/plain; charset=utf-8"
    assert download["Content-Disposition"] == (
        'attachment; filename="verhalenbank-reservecodes.txt"'
    )
    assert [
        line.split(". ")[1] for line in download.content.decode().strip().splitlines()[-10:]
    ] == codes

    done = client.post(RESERVECODES, {"bewaard": "1", "next": "/verhalen/"})

    assertRedirects(done, "/verhalen/", fetch_redirect_response=False)
    assert client.get(RESERVECODES).context["codes"] is None
    assert client.get(f"{RESERVECODES}download/").status_code == 404


def test_set_up_with_wrong_code_keeps_it_off(client, onderzoeker):
    log_in(client, onderzoeker, verified=False)
    client.get(INSTELLEN)
    device = TOTPDevice.objects.get(user=onderzoeker)
    wrong = f"{(int(totp_code(device)) + 1) % 1000000:06d}"

    response = client.post(INSTELLEN, {"code": wrong})

    assert response.context["form"].errors == {
        "code": [
            "Deze code klopt niet. Kijk of je de QR-code of de sleutel goed hebt overgenomen, "
            "en vul de code in die je app nu laat zien."
        ]
    }
    device.refresh_from_db()
    assert not device.confirmed
    assert not is_verified(client)
    assert client.get("/verhalen/")["Location"].startswith(INSTELLEN)


def test_user_with_app_cannot_replace_it_without_verifying(client, onderzoeker):
    app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)

    response = client.get(INSTELLEN)

    assertRedirects(response, CONTROLEREN, fetch_redirect_response=False)
    assert TOTPDevice.objects.filter(user=onderzoeker).count() == 1


# --- status page, new backup codes, switching off -----------------------------------


def test_status_page_shows_what_is_on(onderzoeker_client, onderzoeker):
    maak_reservecodes(user=onderzoeker)

    response = onderzoeker_client.get(STATUS)

    assertContains(response, "Tweestapsverificatie staat <strong>aan</strong>.")
    assertContains(response, "Je hebt nog <strong>10</strong> van de 10 reservecodes over.")
    assertNotContains(response, "uitzetten")


def test_status_page_offers_set_up_to_those_without(raadslid_client):
    response = raadslid_client.get(STATUS)

    assertContains(response, "Tweestapsverificatie staat <strong>uit</strong>.")
    assertContains(response, f'href="{INSTELLEN}"')


def test_status_page_needs_login(client):
    assert client.get(STATUS)["Location"] == "/accounts/login/?next=/accounts/tweestaps/"


def test_new_backup_codes_need_a_fresh_code_and_replace_the_old(onderzoeker_client, onderzoeker):
    oude = maak_reservecodes(user=onderzoeker)
    device = app_device(onderzoeker)

    geweigerd = onderzoeker_client.post(RESERVECODES, {"nieuw-code": "000000"})
    assert geweigerd.status_code == 200
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(oude)
    TOTPDevice.objects.update(throttling_failure_timestamp=None)

    response = onderzoeker_client.post(RESERVECODES, {"nieuw-code": unused_totp_code(device)})

    assertRedirects(response, RESERVECODES, fetch_redirect_response=False)
    nieuwe = onderzoeker_client.get(RESERVECODES).context["codes"]
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(nieuwe)
    assert not set(nieuwe) & set(oude)


def test_someone_not_obliged_can_set_up_and_is_then_asked_at_login(client, raadslid):
    log_in(client, raadslid)
    client.get(INSTELLEN)
    device = TOTPDevice.objects.get(user=raadslid)
    client.post(INSTELLEN, {"code": totp_code(device)})
    client.post("/accounts/logout/")

    password_login(client, raadslid)

    assert client.get("/")["Location"] == f"{CONTROLEREN}?next=%2F"


def test_someone_not_obliged_can_switch_it_off_with_a_code(client, raadslid):
    device = app_device(raadslid)
    maak_reservecodes(user=raadslid)
    log_in(client, raadslid)

    response = client.post("/accounts/tweestaps/uitzetten/", {"uit-code": unused_totp_code(device)})

    assertRedirects(response, STATUS, fetch_redirect_response=False)
    assert not TOTPDevice.objects.filter(user=raadslid).exists()
    assert not StaticDevice.objects.filter(user=raadslid).exists()


def test_researcher_cannot_switch_it_off(onderzoeker_client, onderzoeker):
    device = app_device(onderzoeker)

    response = onderzoeker_client.post(
        "/accounts/tweestaps/uitzetten/", {"uit-code": unused_totp_code(device)}, follow=True
    )

    assertContains(response, "Voor jouw account is tweestapsverificatie verplicht.")
    assert TOTPDevice.objects.filter(user=onderzoeker, confirmed=True).exists()


# --- reset by a superuser in the admin -----------------------------------------------


def test_superuser_resets_a_lost_phone_in_the_admin(beheerder_client, onderzoeker):
    app_device(onderzoeker)
    maak_reservecodes(user=onderzoeker)
    client = log_in(Client(), onderzoeker, verified=False)

    response = beheerder_client.post(
        "/admin/auth/user/",
        {"action": "reset_tweestaps", "_selected_action": [onderzoeker.pk]},
        follow=True,
    )

    assertContains(response, "Tweestapsverificatie gereset voor: onderzoeker.")
    assert not TOTPDevice.objects.filter(user=onderzoeker).exists()
    assert not StaticDevice.objects.filter(user=onderzoeker).exists()
    assert client.get("/")["Location"] == f"{INSTELLEN}?next=%2F"


def test_reset_also_ends_a_verified_session(onderzoeker_client, onderzoeker, beheerder):
    beheer = log_in(Client(), beheerder)

    beheer.post(
        "/admin/auth/user/", {"action": "reset_tweestaps", "_selected_action": [onderzoeker.pk]}
    )

    assert onderzoeker_client.get("/verhalen/")["Location"].startswith(INSTELLEN)


def test_user_list_in_the_admin_shows_who_uses_it(beheerder_client, onderzoeker, raadslid):
    response = beheerder_client.get("/admin/auth/user/")

    rijen = {user.username: user._tweestaps_aan for user in response.context["cl"].result_list}
    assert rijen == {"beheerder": True, "onderzoeker": False, "raadslid": False}


def test_staff_without_superuser_cannot_reset(client, coordinator, onderzoeker):
    from django.contrib.auth.models import Permission

    coordinator.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "change_user"])
    )
    app_device(onderzoeker)
    log_in(client, coordinator)

    response = client.post(
        "/admin/auth/user/", {"action": "reset_tweestaps", "_selected_action": [onderzoeker.pk]}
    )

    assert "reset_tweestaps" not in unescape(client.get("/admin/auth/user/").content.decode())
    assert response.status_code in (200, 302)
    assert TOTPDevice.objects.filter(user=onderzoeker).exists()


# --- the demo ---------------------------------------------------------------------


def test_demo_gives_researcher_and_superuser_an_app_and_printed_backup_codes(settings):
    settings.DEMO_MODE = True
    out = StringIO()

    call_command("demo", stdout=out)

    uitvoer = out.getvalue()
    for naam in ["onderzoeker", "beheerder"]:
        device = TOTPDevice.objects.get(user__username=naam, confirmed=True)
        codes = StaticToken.objects.filter(device__user=device.user).values_list("token", flat=True)
        assert len(codes) == 10
        regels = uitvoer.splitlines()
        account = next(i for i, r in enumerate(regels) if r.split()[:2] == [naam, "wachtwoord:"])
        label, gedrukt = regels[account + 1].split(": ")
        assert label.strip() == "tweede stap, reservecodes (elk één keer)"
        assert sorted(gedrukt.split()) == sorted(codes)
    assert not TOTPDevice.objects.filter(user__username__in=["raadslid", "coordinator"]).exists()
    assert "manage.py democode onderzoeker" in uitvoer


def test_demo_run_twice_keeps_the_app_and_renews_the_codes(settings):
    settings.DEMO_MODE = True
    call_command("demo", stdout=StringIO())
    sleutel = TOTPDevice.objects.get(user__username="onderzoeker").key
    oude = set(StaticToken.objects.values_list("token", flat=True))

    call_command("demo", stdout=StringIO())

    assert TOTPDevice.objects.get(user__username="onderzoeker").key == sleutel
    assert not oude & set(StaticToken.objects.values_list("token", flat=True))


def test_democode_prints_the_code_the_demo_app_shows(settings, client):
    settings.DEMO_MODE = True
    call_command("demo", stdout=StringIO())
    out = StringIO()

    call_command("democode", "onderzoeker", stdout=out, stderr=StringIO())

    device = TOTPDevice.objects.get(user__username="onderzoeker")
    assert out.getvalue().strip() == totp_code(device)
    log_in(client, device.user, verified=False)
    client.post(CONTROLEREN, {"app-code": out.getvalue().strip()})
    assert is_verified(client)


def test_democode_refuses_outside_demo_mode(settings):
    settings.DEMO_MODE = True
    call_command("demo", stdout=StringIO())
    settings.DEMO_MODE = False

    with pytest.raises(CommandError, match="alleen in demo-modus"):
        call_command("democode", "onderzoeker", stdout=StringIO())


def test_democode_refuses_accounts_that_are_not_demo_accounts(settings, onderzoeker):
    settings.DEMO_MODE = True
    app_device(UserFactory(username="echte-onderzoeker", role=roles.ONDERZOEKER))

    with pytest.raises(CommandError, match="invalid choice"):
        call_command("democode", "echte-onderzoeker", stdout=StringIO())


@pytest.mark.parametrize("path", [STATUS, RESERVECODES, f"{RESERVECODES}download/"])
def test_status_and_backup_codes_wait_for_the_second_step(client, onderzoeker, path):
    app_device(onderzoeker)
    maak_reservecodes(user=onderzoeker)
    log_in(client, onderzoeker, verified=False)

    response = client.get(path)

    assert response["Location"].startswith(CONTROLEREN)


def test_switching_off_waits_for_the_second_step(client, raadslid):
    device = app_device(raadslid)
    log_in(client, raadslid, verified=False)

    response = client.post("/accounts/tweestaps/uitzetten/", {"uit-code": unused_totp_code(device)})

    assertRedirects(response, CONTROLEREN, fetch_redirect_response=False)
    assert TOTPDevice.objects.filter(user=raadslid).exists()


def test_every_logged_in_page_links_to_the_status_page(raadslid_client):
    assertContains(
        raadslid_client.get("/"),
        f'<a class="account__link" href="{STATUS}">Tweestapsverificatie</a>',
        html=True,
    )


def test_wrong_codes_are_logged_for_the_security_log(client, onderzoeker, caplog):
    device = app_device(onderzoeker)
    log_in(client, onderzoeker, verified=False)
    wrong = f"{(int(totp_code(device)) + 1) % 1000000:06d}"

    with caplog.at_level("WARNING", logger="accounts.tweestaps.services"):
        client.post(CONTROLEREN, {"app-code": wrong})
        client.post(CONTROLEREN, {"reserve-reservecode": "geenidee"})

    assert [record.getMessage() for record in caplog.records] == [
        "Tweede stap: verkeerde app-code voor onderzoeker",
        "Tweede stap: verkeerde reservecode voor onderzoeker",
    ]


def test_the_check_reads_each_users_roles_once(raadslid, onderzoeker, django_assert_num_queries):
    from django.contrib.auth import get_user_model

    from accounts.tweestaps.services import tweestaps_nodig

    User = get_user_model()
    app_device(UserFactory(username="met-app", role=roles.BREDE_RAAD))
    zonder, met, onder = (
        User.objects.get(username=n) for n in ["raadslid", "met-app", "onderzoeker"]
    )

    # each user's roles (then kept on the user object), and whether the two
    # members who need not use it switched it on (an app)
    with django_assert_num_queries(5):
        uitkomst = [tweestaps_nodig(zonder), tweestaps_nodig(met), tweestaps_nodig(onder)]
        rollen = [roles.rollen_van(user) for user in (zonder, met, onder)]

    assert uitkomst == [False, True, True]
    assert rollen == [{roles.BREDE_RAAD}, {roles.BREDE_RAAD}, {roles.ONDERZOEKER}]
