"""Rebuild the stored counts (codebook, theme hubs, collections, story list)."""

import time

from django.core.management.base import BaseCommand

from verhalen.services import tellingen


class Command(BaseCommand):
    help = "Telt alle opgeslagen aantallen opnieuw uit de gegevens (codeboek, thema's, collecties)."

    def handle(self, *args, **options):
        begin = time.monotonic()
        tellingen.herbereken()
        self.stdout.write(f"Tellingen opnieuw berekend in {time.monotonic() - begin:.1f} s.")
