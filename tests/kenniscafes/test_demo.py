import io

import pytest
from django.utils import timezone

from kenniscafes import demo
from kenniscafes.models import Kenniscafe

pytestmark = pytest.mark.django_db


def test_demo_loads_werkplaats_archive_and_two_examples_idempotently():
    demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    archief = Kenniscafe.objects.gepubliceerd().voorbij()
    komend = Kenniscafe.objects.gepubliceerd().komend()
    assert archief.count() == 16
    assert {cafe.jaar for cafe in archief} == {2017, 2018, 2019}
    assert not any(cafe.verslag for cafe in archief)
    huisuitzettingen = Kenniscafe.objects.get(slug="voorkomen-huisuitzettingen")
    assert huisuitzettingen.datum_tekst == "donderdag 23 mei 2019"
    assert [cafe.is_voorbeeld for cafe in komend] == [True, True]
    assert all(cafe.start > timezone.now() for cafe in komend)
    reeks = Kenniscafe.objects.get(slug="verbondenheid-en-veerkracht-ii").reeks
    assert list(reeks.kenniscafes.order_by("start").values_list("titel", flat=True)) == [
        "Verbondenheid en veerkracht I",
        "Verbondenheid en veerkracht II",
    ]
