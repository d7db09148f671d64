"""A coordinator schedules a kenniscafé in the admin; a visitor finds it and registers."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from kenniscafes.models import Kenniscafe
from tests.browser.console import bewaak
from tests.kenniscafes.factories import LocatieFactory


@pytest.fixture
def console(page):
    """Every console warning or error of the coordinator's and the visitor's pages."""
    meldingen = bewaak(page.context)
    yield meldingen
    assert meldingen == []


@pytest.fixture
def bezoeker(browser, console):
    """A second browser (no account, own cookies) for the visitor; closed afterwards."""
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    console_bezoeker = bewaak(context)
    yield context.new_page()
    context.close()
    console.extend(console_bezoeker)


def test_coordinator_schedules_cafe_and_visitor_registers(
    page, live_server, login, coordinator, bezoeker
):
    LocatieFactory(naam="Huis van de Wijk Het Oude Westen")
    dag = timezone.localdate() + datetime.timedelta(days=30)

    # The coordinator plans the café in the admin.
    login(coordinator)
    page.goto(f"{live_server.url}/admin/kenniscafes/kenniscafe/add/")
    page.get_by_label("Titel").press_sequentially("Voorkomen huisuitzettingen")
    expect(page.locator("#id_slug")).to_have_value("voorkomen-huisuitzettingen")
    page.locator("#id_start_0").fill(dag.strftime("%d-%m-%Y"))
    page.locator("#id_start_1").fill("15:00")
    page.locator("#id_eind_0").fill(dag.strftime("%d-%m-%Y"))
    page.locator("#id_eind_1").fill("17:00")
    page.locator("#id_locatie").select_option(label="Huis van de Wijk Het Oude Westen, Rotterdam")
    page.get_by_label("Aantal plaatsen").fill("2")
    page.get_by_label("Gepubliceerd").check()
    page.get_by_role("button", name="Opslaan", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("Voorkomen huisuitzettingen")
    expect(page.locator("#result_list")).to_contain_text("0 / 2")
    page.screenshot(path="/tmp/kenniscafes-admin.png", full_page=True)

    # A visitor (no account) finds it in the agenda and registers.
    bezoeker.goto(f"{live_server.url}/kenniscafes/")
    kaart = bezoeker.locator(".kenniscafe-kaart").filter(has_text="Voorkomen huisuitzettingen")
    expect(kaart).to_contain_text("15.00–17.00")
    expect(kaart).to_contain_text("Nog 2 plaatsen vrij")
    kaart.get_by_role("link", name="Voorkomen huisuitzettingen").click()
    expect(bezoeker.get_by_role("heading", level=1)).to_have_text("Voorkomen huisuitzettingen")
    bezoeker.get_by_label("Je naam").fill("Fatima")
    bezoeker.get_by_label("Je e-mailadres").fill("fatima@example.org")
    bezoeker.get_by_role("group", name="Wat past het best bij jou?").get_by_label(
        "Bewoner of ervaringsdeskundige"
    ).check()
    bezoeker.get_by_label("Heb je iets nodig om mee te kunnen doen?").fill(
        "Een plek voor mijn rolstoel"
    )
    bezoeker.get_by_label("Ik wil een e-mail krijgen over volgende activiteiten").check()
    bezoeker.get_by_role("button", name="Aanmelden").click()
    # The confirmation takes the form's place and has the focus (announced on arrival).
    bevestiging = bezoeker.locator("#aanmelding-bevestigd")
    expect(bevestiging).to_be_focused()
    expect(bevestiging).to_contain_text(
        "Je bent aangemeld. We hebben een bevestiging gestuurd naar fatima@example.org."
    )
    expect(bezoeker.locator(".kenniscafe-aanmelden form")).to_have_count(0)
    expect(bezoeker).to_have_title(re.compile(r"^Aangemeld: Voorkomen huisuitzettingen"))
    expect(bezoeker.locator(".kenniscafe-gegevens")).to_contain_text("Nog 1 plaats vrij")
    bezoeker.screenshot(path="/tmp/kenniscafes-detail.png", full_page=True)

    cafe = Kenniscafe.objects.get(slug="voorkomen-huisuitzettingen")
    assert [
        (a.naam, a.status, a.deelnemersoort.naam, a.behoeften, a.contact_later)
        for a in cafe.aanmeldingen.all()
    ] == [
        (
            "Fatima",
            "bevestigd",
            "Bewoner of ervaringsdeskundige",
            "Een plek voor mijn rolstoel",
            True,
        )
    ]
    [bericht] = mail.outbox
    assert bericht.to == ["fatima@example.org"]
    afmeldlink = re.search(r"http://\S+/kenniscafes/afmelden/\S+/", bericht.body).group(0)

    # The coordinator sees the registration; the visitor's cancel link works.
    page.goto(f"{live_server.url}/admin/kenniscafes/aanmelding/")
    expect(page.locator("#result_list")).to_contain_text("Fatima")
    bezoeker.goto(afmeldlink)
    bezoeker.get_by_role("button", name="Ja, meld mij af").click()
    expect(bezoeker.locator(".messages")).to_contain_text("Je bent afgemeld.")
    expect(bezoeker.locator(".kenniscafe-gegevens")).to_contain_text("Nog 2 plaatsen vrij")
