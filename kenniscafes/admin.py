"""The admin is where coordinators plan kenniscafés; registrations are theirs only."""

import csv
import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.db.models import F
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kennisagenda.models import Thema
from projecten.models import Bijdrage
from toolkit import csv_export
from toolkit.beheerlijst import DatumhierarchieZonderOverloop

from . import services
from .forms import AfgelastForm
from .models import (
    Aanmelding,
    Bijlage,
    Deelnemersoort,
    Feedback,
    Kenniscafe,
    Locatie,
    Reeks,
    Spreker,
)
from .opmaak import datum_kort


def _basis_url(request):
    return request.build_absolute_uri("/").rstrip("/")


@admin.register(Locatie)
class LocatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "adres", "plaats", "drempelvrij", "invalidentoilet", "ringleiding"]
    list_filter = ["plaats", "drempelvrij", "invalidentoilet", "ringleiding"]
    search_fields = ["naam", "adres", "plaats"]
    fieldsets = [
        (None, {"fields": ["naam", "adres", "postcode", "plaats", "route"]}),
        (
            _("Toegankelijkheid"),
            {"fields": ["drempelvrij", "invalidentoilet", "ringleiding", "toegankelijkheid"]},
        ),
    ]


@admin.register(Reeks)
class ReeksAdmin(admin.ModelAdmin):
    list_display = ["titel", "slug"]
    search_fields = ["titel"]
    prepopulated_fields = {"slug": ["titel"]}


@admin.register(Deelnemersoort)
class DeelnemersoortAdmin(admin.ModelAdmin):
    list_display = ["naam", "volgorde", "actief"]
    search_fields = ["naam"]


class SprekerInline(admin.TabularInline):
    model = Spreker
    extra = 1
    fields = ["persoon", "naam", "rol", "volgorde"]
    autocomplete_fields = ["persoon"]


class BijlageInline(admin.TabularInline):
    model = Bijlage
    extra = 0
    fields = ["titel", "soort", "bestand", "beschrijving", "volgorde"]


class BijdrageInline(admin.TabularInline):
    """What partners put in for this activity (hours, a room, catering, …)."""

    model = Bijdrage
    fk_name = "kenniscafe"
    fields = ["organisatie", "datum", "soort", "uren", "omschrijving"]
    autocomplete_fields = ["organisatie"]
    extra = 0


class AanmeldingInline(admin.TabularInline):
    """Registrations under the café: coordinators mark who attended after the café."""

    model = Aanmelding
    extra = 0
    can_delete = False
    fields = ["naam", "email", "organisatie", "status", "aangemeld_op", "aanwezig"]
    readonly_fields = ["naam", "email", "organisatie", "status", "aangemeld_op"]
    verbose_name_plural = _("aanmeldingen (na afloop: kies bij ‘aanwezig’ ja of nee)")

    def has_add_permission(self, request, obj=None):
        # People register through the website, so capacity and waiting list hold.
        return False


class KomendFilter(admin.SimpleListFilter):
    title = _("wanneer")
    parameter_name = "wanneer"

    def lookups(self, request, model_admin):
        return [
            ("komend", _("nog niet geweest")),
            ("voorbij", _("geweest")),
            ("zonder_datum", _("zonder datum")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "komend":
            return queryset.filter(eind__gte=now)
        if self.value() == "voorbij":
            return queryset.filter(eind__lt=now)
        if self.value() == "zonder_datum":
            return queryset.filter(start__isnull=True)
        return queryset


class DatumTijdVeld(forms.SplitDateTimeField):
    """A date box and a time box; an empty time becomes `standaardtijd`.

    Whether an empty time is allowed ("Tijd bekend" off) is the form's
    decision (KenniscafeAdminForm.clean), not this field's.
    """

    def __init__(self, *, standaardtijd, **kwargs):
        self.standaardtijd = standaardtijd
        super().__init__(widget=widgets.AdminSplitDateTime, required=False, **kwargs)

    def compress(self, data_list):
        if data_list and data_list[0] and data_list[1] in self.empty_values:
            data_list = [data_list[0], self.standaardtijd]
        return super().compress(data_list)


class KenniscafeAdminForm(forms.ModelForm):
    start = DatumTijdVeld(
        label=_("Begint"),
        standaardtijd=datetime.time(0, 0),
        help_text=Kenniscafe._meta.get_field("start").help_text,
    )
    eind = DatumTijdVeld(
        label=_("Eindigt"),
        standaardtijd=datetime.time(23, 59),
        help_text=_("Zonder ‘Tijd bekend’ mag de tijd leeg blijven, en de einddatum ook."),
    )
    online_link = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        widget=widgets.AdminURLFieldWidget,
        help_text=Kenniscafe._meta.get_field("online_link").help_text,
    )
    themas = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Thema.objects.hoofdthemas(),
        required=False,
        widget=FilteredSelectMultiple(_("thema's"), is_stacked=False),
        help_text=_("Thema's van de kennisagenda waar dit kenniscafé over gaat."),
    )

    class Meta:
        model = Kenniscafe
        fields = [
            "soort",
            "titel",
            "slug",
            "beschrijving",
            "themas",
            "start",
            "eind",
            "tijd_bekend",
            "locatie",
            "online_link",
            "werkteam",
            "project",
            "reeks",
            "capaciteit",
            "aanmelden_open",
            "aanmelden_tot",
            "herinnering_dagen",
            "status",
            "mededeling",
            "gepubliceerd",
            "is_voorbeeld",
            "verslag",
            "aantal_bezoekers",
            "organisaties_aanwezig",
        ]

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None:
            # Lock the café until the admin's transaction ends: registrations in
            # progress finish first and new ones wait, so the capacity check of
            # the model's clean() counts every confirmed registration.
            Kenniscafe.objects.select_for_update().filter(pk=self.instance.pk).first()
        tijd_bekend = cleaned_data.get("tijd_bekend")
        for veld in ("start", "eind"):
            datum, tijd = self[veld].data
            if tijd_bekend and datum and not tijd and veld in cleaned_data:
                waarde = cleaned_data[veld]
                self.add_error(
                    veld,
                    forms.ValidationError(
                        _(
                            "Vul een tijd in, of zet ‘Tijd bekend’ uit "
                            "als alleen de datum bekend is."
                        ),
                        code="tijd_ontbreekt",
                    ),
                )
                # Keep the date for the model's checks, which would otherwise
                # add "fill in a date" to a field whose date is filled in.
                cleaned_data[veld] = waarde
        start = cleaned_data.get("start")
        if not tijd_bekend and start and not self["eind"].data[0] and not self.has_error("eind"):
            # Only a date: the event lasts that day.
            cleaned_data["eind"] = timezone.make_aware(
                datetime.datetime.combine(timezone.localtime(start).date(), datetime.time(23, 59))
            )
        return cleaned_data


CSV_KOLOMMEN = [
    ("kenniscafé", lambda a: a.kenniscafe.titel),
    ("datum", lambda a: a.kenniscafe.datum_tekst),
    ("naam", lambda a: a.naam),
    ("e-mailadres", lambda a: a.email),
    ("organisatie", lambda a: a.organisatie),
    ("soort deelnemer", lambda a: a.deelnemersoort.naam if a.deelnemersoort else ""),
    ("rol", lambda a: a.rol),
    ("wat nodig", lambda a: a.behoeften),
    ("mag gemaild worden", lambda a: "ja" if a.contact_later else "nee"),
    ("status", lambda a: a.get_status_display()),
    ("aangemeld op", lambda a: timezone.localtime(a.aangemeld_op).strftime("%d-%m-%Y %H:%M")),
    ("aanwezig", lambda a: {True: "ja", False: "nee", None: ""}[a.aanwezig]),
]


@admin.register(Kenniscafe)
class KenniscafeAdmin(DatumhierarchieZonderOverloop, admin.ModelAdmin):
    form = KenniscafeAdminForm
    list_display = [
        "datum_kolom",
        "titel",
        "soort",
        "locatie",
        "aanmeldingen_kolom",
        "status",
        "gepubliceerd",
        "op_de_site",
    ]
    list_display_links = ["datum_kolom", "titel"]
    list_filter = [
        KomendFilter,
        "soort",
        "status",
        "gepubliceerd",
        ("thema_items__tag", admin.RelatedOnlyFieldListFilter),
        "werkteam",
        ("project", admin.RelatedOnlyFieldListFilter),
        "reeks",
    ]
    list_select_related = ["locatie"]
    autocomplete_fields = ["werkteam", "project"]
    date_hierarchy = "start"
    search_fields = [
        "titel",
        "beschrijving",
        "locatie__naam",
        "sprekers__naam",
        "sprekers__persoon__naam",
    ]
    prepopulated_fields = {"slug": ["titel"]}
    readonly_fields = ["aanmeldingen_overzicht", "sequence", "aangemaakt", "gewijzigd"]
    inlines = [SprekerInline, BijlageInline, BijdrageInline, AanmeldingInline]
    actions = [
        "afgelasten",
        "dupliceren",
        "exporteer_aanmeldingen",
        "neem_aanwezigheid_over",
        "vraag_feedback",
    ]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["soort", "titel", "slug", "beschrijving", "themas"]}),
        (
            _("Wanneer en waar"),
            {
                "fields": ["start", "eind", "tijd_bekend", "locatie", "online_link"],
                "description": _(
                    "Tijden zijn Nederlandse tijd. Kies een locatie, een online link of allebei."
                ),
            },
        ),
        (_("Organisatie"), {"fields": ["werkteam", "project", "reeks"]}),
        (
            _("Aanmelden"),
            {
                "fields": [
                    "capaciteit",
                    "aanmelden_open",
                    "aanmelden_tot",
                    "herinnering_dagen",
                    "aanmeldingen_overzicht",
                ]
            },
        ),
        (
            _("Status en publicatie"),
            {"fields": ["status", "mededeling", "gepubliceerd", "is_voorbeeld"]},
        ),
        (
            _("Na afloop"),
            {
                "fields": ["verslag", "aantal_bezoekers", "organisaties_aanwezig"],
                "description": _(
                    "Schrijf hier het verslag. Met de actie ‘Cijfers invullen uit de aanwezigheid’ "
                    "in de lijst vul je het aantal bezoekers en de organisaties automatisch in."
                ),
            },
        ),
        (
            _("Voor agenda-apps"),
            {"fields": ["sequence", "aangemaakt", "gewijzigd"], "classes": ["collapse"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).met_aantallen()

    @admin.display(description=_("datum"), ordering=F("start").desc(nulls_last=True))
    def datum_kolom(self, obj):
        if obj.start is None:
            return _("(nog geen datum)")
        return datum_kort(obj.start, tijd_bekend=obj.tijd_bekend)

    @admin.display(description=_("aanmeldingen / plaatsen"))
    def aanmeldingen_kolom(self, obj):
        plaatsen = "∞" if obj.capaciteit is None else obj.capaciteit
        tekst = f"{obj.aantal_bevestigd} / {plaatsen}"
        if obj.aantal_wachtlijst:
            tekst += f" (+{obj.aantal_wachtlijst} {_('wachtlijst')})"
        return tekst

    @admin.display(description=_("aanmeldingen"))
    def aanmeldingen_overzicht(self, obj):
        if obj.pk is None:
            return "—"
        url = (
            reverse("admin:kenniscafes_aanmelding_changelist") + f"?kenniscafe__id__exact={obj.pk}"
        )
        return format_html(
            "{} bevestigd, {} op de wachtlijst, {} vrije plaatsen — "
            '<a href="{}">bekijk de aanmeldingen</a> · '
            '<a href="{}">aanwezigheidslijst</a> · <a href="{}">rapport</a>',
            obj.aantal_bevestigd,
            obj.aantal_wachtlijst,
            "geen maximum" if obj.vrije_plaatsen is None else obj.vrije_plaatsen,
            url,
            obj.get_aanwezigheid_url(),
            obj.get_rapport_url(),
        )

    @admin.display(description=_("op de site"))
    def op_de_site(self, obj):
        if not obj.gepubliceerd:
            return _("(niet gepubliceerd)")
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("Bekijk op de site"))

    def save_model(self, request, obj, form, change):
        services.bewaar_kenniscafe(kenniscafe=obj, basis_url=_basis_url(request))

    def has_aanmeldingen_permission(self, request):
        return request.user.has_perm("kenniscafes.view_aanmelding")

    @admin.action(description=_("Afgelasten en aangemelde mensen mailen"), permissions=["change"])
    def afgelasten(self, request, queryset):
        form = AfgelastForm(request.POST if "bevestig" in request.POST else None)
        if form.is_bound and form.is_valid():
            totaal = 0
            for kenniscafe in queryset:
                totaal += services.afgelasten(
                    kenniscafe=kenniscafe,
                    mededeling=form.cleaned_data["mededeling"],
                    basis_url=_basis_url(request),
                )
            self.message_user(
                request,
                ngettext(
                    "%(cafes)d kenniscafé afgelast; %(mails)d mensen krijgen een e-mail.",
                    "%(cafes)d kenniscafés afgelast; %(mails)d mensen krijgen een e-mail.",
                    queryset.count(),
                )
                % {"cafes": queryset.count(), "mails": totaal},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Kenniscafés afgelasten"),
            "kenniscafes": queryset.met_aantallen(),
            "form": form,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/kenniscafes/kenniscafe/afgelasten.html", context)

    @admin.action(description=_("Kopiëren als begin van een nieuw kenniscafé"), permissions=["add"])
    def dupliceren(self, request, queryset):
        kopieen = [services.dupliceer_kenniscafe(kenniscafe=kenniscafe) for kenniscafe in queryset]
        self.message_user(
            request,
            ngettext(
                "%(aantal)d kopie gemaakt. Vul de datum in en publiceer.",
                "%(aantal)d kopieën gemaakt. Vul bij elke kopie de datum in en publiceer.",
                len(kopieen),
            )
            % {"aantal": len(kopieen)},
            messages.SUCCESS,
        )
        if len(kopieen) == 1:
            return HttpResponseRedirect(
                reverse("admin:kenniscafes_kenniscafe_change", args=[kopieen[0].pk])
            )
        return None

    @admin.action(description=_("Aanmeldingen downloaden (CSV)"), permissions=["aanmeldingen"])
    def exporteer_aanmeldingen(self, request, queryset):
        aanmeldingen = (
            Aanmelding.objects.filter(kenniscafe__in=queryset)
            .select_related("kenniscafe", "deelnemersoort")
            .order_by("kenniscafe__start", "kenniscafe__pk", "status", "aangemeld_op", "pk")
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="aanmeldingen-kenniscafes-{timezone.localdate():%Y-%m-%d}.csv"'
        )
        response.write(csv_export.BOM)  # so Excel reads the file as UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerow([kop for kop, _waarde in CSV_KOLOMMEN])
        for aanmelding in aanmeldingen:
            writer.writerow(
                [csv_export.veilige_cel(waarde(aanmelding)) for _kop, waarde in CSV_KOLOMMEN]
            )
        return response

    @admin.action(description=_("Cijfers invullen uit de aanwezigheid"), permissions=["change"])
    def neem_aanwezigheid_over(self, request, queryset):
        for kenniscafe in queryset:
            services.neem_aanwezigheid_over(kenniscafe=kenniscafe)
        self.message_user(
            request,
            _("Aantal bezoekers en organisaties ingevuld uit de aanwezigheid."),
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Om feedback vragen (alleen wie aanwezig was)"), permissions=["change"]
    )
    def vraag_feedback(self, request, queryset):
        aantal = sum(
            services.vraag_feedback(kenniscafe=kenniscafe, basis_url=_basis_url(request))
            for kenniscafe in queryset
        )
        self.message_user(
            request,
            _("%(aantal)d mensen die er waren krijgen een e-mail met de vraag om feedback.")
            % {"aantal": aantal},
            messages.SUCCESS,
        )


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Feedback comes from the form on the site; coordinators read it (no names)."""

    list_display = ["kenniscafe", "cijfer", "goed", "beter", "gegeven_op"]
    list_filter = ["cijfer", ("aanmelding__kenniscafe", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["aanmelding__kenniscafe"]
    fields = ["kenniscafe", "cijfer", "goed", "beter", "gegeven_op"]
    readonly_fields = fields

    @admin.display(description=_("activiteit"))
    def kenniscafe(self, obj):
        return obj.aanmelding.kenniscafe

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Aanmelding)
class AanmeldingAdmin(DatumhierarchieZonderOverloop, admin.ModelAdmin):
    list_display = [
        "naam",
        "email",
        "organisatie",
        "deelnemersoort",
        "kenniscafe",
        "status",
        "aanwezig",
        "aangemeld_op",
    ]
    list_filter = [
        "status",
        "aanwezig",
        "deelnemersoort",
        "contact_later",
        ("kenniscafe", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["kenniscafe", "deelnemersoort"]
    search_fields = ["naam", "email", "organisatie"]
    date_hierarchy = "aangemeld_op"
    readonly_fields = ["kenniscafe", "status", "aangemeld_op", "afgemeld_op", "geanonimiseerd_op"]
    fields = [
        "kenniscafe",
        "naam",
        "email",
        "organisatie",
        "deelnemersoort",
        "rol",
        "behoeften",
        "contact_later",
        "status",
        "aanwezig",
        "aangemeld_op",
        "afgemeld_op",
        "geanonimiseerd_op",
    ]
    actions = ["markeer_aanwezig", "markeer_afwezig", "afmelden"]

    def has_add_permission(self, request):
        # People register through the website, so capacity and waiting list hold.
        return False

    @admin.action(description=_("Markeren als aanwezig"), permissions=["change"])
    def markeer_aanwezig(self, request, queryset):
        aantal = services.markeer_aanwezigheid(aanmeldingen=queryset, aanwezig=True)
        self.message_user(request, _("%(aantal)d gemarkeerd als aanwezig.") % {"aantal": aantal})

    @admin.action(description=_("Markeren als niet aanwezig"), permissions=["change"])
    def markeer_afwezig(self, request, queryset):
        aantal = services.markeer_aanwezigheid(aanmeldingen=queryset, aanwezig=False)
        self.message_user(
            request, _("%(aantal)d gemarkeerd als niet aanwezig.") % {"aantal": aantal}
        )

    @admin.action(
        description=_("Afmelden (de eerste op de wachtlijst krijgt de plaats)"),
        permissions=["change"],
    )
    def afmelden(self, request, queryset):
        doorgeschoven = 0
        for aanmelding in queryset.exclude(status=Aanmelding.Status.AFGEMELD):
            if services.meld_af(aanmelding=aanmelding, basis_url=_basis_url(request)):
                doorgeschoven += 1
        self.message_user(
            request,
            _("Afgemeld. %(aantal)d mensen van de wachtlijst kregen een plaats.")
            % {"aantal": doorgeschoven},
        )
