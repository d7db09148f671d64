"""Faults during the load test (`make loadtest-storingen`, `python -m loadtest.run --storingen`).

The run gets its own PostgreSQL cluster in a temporary folder on a free port
(never a shared server: it is restarted on purpose), a local SMTP server
(aiosmtpd) that the postman (`manage.py postbode`) sends the registrations'
mails to, and splits its time into equal phases, one per fault:

    rustig              nothing wrong (the baseline)
    postgres-herstart   PostgreSQL restarted (pg_ctl restart -m fast) at the phase's start
    worker-gedood       a gunicorn worker killed (SIGKILL) three times in the phase
    smtp-weg            the mail server down for the whole phase

Per phase it reports the requests gunicorn answered, the failed requests by
kind (HTTP status, or the client's exception), the writes confirmed to the
clients and how many of those are in the database exactly once; and at the
end whether every confirmed registration's mail arrived exactly once.
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

FASEN = ("rustig", "postgres-herstart", "worker-gedood", "smtp-weg")


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
    """Runs the phases beside locust; `grenzen` holds each phase's (start, end)."""

    def __init__(self, *, duur, postgres, postvak, gunicorn_pid):
        super().__init__(daemon=True)
        self.fase_duur = duur / len(FASEN)
        self.postgres, self.postvak, self.gunicorn_pid = postgres, postvak, gunicorn_pid
        self.grenzen = {}
        self.gebeurtenissen = []

    def _log(self, tekst):
        self.gebeurtenissen.append((time.time(), tekst))
        print(f"   [{time.strftime('%H:%M:%S')}] {tekst}", flush=True)

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
            time.sleep(max(0.0, begin + self.fase_duur - time.time()))
            if fase == "smtp-weg":
                self.postvak.aan()
                self._log("mailserver weer aan")
            self.grenzen[fase] = (begin, time.time())


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


def markdown(tabel):
    regels = [
        "| fase | verzoeken | fouten per soort | schrijfacties bevestigd "
        "| precies één keer in de database |",
        "|---|---:|---|---:|---:|",
    ]  # fmt: skip
    for fase, rij in tabel.items():
        fouten = ", ".join(f"{soort}: {n}" for soort, n in sorted(rij["fouten"].items())) or "0"
        regels.append(
            f"| {fase} | {rij['verzoeken']} | {fouten} | {rij['bevestigd']} | "
            f"{rij['precies_een_keer']} |"
        )
    return "\n".join(regels)
