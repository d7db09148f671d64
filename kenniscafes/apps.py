from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KenniscafesConfig(AppConfig):
    name = "kenniscafes"
    verbose_name = _("Kenniscafés")

    def ready(self):
        from kennisagenda import sections
        from toolkit import uploads

        from . import bestanden
        from . import sections as kenniscafe_sections

        uploads.registreer_bron("kenniscafes", bestanden.mag_downloaden)

        sections.register(
            "home", "kenniscafes/includes/_home.html", kenniscafe_sections.home, order=20
        )
        sections.register(
            "thema", "kenniscafes/includes/_sectie.html", kenniscafe_sections.thema, order=40
        )
        sections.register(
            "project", "kenniscafes/includes/_sectie.html", kenniscafe_sections.project, order=40
        )
        sections.register(
            "werkteam", "kenniscafes/includes/_sectie.html", kenniscafe_sections.werkteam, order=40
        )
        sections.register(
            "voor_jou",
            "kenniscafes/includes/_voor_jou.html",
            kenniscafe_sections.voor_jou,
            order=50,
        )

        from . import cache  # noqa: F401 - connects the cache invalidation receivers
