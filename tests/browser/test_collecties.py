"""Reading collections in Chromium: a Brede Raad member reads, changes the
text size and responds; a researcher builds a collection; axe-core finds no
serious or critical accessibility problems; pages reflow at 320 px."""

import re

import pytest
from playwright.sync_api import expect

from kennisagenda import roles
from tests.browser.axe_controle import ernstige_overtredingen
from tests.factories import ThemaFactory, UserFactory
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import (
    CollectieFactory,
    CollectieItemFactory,
    ReflectieFactory,
)
from verhalen.models import Publiek, Reflectie, Toestemming

TEKST = (
    "(Verzonnen voorbeeld.) Ik wachtte drie maanden op een brief.\n"
    "Toen kwam er iemand langs die echt luisterde naar mijn hele situatie.\n"
    "Daarna ging het snel."
)


def _maatwerk():
    # get_or_create: in a run mixed with non-transactional tests the migration
    # data is not always restored between browser tests.
    return ThemaFactory(slug="maatwerk", name="maatwerk", is_kennisagenda=True)


def _collectie(publiek, slug, titel, aantal=2):
    maatwerk = _maatwerk()
    collectie = CollectieFactory(
        publiek=publiek,
        slug=slug,
        titel=titel,
        themas=[maatwerk],
        inleiding="Waarom deze verhalen samen horen.\n\n- Luisteren\n- Doorvragen",
    )
    toestemming = Toestemming.OPENBAAR if publiek == Publiek.OPENBAAR else Toestemming.BREDE_RAAD
    for nummer in range(1, aantal + 1):
        verhaal = VerhaalFactory(
            titel=f"Verhaal nummer {nummer}",
            tekst=TEKST,
            toestemming=toestemming,
            leeftijdscategorie="45-67",
        )
        start = TEKST.index("iemand langs")
        FragmentFactory(verhaal=verhaal, start=start, eind=start + 31, codes=[maatwerk])
        CollectieItemFactory(collectie=collectie, verhaal=verhaal, notitie="Let op het luisteren.")
    return collectie


def test_brede_raad_member_reads_changes_text_size_and_reflects(page, live_server, login):
    lid = UserFactory(username="fatima", first_name="Fatima", role=roles.BREDE_RAAD)
    _collectie(Publiek.BREDE_RAAD, "voor-de-raad", "Voor de raad")
    login(lid)

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Collecties").click()
    page.get_by_role("link", name="Voor de raad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voor de raad")

    # Reads: table of contents, a marked fragment, the curator's note, next story.
    inhoud = page.get_by_role("navigation", name="Inhoud")
    inhoud.get_by_role("link", name="Verhaal nummer 2").click()
    expect(page).to_have_url(re.compile(r"#verhaal-2$"))
    expect(page.locator("#verhaal-1 mark.themafragment")).to_contain_text("maatwerk")
    expect(page.locator("#verhaal-1 .notitie")).to_contain_text("Let op het luisteren.")
    page.locator("#verhaal-1").get_by_role("link", name=re.compile("Volgend verhaal")).click()
    expect(page).to_have_url(re.compile(r"#verhaal-2$"))

    # Text size: applied at once, remembered on other pages.
    page.get_by_role("button", name="Groter").click()
    expect(page.locator("html")).to_have_attribute("data-tekstgrootte", "groter")
    expect(page.get_by_role("button", name="Groter")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("status")).to_have_text("Tekstgrootte: Groter.")
    groot = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.goto(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("data-tekstgrootte", "groter")
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == groot
    assert groot == pytest.approx(24.0)

    # Reflects.
    page.goto(f"{live_server.url}/collecties/voor-de-raad/")
    page.get_by_label("Je reflectie").fill("Dit herken ik. De gemeente moet **eerst bellen**.")
    page.get_by_role("button", name="Reflectie plaatsen").click()
    reflectie = Reflectie.objects.get()
    expect(page).to_have_url(re.compile(rf"#reflectie-{reflectie.pk}$"))
    geplaatst = page.locator(f"#reflectie-{reflectie.pk}")
    expect(geplaatst).to_contain_text("Reflectie van Fatima (jij)")
    expect(geplaatst.locator("strong")).to_have_text("eerst bellen")


def test_text_size_works_without_javascript(browser, live_server):
    _collectie(Publiek.OPENBAAR, "openbaar", "Openbaar")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/collecties/openbaar/")

    page.get_by_role("button", name="Grootst").click()

    expect(page).to_have_url(f"{live_server.url}/collecties/openbaar/")
    expect(page.locator("html")).to_have_attribute("data-tekstgrootte", "grootst")
    expect(page.get_by_role("button", name="Grootst")).to_have_attribute("aria-pressed", "true")
    context.close()


def test_reading_page_can_be_used_by_keyboard(page, live_server):
    _collectie(Publiek.OPENBAAR, "openbaar", "Openbaar")
    page.goto(f"{live_server.url}/collecties/openbaar/")

    link = page.get_by_role("navigation", name="Inhoud").get_by_role(
        "link", name="Verhaal nummer 2"
    )
    link.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    page.keyboard.press("Enter")

    assert outline == "solid", "visible focus"
    expect(page).to_have_url(re.compile(r"#verhaal-2$"))
    expect(page.locator("#verhaal-2")).to_be_in_viewport()


@pytest.mark.parametrize("breedte", [320, 1280])
def test_pages_reflow_without_horizontal_scrolling(page, live_server, breedte):
    _collectie(Publiek.OPENBAAR, "openbaar", "Een collectie met een heel lange titel om te testen")
    page.set_viewport_size({"width": breedte, "height": 800})
    for url in ("/collecties/", "/collecties/openbaar/", "/themas/maatwerk/"):
        page.goto(f"{live_server.url}{url}")
        breedte_pagina = page.evaluate("document.documentElement.scrollWidth")
        assert breedte_pagina <= breedte, f"{url} scrolls sideways at {breedte}px"
        page.screenshot(path=f"/tmp/collecties-{url.strip('/').replace('/', '-')}-{breedte}.png")


def test_axe_finds_no_serious_problems_for_visitors(page, live_server):
    _collectie(Publiek.OPENBAAR, "openbaar", "Openbaar")
    for url in ("/collecties/", "/collecties/openbaar/", "/themas/maatwerk/", "/"):
        page.goto(f"{live_server.url}{url}")
        assert ernstige_overtredingen(page) == [], url


def test_axe_finds_no_serious_problems_for_members_and_curators(page, live_server, login):
    collectie = _collectie(Publiek.BREDE_RAAD, "voor-de-raad", "Voor de raad")
    lid = UserFactory(username="fatima", first_name="Fatima", role=roles.BREDE_RAAD)
    ReflectieFactory(collectie=collectie, auteur=lid, tekst="Een eerdere reflectie.")
    login(lid)
    page.goto(f"{live_server.url}/collecties/voor-de-raad/")
    page.get_by_role("button", name="Reflectie plaatsen").click()  # empty: error message
    expect(page.get_by_role("alert")).to_contain_text("Schrijf eerst je reflectie.")
    assert ernstige_overtredingen(page) == []
    page.goto(f"{live_server.url}/themas/maatwerk/")
    assert ernstige_overtredingen(page) == []

    onderzoeker = UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)
    page.get_by_role("button", name="Uitloggen").click()
    login(onderzoeker)
    item = collectie.items.first()
    for url in (
        "/collecties/voor-de-raad/bewerken/?zoek=verhaal",
        "/collecties/nieuw/",
        f"/collecties/toevoegen/?verhaal={item.verhaal_id}",
        f"/collecties/voor-de-raad/verhalen/{item.pk}/",
    ):
        page.goto(f"{live_server.url}{url}")
        assert ernstige_overtredingen(page) == [], url


def test_researcher_builds_a_collection_in_the_browser(page, live_server, login):
    onderzoeker = UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)
    _maatwerk()
    for titel in ("Wachten op de schuldhulp", "Wachten bij het loket", "Geheim verhaal"):
        VerhaalFactory(
            titel=titel,
            toestemming=Toestemming.ONDERZOEK if titel == "Geheim verhaal" else "openbaar",
        )
    login(onderzoeker)

    page.goto(f"{live_server.url}/collecties/nieuw/")
    page.get_by_label("Titel").fill("Wachten")
    page.get_by_label("Iedereen (openbaar)").check()
    page.get_by_label("maatwerk").check()
    page.get_by_label("Inleiding").fill("Over **wachten**.")
    page.get_by_role("button", name="Collectie maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Collectie bewerken: Wachten")

    page.get_by_label("Zoek een verhaal op titel").fill("wachten")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("button", name="Toevoegen (Wachten bij het loket)").click()
    page.get_by_label("Zoek een verhaal op titel").fill("wachten")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("button", name="Toevoegen (Wachten op de schuldhulp)").click()
    page.get_by_role("button", name="Omhoog (Wachten op de schuldhulp)").click()
    page.get_by_role("button", name="Publiceren", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("De collectie is gepubliceerd.")

    page.get_by_role("link", name="Bekijk de leespagina").click()
    titels = page.locator("article.leesverhaal h2").all_inner_texts()
    assert titels == ["Wachten op de schuldhulp", "Wachten bij het loket"]


def test_largest_text_size_on_a_narrow_screen_does_not_scroll_sideways(page, live_server):
    _collectie(Publiek.OPENBAAR, "openbaar", "Ervaringsdeskundigheid en bestaanszekerheid")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/collecties/openbaar/")
    page.get_by_role("button", name="Grootst").click()
    expect(page.locator("html")).to_have_attribute("data-tekstgrootte", "grootst")

    for url in ("/collecties/", "/collecties/openbaar/", "/themas/maatwerk/"):
        page.goto(f"{live_server.url}{url}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url


def test_printed_collection_is_a_booklet_with_one_story_per_page(page, live_server):
    _collectie(Publiek.OPENBAAR, "openbaar", "Openbaar", aantal=2)
    page.goto(f"{live_server.url}/collecties/openbaar/")

    pdf = page.pdf(format="A4")

    # Title page; introduction, contents and the legend of the marks; one page per story.
    pagina_s = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pagina_s == 4


def test_member_edits_and_removes_own_reflection_by_keyboard_on_a_narrow_screen(
    page, live_server, login
):
    lid = UserFactory(username="fatima", first_name="Fatima", role=roles.BREDE_RAAD)
    ander = UserFactory(username="kees", first_name="Kees", role=roles.BREDE_RAAD)
    collectie = _collectie(Publiek.BREDE_RAAD, "voor-de-raad", "Voor de raad")
    eigen = ReflectieFactory(collectie=collectie, auteur=lid, tekst="Mijn eerste gedachte.")
    ReflectieFactory(collectie=collectie, auteur=ander, tekst="Van Kees.")
    page.set_viewport_size({"width": 320, "height": 800})
    login(lid)
    page.goto(f"{live_server.url}/collecties/voor-de-raad/#reflecties")

    # Only the own reflection offers the actions.
    expect(page.get_by_role("link", name=re.compile("^Aanpassen"))).to_have_count(1)
    page.get_by_role("link", name=re.compile("^Aanpassen")).focus()
    page.keyboard.press("Enter")
    veld = page.get_by_label("Je reflectie")
    expect(veld).to_have_value("Mijn eerste gedachte.")
    veld.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("Beter verwoord.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(f"#reflectie-{eigen.pk}")).to_contain_text("Beter verwoord.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    page.get_by_role("link", name=re.compile("^Verwijderen")).focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name=re.compile("verwijder", re.IGNORECASE)).focus()
    page.keyboard.press("Enter")
    expect(page.locator(".reflectie")).to_have_count(1)
    expect(page.locator(".reflectie")).to_contain_text("Van Kees.")
    assert list(Reflectie.objects.values_list("tekst", flat=True)) == ["Van Kees."]


@pytest.mark.parametrize("breedte", [390, 1280])
def test_member_pages_through_a_long_collection_and_reflects_on_page_two(
    page, live_server, login, breedte
):
    _collectie(Publiek.BREDE_RAAD, "lang", "Een lange collectie", aantal=12)
    login(UserFactory(username="fatima", first_name="Fatima", role=roles.BREDE_RAAD))
    page.set_viewport_size({"width": breedte, "height": 900})
    page.goto(f"{live_server.url}/collecties/lang/")

    expect(page.locator("article.leesverhaal")).to_have_count(10)
    # The contents list all twelve; story 11 is on the second page.
    page.get_by_role("navigation", name="Inhoud").get_by_role(
        "link", name="Verhaal nummer 11"
    ).click()
    expect(page).to_have_url(re.compile(r"\?pagina=2#verhaal-11$"))
    expect(page.locator("#verhaal-11")).to_be_in_viewport()
    expect(page.locator("article.leesverhaal")).to_have_count(2)
    paginas = page.get_by_role("navigation", name="Pagina's van de collectie")
    expect(paginas.locator('[aria-current="page"]')).to_have_text("Pagina 2")
    assert page.evaluate("document.documentElement.scrollWidth") <= breedte
    page.screenshot(path=f"/tmp/collectie-pagina-2-{breedte}.png", full_page=True)
    assert ernstige_overtredingen(page) == []

    # Respond to a paragraph of story 12: back on page 2, at the reflection.
    page.locator("#verhaal-12").get_by_role(
        "link", name=re.compile("Reageer op dit stuk")
    ).first.click()
    page.get_by_label("Je reflectie").fill("Dit herken ik uit mijn buurt.")
    page.get_by_role("button", name="Reflectie plaatsen").click()
    expect(page).to_have_url(re.compile(r"\?pagina=2&reflectie=\d+#reflectie-\d+$"))
    expect(page.locator("#verhaal-12 .alinea-reflecties")).to_contain_text("Dit herken ik")

    # Back to the first page by the page navigation, with the keyboard.
    vorige = page.get_by_role("navigation", name="Pagina's van de collectie").get_by_role(
        "link", name=re.compile("Vorige")
    )
    vorige.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?pagina=1$"))
    expect(page.locator("article.leesverhaal").first).to_have_id("verhaal-1")
    page.screenshot(path=f"/tmp/collectie-pagina-1-{breedte}.png")
