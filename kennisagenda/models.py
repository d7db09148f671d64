from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.models import ItemBase, TagBase


class ThemaQuerySet(models.QuerySet):
    def hoofdthemas(self):
        return self.filter(parent__isnull=True)

    def kennisagenda(self):
        return self.filter(is_kennisagenda=True)


class Thema(TagBase):
    """A theme of the kennisagenda, or a researcher's sub-code under one.

    One vocabulary for the whole platform: stories, fragments, collections,
    projects, werkteams and kenniscafés are all tagged with it.
    """

    beschrijving = models.TextField(
        _("beschrijving"), blank=True, help_text=_("Wat dit thema inhoudt, in gewone taal.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("valt onder"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subcodes",
        help_text=_("Leeg voor een hoofdthema; kies een thema om hier een subcode van te maken."),
    )
    is_kennisagenda = models.BooleanField(
        _("kennisagenda-thema"),
        default=False,
        help_text=_("Een officieel thema uit de kennisagenda van het CARE lab."),
    )
    definitie = models.TextField(
        _("wanneer gebruiken"),
        blank=True,
        help_text=_("Codeerregel: wanneer past deze code bij een fragment, en wanneer niet."),
    )
    voorbeeld = models.TextField(_("voorbeeld"), blank=True)
    kleur = models.CharField(
        _("kleur"),
        max_length=7,
        default="#1f5f8b",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Gebruik een kleurcode als #1f5f8b."))],
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=100)

    history = HistoricalRecords()
    objects = ThemaQuerySet.as_manager()

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["volgorde", "name"]
        indexes = [models.Index(fields=["parent", "volgorde"])]

    def get_absolute_url(self):
        return reverse("themas:detail", kwargs={"slug": self.slug})

    @property
    def volledige_naam(self):
        """'Vertrouwen › wantrouwen' for a sub-code, just the name for a main theme.

        For lists of themes, select_related("parent") keeps this to one query.
        """
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError(
                    {
                        "parent": ValidationError(
                            _("Een thema kan niet onder zichzelf vallen."), code="cycle"
                        )
                    }
                )
            ancestor = ancestor.parent


class ThemaItemBase(ItemBase):
    """Base for the per-model through tables that tag objects with a Thema.

    Concrete subclasses add `content_object = ForeignKey(<model>)`; a real
    foreign key (instead of taggit's generic one) keeps joins indexed. A
    subclass's own Meta extends `ThemaItemBase.Meta` to keep the constraint
    that tags an object with a theme only once.
    """

    tag = models.ForeignKey(
        Thema,
        verbose_name=_("thema"),
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_items",
    )

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="%(app_label)s_%(class)s_uniek"
            )
        ]


class Kennislijn(models.Model):
    """One of the numbered lines of work in the kennisagenda."""

    nummer = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    titel = models.CharField(_("titel"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("lijn van de kennisagenda")
        verbose_name_plural = _("lijnen van de kennisagenda")
        ordering = ["nummer"]

    def __str__(self):
        return f"{self.nummer}. {self.titel}"
