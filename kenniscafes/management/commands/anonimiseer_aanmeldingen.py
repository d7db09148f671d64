import calendar

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kenniscafes import services
from kenniscafes.models import Aanmelding


def maanden_terug(moment, maanden):
    """The same day and time `maanden` months earlier (the last day of a shorter month)."""
    maand_index = moment.year * 12 + (moment.month - 1) - maanden
    jaar, maand = divmod(maand_index, 12)
    maand += 1
    dagen_in_maand = calendar.monthrange(jaar, maand)[1]
    return moment.replace(year=jaar, month=maand, day=min(moment.day, dagen_in_maand))


class Command(BaseCommand):
    help = (
        "Wist naam, e-mailadres, rol, wensen en mailtoestemming van aanmeldingen voor "
        "activiteiten die langer dan KENNISCAFE_ANONIMISEREN_NA_MAANDEN maanden (standaard 12) "
        "geleden zijn afgelopen. Organisatie, soort deelnemer, status en aanwezigheid blijven "
        "bewaard voor de cijfers. Draai dit dagelijks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--maanden",
            type=int,
            default=None,
            help="Aantal maanden na het kenniscafé (anders de instelling).",
        )
        parser.add_argument(
            "--proef",
            action="store_true",
            help="Alleen tellen wat er geanonimiseerd zou worden; niets wijzigen.",
        )

    def handle(self, *args, maanden=None, proef=False, **options):
        if maanden is None:
            maanden = settings.KENNISCAFE_ANONIMISEREN_NA_MAANDEN
        if maanden < 0:
            raise CommandError("Het aantal maanden kan niet negatief zijn.")
        grens = maanden_terug(timezone.localtime(), maanden)
        if proef:
            aantal = Aanmelding.objects.te_anonimiseren(grens).count()
            self.stdout.write(
                f"{aantal} aanmeldingen van kenniscafés van vóór {grens:%d-%m-%Y} "
                "zouden worden geanonimiseerd (proef: niets gewijzigd)."
            )
            return
        aantal = services.anonimiseer_aanmeldingen(voor=grens)
        self.stdout.write(
            self.style.SUCCESS(
                f"{aantal} aanmeldingen van kenniscafés van vóór {grens:%d-%m-%Y} geanonimiseerd."
            )
        )
