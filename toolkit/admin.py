"""The outbox in the admin: the queue, deferred mail and dead letters, and the log.

django-mailer's own admins show each mail's body and can send from the
request; these show recipients, subject, state and the last error — never the
body (a password-reset mail carries a login link) — and "Opnieuw versturen"
only puts mail back in the queue for the postman (toolkit/postbode.py).
Coordinators see both lists and may requeue; only superusers may delete.
"""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from mailer import admin as mailer_admin  # noqa: F401  (registers its admins, replaced below)
from mailer.models import PRIORITY_DEFERRED, Message, MessageLog

from .postbode import dode_brieven, opnieuw_in_de_wachtrij


def _ontvangers(bericht):
    return ", ".join(bericht.to_addresses or [])


class AlleenLezen:
    """Nothing in these lists is typed in by hand."""

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        return self.fields


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("wachtrij", _("In de wachtrij")),
            ("uitgesteld", _("Uitgesteld (wordt opnieuw geprobeerd)")),
            ("opgegeven", _("Opgegeven (dode brief)")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "wachtrij":
            return queryset.exclude(priority=PRIORITY_DEFERRED)
        if self.value() == "uitgesteld":
            return queryset.filter(priority=PRIORITY_DEFERRED).exclude(
                pk__in=dode_brieven().values("pk")
            )
        if self.value() == "opgegeven":
            return queryset.filter(pk__in=dode_brieven().values("pk"))
        return queryset


class PostvakAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ["id", "ontvangers", "onderwerp", "when_added", "status", "retry_count"]
    list_filter = [StatusFilter]
    fields = ["ontvangers", "onderwerp", "when_added", "status", "retry_count"]
    actions = ["opnieuw_versturen"]

    @admin.display(description=_("aan"))
    def ontvangers(self, bericht):
        return _ontvangers(bericht)

    @admin.display(description=_("onderwerp"))
    def onderwerp(self, bericht):
        return bericht.subject

    @admin.display(description=_("status"))
    def status(self, bericht):
        if bericht.priority != PRIORITY_DEFERRED:
            return _("In de wachtrij")
        if bericht.retry_count >= settings.MAILER_EMAIL_MAX_RETRIES:
            return _("Opgegeven (dode brief)")
        return _("Uitgesteld")

    @admin.action(description=_("Opnieuw versturen"), permissions=["change"])
    def opnieuw_versturen(self, request, queryset):
        aantal = opnieuw_in_de_wachtrij(queryset)
        self.message_user(
            request, _("%(aantal)d bericht(en) weer in de wachtrij.") % {"aantal": aantal}
        )


class PostlogAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ["when_attempted", "ontvangers", "onderwerp", "result", "log_message"]
    list_filter = ["result"]
    fields = ["when_attempted", "ontvangers", "onderwerp", "result", "log_message"]

    @admin.display(description=_("aan"))
    def ontvangers(self, regel):
        return _ontvangers(regel)

    @admin.display(description=_("onderwerp"))
    def onderwerp(self, regel):
        return regel.subject or ""

    def has_change_permission(self, request, obj=None):
        return False


admin.site.unregister(Message)
admin.site.register(Message, PostvakAdmin)
admin.site.unregister(MessageLog)
admin.site.register(MessageLog, PostlogAdmin)
