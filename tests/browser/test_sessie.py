"""Warned before the session ends, and nothing typed is lost (WCAG 2.2.1, 2.2.5).

The inactivity limit is made short for the live server (settings fixture:
the live server runs in this process) and every request renews the clock,
so the clock starts at the page load; the test waits seconds, not minutes.
"""

import time

import pytest
from playwright.sync_api import expect

from kennisagenda import roles
from tests.browser.axe_controle import ernstige_overtredingen
from tests.factories import UserFactory
from tests.verhalen.factories import VerhaalFactory
from verhalen.models import Verhaal

NIEUWE_TEKST = "Verzonnen voorbeeld. Dit heb ik langzaam getypt, met veel pauzes."


@pytest.fixture
def olga(db):
    return UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)


@pytest.fixture
def verhaal(olga):
    return VerhaalFactory(verzameld_door=olga, titel="Wachten", tekst="Oude tekst.")


@pytest.fixture
def korte_sessie(settings):
    def zet(inactief, waarschuwing):
        settings.SESSIE_INACTIEF_NA = inactief
        settings.SESSIE_WAARSCHUWING_VOOR = waarschuwing
        settings.SESSIE_VERNIEUW_NA = 0

    return zet


def test_the_warning_is_focused_and_staying_logged_in_keeps_the_session(
    page, live_server, login, olga, verhaal, korte_sessie
):
    korte_sessie(inactief=20, waarschuwing=12)
    login(olga)
    page.goto(f"{live_server.url}/verhalen/{verhaal.pk}/bewerken/")
    geladen = time.time()
    page.get_by_label("Verhaal (verplicht)").fill(NIEUWE_TEKST)

    # 12 seconds before the end the warning comes, with the focus on its button
    dialoog = page.get_by_role("alertdialog", name="Ben je er nog?")
    expect(dialoog).to_be_visible(timeout=15_000)
    expect(dialoog).to_contain_text(
        "uitgelogd omdat je niets hebt gedaan. Wil je ingelogd blijven?"
    )
    blijven = dialoog.get_by_role("button", name="Ingelogd blijven")
    expect(blijven).to_be_focused()
    expect(dialoog.get_by_role("link", name="Opnieuw inloggen")).to_be_hidden()
    expect(dialoog.get_by_role("button", name="Sluiten")).to_be_hidden()
    page.screenshot(path="/tmp/auth2-sessie-waarschuwing.png")
    assert ernstige_overtredingen(page) == []

    # Enter on the focused button: the session goes on, the focus goes back
    page.keyboard.press("Enter")
    verlengd = time.time()
    expect(dialoog).to_be_hidden()
    expect(page.get_by_label("Verhaal (verplicht)")).to_be_focused()

    # Past the old end the session still lives: the next warning's button works
    expect(dialoog).to_be_visible(timeout=15_000)
    page.wait_for_timeout(max(0, (geladen + 21 - time.time()) * 1000))
    assert time.time() < verlengd + 20, "te traag om te bewijzen dat het verlengen werkt"
    blijven.click()
    expect(dialoog).to_be_hidden()
    expect(dialoog.get_by_text("Je bent uitgelogd")).to_be_hidden()

    # and the page still works: the story is saved
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(page.get_by_text("De wijzigingen zijn opgeslagen.")).to_be_visible()
    assert Verhaal.objects.get(pk=verhaal.pk).tekst == NIEUWE_TEKST


def test_nobody_there_the_page_says_so_and_a_late_save_keeps_the_text(
    page, live_server, login, olga, verhaal, korte_sessie, settings
):
    korte_sessie(inactief=6, waarschuwing=4)
    login(olga)
    page.goto(f"{live_server.url}/verhalen/{verhaal.pk}/bewerken/")
    page.get_by_label("Verhaal (verplicht)").fill(NIEUWE_TEKST)

    dialoog = page.get_by_role("alertdialog", name="Ben je er nog?")
    expect(dialoog.get_by_text("Je bent uitgelogd.")).to_be_visible(timeout=15_000)
    expect(dialoog.get_by_role("link", name="Opnieuw inloggen")).to_be_focused()
    expect(dialoog.get_by_role("button", name="Ingelogd blijven")).to_be_hidden()
    page.screenshot(path="/tmp/auth2-sessie-uitgelogd.png")
    assert ernstige_overtredingen(page) == []
    dialoog.get_by_role("button", name="Sluiten").click()

    # Saving anyway: to the login page, with what was typed kept on the server
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    expect(page.get_by_text("Wat je had ingevuld, is bewaard.")).to_be_visible()
    assert Verhaal.objects.get(pk=verhaal.pk).tekst == "Oude tekst."

    settings.SESSIE_INACTIEF_NA = 30 * 60
    login(olga)
    page.goto(f"{live_server.url}/verhalen/{verhaal.pk}/bewerken/")
    expect(
        page.get_by_text(
            "Je was uitgelogd. Wat je had ingevuld staat hieronder; controleer het en "
            "sla opnieuw op."
        )
    ).to_be_visible()
    expect(page.get_by_label("Verhaal (verplicht)")).to_have_value(NIEUWE_TEKST)


def test_typing_counts_as_being_there(page, live_server, login, olga, verhaal, korte_sessie):
    korte_sessie(inactief=12, waarschuwing=3)
    login(olga)
    page.goto(f"{live_server.url}/verhalen/{verhaal.pk}/bewerken/")
    geladen = time.time()
    tekst = page.get_by_label("Verhaal (verplicht)")
    tekst.click()

    # a slow typist: a letter a second, well past the 12 seconds
    while time.time() < geladen + 16:
        page.keyboard.type("a")
        page.wait_for_timeout(1000)

    expect(page.get_by_role("alertdialog")).to_be_hidden()
    page.get_by_role("button", name="Wijzigingen opslaan").click()
    expect(page.get_by_text("De wijzigingen zijn opgeslagen.")).to_be_visible()
    assert Verhaal.objects.get(pk=verhaal.pk).tekst.startswith("Oude tekst.")
    assert "aaaa" in Verhaal.objects.get(pk=verhaal.pk).tekst
