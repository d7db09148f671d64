"""The story list on a phone (390 px) and a laptop (1280 px): the main menu
behind a button, the filters folded, the first story near the top; ticking
stories and adding them to a collection in one action."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kennisagenda import roles
from tests.browser.axe_controle import ernstige_overtredingen
from tests.factories import UserFactory
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory
from verhalen.models import CollectieItem

SCHERMAFDRUKKEN = os.environ.get("SCHERMAFDRUKKEN")  # a folder, e.g. /tmp/shots


@pytest.fixture
def olga(db):
    return UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)


@pytest.fixture
def verhalen(db):
    FragmentFactory(verhaal=VerhaalFactory(titel="Brieven van de gemeente", toestemming="openbaar"))
    VerhaalFactory(titel="Wachten op de wijkteam", toestemming="brede_raad")
    VerhaalFactory(titel="Alleen voor onderzoek", toestemming="onderzoek")


def schermafdruk(page, naam):
    if SCHERMAFDRUKKEN:
        page.screenshot(path=str(Path(SCHERMAFDRUKKEN) / naam), full_page=True)


def test_phone_has_a_menu_button_and_the_first_story_near_the_top(
    page, live_server, login, olga, verhalen
):
    page.set_viewport_size({"width": 390, "height": 844})
    login(olga)
    page.goto(f"{live_server.url}/verhalen/")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    schermafdruk(page, "verhalenlijst-390.png")

    menu = nav.locator("summary")
    expect(menu).to_be_visible()
    expect(nav.locator(".site-nav__list")).to_be_hidden()
    assert nav.bounding_box()["height"] < 60  # one row, not three
    # Folded, the filters take a search field and a "Filters" button (was ~1 100 px).
    assert page.locator(".verhalen-lijst__filters").bounding_box()["height"] < 320
    eerste = page.get_by_role("link", name="Alleen voor onderzoek")
    print(f"\n390 px: first story at y = {eerste.bounding_box()['y']:.0f} px")
    assert eerste.bounding_box()["y"] < 1050  # measured: 996 (was 1 217 before folding)
    expect(page.get_by_label("Wie vertelt")).to_be_hidden()  # filters folded
    assert ernstige_overtredingen(page) == []

    menu.focus()
    page.keyboard.press("Enter")
    expect(nav.get_by_role("link", name="Codeboek")).to_be_visible()
    schermafdruk(page, "verhalenlijst-390-menu-open.png")
    page.get_by_text("Filters", exact=True).click()
    expect(page.get_by_label("Wie vertelt")).to_be_visible()
    assert ernstige_overtredingen(page) == []


def test_laptop_shows_the_row_and_filters_and_adds_ticked_stories(page, login, olga, verhalen):
    collectie = CollectieFactory(titel="Voor de raad", publiek="brede_raad")
    page.set_viewport_size({"width": 1280, "height": 900})
    login(olga)
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    nav.get_by_role("link", name="Verhalen").click()

    expect(nav.locator("summary")).to_be_hidden()
    expect(page.get_by_label("Wie vertelt")).to_be_visible()  # filters open, no click
    expect(page.get_by_role("button", name="Toevoegen aan collectie")).to_have_count(1)
    schermafdruk(page, "verhalenlijst-1280.png")

    page.get_by_label("Codering").select_option("nog-niet")
    page.get_by_role("button", name="Toon verhalen").click()
    expect(page.get_by_role("heading", name="2 verhalen")).to_be_visible()

    page.get_by_label("Kies “Wachten op de wijkteam”").check()
    page.get_by_label("Kies “Alleen voor onderzoek”").check()
    page.get_by_label("Aangevinkte verhalen toevoegen aan").select_option(str(collectie.pk))
    page.get_by_role("button", name="Toevoegen aan collectie").click()

    expect(page.get_by_text("1 verhaal toegevoegd aan “Voor de raad”.")).to_be_visible()
    expect(page.get_by_text("Niet toegevoegd: “Alleen voor onderzoek”")).to_be_visible()
    assert list(CollectieItem.objects.values_list("verhaal__titel", flat=True)) == [
        "Wachten op de wijkteam"
    ]
    assert "codering=nog-niet" in page.url  # back on the same filtered list
    assert ernstige_overtredingen(page) == []
