"""From stories to advice in Chromium (issue 16): a Brede Raad member finds a
new collection on 'Voor jou' and reflects on two passages; a researcher
drafts a recommendation citing them, fixes and offers the advice and records
the gemeente's answer; the public page shows it. Every page axe-clean, the
new pages usable by keyboard and readable at 200 % text on 320 px."""

import os
import re

from playwright.sync_api import expect

from kennisagenda import roles
from tests.browser.axe_controle import ernstige_overtredingen
from tests.factories import UserFactory
from tests.verhalen.factories import VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from verhalen.models import Publiek, Toestemming

SCHERMAFDRUKKEN = os.environ.get("SCHERMAFDRUKKEN", "")

BEWONER = "(Verzonnen voorbeeld.) Ik belde zes keer en niemand belde terug."
PROFESSIONAL = "(Verzonnen voorbeeld.) Als wijkteam mogen we niet zelf beslissen."


def _collectie():
    collectie = CollectieFactory(
        slug="wachten-op-hulp", titel="Wachten op hulp", publiek=Publiek.BREDE_RAAD
    )
    for titel, soort, eerste in (
        ("Zes keer gebeld", "bewoner", BEWONER),
        ("Niet zelf beslissen", "professional", PROFESSIONAL),
    ):
        verhaal = VerhaalFactory(
            titel=titel,
            verteller_type=soort,
            tekst=f"{eerste}\nDe rest van het verhaal.",
            toestemming=Toestemming.OPENBAAR,
        )
        CollectieItemFactory(collectie=collectie, verhaal=verhaal)
    return collectie


def _schoon(page):
    assert ernstige_overtredingen(page) == [], page.url
    if SCHERMAFDRUKKEN:
        naam = re.sub(r"[^a-z0-9]+", "-", page.url.split("//", 1)[1].split("/", 1)[1]).strip("-")
        page.screenshot(path=f"{SCHERMAFDRUKKEN}/{naam or 'home'}.png", full_page=True)


def _uitloggen(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def test_member_and_researcher_carry_stories_to_an_answered_advice(page, live_server, login):
    lid = UserFactory(username="fatima", first_name="Fatima", role=roles.BREDE_RAAD)
    onderzoeker = UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)
    _collectie()

    # The member lands on her own page and finds the new collection.
    login(lid)
    expect(page).to_have_url(f"{live_server.url}/voor-jou/")
    expect(page.get_by_role("heading", name=re.compile("Collecties om te lezen"))).to_contain_text(
        "1 nieuw"
    )
    _schoon(page)
    page.get_by_role("link", name="Wachten op hulp").click()

    # She reflects on two passages, each picked by its own link (no script needed).
    for nummer, tekst in ((1, "Terugbellen is het minste."), (2, "Geef het wijkteam ruimte.")):
        page.get_by_role(
            "link", name=re.compile(f"Reageer op dit stuk \\(verhaal {nummer},")
        ).first.click()
        expect(page.get_by_label("Over welk stuk gaat het?")).to_have_value(
            re.compile(r"^\d+-0-\d+$")
        )
        page.get_by_label("Je reflectie").fill(tekst)
        page.get_by_role("button", name="Reflectie plaatsen").click()
        expect(page.locator(".messages")).to_contain_text("Je reflectie staat bij de collectie")
    expect(page.locator(".alinea-reflecties")).to_have_count(2)
    _schoon(page)
    _uitloggen(page)

    # The researcher drafts the advice and a recommendation citing both passages.
    login(onderzoeker)
    page.goto(f"{live_server.url}/adviezen/nieuw/")
    _schoon(page)
    page.get_by_label("Titel").fill("Op weg naar een onbeperkt Rotterdam")
    page.get_by_label("Inleiding").fill("Wat Rotterdammers ons vertelden over wachten.")
    page.get_by_role("button", name="Advies beginnen").click()
    page.get_by_role("textbox", name=re.compile("^Aanbeveling")).fill(
        "Bel iedereen binnen een week terug."
    )
    page.get_by_role("button", name="Aanbeveling toevoegen").click()
    _schoon(page)
    page.get_by_label(re.compile("Stuk uit “Zes keer gebeld”")).check()
    page.get_by_label(re.compile("Stuk uit “Niet zelf beslissen”")).check()
    page.get_by_role("button", name="Geselecteerde stukken citeren").click()
    expect(page.get_by_text("2 stukken tekst uit 2 verhalen")).to_be_visible()
    page.get_by_role("link", name="Terug naar het advies").click()

    # Fixed, offered, answered.
    page.get_by_role("button", name="Advies vaststellen").click()
    expect(page.locator(".messages")).to_contain_text("vastgesteld")
    page.get_by_label("Datum van aanbieden").fill("2026-11-03")
    page.get_by_label("Aangeboden aan").fill("de wethouder Zorg")
    _schoon(page)
    page.get_by_role("button", name="Advies aanbieden").click()
    page.get_by_role("link", name="Antwoord van de gemeente vastleggen").click()
    _schoon(page)
    page.get_by_label("Overgenomen", exact=True).check()
    page.get_by_label("Antwoord van de gemeente").fill("Vanaf januari belt het wijkteam terug.")
    page.get_by_label("Datum van het antwoord").fill("2026-12-01")
    page.get_by_role("button", name="Antwoord opslaan").click()
    _uitloggen(page)

    # The public page shows the recommendation, both quotes and the answer.
    page.goto(f"{live_server.url}/adviezen/op-weg-naar-een-onbeperkt-rotterdam/")
    main = page.locator("main")
    expect(main).to_contain_text("Bel iedereen binnen een week terug.")
    expect(main).to_contain_text(BEWONER)
    expect(main).to_contain_text(PROFESSIONAL)
    expect(main).to_contain_text("Antwoord van de gemeente: overgenomen")
    expect(main).to_contain_text("Dunne onderbouwing")  # two passages only
    expect(main).not_to_contain_text("Terugbellen is het minste.")  # reflections stay inside
    _schoon(page)


def test_new_pages_reflow_at_200_percent_text_on_320_px(page, live_server, login):
    from tests.adviezen.factories import AanbevelingFactory, AdviesFactory, CitaatFactory

    lid = UserFactory(username="fatima", first_name="Fatima", role=roles.BREDE_RAAD)
    collectie = _collectie()
    advies = AdviesFactory(
        slug="smal", titel="Een advies met een heel lange titel", status="aangeboden"
    )
    aanbeveling = AanbevelingFactory(advies=advies)
    verhaal = collectie.items.first().verhaal
    CitaatFactory(aanbeveling=aanbeveling, verhaal=verhaal, start=0, eind=len(BEWONER))
    in_de_maak = AanbevelingFactory(advies=AdviesFactory(slug="concept-smal"))
    page.set_viewport_size({"width": 320, "height": 800})
    login(lid)
    for pad in (
        "/voor-jou/",
        "/adviezen/",
        "/adviezen/smal/",
        "/adviezen/concept-smal/werkruimte/",
        f"/adviezen/concept-smal/aanbevelingen/{in_de_maak.pk}/",
        "/collecties/wachten-op-hulp/",
    ):
        page.goto(f"{live_server.url}{pad}")
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        breedte = page.evaluate("document.documentElement.scrollWidth")
        if SCHERMAFDRUKKEN:
            naam = re.sub(r"[^a-z0-9]+", "-", pad).strip("-")
            page.screenshot(path=f"{SCHERMAFDRUKKEN}/smal-{naam}.png", full_page=True)
        assert breedte <= 320, (pad, breedte)


def test_reflection_on_a_passage_by_keyboard_only(page, live_server, login):
    from tests.browser.test_toetsenbord import tab_naar

    lid = UserFactory(username="fatima", first_name="Fatima", role=roles.BREDE_RAAD)
    _collectie()
    login(lid)
    page.goto(f"{live_server.url}/collecties/wachten-op-hulp/")
    tab_naar(page, "a", tekst="Reageer op dit stuk")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_naar(page, "textarea")
    page.keyboard.type("Met alleen het toetsenbord.")
    tab_naar(page, "button", tekst="Reflectie plaatsen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".alinea-reflecties")).to_contain_text("Met alleen het toetsenbord.")
