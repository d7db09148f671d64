from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerhalenConfig(AppConfig):
    name = "verhalen"
    verbose_name = _("Verhalen")

    def ready(self):
        from kennisagenda import sections
        from verhalen import cache  # noqa: F401 - makes the cached home page stale
        from verhalen.selectors import koppelingen
        from verhalen.views import collecties
        from verhalen.views.voor_jou import brede_raad, onderzoeker

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
        for pagina, functie in (
            ("project_kop", koppelingen.sectie_project_verhalen),
            ("werkteam_kop", koppelingen.sectie_werkteam_verhalen),
        ):
            sections.register(pagina, "verhalen/includes/_verhalen_verwijzing.html", functie)
        # 'Voor jou' (the start page after login). Order 40 is left free for
        # a researcher's coding rounds.
        sections.register("voor_jou", "collecties/includes/_voor_jou.html", brede_raad, order=10)
        sections.register("voor_jou", "verhalen/includes/_voor_jou.html", onderzoeker, order=20)
