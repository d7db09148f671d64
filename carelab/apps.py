from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CarelabConfig(AppConfig):
    name = "carelab"
    verbose_name = _("CARE lab")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import lookups, roles, sessieduur

        lookups.registreer()

        post_migrate.connect(roles.sync_role_permissions_handler, dispatch_uid="carelab.roles")
        user_logged_in.connect(sessieduur.start_sessie, dispatch_uid="carelab.sessieduur")
