"""Backup and restore with django-dbbackup (`make backup`, `make restore`).

A real round trip through `manage.py`, as an operator runs it, on a scratch
database of the kind under test (a SQLite file, or a PostgreSQL database made
for the test): fill it, back up its rows and uploaded files, then delete and
change rows and files, restore, and find every row and every file as it was.
The steps that need the ORM run in `manage.py shell` (tests/carelab/backup_stappen.py).
"""

import json
import os
import shutil
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def kladdatabase(tmp_path):
    """A DATABASE_URL for an empty database of the kind the suite runs on."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'klad.sqlite3'}"
        return
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        if os.environ.get("CI"):
            pytest.fail("pg_dump/pg_restore missing: CI must install PostgreSQL's client tools")
        pytest.skip("pg_dump/pg_restore not installed")
    db = settings.DATABASES["default"]
    naam = f"backup_{uuid.uuid4().hex[:12]}"
    server = psycopg2.connect(
        dbname="postgres",
        user=db["USER"],
        password=db["PASSWORD"],
        host=db["HOST"],
        port=db["PORT"],
    )
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{naam}"')
    try:
        yield f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{naam}"
    finally:
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        server.close()


@pytest.fixture
def manage(kladdatabase, tmp_path):
    """Run manage.py in a subprocess on the scratch database, media and backup folders."""
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "carelab.settings",
        "DATABASE_URL": kladdatabase,
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_BACKUP_DIR": str(tmp_path / "backups"),
    }

    def run(*args):
        proces = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert proces.returncode == 0, f"manage.py {' '.join(args)}:\n{proces.stderr}"
        return proces.stdout

    def stap(functie, *args):
        argumenten = ", ".join(repr(str(a)) for a in args)
        code = f"from tests.carelab import backup_stappen; backup_stappen.{functie}({argumenten})"
        return run("shell", "--verbosity", "0", "-c", code)

    run.stap = stap
    return run


def rijen(pad):
    return {(rij["model"], rij["pk"]): rij["fields"] for rij in json.loads(pad.read_text())}


def bestanden(map_):
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in map_.rglob("*") if p.is_file()}


def test_restore_brings_back_every_row_and_file_after_deletes_and_changes(manage, tmp_path):
    manage("migrate", "--noinput", "-v0")
    manage.stap("vul")
    manage.stap("momentopname", tmp_path / "voor.json")
    media = tmp_path / "media"
    bestanden_voor = bestanden(media)

    manage("dbbackup", "--compress")
    manage("mediabackup", "--compress")
    # Special categories of personal data: the backups are for their owner only.
    backups = tmp_path / "backups"
    assert stat.S_IMODE(backups.stat().st_mode) == 0o700
    assert len(list(backups.iterdir())) == 3  # database, its metadata, files
    for archief in backups.iterdir():
        assert stat.S_IMODE(archief.stat().st_mode) == 0o600, archief.name
    manage.stap("wijzig")
    manage.stap("momentopname", tmp_path / "gewijzigd.json")
    manage("dbrestore", "--noinput", "--uncompress")
    manage("mediarestore", "--noinput", "--uncompress", "--replace")
    manage.stap("momentopname", tmp_path / "na.json")

    voor, gewijzigd, na = (rijen(tmp_path / f"{n}.json") for n in ("voor", "gewijzigd", "na"))
    # The changes were real, and every app had rows in the backup ...
    assert gewijzigd != voor
    modellen = {model for model, _ in voor}
    assert {
        "verhalen.verhaal",
        "verhalen.fragment",
        "verhalen.historicalverhaal",
        "verhalen.collectieitem",
        "verhalen.reflectie",
        "projecten.publicatie",
        "kenniscafes.aanmelding",
        "kenniscafes.bijlage",
        "otp_totp.totpdevice",
        "otp_static.statictoken",
        "auth.user",
    } <= modellen
    # ... and after the restore every row is as it was, field by field.
    assert na == voor
    assert bestanden(media) == bestanden_voor
    assert [Path(naam).name for naam in sorted(bestanden_voor)] == ["dias.pdf", "rapport.pdf"]

    # New rows get keys that do not clash with the restored ones.
    na_herstel = json.loads(manage.stap("na_herstel"))
    assert ("verhalen.verhaal", na_herstel["nieuw_verhaal"]) not in voor
    # Live login keys stay out of a PostgreSQL dump (SQLite's copy is the whole file).
    assert na_herstel["sessies"] == (1 if connection.vendor == "sqlite" else 0)
