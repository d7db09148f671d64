from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class KennisagendaConfig(AppConfig):
    """The shared vocabulary (themes, lines of the kennisagenda) and the roles.

    The label stays "carelab", the app's name before it moved out of the project
    package: tables (carelab_thema), content types, permissions
    ("carelab.add_thema") and the migration history are unchanged, so an existing
    database needs no migration.
    """

    name = "kennisagenda"
    label = "carelab"
    verbose_name = _("CARE lab")

    def ready(self):
        from . import cache, roles  # noqa: F401  (cache: its signal handlers)

        post_migrate.connect(roles.sync_role_permissions_handler, dispatch_uid="carelab.roles")
