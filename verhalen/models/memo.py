"""Memos: researchers' notes on a story, a code, a fragment, or on the
project as a whole (the research journal).

One model with three optional links and a check constraint (at most one
target) rather than a GenericForeignKey: each link is a real foreign key the
database guards and indexes, and the visibility rule can follow it in SQL.

Memos are for the research team only. A memo about a story, or about one of
its fragments, is only shown while that story is visible to the reader
(`Verhaal.objects.zichtbaar_voor`): a withdrawn story takes its memos with it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class MemoSoort(models.TextChoices):
    VERHAAL = "verhaal", _("Over een verhaal")
    CODE = "code", _("Over een code")
    FRAGMENT = "fragment", _("Over een fragment")
    LOGBOEK = "logboek", _("Onderzoekslogboek")


class MemoQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """The memos `user` may read: none without the permission
        verhalen.view_memo (researchers); of the others, those about no story
        or about a story (directly or through a fragment) `user` may see."""
        from verhalen.models.verhaal import Verhaal

        if user is None or not user.is_active or not user.has_perm("verhalen.view_memo"):
            return self.none()
        zichtbaar = Verhaal.objects.zichtbaar_voor(user).values("pk")
        return self.filter(Q(verhaal__isnull=True) | Q(verhaal__in=zichtbaar)).filter(
            Q(fragment__isnull=True) | Q(fragment__verhaal__in=zichtbaar)
        )

    def met_lijstgegevens(self):
        return self.select_related("auteur", "verhaal", "code", "fragment__verhaal")


class Memo(models.Model):
    titel = models.CharField(
        _("titel"),
        max_length=200,
        blank=True,
        help_text=_("Niet verplicht: een paar woorden die zeggen waar het memo over gaat."),
    )
    tekst = models.TextField(
        _("memo"),
        help_text=_(
            "Je gedachte, vraag of bevinding. Opmaak met Markdown mag (*schuin*, **vet**, "
            "- opsomming). Schrijf geen namen of andere gegevens van mensen op."
        ),
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="memos",
    )
    verhaal = models.ForeignKey(
        "verhalen.Verhaal",
        verbose_name=_("verhaal"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memos",
    )
    code = models.ForeignKey(
        "carelab.Thema",
        verbose_name=_("code"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memos",
    )
    fragment = models.ForeignKey(
        "verhalen.Fragment",
        verbose_name=_("fragment"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memos",
    )
    aangemaakt_op = models.DateTimeField(_("geschreven op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()
    objects = MemoQuerySet.as_manager()

    class Meta:
        verbose_name = _("memo")
        verbose_name_plural = _("memo's")
        ordering = ["-aangemaakt_op", "-pk"]
        permissions = [("exporteer_memo", _("Mag memo's exporteren"))]
        indexes = [
            models.Index(fields=["-aangemaakt_op", "-id"], name="memo_nieuwste"),
            models.Index(fields=["auteur", "-aangemaakt_op"], name="memo_auteur_nieuwste"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(verhaal__isnull=True, code__isnull=True)
                    | Q(verhaal__isnull=True, fragment__isnull=True)
                    | Q(code__isnull=True, fragment__isnull=True)
                ),
                name="verhalen_memo_hoogstens_een_onderwerp",
                violation_error_message=_(
                    "Een memo gaat over één verhaal, één code, één fragment of over niets "
                    "daarvan (logboek)."
                ),
            ),
        ]

    def __str__(self):
        if self.titel:
            return self.titel
        woorden = self.tekst.split()
        kort = " ".join(woorden[:8])
        return f"{kort}…" if len(woorden) > 8 else kort

    def get_absolute_url(self):
        return reverse("memos:detail", kwargs={"pk": self.pk})

    @property
    def soort(self):
        if self.verhaal_id:
            return MemoSoort.VERHAAL
        if self.code_id:
            return MemoSoort.CODE
        if self.fragment_id:
            return MemoSoort.FRAGMENT
        return MemoSoort.LOGBOEK

    def get_soort_display(self):
        return self.soort.label
