"""The second login step in Chromium, as a researcher meets it."""

from base64 import b32decode

from django_otp.oath import TOTP
from playwright.sync_api import expect

from kennisagenda import roles
from tests.browser.axe_controle import ernstige_overtredingen
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.helpers import app_device, unused_totp_code


def wachtwoord_stap(page, live_server, user, path="/"):
    page.goto(f"{live_server.url}{path}")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def test_researcher_sets_up_an_app_by_typing_the_key_and_keeps_backup_codes(page, live_server):
    olga = UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)

    wachtwoord_stap(page, live_server, olga, "/accounts/login/?next=/collecties/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.get_by_role("img", name="QR-code om de Verhalenbank toe te voegen")).to_be_visible()
    assert ernstige_overtredingen(page) == []
    page.screenshot(path="/tmp/auth-instellen.png", full_page=True)
    # someone who cannot scan types the key into the app; the app computes the code
    sleutel = page.locator(".tweestaps-sleutel code").inner_text().replace(" ", "")
    app = TOTP(b32decode(sleutel))
    page.get_by_label("Code uit je app").fill(f"{app.token():06d}")
    page.get_by_role("button", name="Tweestapsverificatie aanzetten").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Reservecodes")
    expect(page.locator(".tweestaps-codes li")).to_have_count(10)
    expect(page.get_by_role("button", name="Printen")).to_be_visible()
    assert ernstige_overtredingen(page) == []
    page.screenshot(path="/tmp/auth-reservecodes.png", full_page=True)
    page.get_by_role("button", name="Ik heb de codes bewaard").click()

    expect(page).to_have_url(f"{live_server.url}/collecties/")
    expect(page.locator(".account__name")).to_contain_text("Olga")


def test_wrong_code_is_announced_and_right_code_lets_the_researcher_in(page, live_server):
    olga = UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)
    device = app_device(olga)

    wachtwoord_stap(page, live_server, olga, "/accounts/login/?next=/verhalen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede stap van het inloggen")
    page.get_by_label("Code uit je app").fill("12345")
    page.get_by_role("button", name="Controleren").click()

    expect(page.get_by_role("alert")).to_contain_text("Een code uit je app bestaat uit 6 cijfers.")
    assert ernstige_overtredingen(page) == []
    page.screenshot(path="/tmp/auth-controleren-fout.png", full_page=True)
    page.get_by_label("Code uit je app").fill(unused_totp_code(device))
    page.get_by_role("button", name="Controleren").click()

    expect(page).to_have_url(f"{live_server.url}/verhalen/")


def test_the_second_step_works_without_javascript(browser, live_server):
    olga = UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)
    device = app_device(olga)
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    try:
        wachtwoord_stap(page, live_server, olga, "/accounts/login/?next=/codeboek/")
        page.get_by_label("Code uit je app").fill(unused_totp_code(device))
        page.get_by_role("button", name="Controleren").click()

        expect(page).to_have_url(f"{live_server.url}/codeboek/")
    finally:
        context.close()
