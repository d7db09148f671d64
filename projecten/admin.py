"""The admin where coordinators keep projects, werkteams, people and publications."""

from django.contrib import admin
from django.contrib.admin import widgets
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from toolkit import csv_export
from toolkit.beheerlijst import DatumhierarchieZonderOverloop

from . import selectors
from .forms import ProjectAdminForm, WerkteamAdminForm
from .models import (
    Bijdrage,
    Bijeenkomst,
    Lidmaatschap,
    Organisatie,
    Persoon,
    Project,
    Projectpartner,
    Publicatie,
    Status,
    Teamlid,
    Werkteam,
    Wijk,
)


class StatusFilter(admin.SimpleListFilter):
    """Status follows from the period, so it is filtered through the queryset."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.in_status(self.value())
        return queryset


# Links typed without a scheme ("www.…") become https://, as Django 6 will do.
URL_HTTPS = {
    models.URLField: {"widget": widgets.AdminURLFieldWidget, "assume_scheme": "https"},
}


PERIODE_FIELDSET = (
    _("Periode"),
    {
        "fields": (("startjaar", "startmaand"), ("eindjaar", "eindmaand")),
        "description": _(
            "Vul alleen in wat zeker is. De status (gepland, lopend, afgerond) volgt "
            "vanzelf uit de periode."
        ),
    },
)


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    formfield_overrides = URL_HTTPS
    list_display = ["naam", "afkorting", "soort", "website"]
    list_filter = ["soort"]
    search_fields = ["naam", "afkorting"]
    prepopulated_fields = {"slug": ["naam"]}


@admin.register(Persoon)
class PersoonAdmin(admin.ModelAdmin):
    list_display = ["naam", "organisatie", "functie", "toon_naam_publiek"]
    list_filter = ["toon_naam_publiek", "organisatie__soort"]
    list_select_related = ["organisatie"]
    search_fields = ["naam", "functie", "organisatie__naam"]
    autocomplete_fields = ["organisatie"]

    def get_fields(self, request, obj=None):
        fields = ["naam", "organisatie", "functie", "toon_naam_publiek"]
        # Linking an account needs access to accounts, which only a beheerder has.
        if request.user.is_superuser:
            fields.append("gebruiker")
        return fields

    def get_autocomplete_fields(self, request):
        fields = super().get_autocomplete_fields(request)
        return [*fields, "gebruiker"] if request.user.is_superuser else fields


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    list_display = ["naam", "gebied", "cbs_wijkcode"]
    list_filter = ["gebied"]
    search_fields = ["naam", "gebied", "cbs_wijkcode"]
    prepopulated_fields = {"slug": ["naam"]}


class ProjectpartnerInline(admin.TabularInline):
    model = Projectpartner
    fields = ["organisatie", "rol", "van", "tot"]
    autocomplete_fields = ["organisatie"]
    extra = 1


class TeamlidInline(admin.TabularInline):
    model = Teamlid
    fields = ["persoon", "rol", "van", "tot"]
    autocomplete_fields = ["persoon"]
    extra = 1


class BijeenkomstInline(admin.StackedInline):
    model = Bijeenkomst
    fields = [("datum", "soort"), "titel", "verslag"]
    extra = 0


class BijdrageInline(admin.TabularInline):
    """Partners' contributions, under the project or the activity they were for."""

    model = Bijdrage
    fields = ["organisatie", "datum", "soort", "uren", "omschrijving"]
    autocomplete_fields = ["organisatie"]
    extra = 0


class PublicatieInline(admin.StackedInline):
    formfield_overrides = URL_HTTPS
    model = Publicatie
    fields = [("titel", "slug"), ("soort", "jaar"), "auteurs", ("link", "bestand"), "gepubliceerd"]
    prepopulated_fields = {"slug": ["titel"]}
    show_change_link = True
    extra = 0


class ProjectPublicatieInline(PublicatieInline):
    fk_name = "project"
    autocomplete_fields = ["werkteam"]
    fields = [*PublicatieInline.fields, "werkteam"]


class WerkteamPublicatieInline(PublicatieInline):
    fk_name = "werkteam"


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    form = ProjectAdminForm
    list_display = ["titel", "periode", "status_display", "financier", "gepubliceerd"]
    list_filter = [
        StatusFilter,
        "gepubliceerd",
        ("financier", admin.RelatedOnlyFieldListFilter),
        "wijken__gebied",
        "themas",
    ]
    list_select_related = ["financier"]
    search_fields = ["titel", "samenvatting", "dossiernummer", "partners__naam"]
    prepopulated_fields = {"slug": ["titel"]}
    autocomplete_fields = ["financier", "wijken"]
    inlines = [
        ProjectpartnerInline,
        TeamlidInline,
        BijeenkomstInline,
        ProjectPublicatieInline,
        BijdrageInline,
    ]
    readonly_fields = ["aangemaakt", "gewijzigd"]
    fieldsets = [
        (None, {"fields": ["titel", "slug", "samenvatting", "gepubliceerd"]}),
        (_("Inhoud"), {"fields": ["achtergrond", "doelstelling", "opzet", "resultaten"]}),
        PERIODE_FIELDSET,
        (_("Financiering"), {"fields": ["financier", ("dossiernummer", "subsidiebedrag")]}),
        (_("Waar en waarover"), {"fields": ["wijken", "themas"]}),
        (_("Vastgelegd"), {"fields": [("aangemaakt", "gewijzigd")], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("status"))
    def status_display(self, obj):
        return obj.get_status_display()


class LidmaatschapInline(admin.TabularInline):
    model = Lidmaatschap
    fields = ["persoon", "rol", "organisatie", "van", "tot"]
    autocomplete_fields = ["persoon", "organisatie"]
    extra = 1


@admin.register(Werkteam)
class WerkteamAdmin(SimpleHistoryAdmin):
    form = WerkteamAdminForm
    list_display = ["naam", "periode", "status_display", "project", "aantal_leden", "gepubliceerd"]
    list_filter = [
        StatusFilter,
        "gepubliceerd",
        ("project", admin.RelatedOnlyFieldListFilter),
        "themas",
    ]
    list_select_related = ["project"]
    search_fields = ["naam", "leervraag", "beschrijving"]
    prepopulated_fields = {"slug": ["naam"]}
    autocomplete_fields = ["project", "wijken"]
    inlines = [LidmaatschapInline, BijeenkomstInline, WerkteamPublicatieInline]
    readonly_fields = ["aangemaakt", "gewijzigd"]
    fieldsets = [
        (None, {"fields": ["naam", "slug", "leervraag", "project", "gepubliceerd"]}),
        (_("Inhoud"), {"fields": ["beschrijving", "resultaten", "themas", "wijken"]}),
        PERIODE_FIELDSET,
        (_("Vastgelegd"), {"fields": [("aangemaakt", "gewijzigd")], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        # The count groups the rows, which drops the model's default ordering:
        # order again, so the autocomplete's pages are stable.
        return (
            super()
            .get_queryset(request)
            .annotate(_aantal_leden=Count("lidmaatschappen"))
            .order_by(*self.model._meta.ordering)
        )

    @admin.display(description=_("status"))
    def status_display(self, obj):
        return obj.get_status_display()

    @admin.display(description=_("leden"), ordering="_aantal_leden")
    def aantal_leden(self, obj):
        return obj._aantal_leden


@admin.register(Bijeenkomst)
class BijeenkomstAdmin(DatumhierarchieZonderOverloop, admin.ModelAdmin):
    list_display = ["datum", "soort", "titel", "werkteam", "project"]
    list_filter = [
        "soort",
        ("werkteam", admin.RelatedOnlyFieldListFilter),
        ("project", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["werkteam", "project"]
    search_fields = ["titel", "verslag", "werkteam__naam", "project__titel"]
    autocomplete_fields = ["werkteam", "project"]
    date_hierarchy = "datum"


@admin.register(Publicatie)
class PublicatieAdmin(SimpleHistoryAdmin):
    formfield_overrides = URL_HTTPS
    list_display = ["titel", "soort", "jaar", "auteurs", "project", "werkteam", "gepubliceerd"]
    list_filter = [
        "soort",
        "jaar",
        "gepubliceerd",
        ("project", admin.RelatedOnlyFieldListFilter),
        ("werkteam", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["project", "werkteam"]
    search_fields = ["titel", "auteurs", "samenvatting"]
    prepopulated_fields = {"slug": ["titel"]}
    autocomplete_fields = ["project", "werkteam"]
    fieldsets = [
        (None, {"fields": ["titel", "slug", "soort", "auteurs", "jaar", "gepubliceerd"]}),
        (_("Waar te vinden"), {"fields": ["link", "bestand"]}),
        (_("Samenvatting"), {"fields": ["samenvatting"]}),
        (_("Hoort bij"), {"fields": ["project", "werkteam"]}),
    ]


@admin.register(Bijdrage)
class BijdrageAdmin(DatumhierarchieZonderOverloop, admin.ModelAdmin):
    list_display = ["datum", "organisatie", "soort", "uren", "waarvoor", "omschrijving"]
    list_filter = [
        "soort",
        ("organisatie", admin.RelatedOnlyFieldListFilter),
        ("project", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["organisatie", "project", "kenniscafe"]
    search_fields = ["organisatie__naam", "omschrijving", "project__titel", "kenniscafe__titel"]
    # The partner as a plain list: a required autocomplete renders an empty,
    # invalid <select required>.
    autocomplete_fields = ["project", "kenniscafe"]
    date_hierarchy = "datum"
    actions = ["jaaroverzicht"]

    @admin.display(description=_("waarvoor"))
    def waarvoor(self, obj):
        return obj.waarvoor

    @admin.action(description=_("Jaaroverzicht per partner downloaden (CSV)"), permissions=["view"])
    def jaaroverzicht(self, request, queryset):
        return csv_export.csv_response(
            "bijdragen-per-partner.csv",
            ["partner", "jaar", "soort", "aantal keer", "uren", "waarvoor"],
            selectors.jaaroverzicht_bijdragen(queryset),
        )
