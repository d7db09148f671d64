"""The server errors the fuzz tests (test_fuzz.py) found, each pinned by an example."""

import pytest

from kennisagenda.models import Thema
from tests.kenniscafes.factories import AanmeldingFactory
from tests.verhalen.factories import VerhaalFactory
from verhalen.models import Collectie

pytestmark = pytest.mark.django_db

TE_GROOT = "9" * 30  # no integer column holds this


def test_in_lookup_met_te_groot_getal_vindt_niets_in_plaats_van_een_fout():
    maatwerk = Thema.objects.get(slug="maatwerk")

    gevonden = Thema.objects.filter(pk__in=[int(TE_GROOT), maatwerk.pk, -int(TE_GROOT)])

    assert list(gevonden) == [maatwerk]


def test_te_groot_getal_als_thema_geeft_een_nederlandse_foutmelding(onderzoeker_client):
    """Was: OverflowError (SQLite) / integer out of range (PostgreSQL) → 500."""
    response = onderzoeker_client.post(
        "/collecties/nieuw/",
        {"titel": "Wachten op hulp", "publiek": "openbaar", "themas": [TE_GROOT]},
    )

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Het formulier is nog niet goed ingevuld" in inhoud
    assert f"Selecteer een geldige keuze. {TE_GROOT} is geen beschikbare keuze." in inhoud
    assert 'value="Wachten op hulp"' in inhoud  # what was typed stays
    assert not Collectie.objects.exists()


def test_te_groot_getal_als_code_van_een_fragment_geeft_een_foutmelding(onderzoeker_client):
    verhaal = VerhaalFactory()

    response = onderzoeker_client.post(
        f"/verhalen/{verhaal.pk}/fragmenten/nieuw/",
        {"start": "0", "eind": "10", "codes": [TE_GROOT], "memo": "mijn memo"},
    )

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Deze code bestaat niet (meer). Kies een andere." in inhoud
    assert "mijn memo" in inhoud
    assert not verhaal.fragmenten.exists()


@pytest.mark.parametrize(
    "query",
    [
        "aangemeld_op__year=9999",  # the year after does not exist
        "aangemeld_op__year=9999&aangemeld_op__month=12",  # nor the month after
        f"aangemeld_op__year={TE_GROOT}",  # no C integer
        "aangemeld_op__year=1",  # before year 1 in UTC
        "aangemeld_op__year=２０２４",  # digits, but not ASCII
    ],
)
def test_onmogelijk_jaar_in_de_datumhierarchie_is_een_fout_filter(coordinator_client, query):
    """Was: OverflowError / ValueError in Django's ChangeList → 500."""
    AanmeldingFactory()

    response = coordinator_client.get(f"/admin/kenniscafes/aanmelding/?{query}")

    assert response.status_code == 302
    assert response["Location"] == "/admin/kenniscafes/aanmelding/?e=1"


def test_gewoon_jaar_in_de_datumhierarchie_filtert_nog(coordinator_client):
    aanmelding = AanmeldingFactory(naam="Fatima")
    jaar = aanmelding.aangemeld_op.year

    response = coordinator_client.get(f"/admin/kenniscafes/aanmelding/?aangemeld_op__year={jaar}")

    assert response.status_code == 200
    assert "Fatima" in response.content.decode()


def test_elke_datumhierarchie_in_het_beheer_heeft_de_bescherming():
    from django.contrib import admin

    from toolkit.beheerlijst import DatumhierarchieZonderOverloop

    zonder = [
        type(model_admin).__name__
        for model_admin in admin.site._registry.values()
        if model_admin.date_hierarchy and not isinstance(model_admin, DatumhierarchieZonderOverloop)
    ]

    assert zonder == []


@pytest.mark.parametrize("volgende", ["0", "home", "verhalen:list"])
def test_next_dat_geen_pad_is_na_reservecodes_gaat_naar_de_statuspagina(
    onderzoeker_client, volgende
):
    """Was: redirect(next) read "0" as a view name → NoReverseMatch → 500."""
    response = onderzoeker_client.post(
        "/accounts/tweestaps/reservecodes/", {"bewaard": "1", "next": volgende}
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/tweestaps/"


def test_next_dat_een_pad_is_na_reservecodes_blijft_werken(onderzoeker_client):
    response = onderzoeker_client.post(
        "/accounts/tweestaps/reservecodes/", {"bewaard": "1", "next": "/verhalen/"}
    )

    assert response["Location"] == "/verhalen/"


@pytest.mark.parametrize(
    "adres",
    [
        "/codeboek/nieuw/?onder=%00",  # was: Thema.objects.filter(slug="\x00") → 500 on PostgreSQL
        "/admin/verhalen/verhaal/?toestemming__exact=%00",  # was: 500 in the admin's list filter
        "/verhalen/?q=%00&thema=maatwerk",
    ],
)
def test_nul_teken_in_het_adres_geeft_een_nederlandse_400(beheerder_client, adres):
    response = beheerder_client.get(adres)

    assert response.status_code == 400
    inhoud = response.content.decode()
    assert "<h1>Dit verzoek klopt niet</h1>" in inhoud
    assert "NUL-teken" in inhoud


def test_nul_teken_in_een_formulierveld_geeft_de_melding_bij_het_veld(onderzoeker_client):
    response = onderzoeker_client.post(
        "/collecties/nieuw/",
        {"titel": "Wachten\x00op hulp", "publiek": "openbaar", "inleiding": "Mijn inleiding"},
    )

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Null-tekens zijn niet toegestaan." in inhoud
    assert "Mijn inleiding" in inhoud  # the rest of what was typed stays
    assert not Collectie.objects.exists()


def test_inloggen_met_een_heel_lange_gebruikersnaam_is_gewoon_mislukt(client):
    """Was: axes stored the typed name in 255 characters → 500 on PostgreSQL."""
    from axes.models import AccessAttempt

    response = client.post("/accounts/login/", {"username": "ë" * 1000, "password": "fout"})

    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()
    assert AccessAttempt.objects.get().username == "ë" * 150


def test_nul_teken_in_het_pad_is_een_pagina_die_niet_bestaat(onderzoeker_client):
    response = onderzoeker_client.get("/codeboek/ma%00tw/")  # was: 500 on PostgreSQL

    assert response.status_code == 404
    assert "<h1>Deze pagina bestaat niet</h1>" in response.content.decode()
