"""Kenniscafés: public meetings where research and practice share knowledge.

A Kenniscafe has a place (Locatie) and/or an online link, speakers,
attachments and, afterwards, a report (verslag). Visitors register
(Aanmelding); when a café is full they join the waiting list. Cafés can
belong to a series (Reeks), e.g. "Verbondenheid en veerkracht I" and "II".

Registrations are personal data: only coordinators see them, and
`manage.py anonimiseer_aanmeldingen` wipes them some months after the café.
"""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from kennisagenda.models import ThemaItemBase
from toolkit.uploads import BestandsControle

from .opmaak import datum_en_tijd

# Slugs that would collide with the fixed URLs under /kenniscafes/.
GERESERVEERDE_SLUGS = {
    "archief",
    "feed",
    "reeks",
    "thema",
    "werkteam",
    "afmelden",
    "feedback",
    "agenda.ics",
}


def nieuw_token():
    return secrets.token_urlsafe(32)


class Locatie(models.Model):
    """A place where kenniscafés are held, with what visitors need to know to get in."""

    naam = models.CharField(
        _("naam"), max_length=200, help_text=_("Bijvoorbeeld: Huis van de Wijk Het Oude Westen.")
    )
    adres = models.CharField(
        _("adres"), max_length=200, blank=True, help_text=_("Straat en huisnummer.")
    )
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100, default="Rotterdam")
    drempelvrij = models.BooleanField(
        _("drempelvrij"),
        default=False,
        help_text=_(
            "Aanvinken als je zonder traptreden of drempels binnenkomt en de zaal bereikt."
        ),
    )
    invalidentoilet = models.BooleanField(_("toegankelijk toilet"), default=False)
    ringleiding = models.BooleanField(
        _("ringleiding"),
        default=False,
        help_text=_("Een gehoorlus voor mensen met een hoortoestel."),
    )
    toegankelijkheid = models.TextField(
        _("meer over toegankelijkheid"),
        blank=True,
        help_text=_("Bijvoorbeeld: lift naast de ingang, invalidenparkeerplaats voor de deur."),
    )
    route = models.TextField(
        _("route"),
        blank=True,
        help_text=_("Hoe kom je er met het openbaar vervoer, de fiets of de auto?"),
    )

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["naam"]

    def __str__(self):
        return f"{self.naam}, {self.plaats}" if self.plaats else self.naam

    @property
    def volledig_adres(self):
        """'Naam, Straat 1, 3011 AA Rotterdam' — for calendars and maps."""
        plaatsregel = " ".join(part for part in (self.postcode, self.plaats) if part)
        return ", ".join(part for part in (self.naam, self.adres, plaatsregel) if part)

    @property
    def voorzieningen(self):
        """The accessibility facilities present, as short Dutch labels."""
        labels = []
        if self.drempelvrij:
            labels.append(_("drempelvrij"))
        if self.invalidentoilet:
            labels.append(_("toegankelijk toilet"))
        if self.ringleiding:
            labels.append(_("ringleiding"))
        return labels


class Reeks(models.Model):
    """A series of cafés on one subject, e.g. "Intergenerationele overdracht" I and II."""

    titel = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("korte naam in de link"), max_length=200, unique=True)
    beschrijving = models.TextField(
        _("beschrijving"),
        blank=True,
        help_text=_("Waar gaat deze reeks over? Je kunt Markdown gebruiken."),
    )

    class Meta:
        verbose_name = _("reeks")
        verbose_name_plural = _("reeksen")
        ordering = ["titel"]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("kenniscafes:reeks", kwargs={"slug": self.slug})


class Soort(models.TextChoices):
    """Kinds of events in the one agenda. Cafés are the first kind; the rest
    came with the Werkplaats report (workshops, trainings, a conference, …)."""

    KENNISCAFE = "kenniscafe", _("kenniscafé")
    WORKSHOP = "workshop", _("workshop")
    TRAINING = "training", _("training")
    CONFERENTIE = "conferentie", _("conferentie")
    LEZING = "lezing", _("lezing")
    GASTCOLLEGE = "gastcollege", _("gastcollege")
    BIJEENKOMST = "bijeenkomst", _("bijeenkomst")


# Dutch "het"-words among the kinds (the others take "de"/"deze").
HET_SOORTEN = {Soort.KENNISCAFE, Soort.GASTCOLLEGE}


class Status(models.TextChoices):
    GEPLAND = "gepland", _("gepland")
    VOL = "vol", _("vol")
    AFGELAST = "afgelast", _("afgelast")
    VERPLAATST = "verplaatst", _("verplaatst")


KALENDER_TERUG = timedelta(days=365)
# Who organises an event that names no werkteam or project.
ORGANISATOR_STANDAARD = "CARE lab Rotterdam"


class KenniscafeQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(gepubliceerd=True)

    def gepubliceerd_of_voorbeeld(self, user):
        """Published cafés for everyone; coordinators also see drafts (as a preview)."""
        if user.has_perm("kenniscafes.change_kenniscafe"):
            return self.all()
        return self.gepubliceerd()

    def komend(self, nu=None):
        """Cafés that have not ended yet, soonest first."""
        nu = nu or timezone.now()
        return self.filter(eind__gte=nu).order_by("start", "pk")

    def in_kalender(self, nu=None):
        """What a calendar feed holds: cafés ahead and those of the past
        KALENDER_TERUG (calendar apps keep what they once fetched), so a feed
        stays the same size however many years of cafés the lab collects."""
        nu = nu or timezone.now()
        return self.filter(eind__gte=nu - KALENDER_TERUG)

    def voorbij(self, nu=None):
        """Cafés that are over, most recent first."""
        nu = nu or timezone.now()
        return self.filter(eind__lt=nu).order_by("-start", "-pk")

    def met_thema(self, thema):
        return self.filter(thema_items__tag=thema)

    def van_project(self, project):
        """Events of the project itself or of one of its werkteams."""
        return self.filter(Q(project=project) | Q(werkteam__project=project))

    def herinnering_nu(self, nu=None):
        """Published events, not cancelled or started, whose reminder time has come
        (their own number of days, else KENNISCAFE_HERINNERING_DAGEN), with someone
        still to remind. A list: the days differ per event."""
        nu = nu or timezone.now()
        kandidaten = (
            self.gepubliceerd()
            .exclude(status=Status.AFGELAST)
            .filter(
                start__gt=nu,
                aanmeldingen__in=Aanmelding.objects.te_herinneren(),
            )
            .distinct()
        )
        return [
            cafe for cafe in kandidaten if cafe.herinnering_vanaf and cafe.herinnering_vanaf <= nu
        ]

    def met_aantallen(self):
        """Annotate `aantal_bevestigd` and `aantal_wachtlijst` (one query, no N+1)."""
        return self.annotate(
            aantal_bevestigd=Count(
                "aanmeldingen",
                filter=Q(aanmeldingen__status=Aanmelding.Status.BEVESTIGD),
                distinct=True,
            ),
            aantal_wachtlijst=Count(
                "aanmeldingen",
                filter=Q(aanmeldingen__status=Aanmelding.Status.WACHTLIJST),
                distinct=True,
            ),
        )

    def voor_lijst(self):
        """Everything a list of cafés shows, loaded up front."""
        return (
            self.select_related("locatie", "reeks")
            .prefetch_related(Prefetch("themas", to_attr="themas_lijst"))
            .met_aantallen()
        )


class ThemaKenniscafe(ThemaItemBase):
    content_object = models.ForeignKey(
        "Kenniscafe", on_delete=models.CASCADE, related_name="thema_items"
    )

    class Meta(ThemaItemBase.Meta):
        verbose_name = _("thema van een kenniscafé")
        verbose_name_plural = _("thema's van kenniscafés")


class Kenniscafe(models.Model):
    """One kenniscafé: announced in the agenda, later in the archive with its report."""

    # Fields whose change matters to someone who put the café in their calendar;
    # a change to one of them raises `sequence` (RFC 5545) and informs registrants.
    AGENDAVELDEN = ("titel", "start", "eind", "tijd_bekend", "locatie", "online_link", "status")

    soort = models.CharField(
        _("soort"),
        max_length=20,
        choices=Soort.choices,
        default=Soort.KENNISCAFE,
        help_text=_(
            "Kenniscafé, workshop, training, conferentie, … "
            "‘Bijeenkomst’: van een project of werkteam."
        ),
    )
    titel = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("korte naam in de link"),
        max_length=200,
        unique=True,
        help_text=_(
            "Wordt het laatste deel van het webadres, bijvoorbeeld "
            "/kenniscafes/voorkomen-huisuitzettingen/."
        ),
    )
    uid = models.UUIDField(
        _("agenda-id"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Vaste code waarmee agenda-apps dit kenniscafé herkennen."),
    )
    start = models.DateTimeField(
        _("begint"), null=True, blank=True, help_text=_("Datum en tijd in Nederlandse tijd.")
    )
    eind = models.DateTimeField(_("eindigt"), null=True, blank=True)
    tijd_bekend = models.BooleanField(
        _("tijd bekend"),
        default=True,
        help_text=_(
            "Uitvinken als alleen de datum bekend is, "
            "bijvoorbeeld bij oude kenniscafés in het archief."
        ),
    )
    locatie = models.ForeignKey(
        Locatie,
        verbose_name=_("locatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="kenniscafes",
    )
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_(
            "Link naar de online bijeenkomst (Teams, Zoom, …), als je ook online mee kunt doen."
        ),
    )
    beschrijving = models.TextField(
        _("beschrijving"),
        blank=True,
        help_text=_(
            "Waar gaat het over en voor wie is het? Schrijf in gewone taal. "
            "Je kunt Markdown gebruiken."
        ),
    )
    themas = TaggableManager(
        through=ThemaKenniscafe,
        blank=True,
        verbose_name=_("thema's"),
        help_text=_("De thema's van de kennisagenda waar dit kenniscafé over gaat."),
    )
    werkteam = models.ForeignKey(
        "projecten.Werkteam",
        verbose_name=_("organiserend werkteam"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kenniscafes",
    )
    project = models.ForeignKey(
        "projecten.Project",
        verbose_name=_("organiserend project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kenniscafes",
    )
    reeks = models.ForeignKey(
        Reeks,
        verbose_name=_("reeks"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kenniscafes",
        help_text=_("Kies een reeks als dit kenniscafé een deel is van een serie."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.GEPLAND,
        help_text=_(
            "‘Vol’: nieuwe aanmeldingen komen op de wachtlijst. "
            "‘Afgelast’: gebruik liever de actie "
            "‘Afgelasten’ in de lijst, dan krijgen aangemelde mensen een e-mail. ‘Verplaatst’: "
            "datum of plaats is veranderd."
        ),
    )
    mededeling = models.TextField(
        _("mededeling"),
        blank=True,
        help_text=_(
            "Korte uitleg bij een afgelasting of verplaatsing. Staat op de website en in de e-mail."
        ),
    )
    capaciteit = models.PositiveIntegerField(
        _("aantal plaatsen"),
        null=True,
        blank=True,
        help_text=_("Hoeveel mensen kunnen er komen? Leeg laten als er geen maximum is."),
    )
    aanmelden_open = models.BooleanField(
        _("aanmelden open"),
        default=True,
        help_text=_("Kunnen bezoekers zich via de website aanmelden?"),
    )
    herinnering_dagen = models.PositiveSmallIntegerField(
        _("herinnering, dagen van tevoren"),
        null=True,
        blank=True,
        help_text=_(
            "Hoeveel dagen van tevoren krijgen aangemelde mensen een herinnering? "
            "Leeg: de standaard (KENNISCAFE_HERINNERING_DAGEN, 2). 0: geen herinnering."
        ),
    )
    aanmelden_tot = models.DateTimeField(
        _("aanmelden kan tot"),
        null=True,
        blank=True,
        help_text=_("Leeg laten: aanmelden kan tot het begin van het kenniscafé."),
    )
    verslag = models.TextField(
        _("verslag"),
        blank=True,
        help_text=_(
            "Het verslag achteraf: wat is er besproken en wat nemen we mee? "
            "Je kunt Markdown gebruiken."
        ),
    )
    aantal_bezoekers = models.PositiveIntegerField(
        _("aantal bezoekers"), null=True, blank=True, help_text=_("Hoeveel mensen er echt waren.")
    )
    organisaties_aanwezig = models.TextField(
        _("aanwezige organisaties"),
        blank=True,
        help_text=_("Welke organisaties waren er? Eén per regel."),
    )
    gepubliceerd = models.BooleanField(
        _("gepubliceerd"),
        default=False,
        help_text=_("Alleen gepubliceerde kenniscafés staan op de website en in de agenda-feeds."),
    )
    is_voorbeeld = models.BooleanField(
        _("voorbeeld"),
        default=False,
        help_text=_("Een verzonnen kenniscafé voor de demo; de website toont dat duidelijk."),
    )
    sequence = models.PositiveIntegerField(
        _("versie voor agenda-apps"),
        default=0,
        editable=False,
        help_text=_(
            "Gaat omhoog bij elke wijziging die bezoekers moeten weten (RFC 5545 SEQUENCE)."
        ),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    objects = KenniscafeQuerySet.as_manager()

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten (kenniscafés, workshops, …)")
        ordering = [F("start").desc(nulls_first=True), "titel"]
        indexes = [
            models.Index(fields=["soort", "gepubliceerd", "start"]),
            models.Index(fields=["gepubliceerd", "start"]),
            models.Index(fields=["gepubliceerd", "eind"]),
            models.Index(fields=["titel"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True, eind__isnull=True) | Q(eind__gt=F("start")),
                name="kenniscafes_eind_na_start",
                violation_error_message=_("Het einde moet na het begin liggen."),
            ),
            models.CheckConstraint(
                condition=Q(gepubliceerd=False) | Q(start__isnull=False),
                name="kenniscafes_gepubliceerd_heeft_datum",
                violation_error_message=_("Een gepubliceerd kenniscafé heeft een datum."),
            ),
        ]

    def __str__(self):
        if self.start:
            return f"{self.titel} ({timezone.localtime(self.start):%d-%m-%Y})"
        return self.titel

    def get_absolute_url(self):
        return reverse("kenniscafes:detail", kwargs={"slug": self.slug})

    def get_ics_url(self):
        return reverse("kenniscafes:ics", kwargs={"slug": self.slug})

    def get_aanmelden_url(self):
        return reverse("kenniscafes:aanmelden", kwargs={"slug": self.slug})

    def get_aanwezigheid_url(self):
        return reverse("kenniscafes:aanwezigheid", kwargs={"slug": self.slug})

    def get_rapport_url(self):
        return reverse("kenniscafes:rapport", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.slug in GERESERVEERDE_SLUGS:
            errors["slug"] = ValidationError(
                _("Deze korte naam is al in gebruik voor een vaste pagina. Kies een andere."),
                code="gereserveerd",
            )
        if (self.start is None) != (self.eind is None):
            errors["eind" if self.start else "start"] = ValidationError(
                _("Vul zowel het begin als het einde in, of allebei niet."), code="half_datum"
            )
        elif self.start and self.eind and self.eind <= self.start:
            errors["eind"] = ValidationError(
                _("Het einde moet na het begin liggen."), code="eind_voor_start"
            )
        if self.gepubliceerd:
            if self.start is None:
                errors.setdefault(
                    "start",
                    ValidationError(
                        _("Vul een datum in voordat je publiceert."), code="publiceren_zonder_datum"
                    ),
                )
            elif (
                self.eind
                and self.eind >= timezone.now()
                and not self.locatie_id
                and not self.online_link
            ):
                errors["locatie"] = ValidationError(
                    _("Kies een locatie of vul een online link in voordat je publiceert."),
                    code="publiceren_zonder_plaats",
                )
        if self.aanmelden_tot and self.start and self.aanmelden_tot > self.start:
            errors["aanmelden_tot"] = ValidationError(
                _("Aanmelden moet sluiten vóór het kenniscafé begint."), code="aanmelden_na_start"
            )
        if self.pk and self.capaciteit is not None:
            bevestigd = self.aanmeldingen.bevestigd().count()
            if self.capaciteit < bevestigd:
                errors["capaciteit"] = ValidationError(
                    _(
                        "Er zijn al %(aantal)s bevestigde aanmeldingen; "
                        "het aantal plaatsen kan niet lager zijn."
                    ),
                    code="capaciteit_te_laag",
                    params={"aantal": bevestigd},
                )
        if errors:
            raise ValidationError(errors)

    # What the pages show

    @property
    def datum_tekst(self):
        """'donderdag 23 mei 2019, 15.00–17.00' (Dutch, Amsterdam time)."""
        return datum_en_tijd(self.start, self.eind, tijd_bekend=self.tijd_bekend)

    @property
    def jaar(self):
        """The year in Amsterdam time (for the archive's grouping)."""
        return timezone.localtime(self.start).year if self.start else None

    @property
    def herinnering_vanaf(self):
        """When registrants get their reminder; None without a date or with 0 days."""
        dagen = self.herinnering_dagen
        if dagen is None:
            dagen = settings.KENNISCAFE_HERINNERING_DAGEN
        if not dagen or self.start is None:
            return None
        return self.start - timedelta(days=dagen)

    @property
    def dit_soort(self):
        """'dit kenniscafé', 'deze workshop' — for sentences about this event."""
        return f"{'dit' if self.soort in HET_SOORTEN else 'deze'} {self.get_soort_display()}"

    @property
    def het_soort(self):
        """'het kenniscafé', 'de workshop'."""
        return f"{'het' if self.soort in HET_SOORTEN else 'de'} {self.get_soort_display()}"

    @property
    def organisatoren(self):
        """Who organised it, as the page says: werkteam and/or project (with a page),
        else the lab itself. [(naam, url or "")]; load werkteam and project along."""
        organisatoren = []
        if self.werkteam:
            organisatoren.append((self.werkteam.naam, self.werkteam.get_absolute_url()))
        if self.project:
            organisatoren.append((self.project.titel, self.project.get_absolute_url()))
        return organisatoren or [(ORGANISATOR_STANDAARD, "")]

    @property
    def is_afgelast(self):
        return self.status == Status.AFGELAST

    @property
    def is_voorbij(self):
        return self.eind is not None and self.eind < timezone.now()

    @property
    def is_online(self):
        return bool(self.online_link)

    def _bevestigd(self):
        aantal = getattr(self, "aantal_bevestigd", None)
        return self.aanmeldingen.bevestigd().count() if aantal is None else aantal

    @property
    def vrije_plaatsen(self):
        """Places left, or None when there is no maximum."""
        if self.capaciteit is None:
            return None
        return max(self.capaciteit - self._bevestigd(), 0)

    @property
    def is_vol(self):
        return self.status == Status.VOL or self.vrije_plaatsen == 0

    def aanmelden_mogelijk(self, nu=None):
        """Whether the registration form is open (full cafés still take the waiting list)."""
        nu = nu or timezone.now()
        if not (self.gepubliceerd and self.aanmelden_open and self.start):
            return False
        if self.status == Status.AFGELAST:
            return False
        sluit = self.aanmelden_tot or self.start
        return nu < sluit


class Spreker(models.Model):
    """Someone who speaks or hosts at a café: a known person, or just a name and role."""

    kenniscafe = models.ForeignKey(
        Kenniscafe, verbose_name=_("kenniscafé"), on_delete=models.CASCADE, related_name="sprekers"
    )
    persoon = models.ForeignKey(
        "projecten.Persoon",
        verbose_name=_("persoon"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="kenniscafe_optredens",
        help_text=_("Kies iemand die al bekend is, of vul hieronder een naam in."),
    )
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    rol = models.CharField(
        _("rol"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: lector, ervaringsdeskundige, gespreksleider."),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("spreker")
        verbose_name_plural = _("sprekers")
        ordering = ["volgorde", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(persoon__isnull=False) | ~Q(naam=""),
                name="kenniscafes_spreker_heeft_naam",
                violation_error_message=_("Kies een persoon of vul een naam in."),
            )
        ]

    def __str__(self):
        return self.publieke_naam

    def clean(self):
        if not self.persoon_id and not self.naam:
            raise ValidationError(
                _("Kies een persoon of vul een naam in."), code="spreker_zonder_naam"
            )

    @property
    def publieke_naam(self):
        """The name the website may show: a person's name only if they agreed to it."""
        if self.naam:
            return self.naam
        if self.persoon and self.persoon.toon_naam_publiek:
            return self.persoon.naam
        return ""

    @property
    def publieke_rol(self):
        if self.rol:
            return self.rol
        return self.persoon.functie if self.persoon else ""


BIJLAGE_EXTENSIES = ["pdf", "pptx", "ppt", "odp", "docx", "odt", "jpg", "jpeg", "png", "webp"]
BIJLAGE_MAX_MB = 20


class Bijlage(models.Model):
    class Soort(models.TextChoices):
        PRESENTATIE = "presentatie", _("presentatie")
        FOTO = "foto", _("foto")
        VERSLAG = "verslag", _("verslag")
        ANDERS = "anders", _("anders")

    kenniscafe = models.ForeignKey(
        Kenniscafe, verbose_name=_("kenniscafé"), on_delete=models.CASCADE, related_name="bijlagen"
    )
    titel = models.CharField(_("titel"), max_length=200)
    soort = models.CharField(
        _("soort"), max_length=20, choices=Soort.choices, default=Soort.PRESENTATIE
    )
    bestand = models.FileField(
        _("bestand"),
        upload_to="kenniscafes/%Y/",
        # Extension, size and content (toolkit/uploads.py); served by /bestanden/….
        validators=[BestandsControle(BIJLAGE_EXTENSIES, max_mb=BIJLAGE_MAX_MB)],
        help_text=_(
            "PDF, presentatie, document of foto; hoogstens 20 MB. "
            "Zet alleen foto's online waar iedereen toestemming voor gaf."
        ),
    )
    beschrijving = models.CharField(
        _("beschrijving"),
        max_length=300,
        blank=True,
        help_text=_("Voor foto's: wat is er te zien? (voor mensen die de foto niet kunnen zien)"),
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["volgorde", "pk"]

    def __str__(self):
        return self.titel

    @property
    def is_afbeelding(self):
        return self.soort == self.Soort.FOTO


class Deelnemersoort(models.Model):
    """A kind of participant (bewoner, professional, …) for the figures per kind.

    Coordinators keep the list; a kind in use is switched off, not deleted.
    """

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(
        _("te kiezen"),
        default=True,
        help_text=_(
            "Uitvinken: staat niet meer in het aanmeldformulier, oude aanmeldingen houden hem."
        ),
    )

    class Meta:
        verbose_name = _("soort deelnemer")
        verbose_name_plural = _("soorten deelnemers")
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return self.naam


class AanmeldingQuerySet(models.QuerySet):
    def bevestigd(self):
        return self.filter(status=Aanmelding.Status.BEVESTIGD)

    def wachtlijst(self):
        return self.filter(status=Aanmelding.Status.WACHTLIJST).order_by("aangemeld_op", "pk")

    def actief(self):
        """Bevestigd or on the waiting list: people who still expect news."""
        return self.exclude(status=Aanmelding.Status.AFGEMELD)

    def te_herinneren(self):
        """Confirmed registrations with an address that got no reminder yet."""
        return self.bevestigd().exclude(email="").filter(herinnering_op__isnull=True)

    def te_anonimiseren(self, voor):
        """Registrations of cafés that ended before `voor`, not yet anonymised."""
        return self.filter(kenniscafe__eind__lt=voor, geanonimiseerd_op__isnull=True)


class Aanmelding(models.Model):
    """A visitor's registration for a café. Personal data: coordinators only."""

    class Status(models.TextChoices):
        BEVESTIGD = "bevestigd", _("bevestigd")
        WACHTLIJST = "wachtlijst", _("op de wachtlijst")
        AFGEMELD = "afgemeld", _("afgemeld")

    kenniscafe = models.ForeignKey(
        Kenniscafe,
        verbose_name=_("kenniscafé"),
        on_delete=models.CASCADE,
        related_name="aanmeldingen",
    )
    naam = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True)
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    rol = models.CharField(
        _("rol"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: bewoner, wijkteammedewerker, student."),
    )
    deelnemersoort = models.ForeignKey(
        Deelnemersoort,
        verbose_name=_("soort deelnemer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="aanmeldingen",
    )
    behoeften = models.TextField(
        _("wat heb je nodig?"),
        blank=True,
        help_text=_("Bijvoorbeeld een tolk gebarentaal of een plek voor een rolstoel."),
    )
    contact_later = models.BooleanField(
        _("mag gemaild worden over latere activiteiten"),
        default=False,
        help_text=_("Geldt zolang de aanmelding bewaard wordt; het wissen zet dit uit."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.BEVESTIGD
    )
    aanwezig = models.BooleanField(
        _("aanwezig"),
        null=True,
        blank=True,
        help_text=_("Na afloop: was deze persoon er? Leeg = nog niet bijgehouden."),
    )
    # NULL (not "") once anonymised: a unique column may hold many NULLs.
    token = models.CharField(  # noqa: DJ001
        _("afmeldcode"), max_length=64, unique=True, null=True, default=nieuw_token, editable=False
    )
    herinnering_op = models.DateTimeField(_("herinnering gestuurd op"), null=True, blank=True)
    feedback_gevraagd_op = models.DateTimeField(_("om feedback gevraagd op"), null=True, blank=True)
    aangemeld_op = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    afgemeld_op = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    objects = AanmeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["aangemeld_op", "pk"]
        indexes = [
            models.Index(fields=["kenniscafe", "status", "aangemeld_op"]),
            models.Index(fields=["geanonimiseerd_op"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kenniscafe", "email"],
                condition=~Q(status="afgemeld") & ~Q(email=""),
                name="kenniscafes_een_aanmelding_per_email",
                violation_error_message=_("Dit e-mailadres is al aangemeld voor dit kenniscafé."),
            ),
        ]

    def __str__(self):
        return f"{self.naam or _('(geanonimiseerd)')} — {self.kenniscafe.titel}"

    def get_afmelden_url(self):
        return reverse("kenniscafes:afmelden", kwargs={"token": self.token})

    def get_feedback_url(self):
        return reverse("kenniscafes:feedback", kwargs={"token": self.token})

    @property
    def positie_op_wachtlijst(self):
        if self.status != self.Status.WACHTLIJST:
            return None
        return (
            self.kenniscafe.aanmeldingen.wachtlijst()
            .filter(
                Q(aangemeld_op__lt=self.aangemeld_op)
                | Q(aangemeld_op=self.aangemeld_op, pk__lt=self.pk)
            )
            .count()
            + 1
        )


class Feedback(models.Model):
    """What someone who came thought of it: a mark and two short answers."""

    class Cijfer(models.IntegerChoices):
        SLECHT = 1, _("1 – slecht")
        MATIG = 2, _("2 – matig")
        REDELIJK = 3, _("3 – redelijk")
        GOED = 4, _("4 – goed")
        HEEL_GOED = 5, _("5 – heel goed")

    aanmelding = models.OneToOneField(
        Aanmelding, verbose_name=_("aanmelding"), on_delete=models.CASCADE, related_name="feedback"
    )
    cijfer = models.PositiveSmallIntegerField(_("hoe vond je het?"), choices=Cijfer.choices)
    goed = models.TextField(_("wat was goed?"), blank=True)
    beter = models.TextField(_("wat kan beter?"), blank=True)
    gegeven_op = models.DateTimeField(_("gegeven op"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["gegeven_op", "pk"]

    def __str__(self):
        return f"{self.get_cijfer_display()} — {self.aanmelding.kenniscafe.titel}"
