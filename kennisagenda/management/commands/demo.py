from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = (
        "Laadt de demo-inhoud: feiten uit de documenten van het CARE lab en verzonnen "
        "voorbeeldverhalen. Veilig om vaker te draaien. Demo-accounts alleen met DJANGO_DEBUG=1."
    )

    def handle(self, *args, **options):
        # Each app may offer `<app>/demo.py` with load(stdout); apps load in
        # INSTALLED_APPS order, so later apps can link to earlier content.
        for app_config in apps.get_app_configs():
            if not module_has_submodule(app_config.module, "demo"):
                continue
            module = import_module(f"{app_config.name}.demo")
            with transaction.atomic():
                module.load(stdout=self.stdout)
            self.stdout.write(self.style.SUCCESS(f"Demo geladen: {app_config.verbose_name}"))
