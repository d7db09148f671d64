from django.db import migrations

# The kinds of participant the lab's reports count visitors by; coordinators may
# rename, reorder or add kinds in the admin.
DEELNEMERSOORTEN = [
    "Bewoner of ervaringsdeskundige",
    "Professional",
    "Beleid",
    "Onderzoek of onderwijs",
    "Student",
    "Anders",
]


def maak_soorten(apps, schema_editor):
    Deelnemersoort = apps.get_model("kenniscafes", "Deelnemersoort")
    for volgorde, naam in enumerate(DEELNEMERSOORTEN, start=1):
        Deelnemersoort.objects.get_or_create(naam=naam, defaults={"volgorde": volgorde * 10})


class Migration(migrations.Migration):
    dependencies = [("kenniscafes", "0006_deelnemersoort")]

    operations = [migrations.RunPython(maak_soorten, migrations.RunPython.noop)]
