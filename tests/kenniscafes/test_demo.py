import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from kenniscafes import demo, structured_data
from kenniscafes.models import Kenniscafe

pytestmark = pytest.mark.django_db


def test_demo_loads_werkplaats_archive_and_two_examples_idempotently():
    demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    archief = Kenniscafe.objects.gepubliceerd().voorbij()
    komend = Kenniscafe.objects.gepubliceerd().komend()
    assert archief.filter(soort="kenniscafe").count() == 16
    assert {cafe.jaar for cafe in archief.filter(soort="kenniscafe")} == {2017, 2018, 2019}
    assert {cafe.jaar for cafe in archief} == {2016, 2017, 2018, 2019}
    assert set(archief.values_list("soort", flat=True)) == {
        "kenniscafe",
        "workshop",
        "training",
        "conferentie",
        "lezing",
        "gastcollege",
        "bijeenkomst",
    }
    conferentie = Kenniscafe.objects.get(soort="conferentie")
    assert conferentie.datum_tekst == "donderdag 26 oktober 2017"
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


def test_demo_events_are_organised_by_the_werkplaats_in_json_ld_and_the_archive(client):
    call_command("demo", stdout=io.StringIO())
    cafe = Kenniscafe.objects.get(slug="samenwerken-aan-kindveiligheid")
    workshop = Kenniscafe.objects.get(slug="workshop-patronen-doorbreken")

    archief = client.get("/kenniscafes/archief/?soort=workshop&project=" + cafe.project.slug)
    data = structured_data.event(cafe, url="http://testserver" + cafe.get_absolute_url())

    assert cafe.project.titel == "Werkplaats Sociaal Domein Zuid-Holland Zuid 2016–2019"
    assert data["organizer"]["name"] == cafe.project.titel
    assert [naam for naam, _url in workshop.organisatoren] == [
        "Intergenerationele overdracht",
        "Werkplaats Sociaal Domein Zuid-Holland Zuid 2016–2019",
    ]
    titels = [k.titel for k in archief.context["kenniscafes"]]
    assert "Patronen doorbreken" in titels
    assert "Samenwerken aan Kindveiligheid" not in titels
    assert {k.soort for k in archief.context["kenniscafes"]} == {"workshop"}
