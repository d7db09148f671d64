"""Measure the pages of one scale (run by `manage.py bench`; writes JSON)."""

import json

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench.database import controleer_bench_database, parse_schaal
from bench.dataset import lees_marker
from bench.meten import meet_alles


class Command(BaseCommand):
    help = "Meet de pagina's van één schaal van de benchmark (JSON naar --json)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--scale", required=True)
        parser.add_argument("--json", required=True, help="bestand voor de uitkomsten")
        parser.add_argument("--port", type=int, default=8101)
        parser.add_argument("--requests", type=int, default=30)
        parser.add_argument("--requests-after-write", type=int, default=10)
        parser.add_argument("--max-seconds", type=float, default=30.0)
        parser.add_argument("--export-runs", type=int, default=3)
        parser.add_argument("--export-max-seconds", type=float, default=900.0)

    def handle(self, *args, **opties):
        naam, aantal = parse_schaal(opties["scale"])
        controleer_bench_database(connection.settings_dict)
        marker = lees_marker()
        if marker is None or marker["verhalen"] != aantal:
            raise CommandError(f"Geen dataset van schaal {naam} in deze database.")
        # Nothing kept from an earlier run (the database cache is per database).
        cache.clear()
        self.stdout.write(f"Meten bij {naam} ({aantal} verhalen):")
        resultaat = meet_alles(
            marker["meet"],
            poort=opties["port"],
            aantal=opties["requests"],
            max_seconden=opties["max_seconds"],
            aantal_na_schrijven=opties["requests_after_write"],
            export_runs=opties["export_runs"],
            export_max_seconden=opties["export_max_seconds"],
            uitvoer=self.stdout.write,
        )
        resultaat.update(
            schaal=naam,
            verhalen=aantal,
            dataset=marker,
            database=f"{connection.vendor} {connection.Database.__name__}",
            database_versie=self._versie(),
        )
        with open(opties["json"], "w") as bestand:
            json.dump(resultaat, bestand, indent=1, default=str)

    @staticmethod
    def _versie():
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SHOW server_version")
            else:
                cursor.execute("SELECT sqlite_version()")
            return cursor.fetchone()[0]
