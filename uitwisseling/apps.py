from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UitwisselingConfig(AppConfig):
    """Exchange with other QDA tools (REFI-QDA: .qdpx projects and .qdc codebooks)."""

    name = "uitwisseling"
    verbose_name = _("Uitwisseling met andere analyseprogramma's")
