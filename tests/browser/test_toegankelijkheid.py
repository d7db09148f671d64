"""axe-core in Chromium on every page of tests/paginas.py, each as the role
that sees it: no serious or critical violations. Also: the skip link reaches
the main content, and at 320 px wide with the largest text size (200 %) the
main pages do not scroll sideways.

Nothing is excluded silently: EXCEPTIONS lists, with the reason, each axe rule
that Django's own admin breaks in markup our admin templates cannot change.
The browser console stays clean on every page too while it loads (no warning,
error or uncaught exception; axe's own script runs after that), apart from
Chromium's own line about a page whose error status (403, 404, …) is the
point of that page.
"""

import pprint

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests import paginas
from tests.browser.console import bewaak, rustig_af

# (role, page name) → {axe rule id: why it is accepted}. Empty: nothing excluded.
EXCEPTIONS: dict[tuple[str, str], dict[str, str]] = {}

AXE = Axe()


def _ernstig(page, toegestaan):
    resultaat = AXE.run(page)
    return [
        (v["id"], v["impact"], v["help"], [node["target"] for node in v["nodes"]][:5])
        for v in resultaat.response["violations"]
        if v["impact"] in ("serious", "critical") and v["id"] not in toegestaan
    ]


def _console_meldingen(meldingen, status):
    """What the console said about a page, less Chromium's note on the status of
    a page that is meant to answer with an error."""
    verwacht = f"the server responded with a status of {status}"
    return [m for m in meldingen if status < 400 or verwacht not in m]


def _csrf_token(page):
    return next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")


# Sends a form made on the spot: the state after a POST (errors, warnings).
POST_FORMULIER = """([url, velden]) => {
    const formulier = document.createElement("form");
    formulier.method = "post";
    formulier.action = url;
    for (const [naam, waarde] of velden) {
        const veld = document.createElement("input");
        veld.type = "hidden";
        veld.name = naam;
        veld.value = waarde;
        formulier.append(veld);
    }
    document.body.append(formulier);
    formulier.submit();
}"""


def open_pagina(page, live_server, pagina, gegevens):
    """Show `pagina` in the browser; returns the HTTP status of the document."""
    url = f"{live_server.url}{pagina.url(gegevens)}"
    if pagina.soort in ("500", "503", "503_bestand"):
        # Served as the handler renders it, from the site's own address.
        response = paginas.foutpagina(pagina, gegevens)
        page.route(
            url,
            lambda route: route.fulfill(
                status=response.status_code, body=response.content, content_type="text/html"
            ),
        )
    if not pagina.post:
        return page.goto(url).status
    if not any(c["name"] == "csrftoken" for c in page.context.cookies()):
        page.goto(f"{live_server.url}/accounts/login/")
    velden = [*pagina.formulier(gegevens).items(), ("csrfmiddlewaretoken", _csrf_token(page))]
    for _ in range(pagina.herhaal):
        with page.expect_navigation() as navigatie:
            page.evaluate(POST_FORMULIER, [url, velden])
    return navigatie.value.status


@pytest.fixture
def gegevens(db):
    return paginas.bouw_gegevens()


@pytest.mark.parametrize("rol", paginas.ROLLEN)
def test_axe_finds_no_serious_problems_on_any_page(rol, page, live_server, login, gegevens):
    paginas.log_browser_in(login, gegevens, rol)
    problemen = {}
    meldingen = bewaak(page.context)
    console = {}
    for pagina in paginas.paginas_van(rol):
        al_gemeld = len(meldingen)
        status = open_pagina(page, live_server, pagina, gegevens)
        assert status == pagina.status, (pagina.id, status, page.url)
        if pagina.soort == "print":
            page.emulate_media(media="print")
        page.screenshot(path=f"/tmp/a11y/axe-{pagina.id}.png", full_page=True)
        # What the page itself said, before axe's own script runs in it.
        if nieuw := _console_meldingen(meldingen[al_gemeld:], status):
            console[f"{pagina.id} {pagina.url(gegevens)}"] = nieuw
        ernstig = _ernstig(page, EXCEPTIONS.get((rol, pagina.naam), {}))
        page.emulate_media(media="screen")
        if ernstig:
            problemen[f"{pagina.id} {pagina.url(gegevens)}"] = ernstig
    rustig_af(page)
    assert not problemen, pprint.pformat(problemen, width=100)
    assert not console, pprint.pformat(console, width=100)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, live_server):
    page.goto(f"{live_server.url}/kenniscafes/")
    page.keyboard.press("Tab")
    skiplink = page.locator(":focus")
    expect(skiplink).to_have_text("Direct naar de inhoud")
    expect(skiplink).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_id("inhoud")
    page.keyboard.press("Tab")
    # The next stop lies inside the main content, past header and menu.
    assert page.evaluate("document.getElementById('inhoud').contains(document.activeElement)")


# The innermost elements that stick out on the right (to say what to fix).
TE_BREDE_ELEMENTEN = """() => {
  const breed = [...document.querySelectorAll("body *")].filter(
    (e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1);
  return breed.filter((e) => !breed.some((kind) => kind !== e && e.contains(kind)))
    .slice(0, 6)
    .map((e) => e.tagName.toLowerCase() + "." + [...e.classList].join(".") + " " +
         Math.round(e.getBoundingClientRect().right) + "px “" +
         e.textContent.trim().slice(0, 30) + "”");
}"""

HOOFDPAGINAS = [
    (paginas.ANONIEM, "home"),
    (paginas.ANONIEM, "themahub"),
    (paginas.ANONIEM, "projecten"),
    (paginas.ANONIEM, "project"),
    (paginas.ANONIEM, "werkteam"),
    (paginas.ANONIEM, "publicaties"),
    (paginas.ANONIEM, "agenda"),
    (paginas.ANONIEM, "kenniscafe"),
    (paginas.ANONIEM, "aanmelden-fout"),
    (paginas.ANONIEM, "inloggen"),
    (paginas.BREDE_RAAD, "collecties"),
    (paginas.BREDE_RAAD, "collectie"),
    (paginas.ONDERZOEKER, "verhalen-gefilterd"),
    (paginas.ONDERZOEKER, "verhaal"),
    (paginas.ONDERZOEKER, "verhaal-nieuw-privacy"),
    (paginas.ONDERZOEKER, "codeboek"),
    (paginas.ONDERZOEKER, "code"),
    (paginas.ONDERZOEKER, "collectie-bewerken"),
]


@pytest.mark.parametrize("rol", [paginas.ANONIEM, paginas.BREDE_RAAD, paginas.ONDERZOEKER])
def test_main_pages_do_not_scroll_sideways_at_320px_with_the_largest_text(
    rol, page, live_server, login, gegevens
):
    paginas.log_browser_in(login, gegevens, rol)
    page.context.add_cookies([{"name": "tekstgrootte", "value": "grootst", "url": live_server.url}])
    page.set_viewport_size({"width": 320, "height": 700})
    te_breed = {}
    te_bekijken = [p for p in paginas.PAGINAS if (p.rol, p.naam) in HOOFDPAGINAS and p.rol == rol]
    for pagina in te_bekijken:
        open_pagina(page, live_server, pagina, gegevens)
        assert page.get_attribute("html", "data-tekstgrootte") == "grootst", pagina.id
        breedte = page.evaluate("document.documentElement.scrollWidth")
        page.screenshot(path=f"/tmp/a11y/reflow-{pagina.id}.png")
        if breedte > 320:
            te_breed[pagina.id] = (breedte, page.evaluate(TE_BREDE_ELEMENTEN))
    assert not te_breed, pprint.pformat(te_breed, width=100)
