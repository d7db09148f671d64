"""Migrations: every one reversible (or listed here with the reason), all of them
apply to an empty database, and the models have no changes without a migration.

The suite runs on SQLite and on PostgreSQL (CI), so each test runs on both.
"""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.utils import load_backend

ROOT = Path(__file__).resolve().parents[2]
PROJECT_APPS = ("carelab", "kenniscafes", "projecten", "verhalen", "adviezen")

# Migrations that cannot be undone, each with the reason. Keep this empty if
# you can: give RunPython a reverse function (or RunPython.noop, with a comment
# why doing nothing is a correct way back) and RunSQL its reverse_sql.
ONOMKEERBAAR: dict[tuple[str, str], str] = {}


def alle_migraties():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return sorted(loader.disk_migrations.items())


def test_every_migration_operation_can_be_reversed():
    onomkeerbaar = {
        (app, naam): [type(operatie).__name__ for operatie in migratie.operations]
        for (app, naam), migratie in alle_migraties()
        if not all(operatie.reversible for operatie in migratie.operations)
    }
    assert set(onomkeerbaar) == set(ONOMKEERBAAR), (
        "Migraties zonder weg terug (geef RunPython een reverse_code, RunSQL een reverse_sql, "
        f"of zet ze met een reden in ONOMKEERBAAR): {onomkeerbaar}"
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_project_apps_migrate_to_zero_and_forward_again():
    """Our apps all the way back and forward again (Django's and the libraries' own
    migrations are tested by their projects; unapplying them here would only cost time)."""
    executor = MigrationExecutor(connection)
    eindpunten = executor.loader.graph.leaf_nodes()
    tabellen_vooraf = set(connection.introspection.table_names())

    executor.migrate([(app, None) for app in PROJECT_APPS])

    # Everything of ours undone: none of our tables left, no trigger function.
    over = set(connection.introspection.table_names())
    assert {tabel for tabel in over if tabel.startswith(PROJECT_APPS)} == set()
    assert over < tabellen_vooraf
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT proname FROM pg_proc WHERE proname LIKE 'verhalen_%%'")
            assert cursor.fetchall() == []

    call_command("migrate", verbosity=0, interactive=False)

    executor = MigrationExecutor(connection)
    assert executor.migration_plan(eindpunten) == []
    # The data migrations ran again: roles, kennisagenda themes, wijken.
    from django.contrib.auth.models import Group

    from kennisagenda.models import Thema
    from projecten.models import Wijk

    assert set(Group.objects.values_list("name", flat=True)) >= {
        "onderzoeker",
        "brede_raad",
        "coordinator",
    }
    assert Thema.objects.filter(slug="maatwerk", is_kennisagenda=True).exists()
    assert Wijk.objects.exists()


def manage(*args, database_url):
    proces = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_DEBUG": "1",
            "DJANGO_SETTINGS_MODULE": "carelab.settings",
            "DATABASE_URL": database_url,
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proces.returncode == 0, f"manage.py {' '.join(args)}:\n{proces.stdout}{proces.stderr}"
    return proces


def test_all_migrations_apply_to_an_empty_sqlite_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'leeg.sqlite3'}"

    manage("migrate", "--noinput", "-v0", database_url=url)

    # Nothing left to apply (`migrate --check` fails when something is).
    manage("migrate", "--check", database_url=url)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
@pytest.mark.django_db
def test_all_migrations_apply_to_an_empty_postgresql_database():
    s = connection.settings_dict
    naam = f"{s['NAME']}_leeg"
    backend = load_backend(s["ENGINE"])
    beheer = backend.DatabaseWrapper({**s, "NAME": "postgres"}, "beheer")
    beheer.connect()
    beheer.set_autocommit(True)
    try:
        with beheer.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{naam}"')
            cursor.execute(f'CREATE DATABASE "{naam}"')
        url = f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{naam}"

        manage("migrate", "--noinput", "-v0", database_url=url)

        manage("migrate", "--check", database_url=url)
    finally:
        with beheer.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{naam}"')
        beheer.close()


@pytest.mark.django_db
def test_models_have_no_changes_without_a_migration():
    uitvoer = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=uitvoer)
    except SystemExit as einde:
        pytest.fail(f"makemigrations vindt wijzigingen zonder migratie:\n{uitvoer.getvalue()}")
        raise AssertionError from einde
