"""Research attributes (kenmerken): story attributes the researchers define
themselves (levensdomein, hulpvraag, …), and their values per story.

Values live in one table with a typed column per kind of attribute (an EAV
table with typed columns) rather than in a JSON field on the story: filters
are plain comparisons on an indexed column of the right type (a date range
compares dates, a number range numbers) that work the same on PostgreSQL and
SQLite, the matrix groups by one column, and a value's history is a plain
django-simple-history table. A choice is stored as its text in `tekst`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class KenmerkSoort(models.TextChoices):
    TEKST = "tekst", _("Tekst")
    GETAL = "getal", _("Getal")
    DATUM = "datum", _("Datum")
    JA_NEE = "ja_nee", _("Ja of nee")
    KEUZE = "keuze", _("Keuze uit een lijst")


# The column of KenmerkWaarde that holds a value of each kind.
KOLOM_VAN_SOORT = {
    KenmerkSoort.TEKST: "tekst",
    KenmerkSoort.GETAL: "getal",
    KenmerkSoort.DATUM: "datum",
    KenmerkSoort.JA_NEE: "ja_nee",
    KenmerkSoort.KEUZE: "tekst",
}


class Kenmerk(models.Model):
    """An attribute researchers give stories, with its kind and (for a
    choice) its options."""

    naam = models.CharField(_("naam"), max_length=80, unique=True)
    slug = models.SlugField(
        _("korte naam"),
        max_length=80,
        unique=True,
        help_text=_("Voor adressen en exports: kleine letters, cijfers en streepjes."),
    )
    soort = models.CharField(
        _("soort"), max_length=10, choices=KenmerkSoort.choices, default=KenmerkSoort.KEUZE
    )
    keuzes = models.JSONField(
        _("keuzes"),
        default=list,
        blank=True,
        help_text=_("Bij een keuze uit een lijst: de mogelijke waarden, in deze volgorde."),
    )
    uitleg = models.CharField(
        _("uitleg"),
        max_length=300,
        blank=True,
        help_text=_("Staat onder het veld op het verhaalformulier."),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=100)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kenmerk")
        verbose_name_plural = _("kenmerken")
        ordering = ["volgorde", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=KenmerkSoort.values), name="verhalen_kenmerk_soort_geldig"
            ),
        ]

    def __str__(self):
        return self.naam

    def clean(self):
        if self.soort == KenmerkSoort.KEUZE and not self.keuzes:
            raise ValidationError({"keuzes": _("Geef minstens één keuze op.")}, code="keuzes_leeg")
        if self.soort != KenmerkSoort.KEUZE:
            self.keuzes = []

    @property
    def kolom(self):
        """The column of KenmerkWaarde that holds this attribute's values."""
        return KOLOM_VAN_SOORT[self.soort]


class KenmerkWaarde(models.Model):
    """The value of one attribute for one story, in the column of its kind."""

    verhaal = models.ForeignKey(
        "verhalen.Verhaal",
        verbose_name=_("verhaal"),
        on_delete=models.CASCADE,
        related_name="kenmerkwaarden",
    )
    kenmerk = models.ForeignKey(
        Kenmerk, verbose_name=_("kenmerk"), on_delete=models.CASCADE, related_name="waarden"
    )
    tekst = models.CharField(_("tekst"), max_length=300, blank=True)
    getal = models.DecimalField(_("getal"), max_digits=15, decimal_places=4, null=True, blank=True)
    datum = models.DateField(_("datum"), null=True, blank=True)
    ja_nee = models.BooleanField(_("ja of nee"), null=True, blank=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("waarde van een kenmerk")
        verbose_name_plural = _("waarden van kenmerken")
        ordering = ["kenmerk__volgorde", "kenmerk__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["verhaal", "kenmerk"], name="verhalen_kenmerkwaarde_uniek"
            ),
        ]
        indexes = [
            models.Index(fields=["kenmerk", "tekst"], name="kenmerkwaarde_tekst"),
            models.Index(fields=["kenmerk", "getal"], name="kenmerkwaarde_getal"),
            models.Index(fields=["kenmerk", "datum"], name="kenmerkwaarde_datum"),
            models.Index(fields=["kenmerk", "ja_nee"], name="kenmerkwaarde_ja_nee"),
        ]

    def __str__(self):
        return f"{self.kenmerk}: {self.weergave}"

    @property
    def waarde(self):
        return getattr(self, self.kenmerk.kolom)

    @property
    def weergave(self):
        """The value as a person reads it (Dutch yes/no, dd-mm-jjjj)."""
        return weergave(self.kenmerk.soort, self.waarde)


def weergave(soort, waarde):
    if waarde is None or waarde == "":
        return ""
    if soort == KenmerkSoort.JA_NEE:
        return "ja" if waarde else "nee"
    if soort == KenmerkSoort.DATUM:
        return f"{waarde:%d-%m-%Y}"
    if soort == KenmerkSoort.GETAL:
        return format(waarde.normalize(), "f") if hasattr(waarde, "normalize") else str(waarde)
    return str(waarde)
