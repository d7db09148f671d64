from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from verhalen.models import Inzage
from verhalen.services import inzage


class Command(BaseCommand):
    help = (
        "Verwijdert regels uit het inzagelog (wie verhalen bekeek of exporteerde) die ouder "
        "zijn dan INZAGELOG_BEWAARTERMIJN_DAGEN dagen (standaard 730, twee jaar). "
        "Draai dit dagelijks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dagen",
            type=int,
            default=None,
            help="Bewaartermijn in dagen (anders de instelling).",
        )
        parser.add_argument(
            "--proef",
            action="store_true",
            help="Alleen tellen wat er verwijderd zou worden; niets wijzigen.",
        )

    def handle(self, *args, dagen=None, proef=False, **options):
        if dagen is None:
            dagen = settings.INZAGELOG_BEWAARTERMIJN_DAGEN
        if dagen < 1:
            raise CommandError("De bewaartermijn moet minstens 1 dag zijn.")
        grens = timezone.now() - timedelta(days=dagen)
        if proef:
            aantal = Inzage.objects.ouder_dan(grens).count()
            self.stdout.write(
                f"{aantal} regels van vóór {timezone.localtime(grens):%d-%m-%Y %H:%M} zouden "
                "uit het inzagelog worden verwijderd (proef: niets gewijzigd)."
            )
            return
        aantal = inzage.ruim_op(voor=grens)
        self.stdout.write(
            self.style.SUCCESS(
                f"{aantal} regels van vóór {timezone.localtime(grens):%d-%m-%Y %H:%M} "
                "uit het inzagelog verwijderd."
            )
        )
