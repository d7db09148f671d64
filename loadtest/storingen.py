"""Faults during the load test (`make loadtest-storingen`, `python -m loadtest.run --storingen`).

The run gets its own PostgreSQL cluster in a temporary folder on a free port
(never a shared server: it is restarted on purpose), its own redis-server
(in memory only, on a free port: it is stopped on purpose) that the site uses
as its cache (REDIS_URL), a local SMTP server (aiosmtpd) that the postman
(`manage.py postbode`) sends the registrations' mails to, and splits its time
into equal phases, one per fault:

    rustig              nothing wrong (the baseline)
    postgres-herstart   PostgreSQL restarted (pg_ctl restart -m fast) at the phase's start
    worker-gedood       a gunicorn worker killed (SIGKILL) three times in the phase
    smtp-weg            the mail server down for the whole phase
    media-alleen-lezen  the media folder read-only for the whole phase, then writable again
    redis-weg           Redis stopped at the phase's start, started again (empty) half-way

Per phase it reports the requests gunicorn answered, the failed requests by
kind (HTTP status, the client's exception, or "uitgelogd": a logged-in user's
page that ended on the login page), the writes confirmed to the clients and
how many of those are in the database exactly once, and the phase's own
checks (`controles`): for Redis whether a change made during the outage shows
on the cached public page during it and once Redis is back, and that no
logged-in user was sent to the login page; for the media folder whether every
stored publication has its whole file, no file lies without its row, and
uploads were confirmed again after the folder became writable.
At the end: whether every confirmed registration's mail arrived exactly once.

A read-only media folder as root: root writes into a folder whatever its mode
says (CAP_DAC_OVERRIDE); a read-only bind mount or `chattr +i` need
capabilities a container often lacks (CAP_SYS_ADMIN, CAP_LINUX_IMMUTABLE), and
gunicorn as user `nobody` cannot read a Python installed under /root. So when
the run is root, gunicorn is started through util-linux's `setpriv` without the
capabilities that pass over file modes (`--bounding-set=-dac_override,...`:
still root, but a folder without its write bit refuses it, as it refuses any
user); the phase takes the write bit off every folder in the media folder
(`chmod a-w`) and gives it back after. Not as root, the same chmod works
without setpriv. The site then meets EACCES; a read-only mount gives EROFS,
which it handles the same way (toolkit/middleware.py).
"""

import os
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from datetime import datetime
from pathlib import Path

FASEN = (
    "rustig",
    "postgres-herstart",
    "worker-gedood",
    "smtp-weg",
    "media-alleen-lezen",
    "redis-weg",
)


def vrije_poort():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class EigenPostgres:
    """A PostgreSQL cluster of our own in a temporary folder (the recipe of TOOLING.md)."""

    def __init__(self):
        kandidaten = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
        if not kandidaten:
            raise SystemExit("PostgreSQL-programma's niet gevonden (apt-get install postgresql)")
        self.bin = kandidaten[-1]
        self.poort = vrije_poort()
        self.map = Path(tempfile.mkdtemp(prefix="verhalenbank-pg-"))
        self.als_root = os.geteuid() == 0

    def _doe(self, *args, **kwargs):
        opdracht = [str(self.bin / args[0]), *args[1:]]
        if self.als_root:
            opdracht = ["runuser", "-u", "postgres", "--", *opdracht]
        subprocess.run(opdracht, check=True, stdout=subprocess.DEVNULL, **kwargs)

    def start(self):
        if self.als_root:
            shutil.chown(self.map, "postgres", "postgres")
        gegevens = self.map / "data"
        self._doe("initdb", "-D", str(gegevens), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.gegevens = gegevens
        self._pg_ctl("start")
        self._doe(
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.poort),
            "-U",
            "postgres",
            "-qc",
            "CREATE ROLE carelab LOGIN CREATEDB PASSWORD 'carelab'",
        )
        return f"postgres://carelab:carelab@127.0.0.1:{self.poort}/postgres"

    def _pg_ctl(self, actie, *extra):
        opties = (
            f"-c listen_addresses=127.0.0.1 -p {self.poort} -k {self.map} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._doe(
            "pg_ctl", "-D", str(self.gegevens), "-l", str(self.map / "server.log"), "-w",
            "-o", opties, *extra, actie,
        )  # fmt: skip

    def herstart(self):
        self._pg_ctl("restart", "-m", "fast")

    def stop(self):
        try:
            self._pg_ctl("stop", "-m", "fast")
        finally:
            shutil.rmtree(self.map, ignore_errors=True)


class EigenRedis:
    """A redis-server of our own, in memory only; stop() and start() again (empty)."""

    def __init__(self):
        self.programma = shutil.which("redis-server")
        if self.programma is None:
            raise SystemExit("redis-server niet gevonden (apt-get install redis-server)")
        self.poort = vrije_poort()
        self.proces = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.poort}/0"

    def start(self):
        self.proces = subprocess.Popen(
            [self.programma, "--port", str(self.poort), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        einde = time.monotonic() + 10
        while time.monotonic() < einde:
            try:
                socket.create_connection(("127.0.0.1", self.poort), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit(f"redis-server antwoordt niet op poort {self.poort}")

    def stop(self):
        if self.proces is not None and self.proces.poll() is None:
            self.proces.terminate()
            self.proces.wait(timeout=10)
        self.proces = None


class Mediamap:
    """The site's media folder, made read-only and writable again (see the module's doc)."""

    def __init__(self, map):
        self.map = Path(map)
        self.map.mkdir(parents=True, exist_ok=True)

    def gunicorn_voorvoegsel(self):
        """What gunicorn's command starts with: as root, setpriv without the
        capabilities that write past a folder's mode."""
        if os.geteuid() != 0:
            return []
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            raise SystemExit("setpriv niet gevonden (util-linux), nodig voor de mediamap-storing")
        return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]

    def _mappen(self):
        return [self.map, *(pad for pad in self.map.rglob("*") if pad.is_dir())]

    def alleen_lezen(self):
        for pad in self._mappen():
            pad.chmod(pad.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))

    def beschrijfbaar(self):
        if not self.map.is_dir():
            return
        for pad in self._mappen():
            pad.chmod(pad.stat().st_mode | stat.S_IWUSR)


class Postvak:
    """A local SMTP server that keeps who got which mail; can be switched off and on."""

    def __init__(self):
        self.poort = vrije_poort()
        self.ontvangers = Counter()
        self._controller = None

    async def handle_DATA(self, server, session, envelope):
        self.ontvangers.update(envelope.rcpt_tos)
        return "250 OK"

    def aan(self):
        from aiosmtpd.controller import Controller

        # A stopped controller's event loop is closed: a new one each time.
        self._controller = Controller(self, hostname="127.0.0.1", port=self.poort)
        self._controller.start()

    def uit(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


def gunicorn_workers(master_pid):
    kinderen = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return [int(pid) for pid in kinderen.read_text().split()] if kinderen.exists() else []


class Storingen(threading.Thread):
    """Runs the phases beside locust; `grenzen` holds each phase's (start, end),
    `controles` the phase's own checks."""

    def __init__(self, *, duur, postgres, postvak, redis, mediamap, gunicorn_pid, host, cafe):
        super().__init__(daemon=True)
        self.fase_duur = duur / len(FASEN)
        self.postgres, self.postvak, self.redis = postgres, postvak, redis
        self.mediamap, self.gunicorn_pid, self.host = mediamap, gunicorn_pid, host
        # cafe: (title, rename) of a café on the agenda; rename(title) saves it
        # through the ORM in another process, as an editor in the admin would.
        self.cafe = cafe
        self.grenzen = {}
        self.controles = {fase: {} for fase in FASEN}
        self.gebeurtenissen = []

    def _log(self, tekst):
        self.gebeurtenissen.append((time.time(), tekst))
        print(f"   [{time.strftime('%H:%M:%S')}] {tekst}", flush=True)

    def _agenda(self):
        """The café agenda as an anonymous visitor (no cookie) sees it: a cached page
        ("" when it did not answer 200, so the check fails instead of the run)."""
        try:
            with urllib.request.urlopen(f"{self.host}/kenniscafes/", timeout=30) as antwoord:
                return antwoord.read().decode()
        except OSError as fout:
            self._log(f"agenda niet gelezen: {fout}")
            return ""

    def run(self):
        for fase in FASEN:
            begin = time.time()
            self._log(f"fase {fase}")
            if fase == "postgres-herstart":
                self.postgres.herstart()
                self._log(f"PostgreSQL herstart ({time.time() - begin:.1f} s)")
            elif fase == "worker-gedood":
                for keer in range(3):
                    workers = gunicorn_workers(self.gunicorn_pid)
                    if workers:
                        os.kill(workers[0], signal.SIGKILL)
                        self._log(f"worker {workers[0]} gedood")
                    time.sleep(self.fase_duur / 3 if keer < 2 else 0)
            elif fase == "smtp-weg":
                self.postvak.uit()
                self._log("mailserver uit")
            elif fase == "redis-weg":
                self._redis_weg(begin)
            elif fase == "media-alleen-lezen":
                self.mediamap.alleen_lezen()
                self._log("mediamap alleen-lezen")
            time.sleep(max(0.0, begin + self.fase_duur - time.time()))
            if fase == "smtp-weg":
                self.postvak.aan()
                self._log("mailserver weer aan")
            elif fase == "media-alleen-lezen":
                self.mediamap.beschrijfbaar()
                self._log("mediamap weer beschrijfbaar")
            self.grenzen[fase] = (begin, time.time())

    def _redis_weg(self, begin):
        """Redis stopped; a café renamed meanwhile; Redis back (empty) half-way.

        The agenda is cached before; the new name must show during the outage
        (from the database) and after Redis is back, the old one never again.
        """
        oud, hernoem = self.cafe
        nieuw = "Belastingproef tijdens Redis-storing"
        for _ in range(2):
            self._agenda()  # now in Redis
        self.redis.stop()
        self._log("Redis gestopt")
        hernoem(nieuw)
        tijdens = self._agenda()
        time.sleep(max(0.0, begin + self.fase_duur / 2 - time.time()))
        self.redis.start()
        self._log("Redis weer gestart (leeg)")
        na = [self._agenda() for _ in range(2)]  # the second from Redis again
        controle = self.controles["redis-weg"]
        controle["vers tijdens storing"] = nieuw in tijdens and oud not in tijdens
        controle["vers na terugkeer"] = all(nieuw in pagina and oud not in pagina for pagina in na)


def _fase_van(grenzen, moment):
    for fase, (begin, eind) in grenzen.items():
        if begin <= moment < eind:
            return fase
    return None


def _tijd_uit_log(regel):
    begin, eind = regel.find("["), regel.find("]")
    if begin < 0 or eind < begin:
        return None
    try:
        return datetime.strptime(regel[begin + 1 : eind], "%d/%b/%Y:%H:%M:%S %z").timestamp()
    except ValueError:
        return None


def per_fase(grenzen, gunicorn_log, gemeld, opgeslagen):
    """The table: per phase requests, failures by kind, writes confirmed and found once."""
    tabel = {fase: {"verzoeken": 0, "fouten": Counter(), "bevestigd": 0, "precies_een_keer": 0}
             for fase in FASEN}  # fmt: skip
    for regel in gunicorn_log.splitlines():
        if '"GET /healthz ' in regel:
            continue
        moment = _tijd_uit_log(regel)
        fase = _fase_van(grenzen, moment) if moment else None
        if fase:
            tabel[fase]["verzoeken"] += 1
    for moment, soort in gemeld.get("fouten", []):
        fase = _fase_van(grenzen, moment)
        if fase:
            tabel[fase]["fouten"][soort] += 1
    in_db = Counter(marker for markers in opgeslagen.values() for marker in markers)
    for marker, moment in gemeld.get("tijden", {}).items():
        fase = _fase_van(grenzen, moment)
        if fase:
            tabel[fase]["bevestigd"] += 1
            tabel[fase]["precies_een_keer"] += in_db[marker] == 1
    return tabel


def mails_per_aanmelding(postvak, aanmeldingen):
    """How many confirmed registrations got exactly one mail, none, or more."""
    keer = Counter(postvak.ontvangers[f"{marker}@example.org"] for marker in aanmeldingen)
    meer = sum(n for k, n in keer.items() if k > 1)
    return {"precies_een": keer[1], "geen": keer[0], "meer": meer}


def na_afloop(controles, tabel, grenzen, gemeld):
    """The checks that need the whole run: logged out during the Redis outage, and
    uploads confirmed again once the media folder was writable."""
    controles["redis-weg"]["uitgelogd"] = tabel["redis-weg"]["fouten"].get("uitgelogd", 0)
    eind = grenzen["media-alleen-lezen"][1]
    tijden = gemeld.get("tijden", {})
    controles["media-alleen-lezen"]["uploads weer bevestigd erna"] = any(
        tijden.get(marker, 0) >= eind for marker in gemeld.get("publicaties", [])
    )


def media_heel(media_root, publicaties):
    """Nothing half-written in the media folder: every stored publication of the load
    test has its whole file, and no file of the load test lies there without its row.

    `publicaties`: (title marker, stored file name, size sent) per row.
    """
    map = Path(media_root)
    zonder_bestand = sum(
        1
        for _marker, naam, grootte in publicaties
        if not (map / naam).is_file() or (map / naam).stat().st_size != grootte
    )
    bekend = {naam for _marker, naam, _grootte in publicaties}
    los = sum(
        1 for pad in (map / "publicaties").glob("load-*") if str(pad.relative_to(map)) not in bekend
    )
    return {"rij zonder heel bestand": zonder_bestand, "bestand zonder rij": los}


def _controle_tekst(controles):
    delen = []
    for naam, waarde in controles.items():
        if isinstance(waarde, bool):
            waarde = "ja" if waarde else "NEE"
        delen.append(f"{naam}: {waarde}")
    return "; ".join(delen) or "–"


def markdown(tabel, controles):
    regels = [
        "| fase | verzoeken | fouten per soort | schrijfacties bevestigd "
        "| precies één keer in de database | controles |",
        "|---|---:|---|---:|---:|---|",
    ]  # fmt: skip
    for fase, rij in tabel.items():
        fouten = ", ".join(f"{soort}: {n}" for soort, n in sorted(rij["fouten"].items())) or "0"
        regels.append(
            f"| {fase} | {rij['verzoeken']} | {fouten} | {rij['bevestigd']} | "
            f"{rij['precies_een_keer']} | {_controle_tekst(controles.get(fase, {}))} |"
        )
    return "\n".join(regels)


def controles_geslaagd(controles, tabel):
    """The phases' own checks held, and no logged-in user was sent to the login page."""
    goed = all(
        waarde is True or (not isinstance(waarde, bool) and waarde == 0)
        for per_fase in controles.values()
        for waarde in per_fase.values()
    )
    return goed and not any(rij["fouten"].get("uitgelogd") for rij in tabel.values())
