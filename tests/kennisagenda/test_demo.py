from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from kennisagenda.models import Kennislijn

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_loads_kennisagenda_lines():
    call_command("demo", stdout=StringIO())
    call_command("demo", stdout=StringIO())
    assert Kennislijn.objects.count() == 6


def test_demo_creates_no_accounts_outside_demo_mode():
    out = StringIO()
    call_command("demo", stdout=out)
    assert get_user_model().objects.count() == 0
    assert "Geen demo-accounts" in out.getvalue()


def test_demo_creates_one_account_per_role_in_demo_mode(settings):
    settings.DEMO_MODE = True
    out = StringIO()
    call_command("demo", stdout=out)
    users = {u.username: u for u in get_user_model().objects.all()}
    # One account per role can log in; the demo coding round's two invented
    # coders (verhalen/demo/rondes.py) cannot.
    inlogbaar = {naam for naam, user in users.items() if user.has_usable_password()}
    assert inlogbaar == {"onderzoeker", "raadslid", "coordinator", "verzamelaar", "beheerder"}
    assert set(users) - inlogbaar == {"demo-codeur-fatima", "demo-codeur-jan"}
    assert [g.name for g in users["raadslid"].groups.all()] == ["brede_raad"]
    assert users["coordinator"].is_staff and not users["coordinator"].is_superuser
    assert users["beheerder"].is_superuser
    assert "demo-onderzoeker-010" in out.getvalue()
