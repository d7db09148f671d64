"""The coding workspace in real Chromium: code without a page reload, with the
mouse and keyboard-only, on long transcripts; measured and axe-checked."""

import json
import re
import time

from playwright.sync_api import expect

from kennisagenda import roles
from kennisagenda.models import Thema
from tests.browser.axe_controle import ernstige_overtredingen
from tests.browser.selecteren import TEKEN_RECHTHOEK, sleep
from tests.factories import UserFactory
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Fragment

WOORDEN = [
    "wachten",
    "gemeente",
    "brief",
    "antwoord",
    "formulier",
    "toeslag",
    "huur",
    "schuld",
    "buurvrouw",
    "wijkteam",
    "afspraak",
    "telefoon",
    "vertrouwen",
    "luisteren",
    "hulp",
    "zorgen",
    "kinderen",
    "school",
    "werk",
    "geld",
    "maand",
    "week",
    "dag",
    "avond",
    "moeilijk",
    "eindelijk",
    "gewoon",
    "echt",
    "nooit",
    "altijd",
    "samen",
    "alleen",
]


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


def _onderzoeker():
    return UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)


def _open(page, live_server, verhaal, breedte=1280, hoogte=900):
    page.set_viewport_size({"width": breedte, "height": hoogte})
    page.goto(f"{live_server.url}{verhaal.get_absolute_url()}")
    expect(page.locator("[data-werkbalk]")).to_be_visible()


def _volg_ladingen(page):
    """Count every document load of the main frame from now on."""
    ladingen = []
    page.on(
        "framenavigated",
        lambda frame: ladingen.append(frame.url) if frame == page.main_frame else None,
    )
    page.evaluate("window.zelfdePagina = true")
    return ladingen


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
        sleep(page, start, eind)
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
    assert {f.citaat for f in Fragment.objects.all()} == {f"Voorbeeld {i + 1}." for i in range(20)}
    assert Fragment.objects.filter(codes__slug="maatwerk").count() == 10
    expect(page.locator("#verhaaltekst mark[data-fragment]")).to_have_count(20)
    expect(page.locator("[data-aantal]")).to_have_text("20")
    page.screenshot(path="/tmp/werkruimte-muis-20.png")

    # Keyboard only, three actions per phrase: select it (Ctrl+↓ to the next
    # turn, Ctrl+→ past "R:", Shift+Ctrl+→ over "Voorbeeld 21."); type the
    # start of a code, which opens the picker with it, and Enter to choose;
    # Enter again saves.
    page.locator("#verhaaltekst").focus()
    handelingen, toetsen, begonnen = 0, 0, time.perf_counter()

    def druk(*reeks):
        nonlocal toetsen
        for toets in reeks:
            page.keyboard.press(toets)
        toetsen += len(reeks)

    for i in range(20, 40):
        druk("Control+ArrowDown", "Control+ArrowRight", "Control+ArrowRight")
        druk(*["Shift+Control+ArrowRight"] * 3)
        handelingen += 1  # select
        assert page.evaluate("getSelection().toString().trim()") == f"Voorbeeld {i + 1}."
        expect(page.locator("#kiezer")).to_be_hidden()
        page.keyboard.type("vertr")
        druk("Enter")
        toetsen += len("vertr")
        handelingen += 1  # type a code + Enter
        kiezer = page.get_by_role("dialog", name="Codeer dit fragment")
        expect(page.locator("#kiezer-zoek")).to_be_focused()
        expect(kiezer.locator("[data-kiezer-gekozen]")).to_have_text("Gekozen: vertrouwen")
        _binnen_beeld(page, "#kiezer")
        druk("Enter")
        handelingen += 1  # save
        expect(page.locator(".fragmentlijst > li")).to_have_count(i + 1)
        expect(page.locator("#verhaaltekst")).to_be_focused()
    toets_tijd = (time.perf_counter() - begonnen) / 20

    gecodeerd = Fragment.objects.filter(codes__slug="vertrouwen", start__gt=begin_van[19])
    assert [f.citaat for f in gecodeerd.order_by("start")] == [
        f"Voorbeeld {i + 1}." for i in range(20, 40)
    ]
    assert handelingen / 20 <= 3
    assert ladingen == []
    assert page.evaluate("window.zelfdePagina") is True
    _rapport(
        "twintig fragmenten",
        {
            "muis: handelingen per fragment": acties / 20,
            "muis: seconden per fragment": round(muis_tijd, 3),
            "toetsenbord: handelingen per fragment": handelingen / 20,
            "toetsenbord: toetsaanslagen per fragment": toetsen / 20,
            "toetsenbord: seconden per fragment": round(toets_tijd, 3),
            "paginaladingen tijdens het coderen": len(ladingen),
        },
    )


def test_n_walks_the_uncoded_paragraphs_and_a_letter_starts_the_code_search(
    page, live_server, login
):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    tekst = transcript(1000)
    regels = tekst.split("\n")
    begin_van = [sum(len(r) + 1 for r in regels[:i]) for i in range(len(regels))]
    verhaal = VerhaalFactory(titel="Interview", tekst=tekst)
    FragmentFactory(
        verhaal=verhaal, start=begin_van[0] + 3, eind=begin_van[0] + 12, codes=[vertrouwen]
    )
    login(_onderzoeker())
    _open(page, live_server, verhaal)
    kiezer = page.get_by_role("dialog", name="Codeer dit fragment")
    citaat = kiezer.locator("[data-kiezer-citaat]")

    page.locator("#verhaaltekst").focus()
    page.keyboard.press("n")  # the first paragraph has a fragment: the second
    expect(citaat).to_contain_text(regels[1][:20])
    expect(page.locator("#kiezer-zoek")).to_have_value("")
    page.keyboard.press("Escape")  # back in the text, the paragraph still selected
    expect(page.locator("#verhaaltekst")).to_be_focused()
    page.keyboard.press("n")  # N again walks on, it does not search for "n"
    expect(citaat).to_contain_text(regels[2][:20])
    expect(page.locator("#kiezer-zoek")).to_have_value("")
    page.keyboard.press("Escape")

    # A selection of one's own: every letter, N too, starts the search.
    page.keyboard.press("Shift+Control+ArrowLeft")
    page.keyboard.type("nie")
    expect(kiezer).to_be_visible()
    expect(page.locator("#kiezer-zoek")).to_have_value("nie")
    expect(page.locator("[data-aankondiging]")).to_have_text(
        "Codekeuze geopend voor de selectie, zoeken op “n”."
    )
    assert ernstige_overtredingen(page) == []
    page.keyboard.press("Escape")

    # Without a selection a letter other than N does nothing.
    page.keyboard.press("ArrowRight")
    page.keyboard.type("v")
    expect(kiezer).to_be_hidden()
    # Typing in a form field is never taken, even with text selected in the story.
    page.keyboard.press("Shift+Control+ArrowLeft")
    page.get_by_text("Coderen met het formulier (citaat plakken)").click()
    page.locator("#fragment-form [name=memo]").focus()
    page.keyboard.type("vn")
    expect(page.locator("#fragment-form [name=memo]")).to_have_value("vn")
    expect(kiezer).to_be_hidden()


KORT = (
    "Ik wachtte maanden op een antwoord van de gemeente. Toen kwam er iemand langs "
    "die echt luisterde.\nZó 😀 blij was ik nog nooit geweest."
)

# The offset (Python str index) of the caret in the story text.
CARET = """
() => {
  const sel = window.getSelection();
  const tekst = document.getElementById('verhaaltekst');
  if (!sel.rangeCount || !tekst.contains(sel.focusNode)) return null;
  const r = document.createRange();
  r.selectNodeContents(tekst);
  r.setEnd(sel.focusNode, sel.focusOffset);
  return Array.from(r.toString()).length;
}
"""


def _schot(page, naam):
    """A screenshot for the report (outside the repository)."""
    import os

    map_ = os.environ.get("WERKRUIMTE_SCHOTEN", "/tmp/werkruimte-schoten")
    os.makedirs(map_, exist_ok=True)
    page.screenshot(path=f"{map_}/{naam}.png")


def test_keyboard_caret_is_never_trapped_and_fragments_are_announced(page, live_server, login):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    maatwerk = Thema.objects.get(slug="maatwerk")
    verhaal = VerhaalFactory(titel="Wachten", tekst=KORT)
    FragmentFactory(verhaal=verhaal, start=3, eind=18, codes=[vertrouwen, maatwerk])
    FragmentFactory(verhaal=verhaal, start=10, eind=25, codes=[maatwerk])
    login(_onderzoeker())
    _open(page, live_server, verhaal)

    page.locator("#verhaaltekst").focus()
    page.keyboard.press("ArrowRight")  # the caret appears at the start
    posities = []
    for _ in range(30):
        page.keyboard.press("ArrowRight")
        posities.append(page.evaluate(CARET))
        if posities[-1] == 12:
            expect(page.locator("[data-aankondiging]")).to_have_text(
                "Fragment 1: maatwerk, vertrouwen; Fragment 2: maatwerk"
            )
        if posities[-1] == 20:
            expect(page.locator("[data-aankondiging]")).to_have_text("Fragment 2: maatwerk")
    # One character per arrow press, across both fragments' starts and ends.
    assert posities == list(range(1, 31))


def test_enter_on_a_highlight_changes_its_codes_memo_and_boundaries_or_removes_it(
    page, live_server, login
):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    verhaal = VerhaalFactory(titel="Wachten", tekst=KORT)
    fragment = FragmentFactory(verhaal=verhaal, start=3, eind=18, codes=[vertrouwen])
    login(_onderzoeker())
    _open(page, live_server, verhaal)
    ladingen = _volg_ladingen(page)

    page.locator("#verhaaltekst").focus()
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    kiezer = page.get_by_role("dialog", name="Fragment 1 wijzigen")
    expect(kiezer).to_be_visible()
    expect(page.locator("#kiezer-zoek")).to_be_focused()
    expect(kiezer.get_by_role("option", name="vertrouwen")).to_have_attribute(
        "aria-selected", "true"
    )
    kiezer.get_by_role("button", name="Einde een woord later").click()
    expect(kiezer.locator("[data-kiezer-citaat]")).to_have_text("“wachtte maanden op”")
    page.locator("#kiezer-zoek").focus()
    page.keyboard.type("maatw")
    page.keyboard.press("Enter")
    page.keyboard.type("vertr")
    page.keyboard.press("Enter")  # off again
    expect(kiezer.locator("[data-kiezer-gekozen]")).to_have_text("Gekozen: maatwerk")
    kiezer.get_by_label("Memo").fill("Lang gewacht.")
    assert ernstige_overtredingen(page) == []
    _schot(page, "wijzigen-1280")
    page.keyboard.press("Control+Enter")

    expect(page.locator("[data-aankondiging]")).to_have_text("Fragment 1 gewijzigd: maatwerk.")
    # Also in sight for a while (the live region above is what a screen reader says).
    expect(page.locator("[data-melding]")).to_be_visible()
    expect(page.locator("[data-melding]")).to_have_text("Fragment 1 gewijzigd: maatwerk.")
    assert ernstige_overtredingen(page) == []
    fragment.refresh_from_db()
    assert (fragment.citaat, fragment.memo) == ("wachtte maanden op", "Lang gewacht.")
    assert list(fragment.codes.values_list("slug", flat=True)) == ["maatwerk"]
    expect(page.locator(f"#fragment-{fragment.pk}")).to_contain_text("Lang gewacht.")

    # A click on the highlight opens it again; remove it (asked twice).
    page.locator(f'mark[data-fragment="{fragment.pk}"]').click()
    kiezer.get_by_role("button", name="Fragment verwijderen").click()
    kiezer.get_by_role("button", name="Zeker weten? Klik nogmaals om te verwijderen").click()
    expect(page.locator("#verhaaltekst mark")).to_have_count(0)
    expect(page.locator("[data-aantal]")).to_have_text("0")
    assert Fragment.objects.count() == 0
    assert ladingen == []


def test_picker_errors_next_to_the_selection_and_axe_clean_in_every_state(page, live_server, login):
    verhaal = VerhaalFactory(titel="Wachten", tekst=KORT)
    login(_onderzoeker())
    _open(page, live_server, verhaal)
    assert ernstige_overtredingen(page) == []

    sleep(page, KORT.index("Toen"), KORT.index("iemand") + len("iemand"))
    kiezer = page.get_by_role("dialog", name="Codeer dit fragment")
    expect(kiezer).to_be_visible()
    vak = _binnen_beeld(page, "#kiezer")
    selectie = page.evaluate(TEKEN_RECHTHOEK, [KORT.index("iemand")])
    # Beside the selection: level with it, and not covering it.
    assert vak["y"] <= selectie["top"] <= vak["y"] + vak["height"], (vak, selectie)
    assert vak["x"] >= selectie["right"], (vak, selectie)
    assert ernstige_overtredingen(page) == []
    _schot(page, "kiezer-open-1280")

    kiezer.get_by_role("button", name="Opslaan").click()
    expect(kiezer.get_by_role("alert")).to_have_text("Kies minstens één code.")
    # A name already in the codebook is not offered as a new code.
    page.locator("#kiezer-zoek").fill("Maatwerk ")
    expect(kiezer.get_by_role("option", name="maatwerk", exact=True)).to_have_count(1)
    expect(kiezer.get_by_role("option", name=re.compile("^Nieuwe code"))).to_have_count(0)
    page.locator("#kiezer-zoek").fill("Wachten op post")
    kiezer.get_by_role("option", name="Nieuwe code “Wachten op post” maken").click()
    expect(kiezer.locator("[data-kiezer-gekozen]")).to_have_text("Gekozen: Wachten op post")
    nieuw = Thema.objects.get(name="Wachten op post")
    assert nieuw.parent is not None
    page.locator("#kiezer-zoek").fill("Wachten op post")
    expect(kiezer.get_by_role("option", name=re.compile("^Nieuwe code"))).to_have_count(0)
    page.locator("#kiezer-zoek").fill("")
    assert ernstige_overtredingen(page) == []
    _schot(page, "kiezer-fout-1280")

    page.keyboard.press("Enter")  # empty search field: save
    expect(kiezer).to_be_hidden()
    expect(page.locator("[data-aankondiging]")).to_have_text(
        "Fragment 1 opgeslagen: Wachten op post."
    )
    assert list(Fragment.objects.get().codes.all()) == [nieuw]
    assert ernstige_overtredingen(page) == []
    _schot(page, "opgeslagen-1280")


def test_the_server_refusal_shows_in_the_picker(page, live_server, login):
    verhaal = VerhaalFactory(titel="Wachten", tekst=KORT)
    onderzoeker = _onderzoeker()
    login(onderzoeker)
    _open(page, live_server, verhaal)
    sleep(page, 3, 18)
    expect(page.locator("#kiezer-zoek")).to_be_focused()
    page.keyboard.type("vertr")
    page.keyboard.press("Enter")
    # Meanwhile a colleague changes the text so that the quote is gone.
    verhaal.tekst = "Een heel andere tekst."
    verhaal.save()
    page.keyboard.press("Enter")

    fout = page.get_by_role("dialog").get_by_role("alert")
    expect(fout).to_contain_text("Het citaat past niet bij het begin en einde")
    assert ernstige_overtredingen(page) == []
    assert Fragment.objects.count() == 0


def test_a_coder_who_may_not_change_the_codebook_is_not_offered_a_new_code(
    page, live_server, login
):
    from django.contrib.auth.models import Group, Permission

    verhaal = VerhaalFactory(titel="Wachten", tekst=KORT)
    coder = _onderzoeker()
    Group.objects.get(name=roles.ONDERZOEKER).permissions.remove(
        Permission.objects.get(codename="add_thema")
    )
    login(coder)
    _open(page, live_server, verhaal)
    sleep(page, 3, 18)
    expect(page.locator("#kiezer-zoek")).to_be_focused()
    page.keyboard.type("Iets nieuws")
    expect(page.get_by_role("dialog").get_by_role("option")).to_have_count(0)
    expect(page.locator("[data-kiezer-gekozen]")).to_have_text(
        "Geen code gevonden voor “Iets nieuws”."
    )


def test_phone_picker_is_a_sheet_inside_the_screen(page, live_server, login):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    tekst = transcript(800)
    verhaal = VerhaalFactory(titel="Interview", tekst=tekst)
    FragmentFactory(verhaal=verhaal, start=3, eind=40, codes=[vertrouwen])
    login(_onderzoeker())
    _open(page, live_server, verhaal, breedte=390, hoogte=844)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("#verhaaltekst-titel").evaluate("kop => kop.scrollIntoView()")
    _schot(page, "werkruimte-390")
    page.locator("#verhaaltekst").focus()
    page.keyboard.press("n")
    expect(page.get_by_role("dialog", name="Codeer dit fragment")).to_be_visible()
    vak = _binnen_beeld(page, "#kiezer")
    assert vak["width"] == 390
    # The sheet does not hide where the selection begins: it is scrolled above it.
    selectie = page.evaluate(
        "[...CSS.highlights.get('kiezer-selectie')][0].getClientRects()[0].toJSON()"
    )
    assert selectie["top"] >= 0 and selectie["bottom"] <= vak["y"], (selectie, vak)
    assert ernstige_overtredingen(page) == []
    _schot(page, "kiezer-390")


def test_jumps_to_the_next_fragment_of_a_code(page, live_server, login):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    maatwerk = Thema.objects.get(slug="maatwerk")
    tekst = transcript(3000)
    regels = tekst.split("\n")
    begin_van = [sum(len(r) + 1 for r in regels[:i]) for i in range(len(regels))]
    verhaal = VerhaalFactory(titel="Interview", tekst=tekst)
    for i in (2, 9, 17):
        FragmentFactory(
            verhaal=verhaal, start=begin_van[i], eind=begin_van[i] + 20, codes=[maatwerk]
        )
    FragmentFactory(verhaal=verhaal, start=begin_van[5], eind=begin_van[5] + 20, codes=[vertrouwen])
    login(_onderzoeker())
    _open(page, live_server, verhaal)

    page.get_by_label("Volgend fragment met code").select_option(label="maatwerk (3)")
    for nummer, (van, i) in [(1, (1, 2)), (3, (2, 9)), (4, (3, 17)), (1, (1, 2))]:
        page.get_by_role("button", name="Ga naar").click()
        expect(page.locator("[data-aankondiging]")).to_contain_text(
            f"Fragment {nummer} ({van} van 3 met maatwerk)"
        )
        assert page.evaluate(CARET) == begin_van[i]
        mark = page.locator(
            f'#verhaaltekst mark[data-fragment]:has-text("Voorbeeld {i + 1}.")'
        ).first
        expect(mark).to_be_in_viewport()
    # The panel lists what is on screen.
    expect(page.locator(".fragmentlijst > li:visible")).to_have_count(1)
    page.get_by_role("button", name="Alleen fragmenten in beeld").click()
    expect(page.locator(".fragmentlijst > li:visible")).to_have_count(4)


def test_long_story_with_200_fragments_opens_and_highlights_quickly(page, live_server, login):
    codes = list(Thema.objects.filter(parent=None)[:6])
    tekst = transcript(10000)
    verhaal = VerhaalFactory(titel="Heel lang interview", tekst=tekst)
    stap = len(tekst) // 200
    for i in range(200):
        start = i * stap
        # every tenth fragment overlaps the next one
        eind = start + (stap * 2 if i % 10 == 0 else stap // 2)
        FragmentFactory(
            verhaal=verhaal, start=start, eind=min(eind, len(tekst)), codes=[codes[i % 6]]
        )
    login(_onderzoeker())

    from django.core.cache import cache

    _open(page, live_server, verhaal)  # templates compiled, URL resolver filled
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable", {"timeDomain": "threadTicks"})
    metingen = []
    for _ in range(3):
        cache.clear()  # no kept copy of the page: rendered afresh each time
        _open(page, live_server, verhaal)
        meting = page.evaluate(
            """() => {
              const nav = performance.getEntriesByType('navigation')[0];
              const klaar = performance.getEntriesByName('werkruimte-klaar')[0];
              const werk = performance.getEntriesByName('werkruimte')[0];
              return {
                server: Math.round(nav.responseStart - nav.requestStart),
                html_binnen: Math.round(nav.responseEnd),
                html_kb: Math.round(nav.decodedBodySize / 1024),
                ontleden: Math.round(nav.domInteractive - nav.responseEnd),
                dom_klaar: Math.round(nav.domContentLoadedEventEnd),
                werkruimte_klaar: Math.round(klaar.startTime),
                script: Math.round(werk.duration),
                elementen: document.getElementsByTagName('*').length,
                marks: document.querySelectorAll('#verhaaltekst mark').length,
              };
            }"""
        )
        # The renderer's main thread in CPU time (the wall times above grow with
        # the machine's load; these hardly do): all tasks, of which style and layout.
        cpu = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        meting["hoofddraad_cpu"] = round(cpu["ThreadTime"] * 1000)
        meting["stijl_en_opmaak"] = round(
            (cpu["RecalcStyleDuration"] + cpu["LayoutDuration"]) * 1000
        )
        metingen.append(meting)
    expect(page.locator(".fragmentlijst > li")).to_have_count(200)
    beste = min(metingen, key=lambda m: m["werkruimte_klaar"])
    _rapport("lang verhaal (10 000 woorden, 200 fragmenten)", {"metingen": metingen})
    assert beste["marks"] >= 200
    # Generous: measured well under a second here; only a broken page is this slow.
    assert beste["werkruimte_klaar"] < 3000, metingen
