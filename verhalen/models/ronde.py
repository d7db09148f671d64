"""Coding rounds (Coderingsronde): blind double-coding and intercoder agreement.

A researcher sets up a round: stories, the codes in play and two or more
coders. While the round is open each coder codes the round's stories and sees
only their own round codings (Rondecodering), kept apart from the normal
fragments so stored counts, the codebook, exports and fragment visibility are
untouched. A coder marks each story "klaar" (RondeKlaar); a story a coder did
not finish counts as missing data for that coder. Closing the round computes
the agreement once and stores it (`uitkomst`); settling the differences
(Beslissing) turns the agreed codings into normal fragments. The raw round
codings stay for the report.

Stories are always read through `Verhaal.objects.zichtbaar_voor(user)`, so a
withdrawn story drops out of the round; an erased story's rows go with it.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kennisagenda.models import Thema
from verhalen.models.verhaal import Verhaal


class Rondestatus(models.TextChoices):
    OPEN = "open", _("Open: er wordt gecodeerd")
    GESLOTEN = "gesloten", _("Gesloten: verschillen beslechten")
    BESLECHT = "beslecht", _("Beslecht")


class CoderingsrondeQuerySet(models.QuerySet):
    def met_lijstgegevens(self):
        return self.select_related("aangemaakt_door").prefetch_related("codeurs")


class Coderingsronde(models.Model):
    titel = models.CharField(_("titel"), max_length=200)
    toelichting = models.TextField(
        _("toelichting"), blank=True, help_text=_("Wat de codeurs moeten weten: doel, afspraken.")
    )
    verhalen = models.ManyToManyField(
        Verhaal, verbose_name=_("verhalen"), related_name="coderingsrondes"
    )
    codes = models.ManyToManyField(
        Thema, verbose_name=_("codes in deze ronde"), related_name="coderingsrondes"
    )
    codeurs = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("codeurs"), related_name="coderingsrondes"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Rondestatus, default=Rondestatus.OPEN
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgezet door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="opgezette_rondes",
    )
    aangemaakt_op = models.DateTimeField(_("opgezet op"), auto_now_add=True)
    gesloten_op = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    uitkomst = models.JSONField(
        _("overeenstemming"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Berekend bij het sluiten: eenheden, betrouwbaarheidsgegevens en maten."),
    )

    objects = CoderingsrondeQuerySet.as_manager()

    class Meta:
        verbose_name = _("coderingsronde")
        verbose_name_plural = _("coderingsrondes")
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("codeboek:ronde", args=[self.pk])

    @property
    def is_open(self):
        return self.status == Rondestatus.OPEN


class Rondecodering(models.Model):
    """One coder's coding of a stretch of a story within a round (not a Fragment).

    Has the attributes the fragment list and highlights read (start, eind,
    citaat, codes, memo, codeur, dates), so the coding workspace shows it."""

    ronde = models.ForeignKey(Coderingsronde, on_delete=models.CASCADE, related_name="coderingen")
    codeur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rondecoderingen"
    )
    verhaal = models.ForeignKey(Verhaal, on_delete=models.CASCADE, related_name="rondecoderingen")
    start = models.PositiveIntegerField(_("begin"))
    eind = models.PositiveIntegerField(_("einde"))
    citaat = models.TextField(_("citaat"), blank=True)
    codes = models.ManyToManyField(Thema, verbose_name=_("codes"), related_name="+")
    memo = models.TextField(_("memo"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    moet_herzien = False  # the fragment list asks; round codings are never re-anchored

    class Meta:
        verbose_name = _("rondecodering")
        verbose_name_plural = _("rondecoderingen")
        ordering = ["verhaal", "start", "eind", "pk"]
        indexes = [models.Index(fields=["ronde", "codeur", "verhaal"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__lt=models.F("eind")),
                name="verhalen_rondecodering_start_voor_eind",
            ),
        ]

    def __str__(self):
        return f"“{self.citaat[:57]}”"


class RondeKlaar(models.Model):
    """A coder has finished a story of a round."""

    ronde = models.ForeignKey(Coderingsronde, on_delete=models.CASCADE, related_name="klaar")
    codeur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    verhaal = models.ForeignKey(Verhaal, on_delete=models.CASCADE, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verhaal klaar in ronde")
        verbose_name_plural = _("verhalen klaar in ronde")
        constraints = [
            models.UniqueConstraint(
                fields=["ronde", "codeur", "verhaal"], name="verhalen_rondeklaar_eenmaal"
            )
        ]

    def __str__(self):
        return f"{self.verhaal_id} klaar door {self.codeur_id}"


class Keuze(models.TextChoices):
    OVERNEMEN = "overnemen", _("Versie van één codeur overgenomen")
    SAMENVOEGEN = "samenvoegen", _("Versies samengevoegd")
    VERWERPEN = "verwerpen", _("Verworpen")
    EENS = "eens", _("Overeenstemming overgenomen")


class Beslissing(models.Model):
    """The decision log of settling: what was decided for one unit and code, by whom."""

    ronde = models.ForeignKey(Coderingsronde, on_delete=models.CASCADE, related_name="beslissingen")
    code = models.ForeignKey(Thema, on_delete=models.CASCADE, related_name="+")
    verhaal = models.ForeignKey(Verhaal, on_delete=models.CASCADE, related_name="+")
    eenheid_start = models.PositiveIntegerField()
    eenheid_eind = models.PositiveIntegerField()
    keuze = models.CharField(max_length=12, choices=Keuze)
    versie_van = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("versie van"),
    )
    fragmenten = models.ManyToManyField("Fragment", blank=True, related_name="+")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("beslissing")
        verbose_name_plural = _("beslissingen")
        ordering = ["op", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ronde", "code", "verhaal", "eenheid_start"],
                name="verhalen_beslissing_eenmaal",
            )
        ]

    def __str__(self):
        return f"{self.get_keuze_display()} ({self.code_id}, teken {self.eenheid_start})"
