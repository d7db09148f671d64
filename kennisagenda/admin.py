from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Kennislijn, Thema


class SubcodeInline(admin.TabularInline):
    model = Thema
    fk_name = "parent"
    fields = ["name", "slug", "kleur", "volgorde"]
    prepopulated_fields = {"slug": ["name"]}
    extra = 0
    verbose_name = "subcode"
    verbose_name_plural = "subcodes"


@admin.register(Thema)
class ThemaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "parent", "is_kennisagenda", "volgorde"]
    list_filter = ["is_kennisagenda", ("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "beschrijving"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [SubcodeInline]


@admin.register(Kennislijn)
class KennislijnAdmin(admin.ModelAdmin):
    list_display = ["nummer", "titel"]
