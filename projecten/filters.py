"""Filters for the public lists of projects, werkteams and publications.

Filter values are slugs (or the status word), so a filtered list has a URL
that reads well and survives renamed titles: /projecten/?thema=maatwerk&wijk=hillesluis.
Choices only offer what is in use, so no filter leads to an empty list by design.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from kennisagenda.models import Thema

from .models import (
    Organisatie,
    Project,
    Projectpartner,
    Publicatie,
    Status,
    ThemaProject,
    ThemaWerkteam,
    Werkteam,
    Wijk,
)

STATUS_KEUZES = [(status.value, status.label) for status in Status]


def thema_filter(through):
    """The themes (by slug) of at least one public item, given its thema `through` model."""
    return django_filters.ModelChoiceFilter(
        label=_("Thema"),
        field_name="themas",
        to_field_name="slug",
        empty_label=_("Alle thema's"),
        queryset=Thema.objects.filter(
            Exists(through.objects.filter(tag=OuterRef("pk"), content_object__gepubliceerd=True))
        ),
    )


class ZoekFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken"),
        method="filter_zoek",
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def filter_zoek(self, queryset, name, value):
        return queryset.zoek(value)


class PeriodeFilterSet(ZoekFilterSet):
    """Search and status (from the period): the lists of projects and werkteams."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_KEUZES, empty_label=_("Alle"), method="filter_status"
    )

    def filter_status(self, queryset, name, value):
        return queryset.in_status(value)


class ProjectFilter(PeriodeFilterSet):
    thema = thema_filter(ThemaProject)
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"),
        field_name="wijken",
        to_field_name="slug",
        empty_label=_("Alle wijken"),
        queryset=Wijk.objects.filter(
            Exists(
                Project.wijken.through.objects.filter(
                    wijk=OuterRef("pk"), project__gepubliceerd=True
                )
            )
        ),
    )
    financier = django_filters.ModelChoiceFilter(
        label=_("Financier"),
        to_field_name="slug",
        empty_label=_("Alle financiers"),
        queryset=Organisatie.objects.filter(
            Exists(Project.objects.gepubliceerd().filter(financier=OuterRef("pk")))
        ),
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        field_name="partners",
        to_field_name="slug",
        empty_label=_("Alle partners"),
        distinct=True,
        queryset=Organisatie.objects.filter(
            Exists(
                Projectpartner.objects.filter(
                    organisatie=OuterRef("pk"), project__gepubliceerd=True
                )
            )
        ),
    )

    class Meta:
        model = Project
        fields = ["q", "status", "thema", "wijk", "financier", "partner"]


class WerkteamFilter(PeriodeFilterSet):
    thema = thema_filter(ThemaWerkteam)
    project = django_filters.ModelChoiceFilter(
        label=_("Project"),
        to_field_name="slug",
        empty_label=_("Alle projecten"),
        queryset=Project.objects.gepubliceerd().filter(
            Exists(Werkteam.objects.filter(project=OuterRef("pk"), gepubliceerd=True))
        ),
    )

    class Meta:
        model = Werkteam
        fields = ["q", "status", "thema", "project"]


class PublicatieFilter(ZoekFilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken in titel en auteurs"),
        method="filter_zoek",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    soort = django_filters.ChoiceFilter(
        label=_("Soort"), choices=Publicatie.Soort.choices, empty_label=_("Alle soorten")
    )
    jaar = django_filters.NumberFilter(label=_("Jaar"), min_value=1990, max_value=2100)

    class Meta:
        model = Publicatie
        fields = ["q", "soort", "jaar"]
