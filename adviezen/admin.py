from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from toolkit.beheerlijst import DatumhierarchieZonderOverloop

from .models import Aanbeveling, Advies, Antwoord


class AanbevelingInline(admin.StackedInline):
    model = Aanbeveling
    extra = 0
    fields = ["volgorde", "tekst"]


@admin.register(Advies)
class AdviesAdmin(DatumhierarchieZonderOverloop, SimpleHistoryAdmin):
    """Superusers' view; members, researchers and coordinators work on the site."""

    list_display = ["titel", "status", "aangeboden_op", "aangeboden_aan"]
    list_filter = ["status"]
    search_fields = ["titel", "inleiding"]
    date_hierarchy = "aangeboden_op"
    prepopulated_fields = {"slug": ["titel"]}
    inlines = [AanbevelingInline]


@admin.register(Antwoord)
class AntwoordAdmin(SimpleHistoryAdmin):
    list_display = ["aanbeveling", "oordeel", "datum"]
    list_filter = ["oordeel"]
