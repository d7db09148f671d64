"""The teller's own voice about their story: what it means to them and
whether the themes the researchers chose fit.

The teller writes these on their own page (app `vertellers`, behind the
personal code of the consent receipt); researchers read them beside the
codes. They live here, beside the story, because the story list and the
codebook filter on them ("de verteller is het oneens") and verhalen never
imports the newer apps. No history: the teller's words are theirs to change,
and they go when the story is erased (services.verhalen.wis_verhaal).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

BETEKENIS_MAX = 5000
TOELICHTING_MAX = 1000


class Betekenis(models.Model):
    """What the story is about for the teller, in their own words."""

    verhaal = models.OneToOneField(
        "verhalen.Verhaal",
        verbose_name=_("verhaal"),
        on_delete=models.CASCADE,
        related_name="betekenis_van_verteller",
    )
    tekst = models.TextField(_("betekenis volgens de verteller"), max_length=BETEKENIS_MAX)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("betekenis volgens de verteller")
        verbose_name_plural = _("betekenissen volgens vertellers")

    def __str__(self):
        return f"Betekenis bij verhaal {self.verhaal_id}"


class Oordeel(models.TextChoices):
    KLOPT = "klopt", _("Klopt")
    KLOPT_NIET = "klopt_niet", _("Klopt niet")
    MIS_IK_IETS = "mis_ik_iets", _("Ik mis iets")


# The answers that count as "the teller does not agree" in filters.
ONEENS = (Oordeel.KLOPT_NIET, Oordeel.MIS_IK_IETS)


class ThemaoordeelQuerySet(models.QuerySet):
    def oneens(self):
        return self.filter(oordeel__in=ONEENS)


class Themaoordeel(models.Model):
    """Whether a theme the researchers chose fits the story, says the teller."""

    verhaal = models.ForeignKey(
        "verhalen.Verhaal",
        verbose_name=_("verhaal"),
        on_delete=models.CASCADE,
        related_name="themaoordelen",
    )
    thema = models.ForeignKey(
        "carelab.Thema",
        verbose_name=_("thema"),
        on_delete=models.CASCADE,
        related_name="themaoordelen",
    )
    oordeel = models.CharField(_("oordeel"), max_length=20, choices=Oordeel.choices)
    toelichting = models.TextField(_("toelichting"), blank=True, max_length=TOELICHTING_MAX)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = ThemaoordeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("oordeel van de verteller over een thema")
        verbose_name_plural = _("oordelen van vertellers over thema's")
        ordering = ["thema__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["verhaal", "thema"], name="themaoordeel_uniek"),
            models.CheckConstraint(
                condition=Q(oordeel__in=Oordeel.values), name="themaoordeel_oordeel_geldig"
            ),
        ]
        indexes = [models.Index(fields=["oordeel", "verhaal"])]

    def __str__(self):
        return f"{self.get_oordeel_display()}: {self.thema_id} bij verhaal {self.verhaal_id}"
