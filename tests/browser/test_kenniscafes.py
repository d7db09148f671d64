"""A coordinator schedules a kenniscafé in the admin; a visitor finds it and registers."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from kenniscafes.models import Kenniscafe
from tests.browser.axe_controle import ernstige_overtredingen
from tests.browser.console import bewaak, rustig_af
from tests.kenniscafes.factories import LocatieFactory


@pytest.fixture
def console(page):
    """Every console warning or error of the coordinator's and the visitor's pages."""
    meldingen = bewaak(page.context)
    yield meldingen
    rustig_af(page)
    assert meldingen == []


@pytest.fixture
def bezoeker(browser, console):
    """A second browser (no account, own cookies) for the visitor; closed afterwards."""
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    console_bezoeker = bewaak(context)
    pagina = context.new_page()
    yield pagina
    rustig_af(pagina)
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


def _plan_in_admin(page, live_server, *, soort, titel, dag):
    page.goto(f"{live_server.url}/admin/kenniscafes/kenniscafe/add/")
    page.get_by_label("Soort").select_option(label=soort)
    page.get_by_label("Titel").press_sequentially(titel)
    page.locator("#id_start_0").fill(dag.strftime("%d-%m-%Y"))
    page.locator("#id_start_1").fill("10:00")
    page.locator("#id_eind_0").fill(dag.strftime("%d-%m-%Y"))
    page.locator("#id_eind_1").fill("12:00")
    page.locator("#id_locatie").select_option(index=1)
    page.get_by_label("Aantal plaatsen").fill("10")
    page.get_by_label("Gepubliceerd").check()
    page.get_by_role("button", name="Opslaan", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text(titel)


def _meld_aan(bezoeker, live_server, cafe, naam, soort, behoeften=""):
    bezoeker.goto(f"{live_server.url}{cafe.get_absolute_url()}")
    bezoeker.get_by_label("Je naam").fill(naam)
    bezoeker.get_by_label("Je e-mailadres").fill(f"{naam.lower()}@example.org")
    bezoeker.get_by_role("group", name="Wat past het best bij jou?").get_by_label(soort).check()
    bezoeker.get_by_label("Heb je iets nodig om mee te kunnen doen?").fill(behoeften)
    bezoeker.get_by_role("button", name="Aanmelden").click()
    expect(bezoeker.locator("#aanmelding-bevestigd")).to_be_focused()


def test_a_workshop_from_planning_to_report(page, live_server, login, coordinator, bezoeker):
    """Plan a workshop and a café; people register with their kind and needs; reminders
    go out once; attendance is ticked on a phone; feedback comes back; the report counts."""
    LocatieFactory(naam="Wijkpaleis")
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    login(coordinator)
    _plan_in_admin(page, live_server, soort="workshop", titel="Genogram", dag=morgen)
    _plan_in_admin(
        page, live_server, soort="kenniscafé", titel="Rondkomen", dag=morgen + datetime.timedelta(7)
    )
    workshop = Kenniscafe.objects.get(titel="Genogram")
    assert (workshop.soort, Kenniscafe.objects.get(titel="Rondkomen").soort) == (
        "workshop",
        "kenniscafe",
    )

    bezoeker.goto(f"{live_server.url}/kenniscafes/?soort=workshop")
    expect(bezoeker.locator(".kenniscafe-kaart")).to_have_count(1)
    expect(bezoeker.locator(".kenniscafe-kaart")).to_contain_text("Workshop")
    _meld_aan(bezoeker, live_server, workshop, "Fatima", "Bewoner of ervaringsdeskundige", "Tolk")
    _meld_aan(bezoeker, live_server, workshop, "Sanne", "Professional")
    _meld_aan(bezoeker, live_server, workshop, "Joost", "Professional")

    mail.outbox.clear()
    for _ in range(2):  # cron, twice
        call_command("stuur_herinneringen", stdout=io.StringIO())
    assert sorted(b.to[0] for b in mail.outbox) == [
        "fatima@example.org",
        "joost@example.org",
        "sanne@example.org",
    ]

    # On the day, on a phone: tick who came.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{workshop.get_aanwezigheid_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanwezigheid: Genogram")
    expect(page.get_by_text("Heeft nodig: Tolk")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert ernstige_overtredingen(page) == []
    page.get_by_label("Fatima").check()
    page.get_by_label("Sanne").check()
    page.get_by_role("button", name="Aanwezigheid bewaren").click()
    expect(page.locator(".messages")).to_contain_text("Aanwezigheid bewaard: 2 aanwezig.")
    page.screenshot(path="/tmp/kenniscafes-aanwezigheid-390.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    # Afterwards: ask for feedback in the admin; only who came get the mail.
    mail.outbox.clear()
    page.goto(f"{live_server.url}/admin/kenniscafes/kenniscafe/")
    page.locator(f"input[name=_selected_action][value='{workshop.pk}']").check()
    page.locator("select[name=action]").select_option("vraag_feedback")
    page.get_by_role("button", name="Uitvoeren").click()
    expect(page.locator(".messagelist")).to_contain_text("2 mensen die er waren")
    assert sorted(b.to[0] for b in mail.outbox) == ["fatima@example.org", "sanne@example.org"]
    link = re.search(r"http://\S+/kenniscafes/feedback/\S+/", mail.outbox[0].body).group(0)
    bezoeker.goto(link)
    bezoeker.get_by_role("group", name="Hoe vond je het?").get_by_label("5 – heel goed").check()
    bezoeker.get_by_label("Wat was goed? (als je wilt)").fill("Heel praktisch")
    bezoeker.get_by_role("button", name="Versturen").click()
    expect(bezoeker.get_by_role("status")).to_be_focused()
    expect(bezoeker.get_by_role("status")).to_contain_text("Dank je wel voor je feedback!")

    # The report counts attendance by kind and shows the feedback.
    page.goto(f"{live_server.url}{workshop.get_rapport_url()}")
    tabel = page.locator(".rapport-tabel")
    expect(tabel.locator("tbody tr")).to_have_text(
        [
            re.compile(r"Bewoner of ervaringsdeskundige\s*1\s*1\s*0"),
            re.compile(r"Professional\s*2\s*1\s*1"),
        ]
    )
    expect(page.get_by_text("Goed: Heel praktisch")).to_be_visible()
    assert ernstige_overtredingen(page) == []
    page.screenshot(path="/tmp/kenniscafes-rapport.png", full_page=True)
