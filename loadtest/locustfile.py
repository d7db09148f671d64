"""Visitors, Brede Raad readers, researchers and coordinators, as locust users.

Reads the plan written by loadtest/voorbereiden.py (LOADTEST_PLAN) and writes
the markers of every write the server confirmed to LOADTEST_GEMELD when the
run stops (loadtest/tellen.py compares them with the database afterwards).

A write counts as confirmed only on the redirect the view answers after
saving (302 to the expected page); anything else is a failure in locust's
statistics. Every form is fetched first and posted with its CSRF token. A
registration is made by a new visitor (empty cookie jar) and followed to the
café's page, which must confirm it in place of the form. A logged-in user's
page that ends on the login page fails as "uitgelogd"; an upload the server
refuses because the media folder cannot be written fails as "bestand niet
opgeslagen" (the fault run counts both per fault).
"""

import json
import os
import random
import re
import time
import uuid
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task
from locust.exception import CatchResponseError

from loadtest.tellen import PDF

PLAN = json.load(open(os.environ["LOADTEST_PLAN"], encoding="utf-8"))  # noqa: SIM115
GEMELD: dict[str, list[str]] = {
    "fragmenten": [],
    "reflecties": [],
    "aanmeldingen": [],
    "publicaties": [],
}
# When each write was confirmed, and every failed request (time, kind): the
# fault run (loadtest/storingen.py) splits them per fault.
TIJDEN: dict[str, float] = {}
FOUTEN: list[tuple[float, str]] = []

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LOGIN = "/accounts/login/"
# Failures of these kinds are counted by their message, not their status.
UITGELOGD = "uitgelogd"
NIET_OPGESLAGEN = "bestand niet opgeslagen"


def marker() -> str:
    return f"load-{uuid.uuid4().hex}"


def csrf_token(response) -> str | None:
    gevonden = CSRF.search(response.text or "")
    return gevonden.group(1) if gevonden else None


def op_inlogpagina(response) -> bool:
    return urlsplit(response.url or "").path == LOGIN


def lees(user, pad, *, naam):
    """GET a page as a logged-in user: ending on the login page is a failure.

    True when the page was shown to the user still logged in."""
    with user.client.get(pad, name=naam, catch_response=True) as pagina:
        if op_inlogpagina(pagina):
            pagina.failure(f"{UITGELOGD}: {pad} eindigde op de inlogpagina")
            return False
    return True


def post_formulier(
    user, pagina_url, post_url, data, *, naam, verwacht_naar, files=None, ingelogd=True
):
    """GET the page with the form, POST it with its CSRF token; True when saved.

    Saved means: a 302 whose Location starts with `verwacht_naar`.
    """
    with user.client.get(pagina_url, name=naam + " (formulier)", catch_response=True) as pagina:
        token = csrf_token(pagina)
        if ingelogd and op_inlogpagina(pagina):
            pagina.failure(f"{UITGELOGD}: {pagina_url} eindigde op de inlogpagina")
            return False
        if pagina.status_code != 200 or token is None:
            pagina.failure(f"geen formulier op {pagina_url}: {pagina.status_code}")
            return False
    with user.client.post(
        post_url,
        data={**data, "csrfmiddlewaretoken": token},
        files=files,
        headers={"Referer": user.host + pagina_url},
        allow_redirects=False,
        name=naam,
        catch_response=True,
    ) as antwoord:
        naar = antwoord.headers.get("Location", "")
        if antwoord.status_code == 302 and naar.startswith(verwacht_naar):
            antwoord.success()
            return True
        if ingelogd and urlsplit(naar).path == LOGIN:
            antwoord.failure(f"{UITGELOGD}: {post_url} stuurde naar de inlogpagina")
        elif antwoord.status_code == 503 and "Het bestand kon niet worden opgeslagen" in (
            antwoord.text or ""
        ):
            antwoord.failure(f"{NIET_OPGESLAGEN}: {antwoord.status_code}")
        else:
            antwoord.failure(f"niet opgeslagen: {antwoord.status_code} {naar}")
        return False


class Bezoeker(HttpUser):
    """Anonymous: home, agenda, projects, a café; now and then registers for it."""

    weight = 5
    wait_time = between(1, 3)

    @task(3)
    def home(self):
        self.client.get("/", name="/")

    @task(3)
    def agenda(self):
        self.client.get("/kenniscafes/", name="/kenniscafes/")

    @task(2)
    def projecten(self):
        self.client.get("/projecten/", name="/projecten/")
        if PLAN["projecten"]:
            slug = random.choice(PLAN["projecten"])
            self.client.get(f"/projecten/{slug}/", name="/projecten/[slug]/")

    @task(3)
    def kenniscafe(self):
        slug = random.choice(PLAN["kenniscafes"])
        self.client.get(f"/kenniscafes/{slug}/", name="/kenniscafes/[slug]/")

    @task(1)
    def aanmelden(self):
        # Each registration is a new visitor: the café's page shows a visitor
        # who just registered the confirmation in place of the form.
        self.client.cookies.clear()
        slug = PLAN["aanmelden_bij"]
        teken = marker()
        if post_formulier(
            self,
            f"/kenniscafes/{slug}/",
            f"/kenniscafes/{slug}/aanmelden/",
            {
                "naam": "Bezoeker van de proef",
                "email": f"{teken}@example.org",
                "organisatie": "Wijkteam",
                "rol": "bewoner",
                "behoeften": "",
            },
            naam="aanmelden",
            verwacht_naar=f"/kenniscafes/{slug}/",
            ingelogd=False,
        ):
            GEMELD["aanmeldingen"].append(teken)
            TIJDEN[teken] = time.time()
            self.bevestiging_gezien(slug, f"{teken}@example.org")

    def bevestiging_gezien(self, slug, email):
        """The page the registration redirects to confirms it, naming the address."""
        with self.client.get(
            f"/kenniscafes/{slug}/", name="aanmelden (bevestiging)", catch_response=True
        ) as pagina:
            tekst = pagina.text or ""
            if pagina.status_code != 200 or 'id="aanmelding-bevestigd"' not in tekst:
                pagina.failure(f"geen bevestiging: {pagina.status_code}")
            elif email not in tekst:
                pagina.failure("bevestiging zonder het e-mailadres")


class Raadslid(HttpUser):
    """A Brede Raad member: logs in, reads collections, leaves a reflection."""

    weight = 2
    wait_time = between(2, 5)

    def on_start(self):
        self.inloggen()

    def inloggen(self):
        """Log in through the form; again whenever a page was the login page."""
        self.client.cookies.clear()
        self.ingelogd = post_formulier(
            self,
            "/accounts/login/",
            "/accounts/login/",
            {"username": random.choice(PLAN["raadsleden"]), "password": PLAN["wachtwoord"]},
            naam="inloggen",
            verwacht_naar="/",
            ingelogd=False,
        )

    def lees(self, pad, *, naam):
        if not self.ingelogd:
            self.inloggen()
        elif not lees(self, pad, naam=naam):
            self.ingelogd = False

    @task(2)
    def collecties(self):
        self.lees("/collecties/", naam="/collecties/")

    @task(4)
    def collectie(self):
        slug = random.choice(PLAN["collecties"])
        self.lees(f"/collecties/{slug}/", naam="/collecties/[slug]/")

    @task(1)
    def reflectie(self):
        if not self.ingelogd:
            self.inloggen()
            return
        slug = PLAN["reflecteren_op"]
        teken = marker()
        if post_formulier(
            self,
            f"/collecties/{slug}/",
            f"/collecties/{slug}/reflecties/",
            {"tekst": f"Dit herken ik uit mijn buurt. ({teken})"},
            naam="reflectie schrijven",
            verwacht_naar=f"/collecties/{slug}/",
        ):
            GEMELD["reflecties"].append(teken)
            TIJDEN[teken] = time.time()


class Onderzoeker(HttpUser):
    """A researcher (two-factor session): reads stories and codes fragments."""

    weight = 3
    wait_time = between(1, 4)

    def on_start(self):
        self.client.cookies.set(PLAN["sessie_cookie"], random.choice(PLAN["sessies"]))

    @task(1)
    def verhalenlijst(self):
        lees(self, "/verhalen/", naam="/verhalen/")

    @task(3)
    def verhaal(self):
        verhaal = random.choice(PLAN["verhalen"])
        lees(self, f"/verhalen/{verhaal['pk']}/", naam="/verhalen/[pk]/")

    @task(1)
    def codeboek(self):
        lees(self, "/codeboek/", naam="/codeboek/")

    @task(2)
    def fragment_opslaan(self):
        verhaal = random.choice(PLAN["verhalen"])
        lengte = verhaal["lengte"]
        start = random.randrange(0, max(1, lengte - 40))
        eind = min(lengte, start + random.randint(10, 40))
        teken = marker()
        if post_formulier(
            self,
            f"/verhalen/{verhaal['pk']}/",
            f"/verhalen/{verhaal['pk']}/fragmenten/nieuw/",
            {
                "start": start,
                "eind": eind,
                "citaat": "",
                "codes": random.sample(PLAN["codes"], 2),
                "memo": teken,
            },
            naam="fragment opslaan",
            verwacht_naar=f"/verhalen/{verhaal['pk']}/",
        ):
            GEMELD["fragmenten"].append(teken)
            TIJDEN[teken] = time.time()


class Coordinator(HttpUser):
    """A coordinator (two-factor session): uploads a publication through the admin."""

    weight = 1
    wait_time = between(2, 5)

    def on_start(self):
        self.client.cookies.set(PLAN["sessie_cookie"], random.choice(PLAN["coordinator_sessies"]))

    @task(1)
    def publicaties(self):
        lees(self, "/admin/projecten/publicatie/", naam="/admin/projecten/publicatie/")

    @task(2)
    def publicatie_uploaden(self):
        teken = marker()
        if post_formulier(
            self,
            "/admin/projecten/publicatie/add/",
            "/admin/projecten/publicatie/add/",
            {"titel": teken, "slug": teken, "soort": "rapport", "gepubliceerd": "on"},
            files={"bestand": (f"{teken}.pdf", PDF, "application/pdf")},
            naam="publicatie uploaden",
            verwacht_naar="/admin/projecten/publicatie/",
        ):
            GEMELD["publicaties"].append(teken)
            TIJDEN[teken] = time.time()


@events.quitting.add_listener
def schrijf_gemeld(environment, **kwargs):
    pad = os.environ.get("LOADTEST_GEMELD")
    if pad:
        with open(pad, "w", encoding="utf-8") as bestand:
            json.dump({**GEMELD, "tijden": TIJDEN, "fouten": FOUTEN}, bestand)


@events.request.add_listener
def onthoud_fout(response=None, exception=None, **kwargs):
    if exception is None:
        return
    status = getattr(response, "status_code", 0)
    melding = str(exception) if isinstance(exception, CatchResponseError) else ""
    if melding.startswith(UITGELOGD):
        soort = UITGELOGD
    elif melding.startswith(NIET_OPGESLAGEN):
        soort = f"{status} {NIET_OPGESLAGEN}"
    elif not status and melding:
        soort = "geen antwoord"  # the connection dropped under a checked request
    elif not status:
        soort = type(exception).__name__
    elif status < 400:
        soort = f"{status} (niet het verwachte antwoord)"
    else:
        soort = str(status)
    FOUTEN.append((time.time(), soort))
