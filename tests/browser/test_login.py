from playwright.sync_api import expect

from kennisagenda import roles
from tests.factories import UserFactory

ONDERZOEKER_MENU = [
    "Home",
    "Thema's",
    "Verhalen",
    "Codeboek",
    "Memo's",
    "Collecties",
    "Projecten",
    "Werkteams",
    "Kenniscafés",
]


def test_researcher_logs_in_sees_own_name_and_logs_out(page, live_server, login):
    user = UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)
    login(user)
    expect(page.locator(".account__name")).to_contain_text("Olga")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    expect(nav.get_by_role("link")).to_have_text(ONDERZOEKER_MENU)
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()
    expect(page.locator(".account__name")).to_have_count(0)
    # After logging out the researcher's own pages leave the menu.
    expect(nav.get_by_role("link")).to_have_text(
        [naam for naam in ONDERZOEKER_MENU if naam not in ("Verhalen", "Codeboek", "Memo's")]
    )


def test_skip_link_is_first_in_tab_order_and_moves_focus(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()


def test_wrong_password_shows_dutch_error_with_link_to_field(page, live_server):
    UserFactory(username="olga", role=roles.ONDERZOEKER)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("olga")
    page.get_by_label("Wachtwoord").fill("niet-goed")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Voer een juiste gebruikersnaam")
    expect(page.get_by_label("Gebruikersnaam")).to_have_value("olga")
