"""The database table of the shared cache (settings.CACHES without REDIS_URL).

Django makes it with `createcachetable`; running that here means `migrate`
alone sets up a fresh machine, a test database or a restored backup. With
Redis configured there is no database cache and nothing is made.
"""

from django.core.management import call_command
from django.db import migrations


def maak_cachetabel(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def verwijder_cachetabel(apps, schema_editor):
    from django.conf import settings

    for instellingen in settings.CACHES.values():
        if instellingen["BACKEND"].endswith("DatabaseCache"):
            tabel = schema_editor.quote_name(instellingen["LOCATION"])
            schema_editor.execute(f"DROP TABLE IF EXISTS {tabel}")


class Migration(migrations.Migration):
    dependencies = [("carelab", "0003_roles")]

    operations = [migrations.RunPython(maak_cachetabel, verwijder_cachetabel)]
