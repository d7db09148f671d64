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
    # Plain SQL, not QuerySet.delete(): the historical state may still hold
    # models of apps whose tables are already gone (the cascade would read them).
    Wijk = apps.get_model("projecten", "Wijk")
    pks = list(
        Wijk.objects.filter(
            slug__in=[wijk.slug for wijk in WIJKEN], projecten__isnull=True
        ).values_list("pk", flat=True)
    )
    if pks:
        tabel = schema_editor.quote_name(Wijk._meta.db_table)
        plaatsen = ", ".join(["%s"] * len(pks))
        schema_editor.execute(f"DELETE FROM {tabel} WHERE id IN ({plaatsen})", pks)


class Migration(migrations.Migration):
    dependencies = [("projecten", "0002_wijk_cbs_wijkcode")]

    operations = [migrations.RunPython(create_wijken, remove_wijken)]
