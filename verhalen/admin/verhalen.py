"""Admin for stories, fragments and erasure records — superusers only.

Coordinators have staff status for the admin of other apps, but never reach
story text here, whatever permissions they are given. Stories and fragments
are read-only: edits go through the site's forms and services, which keep the
version number, the re-anchoring of fragments and the history right. The
admin is where withdrawn stories are visible, and where a superuser can erase
one on request (the same service as the site).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from taggit.admin import TagAdmin  # registers taggit's Tag, replaced below
from taggit.models import Tag

from kennisagenda.admin import ThemaAdmin
from kennisagenda.models import Thema
from toolkit.beheerlijst import DatumhierarchieZonderOverloop
from verhalen.models import Fragment, Handeling, Verhaal, Verwijderverzoek
from verhalen.services import inzage, tellingen
from verhalen.services import verhalen as services


class AlleenBeheerderMixin:
    """Visible to superusers only; nothing can be added, changed or deleted."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class FragmentInline(admin.TabularInline):
    model = Fragment
    fields = ["start", "eind", "citaat", "codes_lijst", "memo", "codeur", "moet_herzien"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    @admin.display(description=_("codes"))
    def codes_lijst(self, fragment):
        return ", ".join(code.name for code in fragment.codes_lijst)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("codeur")
            .prefetch_related(Prefetch("codes", to_attr="codes_lijst"))
        )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Verhaal)
class VerhaalAdmin(DatumhierarchieZonderOverloop, AlleenBeheerderMixin, admin.ModelAdmin):
    list_display = [
        "pk",
        "titel",
        "verteller_type",
        "gemeente",
        "wijk",
        "toestemming",
        "versie",
        "gewijzigd_op",
        "is_gewist",
    ]
    list_display_links = ["pk", "titel"]
    list_filter = ["toestemming", "verteller_type", "verzamelwijze", "gemeente", "gewist_op"]
    search_fields = ["titel", "samenvatting", "pseudoniem"]
    date_hierarchy = "aangemaakt_op"
    list_select_related = ["wijk"]
    readonly_fields = [
        "titel",
        "pagina",
        "tekst",
        "samenvatting",
        "verteller_type",
        "pseudoniem",
        "leeftijdscategorie",
        "wijk",
        "gemeente",
        "verzamelwijze",
        "verzameld_op",
        "verzameld_door",
        "project",
        "werkteam",
        "themas_lijst",
        "trefwoorden_lijst",
        "toestemming",
        "toestemming_datum",
        "toestemming_vastgelegd_door",
        "versie",
        "aangemaakt_op",
        "gewijzigd_op",
        "gewist_op",
    ]
    fields = readonly_fields
    inlines = [FragmentInline]
    actions = ["wis_op_verzoek"]

    @admin.display(boolean=True, description=_("gewist"))
    def is_gewist(self, verhaal):
        return verhaal.gewist_op is not None

    @admin.display(description=_("thema's"))
    def themas_lijst(self, verhaal):
        return ", ".join(item["naam"] for item in verhaal.themas_snapshot) or "—"

    @admin.display(description=_("trefwoorden"))
    def trefwoorden_lijst(self, verhaal):
        return ", ".join(item["naam"] for item in verhaal.trefwoorden_snapshot) or "—"

    @admin.display(description=_("op de site"))
    def pagina(self, verhaal):
        inzagelog = format_html(
            '<a href="{}?verhaal_nummer={}">{}</a>',
            reverse("admin:verhalen_inzage_changelist"),
            verhaal.pk,
            _("wie heeft dit verhaal bekeken?"),
        )
        if verhaal.toestemming == "ingetrokken":
            return format_html("{} · {}", _("verborgen (toestemming ingetrokken)"), inzagelog)
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · {}',
            verhaal.get_absolute_url(),
            _("verhaal"),
            reverse("verhalen:geschiedenis", kwargs={"pk": verhaal.pk}),
            _("geschiedenis"),
            inzagelog,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        # The change page shows the whole text: log it like the story page.
        verhaal = response.context_data.get("original") if response.status_code == 200 else None
        if verhaal is not None:
            inzage.leg_vast(request=request, handeling=Handeling.VERHAAL_BEKEKEN, verhaal=verhaal)
        return response

    @admin.action(description=_("Inhoud wissen op verzoek (AVG)"))
    def wis_op_verzoek(self, request, queryset):
        if not request.user.has_perm("verhalen.wis_verhaal"):
            self.message_user(request, _("Je mag geen verhalen wissen."), messages.ERROR)
            return
        aantal = 0
        for verhaal in queryset.filter(gewist_op__isnull=True):
            services.wis_verhaal(verhaal=verhaal, door=request.user, kenmerk="via beheer")
            aantal += 1
        self.message_user(
            request, _("%(aantal)s verhaal/verhalen gewist.") % {"aantal": aantal}, messages.SUCCESS
        )

    def get_actions(self, request):
        # The erase action is offered although change permission is off.
        actions = super().get_actions(request)
        if not request.user.has_perm("verhalen.wis_verhaal"):
            actions.pop("wis_op_verzoek", None)
        return actions


@admin.register(Fragment)
class FragmentAdmin(AlleenBeheerderMixin, admin.ModelAdmin):
    list_display = ["pk", "verhaal", "start", "eind", "__str__", "codeur", "moet_herzien"]
    list_filter = ["moet_herzien"]
    search_fields = ["citaat", "memo"]
    list_select_related = ["verhaal", "codeur"]
    readonly_fields = [
        "verhaal",
        "start",
        "eind",
        "citaat",
        "codes_lijst",
        "memo",
        "codeur",
        "moet_herzien",
        "aangemaakt_op",
        "gewijzigd_op",
    ]
    fields = readonly_fields

    @admin.display(description=_("codes"))
    def codes_lijst(self, fragment):
        return ", ".join(item["naam"] for item in fragment.codes_snapshot) or "—"


@admin.register(Verwijderverzoek)
class VerwijderverzoekAdmin(DatumhierarchieZonderOverloop, AlleenBeheerderMixin, admin.ModelAdmin):
    list_display = ["verhaal_nummer", "uitgevoerd_door", "uitgevoerd_op", "kenmerk"]
    date_hierarchy = "uitgevoerd_op"
    search_fields = ["=verhaal_nummer", "kenmerk"]
    readonly_fields = ["verhaal", "verhaal_nummer", "uitgevoerd_door", "uitgevoerd_op", "kenmerk"]
    fields = readonly_fields


class TrefwoordAdmin(TagAdmin):
    """taggit's admin of the free keywords (its Tag), with the merge page guarded.

    taggit's own merge page only asks for staff status: a coordinator, who may
    not even see the keywords, could merge them. Here it asks the permission
    to change keywords, and forgets selected ids that are gone or no number
    (which made taggit's page fail).
    """

    def merge_tags_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        gekozen = [
            pk for pk in request.session.get("selected_tag_ids", "").split(",") if pk.isdigit()
        ]
        bestaand = [
            str(pk) for pk in Tag.objects.filter(pk__in=gekozen).values_list("pk", flat=True)
        ]
        if not bestaand:
            self.message_user(request, _("Kies eerst de trefwoorden om samen te voegen."))
            return redirect("admin:taggit_tag_changelist")
        request.session["selected_tag_ids"] = ",".join(bestaand)
        return super().merge_tags_view(request)


admin.site.unregister(Tag)
admin.site.register(Tag, TrefwoordAdmin)


# carelab's code admin, counting again after every write: moving, adding or
# deleting codes there (rare, superusers only) changes the stored counts of
# codes and stories (verhalen/services/tellingen.py); the site's services keep them
# right code by code.
admin.site.unregister(Thema)


@admin.register(Thema)
class GeteldeThemaAdmin(ThemaAdmin):
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        tellingen.herbereken()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        tellingen.herbereken()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        tellingen.herbereken()
