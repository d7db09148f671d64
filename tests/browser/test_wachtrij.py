"""A collector's story through the review queue, in Chromium: the collector
enters it, the researcher sends it back with a note, the collector changes it,
the researcher takes it in with the consent set; axe-core on every new page."""

import re

from playwright.sync_api import expect

from kennisagenda import roles
from tests.browser.axe_controle import ernstige_overtredingen
from tests.factories import UserFactory
from verhalen.models import Beoordeling, Verhaal


def _uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()


def test_a_collectors_story_goes_through_the_queue(page, live_server, login):
    verzamelaar = UserFactory(username="sanne", first_name="Sanne", role=roles.VERZAMELAAR)
    onderzoeker = UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)

    # The collector enters a story from an interview.
    login(verzamelaar)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Mijn verhalen"
    ).click()
    assert ernstige_overtredingen(page) == []
    page.get_by_role("link", name="Nieuw verhaal invoeren").click()
    page.get_by_label("Titel").fill("Een brief die niemand begreep")
    page.get_by_label("Verhaal (verplicht)").fill(
        "(Verzonnen voorbeeld.) Ik kreeg een brief over mijn toeslag. Niemand kon hem uitleggen."
    )
    page.get_by_label("Schuilnaam").fill("Vader uit Noord")
    page.get_by_label("Ook Brede Raad 010").check()
    page.get_by_label("schulden").check()
    assert ernstige_overtredingen(page) == []
    page.get_by_role("button", name="Verhaal opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Een brief die niemand begreep")
    expect(page.get_by_text("Wacht op een onderzoeker")).to_be_visible()
    page.screenshot(path="/tmp/inbreng-verzamelaar-verhaal.png", full_page=True)
    verhaal = Verhaal.objects.get()
    assert (verhaal.beoordeling, verhaal.verzameld_door) == (Beoordeling.WACHTRIJ, verzamelaar)
    # The bank itself stays closed to the collector.
    assert page.goto(f"{live_server.url}/verhalen/").status == 403
    page.goto(f"{live_server.url}/verzamelen/")
    _uitloggen(page)

    # The researcher finds it in the queue and sends it back with a note.
    login(onderzoeker)
    page.goto(f"{live_server.url}/verhalen/")
    page.get_by_role("link", name="Wachtrij").click()
    assert ernstige_overtredingen(page) == []
    page.get_by_role("link", name="Een brief die niemand begreep").click()
    expect(page.get_by_role("heading", name="Privacycontrole")).to_be_visible()
    assert ernstige_overtredingen(page) == []
    page.screenshot(path="/tmp/inbreng-beoordelen.png", full_page=True)
    page.get_by_label("Wat moet de verzamelaar aanpassen?").fill("Over welke toeslag ging het?")
    page.get_by_role("button", name="Terugsturen").click()
    expect(page.get_by_text("is teruggestuurd naar de verzamelaar")).to_be_visible()
    _uitloggen(page)

    # The collector reads the note and changes the story.
    login(verzamelaar)
    page.goto(f"{live_server.url}/verzamelen/")
    page.get_by_role("link", name="Een brief die niemand begreep").click()
    expect(page.get_by_text("Over welke toeslag ging het?")).to_be_visible()
    page.get_by_role("link", name="Aanpassen").click()
    assert ernstige_overtredingen(page) == []
    tekst = page.get_by_label("Verhaal (verplicht)")
    tekst.fill(tekst.input_value() + " Het ging om de huurtoeslag.")
    page.get_by_role("button", name="Aanpassen en opnieuw insturen").click()
    expect(page.get_by_text("Wacht op een onderzoeker")).to_be_visible()
    _uitloggen(page)

    # The researcher takes it in, with the consent in force from now on.
    login(onderzoeker)
    page.goto(f"{live_server.url}/verhalen/wachtrij/")
    page.get_by_role("link", name="Een brief die niemand begreep").click()
    page.get_by_label("Ook Brede Raad 010").check()
    page.get_by_role("button", name="Opnemen in de Verhalenbank").click()
    expect(page).to_have_url(re.compile(rf"/verhalen/{verhaal.pk}/$"))
    expect(page.get_by_text("is opgenomen in de Verhalenbank")).to_be_visible()
    verhaal.refresh_from_db()
    assert (verhaal.beoordeling, verhaal.toestemming) == (Beoordeling.OPGENOMEN, "brede_raad")
    assert verhaal.tekst.endswith("Het ging om de huurtoeslag.")
