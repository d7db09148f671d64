"""The invented demo stories (verhalen/demo/verhalen.py)."""

import io

import pytest

from verhalen.demo import verhalen as demo_verhalen
from verhalen.models import Fragment, Toestemming, Verhaal

pytestmark = pytest.mark.django_db


def test_demo_stories_are_marked_spread_and_idempotent():
    demo_verhalen.load(io.StringIO())
    demo_verhalen.load(io.StringIO())

    verhalen = list(Verhaal.objects.all())
    assert len(verhalen) == len(demo_verhalen.VERHALEN) == 12
    assert all(v.tekst.startswith("(Verzonnen voorbeeld, geen echt verhaal.)") for v in verhalen)
    assert {v.toestemming for v in verhalen} == set(Toestemming.values)
    assert len({v.verteller_type for v in verhalen}) >= 5
    assert all(v.themas.exists() for v in verhalen)
    assert Fragment.objects.count() == sum(len(v[-1]) for v in demo_verhalen.VERHALEN)
    for fragment in Fragment.objects.select_related("verhaal"):
        assert fragment.verhaal.tekst[fragment.start : fragment.eind] == fragment.citaat
        assert fragment.codes.exists()
    assert {r.history_type for r in Verhaal.history.all()} == {"+"}
