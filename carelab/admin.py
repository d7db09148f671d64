from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Kennislijn, Thema
from .tweestaps import admin as tweestaps_admin  # noqa: F401  (the user admin with 2FA reset)


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


# django-axes' lists of login attempts: the same admins, with a date hierarchy
# that answers an impossible year with "?e=1" (carelab.beheerlijst). Importing
# axes.admin here registers its admins first, so they can be replaced.
from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin  # noqa: E402
from axes.models import AccessAttempt, AccessFailureLog, AccessLog  # noqa: E402

from .beheerlijst import DatumhierarchieZonderOverloop  # noqa: E402


class InlogpogingAdmin(DatumhierarchieZonderOverloop, AccessAttemptAdmin):
    pass


class InlogAdmin(DatumhierarchieZonderOverloop, AccessLogAdmin):
    pass


class MisluktInloggenAdmin(DatumhierarchieZonderOverloop, AccessFailureLogAdmin):
    pass


for _model, _model_admin in [
    (AccessAttempt, InlogpogingAdmin),
    (AccessLog, InlogAdmin),
    (AccessFailureLog, MisluktInloggenAdmin),
]:
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
        admin.site.register(_model, _model_admin)

from . import postvak_admin  # noqa: E402,F401  (the outbox: django-mailer's models, our lists)
