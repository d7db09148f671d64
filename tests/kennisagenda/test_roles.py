import pytest
from django.contrib.auth.models import Group, Permission

from kennisagenda import roles

pytestmark = pytest.mark.django_db


def test_role_groups_exist_after_migrate():
    names = set(Group.objects.values_list("name", flat=True))
    assert {roles.ONDERZOEKER, roles.BREDE_RAAD, roles.COORDINATOR} <= names


def test_every_declared_permission_exists():
    for role, entries in roles.ROLE_PERMISSIONS.items():
        for entry in entries:
            app_label, codename = entry.split(".", 1)
            found = Permission.objects.filter(content_type__app_label=app_label)
            if codename != "*":
                found = found.filter(codename=codename)
            assert found.exists(), f"{role}: permission {entry} does not exist"


def test_groups_hold_their_declared_permissions():
    for role in roles.ROLE_PERMISSIONS:
        group = Group.objects.get(name=role)
        assert set(group.permissions.all()) == set(roles.permissions_for(role))


def test_researcher_may_change_themes_but_coordinator_may_not(onderzoeker, coordinator):
    assert onderzoeker.has_perm("carelab.change_thema")
    assert not coordinator.has_perm("carelab.change_thema")


def test_brede_raad_member_changes_only_advice(raadslid):
    # Members co-author advice; nothing else shared is theirs to change.
    veranderen = {perm for perm in raadslid.get_all_permissions() if ".change_" in perm}
    assert veranderen == {"adviezen.change_advies"}


def test_has_role(onderzoeker, raadslid):
    assert roles.has_role(onderzoeker, roles.ONDERZOEKER)
    assert not roles.has_role(raadslid, roles.ONDERZOEKER)
