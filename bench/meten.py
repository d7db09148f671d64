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

import http.client
import os
import shutil
import signal
import subprocess
import sys
import time
import tracemalloc
from importlib import import_module
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.db import connection
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.crypto import get_random_string

from bench.rapport import mediaan, p95

ONDERZOEKER, RAADSLID, ANONIEM = "onderzoeker", "raadslid", "anoniem"
VLOER, VLOER_PAD = "vloer", "/bench/vloer/"


def paginas(meet):
    """(name, role, path) of every measured page; `meet` is the builder's Meetobjecten dict."""

    def lijst(**filters):
        return "/verhalen/?" + urlencode(filters)

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
        ("collectie_100", RAADSLID, f"/collecties/{meet['collectie']}/"),
        ("thema_hub", ONDERZOEKER, f"/themas/{meet['thema']}/"),
        ("home", ANONIEM, "/"),
        ("agenda", ANONIEM, "/kenniscafes/"),
        ("archief", ANONIEM, "/kenniscafes/archief/"),
        ("agenda_ics", ANONIEM, "/kenniscafes/agenda.ics"),
    ]


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
    """The cookies a browser holds after logging in as `user`: the session and
    the CSRF cookie (a logged-in page always carries a CSRF token)."""
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


class Gunicorn:
    """gunicorn on 127.0.0.1:`poort` with this process's settings and database."""

    def __init__(self, poort):
        self.poort = poort
        self.proces = None

    def __enter__(self):
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
            try:
                verbinding = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=5)
                verbinding.request("GET", "/bench/vloer/")
                if verbinding.getresponse().status == 200:
                    verbinding.close()
                    return self
            except OSError:
                time.sleep(0.3)
            if self.proces.poll() is not None:
                raise RuntimeError("gunicorn is gestopt tijdens het starten")
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


class HttpMeter:
    """One keep-alive connection to gunicorn; reconnects when the server closes it."""

    def __init__(self, poort):
        self.poort = poort
        self.verbinding = None

    def get(self, pad, sessie=None, *, max_seconden=None):
        """(status, seconds, bytes, complete) of one GET, the whole body read.

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
        return antwoord.status, duur, grootte, volledig

    def sluit(self):
        if self.verbinding is not None:
            self.verbinding.close()


# ---------------------------------------------------------------- measuring


class MeetFout(RuntimeError):
    pass


def maak_vers():
    """The next request of a logged-in page is made by its view, not read from
    the session's kept copy (carelab/sessiepagina.py): as the first view after
    any change. gunicorn shares the cache with this process."""
    from carelab import cache

    cache.verhoog(cache.INHOUD)


def meet_http(meter, pad, sessie, *, aantal, max_seconden, opwarmen=3, voor_elk=None):
    """Times of up to `aantal` requests after a warm-up.

    A slow page is bounded by `max_seconden`: the warm-up stops after a third
    of it, the measuring after all of it, but never before 3 measurements.
    `voor_elk` runs before every measured request, outside the timing.
    """
    begin = time.monotonic()
    for _ in range(opwarmen):
        status, *_ = meter.get(pad, sessie)
        if status != 200:
            raise MeetFout(f"{pad} geeft {status} (verwacht 200)")
        if time.monotonic() - begin > max_seconden / 3:
            break
    tijden = []
    grootte = 0
    begin = time.monotonic()
    while len(tijden) < aantal and (len(tijden) < 3 or time.monotonic() - begin < max_seconden):
        if voor_elk:
            voor_elk()
        status, duur, grootte, _ = meter.get(pad, sessie)
        if status != 200:
            raise MeetFout(f"{pad} geeft {status} (verwacht 200)")
        tijden.append(duur)
    return tijden, grootte


def maak_client(sessie):
    client = Client(SERVER_NAME="127.0.0.1")
    for naam, waarde in (sessie or {}).items():
        client.cookies[naam] = waarde
    return client


def meet_client(pad, sessie, *, aantal, max_seconden, minimum=2, voor_elk=None):
    """(times, queries per request) through Django's test client, after a warm-up;
    `voor_elk` runs before every measured request, outside the timing."""
    client = maak_client(sessie)
    antwoord = client.get(pad)
    if antwoord.status_code != 200:
        raise MeetFout(f"{pad} geeft {antwoord.status_code} via de test client")
    tijden, queries = [], []
    begin = time.monotonic()
    while len(tijden) < aantal and (
        len(tijden) < minimum or time.monotonic() - begin < max_seconden
    ):
        if voor_elk:
            voor_elk()
        with CaptureQueriesContext(connection) as vastgelegd:
            start = time.perf_counter()
            antwoord = client.get(pad)
            if antwoord.streaming:
                b"".join(antwoord.streaming_content)
            tijden.append(time.perf_counter() - start)
        queries.append(len(vastgelegd.captured_queries))
    return tijden, queries


def meet_export_in_proces(sessie, *, max_seconden):
    """Peak Python allocation (tracemalloc) and queries while streaming the CSV export.

    Broken off after `max_seconden` (then the peak is a lower bound).
    """
    client = maak_client(sessie)
    tracemalloc.start()
    tracemalloc.reset_peak()
    grootte = 0
    volledig = True
    begin = time.monotonic()
    with CaptureQueriesContext(connection) as vastgelegd:
        antwoord = client.get(EXPORT_PAD)
        if antwoord.status_code != 200:
            tracemalloc.stop()
            raise MeetFout(f"{EXPORT_PAD} geeft {antwoord.status_code}")
        for blok in antwoord.streaming_content:
            grootte += len(blok)
            if time.monotonic() - begin > max_seconden:
                volledig = False
                break
        antwoord.close()
    _, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "streaming": antwoord.streaming,
        "piek_tracemalloc": piek,
        "queries": len(vastgelegd.captured_queries),
        "bytes_client": grootte,
        "client_volledig": volledig,
        "client_seconden": time.monotonic() - begin,
    }


def meet_alles(
    meet,
    *,
    poort,
    aantal,
    max_seconden,
    export_runs,
    export_max_seconden=900,
    export_tracemalloc=False,
    uitvoer=print,
):
    """Measure every page and the export; returns the results dict (see rapport.py)."""
    sleutels = sessies(meet)
    resultaat = {"paginas": {}}
    vloer_tijden = []
    with Gunicorn(poort):
        meter = HttpMeter(poort)
        for naam, rol, pad in paginas(meet):
            sessie = sleutels[rol]
            if naam != VLOER:
                # The floor again right before each page: on a shared machine the
                # load drifts, and the floor's median is taken over all samples.
                extra, _ = meet_http(meter, VLOER_PAD, None, aantal=5, max_seconden=5, opwarmen=0)
                vloer_tijden += extra
            tijden, grootte = meet_http(
                meter, pad, sessie, aantal=aantal, max_seconden=max_seconden
            )
            if naam == VLOER:
                vloer_tijden += tijden
            traag = mediaan(tijden) > max_seconden / 4
            c_aantal = max(5, aantal // 3)
            c_minimum = 1 if traag else 2
            c_tijden, queries = meet_client(
                pad, sessie, aantal=c_aantal, max_seconden=max_seconden / 2, minimum=c_minimum
            )
            gegevens = {
                "pad": pad,
                "rol": rol,
                "n": len(tijden),
                "http_mediaan": mediaan(tijden),
                "http_p95": p95(tijden),
                "http_tijden": tijden,
                "bytes": grootte,
                "queries": queries[-1],
                "queries_min": min(queries),
                "queries_max": max(queries),
                "client_mediaan": mediaan(c_tijden),
            }
            if sessie:
                # Logged in: also made fresh by the view, as after any change
                # (its in-process time replaces the kept page's).
                vers, _ = meet_http(
                    meter,
                    pad,
                    sessie,
                    aantal=max(5, aantal // 2),
                    max_seconden=max_seconden / 2,
                    opwarmen=0,
                    voor_elk=maak_vers,
                )
                c_tijden, c_queries = meet_client(
                    pad,
                    sessie,
                    aantal=c_aantal,
                    max_seconden=max_seconden / 2,
                    minimum=c_minimum,
                    voor_elk=maak_vers,
                )
                gegevens.update(
                    vers_mediaan=mediaan(vers),
                    vers_tijden=vers,
                    client_mediaan=mediaan(c_tijden),
                    queries_vers=c_queries[-1],
                    queries_vers_min=min(c_queries),
                    queries_vers_max=max(c_queries),
                )
            resultaat["paginas"][naam] = gegevens
            uitvoer(
                f"  {naam:<18} {mediaan(tijden) * 1000:8.1f} ms  {queries[-1]:>3} queries"
                + (
                    f"; vers {gegevens['vers_mediaan'] * 1000:.1f} ms, "
                    f"{gegevens['queries_vers']} queries"
                    if sessie
                    else ""
                )
                + f"  ({len(tijden)} keer)"
            )
        meter.sluit()
    resultaat["paginas"][VLOER].update(
        n=len(vloer_tijden),
        http_mediaan=mediaan(vloer_tijden),
        http_p95=p95(vloer_tijden),
        http_tijden=vloer_tijden,
    )
    if export_runs:
        resultaat["export"] = meet_export(
            sleutels,
            poort=poort,
            runs=export_runs,
            max_seconden=max_seconden,
            export_max_seconden=export_max_seconden,
            tracemalloc_meten=export_tracemalloc,
        )
        uitvoer(f"  export_csv         {resultaat['export']['http_mediaan']:8.2f} s")
    return resultaat


def meet_export(
    sleutels, *, poort, runs, max_seconden, export_max_seconden, tracemalloc_meten=False
):
    """Up to `runs` downloads (no more once `max_seconden` have passed) in a
    fresh gunicorn, whose worker's peak RSS is the export's peak memory; with
    `tracemalloc_meten` also once in-process under tracemalloc (slower than
    the download itself at 100k).

    Each download, and the in-process run, is broken off after
    `export_max_seconden`; the result then says so (`volledig` false).
    """
    sessie = sleutels[ONDERZOEKER]
    with Gunicorn(poort) as server:
        meter = HttpMeter(poort)
        meter.get("/bench/vloer/")
        rss_voor = server.worker_piek_rss()
        tijden = []
        http_volledig = True
        begin = time.monotonic()
        while len(tijden) < runs and (not tijden or time.monotonic() - begin < max_seconden):
            status, duur, grootte, volledig = meter.get(
                EXPORT_PAD, sessie, max_seconden=export_max_seconden
            )
            if status != 200:
                raise MeetFout(f"{EXPORT_PAD} geeft {status}")
            tijden.append(duur)
            if not volledig:
                http_volledig = False
                break
        rss_na = server.worker_piek_rss()
        meter.sluit()
    in_proces = {}
    if tracemalloc_meten:
        in_proces = meet_export_in_proces(sessie, max_seconden=export_max_seconden)
    from verhalen.models import Verhaal

    return {
        "n": len(tijden),
        "http_mediaan": mediaan(tijden),
        "bytes": grootte,
        "http_volledig": http_volledig,
        "volledig": http_volledig and in_proces.get("client_volledig", True),
        "max_seconden": export_max_seconden,
        "verhalen": Verhaal.objects.niet_ingetrokken().count(),
        "worker_piek_rss": rss_na,
        "worker_rss_groei": (rss_na - rss_voor) if rss_na and rss_voor else None,
        **in_proces,
    }
