"""Demo sub-codes: created once, applied to the example stories, never doubled."""

import io

import pytest

from kennisagenda.models import Thema
from verhalen.demo import codeboek as demo_codeboek
from verhalen.demo import verhalen as demo_verhalen
from verhalen.models import Fragment

pytestmark = pytest.mark.django_db


def test_demo_codeboek_adds_subcodes_with_rules_and_is_idempotent():
    demo_verhalen.load(io.StringIO())
    demo_codeboek.load(io.StringIO())
    fragmenten = Fragment.objects.count()

    uitvoer = io.StringIO()
    demo_codeboek.load(uitvoer)

    assert uitvoer.getvalue() == (
        "Codeboek: 0 subcode(s) toegevoegd, 0 fragment(en) gecodeerd met een subcode."
    )
    assert Fragment.objects.count() == fragmenten
    subcodes = Thema.objects.filter(slug__in=[s[0] for s in demo_codeboek.SUBCODES])
    assert {(c.slug, c.parent.slug) for c in subcodes} == {
        ("van-loket-naar-loket", "complexiteit-en-regeldruk"),
        ("papierwerk", "complexiteit-en-regeldruk"),
        ("persoonlijk-contact", "vertrouwen"),
        ("schaamte-als-drempel", "vertrouwen"),
    }
    assert all(c.definitie and c.voorbeeld for c in subcodes)
    papierwerk = Fragment.objects.filter(codes__slug="papierwerk")
    assert sorted(f.citaat for f in papierwerk) == [
        "Bij het derde loket vroegen ze dezelfde papieren nog een keer",
        "een formulier mee van elf kantjes",
    ]
    formulier = papierwerk.get(citaat="een formulier mee van elf kantjes")
    assert sorted(formulier.codes.values_list("slug", flat=True)) == [
        "complexiteit-en-regeldruk",
        "papierwerk",
    ]
