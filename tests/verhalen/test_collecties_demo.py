"""The demo collections: one for the Brede Raad and one public per main theme,
only with stories whose consent allows it, and safe to load twice."""

from io import StringIO

import pytest

from verhalen.demo import collecties as demo_collecties
from verhalen.demo import verhalen as demo_verhalen
from verhalen.models import Collectie, CollectieItem, Publiek, Reflectie

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEMO_MODE = True
    from accounts import demo as accounts_demo
    from kennisagenda import demo as kennisagenda_demo

    kennisagenda_demo.load(StringIO())
    accounts_demo.load(StringIO())
    demo_verhalen.load(StringIO())
    uitvoer = StringIO()
    demo_collecties.load(uitvoer)
    return uitvoer.getvalue()


def test_each_main_theme_has_a_published_brede_raad_and_a_public_collection(demo):
    for thema in ("maatwerk", "vertrouwen", "bestaanszekerheid"):
        publieken = set(
            Collectie.objects.gepubliceerd()
            .filter(themas__slug=thema)
            .values_list("publiek", flat=True)
        )
        assert publieken == {Publiek.BREDE_RAAD, Publiek.OPENBAAR}, thema


def test_demo_only_holds_stories_whose_consent_allows_the_audience(demo):
    for collectie in Collectie.objects.all():
        items = collectie.items.all()
        assert items, collectie
        toegestaan = (
            {"openbaar"} if collectie.publiek == Publiek.OPENBAAR else {"openbaar", "brede_raad"}
        )
        assert {item.verhaal.toestemming for item in items} <= toegestaan, collectie
    assert "2 verhaal/verhalen niet toegevoegd" in demo


def test_demo_is_idempotent(demo):
    aantallen = (
        Collectie.objects.count(),
        CollectieItem.objects.count(),
        Reflectie.objects.count(),
    )
    demo_collecties.load(StringIO())
    assert (
        Collectie.objects.count(),
        CollectieItem.objects.count(),
        Reflectie.objects.count(),
    ) == aantallen
    assert aantallen[0] == 6
    # One on the collection, one on a passage of a story in it.
    assert aantallen[2] == 2


def test_demo_without_stories_creates_empty_drafts_only(settings):
    demo_collecties.load(StringIO())
    assert not Collectie.objects.gepubliceerd().exists()
