from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdviezenConfig(AppConfig):
    name = "adviezen"
    verbose_name = _("Adviezen van de Brede Raad")

    def ready(self):
        from kennisagenda import sections

        from . import secties

        sections.register(
            "voor_jou", "adviezen/includes/_voor_jou.html", secties.voor_jou, order=30
        )
        sections.register(
            "verteller", "adviezen/includes/_verteller.html", secties.verteller, order=30
        )
