"""Measuring the pages: gunicorn over HTTP for latency, the test client for queries.

- HTTP: gunicorn on 127.0.0.1 (one gthread worker, one thread, keep-alive),
  started with the benchmark's production-like settings; requests from this
  process over one keep-alive connection (http.client). Per page: warm-up,
  then up to N requests (at most `max_seconden` per page, at least 3). The
  floor is sampled again (5 requests) right before every page and its median
  taken over all samples, so a drifting machine load shifts floor and pages
  alike.
- Test client: the same page in-process, for the number of queries per
  request (CaptureQueriesContext, after one warm-up request: the steady
  state) and a latency without HTTP and gunicorn.
- Logged-in roles: a session written into the session store for the bench
  researcher or Brede Raad member; its cookie is sent. With django-otp
  installed the session is marked verified with a confirmed TOTP device.
- Export: HTTP time over `export_runs` downloads in a fresh gunicorn (its
  worker's peak RSS from /proc); in-process the peak of Python allocations
  (tracemalloc) while consuming the streaming response.
"""

import errno
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.test import Client
from django.utils.crypto import get_random_string

from bench import rapport
from bench.middleware import lees_server_timing
from bench.rapport import mediaan
from bench.schrijven import SOORTEN, Schrijver

ONDERZOEKER, RAADSLID, ANONIEM = "onderzoeker", "raadslid", "anoniem"
VLOER, VLOER_PAD = "vloer", "/bench/vloer/"
STEEDS = "steeds"
CODE_LAATSTE = "code_fragmenten_laatste"


def paginas(meet):
    """(name, role, path) of every measured page; `meet` is the builder's Meetobjecten dict.

    The last page of the code's fragments is added by `meet_alles` (its link
    carries the key of a row, read from the database)."""

    from bench.dataset import MEETCOLLECTIE_ITEMS
    from verhalen.services.collecties import VERHALEN_PER_PAGINA

    def lijst(**filters):
        return "/verhalen/?" + urlencode(filters)

    collectie = f"/collecties/{meet['collectie']}/"
    # A collection is read in pages of VERHALEN_PER_PAGINA stories: its first and last.
    laatste_leespagina = -(-MEETCOLLECTIE_ITEMS // VERHALEN_PER_PAGINA)

    return [
        (VLOER, ANONIEM, VLOER_PAD),
        ("verhalen", ONDERZOEKER, "/verhalen/"),
        ("verhalen_thema", ONDERZOEKER, lijst(thema=meet["thema"])),
        ("verhalen_wijk", ONDERZOEKER, lijst(wijk=meet["wijk"])),
        ("zoek_gewoon", ONDERZOEKER, lijst(q=meet["gewoon_woord"])),
        ("zoek_zeldzaam", ONDERZOEKER, lijst(q=meet["zeldzaam_woord"])),
        ("verhaal_50_frag", ONDERZOEKER, f"/verhalen/{meet['verhaal']}/"),
        ("codeboek", ONDERZOEKER, "/codeboek/"),
        ("code_fragmenten", ONDERZOEKER, f"/codeboek/{meet['code']}/"),
        ("collectie_100", RAADSLID, collectie),
        ("collectie_100_laatste", RAADSLID, f"{collectie}?pagina={laatste_leespagina}"),
        ("thema_hub", ONDERZOEKER, f"/themas/{meet['thema']}/"),
        ("home", ANONIEM, "/"),
        ("agenda", ANONIEM, "/kenniscafes/"),
        ("archief", ANONIEM, "/kenniscafes/archief/"),
        ("agenda_ics", ANONIEM, "/kenniscafes/agenda.ics"),
    ]


def laatste_pagina_pad(meet):
    """The link "Volgende pagina" leads to at the end of the measured code's
    fragments, as the researcher sees them (the view's own query and order)."""
    from django.test import RequestFactory

    from kennisagenda.models import Thema
    from toolkit import paginering
    from verhalen.views import codering

    verzoek = RequestFactory().get("/")
    verzoek.user = get_user_model().objects.get(username=meet["onderzoeker"])
    code = Thema.objects.get(slug=meet["code"])
    _, fragmenten = codering._fragmenten_van_code(verzoek, code)
    volgorde = codering.CODE_FRAGMENTEN_VOLGORDE
    rij = fragmenten.order_by(*paginering.omgekeerd(volgorde))[25:26].first()
    pad = f"/codeboek/{meet['code']}/"
    if rij is None:
        return pad
    return f"{pad}?{paginering.NA}={paginering.sleutel_tekst(rij, volgorde)}"


EXPORT_PAD = "/verhalen/export.csv"


# ---------------------------------------------------------------- sessions


def otp_actief():
    return "django_otp" in settings.INSTALLED_APPS


def maak_sessie(user):
    """A logged-in (and, with django-otp, verified) session for `user`; its key."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if otp_actief():
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="bench", defaults={"confirmed": True}
        )
        store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.save(must_create=True)
    return store.session_key


def koekjes(user):
    """Measuring the pages over HTTP against gunicorn, as a browser would ask them.

    - gunicorn on 127.0.0.1 (one gthread worker, one thread, keep-alive),
      started with the benchmark's production-like settings; requests from this
      process over one keep-alive connection (http.client). The port must be
      free: the harness refuses to run otherwise (it would measure someone
      else's server).
    - Per page, the steady state ("steeds"): warm-up, then up to N requests (at
      most `max_seconden`, at least 3). Logged-in pages also the first view
      after each kind of real write (bench/schrijven.py): a write through the
      services, committed, then one request, again and again. The floor is
      sampled again (5 requests) right before every page and its median taken
      over all samples, so a drifting machine load shifts floor and pages alike.
    - Every response carries the page's own SQL time and number of queries
      (bench/middleware.py, Server-Timing), measured inside that request.
    - Logged-in roles: a session written into the session store for the bench
      researcher or Brede Raad member; its cookie is sent. With django-otp
      installed the session is marked verified with a confirmed TOTP device.
    - Export: HTTP time over `export_runs` downloads in a fresh gunicorn (its
      worker's peak RSS from /proc).
    """
    return {
        settings.SESSION_COOKIE_NAME: maak_sessie(user),
        settings.CSRF_COOKIE_NAME: get_random_string(CSRF_SECRET_LENGTH, CSRF_ALLOWED_CHARS),
    }


def sessies(meet):
    """The cookies per role (None for an anonymous visitor)."""
    User = get_user_model()
    return {
        ONDERZOEKER: koekjes(User.objects.get(username=meet["onderzoeker"])),
        RAADSLID: koekjes(User.objects.get(username=meet["raadslid"])),
        ANONIEM: None,
    }


# ---------------------------------------------------------------- gunicorn


def _gunicorn_bin():
    kandidaat = Path(sys.executable).with_name("gunicorn")
    return str(kandidaat) if kandidaat.exists() else shutil.which("gunicorn")


class PoortBezet(RuntimeError):
    pass


def controleer_poort_vrij(poort):
    """Refuse a port that something already listens on (or holds): the
    harness would measure that server instead of its own."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as proef:
        try:
            proef.bind(("127.0.0.1", poort))
        except OSError as fout:
            if fout.errno != errno.EADDRINUSE:
                raise
            raise PoortBezet(
                f"Poort {poort} op 127.0.0.1 is al in gebruik (een andere benchmark of "
                "server?). Kies een andere met --port; de benchmark meet alleen zijn eigen "
                "gunicorn."
            ) from fout


class Gunicorn:
    """gunicorn on 127.0.0.1:`poort` with this process's settings and database;
    refuses a port that is taken, and answers only while its own process lives."""

    def __init__(self, poort):
        self.poort = poort
        self.proces = None

    def __enter__(self):
        controleer_poort_vrij(self.poort)
        opdracht = [
            _gunicorn_bin(),
            "carelab.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.poort}",
            "--workers",
            "1",
            "--worker-class",
            "gthread",
            "--threads",
            "1",
            "--keep-alive",
            "60",
            "--timeout",
            "1800",
            "--log-level",
            "warning",
        ]
        hulp = subprocess.run([opdracht[0], "--help"], capture_output=True, text=True).stdout
        if "--no-control-socket" in hulp:
            opdracht.append("--no-control-socket")
        omgeving = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
        self.proces = subprocess.Popen(opdracht, cwd=settings.BASE_DIR, env=omgeving)
        grens = time.monotonic() + 60
        while time.monotonic() < grens:
            if self.proces.poll() is not None:
                raise RuntimeError("gunicorn is gestopt tijdens het starten")
            try:
                verbinding = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=5)
                verbinding.request("GET", VLOER_PAD)
                antwoord = verbinding.getresponse()
                verbinding.close()
                if antwoord.status == 200:
                    if antwoord.getheader("X-Bench-Ouder") != str(self.proces.pid):
                        self.__exit__()
                        raise PoortBezet(
                            f"Op poort {self.poort} antwoordt een andere server dan de "
                            "gunicorn van deze benchmark."
                        )
                    return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn antwoordt niet binnen 60 s")

    def __exit__(self, *exc):
        self.proces.send_signal(signal.SIGTERM)
        try:
            self.proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proces.kill()
            self.proces.wait()

    def worker_pid(self):
        kinderen = Path(f"/proc/{self.proces.pid}/task/{self.proces.pid}/children")
        try:
            pids = kinderen.read_text().split()
        except OSError:
            return None
        return int(pids[0]) if pids else None

    def worker_piek_rss(self):
        """VmHWM (peak resident set) of the worker in bytes, or None."""
        pid = self.worker_pid()
        if pid is None:
            return None
        try:
            for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
                if regel.startswith("VmHWM:"):
                    return int(regel.split()[1]) * 1024
        except OSError:
            return None
        return None


@dataclass
class Antwoord:
    status: int
    seconden: float
    bytes: int
    volledig: bool
    sql: float | None  # the page's own SQL seconds (Server-Timing), if given
    queries: int | None


class HttpMeter:
    """One keep-alive connection to gunicorn; reconnects when the server closes it."""

    def __init__(self, poort):
        self.poort = poort
        self.verbinding = None

    def get(self, pad, sessie=None, *, max_seconden=None):
        """One GET as an Antwoord, the whole body read.

        With `max_seconden` a download that takes longer is broken off (the
        connection is closed) and reported as not complete.
        """
        kopjes = {"Host": "127.0.0.1"}
        if sessie:
            kopjes["Cookie"] = "; ".join(f"{naam}={waarde}" for naam, waarde in sessie.items())
        hergebruikt = self.verbinding is not None
        if not hergebruikt:
            self.verbinding = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=1800)
        begin = time.perf_counter()
        try:
            self.verbinding.request("GET", pad, headers=kopjes)
            antwoord = self.verbinding.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # gunicorn closed an idle keep-alive connection: once more, on a new one.
            self.verbinding.close()
            self.verbinding = None
            if not hergebruikt:
                raise
            return self.get(pad, sessie, max_seconden=max_seconden)
        grootte = 0
        volledig = True
        while blok := antwoord.read(1 << 16):
            grootte += len(blok)
            if max_seconden is not None and time.perf_counter() - begin > max_seconden:
                volledig = False
                break
        duur = time.perf_counter() - begin
        if antwoord.will_close or not volledig:
            self.verbinding.close()
            self.verbinding = None
        sql, queries = lees_server_timing(antwoord.getheader("Server-Timing"))
        return Antwoord(antwoord.status, duur, grootte, volledig, sql, queries)

    def sluit(self):
        if self.verbinding is not None:
            self.verbinding.close()


# ---------------------------------------------------------------- measuring


class MeetFout(RuntimeError):
    pass


def meet_http(meter, pad, sessie, *, aantal, max_seconden, opwarmen=3, voor_elk=None):
    """Up to `aantal` measurements {seconden, sql, queries, schrijven} after a warm-up.

    A slow page is bounded by `max_seconden`: the warm-up stops after a third
    of it, the measuring after all of it, but never before 3 measurements.
    `voor_elk` (a write) runs before every measured request, outside the
    timing; its own seconds are kept as `schrijven`.
    """
    begin = time.monotonic()
    for _ in range(opwarmen):
        antwoord = meter.get(pad, sessie)
        if antwoord.status != 200:
            raise MeetFout(f"{pad} geeft {antwoord.status} (verwacht 200)")
        if time.monotonic() - begin > max_seconden / 3:
            break
    metingen = []
    begin = time.monotonic()
    while len(metingen) < aantal and (len(metingen) < 3 or time.monotonic() - begin < max_seconden):
        schrijven = voor_elk() if voor_elk else None
        antwoord = meter.get(pad, sessie)
        if antwoord.status != 200:
            raise MeetFout(f"{pad} geeft {antwoord.status} (verwacht 200)")
        metingen.append(
            {
                "seconden": antwoord.seconden,
                "sql": antwoord.sql,
                "queries": antwoord.queries,
                "schrijven": schrijven,
                "bytes": antwoord.bytes,
            }
        )
    return metingen


def samenvatting(metingen):
    """The summary (bench/rapport.py) of a list of measurements."""

    def gemeten(sleutel):
        return [m[sleutel] for m in metingen if m.get(sleutel) is not None]

    return rapport.samenvatting(
        gemeten("seconden"),
        sql=gemeten("sql"),
        queries=gemeten("queries"),
        schrijven=gemeten("schrijven"),
        bytes_=metingen[-1]["bytes"] if metingen else 0,
    )


def maak_client(sessie):
    client = Client(SERVER_NAME="127.0.0.1")
    for naam, waarde in (sessie or {}).items():
        client.cookies[naam] = waarde
    return client


def meet_alles(
    meet,
    *,
    poort,
    aantal,
    max_seconden,
    aantal_na_schrijven,
    export_runs,
    export_max_seconden=900,
    uitvoer=print,
):
    """Measure every page, steady and after each kind of write, and the export;
    returns the results dict (see rapport.py)."""
    sleutels = sessies(meet)
    schrijver = Schrijver(meet)
    lijst = paginas(meet)
    lijst.insert(
        [naam for naam, _, _ in lijst].index("code_fragmenten") + 1,
        (CODE_LAATSTE, ONDERZOEKER, laatste_pagina_pad(meet)),
    )
    resultaat = {"paginas": {}}
    vloer = []
    with Gunicorn(poort):
        meter = HttpMeter(poort)
        for naam, rol, pad in lijst:
            sessie = sleutels[rol]
            if naam != VLOER:
                # The floor again right before each page: on a shared machine the
                # load drifts, and the floor's median is taken over all samples.
                vloer += meet_http(meter, VLOER_PAD, None, aantal=5, max_seconden=5, opwarmen=0)
            steeds = meet_http(meter, pad, sessie, aantal=aantal, max_seconden=max_seconden)
            if naam == VLOER:
                vloer += steeds
            gegevens = {"pad": pad, "rol": rol, "metingen": {STEEDS: samenvatting(steeds)}}
            if sessie:
                for soort in SOORTEN:
                    na = meet_http(
                        meter,
                        pad,
                        sessie,
                        aantal=aantal_na_schrijven,
                        max_seconden=max_seconden / 2,
                        opwarmen=0,
                        voor_elk=lambda soort=soort: schrijver.schrijf(soort),
                    )
                    gegevens["metingen"][f"na_{soort}"] = samenvatting(na)
            resultaat["paginas"][naam] = gegevens
            uitvoer(_regel(naam, gegevens["metingen"]))
        meter.sluit()
    resultaat["paginas"][VLOER]["metingen"][STEEDS] = samenvatting(vloer)
    if export_runs:
        resultaat["export"] = meet_export(
            sleutels,
            poort=poort,
            runs=export_runs,
            max_seconden=max_seconden,
            export_max_seconden=export_max_seconden,
        )
        export = resultaat["export"]
        uitvoer(
            f"  export_csv         {export['http_mediaan']:8.2f} s, {export['bytes'] / 1e6:.0f} MB"
        )
    return resultaat


def _regel(naam, metingen):
    delen = [
        f"{soort} {m['mediaan'] * 1000:.1f} ms ({m['queries']} q)" for soort, m in metingen.items()
    ]
    return f"  {naam:<24} " + "; ".join(delen)


def meet_export(sleutels, *, poort, runs, max_seconden, export_max_seconden):
    """Up to `runs` downloads (no more once `max_seconden` have passed) in a
    fresh gunicorn, whose worker's peak RSS is the export's peak memory. Each
    download is broken off after `export_max_seconden`; the result then says
    so (`volledig` false)."""
    sessie = sleutels[ONDERZOEKER]
    with Gunicorn(poort) as server:
        meter = HttpMeter(poort)
        meter.get(VLOER_PAD)
        rss_voor = server.worker_piek_rss()
        tijden = []
        volledig = True
        begin = time.monotonic()
        while len(tijden) < runs and (not tijden or time.monotonic() - begin < max_seconden):
            antwoord = meter.get(EXPORT_PAD, sessie, max_seconden=export_max_seconden)
            if antwoord.status != 200:
                raise MeetFout(f"{EXPORT_PAD} geeft {antwoord.status}")
            tijden.append(antwoord.seconden)
            if not antwoord.volledig:
                volledig = False
                break
        rss_na = server.worker_piek_rss()
        meter.sluit()
    from verhalen.models import Verhaal

    return {
        "n": len(tijden),
        "http_mediaan": mediaan(tijden),
        "bytes": antwoord.bytes,
        "volledig": volledig,
        "max_seconden": export_max_seconden,
        "verhalen": Verhaal.objects.niet_ingetrokken().count(),
        "worker_piek_rss": rss_na,
        "worker_rss_groei": (rss_na - rss_voor) if rss_na and rss_voor else None,
    }
