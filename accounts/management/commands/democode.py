from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from accounts.demo import DEMO_ACCOUNTS
from accounts.tweestaps.services import app_van


class Command(BaseCommand):
    help = (
        "Toont de code van nu voor de tweede stap van een demo-account (onderzoeker of "
        "beheerder). Werkt alleen in demo-modus (DJANGO_DEBUG=1) en alleen voor demo-accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam", choices=[naam for naam, *_ in DEMO_ACCOUNTS])

    def handle(self, *args, gebruikersnaam, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Dit kan alleen in demo-modus (DJANGO_DEBUG=1).")
        user = get_user_model().objects.filter(username=gebruikersnaam).first()
        device = app_van(user) if user else None
        if device is None:
            raise CommandError(
                f"{gebruikersnaam} heeft geen authenticator-app. Alleen onderzoeker en "
                "beheerder krijgen er een van `manage.py demo`."
            )
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        over = device.step - int(totp.time - device.t0) % device.step
        self.stdout.write(f"{totp.token():0{device.digits}d}")
        self.stderr.write(f"(nog {over} seconden geldig; daarna: draai dit opnieuw)")
