"""A teller sends in their own story with a content note, in Chromium; a
researcher takes it in and adds it to a public collection, where a visitor
finds it folded behind its note until they choose to read it (no JavaScript
needed); axe-core on the form and the thank-you page."""

import re

import pytest
from playwright.sync_api import expect

from kennisagenda import roles
from tests.browser.axe_controle import ernstige_overtredingen
from tests.factories import UserFactory
from tests.verhalen.factories_collecties import CollectieFactory
from verhalen.models import Beoordeling, Publiek, Verhaal
from vertellers import inzending

TEKST = "(Verzonnen voorbeeld.) Na het ontslag dacht ik aan zelfdoding. Mijn buurvrouw belde hulp."


@pytest.fixture(autouse=True)
def _geen_wachttijd(monkeypatch):
    # The live server runs in this process: a person in a test types fast.
    monkeypatch.setattr(inzending, "MINIMALE_INVULTIJD", 0)


def test_a_submission_with_a_content_note_reaches_a_collection_folded(
    page, live_server, login, browser
):
    onderzoeker = UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)
    CollectieFactory(
        publiek=Publiek.OPENBAAR, slug="na-het-ontslag", titel="Na het ontslag", gepubliceerd=True
    )

    # The teller sends in their story: consent in plain words, a content note.
    page.goto(f"{live_server.url}/vertel-je-verhaal/")
    assert ernstige_overtredingen(page) == []
    page.get_by_label("Geef je verhaal een titel").fill("Na het ontslag")
    page.get_by_label("Je verhaal (verplicht)").fill(TEKST)
    page.get_by_label("Iedereen mag mijn verhaal lezen, ook op deze website.").check()
    page.get_by_label("zelfdoding").check()
    page.get_by_label("Je e-mailadres").fill("teller@example.org")
    # The honeypot is hidden from everyone, screen readers included.
    expect(page.locator("input[name=website]")).to_be_hidden()
    page.screenshot(path="/tmp/inbreng-inzenden.png", full_page=True)
    page.get_by_role("button", name="Verhaal insturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank je wel voor je verhaal")
    assert ernstige_overtredingen(page) == []
    verhaal = Verhaal.objects.get()
    assert (verhaal.beoordeling, verhaal.inhoudswaarschuwingen) == (
        Beoordeling.WACHTRIJ,
        ["zelfdoding"],
    )

    # Not yet anywhere: the public collection is still empty.
    page.goto(f"{live_server.url}/collecties/na-het-ontslag/")
    expect(page.get_by_text("In deze collectie staan (nog) geen verhalen")).to_be_visible()

    # A researcher takes it in (contact details beside it) and adds it to the collection.
    login(onderzoeker)
    page.goto(f"{live_server.url}/verhalen/wachtrij/")
    page.get_by_role("link", name="Na het ontslag").click()
    expect(page.get_by_text("teller@example.org")).to_be_visible()
    assert ernstige_overtredingen(page) == []
    page.get_by_role("button", name="Opnemen in de Verhalenbank").click()
    expect(page).to_have_url(re.compile(rf"/verhalen/{verhaal.pk}/$"))
    page.get_by_role("button", name=re.compile("Toevoegen aan collectie")).click()
    page.get_by_label(re.compile("Na het ontslag")).check()
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    page.get_by_role("button", name="Uitloggen").click()

    # A visitor finds it folded behind its note, and opens it by choice.
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        lezer = context.new_page()
        lezer.goto(f"{live_server.url}/collecties/na-het-ontslag/")
        samenvatting = lezer.locator("details.inhoudswaarschuwing > summary")
        expect(samenvatting).to_contain_text("dit verhaal gaat over zelfdoding")
        tekst = lezer.get_by_text("Mijn buurvrouw belde hulp.")
        expect(tekst).to_be_hidden()
        if javascript:
            assert ernstige_overtredingen(lezer) == []
            lezer.screenshot(path="/tmp/inbreng-gevouwen.png", full_page=True)
        samenvatting.focus()
        lezer.keyboard.press("Enter")
        expect(tekst).to_be_visible()
        context.close()
