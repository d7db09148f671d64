from django.db import migrations

from projecten.wijken import WIJKEN


def create_wijken(apps, schema_editor):
    Wijk = apps.get_model("projecten", "Wijk")
    for wijk in WIJKEN:
        Wijk.objects.update_or_create(
            slug=wijk.slug,
            defaults={"naam": wijk.naam, "gebied": wijk.gebied, "cbs_wijkcode": wijk.cbs_wijkcode},
        )


def remove_wijken(apps, schema_editor):
    Wijk = apps.get_model("projecten", "Wijk")
    Wijk.objects.filter(slug__in=[wijk.slug for wijk in WIJKEN], projecten__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("projecten", "0002_wijk_cbs_wijkcode")]

    operations = [migrations.RunPython(create_wijken, remove_wijken)]
