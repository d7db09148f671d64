from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectenConfig(AppConfig):
    name = "projecten"
    verbose_name = _("Projecten en werkteams")

    def ready(self):
        from carelab import sections

        from .selectors import projecten_voor_thema

        sections.register(
            "thema", "projecten/includes/_thema_projecten.html", projecten_voor_thema, order=30
        )
