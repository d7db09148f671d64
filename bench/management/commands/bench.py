"""`make bench`: build (or reuse) the dataset of each scale, measure, print the tables.

Each scale runs in sub-processes with BENCH_SCALE set, so bench/settings.py
points them at that scale's own database: `migrate`, `bench_dataset`
(builds only when the database holds no finished dataset, or with
--rebuild), `bench_meet` (gunicorn + test client). This process itself
never opens a database connection.

    python manage.py bench --settings=bench.settings [--scale 100k]
    python manage.py bench --settings=bench.settings --compare 1k,100k
"""

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench import rapport
from bench.database import bench_database, is_postgres, maak_database, parse_schaal
from bench.meten import PoortBezet, controleer_poort_vrij


class Command(BaseCommand):
    help = "Benchmark: bouw de dataset, meet de pagina's en druk de tabel af (issue 7)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            help="1k, 10k, 100k of een aantal verhalen (standaard 100k op PostgreSQL, "
            "10k op SQLite)",
        )
        parser.add_argument("--compare", help="twee schalen, bijvoorbeeld 1k,100k")
        parser.add_argument("--rebuild", action="store_true", help="bouw de dataset opnieuw")
        parser.add_argument("--requests", type=int, default=30, help="metingen per pagina (steeds)")
        parser.add_argument(
            "--requests-after-write",
            type=int,
            default=10,
            help="metingen per pagina na elke soort schrijven",
        )
        parser.add_argument(
            "--max-seconds", type=float, default=30.0, help="meettijd per pagina (ten hoogste)"
        )
        parser.add_argument("--export-runs", type=int, default=3, help="0: export niet meten")
        parser.add_argument(
            "--export-max-seconds",
            type=float,
            default=900.0,
            help="breek een export-download af na zoveel seconden",
        )
        parser.add_argument(
            "--rounds",
            type=int,
            default=1,
            help="meet zo vaak (schalen om en om) en voeg de tijden samen",
        )
        parser.add_argument("--port", type=int, default=8101)
        parser.add_argument("--json", help="schrijf de uitkomsten ook als JSON hierheen")

    def handle(self, *args, **opties):
        if os.environ.get("BENCH_SCALE"):
            raise CommandError("Start `bench` zonder BENCH_SCALE; het kiest zelf de database.")
        server = settings.DATABASES["default"]
        try:
            controleer_poort_vrij(opties["port"])
        except PoortBezet as fout:
            raise CommandError(str(fout)) from fout
        if opties["compare"]:
            schalen = [s.strip() for s in opties["compare"].split(",") if s.strip()]
            if len(schalen) != 2:
                raise CommandError("--compare verwacht twee schalen, bijvoorbeeld 1k,100k.")
        else:
            schalen = [opties["scale"] or ("100k" if is_postgres(server) else "10k")]
        try:
            schalen = [parse_schaal(s)[0] for s in schalen]
        except ValueError as fout:
            raise CommandError(str(fout)) from fout

        self._kop(server)
        for schaal in schalen:
            self._bereid_voor(schaal, server, opties)
        # Rounds alternate between the scales; the export is measured in the first.
        rondes = {schaal: [] for schaal in schalen}
        for ronde in range(opties["rounds"]):
            for schaal in schalen:
                if opties["rounds"] > 1:
                    self.stdout.write(f"-- ronde {ronde + 1} van {opties['rounds']}: {schaal}")
                rondes[schaal].append(self._meet(schaal, opties, export=ronde == 0))
        uitkomsten = []
        for schaal in schalen:
            uitkomsten.append(rapport.samenvoegen(rondes[schaal]))
            self.stdout.write("")
            self.stdout.write(f"== {schaal} ({uitkomsten[-1]['verhalen']} verhalen) ==")
            self.stdout.write(rapport.tabel(uitkomsten[-1]))
            self.stdout.write("")

        klein = uitkomsten[0] if len(uitkomsten) == 2 else None
        groot = uitkomsten[-1]
        if klein:
            self.stdout.write(f"== groei {klein['schaal']} -> {groot['schaal']} ==")
            self.stdout.write(rapport.groei_tabel(klein, groot))
            self.stdout.write("")
        self.stdout.write(f"== doelen van issue 14 (bij {groot['schaal']}) ==")
        self.stdout.write(rapport.doelen_tabel(groot, klein))
        if groot["verhalen"] < 100_000 or not is_postgres(server):
            self.stdout.write(
                "(De doelen gelden voor PostgreSQL bij 100 000 verhalen; dit is een kleinere "
                "of andere opstelling.)"
            )
        if opties["json"]:
            with open(opties["json"], "w") as bestand:
                json.dump(uitkomsten, bestand, indent=1, default=str)

    def _kop(self, server):
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
        ).stdout.strip()
        cpu = ""
        try:
            with open("/proc/cpuinfo") as cpuinfo:
                cpu = next(
                    (r.split(":", 1)[1].strip() for r in cpuinfo if r.startswith("model name")), ""
                )
        except OSError:
            pass
        self.stdout.write(
            f"Benchmark {datetime.now(tz=UTC):%Y-%m-%d %H:%M} UTC, commit {commit or '?'}, "
            f"{settings.BASE_DIR}"
        )
        self.stdout.write(
            f"Machine: {os.cpu_count()} cores ({cpu or platform.processor()}), "
            f"Python {platform.python_version()}, database {server['ENGINE'].rsplit('.', 1)[-1]} "
            f"op {server.get('HOST') or server['NAME']}"
            + (f":{server['PORT']}" if server.get("PORT") else "")
            + f"; cache {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}"
        )
        self.stdout.write(
            "HTTP: gunicorn, 1 gthread-worker, keep-alive, DEBUG uit; tijden in ms; "
            "sql = de eigen SQL-tijd van de pagina in hetzelfde verzoek (Server-Timing); "
            "'steeds' = nog eens gevraagd, 'na_<soort>' = eerste weergave na een echte "
            "schrijfactie via de services (bench/schrijven.py)."
        )

    def _manage(self, schaal, *argumenten):
        """`manage.py` with this scale's own database (BENCH_SCALE)."""
        omgeving = {**os.environ, "BENCH_SCALE": schaal, "DJANGO_SETTINGS_MODULE": "bench.settings"}
        self.stdout.flush()
        proces = subprocess.run(
            [sys.executable, str(settings.BASE_DIR / "manage.py"), *argumenten],
            cwd=settings.BASE_DIR,
            env=omgeving,
        )
        if proces.returncode:
            raise CommandError(f"`manage.py {' '.join(argumenten)}` mislukte ({schaal}).")

    def _bereid_voor(self, schaal, server, opties):
        doel = bench_database(server, schaal)
        maak_database(doel, server_db=server["NAME"], opnieuw=opties["rebuild"])
        self.stdout.write(f"-- {schaal}: database {doel['NAME']}")
        begin = time.monotonic()
        self._manage(schaal, "migrate", "--noinput", "-v", "0")
        self._manage(schaal, "collectstatic", "--noinput", "-v", "0")
        self._manage(schaal, "bench_dataset", "--scale", schaal)
        self.stdout.write(f"   database klaar in {time.monotonic() - begin:.0f} s")

    def _meet(self, schaal, opties, *, export):
        with tempfile.NamedTemporaryFile(suffix=".json") as bestand:
            self._manage(
                schaal,
                "bench_meet",
                "--scale",
                schaal,
                "--json",
                bestand.name,
                "--port",
                str(opties["port"]),
                "--requests",
                str(opties["requests"]),
                "--max-seconds",
                str(opties["max_seconds"]),
                "--export-runs",
                str(opties["export_runs"] if export else 0),
                "--export-max-seconds",
                str(opties["export_max_seconds"]),
                "--requests-after-write",
                str(opties["requests_after_write"]),
            )
            with open(bestand.name) as invoer:
                return json.load(invoer)
