"""The access log in the admin: superusers read it, nobody can change it.

Not even a superuser can add, edit or delete a row here; old rows go only
through `manage.py ruim_inzagelog_op` (retention period).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from toolkit.beheerlijst import DatumhierarchieZonderOverloop
from verhalen.admin.verhalen import AlleenBeheerderMixin
from verhalen.models import Inzage


@admin.register(Inzage)
class InzageAdmin(DatumhierarchieZonderOverloop, AlleenBeheerderMixin, admin.ModelAdmin):
    list_display = [
        "moment",
        "gebruikersnaam",
        "handeling",
        "verhaal_nummer",
        "aantal",
        "onderwerp",
        "filters",
    ]
    list_display_links = ["moment"]
    list_filter = [
        "handeling",
        ("gebruiker", admin.RelatedOnlyFieldListFilter),
        "moment",
    ]
    date_hierarchy = "moment"
    search_fields = ["=gebruikersnaam", "=verhaal_nummer", "onderwerp", "pad"]
    search_help_text = _(
        "Zoek op een gebruikersnaam of verhaalnummer (precies), of op een code, "
        "collectie of pagina."
    )
    list_per_page = 50
    # The log grows large: no COUNT(*) of the whole table on every page.
    show_full_result_count = False
    readonly_fields = [
        "moment",
        "gebruiker",
        "gebruikersnaam",
        "handeling",
        "verhaal",
        "verhaal_nummer",
        "aantal",
        "onderwerp",
        "filters",
        "pad",
    ]
    fields = readonly_fields
