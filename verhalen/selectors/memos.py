"""Reading memos: the memo list's search and filters, and the memos shown
beside a story or a code.

Every memo comes from `Memo.objects.zichtbaar_voor(user)` (research team
only; a memo about a story that the reader may not see is left out).
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kennisagenda.models import Thema
from toolkit.widgets import DatumInvoer, SnelleSelect
from verhalen.models import FragmentThema, Memo, MemoSoort
from verhalen.tekst.woordvormen import lemma

MEMO_VOLGORDE = ("-aangemaakt_op", "-pk")  # index memo_nieuwste


def zoek(memos, zoekterm: str):
    """Memos in which every word of `zoekterm` (as typed or as its lemma)
    occurs in title or text, case-insensitive — the story search's simple
    form: memos are short and few next to stories, so no search index."""
    for woord in zoekterm.split():
        woord = woord.strip('"')
        if not woord:
            continue
        conditie = Q()
        for vorm in {woord, lemma(woord)}:
            conditie |= Q(titel__icontains=vorm) | Q(tekst__icontains=vorm)
        memos = memos.filter(conditie)
    return memos


def _auteurs():
    return (
        get_user_model()
        .objects.filter(memos__isnull=False)
        .distinct()
        .order_by("first_name", "username")
    )


class MemoFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Zoek in de memo's"),
        method="filter_zoek",
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("Woorden uit de titel of de tekst."),
    )
    soort = django_filters.ChoiceFilter(
        widget=SnelleSelect,
        label=_("Soort"),
        choices=MemoSoort.choices,
        empty_label=_("Alle memo's"),
        method="filter_soort",
    )
    auteur = django_filters.ModelChoiceFilter(
        widget=SnelleSelect,
        label=_("Geschreven door"),
        queryset=_auteurs(),
        to_field_name="username",
        empty_label=_("Iedereen"),
    )
    code = django_filters.ModelChoiceFilter(
        widget=SnelleSelect,
        label=_("Code"),
        queryset=Thema.objects.order_by("volgorde", "name"),
        to_field_name="slug",
        method="filter_code",
        empty_label=_("Alle codes"),
        help_text=_("Memo's over deze code of over een fragment met deze code."),
    )
    verhaal = django_filters.NumberFilter(
        label=_("Verhaalnummer"),
        method="filter_verhaal",
        min_value=1,
        help_text=_("Memo's over dit verhaal of over een fragment ervan."),
    )
    van = django_filters.DateFilter(
        label=_("Geschreven vanaf"),
        field_name="aangemaakt_op",
        lookup_expr="date__gte",
        widget=DatumInvoer,
    )
    tot = django_filters.DateFilter(
        label=_("Geschreven tot en met"),
        field_name="aangemaakt_op",
        lookup_expr="date__lte",
        widget=DatumInvoer,
    )

    class Meta:
        model = Memo
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["auteur"].queryset = _auteurs()
        self.form.fields["auteur"].label_from_instance = lambda user: (
            user.get_full_name() or user.username
        )

    def filter_zoek(self, queryset, name, value):
        return zoek(queryset, value)

    def filter_soort(self, queryset, name, soort):
        leeg = {"verhaal__isnull": True, "code__isnull": True, "fragment__isnull": True}
        if soort == MemoSoort.LOGBOEK:
            return queryset.filter(**leeg)
        return queryset.filter(**{f"{soort}__isnull": False})

    def filter_code(self, queryset, name, code):
        gecodeerd = FragmentThema.objects.filter(tag=code).values("content_object")
        return queryset.filter(Q(code=code) | Q(fragment__in=gecodeerd))

    def filter_verhaal(self, queryset, name, nummer):
        return queryset.filter(Q(verhaal_id=nummer) | Q(fragment__verhaal_id=nummer))

    @property
    def aantal_gekozen(self):
        if not self.form.is_bound:
            return 0
        return sum(1 for naam in self.filters if naam != "q" and self.data.get(naam))


def memos_bij_verhaal(verhaal, user):
    """The memos about `verhaal` and about its fragments that `user` may read,
    newest first, with what a list shows."""
    return (
        Memo.objects.zichtbaar_voor(user)
        .filter(Q(verhaal=verhaal) | Q(fragment__verhaal=verhaal))
        .select_related("auteur", "fragment")
    )


def memos_bij_code(code, user):
    """The memos about `code` that `user` may read, newest first."""
    return Memo.objects.zichtbaar_voor(user).filter(code=code).select_related("auteur")
