"""Coding a fragment in real Chromium: selecting text with the mouse and with the keyboard
(the workspace: tests/browser/test_werkruimte.py)."""

from playwright.sync_api import expect

from kennisagenda import roles
from kennisagenda.models import Thema
from tests.browser.selecteren import sleep
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.helpers import app_device, pass_second_step
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Fragment

TEKST = (
    "Ik wachtte maanden op een antwoord van de gemeente. Toen kwam er iemand langs "
    "die echt luisterde.\nZó 😀 blij was ik nog nooit geweest."
)


def _opzet(login, live_server):
    onderzoeker = UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)
    verhaal = VerhaalFactory(titel="Wachten op de gemeente", tekst=TEKST)
    page = login(onderzoeker)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{verhaal.get_absolute_url()}")
    return page, verhaal, onderzoeker


def test_researcher_codes_a_fragment_selected_with_the_mouse(page, live_server, login):
    page, verhaal, onderzoeker = _opzet(login, live_server)
    start, eind = TEKST.index("Toen"), TEKST.index("iemand") + len("iemand")

    sleep(page, start, eind)
    kiezer = page.get_by_role("dialog", name="Codeer dit fragment")
    expect(kiezer).to_contain_text("“Toen kwam er iemand”")
    kiezer.get_by_role("option", name="vertrouwen").click()
    kiezer.get_by_role("option", name="maatwerk").click()
    kiezer.get_by_label("Memo").fill("Eindelijk iemand die komt.")
    page.screenshot(path="/tmp/coderen-muis-kiezer.png")
    kiezer.get_by_role("button", name="Opslaan").click()

    mark = page.locator("#verhaaltekst mark.codering")
    expect(mark).to_have_count(1)
    fragment = Fragment.objects.get()
    assert (fragment.start, fragment.eind, fragment.citaat) == (start, eind, "Toen kwam er iemand")
    assert sorted(fragment.codes.values_list("slug", flat=True)) == ["maatwerk", "vertrouwen"]
    assert (fragment.codeur, fragment.memo) == (onderzoeker, "Eindelijk iemand die komt.")
    expect(mark).to_have_attribute("data-fragment", str(fragment.pk))
    expect(mark).to_contain_text("Toen kwam er iemand")
    expect(page.locator(f"#fragment-{fragment.pk}")).to_contain_text("Eindelijk iemand die komt.")


def test_researcher_codes_a_fragment_selected_with_the_keyboard(page, live_server, login):
    page, verhaal, onderzoeker = _opzet(login, live_server)
    vertrouwen = Thema.objects.get(slug="vertrouwen")

    page.locator("#verhaaltekst").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+Control+ArrowRight")
    page.keyboard.press("Shift+Control+ArrowRight")
    page.keyboard.press("Enter")

    kiezer = page.get_by_role("dialog", name="Codeer dit fragment")
    expect(kiezer).to_contain_text("“wachtte maanden”")
    expect(page.get_by_role("combobox", name="Code zoeken of nieuwe code")).to_be_focused()
    page.keyboard.type("vertrouw")
    # Names that start with it first; then paths and coding rules that mention it.
    expect(kiezer.get_by_role("option").first).to_have_text("vertrouwen")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # past the list of codes to the memo
    expect(kiezer.get_by_label("Memo")).to_be_focused()
    page.keyboard.type("Lang wachten.")
    page.keyboard.press("Control+Enter")

    expect(kiezer).to_be_hidden()
    fragment = Fragment.objects.get()
    assert (fragment.start, fragment.eind, fragment.citaat) == (3, 18, "wachtte maanden")
    assert list(fragment.codes.all()) == [vertrouwen]
    assert fragment.memo == "Lang wachten."


def test_the_fragment_form_page_takes_a_keyboard_selection(page, live_server, login):
    """The page without the workspace (coderen.js) shares its caret with it."""
    from django.urls import reverse

    page, verhaal, onderzoeker = _opzet(login, live_server)
    page.goto(f"{live_server.url}{reverse('codeboek:fragment_nieuw', args=[verhaal.pk])}")
    page.locator("#verhaaltekst").focus()
    page.keyboard.press("Control+ArrowDown")  # the second paragraph
    page.keyboard.press("Shift+Control+ArrowRight")
    page.keyboard.press("Shift+Control+ArrowRight")
    page.keyboard.press("Enter")

    start = TEKST.index("Zó")
    expect(page.locator("[data-selectie-status]")).to_contain_text("Geselecteerd: “Zó 😀”")
    expect(page.locator("#fragment-form [name=start]")).to_have_value(str(start))
    expect(page.locator("#fragment-form [name=eind]")).to_have_value(str(start + len("Zó 😀")))
    expect(page.locator("#fragment-form [name=citaat]")).to_have_value("Zó 😀")
    expect(page.locator("#fragment-form [data-codes] input[type=checkbox]").first).to_be_focused()
    page.locator("#fragment-form [data-codes] input[type=checkbox]").first.check()
    page.get_by_role("button", name="Fragment opslaan").click()
    fragment = Fragment.objects.get()
    assert (fragment.start, fragment.citaat) == (start, "Zó 😀")


def test_offsets_count_code_points_after_an_emoji_and_a_line_break(page, live_server, login):
    page, verhaal, onderzoeker = _opzet(login, live_server)
    start = TEKST.index("blij")
    sleep(page, start, start + len("blij was"))
    kiezer = page.get_by_role("dialog", name="Codeer dit fragment")
    expect(kiezer).to_contain_text("“blij was”")
    kiezer.get_by_role("option", name="maatwerk").click()
    kiezer.get_by_role("button", name="Opslaan").click()
    expect(kiezer).to_be_hidden()
    fragment = Fragment.objects.get()
    assert (fragment.start, fragment.citaat) == (start, "blij was")


def test_overlapping_fragments_are_highlighted_numbered_and_listed(page, live_server, login):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    maatwerk = Thema.objects.get(slug="maatwerk")
    page, verhaal, onderzoeker = _opzet(login, live_server)
    FragmentFactory(verhaal=verhaal, start=3, eind=34, codes=[vertrouwen])
    FragmentFactory(verhaal=verhaal, start=19, eind=50, codes=[maatwerk])
    FragmentFactory(verhaal=verhaal, start=26, eind=34, codes=[maatwerk, vertrouwen])
    page.reload()

    nummers = page.locator(".fragment-label").evaluate_all(
        "labels => labels.map(l => getComputedStyle(l, '::before').content)"
    )
    assert nummers == ['"1"', '"2"', '"3"']
    expect(page.locator("mark.codering mark.codering mark.codering")).to_contain_text("antwoord")
    expect(page.locator(".fragmentlijst > li")).to_have_count(3)
    page.screenshot(path="/tmp/coderen-overlap.png", full_page=True)


def test_codebook_pages_have_no_serious_accessibility_problems(page, live_server, login):
    from axe_playwright_python.sync_playwright import Axe

    vertrouwen = Thema.objects.get(slug="vertrouwen")
    maatwerk = Thema.objects.get(slug="maatwerk")
    page, verhaal, onderzoeker = _opzet(login, live_server)
    FragmentFactory(verhaal=verhaal, start=3, eind=34, codes=[vertrouwen])
    FragmentFactory(verhaal=verhaal, start=19, eind=50, codes=[maatwerk, vertrouwen])
    axe = Axe()
    for naam, pad in [
        ("verhaal", verhaal.get_absolute_url()),
        ("index", "/codeboek/"),
        ("detail", "/codeboek/vertrouwen/"),
        ("matrix", "/codeboek/matrix/?kolom=gemeente"),
        ("samenhang", "/codeboek/samenhang/"),
        ("samenvoegen", "/codeboek/nieuw/?onder=vertrouwen"),
    ]:
        page.goto(f"{live_server.url}{pad}")
        page.screenshot(path=f"/tmp/coderen-axe-{naam}.png", full_page=True)
        resultaat = axe.run(page)
        ernstig = [
            (v["id"], [n["target"] for n in v["nodes"]])
            for v in resultaat.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert ernstig == [], (pad, ernstig)


def test_codebook_pages_fit_a_320px_screen_wide_tables_scroll_in_place(page, live_server, login):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    page, verhaal, onderzoeker = _opzet(login, live_server)
    for teller in ["bewoner", "professional", "beleidsmaker", "mantelzorger", "vrijwilliger"]:
        ander = VerhaalFactory(tekst=TEKST, verteller_type=teller)
        FragmentFactory(verhaal=ander, start=3, eind=34, codes=[vertrouwen])
    page.set_viewport_size({"width": 320, "height": 700})
    for pad in [
        "/codeboek/",
        "/codeboek/matrix/",
        "/codeboek/samenhang/",
        "/codeboek/vertrouwen/",
        "/codeboek/geschiedenis/",
        verhaal.get_absolute_url(),
    ]:
        page.goto(f"{live_server.url}{pad}")
        breedte = page.evaluate("document.documentElement.scrollWidth")
        assert breedte <= 320, (pad, breedte)


def test_without_javascript_a_pasted_quote_is_found_in_the_text(browser, live_server):
    olga = UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)
    app_device(olga)
    verhaal = VerhaalFactory(titel="Wachten op de gemeente", tekst=TEKST)
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("olga")
    page.get_by_label("Wachtwoord").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    pass_second_step(page, olga)
    page.goto(f"{live_server.url}{verhaal.get_absolute_url()}")
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_label("Begin (tekenpositie)")).to_be_visible()

    page.get_by_label("Citaat").fill("een antwoord")
    page.get_by_label("vertrouwen", exact=True).check()
    page.get_by_role("button", name="Fragment opslaan").click()
    expect(page.locator(".message--success")).to_contain_text("is gecodeerd")

    page.get_by_label("Citaat").fill("e")
    page.get_by_label("maatwerk", exact=True).check()
    page.get_by_role("textbox", name="Memo", exact=True).fill("Te kort citaat")
    page.get_by_role("button", name="Fragment opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("keer voor in het verhaal")
    expect(page.get_by_role("textbox", name="Memo", exact=True)).to_have_value("Te kort citaat")
    page.screenshot(path="/tmp/coderen-zonder-js.png", full_page=True)
    context.close()

    fragment = Fragment.objects.get()
    assert (fragment.citaat, TEKST[fragment.start : fragment.eind]) == ("een antwoord",) * 2
