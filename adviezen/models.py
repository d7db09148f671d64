"""Advice (Advies) of the Brede Raad 010 to the gemeente, built on stories.

An advice has recommendations (Aanbeveling); each recommendation cites
passages of stories (Citaat: a story and a stretch of its text) and
reflections of members. A citation stores WHERE the passage is, never a copy
of its words: the quote is read from the story at every view, through the one
visibility rule (`Verhaal.objects.zichtbaar_voor(viewer)`, for the public page
the anonymous visitor). So when a teller lowers or withdraws consent, the
quote is gone from the page, the print, the PDF and the export at once.

Status: concept -> vastgesteld -> aangeboden (date, to whom) -> beantwoord
(when the gemeente answered every recommendation; see adviezen/services.py).
Every change to an advice, recommendation and answer is kept
(django-simple-history).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from kennisagenda.models import ThemaItemBase


class Status(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    AANGEBODEN = "aangeboden", _("Aangeboden")
    BEANTWOORD = "beantwoord", _("Beantwoord")


GEPUBLICEERD = (Status.AANGEBODEN, Status.BEANTWOORD)


class AdviesQuerySet(models.QuerySet):
    def gepubliceerd(self):
        """Advice that was offered to the gemeente: its public page exists."""
        return self.filter(status__in=GEPUBLICEERD)

    def leesbaar_voor(self, user):
        """Editors (view_advies) see every advice, drafts included; others the published."""
        if user.has_perm("adviezen.view_advies"):
            return self.all()
        return self.gepubliceerd()


class AdviesThema(ThemaItemBase):
    content_object = models.ForeignKey(
        "Advies", on_delete=models.CASCADE, related_name="thema_items"
    )

    class Meta(ThemaItemBase.Meta):
        verbose_name = _("thema van een advies")
        verbose_name_plural = _("thema's van adviezen")


class Advies(models.Model):
    titel = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("korte naam in de link"), max_length=200, unique=True)
    inleiding = models.TextField(
        _("inleiding"),
        blank=True,
        help_text=_("Waarom dit advies? Schrijf in gewone taal. Een lege regel begint een alinea."),
    )
    themas = TaggableManager(
        through=AdviesThema,
        blank=True,
        verbose_name=_("thema's"),
        related_name="adviezen",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    aangeboden_op = models.DateField(_("aangeboden op"), null=True, blank=True)
    aangeboden_aan = models.CharField(
        _("aangeboden aan"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: de wethouder Zorg, Welzijn en Wonen van Rotterdam."),
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("begonnen door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()
    objects = AdviesQuerySet.as_manager()

    class Meta:
        verbose_name = _("advies")
        verbose_name_plural = _("adviezen")
        ordering = ["-aangemaakt_op", "pk"]
        permissions = [
            ("beantwoord_advies", _("Mag het antwoord van de gemeente vastleggen")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="adviezen_advies_status_geldig"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=GEPUBLICEERD)
                | (Q(aangeboden_op__isnull=False) & ~Q(aangeboden_aan="")),
                name="adviezen_advies_aangeboden_met_datum",
                violation_error_message=_(
                    "Een aangeboden advies heeft een datum en een ontvanger."
                ),
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("adviezen:detail", kwargs={"slug": self.slug})

    def get_werkruimte_url(self):
        return reverse("adviezen:werkruimte", kwargs={"slug": self.slug})

    @property
    def is_concept(self):
        return self.status == Status.CONCEPT

    @property
    def is_gepubliceerd(self):
        return self.status in GEPUBLICEERD


class Aanbeveling(models.Model):
    advies = models.ForeignKey(
        Advies, verbose_name=_("advies"), on_delete=models.CASCADE, related_name="aanbevelingen"
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    tekst = models.TextField(
        _("aanbeveling"),
        help_text=_("Wat moet de gemeente doen? Eén aanbeveling per vak, in gewone taal."),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aanbeveling")
        verbose_name_plural = _("aanbevelingen")
        ordering = ["advies", "volgorde", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(tekst=""), name="adviezen_aanbeveling_tekst_niet_leeg"
            )
        ]

    def __str__(self):
        return self.tekst[:80]


class Citaat(models.Model):
    """A passage of a story (verhaal + start/eind) or a member's reflection,
    cited as the basis of a recommendation. No copy of the words is kept."""

    aanbeveling = models.ForeignKey(
        Aanbeveling,
        verbose_name=_("aanbeveling"),
        on_delete=models.CASCADE,
        related_name="citaten",
    )
    verhaal = models.ForeignKey(
        "verhalen.Verhaal",
        verbose_name=_("verhaal"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="advies_citaten",
    )
    start = models.PositiveIntegerField(_("begin"), null=True, blank=True)
    eind = models.PositiveIntegerField(_("einde"), null=True, blank=True)
    reflectie = models.ForeignKey(
        "verhalen.Reflectie",
        verbose_name=_("reflectie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="advies_citaten",
    )
    toegevoegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("citaat")
        verbose_name_plural = _("citaten")
        ordering = ["aanbeveling", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        verhaal__isnull=False,
                        start__isnull=False,
                        eind__isnull=False,
                        reflectie__isnull=True,
                        eind__gt=models.F("start"),
                    )
                    | Q(verhaal__isnull=True, start__isnull=True, eind__isnull=True)
                    & Q(reflectie__isnull=False)
                ),
                name="adviezen_citaat_passage_of_reflectie",
            )
        ]

    def __str__(self):
        if self.reflectie_id:
            return f"Reflectie {self.reflectie_id}"
        return f"Verhaal {self.verhaal_id} [{self.start}:{self.eind}]"


class Opmerking(models.Model):
    """A co-author's comment on a draft advice."""

    advies = models.ForeignKey(
        Advies, verbose_name=_("advies"), on_delete=models.CASCADE, related_name="opmerkingen"
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geschreven door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tekst = models.TextField(_("opmerking"))
    aangemaakt_op = models.DateTimeField(_("geschreven op"), auto_now_add=True)

    class Meta:
        verbose_name = _("opmerking")
        verbose_name_plural = _("opmerkingen")
        ordering = ["aangemaakt_op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(tekst=""), name="adviezen_opmerking_tekst_niet_leeg"
            )
        ]

    def __str__(self):
        return f"Opmerking bij {self.advies}"


class Oordeel(models.TextChoices):
    OVERGENOMEN = "overgenomen", _("Overgenomen")
    DEELS = "deels", _("Deels overgenomen")
    NIET = "niet", _("Niet overgenomen")


class Antwoord(models.Model):
    """What the gemeente answered to one recommendation."""

    aanbeveling = models.OneToOneField(
        Aanbeveling,
        verbose_name=_("aanbeveling"),
        on_delete=models.CASCADE,
        related_name="antwoord",
    )
    oordeel = models.CharField(_("wat deed de gemeente?"), max_length=20, choices=Oordeel.choices)
    tekst = models.TextField(_("antwoord van de gemeente"), blank=True)
    datum = models.DateField(_("datum van het antwoord"))
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("antwoord van de gemeente")
        verbose_name_plural = _("antwoorden van de gemeente")
        constraints = [
            models.CheckConstraint(
                condition=Q(oordeel__in=Oordeel.values), name="adviezen_antwoord_oordeel_geldig"
            )
        ]

    def __str__(self):
        return f"{self.get_oordeel_display()}: {self.aanbeveling}"
