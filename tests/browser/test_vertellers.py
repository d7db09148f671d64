"""The teller's journey (issue 17): a researcher enters a story and prints its
consent receipt; the teller opens their page with the code, disagrees with
one theme, adds their meaning and lowers consent — after which the story is
gone from the Brede Raad collection at once."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from kennisagenda import roles
from tests.browser.axe_controle import ernstige_overtredingen
from tests.factories import DEFAULT_PASSWORD, ThemaFactory, UserFactory
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from verhalen.models import Betekenis, Themaoordeel, Verhaal


@pytest.fixture
def olga(db):
    return UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)


@pytest.fixture
def rachid(db):
    return UserFactory(username="rachid", first_name="Rachid", role=roles.BREDE_RAAD)


@pytest.fixture
def themas(db):
    return {
        slug: ThemaFactory(name=slug.capitalize(), slug=slug, is_kennisagenda=True)
        for slug in ("vertrouwen", "bestaanszekerheid")
    }


def _verhaal_invoeren(page):
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Verhalen").click()
    page.get_by_role("link", name="Nieuw verhaal invoeren").click()
    page.get_by_label("Titel").fill("Niemand belde terug")
    page.get_by_label("Verhaal (verplicht)").fill(
        "Verzonnen voorbeeld. Ik wachtte weken op een telefoontje.\nToen gaf ik het op."
    )
    page.get_by_label("Schuilnaam").fill("Vader uit West")
    page.get_by_label("Vertrouwen", exact=True).check()
    page.get_by_label("Bestaanszekerheid", exact=True).check()
    page.get_by_label("Ook Brede Raad 010").check()
    page.get_by_role("button", name="Verhaal opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Niemand belde terug")
    return Verhaal.objects.get(titel="Niemand belde terug")


def test_receipt_then_the_teller_disagrees_adds_meaning_and_lowers_consent(
    browser, page, live_server, login, olga, rachid, themas
):
    # A researcher enters a story; it is in a Brede Raad collection.
    login(olga)
    verhaal = _verhaal_invoeren(page)
    collectie = CollectieFactory(titel="Wachten in de stad", publiek="brede_raad")
    CollectieItemFactory(collectie=collectie, verhaal=verhaal)

    # ... and prints its receipt (page as printed, and the PDF).
    page.get_by_role("link", name="Toestemmingsbewijs en contactgegevens").click()
    page.get_by_role("button", name="Maak het toestemmingsbewijs").click()
    code = page.locator(".bewijs__code").inner_text()
    expect(page.get_by_role("heading", name="Toestemmingsbewijs", level=1)).to_be_visible()
    assert ernstige_overtredingen(page) == []
    page.emulate_media(media="print")
    expect(page.locator(".bewijs__code")).to_be_visible()
    expect(page.get_by_role("button", name="Download als PDF")).to_be_hidden()
    expect(page.locator(".bewijs")).to_contain_text("De leden van de Brede Raad 010")
    page.screenshot(path="/tmp/a11y/vertellers-bewijs-print.png", full_page=True)
    page.emulate_media(media="screen")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download als PDF").click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF-")
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert code in tekst
    link = page.locator(".bewijs__link").first.inner_text()
    assert link == f"{live_server.url}/mijn-verhaal/{code}/"

    # The teller, on their own device, opens the link from the paper.
    teller = browser.new_page()
    teller.goto(link)
    teller.get_by_role("button", name="Open mijn verhaal").click()
    expect(teller.get_by_role("heading", level=1)).to_have_text(
        "Mijn verhaal: “Niemand belde terug”"
    )
    assert "/mijn-verhaal/verhaal/" in teller.url and code not in teller.url
    expect(teller.locator("body")).to_contain_text("Wachten in de stad")
    assert ernstige_overtredingen(teller) == []

    # They disagree with one theme and add their meaning.
    teller.get_by_role("link", name="Mijn betekenis geven").click()
    teller.get_by_label("Waar gaat uw verhaal over, voor u?").fill(
        "Dat je als vader niet serieus genomen wordt."
    )
    bestaanszekerheid = teller.get_by_role("group", name="Bestaanszekerheid")
    bestaanszekerheid.get_by_label("Klopt niet").check()
    teller.get_by_label("Wilt u iets uitleggen over “Bestaanszekerheid”?").fill(
        "Het ging niet om geld."
    )
    teller.get_by_role("group", name="Vertrouwen").get_by_label("Klopt", exact=True).check()
    assert ernstige_overtredingen(teller) == []
    teller.get_by_role("button", name="Bewaar mijn woorden").click()
    expect(teller.get_by_role("status").or_(teller.locator(".messages"))).to_contain_text(
        "Wij hebben uw woorden bewaard"
    )
    assert Betekenis.objects.get(verhaal=verhaal).tekst.startswith("Dat je als vader")
    assert Themaoordeel.objects.get(verhaal=verhaal, oordeel="klopt_niet").thema.slug == (
        "bestaanszekerheid"
    )

    # A Brede Raad member still reads the story in the collection ...
    raad = browser.new_page()
    raad.goto(f"{live_server.url}/accounts/login/")
    raad.get_by_label("Gebruikersnaam").fill("rachid")
    raad.get_by_label("Wachtwoord").fill(DEFAULT_PASSWORD)
    raad.get_by_role("button", name="Inloggen").click()
    raad.goto(f"{live_server.url}{collectie.get_absolute_url()}")
    expect(raad.locator("main")).to_contain_text("Niemand belde terug")

    # ... until the teller lowers consent to the researchers only (with a confirmation).
    teller.get_by_role("link", name="Minder mensen toestemming geven").click()
    teller.get_by_label("Alleen de onderzoekers mogen mijn verhaal lezen").check()
    teller.get_by_role("button", name="Verder").click()
    expect(teller.get_by_role("heading", level=1)).to_have_text("Klopt dit?")
    assert Verhaal.objects.get(pk=verhaal.pk).toestemming == "brede_raad"
    teller.get_by_role("button", name="Ja, verander mijn toestemming").click()
    expect(teller.get_by_role("heading", level=1)).to_have_text("Uw toestemming is veranderd")
    expect(teller.locator(".bewijs")).to_contain_text(
        "Nu geldt: Alleen de onderzoekers mogen mijn verhaal lezen."
    )
    assert ernstige_overtredingen(teller) == []

    raad.reload()
    expect(raad.locator("main")).not_to_contain_text("Niemand belde terug")

    # The researcher sees the teller's words beside the codes.
    page.goto(f"{live_server.url}{verhaal.get_absolute_url()}")
    stem = page.get_by_role("region", name="De verteller over dit verhaal")
    expect(stem).to_contain_text("Dat je als vader niet serieus genomen wordt.")
    expect(stem.get_by_role("listitem").filter(has_text="klopt niet")).to_have_text(
        re.compile(r"^bestaanszekerheid: klopt niet — “Het ging niet om geld\.”$", re.I)
    )
    teller.close()
    raad.close()
