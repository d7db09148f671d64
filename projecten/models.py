"""The werkplaats' projects and werkteams, the people and organisations in them,
their meetings and what they published.

Periods of projects and werkteams are kept to the month (year required, month
optional): the lab's own documents often name only "2017–2019" or
"september 2020", and a made-up day would be a false fact. The status
(gepland, lopend, afgerond) follows from that period, so it never goes stale.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from kennisagenda.models import ThemaItemBase
from toolkit.uploads import BestandsControle

MAANDEN = [
    (1, _("januari")),
    (2, _("februari")),
    (3, _("maart")),
    (4, _("april")),
    (5, _("mei")),
    (6, _("juni")),
    (7, _("juli")),
    (8, _("augustus")),
    (9, _("september")),
    (10, _("oktober")),
    (11, _("november")),
    (12, _("december")),
]

PUBLICATIE_EXTENSIES = ["pdf", "docx", "xlsx", "pptx", "odt"]
PUBLICATIE_MAX_MB = 20
PUBLICATIE_MAX_BYTES = PUBLICATIE_MAX_MB * 1024 * 1024


def validate_bestandsgrootte(bestand):
    """No longer used (BestandsControle checks the size); kept for old migrations."""
    if bestand.size > PUBLICATIE_MAX_BYTES:
        raise ValidationError(
            _("Dit bestand is te groot. Een publicatie mag hoogstens 20 MB zijn."),
            code="te_groot",
        )


class Status(models.TextChoices):
    GEPLAND = "gepland", _("gepland")
    LOPEND = "lopend", _("lopend")
    AFGEROND = "afgerond", _("afgerond")
    ONBEKEND = "onbekend", _("periode onbekend")


def _maandnummer(jaar, maand):
    return jaar * 100 + maand


def op_rol(items, rollen):
    """`items` (each with a `rol`) sorted in the order of the `rollen` choices."""
    volgorde = {waarde: positie for positie, waarde in enumerate(rollen.values)}
    return sorted(items, key=lambda item: volgorde.get(item.rol, len(volgorde)))


def per_rol(items, rollen):
    """[(rol label, [items…]), …] in the order of the `rollen` choices, empty roles left out."""
    groepen = {}
    for item in op_rol(items, rollen):
        groepen.setdefault(item.get_rol_display(), []).append(item)
    return list(groepen.items())


class ZoekQuerySet(models.QuerySet):
    """`zoek(tekst)`: the rows with `tekst` (any case) in one of the `zoekvelden`."""

    zoekvelden: tuple[str, ...] = ()

    def zoek(self, tekst):
        tekst = tekst.strip()
        if not tekst:
            return self
        voorwaarde = Q()
        for veld in self.zoekvelden:
            voorwaarde |= Q(**{f"{veld}__icontains": tekst})
        return self.filter(voorwaarde)


def gepubliceerd_veld():
    """The "op de website" switch shared by projects, werkteams and publications."""
    return models.BooleanField(
        _("op de website"),
        default=True,
        help_text=_("Uitvinken om dit (nog) niet op de openbare website te tonen."),
    )


class PeriodeQuerySet(models.QuerySet):
    """Status from the period: start and end as yyyymm numbers.

    A start with only a year counts from January, an end with only a year
    runs to December. No start and no end: the period is unknown.
    """

    def met_status(self, *, vandaag=None):
        """Annotate `status_code` (a Status value) computed in the database."""
        vandaag = vandaag or timezone.localdate()
        nu = _maandnummer(vandaag.year, vandaag.month)
        return self.alias(
            _start=F("startjaar") * 100 + Coalesce("startmaand", Value(1)),
            _einde=F("eindjaar") * 100 + Coalesce("eindmaand", Value(12)),
        ).annotate(
            status_code=Case(
                When(startjaar__isnull=False, _start__gt=nu, then=Value(Status.GEPLAND.value)),
                When(eindjaar__isnull=False, _einde__lt=nu, then=Value(Status.AFGEROND.value)),
                When(
                    startjaar__isnull=True, eindjaar__isnull=True, then=Value(Status.ONBEKEND.value)
                ),
                default=Value(Status.LOPEND.value),
                output_field=models.CharField(),
            )
        )

    def in_status(self, status, *, vandaag=None):
        return self.met_status(vandaag=vandaag).filter(status_code=status)

    def gepland(self):
        return self.in_status(Status.GEPLAND)

    def lopend(self):
        return self.in_status(Status.LOPEND)

    def afgerond(self):
        return self.in_status(Status.AFGEROND)


class Periode(models.Model):
    """A period of months: year required once known, month optional."""

    startjaar = models.PositiveSmallIntegerField(
        _("startjaar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Leeg laten als het niet bekend is."),
    )
    startmaand = models.PositiveSmallIntegerField(
        _("startmaand"),
        choices=MAANDEN,
        null=True,
        blank=True,
        help_text=_("Alleen invullen als de maand bekend is."),
    )
    eindjaar = models.PositiveSmallIntegerField(
        _("eindjaar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Leeg laten zolang het nog loopt."),
    )
    eindmaand = models.PositiveSmallIntegerField(
        _("eindmaand"),
        choices=MAANDEN,
        null=True,
        blank=True,
        help_text=_("Alleen invullen als de maand bekend is."),
    )

    class Meta:
        abstract = True

    @staticmethod
    def periode_ordering(naamveld):
        """Newest start first, an unknown start last, then by `naamveld`."""
        return [
            F("startjaar").desc(nulls_last=True),
            F("startmaand").desc(nulls_last=True),
            naamveld,
        ]

    @staticmethod
    def periode_indexes(naamveld):
        """Indexes for filtering on the period and sorting on `naamveld`."""
        return [
            models.Index(fields=["startjaar", "startmaand"]),
            models.Index(fields=["eindjaar", "eindmaand"]),
            models.Index(fields=[naamveld]),
        ]

    @classmethod
    def periode_constraints(cls, prefix):
        return [
            models.CheckConstraint(
                condition=Q(startmaand__isnull=True) | Q(startjaar__isnull=False),
                name=f"{prefix}_startmaand_met_jaar",
                violation_error_message=_("Vul bij een startmaand ook het startjaar in."),
            ),
            models.CheckConstraint(
                condition=Q(eindmaand__isnull=True) | Q(eindjaar__isnull=False),
                name=f"{prefix}_eindmaand_met_jaar",
                violation_error_message=_("Vul bij een eindmaand ook het eindjaar in."),
            ),
            models.CheckConstraint(
                condition=Q(startjaar__isnull=True)
                | Q(eindjaar__isnull=True)
                | Q(eindjaar__gt=F("startjaar"))
                | (
                    Q(eindjaar=F("startjaar"))
                    & (
                        Q(startmaand__isnull=True)
                        | Q(eindmaand__isnull=True)
                        | Q(eindmaand__gte=F("startmaand"))
                    )
                ),
                name=f"{prefix}_einde_na_start",
                violation_error_message=_("Het einde ligt vóór het begin."),
            ),
        ]

    def _start_nummer(self):
        if self.startjaar is None:
            return None
        return _maandnummer(self.startjaar, self.startmaand or 1)

    def _eind_nummer(self):
        if self.eindjaar is None:
            return None
        return _maandnummer(self.eindjaar, self.eindmaand or 12)

    def get_status(self, *, vandaag=None):
        vandaag = vandaag or timezone.localdate()
        nu = _maandnummer(vandaag.year, vandaag.month)
        start, einde = self._start_nummer(), self._eind_nummer()
        if start is not None and start > nu:
            return Status.GEPLAND
        if einde is not None and einde < nu:
            return Status.AFGEROND
        if start is None and einde is None:
            return Status.ONBEKEND
        return Status.LOPEND

    @property
    def status(self):
        return self.get_status()

    def get_status_display(self):
        return Status(self.status).label

    @staticmethod
    def _maand_jaar(jaar, maand):
        if jaar is None:
            return ""
        if maand is None:
            return str(jaar)
        return f"{dict(MAANDEN)[maand]} {jaar}"

    @property
    def periode(self):
        """'september 2020 – september 2022', 'sinds 2017', or ''."""
        start = self._maand_jaar(self.startjaar, self.startmaand)
        einde = self._maand_jaar(self.eindjaar, self.eindmaand)
        if start and einde:
            return start if start == einde else f"{start} – {einde}"
        if start:
            return _("sinds %(start)s") % {"start": start}
        if einde:
            return _("tot %(einde)s") % {"einde": einde}
        return ""


class OpenbaarOnderdeel(Periode):
    """What projects and werkteams share: a period, the "op de website" switch
    and when the row was made and last changed."""

    gepubliceerd = gepubliceerd_veld()
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        abstract = True


class Organisatie(models.Model):
    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("gemeente")
        HOGESCHOOL = "hogeschool", _("hogeschool")
        UNIVERSITEIT = "universiteit", _("universiteit")
        KENNISINSTITUUT = "kennisinstituut", _("kennisinstituut")
        ZORG_WELZIJN = "zorg_welzijn", _("zorg en welzijn")
        SOCIAAL_ONDERNEMER = "sociaal_ondernemer", _("sociaal ondernemer")
        BEWONERSORGANISATIE = "bewonersorganisatie", _("bewonersorganisatie")
        FONDS = "fonds", _("fonds of financier")
        NETWERK = "netwerk", _("netwerk of samenwerkingsverband")
        ANDERS = "anders", _("anders")

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("korte naam in de link"), max_length=200, unique=True)
    afkorting = models.CharField(
        _("afkorting"), max_length=40, blank=True, help_text=_("Bijvoorbeeld HR of EUR.")
    )
    soort = models.CharField(_("soort"), max_length=30, choices=Soort, default=Soort.ANDERS)
    website = models.URLField(_("website"), blank=True)
    beschrijving = models.TextField(
        _("beschrijving"), blank=True, help_text=_("Een of twee zinnen over de organisatie.")
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]
        indexes = [models.Index(fields=["soort", "naam"])]

    def __str__(self):
        return self.naam


class PersoonQuerySet(models.QuerySet):
    def met_publieke_naam(self):
        return self.filter(toon_naam_publiek=True)


class Persoon(models.Model):
    """Someone who works in a project or werkteam. An account is not needed."""

    naam = models.CharField(_("naam"), max_length=200)
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="personen",
    )
    functie = models.CharField(
        _("functie"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld lector, beleidsmedewerker of student social work."),
    )
    toon_naam_publiek = models.BooleanField(
        _("naam mag op de website"),
        default=False,
        help_text=_(
            "Alleen aanvinken als deze persoon heeft gezegd dat de naam openbaar mag. "
            "Anders toont de website alleen de rol, bijvoorbeeld ‘bewoner’."
        ),
    )
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="persoon",
        help_text=_("Alleen als deze persoon ook kan inloggen op de Verhalenbank."),
    )

    objects = PersoonQuerySet.as_manager()

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["naam"]
        indexes = [models.Index(fields=["naam"])]

    def __str__(self):
        return self.naam


class Wijk(models.Model):
    """A Rotterdam wijk, with the gebied it lies in and that gebied's CBS wijk code.

    The list itself lives in projecten/wijken.py and is loaded by a migration.
    """

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("korte naam in de link"), max_length=100, unique=True)
    gebied = models.CharField(
        _("gebied"), max_length=100, help_text=_("Het Rotterdamse gebied, bijvoorbeeld Feijenoord.")
    )
    cbs_wijkcode = models.CharField(
        _("CBS-wijkcode"),
        max_length=8,
        help_text=_(
            "De code van het CBS voor het gebied, bijvoorbeeld WK059910. "
            "Voor het CBS is een Rotterdams gebied een wijk."
        ),
    )

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["naam"]
        indexes = [models.Index(fields=["cbs_wijkcode"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(cbs_wijkcode__regex=r"^WK0599[0-9]{2}$"),
                name="projecten_wijk_cbs_wijkcode_vorm",
                violation_error_message=_("Een Rotterdamse CBS-wijkcode ziet eruit als WK059910."),
            )
        ]

    def __str__(self):
        return self.naam


class ThemaProject(ThemaItemBase):
    content_object = models.ForeignKey(
        "Project", on_delete=models.CASCADE, related_name="thema_items"
    )

    class Meta(ThemaItemBase.Meta):
        verbose_name = _("thema van een project")
        verbose_name_plural = _("thema's van projecten")


class ThemaWerkteam(ThemaItemBase):
    content_object = models.ForeignKey(
        "Werkteam", on_delete=models.CASCADE, related_name="thema_items"
    )

    class Meta(ThemaItemBase.Meta):
        verbose_name = _("thema van een werkteam")
        verbose_name_plural = _("thema's van werkteams")


class ProjectQuerySet(ZoekQuerySet, PeriodeQuerySet):
    zoekvelden = ("titel", "samenvatting", "achtergrond", "doelstelling", "resultaten")

    def gepubliceerd(self):
        return self.filter(gepubliceerd=True)

    def voor_lijst(self):
        """What a card in a list of projects shows, in a fixed number of queries."""
        return self.select_related("financier").prefetch_related(
            Prefetch("themas", to_attr="themas_lijst"), "wijken"
        )


class Project(OpenbaarOnderdeel):
    titel = models.CharField(_("titel"), max_length=250)
    slug = models.SlugField(_("korte naam in de link"), max_length=250, unique=True)
    samenvatting = models.TextField(
        _("samenvatting"),
        help_text=_("Twee tot vier zinnen in gewone taal (B1): waar gaat het over, voor wie?"),
    )
    achtergrond = models.TextField(_("achtergrond"), blank=True)
    doelstelling = models.TextField(_("doelstelling"), blank=True)
    opzet = models.TextField(_("opzet"), blank=True, help_text=_("Hoe het project werkt."))
    resultaten = models.TextField(
        _("resultaten"), blank=True, help_text=_("De belangrijkste uitkomsten, in gewone taal.")
    )
    financier = models.ForeignKey(
        Organisatie,
        verbose_name=_("financier"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gefinancierde_projecten",
    )
    dossiernummer = models.CharField(
        _("dossiernummer"),
        max_length=100,
        blank=True,
        help_text=_("Het subsidie- of dossiernummer van de financier."),
    )
    subsidiebedrag = models.DecimalField(
        _("bedrag"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In euro's. Leeg laten als het niet openbaar is."),
    )
    partners = models.ManyToManyField(
        Organisatie,
        through="Projectpartner",
        verbose_name=_("partners"),
        related_name="projecten",
        blank=True,
    )
    wijken = models.ManyToManyField(
        Wijk, verbose_name=_("wijken"), related_name="projecten", blank=True
    )
    themas = TaggableManager(
        through=ThemaProject,
        blank=True,
        verbose_name=_("thema's"),
        help_text=_("De thema's van de kennisagenda waar dit project over gaat."),
    )

    # Every change is kept (who, when, what) and can be viewed and restored in the admin.
    history = HistoricalRecords()
    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projecten")
        ordering = Periode.periode_ordering("titel")
        indexes = Periode.periode_indexes("titel")
        constraints = Periode.periode_constraints("projecten_project") + [
            models.CheckConstraint(
                condition=Q(subsidiebedrag__isnull=True) | Q(subsidiebedrag__gte=0),
                name="projecten_project_bedrag_positief",
            )
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("projecten:detail", kwargs={"slug": self.slug})

    def partners_per_rol(self):
        """[(rol, [Projectpartner…]), …], penvoerder first; use with prefetched partnerschappen."""
        return per_rol(self.partnerschappen.all(), Projectpartner.Rol)

    def onderzoeksteam(self):
        """Teamleden with the projectleider first; use with prefetched teamleden."""
        return op_rol(self.teamleden.all(), Teamlid.Rol)


class TijdvakQuerySet(models.QuerySet):
    def actief_op(self, datum: datetime.date):
        return self.filter(Q(van__isnull=True) | Q(van__lte=datum)).filter(
            Q(tot__isnull=True) | Q(tot__gte=datum)
        )


class Tijdvak(models.Model):
    """From/until of a role, so a team's or project's history stays true when people
    or organisations leave or join."""

    van = models.DateField(_("van"), null=True, blank=True, help_text=_("Leeg: vanaf het begin."))
    tot = models.DateField(
        _("tot en met"), null=True, blank=True, help_text=_("Leeg: nog steeds, of tot het einde.")
    )

    objects = TijdvakQuerySet.as_manager()

    class Meta:
        abstract = True

    @staticmethod
    def tot_na_van(prefix):
        return models.CheckConstraint(
            condition=Q(van__isnull=True) | Q(tot__isnull=True) | Q(tot__gte=F("van")),
            name=f"{prefix}_tot_na_van",
            violation_error_message=_("‘Tot en met’ ligt vóór ‘van’."),
        )

    @property
    def tijdvak(self):
        """'sinds 1 maart 2018', 'tot en met 30 juni 2019', both, or ''."""
        van = date_format(self.van, "j F Y") if self.van else ""
        tot = date_format(self.tot, "j F Y") if self.tot else ""
        if van and tot:
            return f"{van} – {tot}"
        if van:
            return _("sinds %(van)s") % {"van": van}
        if tot:
            return _("tot en met %(tot)s") % {"tot": tot}
        return ""


class PersoonTijdvak(Tijdvak):
    """A person's role with its from/until."""

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.persoon} ({self.get_rol_display()})"

    @property
    def publieke_naam(self):
        """The name when the person allows it, otherwise only the role (e.g. 'bewoner')."""
        if self.persoon.toon_naam_publiek:
            return self.persoon.naam
        return self.get_rol_display()

    @property
    def naam_verborgen(self):
        return not self.persoon.toon_naam_publiek

    @staticmethod
    def tijdvak_constraints(prefix, groep):
        """'tot' not before 'van', and one row per `groep`, person, role and start."""
        return [
            Tijdvak.tot_na_van(prefix),
            # "van" may be empty (from the start).
            models.UniqueConstraint(
                fields=[groep, "persoon", "rol", "van"],
                condition=Q(van__isnull=False),
                name=f"{prefix}_uniek",
            ),
            models.UniqueConstraint(
                fields=[groep, "persoon", "rol"],
                condition=Q(van__isnull=True),
                name=f"{prefix}_uniek_zonder_van",
            ),
        ]


class Projectpartner(Tijdvak):
    """An organisation's part in a project, from when until when it took part."""

    class Rol(models.TextChoices):
        PENVOERDER = "penvoerder", _("penvoerder")
        PARTNER = "partner", _("partner")
        FINANCIER = "financier", _("financier")
        UITVOERDER = "uitvoerder", _("uitvoerder")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="partnerschappen"
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="partnerschappen",
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol, default=Rol.PARTNER)

    class Meta:
        verbose_name = _("partner in het project")
        verbose_name_plural = _("partners in het project")
        ordering = ["rol", "organisatie__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisatie", "rol"], name="projecten_partner_uniek"
            ),
            Tijdvak.tot_na_van("projecten_projectpartner"),
        ]

    def __str__(self):
        return f"{self.organisatie} ({self.get_rol_display()})"


class Teamlid(PersoonTijdvak):
    """Someone in a project's research team."""

    class Rol(models.TextChoices):
        PROJECTLEIDER = "projectleider", _("projectleider")
        ONDERZOEKER = "onderzoeker", _("onderzoeker")
        CONTACTPERSOON = "contactpersoon", _("contactpersoon")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="teamleden"
    )
    persoon = models.ForeignKey(
        Persoon, verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="projectrollen"
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol, default=Rol.ONDERZOEKER)

    class Meta:
        verbose_name = _("lid van het onderzoeksteam")
        verbose_name_plural = _("onderzoeksteam")
        ordering = ["rol", "persoon__naam"]
        constraints = PersoonTijdvak.tijdvak_constraints("projecten_teamlid", "project")


class WerkteamQuerySet(ZoekQuerySet, PeriodeQuerySet):
    zoekvelden = ("naam", "leervraag", "beschrijving", "resultaten")

    def gepubliceerd(self):
        return self.filter(gepubliceerd=True).filter(
            Q(project__isnull=True) | Q(project__gepubliceerd=True)
        )

    def voor_lijst(self):
        return self.select_related("project").prefetch_related(
            Prefetch("themas", to_attr="themas_lijst")
        )


class Werkteam(OpenbaarOnderdeel):
    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in de link"), max_length=200, unique=True)
    leervraag = models.TextField(
        _("leervraag"), blank=True, help_text=_("De centrale vraag waar het werkteam mee bezig is.")
    )
    beschrijving = models.TextField(
        _("beschrijving"),
        blank=True,
        help_text=_("Wie er in het team zitten en hoe ze werken, in gewone taal."),
    )
    resultaten = models.TextField(_("resultaten"), blank=True)
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="werkteams",
        help_text=_("Het project waar dit werkteam bij hoort, als dat zo is."),
    )
    wijken = models.ManyToManyField(
        Wijk,
        verbose_name=_("wijken"),
        related_name="werkteams",
        blank=True,
        help_text=_("De wijken waar het werkteam werkt."),
    )
    themas = TaggableManager(
        through=ThemaWerkteam,
        blank=True,
        verbose_name=_("thema's"),
        help_text=_("De thema's van de kennisagenda waar dit werkteam over gaat."),
    )

    # Every change is kept (who, when, what) and can be viewed and restored in the admin.
    history = HistoricalRecords()
    objects = WerkteamQuerySet.as_manager()

    class Meta:
        verbose_name = _("werkteam")
        verbose_name_plural = _("werkteams")
        ordering = Periode.periode_ordering("naam")
        indexes = Periode.periode_indexes("naam")
        constraints = Periode.periode_constraints("projecten_werkteam")

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("projecten:werkteam_detail", kwargs={"slug": self.slug})

    def leden_per_rol(self):
        """[(rol, [Lidmaatschap…]), …] in the order of the roles; use with prefetched leden."""
        return per_rol(self.lidmaatschappen.all(), Lidmaatschap.Rol)


class Lidmaatschap(PersoonTijdvak):
    class Rol(models.TextChoices):
        BEWONER = "bewoner", _("bewoner")
        ERVARINGSDESKUNDIGE = "ervaringsdeskundige", _("ervaringsdeskundige")
        PROFESSIONAL = "professional", _("professional")
        BELEIDSMAKER = "beleidsmaker", _("beleidsmaker")
        DOCENTONDERZOEKER = "docentonderzoeker", _("docentonderzoeker")
        STUDENT = "student", _("student")
        VRIJWILLIGER = "vrijwilliger", _("vrijwilliger")
        TREKKER = "trekker", _("trekker")
        ANDERS = "anders", _("anders")

    werkteam = models.ForeignKey(
        Werkteam,
        verbose_name=_("werkteam"),
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
    )
    persoon = models.ForeignKey(
        Persoon, verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="lidmaatschappen"
    )
    rol = models.CharField(_("rol"), max_length=30, choices=Rol, default=Rol.PROFESSIONAL)
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("namens organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lidmaatschappen",
        help_text=_("Leeg laten als de persoon op eigen titel meedoet."),
    )

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("leden")
        ordering = ["rol", "persoon__naam"]
        constraints = PersoonTijdvak.tijdvak_constraints("projecten_lidmaatschap", "werkteam")


class Bijeenkomst(models.Model):
    """A meeting a werkteam or a project held, for its own record (a short report).

    Public events with an agenda entry and registration are kenniscafes.Kenniscafe.
    """

    class Soort(models.TextChoices):
        WERKTEAMBIJEENKOMST = "werkteambijeenkomst", _("werkteambijeenkomst")
        PROJECTBIJEENKOMST = "projectbijeenkomst", _("projectbijeenkomst")
        LEERNETWERK = "leernetwerk", _("bijeenkomst van het leernetwerk")
        ROADSHOW = "roadshow", _("roadshow in de wijk")
        FOCUSGROEP = "focusgroep", _("focusgroep")
        LEERKRING = "leerkring", _("leerkring")
        WORKSHOP = "workshop", _("workshop")
        KEUKENTAFELGESPREK = "keukentafelgesprek", _("keukentafelgesprek")
        NETWERKBIJEENKOMST = "netwerkbijeenkomst", _("netwerkbijeenkomst")
        EVALUATIE = "evaluatie", _("evaluatiebijeenkomst")
        SPIEGELBIJEENKOMST = "spiegelbijeenkomst", _("spiegelbijeenkomst")
        ANDERS = "anders", _("anders")

    werkteam = models.ForeignKey(
        Werkteam,
        verbose_name=_("werkteam"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="bijeenkomsten",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="bijeenkomsten",
    )
    datum = models.DateField(_("datum"))
    soort = models.CharField(
        _("soort"), max_length=30, choices=Soort, default=Soort.WERKTEAMBIJEENKOMST
    )
    titel = models.CharField(_("titel"), max_length=200, blank=True)
    verslag = models.TextField(
        _("kort verslag"),
        blank=True,
        help_text=_("Wat er besproken of gedaan is, in een paar zinnen."),
    )

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["datum", "pk"]
        indexes = [
            models.Index(fields=["werkteam", "datum"]),
            models.Index(fields=["project", "datum"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(werkteam__isnull=True, project__isnull=False)
                | Q(werkteam__isnull=False, project__isnull=True),
                name="projecten_bijeenkomst_van_werkteam_of_project",
                violation_error_message=_("Een bijeenkomst hoort bij een werkteam of een project."),
            )
        ]

    def __str__(self):
        return self.titel or f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"


class PublicatieQuerySet(ZoekQuerySet):
    zoekvelden = ("titel", "auteurs")

    def gepubliceerd(self):
        """Public publications whose project and werkteam (if any) are public too."""
        werkteam_openbaar = Q(werkteam__gepubliceerd=True) & (
            Q(werkteam__project__isnull=True) | Q(werkteam__project__gepubliceerd=True)
        )
        return self.filter(gepubliceerd=True).filter(
            Q(project__isnull=True) | Q(project__gepubliceerd=True),
            Q(werkteam__isnull=True) | werkteam_openbaar,
        )

    def voor_lijst(self):
        return self.select_related("project", "werkteam")


class Publicatie(models.Model):
    class Soort(models.TextChoices):
        RAPPORT = "rapport", _("rapport")
        ARTIKEL = "artikel", _("artikel")
        HANDREIKING = "handreiking", _("handreiking")
        WERKBOEK = "werkboek", _("werkboek")
        ADVIES = "advies", _("advies")
        COLUMN = "column", _("column")
        BLOG = "blog", _("blog")
        BOEK = "boek", _("boek")
        BOEKHOOFDSTUK = "boekhoofdstuk", _("boekhoofdstuk")
        BUNDEL = "bundel", _("bundel")
        MAGAZINE = "magazine", _("magazine")
        KENNISCLIP = "kennisclip", _("kennisclip")
        SCRIPTIE = "scriptie", _("afstudeeronderzoek")
        ANDERS = "anders", _("anders")

    titel = models.CharField(_("titel"), max_length=300)
    slug = models.SlugField(_("korte naam in de link"), max_length=300, unique=True)
    auteurs = models.CharField(
        _("auteurs"), max_length=500, blank=True, help_text=_("Zoals ze op de publicatie staan.")
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort, default=Soort.RAPPORT)
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    bestand = models.FileField(
        _("bestand"),
        upload_to="publicaties/",
        blank=True,
        # Extension, size and content (toolkit/uploads.py); served by /bestanden/….
        validators=[BestandsControle(PUBLICATIE_EXTENSIES, max_mb=PUBLICATIE_MAX_MB)],
        help_text=_("pdf, docx, xlsx, pptx of odt; hoogstens 20 MB."),
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publicaties",
    )
    werkteam = models.ForeignKey(
        Werkteam,
        verbose_name=_("werkteam"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publicaties",
    )

    gepubliceerd = gepubliceerd_veld()

    # Every change is kept (who, when, what) and can be viewed and restored in the admin.
    history = HistoricalRecords()
    objects = PublicatieQuerySet.as_manager()

    class Meta:
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")
        ordering = [F("jaar").desc(nulls_last=True), "titel"]
        indexes = [models.Index(fields=["jaar"]), models.Index(fields=["soort"])]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("projecten:publicatie_detail", kwargs={"slug": self.slug})

    def clean(self):
        if (
            self.project_id
            and self.werkteam_id
            and self.werkteam.project_id
            and self.werkteam.project_id != self.project_id
        ):
            raise ValidationError(
                {
                    "werkteam": ValidationError(
                        _("Dit werkteam hoort bij een ander project. Kies het goede project."),
                        code="ander_project",
                    )
                }
            )

    @property
    def bestandstype(self):
        """'PDF', 'DOCX', … for an uploaded file, '' otherwise."""
        if not self.bestand:
            return ""
        return self.bestand.name.rsplit(".", 1)[-1].upper()


class Bijdrage(models.Model):
    """What a partner put in, in kind or in hours, for a project or an event
    (e.g. a room, catering, staff hours): the werkplaats accounts for it per year."""

    class Soort(models.TextChoices):
        UREN = "uren", _("uren inzet")
        RUIMTE = "ruimte", _("ruimte")
        CATERING = "catering", _("catering")
        MATERIAAL = "materiaal", _("materiaal of drukwerk")
        GELD = "geld", _("geld")
        ANDERS = "anders", _("anders")

    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="bijdragen",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bijdragen",
    )
    kenniscafe = models.ForeignKey(
        "kenniscafes.Kenniscafe",
        verbose_name=_("activiteit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bijdragen",
    )
    datum = models.DateField(
        _("datum"), help_text=_("Wanneer; bepaalt in welk jaaroverzicht het staat.")
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort, default=Soort.UREN)
    uren = models.DecimalField(
        _("uren"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Hoeveel uur (ook bij ruimte of catering, als je dat weet)."),
    )
    omschrijving = models.CharField(
        _("omschrijving"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: zaal met koffie en thee voor 40 mensen."),
    )

    class Meta:
        verbose_name = _("bijdrage van een partner")
        verbose_name_plural = _("bijdragen van partners")
        ordering = ["-datum", "organisatie__naam", "pk"]
        indexes = [models.Index(fields=["organisatie", "datum"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(project__isnull=False) | Q(kenniscafe__isnull=False),
                name="projecten_bijdrage_voor_project_of_activiteit",
                violation_error_message=_("Kies een project of een activiteit (of allebei)."),
            ),
            models.CheckConstraint(
                condition=Q(uren__isnull=True) | Q(uren__gte=0),
                name="projecten_bijdrage_uren_niet_negatief",
                violation_error_message=_("Het aantal uren kan niet negatief zijn."),
            ),
        ]

    def __str__(self):
        return f"{self.organisatie}: {self.get_soort_display()} ({self.datum:%d-%m-%Y})"

    @property
    def waarvoor(self):
        return self.kenniscafe or self.project
