from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    """The small web toolkit: no domain words, used by every app."""

    name = "toolkit"
    verbose_name = "Toolkit"

    def ready(self):
        from . import lookups

        lookups.registreer()
