from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectenConfig(AppConfig):
    name = "projecten"
    verbose_name = _("Projecten en werkteams")

    def ready(self):
        from kennisagenda import sections
        from toolkit import uploads

        from . import bestanden
        from .selectors import projecten_voor_thema

        uploads.registreer_bron("publicaties", bestanden.mag_downloaden)

        sections.register(
            "thema", "projecten/includes/_thema_projecten.html", projecten_voor_thema, order=30
        )
