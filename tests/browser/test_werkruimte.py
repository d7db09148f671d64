"""The coding workspace in real Chromium: code without a page reload, with the
mouse and keyboard-only, on long transcripts; measured and axe-checked."""

import json
import time

from playwright.sync_api import expect

from carelab import roles
from carelab.models import Thema
from tests.browser.axe_controle import ernstige_overtredingen
from tests.factories import UserFactory
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Fragment

WOORDEN = (
    "wachten gemeente brief antwoord formulier toeslag huur schuld buurvrouw wijkteam "
    "afspraak telefoon vertrouwen luisteren hulp zorgen kinderen school werk geld "
    "maand week dag avond moeilijk eindelijk gewoon echt nooit altijd samen alleen"
).split()


def transcript(aantal_woorden, *, per_beurt=60):
    """An invented interview of about `aantal_woorden` words, one turn per line."""
    regels, woorden = [], 0
    beurt = 0
    while woorden < aantal_woorden:
        spreker = "I" if beurt % 2 == 0 else "R"
        zin = " ".join(WOORDEN[(beurt * 7 + i * 3) % len(WOORDEN)] for i in range(per_beurt))
        regels.append(f"{spreker}: Voorbeeld {beurt + 1}. {zin.capitalize()}.")
        woorden += per_beurt + 3
        beurt += 1
    return "\n".join(regels)


# The viewport rectangle of the character at `offset` (a Python str index) in the text.
TEKEN_RECHTHOEK = """
([offset]) => {
  for (const segment of document.querySelectorAll('#verhaaltekst [data-start]')) {
    const tekens = Array.from(segment.textContent);
    const start = Number(segment.dataset.start);
    if (offset >= start && offset < start + tekens.length) {
      const utf16 = tekens.slice(0, offset - start).join('').length;
      const range = document.createRange();
      range.setStart(segment.firstChild, utf16);
      range.setEnd(segment.firstChild, utf16 + tekens[offset - start].length);
      const r = range.getClientRects()[0];
      return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    }
  }
  return null;
}
"""


def _onderzoeker():
    return UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)


def _open(page, live_server, verhaal, breedte=1280, hoogte=900):
    page.set_viewport_size({"width": breedte, "height": hoogte})
    page.goto(f"{live_server.url}{verhaal.get_absolute_url()}")
    expect(page.locator("[data-werkbalk]")).to_be_visible()


def _volg_ladingen(page):
    """Count every document load of the main frame from now on."""
    ladingen = []
    page.on("framenavigated", lambda frame: ladingen.append(frame.url) if frame == page.main_frame else None)
    page.evaluate("window.zelfdePagina = true")
    return ladingen


def _sleep(page, start, eind):
    """Drag the mouse from character `start` to just before `eind`: one user action."""
    boven = page.evaluate(TEKEN_RECHTHOEK, [start])["top"]
    page.evaluate("([y]) => window.scrollBy(0, y - window.innerHeight / 3)", [boven])
    begin = page.evaluate(TEKEN_RECHTHOEK, [start])
    einde = page.evaluate(TEKEN_RECHTHOEK, [eind - 1])
    page.mouse.move(begin["left"] + 1, (begin["top"] + begin["bottom"]) / 2)
    page.mouse.down()
    page.mouse.move(einde["right"] - 1, (einde["top"] + einde["bottom"]) / 2, steps=6)
    page.mouse.up()


def _binnen_beeld(page, selector):
    vak = page.locator(selector).bounding_box()
    maat = page.viewport_size
    assert vak is not None
    assert vak["x"] >= 0 and vak["y"] >= 0, vak
    assert vak["x"] + vak["width"] <= maat["width"] + 0.5, (vak, maat)
    assert vak["y"] + vak["height"] <= maat["height"] + 0.5, (vak, maat)
    return vak


def _rapport(naam, gegevens):
    """Print a measurement (run pytest with -s to read it)."""
    print(f"\nMETING {naam}: {json.dumps(gegevens, ensure_ascii=False)}")


def test_twenty_fragments_with_the_mouse_and_with_the_keyboard_without_a_page_load(
    page, live_server, login
):
    tekst = transcript(5000)
    verhaal = VerhaalFactory(titel="Lang interview", tekst=tekst)
    onderzoeker = _onderzoeker()
    login(onderzoeker)
    _open(page, live_server, verhaal)
    ladingen = _volg_ladingen(page)
    regels = tekst.split("\n")
    begin_van = [sum(len(r) + 1 for r in regels[:i]) for i in range(len(regels))]

    # Mouse: drag over a phrase, click a code, click "Opslaan" (3 actions).
    acties, begonnen = 0, time.perf_counter()
    for i in range(20):
        start = begin_van[i] + 3  # after "I: "
        eind = start + len("Voorbeeld 1.") + (1 if i >= 9 else 0)
        _sleep(page, start, eind)
        acties += 1
        kiezer = page.get_by_role("dialog", name="Codeer dit fragment")
        expect(kiezer).to_be_visible()
        _binnen_beeld(page, "#kiezer")
        code = "maatwerk" if i % 2 else "vertrouwen"
        kiezer.get_by_role("option", name=code).click()
        acties += 1
        kiezer.get_by_role("button", name="Opslaan").click()
        acties += 1
        expect(page.locator(".fragmentlijst > li")).to_have_count(i + 1)
        expect(kiezer).to_be_hidden()
    muis_tijd = (time.perf_counter() - begonnen) / 20

    assert Fragment.objects.count() == 20
    assert {f.citaat for f in Fragment.objects.all()} == {
        f"Voorbeeld {i + 1}." for i in range(20)
    }
    assert Fragment.objects.filter(codes__slug="maatwerk").count() == 10
    expect(page.locator("#verhaaltekst mark[data-fragment]")).to_have_count(20)
    expect(page.locator("[data-aantal]")).to_have_text("20")
    page.screenshot(path="/tmp/werkruimte-muis-20.png")

    # Keyboard only: N selects the next uncoded paragraph and opens the
    # picker; type part of a code and Enter; Enter again saves (3 actions).
    page.locator("#verhaaltekst").focus()
    toetsen, begonnen = 0, time.perf_counter()
    for i in range(20):
        page.keyboard.press("n")
        toetsen += 1
        expect(page.locator("#kiezer-zoek")).to_be_focused()
        _binnen_beeld(page, "#kiezer")
        page.keyboard.type("vertr")
        page.keyboard.press("Enter")
        toetsen += len("vertr") + 1
        expect(page.locator("[data-kiezer-gekozen]")).to_have_text("Gekozen: vertrouwen")
        page.keyboard.press("Enter")
        toetsen += 1
        expect(page.locator(".fragmentlijst > li")).to_have_count(21 + i)
        expect(page.locator("#verhaaltekst")).to_be_focused()
    toets_tijd = (time.perf_counter() - begonnen) / 20

    # The lines with a phrase coded were skipped: the next 20 lines, whole.
    alineas = Fragment.objects.filter(codes__slug="vertrouwen", start__in=begin_van)
    assert [f.citaat for f in alineas.order_by("start")] == regels[20:40]
    assert ladingen == []
    assert page.evaluate("window.zelfdePagina") is True
    _rapport(
        "twintig fragmenten",
        {
            "muis: handelingen per fragment": acties / 20,
            "muis: seconden per fragment": round(muis_tijd, 3),
            "toetsenbord: handelingen per fragment": 3,
            "toetsenbord: toetsaanslagen per fragment": toetsen / 20,
            "toetsenbord: seconden per fragment": round(toets_tijd, 3),
            "paginaladingen tijdens het coderen": len(ladingen),
        },
    )
