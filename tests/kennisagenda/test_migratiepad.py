"""The move of the shared vocabulary out of the project package (issue 20):
a database made when it was the app "carelab" needs no migration now.

The app kennisagenda keeps the label "carelab", so what an existing database
recorded under that label is what the app reports: the migrations applied,
the content types, the permissions and the tables. The names below are the
ones databases made before the move hold; they must not change.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from kennisagenda import roles
from kennisagenda.models import Kennislijn, Thema

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

# What a database migrated before the move recorded for the app "carelab".
MIGRATIES_VOOR_DE_VERHUIZING = {
    "0001_thema",
    "0002_kennisagenda_themas",
    "0003_roles",
    "0004_cachetabel",
}
INHOUDSTYPEN_VOOR_DE_VERHUIZING = {"thema", "historicalthema", "kennislijn"}
TABELLEN_VOOR_DE_VERHUIZING = {
    "carelab_thema",
    "carelab_historicalthema",
    "carelab_kennislijn",
}


def test_the_label_carelab_is_the_kennisagenda_app_with_its_migrations():
    config = apps.get_app_config("carelab")

    assert config.name == "kennisagenda"
    assert Thema._meta.app_label == "carelab"
    assert Thema._meta.db_table == "carelab_thema"
    assert Kennislijn._meta.db_table == "carelab_kennislijn"


def test_the_migrations_recorded_under_carelab_are_those_on_disk():
    toegepast = {
        naam for app, naam in MigrationRecorder(connection).applied_migrations() if app == "carelab"
    }

    assert toegepast == MIGRATIES_VOOR_DE_VERHUIZING
    # Nothing to apply and no model change without a migration.
    call_command("migrate", "--check", verbosity=0)
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_content_types_and_tables_keep_their_names():
    inhoudstypen = ContentType.objects.filter(app_label="carelab")

    assert {ct.model for ct in inhoudstypen} == INHOUDSTYPEN_VOOR_DE_VERHUIZING
    assert {ct.model_class()._meta.app_config.name for ct in inhoudstypen} == {"kennisagenda"}
    assert set(connection.introspection.table_names()) >= TABELLEN_VOOR_DE_VERHUIZING


def test_permissions_keep_their_names_for_those_who_may_and_may_not():
    onderzoeker = UserFactory(role=roles.ONDERZOEKER)
    raadslid = UserFactory(role=roles.BREDE_RAAD)

    assert Permission.objects.filter(
        content_type__app_label="carelab", codename="add_thema"
    ).exists()
    assert onderzoeker.has_perm("carelab.add_thema")
    assert not raadslid.has_perm("carelab.add_thema")
