"""Build the benchmark dataset of one scale into its own database (see bench/dataset.py)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench.database import controleer_bench_database, parse_schaal
from bench.dataset import bouw_dataset, lees_marker, schrijf_marker
from verhalen.models import Verhaal


class Command(BaseCommand):
    help = "Bouw de synthetische dataset van de benchmark (alleen in een benchmarkdatabase)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--scale", required=True, help="1k, 10k, 100k of een aantal verhalen")
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, scale, seed, **options):
        naam, aantal = parse_schaal(scale)
        try:
            controleer_bench_database(connection.settings_dict)
        except Exception as fout:
            raise CommandError(str(fout)) from fout
        marker = lees_marker()
        if marker is not None:
            if marker["verhalen"] != aantal:
                raise CommandError(
                    f"Deze database bevat een dataset van {marker['verhalen']} verhalen; "
                    "gebruik --rebuild."
                )
            self.stdout.write(
                f"Dataset {naam} bestaat al ({marker['verhalen']} verhalen, gebouwd "
                f"{marker['gebouwd_op']} in {marker['seconden']} s); hergebruikt."
            )
            return
        if Verhaal.objects.exists():
            raise CommandError(
                "Deze benchmarkdatabase bevat verhalen maar geen afgeronde dataset "
                "(afgebroken bouw?); gebruik --rebuild."
            )
        database = connection.settings_dict["NAME"]
        self.stdout.write(f"Dataset {naam} bouwen: {aantal} verhalen in {database}")
        gegevens = bouw_dataset(aantal, seed=seed, uitvoer=self.stdout.write)
        schrijf_marker(gegevens)
        for model, telling in gegevens["tellingen"].items():
            self.stdout.write(f"  {model:<28} {telling:>10}")
        self.stdout.write(f"Bouwen duurde {gegevens['seconden']:.0f} s.")
