"""After a write that Django's signals did not see — SQL in psql, a queryset's
`.update()`, a data migration — make every cached public page (and cached result) stale at once
(toolkit/cache.py). Stored counts: `manage.py herbereken_tellingen`."""

from django.core.management.base import BaseCommand

from toolkit import cache

# Every name a cached page or result depends on (afhankelijk_van=… in toolkit/cache.py's callers).
VERSIES = ("themas", "kenniscafes", "collecties", "verhalen")


class Command(BaseCommand):
    help = (
        "Na een wijziging buiten Django om (SQL, .update(), een datamigratie): elke bewaarde "
        "publieke pagina wordt opnieuw gemaakt bij het volgende bezoek."
    )

    def handle(self, *args, **options):
        cache.verhoog(*VERSIES)
        self.stdout.write("Alle bewaarde publieke pagina's zijn verlopen.")
