"""Importing transcripts in Chromium: with JavaScript one file at a time with
progress, without JavaScript one form for all files; axe-clean in both."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kennisagenda import roles
from tests.browser.axe_controle import ernstige_overtredingen
from tests.factories import UserFactory
from tests.verhalen.transcripten import docx_bestand, odt_bestand, pdf_alleen_beeld
from verhalen.models import Verhaal

SCHERMAFDRUKKEN = os.environ.get("SCHERMAFDRUKKEN")  # a folder, e.g. /tmp/shots
TRANSCRIPT = ["I: Hoe ging het met de brieven?", "R: Ik kreeg er drie in een week."]


@pytest.fixture
def olga(db):
    return UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)


def bestanden():
    return [
        {"name": "gesprek 1.docx", "mimeType": "application/octet-stream",
         "buffer": docx_bestand(TRANSCRIPT)},
        {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": pdf_alleen_beeld()},
        {"name": "gesprek 2.odt", "mimeType": "application/octet-stream",
         "buffer": odt_bestand(TRANSCRIPT)},
    ]  # fmt: skip


def schermafdruk(page, naam):
    if SCHERMAFDRUKKEN:
        page.screenshot(path=str(Path(SCHERMAFDRUKKEN) / naam), full_page=True)


def importeer(page):
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Verhalen").click()
    page.get_by_role("link", name="Bestanden importeren").click()
    page.get_by_label("Bestanden (verplicht)").set_input_files(bestanden())
    page.get_by_label("Hoe verzameld").select_option("focusgroep")
    page.get_by_role("button", name="Bestanden importeren").click()


def controleer_uitslag(page):
    expect(page.get_by_role("heading", name="2 van 3 bestanden ingevoerd")).to_be_visible()
    items = page.locator("#import-uitslagen > li")
    expect(items).to_have_count(3)
    expect(items.nth(0)).to_contain_text("gesprek 1.docx: ingevoerd als gesprek 1")
    expect(items.nth(1)).to_contain_text("scan.pdf: niet ingevoerd. De PDF bevat alleen")
    expect(items.nth(2)).to_contain_text("gesprek 2.odt: ingevoerd als gesprek 2")
    assert sorted(Verhaal.objects.values_list("titel", "verzamelwijze", "toestemming")) == [
        ("gesprek 1", "focusgroep", "onderzoek"),
        ("gesprek 2", "focusgroep", "onderzoek"),
    ]
    assert ernstige_overtredingen(page) == []


def test_import_with_javascript_shows_each_file_and_the_progress(page, login, olga):
    page.set_viewport_size({"width": 1280, "height": 900})
    login(olga)
    laden = []
    page.on("load", lambda _page: laden.append(1))
    importeer(page)
    aantal_laden = len(laden)

    controleer_uitslag(page)
    expect(page.locator(".import-voortgang progress")).to_have_attribute("value", "3")
    expect(page.get_by_role("status")).to_have_text("Klaar: 2 van 3 bestanden ingevoerd.")
    expect(page.get_by_role("heading", name="2 van 3 bestanden ingevoerd")).to_be_focused()
    assert len(laden) == aantal_laden  # the files went without a page load
    schermafdruk(page, "importeren-1280.png")
    page.set_viewport_size({"width": 390, "height": 844})
    schermafdruk(page, "importeren-390.png")


def test_import_without_javascript_lists_every_outcome(page, login, olga):
    # The page as without JavaScript: its script never arrives (axe still runs).
    page.route("**/js/importeren.js", lambda route: route.abort())
    login(olga)
    laden = []
    page.on("load", lambda _page: laden.append(1))
    importeer(page)

    controleer_uitslag(page)
    expect(page.locator(".import-voortgang")).to_be_hidden()
    assert len(laden) == 3  # the list, the import page, the answer for all files at once
