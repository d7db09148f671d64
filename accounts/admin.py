"""Accounts in the admin: who uses a second step, and a reset for someone who
lost their phone; django-axes' lists of login attempts."""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_totp.models import TOTPDevice

from toolkit.beheerlijst import DatumhierarchieZonderOverloop

from .tweestaps import services

User = get_user_model()


@admin.action(
    description="Tweestapsverificatie resetten (telefoon kwijt)",
    permissions=["tweestaps_reset"],
)
def reset_tweestaps(modeladmin, request, queryset):
    gebruikers = list(queryset)
    for user in gebruikers:
        services.zet_tweestaps_uit(user=user)
    namen = ", ".join(user.get_username() for user in gebruikers)
    modeladmin.message_user(
        request,
        f"Tweestapsverificatie gereset voor: {namen}. Bij de volgende keer inloggen "
        "stellen zij hem opnieuw in (verplicht voor onderzoekers en beheerders).",
        messages.SUCCESS,
    )


class GebruikerAdmin(UserAdmin):
    actions = [*UserAdmin.actions, reset_tweestaps]
    list_display = [*UserAdmin.list_display, "tweestaps_aan"]

    def get_queryset(self, request):
        apps = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(_tweestaps_aan=Exists(apps))

    @admin.display(boolean=True, description="Tweestaps", ordering="_tweestaps_aan")
    def tweestaps_aan(self, obj):
        return obj._tweestaps_aan

    def has_tweestaps_reset_permission(self, request):
        # Only superusers: resetting someone's second step is taking over their login.
        return request.user.is_superuser


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, GebruikerAdmin)


# django-axes' lists of login attempts: the same admins, with a date hierarchy
# that answers an impossible year with "?e=1" (toolkit.beheerlijst). Importing
# axes.admin (imported above) registers its admins first, so they can be replaced.


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
