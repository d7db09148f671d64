"""The one slug finder (toolkit/slugs.py): free, not reserved, one query."""

import pytest

from kennisagenda.models import Thema
from toolkit.slugs import vrije_slug

from ..factories import ThemaFactory

pytestmark = pytest.mark.django_db


def test_a_free_name_keeps_its_slug():
    assert vrije_slug("Wachten op hulp", bezet=Thema.objects.all(), standaard="x", lengte=50) == (
        "wachten-op-hulp"
    )


def test_a_taken_slug_gets_the_next_free_number_in_one_query(django_assert_num_queries):
    ThemaFactory(name="Wachten", slug="wachten")
    ThemaFactory(name="Wachten 2", slug="wachten-2")

    with django_assert_num_queries(1):
        slug = vrije_slug("Wachten", bezet=Thema.objects.all(), standaard="x", lengte=50)

    assert slug == "wachten-3"


def test_a_reserved_path_is_never_given_and_a_row_may_keep_its_own_slug():
    eigen = ThemaFactory(name="Export", slug="export-2")
    gereserveerd = frozenset({"export"})

    anderen = vrije_slug(
        "Export", bezet=Thema.objects.all(), standaard="x", lengte=50, gereserveerd=gereserveerd
    )
    zelf = vrije_slug(
        "Export",
        bezet=Thema.objects.exclude(pk=eigen.pk),
        standaard="x",
        lengte=50,
        gereserveerd=gereserveerd,
    )

    assert (anderen, zelf) == ("export-3", "export-2")


def test_a_name_without_letters_or_digits_gets_the_default_cut_to_length():
    assert vrije_slug("!!!", bezet=Thema.objects.all(), standaard="code", lengte=50) == "code"
    assert len(vrije_slug("a" * 300, bezet=Thema.objects.all(), standaard="x", lengte=90)) == 90
