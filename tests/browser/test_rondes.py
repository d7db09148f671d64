"""A coding round in real Chromium, from set-up to settling, with three coders
who each log in: a round of 30 stories (a random sample of the filtered
list), blind coding in the workspace, closing, the alpha table (checked
against the krippendorff package), settling the differences, a memo, and
the result exported as a REFI-QDA project for a colleague's other tool."""

import krippendorff
from playwright.sync_api import expect

from kennisagenda import roles
from tests.browser.axe_controle import ernstige_overtredingen
from tests.browser.selecteren import sleep
from tests.factories import UserFactory
from tests.uitwisseling.refi import NS, open_qdpx
from tests.verhalen.factories import VerhaalFactory
from verhalen.models import (
    Beslissing,
    Coderingsronde,
    Fragment,
    Gemeente,
    Memo,
    Rondecodering,
    Rondestatus,
)

EERSTE = "Ik wachtte maanden. De gemeente belde nooit terug. Toen kwam de buurvrouw langs."
TWEEDE = "Het wijkteam luisterde echt. Daarna ging het beter. Ik heb weer vertrouwen."


def _zonder_overtredingen(page):
    assert ernstige_overtredingen(page) == []


def _wissel(page, login, user):
    page.context.clear_cookies()
    login(user)


def _codeer(page, tekst, stuk, code):
    """Drag over `stuk` of the story text, pick `code`, save; wait for the list."""
    start = tekst.index(stuk)
    expect(page.locator("[data-werkbalk]")).to_be_visible()
    aantal = page.locator(".fragmentlijst > li").count()
    sleep(page, start, start + len(stuk))
    kiezer = page.get_by_role("dialog", name="Codeer dit fragment")
    expect(kiezer).to_be_visible()
    kiezer.get_by_role("option", name=code).click()
    kiezer.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".fragmentlijst > li")).to_have_count(aantal + 1)


def test_round_from_set_up_to_settling_with_three_coders(page, live_server, login):
    anna = UserFactory(username="anna", first_name="Anna", role=roles.ONDERZOEKER)
    bram = UserFactory(username="bram", first_name="Bram", role=roles.ONDERZOEKER)
    cem = UserFactory(username="cem", first_name="Cem", role=roles.ONDERZOEKER)
    schiedam = {"gemeente": Gemeente.SCHIEDAM}
    een = VerhaalFactory(titel="A. Wachten", tekst=EERSTE, **schiedam)
    twee = VerhaalFactory(titel="B. Wijkteam", tekst=TWEEDE, **schiedam)
    overige = [VerhaalFactory(titel=f"D. Gesprek {n:02}", **schiedam) for n in range(3, 31)]
    VerhaalFactory(titel="C. Niet in de ronde", tekst="Iets anders.", gemeente=Gemeente.ROTTERDAM)

    # Anna sets the round up: a random sample of 30 from the stories of one
    # gemeente (all 30 of them), two codes, three coders.
    login(anna)
    page.goto(f"{live_server.url}/codeboek/")
    page.get_by_role("link", name="Coderingsrondes").click()
    page.get_by_role("link", name="Nieuwe coderingsronde").click()
    _zonder_overtredingen(page)
    page.get_by_text("Filter de verhalen").click()
    page.get_by_label("Gemeente").select_option(label="Schiedam")
    page.get_by_role("button", name="Filter toepassen").click()
    expect(page.get_by_role("status")).to_have_text("Het filter selecteert 30 verhalen.")
    page.get_by_label("Titel").fill("Proefronde wachten")
    page.get_by_label("vertrouwen", exact=True).check()
    page.get_by_label("maatwerk", exact=True).check()
    for naam in ("Anna", "Bram", "Cem"):
        page.get_by_label(naam, exact=True).check()
    page.get_by_label("Willekeurige steekproef van zoveel verhalen").fill("30")
    page.get_by_role("button", name="Ronde opzetten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Proefronde wachten")
    ronde = Coderingsronde.objects.get()
    assert set(ronde.verhalen.all()) == {een, twee, *overige}
    expect(page.get_by_text("0 van 30")).to_have_count(3)
    _zonder_overtredingen(page)

    # Anna codes both stories in the workspace and marks them done.
    page.get_by_role("link", name="A. Wachten").click()
    expect(page.locator("[data-werkbalk]")).to_be_visible()
    _zonder_overtredingen(page)
    _codeer(page, EERSTE, "De gemeente belde nooit terug.", "vertrouwen")
    _codeer(page, EERSTE, "Toen kwam de buurvrouw langs.", "maatwerk")
    page.get_by_role("button", name="Klaar met dit verhaal, naar het volgende").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("B. Wijkteam")
    _codeer(page, TWEEDE, "Ik heb weer vertrouwen.", "vertrouwen")
    page.get_by_role("button", name="Klaar met dit verhaal").click()
    assert Rondecodering.objects.filter(codeur=anna).count() == 3
    assert Fragment.objects.count() == 0

    # Bram sees none of Anna's work (blind), codes differently.
    _wissel(page, login, bram)
    page.goto(f"{live_server.url}{ronde.get_absolute_url()}")
    expect(page.get_by_text("De gemeente belde nooit terug.")).to_have_count(0)
    page.get_by_role("link", name="A. Wachten").click()
    expect(page.locator(".fragmentlijst > li")).to_have_count(0)
    expect(page.locator("#verhaaltekst mark")).to_have_count(0)
    _codeer(page, EERSTE, "De gemeente belde nooit terug.", "vertrouwen")
    page.get_by_role("button", name="Klaar met dit verhaal, naar het volgende").click()
    _codeer(page, TWEEDE, "Het wijkteam luisterde echt.", "vertrouwen")
    page.get_by_role("button", name="Klaar met dit verhaal").click()

    # Cem codes only the first story and does not finish the second (missing data).
    _wissel(page, login, cem)
    page.goto(f"{live_server.url}{ronde.get_absolute_url()}")
    page.get_by_role("link", name="A. Wachten").click()
    expect(page.locator(".fragmentlijst > li")).to_have_count(0)
    _codeer(page, EERSTE, "belde nooit terug", "vertrouwen")
    _codeer(page, EERSTE, "Ik wachtte maanden.", "maatwerk")
    page.get_by_role("button", name="Klaar met dit verhaal, naar het volgende").click()
    # Cem may not close the round: only who set it up.
    page.goto(f"{live_server.url}{ronde.get_absolute_url()}")
    expect(
        page.get_by_role("button", name="Ronde sluiten en overeenstemming berekenen")
    ).to_have_count(0)

    # Anna closes it; the alpha table shows, equal to the reference package.
    _wissel(page, login, anna)
    page.goto(f"{live_server.url}{ronde.get_absolute_url()}")
    page.get_by_role("button", name="Ronde sluiten en overeenstemming berekenen").click()
    expect(page.get_by_role("heading", name="Overeenstemming tussen de codeurs")).to_be_visible()
    _zonder_overtredingen(page)
    page.screenshot(path="/tmp/ronde-overeenstemming.png", full_page=True)
    ronde.refresh_from_db()
    for code in ronde.uitkomst["codes"]:
        rijen = [
            [float("nan") if rij[i] is None else rij[i] for rij in code["waarden"]]
            for i in range(3)
        ]
        verwacht = krippendorff.alpha(reliability_data=rijen, level_of_measurement="nominal")
        getoond = f"{verwacht:.3f}".replace(".", ",").replace("-", "−")
        rij = page.get_by_role("row", name=code["naam"], exact=False).first
        expect(rij).to_contain_text(getoond)

    # Settling: adopt, merge, discard, then finish.
    page.get_by_role("link", name="Verschillen beslechten").click()
    _zonder_overtredingen(page)
    page.screenshot(path="/tmp/ronde-verschillen.png", full_page=True)
    page.get_by_role("button", name="Versie van Anna overnemen").first.click()
    expect(page.get_by_text("Beslist en vastgelegd.")).to_be_visible()
    page.get_by_role("button", name="Samenvoegen").first.click()
    expect(page.get_by_text("Beslist en vastgelegd.")).to_be_visible()
    while page.get_by_role("button", name="Verwerpen").count():
        page.get_by_role("button", name="Verwerpen").first.click()
        expect(page.get_by_text("Beslist en vastgelegd.")).to_be_visible()
    expect(page.get_by_text("0 verschillen nog zonder beslissing")).to_be_visible()
    page.get_by_role("button", name="Ronde afronden").click()
    expect(page.get_by_text("De ronde is beslecht")).to_be_visible()
    ronde.refresh_from_db()
    assert ronde.status == Rondestatus.BESLECHT
    keuzes = set(Beslissing.objects.values_list("keuze", flat=True))
    assert {"overnemen", "samenvoegen", "verwerpen"} <= keuzes
    assert Fragment.objects.exists()
    # The adopted codings are normal fragments on the story page now.
    page.goto(f"{live_server.url}{een.get_absolute_url()}")
    expect(page.locator(".fragmentlijst > li")).to_have_count(
        Fragment.objects.filter(verhaal=een).count()
    )
    assert Rondecodering.objects.count() == 7  # the raw round data stays

    # Anna writes a memo on the story about what the round taught. The link is
    # followed from the keyboard: the page's layout still moves after load (the
    # workspace folds the fragment form away, list items off screen get their
    # real size as they scroll in), and under load a mouse click at the link's
    # old place missed it.
    page.wait_for_function("performance.getEntriesByName('werkruimte-klaar').length > 0")
    page.get_by_role("link", name="Memo schrijven bij dit verhaal").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_label("Titel").fill("Na de proefronde")
    page.get_by_label("Memo (verplicht)").fill("Wachten en vertrouwen lopen door elkaar.")
    page.get_by_role("button", name="Memo opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Na de proefronde")

    # And exports the stories as a REFI-QDA project for a colleague's QDA tool.
    page.goto(f"{live_server.url}/verhalen/")
    with page.expect_download() as download:
        page.get_by_role("link", name="REFI-QDA-project (.qdpx)").click()
    with open(download.value.path(), "rb") as bestand:
        project, bestanden = open_qdpx(bestand.read())  # valid against Project.xsd
    bron = project.find(f".//q:TextSource[@name='{een.titel}']", NS)
    selecties = {
        (int(selectie.get("startPosition")), int(selectie.get("endPosition")))
        for selectie in bron.iterfind("q:PlainTextSelection", NS)
    }
    assert selecties == set(Fragment.objects.filter(verhaal=een).values_list("start", "eind"))
    notities = [
        notitie.findtext("q:PlainTextContent", namespaces=NS)
        for notitie in project.iterfind(".//q:Note", NS)
    ]
    assert Memo.objects.get().tekst in notities
    assert len(project.findall(".//q:TextSource", NS)) == 31
