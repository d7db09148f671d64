"""Stories (Verhaal), their consent, coded fragments and erasure records.

Visibility has ONE rule, `Verhaal.objects.zichtbaar_voor(user)`; every list,
count, search, export, feed and collection selects stories through it (or
through `Fragment.objects.zichtbaar_voor(user)` for fragments).

Offsets of a Fragment (`start`, `eind`) are Python ``str`` indices into the
stored `Verhaal.tekst` (code points, line breaks count as one character each,
"\\r\\n" is normalised to "\\n" by the forms before storing), so
``verhaal.tekst[fragment.start:fragment.eind] == fragment.citaat`` while the
anchor holds.

History: django-simple-history records every save of Verhaal and Fragment.
Themes and keywords live in taggit through tables, which a history row does
not capture; each Verhaal/Fragment therefore keeps a *snapshot* of its themes
(and keywords) in a JSON field, refreshed by ``save()`` from the database.
So one historical row is one complete version (text, metadata, themes), which
is what the history page compares and what "herstel deze versie" restores.
Rule for writers: change the themes first, then call ``save()``.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from kennisagenda import roles
from kennisagenda.models import ThemaItemBase
from verhalen.models.inhoudswaarschuwing import MetInhoudswaarschuwing
from verhalen.models.verteller import ONEENS, Themaoordeel
from verhalen.tekst.woordvormen import bron_van, lemmas_van

# Fields a form may change through maak_verhaal / wijzig_verhaal, in the
# order the story form shows them.
BEWERKBARE_VELDEN = (
    "titel",
    "tekst",
    "samenvatting",
    "verteller_type",
    "pseudoniem",
    "leeftijdscategorie",
    "gemeente",
    "wijk",
    "verzamelwijze",
    "verzameld_op",
    "verzameld_door",
    "project",
    "werkteam",
    "toestemming",
    "toestemming_datum",
    "inhoudswaarschuwingen",
    "inhoudswaarschuwing_anders",
)
# What "herstel deze versie" brings back. Consent is NOT restored: it is a
# fact about the teller's wishes today, not part of a text version.
HERSTELBARE_VELDEN = tuple(
    veld for veld in BEWERKBARE_VELDEN if veld not in ("toestemming", "toestemming_datum")
)


class Toestemming(models.TextChoices):
    """Consent levels; each of the first three allows a wider audience."""

    ONDERZOEK = "onderzoek", _("Alleen onderzoeksteam")
    BREDE_RAAD = "brede_raad", _("Ook Brede Raad 010")
    OPENBAAR = "openbaar", _("Openbaar")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


# Which consent levels allow a story to be shown to an audience.
TOESTEMMING_VOOR_PUBLIEK = {
    "onderzoek": (Toestemming.ONDERZOEK, Toestemming.BREDE_RAAD, Toestemming.OPENBAAR),
    "brede_raad": (Toestemming.BREDE_RAAD, Toestemming.OPENBAAR),
    "openbaar": (Toestemming.OPENBAAR,),
}


class Beoordeling(models.TextChoices):
    """Where a story stands on its way into the bank.

    Stories entered by researchers are `opgenomen` at once. Stories entered by
    a collector or sent in through the public form wait in the queue
    (`wachtrij`) until a researcher accepts them or sends them back
    (`teruggestuurd`, to the collector, with a note). Only `opgenomen` stories
    are in the bank: the one visibility rule shows nothing else.
    """

    OPGENOMEN = "opgenomen", _("Opgenomen")
    WACHTRIJ = "wachtrij", _("Wacht op beoordeling")
    TERUGGESTUURD = "teruggestuurd", _("Teruggestuurd")


class VertellerType(models.TextChoices):
    BEWONER = "bewoner", _("Rotterdammer / bewoner")
    ERVARINGSDESKUNDIGE = "ervaringsdeskundige", _("Ervaringsdeskundige")
    MANTELZORGER = "mantelzorger", _("Mantelzorger")
    VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger")
    PROFESSIONAL = "professional", _("Professional")
    BELEIDSMAKER = "beleidsmaker", _("Beleidsmaker")
    ANDERS = "anders", _("Anders")


class Leeftijdscategorie(models.TextChoices):
    ONBEKEND = "", _("Onbekend")
    TOT_18 = "tot-18", _("Jonger dan 18")
    VAN_18_TOT_27 = "18-27", _("18 tot 27 jaar")
    VAN_27_TOT_45 = "27-45", _("27 tot 45 jaar")
    VAN_45_TOT_67 = "45-67", _("45 tot 67 jaar")
    VANAF_67 = "67-plus", _("67 jaar of ouder")


class Verzamelwijze(models.TextChoices):
    INTERVIEW = "interview", _("Interview")
    KEUKENTAFELGESPREK = "keukentafelgesprek", _("Keukentafelgesprek")
    FOCUSGROEP = "focusgroep", _("Focusgroep")
    SCHRIFTELIJK = "schriftelijk", _("Schriftelijk ingestuurd")
    OBSERVATIE = "observatie", _("Observatie / meelopen")
    KENNISCAFE = "kenniscafe", _("Opgetekend tijdens een kenniscafé")
    ANDERS = "anders", _("Anders")


class Gemeente(models.TextChoices):
    """The gemeenten of the Rotterdam region (Rijnmond) the lab works in."""

    ROTTERDAM = "rotterdam", "Rotterdam"
    ALBRANDSWAARD = "albrandswaard", "Albrandswaard"
    BARENDRECHT = "barendrecht", "Barendrecht"
    CAPELLE = "capelle-aan-den-ijssel", "Capelle aan den IJssel"
    GOEREE_OVERFLAKKEE = "goeree-overflakkee", "Goeree-Overflakkee"
    HOEKSCHE_WAARD = "hoeksche-waard", "Hoeksche Waard"
    KRIMPEN = "krimpen-aan-den-ijssel", "Krimpen aan den IJssel"
    LANSINGERLAND = "lansingerland", "Lansingerland"
    MAASSLUIS = "maassluis", "Maassluis"
    NISSEWAARD = "nissewaard", "Nissewaard"
    RIDDERKERK = "ridderkerk", "Ridderkerk"
    SCHIEDAM = "schiedam", "Schiedam"
    VLAARDINGEN = "vlaardingen", "Vlaardingen"
    VOORNE_AAN_ZEE = "voorne-aan-zee", "Voorne aan Zee"
    ZUIDPLAS = "zuidplas", "Zuidplas"
    ANDERS = "anders", _("Buiten de regio")


def zichtbaarheid_filter(user, prefix=""):
    """The Q that selects the stories `user` may see, or None for nothing.

    `prefix` is the lookup path to the story ("verhaal__" for fragments).
    The rule (docs/consent.md): researchers (perm verhalen.view_verhaal) and
    superusers see every story except withdrawn ones; Brede Raad members
    only consent brede_raad/openbaar; coordinators no story at all; anyone
    else (anonymous, collectors, logged in without a role) only openbaar.
    Stories in the review queue (or sent back) are in nobody's bank yet: see
    `VerhaalQuerySet.in_wachtrij_voor` for who sees them there. Where a story
    may appear *as a page* (researchers' /verhalen/ vs. collections) is the
    views' business; this decides which stories may appear at all.
    """
    niveau = zichtbaarheidsniveau(user)
    if niveau is None:
        return None
    return toestemming_voor_filter(niveau, prefix)


def toestemming_voor_filter(publiek, prefix=""):
    """The Q of the stories in the bank whose consent allows `publiek`."""
    return Q(
        **{
            f"{prefix}toestemming__in": TOESTEMMING_VOOR_PUBLIEK[publiek],
            f"{prefix}beoordeling": Beoordeling.OPGENOMEN,
        }
    )


def zichtbaarheidsniveau(user):
    """The audience whose stories `user` sees (a key of TOESTEMMING_VOOR_PUBLIEK),
    or None for no story at all. See `zichtbaarheid_filter`."""
    if user is None:
        user = AnonymousUser()
    if user.is_authenticated and user.is_active:
        if user.is_superuser or user.has_perm("verhalen.view_verhaal"):
            return "onderzoek"
        if roles.has_role(user, roles.BREDE_RAAD):
            return "brede_raad"
        if roles.has_role(user, roles.COORDINATOR):
            return None
    return "openbaar"


class VerhaalQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """The stories `user` may see (see `zichtbaarheid_filter`)."""
        condition = zichtbaarheid_filter(user)
        return self.none() if condition is None else self.filter(condition)

    def met_toestemming_voor(self, publiek):
        """Stories in the bank whose consent allows `publiek` ("brede_raad" or
        "openbaar"); a story in the queue has no consent in force yet."""
        if publiek not in ("brede_raad", "openbaar"):
            raise ValueError(f"Onbekend publiek: {publiek!r}")
        return self.filter(toestemming_voor_filter(publiek))

    def in_wachtrij_voor(self, user):
        """The stories waiting for review (or sent back) that `user` may see there:
        every one for reviewers (perm verhalen.beoordeel_verhaal), their own for
        everyone else who entered one; never withdrawn ones."""
        wachtend = self.exclude(beoordeling=Beoordeling.OPGENOMEN).exclude(
            toestemming=Toestemming.INGETROKKEN
        )
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if user.has_perm("verhalen.beoordeel_verhaal"):
            return wachtend
        return wachtend.filter(ingevoerd_door=user)

    def ingevoerd_door(self, user):
        """What a collector entered: waiting, sent back or taken in, not withdrawn."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        return self.filter(ingevoerd_door=user).exclude(toestemming=Toestemming.INGETROKKEN)

    def niet_ingetrokken(self):
        return self.exclude(toestemming=Toestemming.INGETROKKEN)

    def verteller_oneens(self, thema=None):
        """Stories whose teller said a theme (`thema`, or any) does not fit or
        misses something, on their own page (verhalen/models/verteller.py)."""
        oordelen = Themaoordeel.objects.filter(verhaal=OuterRef("pk"), oordeel__in=ONEENS)
        if thema is not None:
            oordelen = oordelen.filter(thema=thema)
        return self.filter(Exists(oordelen))

    def met_lijstgegevens(self):
        """Everything a row of the story list shows, in a constant number of
        queries: its place, stored coding counts, themes and keywords (not the
        search vector: only the database reads it; the exports read their own
        columns with values_list)."""
        return (
            self.select_related("wijk", "telling")
            .prefetch_related(
                Prefetch("themas", to_attr="themas_lijst"),
                Prefetch("trefwoorden", to_attr="trefwoorden_lijst"),
            )
            .defer("zoekvector", "zoeklemmas", "zoeklemmas_bron")
        )


class VerhaalThema(ThemaItemBase):
    content_object = models.ForeignKey(
        "Verhaal", on_delete=models.CASCADE, related_name="thema_items"
    )

    class Meta(ThemaItemBase.Meta):
        verbose_name = _("thema van een verhaal")
        verbose_name_plural = _("thema's van verhalen")


class VerhaalTrefwoord(TaggedItemBase):
    """Free keywords (taggit's own Tag), separate from the Thema vocabulary."""

    content_object = models.ForeignKey(
        "Verhaal", on_delete=models.CASCADE, related_name="trefwoord_items"
    )

    class Meta:
        verbose_name = _("trefwoord van een verhaal")
        verbose_name_plural = _("trefwoorden van verhalen")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="verhalen_verhaaltrefwoord_uniek"
            )
        ]


def _labels(items):
    return labels_van(item.tag for item in items)


def labels_van(themas):
    """The snapshot of `themas` (codes or keywords) as `save()` stores it, for
    writers that store many rows at once without `save()`."""
    return sorted(({"id": thema.pk, "naam": thema.name} for thema in themas), key=_naam)


def _naam(label):
    return label["naam"].lower()


class Verhaal(MetInhoudswaarschuwing, models.Model):
    titel = models.CharField(
        _("titel"),
        max_length=200,
        help_text=_("Een korte titel die zegt waar het verhaal over gaat. Geen namen."),
    )
    tekst = models.TextField(
        _("verhaal"),
        blank=True,
        help_text=_(
            "Het hele verhaal zoals het verteld is. Laat namen, adressen en "
            "telefoonnummers weg of vervang ze door [naam], [adres]."
        ),
    )
    samenvatting = models.TextField(
        _("samenvatting"),
        blank=True,
        help_text=_("Twee of drie zinnen: waar gaat het over? Mag leeg blijven."),
    )
    verteller_type = models.CharField(
        _("wie vertelt"),
        max_length=30,
        choices=VertellerType.choices,
        default=VertellerType.BEWONER,
        help_text=_("In welke rol vertelt de verteller dit verhaal?"),
    )
    pseudoniem = models.CharField(
        _("schuilnaam"),
        max_length=60,
        blank=True,
        help_text=_(
            "Een verzonnen naam of omschrijving, zoals 'Moeder uit Zuid' of 'A.'. "
            "Nooit de echte naam."
        ),
    )
    leeftijdscategorie = models.CharField(
        _("leeftijd"),
        max_length=10,
        choices=Leeftijdscategorie.choices,
        blank=True,
    )
    wijk = models.ForeignKey(
        "projecten.Wijk",
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="verhalen",
        help_text=_("De Rotterdamse wijk waar het verhaal zich afspeelt, als dat bekend is."),
    )
    gemeente = models.CharField(
        _("gemeente"),
        max_length=30,
        choices=Gemeente.choices,
        default=Gemeente.ROTTERDAM,
    )
    verzamelwijze = models.CharField(
        _("hoe verzameld"),
        max_length=30,
        choices=Verzamelwijze.choices,
        default=Verzamelwijze.INTERVIEW,
    )
    verzameld_op = models.DateField(
        _("verzameld op"), null=True, blank=True, help_text=_("De datum van het gesprek.")
    )
    verzameld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verzameld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verzamelde_verhalen",
    )
    project = models.ForeignKey(
        "projecten.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verhalen",
    )
    werkteam = models.ForeignKey(
        "projecten.Werkteam",
        verbose_name=_("werkteam"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verhalen",
    )
    themas = TaggableManager(
        through=VerhaalThema,
        blank=True,
        verbose_name=_("thema's"),
        related_name="verhalen",
        help_text=_("Kies de thema's van de kennisagenda waar dit verhaal over gaat."),
    )
    trefwoorden = TaggableManager(
        through=VerhaalTrefwoord,
        blank=True,
        verbose_name=_("trefwoorden"),
        related_name="verhalen",
        help_text=_(
            "Eigen trefwoorden, gescheiden door komma's, bijvoorbeeld: schulden, wachtlijst."
        ),
    )
    toestemming = models.CharField(
        _("toestemming"),
        max_length=20,
        choices=Toestemming.choices,
        default=Toestemming.ONDERZOEK,
        help_text=_(
            "Waarvoor heeft de verteller toestemming gegeven? 'Ingetrokken' verbergt "
            "het verhaal meteen overal."
        ),
    )
    toestemming_datum = models.DateField(
        _("datum toestemming"),
        null=True,
        blank=True,
        help_text=_("Wanneer de verteller deze toestemming gaf of introk."),
    )
    toestemming_vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toestemming vastgelegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    beoordeling = models.CharField(
        _("beoordeling"),
        max_length=20,
        choices=Beoordeling.choices,
        default=Beoordeling.OPGENOMEN,
        editable=False,
        help_text=_("Verhalen van verzamelaars en van de website wachten op een onderzoeker."),
    )
    beoordeling_notitie = models.TextField(
        _("notitie bij het terugsturen"),
        blank=True,
        help_text=_("Wat de verzamelaar nog moet aanpassen."),
    )
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="ingevoerde_verhalen",
    )
    ingezonden = models.BooleanField(
        _("ingestuurd via de website"),
        default=False,
        editable=False,
        help_text=_("De verteller stuurde dit verhaal zelf in met het formulier op de website."),
    )
    versie = models.PositiveIntegerField(
        _("versie"),
        default=1,
        editable=False,
        help_text=_("Telt op bij elke wijziging; zo merken we gelijktijdige bewerkingen op."),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    gewist_op = models.DateTimeField(
        _("gewist op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Gevuld wanneer de inhoud op verzoek (AVG) is gewist."),
    )
    # Derived fields: kept up to date by save() (snapshots) and, on
    # PostgreSQL, by a database trigger (search vector; see migrations).
    themas_snapshot = models.JSONField(_("thema's (momentopname)"), default=list, editable=False)
    trefwoorden_snapshot = models.JSONField(
        _("trefwoorden (momentopname)"), default=list, editable=False
    )
    zoekvector = SearchVectorField(_("zoekvector"), null=True, editable=False)
    # Lemmas of the searchable text that differ from the words as written
    # (verhalen/tekst/woordvormen.py): the search vector adds them, the SQLite
    # search reads them. Refreshed by save(), with the fingerprint of the
    # text they came from; on PostgreSQL the trigger drops lemmas whose text
    # changed without save() (bulk paths), so no removed word stays findable.
    zoeklemmas = models.TextField(_("grondvormen voor zoeken"), blank=True, editable=False)
    zoeklemmas_bron = models.CharField(
        _("vingerafdruk van de tekst van de grondvormen"), max_length=32, blank=True, editable=False
    )

    history = HistoricalRecords(excluded_fields=["zoekvector", "zoeklemmas", "zoeklemmas_bron"])
    objects = VerhaalQuerySet.as_manager()

    class Meta:
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")
        ordering = ["-aangemaakt_op", "-pk"]
        permissions = [
            ("exporteer_verhaal", _("Mag verhalen exporteren")),
            ("wis_verhaal", _("Mag verhalen op verzoek wissen (AVG)")),
            ("verzamel_verhaal", _("Mag verhalen inbrengen die op beoordeling wachten")),
            ("beoordeel_verhaal", _("Mag verhalen uit de wachtrij opnemen of terugsturen")),
        ]
        indexes = [
            models.Index(fields=["toestemming", "-aangemaakt_op"]),
            # The story list, newest first: read in index order, stopping after a page.
            models.Index(fields=["-aangemaakt_op", "-id"], name="verhalen_verhaal_nieuwste"),
            # A code's fragment list is ordered by story title.
            models.Index(fields=["titel", "id"], name="verhalen_verhaal_titel"),
            models.Index(fields=["verteller_type"]),
            models.Index(fields=["gemeente"]),
            models.Index(fields=["verzamelwijze"]),
            models.Index(fields=["verzameld_op"]),
            # The review queue: only the few stories not yet taken in.
            models.Index(
                fields=["aangemaakt_op"],
                name="verhalen_verhaal_wachtrij",
                condition=~Q(beoordeling="opgenomen"),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(toestemming__in=Toestemming.values),
                name="verhalen_verhaal_toestemming_geldig",
            ),
            models.CheckConstraint(
                condition=Q(versie__gte=1), name="verhalen_verhaal_versie_positief"
            ),
            models.CheckConstraint(
                condition=Q(beoordeling__in=Beoordeling.values),
                name="verhalen_verhaal_beoordeling_geldig",
            ),
            models.CheckConstraint(
                condition=Q(gewist_op__isnull=True) | Q(toestemming=Toestemming.INGETROKKEN),
                name="verhalen_verhaal_gewist_is_ingetrokken",
                violation_error_message=_(
                    "Een gewist verhaal heeft altijd toestemming ingetrokken."
                ),
            ),
        ]

    def __str__(self):
        return self.titel

    def save(self, *args, **kwargs):
        self.leg_labels_vast()
        kwargs["update_fields"] = self.leg_zoeklemmas_vast(kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("verhalen:detail", kwargs={"pk": self.pk})

    def leg_zoeklemmas_vast(self, update_fields=None):
        """Refresh `zoeklemmas` from title, summary and text (no save) when
        they are loaded and written; returns `update_fields` (plus the lemma fields)."""
        bronnen = {"titel", "samenvatting", "tekst"}
        if bronnen & self.get_deferred_fields():
            return update_fields
        if update_fields is not None:
            if not bronnen & set(update_fields):
                return update_fields
            update_fields = {*update_fields, "zoeklemmas", "zoeklemmas_bron"}
        self.zoeklemmas = lemmas_van(self.titel, self.samenvatting, self.tekst)
        self.zoeklemmas_bron = bron_van(self.titel, self.samenvatting, self.tekst)
        return update_fields

    @property
    def is_gewist(self):
        return self.gewist_op is not None

    @property
    def is_opgenomen(self):
        return self.beoordeling == Beoordeling.OPGENOMEN

    @property
    def is_ingetrokken(self):
        return self.toestemming == Toestemming.INGETROKKEN

    def leg_labels_vast(self):
        """Refresh the theme/keyword snapshots from the database (no save)."""
        if self.pk is None:
            return
        self.themas_snapshot = _labels(
            VerhaalThema.objects.filter(content_object_id=self.pk).select_related("tag")
        )
        self.trefwoorden_snapshot = _labels(
            VerhaalTrefwoord.objects.filter(content_object_id=self.pk).select_related("tag")
        )


class FragmentThema(ThemaItemBase):
    content_object = models.ForeignKey(
        "Fragment", on_delete=models.CASCADE, related_name="thema_items"
    )

    class Meta(ThemaItemBase.Meta):
        verbose_name = _("code van een fragment")
        verbose_name_plural = _("codes van fragmenten")


class FragmentQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """Fragments of the stories `user` may see."""
        condition = zichtbaarheid_filter(user, prefix="verhaal__")
        return self.none() if condition is None else self.filter(condition)

    def moet_herzien(self):
        return self.filter(moet_herzien=True)


class Fragment(models.Model):
    """A coded stretch of a story's text: `tekst[start:eind]` (Python str indices)."""

    verhaal = models.ForeignKey(
        Verhaal, verbose_name=_("verhaal"), on_delete=models.CASCADE, related_name="fragmenten"
    )
    start = models.PositiveIntegerField(_("begin"))
    eind = models.PositiveIntegerField(_("einde"))
    citaat = models.TextField(
        _("citaat"), blank=True, help_text=_("Kopie van de gecodeerde tekst.")
    )
    codes = TaggableManager(
        through=FragmentThema,
        blank=True,
        verbose_name=_("codes"),
        related_name="fragmenten",
        help_text=_("De thema's en subcodes die bij dit stuk tekst horen."),
    )
    memo = models.TextField(
        _("memo"), blank=True, help_text=_("Waarom deze code? Een gedachte voor later.")
    )
    codeur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("codeur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gecodeerde_fragmenten",
    )
    moet_herzien = models.BooleanField(
        _("moet herzien worden"),
        default=False,
        help_text=_("Het citaat is na een tekstwijziging niet meer teruggevonden."),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    codes_snapshot = models.JSONField(_("codes (momentopname)"), default=list, editable=False)

    history = HistoricalRecords()
    objects = FragmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("fragment")
        verbose_name_plural = _("fragmenten")
        ordering = ["verhaal", "start", "eind", "pk"]
        indexes = [
            models.Index(fields=["verhaal", "start"]),
            models.Index(fields=["moet_herzien"]),
            # A coder's latest fragments (the workspace's recent codes) without
            # sorting all of them: 310 ms at 100 000 stories, the story page's most.
            models.Index(fields=["codeur", "-aangemaakt_op", "-id"], name="fragment_codeur_laatst"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__gte=0), name="verhalen_fragment_start_niet_negatief"
            ),
            models.CheckConstraint(
                condition=Q(start__lt=models.F("eind")),
                name="verhalen_fragment_start_voor_eind",
                violation_error_message=_("Het begin van een fragment moet vóór het einde liggen."),
            ),
        ]

    def __str__(self):
        citaat = self.citaat if len(self.citaat) <= 60 else f"{self.citaat[:57]}…"
        return f"“{citaat}”"

    def save(self, *args, **kwargs):
        self.leg_labels_vast()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.verhaal.get_absolute_url()}#fragment-{self.pk}"

    def leg_labels_vast(self, codes=None):
        """Refresh the codes snapshot from the database (no save), or from `codes`
        (Thema objects) for a new fragment about to be stored with exactly those."""
        if codes is not None:
            self.codes_snapshot = _labels(FragmentThema(tag=code) for code in codes)
            return
        if self.pk is None:
            return
        self.codes_snapshot = _labels(
            FragmentThema.objects.filter(content_object_id=self.pk).select_related("tag")
        )


class Verwijderverzoek(models.Model):
    """The record that a story's content was erased on request (AVG).

    It holds no content of the story: only which story, who erased it, when,
    and an optional reference (never personal data).
    """

    verhaal = models.ForeignKey(
        Verhaal,
        verbose_name=_("verhaal"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="verwijderverzoeken",
    )
    verhaal_nummer = models.PositiveIntegerField(_("verhaalnummer"))
    uitgevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gewist door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uitgevoerd_op = models.DateTimeField(_("gewist op"), auto_now_add=True)
    kenmerk = models.CharField(
        _("kenmerk van het verzoek"),
        max_length=100,
        blank=True,
        help_text=_("Bijvoorbeeld het zaaknummer van het verzoek. Geen namen."),
    )

    class Meta:
        verbose_name = _("verwijderverzoek")
        verbose_name_plural = _("verwijderverzoeken")
        ordering = ["-uitgevoerd_op"]

    def __str__(self):
        return f"Verhaal {self.verhaal_nummer} gewist op {self.uitgevoerd_op:%d-%m-%Y}"
