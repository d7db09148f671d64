"""Faults during writes, on PostgreSQL: a worker killed in the middle of a story
save, and the database connection cut under a running site.

A real second process saves a story through the service while this test holds
a lock on the story's history table, so the save stops half-way (story row
written, history not yet); then the process is killed (SIGKILL, as the OOM
killer or a gunicorn timeout would) — the story must be saved whole or not at
all.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection, connections, transaction

from tests.gelijktijdig import ALLEEN_POSTGRES
from verhalen.models import Verhaal

pytestmark = ALLEEN_POSTGRES

ROOT = Path(__file__).resolve().parents[2]

OPSLAAN = """
import sys

import django

django.setup()
from django.contrib.auth import get_user_model

from verhalen.services.verhalen import maak_verhaal

maak_verhaal(
    gegevens={
        "titel": sys.argv[2],
        "tekst": "Verzonnen voorbeeld. " * 200,
        "samenvatting": "",
        "verteller_type": "bewoner",
        "pseudoniem": "Bewoner uit Zuid",
        "gemeente": "rotterdam",
        "verzamelwijze": "interview",
        "toestemming": "onderzoek",
        "trefwoorden": ["storing"],
    },
    door=get_user_model().objects.get(username=sys.argv[1]),
)
print("opgeslagen", flush=True)
"""


def _omgeving():
    """This test database, for another process, with the test settings."""
    instellingen = connection.settings_dict
    url = (
        f"postgres://{instellingen['USER']}:{instellingen['PASSWORD']}@{instellingen['HOST']}:"
        f"{instellingen['PORT']}/{instellingen['NAME']}"
    )
    return {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "carelab.settings_test"}


def _opslaan_in_ander_proces(gebruiker, titel):
    env = _omgeving()
    return subprocess.Popen(
        [sys.executable, "-c", OPSLAAN, gebruiker.username, titel],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wacht_tot_een_ander_wacht(proces, seconden=60):
    """Until another backend waits for a lock; a second connection looks."""
    kijker = connections.create_connection("default")
    try:
        with kijker.cursor() as cursor:
            einde = time.monotonic() + seconden
            while time.monotonic() < einde:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND datname = current_database()"
                )
                if cursor.fetchone()[0]:
                    return
                if proces.poll() is not None:
                    raise AssertionError(proces.communicate()[1])
                time.sleep(0.1)
    finally:
        kijker.close()
    raise AssertionError("het andere proces kwam niet bij de historie")


@pytest.mark.parametrize("gestopt", [True, False])
def test_a_worker_killed_during_a_story_save_leaves_the_story_whole_or_absent(onderzoeker, gestopt):
    titel = f"Storingsproef {gestopt}"
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("LOCK TABLE verhalen_historicalverhaal IN ACCESS EXCLUSIVE MODE")
        proces = _opslaan_in_ander_proces(onderzoeker, titel)
        # The story row is written in its transaction, the history row not yet.
        _wacht_tot_een_ander_wacht(proces)
        if gestopt:
            proces.send_signal(signal.SIGKILL)
            proces.communicate(timeout=30)
    # The lock is released here; a killed process's transaction is rolled back.
    if gestopt:
        assert proces.returncode == -signal.SIGKILL
        time.sleep(0.5)  # the server notices the closed connection
        assert not Verhaal.objects.filter(titel=titel).exists()
    else:
        uitvoer, fouten = proces.communicate(timeout=60)
        assert uitvoer.strip() == "opgeslagen", fouten
        verhaal = Verhaal.objects.get(titel=titel)
        assert [t.name for t in verhaal.trefwoorden.all()] == ["storing"]
        assert [r.history_type for r in verhaal.history.all()] == ["+"]


def _vrije_poort():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthz(basis):
    try:
        with urllib.request.urlopen(f"{basis}/healthz", timeout=10) as antwoord:
            return antwoord.status
    except urllib.error.HTTPError as fout:
        return fout.code
    except OSError:
        return None


@pytest.fixture
def gunicorn():
    """The site in gunicorn (one sync worker, as in production) on the test database."""
    poort = _vrije_poort()
    proces = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "carelab.wsgi",
            "--bind",
            f"127.0.0.1:{poort}",
            "--workers",
            "1",
            "--no-control-socket",
        ],
        cwd=ROOT,
        env=_omgeving(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    basis = f"http://127.0.0.1:{poort}"
    einde = time.monotonic() + 60
    while _healthz(basis) is None and time.monotonic() < einde:
        time.sleep(0.2)
    yield basis
    proces.terminate()
    proces.wait(timeout=30)


def test_dropped_database_connections_are_replaced_on_the_next_request(gunicorn):
    # As after a PostgreSQL restart: the server ended the site's connections.
    # Django checks a kept connection before a request uses it
    # (CONN_HEALTH_CHECKS) and opens a new one: the next request works without
    # restarting gunicorn.
    assert _healthz(gunicorn) == 200
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        # The worker's kept connection, and any an earlier test left open.
        assert cursor.fetchone()[0] >= 1
    assert [_healthz(gunicorn) for _ in range(3)] == [200, 200, 200]
