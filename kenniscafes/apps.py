from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KenniscafesConfig(AppConfig):
    name = "kenniscafes"
    verbose_name = _("Kenniscafés")
