from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VertellersConfig(AppConfig):
    name = "vertellers"
    verbose_name = _("Vertellers")

    def ready(self):
        from verhalen.signals import verhaal_gewist

        from . import services

        verhaal_gewist.connect(services.wis_contactgegevens, dispatch_uid="vertellers-wissen")
