from django.db import migrations

from kennisagenda.data import KENNISAGENDA_THEMAS, THEMA_KLEUREN


def create_themas(apps, schema_editor):
    Thema = apps.get_model("carelab", "Thema")
    for position, (slug, name, beschrijving) in enumerate(KENNISAGENDA_THEMAS):
        Thema.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "beschrijving": beschrijving,
                "is_kennisagenda": True,
                "volgorde": (position + 1) * 10,
                "kleur": THEMA_KLEUREN[position % len(THEMA_KLEUREN)],
            },
        )


def remove_themas(apps, schema_editor):
    Thema = apps.get_model("carelab", "Thema")
    Thema.objects.filter(slug__in=[slug for slug, _, _ in KENNISAGENDA_THEMAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("carelab", "0001_thema")]

    operations = [migrations.RunPython(create_themas, remove_themas)]
