from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerhalenConfig(AppConfig):
    name = "verhalen"
    verbose_name = _("Verhalen")

    def ready(self):
        from kennisagenda import sections
        from verhalen import cache  # noqa: F401 - makes the cached home page stale
        from verhalen.views import collecties

        sections.register(
            "thema",
            "collecties/includes/_thema_collecties.html",
            collecties.sectie_thema_collecties,
            order=10,
        )
        sections.register(
            "thema",
            "collecties/includes/_thema_tellingen.html",
            collecties.sectie_thema_tellingen,
            order=15,
        )
        sections.register(
            "home",
            "collecties/includes/_home_collecties.html",
            collecties.sectie_home_collecties,
            order=30,
        )
