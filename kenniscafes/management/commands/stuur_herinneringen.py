from django.conf import settings
from django.core.management.base import BaseCommand

from kenniscafes import services


class Command(BaseCommand):
    help = (
        "Stuurt aangemelde mensen een herinnering, het ingestelde aantal dagen voor de "
        "activiteit (standaard KENNISCAFE_HERINNERING_DAGEN). Veilig om elke paar minuten te "
        "draaien, ook twee keer tegelijk: niemand krijgt de herinnering twee keer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--basis-url",
            default=settings.SITE_URL,
            help="Het adres van de site voor de links in de e-mail (standaard SITE_URL).",
        )

    def handle(self, *args, basis_url, **options):
        aantal = services.stuur_herinneringen(basis_url=basis_url.rstrip("/"))
        self.stdout.write(f"{aantal} herinneringen verstuurd.")
