"""The access log (inzagelog): who viewed or exported stories, and when.

One row per page that showed a story's text, or per export. Rows are written
by `verhalen.services.inzage.leg_vast` from the views, never edited, and
only superusers read them (read-only, in the admin). Old rows are removed by
`manage.py ruim_inzagelog_op` after INZAGELOG_BEWAREN_MAANDEN months.

What is kept is the minimum needed to answer "who saw this story?": the
account, the moment, the kind of access, the story (or, for an export, how
many stories and which filters), and the page's path. No IP address and no
story content are stored.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Handeling(models.TextChoices):
    VERHAAL_BEKEKEN = "verhaal_bekeken", _("verhaal bekeken")
    GESCHIEDENIS_BEKEKEN = "geschiedenis_bekeken", _("geschiedenis bekeken")
    FRAGMENTEN_BEKEKEN = "fragmenten_bekeken", _("fragmenten van een code bekeken")
    COLLECTIE_GELEZEN = "collectie_gelezen", _("collectie gelezen")
    EXPORT_CSV = "export_csv", _("verhalen geëxporteerd (CSV)")
    EXPORT_JSON = "export_json", _("verhalen geëxporteerd (JSON)")
    FRAGMENTEN_EXPORT = "fragmenten_export", _("fragmenten van een code geëxporteerd")
    CODEBOEK_EXPORT = "codeboek_export", _("codeboektelling geëxporteerd")
    COLLECTIE_EXPORT = "collectie_export", _("collectie geëxporteerd")
    MEMO_EXPORT = "memo_export", _("memo's geëxporteerd")
    EXPORT_QDPX = "export_qdpx", _("verhalen geëxporteerd (REFI-QDA-project)")
    EXPORT_QDC = "export_qdc", _("codeboek geëxporteerd (REFI-QDA)")
    RONDE_EXPORT = "ronde_export", _("betrouwbaarheidsgegevens van een coderingsronde geëxporteerd")


EXPORTS = frozenset(
    {
        Handeling.EXPORT_CSV,
        Handeling.EXPORT_JSON,
        Handeling.FRAGMENTEN_EXPORT,
        Handeling.CODEBOEK_EXPORT,
        Handeling.COLLECTIE_EXPORT,
        Handeling.MEMO_EXPORT,
        Handeling.EXPORT_QDPX,
        Handeling.EXPORT_QDC,
        Handeling.RONDE_EXPORT,
    }
)


class InzageQuerySet(models.QuerySet):
    def exports(self):
        return self.filter(handeling__in=EXPORTS)

    def ouder_dan(self, grens):
        return self.filter(moment__lt=grens)


class Inzage(models.Model):
    """One view or export of story content by one account."""

    moment = models.DateTimeField(_("moment"), auto_now_add=True, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept when the account is removed, so the log still says who it was.
    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=150)
    handeling = models.CharField(_("handeling"), max_length=30, choices=Handeling)
    # The story survives in the log when it is erased or deleted: the FK
    # becomes NULL, the number stays.
    verhaal = models.ForeignKey(
        "verhalen.Verhaal",
        verbose_name=_("verhaal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inzages",
    )
    verhaal_nummer = models.PositiveIntegerField(_("verhaalnummer"), null=True, blank=True)
    aantal = models.PositiveIntegerField(
        _("aantal"),
        null=True,
        blank=True,
        help_text=_("Bij een export of lijst: hoeveel verhalen of fragmenten erin stonden."),
    )
    onderwerp = models.CharField(
        _("onderwerp"),
        max_length=200,
        blank=True,
        help_text=_("De code of collectie (slug) waar het om ging."),
    )
    filters = models.TextField(
        _("filters"), blank=True, help_text=_("De filters van de export (querystring).")
    )
    pad = models.CharField(_("pagina"), max_length=500, blank=True)

    objects = InzageQuerySet.as_manager()

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzagelog")
        ordering = ["-moment", "-pk"]
        indexes = [
            models.Index(fields=["gebruiker", "-moment"], name="inzage_gebruiker_moment"),
            models.Index(fields=["verhaal_nummer", "-moment"], name="inzage_verhaal_moment"),
            models.Index(fields=["handeling", "-moment"], name="inzage_handeling_moment"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(handeling__in=Handeling.values),
                name="inzage_handeling_geldig",
            ),
            # A story's FK may be emptied later, but never without its number.
            models.CheckConstraint(
                condition=models.Q(verhaal__isnull=True) | models.Q(verhaal_nummer__isnull=False),
                name="inzage_verhaal_heeft_nummer",
            ),
        ]

    def __str__(self):
        wat = self.get_handeling_display()
        if self.verhaal_nummer:
            wat = f"{wat} (verhaal {self.verhaal_nummer})"
        return f"{self.gebruikersnaam}: {wat}"
