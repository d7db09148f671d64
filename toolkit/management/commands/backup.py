from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from carelab.backup import BackupFout, maak_backup


class Command(BaseCommand):
    help = (
        "Schrijft een volledige, draagbare backup: alle rijen van alle tabellen (JSON Lines) "
        "en alle geüploade bestanden, met een manifest (aantallen en sha256), in één .tar.gz."
    )

    def add_arguments(self, parser):
        parser.add_argument("archief", type=Path, help="pad van het archief, bv. backup.tar.gz")
        parser.add_argument("--database", default="default", help="database-alias")

    def handle(self, *args, archief, database, **options):
        if archief.exists():
            raise CommandError(f"{archief} bestaat al; kies een nieuwe naam.")
        try:
            resultaat = maak_backup(doel=archief, using=database)
        except BackupFout as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup geschreven naar {archief}: {resultaat.totaal_rijen} rijen uit "
                f"{len(resultaat.rijen)} tabellen en {len(resultaat.bestanden)} bestanden."
            )
        )
