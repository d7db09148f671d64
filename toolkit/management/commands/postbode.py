import contextlib

from django.core.management.base import BaseCommand

from toolkit.postbode import Postbode


class Command(BaseCommand):
    help = (
        "Verstuurt de mail uit het postvak (django-mailer) en blijft draaien; uitgestelde "
        "mail gaat na 1, 2, 4 … minuten opnieuw (toolkit/postbode.py)."
    )

    def handle(self, *args, **options):
        self.stdout.write("Postbode gestart: verstuurt de mail uit het postvak (Ctrl-C stopt).")
        with contextlib.suppress(KeyboardInterrupt):
            Postbode().loop()
