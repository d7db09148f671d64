"""The main journeys with the keyboard only: Tab, Shift+Tab, Enter, Space,
the arrow keys and typing into the focused field — no mouse, no clicks, no
filling of elements by the test. At every stop the focus must be visible
(the focused element looks different from the same element unfocused), and
the skip link must lead past the menu into the content.
"""

import re

import pytest
from playwright.sync_api import expect

from kenniscafes.models import Aanmelding
from tests import paginas
from tests.factories import DEFAULT_PASSWORD
from verhalen.models import Fragment

MAX_STAPPEN = 80

# The focused element's look, compared with the same element without focus.
FOCUS_ZICHTBAAR = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return "geen focus";
  const stijl = () => {
    const s = getComputedStyle(element);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow,
            s.backgroundColor, s.color, s.textDecorationLine, s.borderColor].join("|");
  };
  const met = stijl();
  element.blur();
  const zonder = stijl();
  element.focus();
  if (document.activeElement !== element) return "focus kwijt";
  return met === zonder ? "onzichtbaar" : "";
}"""

BESCHRIJF = """() => {
  const e = document.activeElement;
  return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (e.name ? "[name=" + e.name + "]" : "") + " “" +
    (e.getAttribute("aria-label") || e.textContent || e.value || "").trim().slice(0, 40) + "”";
}"""


@pytest.fixture
def gegevens(db):
    return paginas.bouw_gegevens()


def focus_is_zichtbaar(page):
    probleem = page.evaluate(FOCUS_ZICHTBAAR)
    assert probleem == "", f"{probleem}: {page.evaluate(BESCHRIJF)} op {page.url}"


def tab_naar(page, selector, *, tekst=None, terug=False):
    """Press Tab (Shift+Tab with terug) until the focused element matches the CSS
    `selector` (and contains `tekst`); every stop on the way shows its focus."""
    toets = "Shift+Tab" if terug else "Tab"

    def gevonden():
        return page.evaluate(
            """([selector, tekst]) => {
                const e = document.activeElement;
                return e.matches(selector) && (!tekst || e.textContent.includes(tekst));
            }""",
            [selector, tekst],
        )

    if gevonden():  # already there (autofocus)
        focus_is_zichtbaar(page)
        return
    for _ in range(MAX_STAPPEN):
        page.keyboard.press(toets)
        # Past the last element the focus leaves the page for the browser's
        # own controls (document.body is active) and comes back at the top.
        if page.evaluate("document.activeElement === document.body"):
            continue
        focus_is_zichtbaar(page)
        if gevonden():
            return
    raise AssertionError(f"{selector} {tekst or ''} niet bereikt met {toets} op {page.url}")


def gebruik_skiplink(page):
    """First Tab: the skip link, visible; Enter: focus on the main content; the
    next Tab stops inside it."""
    page.keyboard.press("Tab")
    skiplink = page.locator(":focus")
    expect(skiplink).to_have_text("Direct naar de inhoud")
    expect(skiplink).to_be_in_viewport()
    focus_is_zichtbaar(page)
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_id("inhoud")
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('inhoud').contains(document.activeElement)")
    focus_is_zichtbaar(page)


def volg(page, toets="Enter"):
    """Press `toets` on a link or button that loads another page, and wait for it."""
    with page.expect_navigation():
        page.keyboard.press(toets)


def focus_in(page, selector):
    return page.evaluate(f"!!document.activeElement.closest({selector!r})")


def test_researcher_codes_a_fragment_with_the_keyboard(page, live_server, login, gegevens):
    verhaal = gegevens.conflictverhaal  # no fragments yet
    login(gegevens.onderzoeker)
    page.goto(f"{live_server.url}{verhaal.get_absolute_url()}")
    gebruik_skiplink(page)

    # Reach the story text, put the cursor at its start and select two words.
    tab_naar(page, "#verhaaltekst")
    page.keyboard.press("ArrowRight")  # cursor at the start of the text
    page.keyboard.press("Control+ArrowRight")  # past the first word
    page.keyboard.press("Control+ArrowRight")
    page.keyboard.press("Control+Shift+ArrowRight")  # select the next two words
    page.keyboard.press("Control+Shift+ArrowRight")
    page.keyboard.press("Enter")  # opens the code picker beside the selection

    kiezer = page.get_by_role("dialog", name="Codeer dit fragment")
    citaat = kiezer.locator("[data-kiezer-citaat]").inner_text().strip("“”")
    assert citaat and citaat in verhaal.tekst
    assert focus_in(page, "[data-kiezer]")
    focus_is_zichtbaar(page)
    page.keyboard.type("vertrouwen")
    page.keyboard.press("Enter")  # the code is chosen
    expect(kiezer.get_by_role("option", name="vertrouwen", exact=True)).to_have_attribute(
        "aria-selected", "true"
    )
    tab_naar(page, "#kiezer-memo")
    page.keyboard.type("Gekozen met het toetsenbord.")
    tab_naar(page, "[data-kiezer-opslaan]")
    page.keyboard.press("Enter")  # saved without loading another page
    expect(kiezer).to_be_hidden()
    expect(page.locator("#verhaaltekst")).to_be_focused()

    page.screenshot(path="/tmp/a11y/toetsenbord-coderen.png", full_page=True)
    lijst = page.locator(".coderen__fragmenten")
    expect(lijst).to_contain_text("Gekozen met het toetsenbord.")
    expect(lijst).to_contain_text(citaat)
    fragment = Fragment.objects.get(verhaal=verhaal)
    assert (fragment.citaat, fragment.memo) == (citaat, "Gekozen met het toetsenbord.")
    assert [code.slug for code in fragment.codes.all()] == ["vertrouwen"]


def test_brede_raad_member_reads_a_collection_with_the_keyboard(page, live_server, gegevens):
    collectie = gegevens.raadscollectie
    # Logging in with the keyboard, from the login link in the header.
    page.goto(f"{live_server.url}/")
    tab_naar(page, "a.account__link", tekst="Inloggen")
    volg(page)
    tab_naar(page, "#id_username")
    page.keyboard.type(gegevens.raadslid.username)
    page.keyboard.press("Tab")
    page.keyboard.type(DEFAULT_PASSWORD)
    volg(page)
    expect(page.locator(".account__name")).to_contain_text("Rachid")

    # Through the menu to the collections, then to the collection.
    tab_naar(page, ".site-nav a", tekst="Collecties")
    volg(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Collecties")
    gebruik_skiplink(page)
    tab_naar(page, "a", tekst=collectie.titel)
    volg(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(collectie.titel)

    # Skip link, then the table of contents: story 2.
    gebruik_skiplink(page)
    tweede = collectie.items.order_by("volgorde", "pk")[1].verhaal.titel
    tab_naar(page, ".inhoudsopgave a", tekst=tweede)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#verhaal-2$"))
    expect(page.locator("#verhaal-2")).to_be_in_viewport()
    # The next Tab continues inside story 2, not back at the top.
    page.keyboard.press("Tab")
    assert focus_in(page, "#verhaal-2"), page.evaluate(BESCHRIJF)
    focus_is_zichtbaar(page)

    # Next and previous story.
    tab_naar(page, "#verhaal-2 a[rel=next]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#verhaal-3$"))
    tab_naar(page, "#verhaal-3 a[rel=prev]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#verhaal-2$"))

    # Text size: back up to the control and choose the largest size.
    tab_naar(page, ".tekstgrootte button[value=grootst]", terug=True)
    page.keyboard.press("Space")
    expect(page.locator("html")).to_have_attribute("data-tekstgrootte", "grootst")
    expect(page.locator(":focus")).to_have_attribute("aria-pressed", "true")
    focus_is_zichtbaar(page)
    page.reload()
    expect(page.locator("html")).to_have_attribute("data-tekstgrootte", "grootst")
    page.screenshot(path="/tmp/a11y/toetsenbord-lezen.png")


def test_visitor_registers_for_a_cafe_with_the_keyboard(page, live_server, gegevens):
    cafe = gegevens.cafe
    page.goto(f"{live_server.url}/")
    tab_naar(page, ".site-nav a", tekst="Kenniscafés")
    volg(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kenniscafés")
    gebruik_skiplink(page)
    tab_naar(page, "a", tekst=cafe.titel)
    volg(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(cafe.titel)

    # First a mistake: no name and an e-mail address without @.
    tab_naar(page, "#id_naam")
    page.keyboard.press("Tab")
    page.keyboard.type("fatima.example.org")
    tab_naar(page, "form button[type=submit]")
    volg(page)
    fouten = page.get_by_role("alert")
    expect(fouten).to_contain_text("Het formulier is nog niet goed ingevuld")

    # The focus is on the error summary; its link puts the focus in the field.
    expect(page.locator(":focus")).to_have_class("form-errors")
    focus_is_zichtbaar(page)
    page.screenshot(path="/tmp/a11y/toetsenbord-aanmelden-fout.png")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_contain_text("Je naam")
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_id("id_naam")
    focus_is_zichtbaar(page)
    page.keyboard.type("Fatima")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_id("id_email")
    page.keyboard.press("Control+A")
    page.keyboard.type("fatima@example.org")
    tab_naar(page, "form button[type=submit]")
    volg(page)

    expect(page.locator(".messages, [role=status]").first).to_contain_text("Je bent aangemeld")
    aanmelding = Aanmelding.objects.get(kenniscafe=cafe, email="fatima@example.org")
    assert (aanmelding.naam, aanmelding.status) == ("Fatima", Aanmelding.Status.BEVESTIGD)
    page.screenshot(path="/tmp/a11y/toetsenbord-aanmelden.png", full_page=True)
