"""Which database a benchmark scale lives in, and the guard that keeps it there."""

import re
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
SQLITE_DIR = BASE_DIR / "var" / "bench"
PG_PREFIX = "verhalenbank_bench_"

SCHALEN = {"1k": 1_000, "10k": 10_000, "100k": 100_000}


def parse_schaal(tekst):
    """'1k', '10k', '100k' or a plain number of stories -> (name, number)."""
    tekst = str(tekst).strip().lower()
    if tekst in SCHALEN:
        return tekst, SCHALEN[tekst]
    match = re.fullmatch(r"(\d+)(k?)", tekst)
    if not match or int(match.group(1)) < 1:
        raise ValueError(f"Onbekende schaal {tekst!r}: gebruik 1k, 10k, 100k of een getal.")
    aantal = int(match.group(1)) * (1000 if match.group(2) else 1)
    return tekst, aantal


def is_postgres(settings_dict):
    return "postgresql" in settings_dict["ENGINE"]


def bench_database(settings_dict, schaal):
    """A copy of `settings_dict` pointing at the benchmark database of `schaal`."""
    naam, _ = parse_schaal(schaal)
    nieuw = {**settings_dict, "OPTIONS": dict(settings_dict.get("OPTIONS", {}))}
    if is_postgres(settings_dict):
        nieuw["NAME"] = f"{PG_PREFIX}{naam}"
    elif "sqlite3" in settings_dict["ENGINE"]:
        nieuw["NAME"] = str(SQLITE_DIR / f"{naam}.sqlite3")
    else:
        raise ImproperlyConfigured("De benchmark draait op PostgreSQL of SQLite.")
    return nieuw


def is_bench_database(settings_dict):
    """True only for a database whose name marks it as a benchmark database."""
    naam = str(settings_dict.get("NAME") or "")
    if is_postgres(settings_dict):
        return naam.startswith(PG_PREFIX)
    pad = Path(naam)
    return pad.parent.name == "bench" and pad.suffix == ".sqlite3"


def controleer_bench_database(settings_dict):
    """Refuse to write anywhere but a benchmark database (never demo or production)."""
    if not is_bench_database(settings_dict):
        raise ImproperlyConfigured(
            f"Database {settings_dict.get('NAME')!r} is geen benchmarkdatabase "
            f"(PostgreSQL: {PG_PREFIX}<schaal>; SQLite: var/bench/<schaal>.sqlite3). "
            "Start de benchmark met `manage.py bench` of zet BENCH_SCALE."
        )


def maak_database(settings_dict, *, server_db="postgres", opnieuw=False):
    """Create (or with `opnieuw` drop and create) the benchmark database itself.

    PostgreSQL: connects to `server_db` on the same server (the database
    DATABASE_URL names, e.g. `postgres`) and runs CREATE DATABASE. SQLite:
    makes var/bench/ and removes the file when `opnieuw`.
    """
    controleer_bench_database(settings_dict)
    if not is_postgres(settings_dict):
        pad = Path(settings_dict["NAME"])
        pad.parent.mkdir(parents=True, exist_ok=True)
        if opnieuw:
            for bestand in pad.parent.glob(pad.name + "*"):
                bestand.unlink()
        return
    import psycopg2
    from psycopg2 import sql

    verbinding = psycopg2.connect(
        dbname=server_db,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
    )
    verbinding.autocommit = True
    try:
        with verbinding.cursor() as cursor:
            naam = settings_dict["NAME"]
            if opnieuw:
                cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(naam)))
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam])
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(naam)))
    finally:
        verbinding.close()
