from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from carelab.backup import BackupFout, controleer_backup, herstel_backup


class Command(BaseCommand):
    help = (
        "Zet een backup van `manage.py backup` terug in een lege database (alleen "
        "`manage.py migrate` gedraaid) en de geüploade bestanden in hun mappen; controleert "
        "daarna elk aantal en elke sha256 uit het manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archief", type=Path, help="pad van het archief")
        parser.add_argument("--database", default="default", help="database-alias")
        parser.add_argument(
            "--alleen-controleren",
            action="store_true",
            help="controleer alleen of het archief compleet en onbeschadigd is",
        )

    def handle(self, *args, archief, database, alleen_controleren, **options):
        if not archief.is_file():
            raise CommandError(f"{archief} bestaat niet.")
        try:
            if alleen_controleren:
                manifest = controleer_backup(archief=archief)
                rijen = sum(info["rijen"] for info in manifest["modellen"].values())
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Archief in orde: {rijen} rijen uit {len(manifest['modellen'])} "
                        f"tabellen en {len(manifest['bestanden'])} bestanden, gemaakt op "
                        f"{manifest['aangemaakt']}."
                    )
                )
                return
            resultaat = herstel_backup(archief=archief, using=database)
        except BackupFout as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup teruggezet: {resultaat.totaal_rijen} rijen in {len(resultaat.rijen)} "
                f"tabellen en {len(resultaat.bestanden)} bestanden; alle aantallen en "
                "controlegetallen kloppen met het manifest."
            )
        )
