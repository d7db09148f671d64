from django.db import migrations

ROLES = ["onderzoeker", "brede_raad", "coordinator"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    """The role groups. Their permissions are kept in line with kennisagenda.roles
    after every migrate (see CarelabConfig.ready)."""

    dependencies = [
        ("carelab", "0002_kennisagenda_themas"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
