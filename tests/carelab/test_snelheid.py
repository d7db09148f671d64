"""Speed at scale (issue 7) for the core: roles read once per request, the
home page and theme hub in a constant number of queries."""

import pytest
from django.contrib.auth.models import Group

from carelab import roles

pytestmark = pytest.mark.django_db


# Roles ------------------------------------------------------------------------


def test_has_role_reads_the_groups_once_per_user_object(raadslid, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert roles.has_role(raadslid, roles.BREDE_RAAD)
        assert not roles.has_role(raadslid, roles.COORDINATOR)
        assert not roles.has_role(raadslid, roles.ONDERZOEKER)


def test_has_role_follows_a_group_added_to_the_same_user_object(gewone_gebruiker):
    assert not roles.has_role(gewone_gebruiker, roles.BREDE_RAAD)

    gewone_gebruiker.groups.add(Group.objects.get(name=roles.BREDE_RAAD))

    assert roles.has_role(gewone_gebruiker, roles.BREDE_RAAD)
    assert gewone_gebruiker.has_perm("verhalen.add_reflectie")


def test_has_role_follows_a_group_removed_from_the_same_user_object(raadslid):
    assert roles.has_role(raadslid, roles.BREDE_RAAD)
    assert raadslid.has_perm("verhalen.add_reflectie")

    raadslid.groups.remove(Group.objects.get(name=roles.BREDE_RAAD))

    assert not roles.has_role(raadslid, roles.BREDE_RAAD)
    assert not raadslid.has_perm("verhalen.add_reflectie")


def test_has_role_follows_cleared_groups(coordinator):
    assert roles.has_role(coordinator, roles.COORDINATOR)

    coordinator.groups.clear()

    assert not roles.has_role(coordinator, roles.COORDINATOR)


def test_a_group_change_from_the_group_side_reaches_the_next_request(client, gewone_gebruiker):
    from django.urls import reverse

    from tests.helpers import log_in

    log_in(client, gewone_gebruiker)
    assert client.get(reverse("collecties:list")).status_code == 200
    Group.objects.get(name=roles.BREDE_RAAD).user_set.add(gewone_gebruiker)

    response = client.get(reverse("home"))

    assert roles.has_role(response.wsgi_request.user, roles.BREDE_RAAD)


def test_anonymous_visitor_holds_no_role_and_costs_no_query(django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    with django_assert_num_queries(0):
        assert roles.rollen_van(AnonymousUser()) == frozenset()
        assert not roles.has_role(AnonymousUser(), roles.BREDE_RAAD)


# Theme managers (carelab.models.SnelleLabels) -------------------------------------


def test_theme_manager_without_prefetch_reads_the_objects_own_themes_in_order():
    from carelab.models import Thema
    from tests.verhalen.factories import VerhaalFactory

    vertrouwen, maatwerk = Thema.objects.get(slug="vertrouwen"), Thema.objects.get(slug="maatwerk")
    verhaal = VerhaalFactory(themas=[vertrouwen])
    verhaal.themas.add(maatwerk)
    VerhaalFactory(themas=[maatwerk])

    assert [t.slug for t in verhaal.themas.all()] == ["vertrouwen", "maatwerk"]
    assert sorted(verhaal.themas.names()) == ["maatwerk", "vertrouwen"]
    assert list(verhaal.themas.filter(slug="maatwerk")) == [maatwerk]
    assert verhaal.themas.count() == 2


def test_theme_manager_prefetch_serves_every_object_from_one_query(django_assert_num_queries):
    from carelab.models import Thema
    from tests.verhalen.factories import VerhaalFactory
    from verhalen.models import Verhaal

    maatwerk = Thema.objects.get(slug="maatwerk")
    VerhaalFactory.create_batch(3, themas=[maatwerk], trefwoorden=["wachten"])

    with django_assert_num_queries(3):  # stories, themes, keywords
        verhalen = list(Verhaal.objects.prefetch_related("themas", "trefwoorden"))
        labels = [
            ([t.slug for t in v.themas.all()], [t.name for t in v.trefwoorden.all()])
            for v in verhalen
        ]

    assert labels == [(["maatwerk"], ["wachten"])] * 3
