from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CarelabConfig(AppConfig):
    name = "carelab"
    verbose_name = _("CARE lab")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        # rechten, sessiepagina and tweestaps.middleware register what a
        # logged-in request reads ahead (carelab/vooraf.py).
        from . import lookups, rechten, roles, sessieduur, sessiepagina  # noqa: F401
        from .tweestaps import middleware  # noqa: F401

        lookups.registreer()

        post_migrate.connect(roles.sync_role_permissions_handler, dispatch_uid="carelab.roles")
        user_logged_in.connect(sessieduur.start_sessie, dispatch_uid="carelab.sessieduur")
