"""Themed collections (Collectie) of stories, and the Brede Raad's reflections.

A collection is written for one audience (`publiek`): the Brede Raad 010 or
everyone. Which of its stories a reader sees is never stored on the
collection: it is decided each time by the one visibility rule,

    Verhaal.objects.zichtbaar_voor(user).met_toestemming_voor(collectie.publiek)

so a story whose consent is lowered or withdrawn disappears from every
collection at once, without anyone editing it (`CollectieItemQuerySet`).

Who may read which collection (`CollectieQuerySet.leesbaar_voor`):
- curators (perm verhalen.change_collectie: researchers) read every
  collection, drafts included;
- Brede Raad members (perm verhalen.view_collectie) read published
  collections for the Brede Raad and published public ones;
- everyone else reads published public collections.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from kennisagenda.models import ThemaItemBase
from verhalen.models.inhoudswaarschuwing import MetInhoudswaarschuwing, samen
from verhalen.models.slugs import GERESERVEERDE_SLUGS
from verhalen.models.verhaal import (
    TOESTEMMING_VOOR_PUBLIEK,
    Beoordeling,
    Toestemming,
    Verhaal,
    zichtbaarheidsniveau,
)


def niet_gereserveerd(slug):
    if slug in GERESERVEERDE_SLUGS:
        raise ValidationError(
            _("Deze korte naam is al in gebruik door de website. Kies een andere."),
            code="gereserveerd",
        )


class Publiek(models.TextChoices):
    """For whom a collection is written; consent must allow this audience."""

    BREDE_RAAD = "brede_raad", _("Leden van de Brede Raad 010")
    OPENBAAR = "openbaar", _("Iedereen (openbaar)")

    @classmethod
    def in_zin(cls, publiek):
        """The audience as it reads inside a sentence: "Collectie voor …"."""
        if publiek == cls.OPENBAAR:
            return _("iedereen")
        return _("leden van de Brede Raad 010")


class CollectieQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(gepubliceerd=True)

    def openbaar(self):
        return self.filter(publiek=Publiek.OPENBAAR)

    def leesbaar_voor(self, user):
        """The collections `user` may open (see the module docstring)."""
        if user.has_perm("verhalen.change_collectie"):
            return self.all()
        publiek = [Publiek.OPENBAAR]
        if user.has_perm("verhalen.view_collectie"):
            publiek.append(Publiek.BREDE_RAAD)
        return self.gepubliceerd().filter(publiek__in=publiek)

    def nieuwste_eerst(self):
        """Newest publication first, drafts last (also after an annotate())."""
        return self.order_by(F("gepubliceerd_op").desc(nulls_last=True), "titel", "pk")


class CollectieThema(ThemaItemBase):
    content_object = models.ForeignKey(
        "Collectie", on_delete=models.CASCADE, related_name="thema_items"
    )

    class Meta(ThemaItemBase.Meta):
        verbose_name = _("thema van een collectie")
        verbose_name_plural = _("thema's van collecties")


class Collectie(models.Model):
    titel = models.CharField(
        _("titel"),
        max_length=200,
        help_text=_("Kort en duidelijk, bijvoorbeeld: Wachten op hulp."),
    )
    slug = models.SlugField(
        _("korte naam in de link"),
        max_length=200,
        unique=True,
        validators=[niet_gereserveerd],
        help_text=_(
            "Alleen kleine letters, cijfers en streepjes. Leeg laten mag: dan maken wij er een."
        ),
    )
    themas = TaggableManager(
        through=CollectieThema,
        blank=True,
        verbose_name=_("thema's"),
        related_name="collecties",
        help_text=_("De thema's van de kennisagenda waar deze collectie over gaat."),
    )
    inleiding = models.TextField(
        _("inleiding"),
        blank=True,
        help_text=_(
            "Schrijf in gewone taal waarom deze verhalen samen horen. Opmaak mag: "
            "**vet**, *schuin*, een lege regel voor een nieuwe alinea, - voor een lijstje."
        ),
    )
    publiek = models.CharField(
        _("voor wie"),
        max_length=20,
        choices=Publiek.choices,
        default=Publiek.BREDE_RAAD,
        help_text=_(
            "Alleen verhalen waarvan de verteller toestemming gaf voor dit publiek, "
            "kunnen in de collectie."
        ),
    )
    gepubliceerd = models.BooleanField(_("gepubliceerd"), default=False)
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("samensteller"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="collecties",
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()
    objects = CollectieQuerySet.as_manager()

    class Meta:
        verbose_name = _("collectie")
        verbose_name_plural = _("collecties")
        ordering = [F("gepubliceerd_op").desc(nulls_last=True), "titel"]
        permissions = [
            ("exporteer_collectie", _("Mag een collectie met reflecties downloaden")),
        ]
        indexes = [
            models.Index(fields=["gepubliceerd", "publiek", "-gepubliceerd_op"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(publiek__in=Publiek.values), name="verhalen_collectie_publiek_geldig"
            ),
            models.CheckConstraint(
                condition=Q(gepubliceerd=True, gepubliceerd_op__isnull=False)
                | Q(gepubliceerd=False, gepubliceerd_op__isnull=True),
                name="verhalen_collectie_publicatiedatum",
                violation_error_message=_(
                    "Een gepubliceerde collectie heeft een publicatiedatum, een concept niet."
                ),
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("collecties:detail", kwargs={"slug": self.slug})

    @property
    def publiek_in_zin(self):
        """The audience as it reads inside a sentence: "Collectie voor …"."""
        return Publiek.in_zin(self.publiek)

    def zichtbare_verhalen(self, user):
        """The one visibility rule, for this collection's audience."""
        return Verhaal.objects.zichtbaar_voor(user).met_toestemming_voor(self.publiek)

    def zichtbare_items(self, user):
        """Items whose story `user` may read here, in reading order."""
        toegestaan = _toegestaan(user, self.publiek)
        if not toegestaan:
            return self.items.none()
        # A join on the story's consent, not "story in (every visible story)":
        # the same rule, without reading 100 000 story ids per collection.
        return self.items.filter(
            verhaal__toestemming__in=toegestaan, verhaal__beoordeling=Beoordeling.OPGENOMEN
        )


def _toegestaan(user, publiek):
    """The consent levels of stories `user` may read in a collection for `publiek`:
    `Verhaal.objects.zichtbaar_voor(user).met_toestemming_voor(publiek)`, as values."""
    niveau = zichtbaarheidsniveau(user)
    if niveau is None:
        return []
    zichtbaar = TOESTEMMING_VOOR_PUBLIEK[niveau]
    return [
        toestemming for toestemming in TOESTEMMING_VOOR_PUBLIEK[publiek] if toestemming in zichtbaar
    ]


def zichtbare_items_filter(user, prefix=""):
    """The Q for the collection items whose story `user` may read in that item's
    collection; `prefix` is the path to the item ("items__" from a Collectie).
    """
    collectie = "publiek" if prefix == "items__" else f"{prefix}collectie__publiek"
    voorwaarde = Q(pk__in=[])
    for publiek in Publiek.values:
        toegestaan = _toegestaan(user, publiek)
        if toegestaan:
            voorwaarde |= Q(
                **{
                    collectie: publiek,
                    f"{prefix}verhaal__toestemming__in": toegestaan,
                    f"{prefix}verhaal__beoordeling": Beoordeling.OPGENOMEN,
                }
            )
    return voorwaarde


class CollectieItemQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """Items whose story the one rule lets `user` read in that item's collection.

        Works across collections of both audiences (theme hub counts); for one
        collection `Collectie.zichtbare_items(user)` says the same.
        """
        return self.filter(zichtbare_items_filter(user))

    def leesbaar_voor(self, user):
        """Visible items in collections `user` may open."""
        return self.zichtbaar_voor(user).filter(collectie__in=Collectie.objects.leesbaar_voor(user))


class CollectieItem(MetInhoudswaarschuwing, models.Model):
    """One story in a collection, optionally with a chosen excerpt, optionally
    folded behind a content note (its own or its story's)."""

    collectie = models.ForeignKey(
        Collectie, verbose_name=_("collectie"), on_delete=models.CASCADE, related_name="items"
    )
    verhaal = models.ForeignKey(
        Verhaal,
        verbose_name=_("verhaal"),
        on_delete=models.CASCADE,
        related_name="collectie_items",
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    notitie = models.TextField(
        _("notitie van de samensteller"),
        blank=True,
        help_text=_("Waarom dit verhaal in de collectie staat, of waar de lezer op kan letten."),
    )
    fragmenten = models.ManyToManyField(
        "verhalen.Fragment",
        verbose_name=_("gekozen fragmenten"),
        blank=True,
        related_name="collectie_items",
        help_text=_(
            "Kies fragmenten om alleen die stukken te tonen. Niets gekozen: "
            "de lezer ziet het hele verhaal."
        ),
    )
    toegevoegd_op = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()
    objects = CollectieItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("verhaal in een collectie")
        verbose_name_plural = _("verhalen in collecties")
        ordering = ["collectie", "volgorde", "pk"]
        indexes = [models.Index(fields=["collectie", "volgorde"])]
        constraints = [
            models.UniqueConstraint(
                fields=["collectie", "verhaal"],
                name="verhalen_collectieitem_uniek_verhaal",
                violation_error_message=_("Dit verhaal staat al in deze collectie."),
            )
        ]

    def __str__(self):
        return f"{self.collectie} – {self.verhaal}"

    def clean(self):
        """A story may only be added when its consent allows the audience."""
        super().clean()
        if not (self._state.adding and self.collectie_id and self.verhaal_id):
            return
        mag = (
            Verhaal.objects.met_toestemming_voor(self.collectie.publiek)
            .filter(pk=self.verhaal_id)
            .exists()
        )
        if not mag:
            raise ValidationError(
                {
                    "verhaal": ValidationError(
                        _(
                            "Dit verhaal kan niet in deze collectie. De toestemming van de "
                            "verteller is “%(toestemming)s”, en deze collectie is voor "
                            "“%(publiek)s”."
                        ),
                        code="toestemming",
                        params={
                            "toestemming": self.verhaal.get_toestemming_display(),
                            "publiek": self.collectie.get_publiek_display(),
                        },
                    )
                }
            )

    @property
    def alle_inhoudsnotities(self):
        """The notes the reader is warned for: the excerpt's and the story's."""
        return samen(self, self.verhaal)

    def verborgen_reden(self):
        """Why the one visibility rule hides this item now (for the curator).

        Only called for items the rule has already left out; it explains, it
        does not decide.
        """
        if self.verhaal.toestemming == Toestemming.INGETROKKEN:
            return _("De verteller heeft de toestemming ingetrokken.")
        return _(
            "De toestemming is nu “%(toestemming)s”. Dat past niet bij het publiek van "
            "deze collectie."
        ) % {"toestemming": self.verhaal.get_toestemming_display()}


class ReflectieQuerySet(models.QuerySet):
    def leesbaar_voor(self, user):
        """Reflections are for researchers and Brede Raad members, never the public."""
        if user.has_perm("verhalen.view_reflectie"):
            return self.all()
        return self.none()


class Reflectie(models.Model):
    """A Brede Raad member's response to a collection, or to one passage of a
    story in it (`verhaal` with `start`/`eind`): how stories become advice.

    A passage is a place in the story, not a copy of its words: it is read
    from the story when shown, so only where the one visibility rule shows
    that story.
    """

    collectie = models.ForeignKey(
        Collectie,
        verbose_name=_("collectie"),
        on_delete=models.CASCADE,
        related_name="reflecties",
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geschreven door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="reflecties",
    )
    verhaal = models.ForeignKey(
        Verhaal,
        verbose_name=_("over dit verhaal"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reflecties",
    )
    start = models.PositiveIntegerField(_("begin van het stuk"), null=True, blank=True)
    eind = models.PositiveIntegerField(_("einde van het stuk"), null=True, blank=True)
    tekst = models.TextField(
        _("je reflectie"),
        help_text=_(
            "Wat herken je? Wat betekent dit voor beleid? Wat mist er? "
            "Een lege regel begint een nieuwe alinea."
        ),
    )
    aangemaakt_op = models.DateTimeField(_("geschreven op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = ReflectieQuerySet.as_manager()

    class Meta:
        verbose_name = _("reflectie")
        verbose_name_plural = _("reflecties")
        ordering = ["aangemaakt_op", "pk"]
        indexes = [models.Index(fields=["collectie", "aangemaakt_op"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(tekst=""), name="verhalen_reflectie_tekst_niet_leeg"
            ),
            models.CheckConstraint(
                condition=Q(verhaal__isnull=True, start__isnull=True, eind__isnull=True)
                | Q(
                    verhaal__isnull=False,
                    start__isnull=False,
                    eind__isnull=False,
                    eind__gt=F("start"),
                ),
                name="verhalen_reflectie_passage_compleet",
            ),
        ]

    def __str__(self):
        return f"Reflectie op {self.collectie}"

    def get_absolute_url(self):
        """On the collection page: the reading page of its passage, the page of
        reflections that holds it (the view works both out)."""
        return f"{self.collectie.get_absolute_url()}?reflectie={self.pk}#reflectie-{self.pk}"

    def is_van(self, user):
        return user.is_authenticated and self.auteur_id == user.pk

    @property
    def is_over_passage(self):
        return self.verhaal_id is not None

    def passage_tekst(self):
        """The passage's words now (the caller has applied the visibility rule)."""
        if not self.is_over_passage:
            return ""
        return self.verhaal.tekst[self.start : self.eind].strip()

    @property
    def is_gewijzigd(self):
        return (self.gewijzigd_op - self.aangemaakt_op).total_seconds() > 60
