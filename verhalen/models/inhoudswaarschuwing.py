"""Content notes (inhoudswaarschuwingen) on a story or on a collection's excerpt.

A researcher or curator marks what a passage is about that a reader may want
to be warned for (a small fixed list plus a few words of free text); a teller
who sends in their own story may choose one too. In a collection such a
passage is folded behind its note until the reader opens it
(collecties/includes/_gevouwen.html: <details>, no JavaScript).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Inhoud(models.TextChoices):
    GEWELD = "geweld", _("geweld")
    HUISELIJK_GEWELD = "huiselijk-geweld", _("huiselijk geweld")
    SEKSUEEL_GEWELD = "seksueel-geweld", _("seksueel geweld")
    ZELFDODING = "zelfdoding", _("zelfdoding")
    ZELFBESCHADIGING = "zelfbeschadiging", _("zelfbeschadiging")
    OVERLIJDEN = "overlijden", _("overlijden en rouw")
    SCHULDEN = "schulden", _("schulden")
    VERSLAVING = "verslaving", _("verslaving")
    DISCRIMINATIE = "discriminatie", _("discriminatie")
    DAKLOOSHEID = "dakloosheid", _("dakloosheid")


def geldige_inhoud(waarde):
    """A list of distinct keys of `Inhoud`."""
    if not isinstance(waarde, list) or any(item not in Inhoud.values for item in waarde):
        raise ValidationError(_("Kies onderwerpen uit de lijst."), code="inhoud")
    if len(set(waarde)) != len(waarde):
        raise ValidationError(_("Kies elk onderwerp één keer."), code="inhoud")


class MetInhoudswaarschuwing(models.Model):
    inhoudswaarschuwingen = models.JSONField(
        _("inhoudswaarschuwing"),
        default=list,
        blank=True,
        validators=[geldige_inhoud],
        help_text=_("Waar een lezer voor gewaarschuwd wil worden. De tekst wordt dan ingeklapt."),
    )
    inhoudswaarschuwing_anders = models.CharField(
        _("andere inhoudswaarschuwing"),
        max_length=100,
        blank=True,
        help_text=_("In een paar woorden, bijvoorbeeld: uithuisplaatsing."),
    )

    class Meta:
        abstract = True

    @property
    def inhoudsnotities(self):
        """The note's words, in the order of the list, the free text last."""
        gekozen = set(self.inhoudswaarschuwingen or ())
        woorden = [str(label) for waarde, label in Inhoud.choices if waarde in gekozen]
        if self.inhoudswaarschuwing_anders:
            woorden.append(self.inhoudswaarschuwing_anders)
        return woorden


def samen(*dragers):
    """The notes of several objects together (a story and its excerpt), once each."""
    woorden = []
    for drager in dragers:
        for woord in drager.inhoudsnotities:
            if woord not in woorden:
                woorden.append(woord)
    return woorden
