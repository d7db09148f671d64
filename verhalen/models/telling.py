"""Counts kept as data (verhalen/services/tellingen.py keeps them right).

Pages show these numbers instead of counting a million fragments per view:
- `Codetelling`: per code and audience, the stories and fragments on the code
  or any of its sub-codes (a fragment coded with a code and its sub-code
  counts once) — the codebook and the theme hubs;
- `Collectietelling`: per collection and audience, the stories that audience
  may read in it — the collection lists and cards;
- `Verhaaltelling`: per story, its fragments and the distinct codes on them —
  the story list.

An audience (`publiek`) is a key of TOESTEMMING_VOOR_PUBLIEK, i.e. what
`zichtbaarheidsniveau(user)` returns. A missing row counts as zero.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verhalen.models.verhaal import TOESTEMMING_VOOR_PUBLIEK

PUBLIEKEN = tuple(TOESTEMMING_VOOR_PUBLIEK)


class Codetelling(models.Model):
    """What a reader of `publiek` may count on a code (and its sub-codes).

    Researchers ("onderzoek") count every story that is not withdrawn; others
    only the stories in published collections they may read there, so nobody
    learns how many restricted stories exist.
    """

    thema = models.ForeignKey(
        "carelab.Thema", verbose_name=_("code"), on_delete=models.CASCADE, related_name="+"
    )
    publiek = models.CharField(_("publiek"), max_length=20, editable=False)
    verhalen = models.PositiveIntegerField(_("verhalen"), default=0)
    fragmenten = models.PositiveIntegerField(_("fragmenten"), default=0)

    class Meta:
        verbose_name = _("telling van een code")
        verbose_name_plural = _("tellingen van codes")
        constraints = [
            models.UniqueConstraint(fields=["thema", "publiek"], name="verhalen_codetelling_uniek"),
            models.CheckConstraint(
                condition=Q(publiek__in=PUBLIEKEN), name="verhalen_codetelling_publiek_geldig"
            ),
        ]

    def __str__(self):
        return f"{self.thema_id}/{self.publiek}: {self.verhalen} verhalen, {self.fragmenten} fr."


class Collectietelling(models.Model):
    """How many of a collection's stories a reader of `publiek` may read there."""

    collectie = models.ForeignKey(
        "verhalen.Collectie",
        verbose_name=_("collectie"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    publiek = models.CharField(_("publiek"), max_length=20, editable=False)
    verhalen = models.PositiveIntegerField(_("verhalen"), default=0)

    class Meta:
        verbose_name = _("telling van een collectie")
        verbose_name_plural = _("tellingen van collecties")
        constraints = [
            models.UniqueConstraint(
                fields=["collectie", "publiek"], name="verhalen_collectietelling_uniek"
            ),
            models.CheckConstraint(
                condition=Q(publiek__in=PUBLIEKEN), name="verhalen_collectietelling_publiek_geldig"
            ),
        ]

    def __str__(self):
        return f"{self.collectie_id}/{self.publiek}: {self.verhalen}"


class Verhaaltelling(models.Model):
    """A story's coding progress: its fragments and the distinct codes on them."""

    verhaal = models.OneToOneField(
        "verhalen.Verhaal",
        verbose_name=_("verhaal"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="telling",
    )
    fragmenten = models.PositiveIntegerField(_("fragmenten"), default=0)
    codes = models.PositiveIntegerField(_("codes"), default=0)

    class Meta:
        verbose_name = _("telling van een verhaal")
        verbose_name_plural = _("tellingen van verhalen")

    def __str__(self):
        return f"{self.verhaal_id}: {self.fragmenten} fragmenten, {self.codes} codes"
