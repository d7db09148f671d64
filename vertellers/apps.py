from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VertellersConfig(AppConfig):
    name = "vertellers"
    verbose_name = _("Vertellers")

    def ready(self):
        from kennisagenda import sections
        from verhalen.signals import verhaal_gewist

        from . import inzending, services
        from . import sections as vertellers_sections

        verhaal_gewist.connect(services.wis_contactgegevens, dispatch_uid="vertellers-wissen")
        sections.register(
            "verhaal",
            "vertellers/includes/_verhaal_sectie.html",
            vertellers_sections.op_verhaalpagina,
            order=10,
        )
        sections.register(
            "wachtrij_beoordeling",
            "vertellers/includes/_contact_beoordeling.html",
            inzending.contact_bij_beoordeling,
        )
