"""Filters of the story list and its exports (/verhalen/, export.csv/json).

Values are slugs or choice keys, so a filtered list has a readable URL that
the export links can repeat: /verhalen/export.csv?thema=vertrouwen&gemeente=rotterdam.
The filters narrow a queryset that already went through `zichtbaar_voor`.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from kennisagenda.models import Thema
from projecten.models import Project, Werkteam, Wijk
from toolkit.widgets import DatumInvoer, SnelleSelect, opties_uit_rijen
from verhalen.models import (
    Gemeente,
    Kenmerk,
    KenmerkSoort,
    KenmerkWaarde,
    Toestemming,
    Verhaal,
    VerhaalThema,
    VertellerType,
    Verzamelwijze,
)
from verhalen.selectors import codeboek, search

TOESTEMMING_KEUZES = [k for k in Toestemming.choices if k[0] != Toestemming.INGETROKKEN]


def _wijken_per_gebied():
    """Wijken grouped by their gebied, as in the story form: [(gebied, [(slug, naam)])]."""
    groepen = {}
    for slug, naam, gebied in Wijk.objects.order_by("gebied", "naam").values_list(
        "slug", "naam", "gebied"
    ):
        groepen.setdefault(gebied, []).append((slug, naam))
    return groepen.items()


def _themas(queryset):
    """(slug, full name) of every theme, as Thema.volledige_naam names it."""
    for slug, naam, ouder in queryset.values_list("slug", "name", "parent__name"):
        yield slug, f"{ouder} › {naam}" if ouder else naam


# --- Filters per research attribute (Kenmerk) --------------------------------
# Each is an EXISTS on the typed column of KenmerkWaarde (indexed per attribute
# and column), so it narrows a queryset that already went through
# `zichtbaar_voor` without joining rows in.

LEEG = "null"  # the filter value for "no value" (as django-filter's null_value)
JA_NEE = {"ja": True, "nee": False}


def veldnaam(kenmerk: Kenmerk) -> str:
    return f"kenmerk_{kenmerk.slug}"


def _waarden(kenmerk, verhaal_pad, **voorwaarde):
    return KenmerkWaarde.objects.filter(
        verhaal=OuterRef(verhaal_pad), kenmerk=kenmerk, **voorwaarde
    )


def _methode(kenmerk, verhaal_pad, lookup):
    def filter_kenmerk(queryset, name, waarde):
        if waarde in (None, ""):
            return queryset
        if waarde == LEEG:
            return queryset.exclude(Exists(_waarden(kenmerk, verhaal_pad)))
        if kenmerk.soort == KenmerkSoort.JA_NEE:
            waarde = JA_NEE[waarde]
        voorwaarde = {f"{kenmerk.kolom}{lookup}": waarde}
        return queryset.filter(Exists(_waarden(kenmerk, verhaal_pad, **voorwaarde)))

    return filter_kenmerk


def kenmerk_filters(kenmerken, *, verhaal_pad: str = "pk") -> dict:
    """{filter name: Filter} for each attribute; `verhaal_pad` is the path
    from the filtered model to the story's pk ("pk", or "verhaal_id")."""
    filters = {}
    for kenmerk in kenmerken:
        naam = veldnaam(kenmerk)
        if kenmerk.soort in (KenmerkSoort.KEUZE, KenmerkSoort.JA_NEE):
            keuzes = (
                [(keuze, keuze) for keuze in kenmerk.keuzes]
                if kenmerk.soort == KenmerkSoort.KEUZE
                else [("ja", "ja"), ("nee", "nee")]
            )
            filters[naam] = django_filters.ChoiceFilter(
                label=kenmerk.naam,
                choices=[*keuzes, (LEEG, "(onbekend)")],
                empty_label="Alle",
                method=_methode(kenmerk, verhaal_pad, ""),
            )
        elif kenmerk.soort == KenmerkSoort.TEKST:
            filters[naam] = django_filters.CharFilter(
                label=kenmerk.naam,
                method=_methode(kenmerk, verhaal_pad, "__icontains"),
                help_text="Verhalen waarvan dit kenmerk deze woorden bevat.",
            )
        else:
            klasse = (
                django_filters.NumberFilter
                if kenmerk.soort == KenmerkSoort.GETAL
                else django_filters.DateFilter
            )
            extra = {"widget": DatumInvoer} if kenmerk.soort == KenmerkSoort.DATUM else {}
            if kenmerk.soort == KenmerkSoort.GETAL:
                extra = {"widget": forms.NumberInput(attrs={"step": "any"})}
            filters[f"{naam}_van"] = klasse(
                label=f"{kenmerk.naam}: vanaf",
                method=_methode(kenmerk, verhaal_pad, "__gte"),
                **extra,
            )
            filters[f"{naam}_tot"] = klasse(
                label=f"{kenmerk.naam}: tot en met",
                method=_methode(kenmerk, verhaal_pad, "__lte"),
                **extra,
            )
    return filters


def voeg_kenmerk_filters_toe(filterset, *, verhaal_pad: str = "pk") -> list[Kenmerk]:
    """Add the attribute filters to a FilterSet in its __init__, before its form
    is made; returns the attributes (read once)."""
    kenmerken = list(Kenmerk.objects.all())
    filterset.filters.update(kenmerk_filters(kenmerken, verhaal_pad=verhaal_pad))
    return kenmerken


class VerhaalFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Zoek in de verhalen"),
        method="filter_zoek",
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_('Woorden uit titel, samenvatting of tekst. Gebruik "…" voor een zinsdeel.'),
    )
    thema = django_filters.ModelChoiceFilter(
        widget=SnelleSelect,
        label=_("Thema"),
        queryset=Thema.objects.select_related("parent").order_by("volgorde", "name"),
        to_field_name="slug",
        method="filter_thema",
        empty_label=_("Alle thema's"),
        help_text=_("Ook verhalen met een subcode van dit thema."),
    )
    verteller_type = django_filters.ChoiceFilter(
        widget=SnelleSelect,
        label=_("Wie vertelt"),
        choices=VertellerType.choices,
        empty_label=_("Iedereen"),
    )
    gemeente = django_filters.ChoiceFilter(
        widget=SnelleSelect,
        label=_("Gemeente"),
        choices=Gemeente.choices,
        empty_label=_("Alle gemeenten"),
    )
    wijk = django_filters.ModelChoiceFilter(
        widget=SnelleSelect,
        label=_("Wijk"),
        queryset=Wijk.objects.order_by("naam"),
        to_field_name="slug",
        empty_label=_("Alle wijken"),
    )
    verzamelwijze = django_filters.ChoiceFilter(
        widget=SnelleSelect,
        label=_("Hoe verzameld"),
        choices=Verzamelwijze.choices,
        empty_label=_("Alle manieren"),
    )
    codering = django_filters.ChoiceFilter(
        widget=SnelleSelect,
        label=_("Codering"),
        choices=[("nog-niet", _("Nog niet gecodeerd")), ("gecodeerd", _("Gecodeerd"))],
        empty_label=_("Gecodeerd of niet"),
        method="filter_codering",
    )
    verteller = django_filters.ChoiceFilter(
        widget=SnelleSelect,
        label=_("Reactie van de verteller"),
        choices=[("oneens", _("Verteller vindt een thema niet kloppen"))],
        empty_label=_("Alle verhalen"),
        method="filter_verteller",
    )
    toestemming = django_filters.ChoiceFilter(
        widget=SnelleSelect,
        label=_("Toestemming"),
        choices=TOESTEMMING_KEUZES,
        empty_label=_("Alle"),
    )
    van = django_filters.DateFilter(
        label=_("Verzameld vanaf"),
        field_name="verzameld_op",
        lookup_expr="gte",
        widget=DatumInvoer,
    )
    tot = django_filters.DateFilter(
        label=_("Verzameld tot en met"),
        field_name="verzameld_op",
        lookup_expr="lte",
        widget=DatumInvoer,
    )
    project = django_filters.ModelChoiceFilter(
        widget=SnelleSelect,
        label=_("Project"),
        queryset=Project.objects.order_by("titel"),
        to_field_name="slug",
        empty_label=_("Alle projecten"),
    )
    werkteam = django_filters.ModelChoiceFilter(
        widget=SnelleSelect,
        label=_("Werkteam"),
        queryset=Werkteam.objects.order_by("naam"),
        to_field_name="slug",
        empty_label=_("Alle werkteams"),
    )

    class Meta:
        model = Verhaal
        fields = []

    def __init__(self, *args, rangschik_tot=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kenmerken = voeg_kenmerk_filters_toe(self)
        # The list ranks at most this many matches by relevance (search.zoek).
        self.rangschik_tot = rangschik_tot
        # How many stories match, up to rangschik_tot + 1, when the search
        # counted them to decide the order (else None).
        self.aantal = None
        velden = self.form.fields
        opties_uit_rijen(velden["thema"], lambda: _themas(velden["thema"].queryset))
        for naam, label in [("project", "titel"), ("werkteam", "naam")]:
            rijen = velden[naam].queryset.values_list("slug", label)
            opties_uit_rijen(velden[naam], rijen.all)
        opties_uit_rijen(velden["wijk"], _wijken_per_gebied)

    def filter_zoek(self, queryset, name, value):
        # Searched last (filter_queryset), so the count that decides between
        # relevance and newest first sees every other filter too.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.zoekterm:
            return queryset
        queryset, self.aantal = search.zoek_geteld(
            queryset, self.zoekterm, rangschik_tot=self.rangschik_tot
        )
        return queryset

    def filter_codering(self, queryset, name, waarde):
        """Stories with ("gecodeerd") or without ("nog-niet") any fragment, by
        their stored count (verhalen/services/tellingen.py; no row yet means none)."""
        gecodeerd = Q(telling__fragmenten__gt=0)
        return queryset.filter(gecodeerd if waarde == "gecodeerd" else ~gecodeerd)

    def filter_verteller(self, queryset, name, waarde):
        """Stories whose teller said a theme does not fit or misses something."""
        return queryset.verteller_oneens()

    def filter_thema(self, queryset, name, thema):
        """Stories tagged with `thema` or any of its sub-codes (any depth; the
        tree is read in one query)."""
        getagd = VerhaalThema.objects.filter(
            content_object=OuterRef("pk"), tag__in=codeboek.subtree_pks(thema)
        )
        return queryset.filter(Exists(getagd))

    @property
    def zoekterm(self):
        if self.form.is_bound and self.form.is_valid():
            return self.form.cleaned_data.get("q") or ""
        return ""

    @property
    def aantal_gekozen(self):
        """How many filters (not the search words) have a value."""
        if not self.form.is_bound:
            return 0
        return sum(1 for naam in self.filters if naam != "q" and self.data.get(naam))

    @property
    def is_actief(self):
        return self.form.is_bound and any(
            value for key, value in self.data.items() if key in self.filters
        )
