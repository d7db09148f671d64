"""Admin for collections and reflections — superusers only.

Researchers curate collections on the site (/collecties/…); the admin is
where a superuser reads a collection's history and restores an earlier
version (django-simple-history), and removes a reflection that breaks the
house rules. Imported by verhalen/admin.py.
"""

from django.contrib import admin
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from toolkit.beheerlijst import DatumhierarchieZonderOverloop
from verhalen.models import Collectie, CollectieItem, Reflectie
from verhalen.services import tellingen


class AlleenBeheerder:
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request, *args):
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


class CollectieItemInline(AlleenBeheerder, admin.TabularInline):
    model = CollectieItem
    fields = ["volgorde", "verhaal", "notitie", "fragmenten"]
    raw_id_fields = ["verhaal"]
    filter_horizontal = ["fragmenten"]
    extra = 0


@admin.register(Collectie)
class CollectieAdmin(DatumhierarchieZonderOverloop, AlleenBeheerder, SimpleHistoryAdmin):
    list_display = ["titel", "publiek", "gepubliceerd", "gepubliceerd_op", "curator"]
    list_filter = ["publiek", "gepubliceerd"]
    search_fields = ["titel", "inleiding"]
    date_hierarchy = "aangemaakt_op"
    prepopulated_fields = {"slug": ["titel"]}
    raw_id_fields = ["curator"]
    inlines = [CollectieItemInline]

    # The admin writes collections and items itself (also when restoring a
    # version): each write keeps the stored counts right, as the services do.
    def save_model(self, request, obj, form, change):
        verhalen = tellingen.verhalen_in_collecties(obj) if obj.pk else set()
        with tellingen.bijgehouden(verhalen):
            super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        verhalen = tellingen.verhalen_in_collecties(form.instance) | {
            formulier.cleaned_data["verhaal"].pk
            for formulier in formset.forms
            if getattr(formulier, "cleaned_data", None) and formulier.cleaned_data.get("verhaal")
        }
        with tellingen.bijgehouden(verhalen):
            super().save_formset(request, form, formset, change)

    @transaction.atomic
    def delete_model(self, request, obj):
        with tellingen.bijgehouden(tellingen.verhalen_in_collecties(obj)):
            super().delete_model(request, obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        with tellingen.bijgehouden(tellingen.verhalen_in_collecties(*queryset)):
            super().delete_queryset(request, queryset)


@admin.register(Reflectie)
class ReflectieAdmin(DatumhierarchieZonderOverloop, AlleenBeheerder, admin.ModelAdmin):
    list_display = ["collectie", "auteur", "aangemaakt_op", "kort"]
    list_filter = ["collectie"]
    search_fields = ["tekst", "auteur__username", "auteur__first_name"]
    date_hierarchy = "aangemaakt_op"
    readonly_fields = ["collectie", "auteur", "tekst", "aangemaakt_op", "gewijzigd_op"]
    list_select_related = ["collectie", "auteur"]

    @admin.display(description=_("reflectie"))
    def kort(self, reflectie):
        return reflectie.tekst[:80]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
