"""Research attributes: defining them, setting values on one story and in bulk, history."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.verhalen.factories import KenmerkFactory, VerhaalFactory, kenmerkwaarde
from verhalen.models import Kenmerk, KenmerkSoort, KenmerkWaarde, Toestemming
from verhalen.services import kenmerken
from verhalen.services import verhalen as verhaal_services

pytestmark = pytest.mark.django_db


def test_bewaar_kenmerk_makes_a_slug_and_keeps_choices_only_for_a_choice(onderzoeker):
    keuze = kenmerken.bewaar_kenmerk(
        naam="Levensdomein", soort=KenmerkSoort.KEUZE, keuzes=["wonen", "werk"], door=onderzoeker
    )
    getal = kenmerken.bewaar_kenmerk(
        naam="Aantal instanties", soort=KenmerkSoort.GETAL, keuzes=["x"], door=onderzoeker
    )

    assert (keuze.slug, keuze.keuzes) == ("levensdomein", ["wonen", "werk"])
    assert (getal.slug, getal.keuzes) == ("aantal-instanties", [])
    assert keuze.history.get().history_user == onderzoeker


def test_bewaar_kenmerk_choice_without_options_is_refused(onderzoeker):
    with pytest.raises(ValidationError) as fout:
        kenmerken.bewaar_kenmerk(naam="Hulpvraag", soort=KenmerkSoort.KEUZE, door=onderzoeker)
    assert fout.value.message_dict == {"keuzes": ["Geef minstens één keuze op."]}
    assert not Kenmerk.objects.exists()


def test_zet_kenmerken_stores_each_kind_in_its_column_and_removes_empty(onderzoeker):
    verhaal = VerhaalFactory()
    domein = KenmerkFactory(soort=KenmerkSoort.KEUZE)
    aantal = KenmerkFactory(soort=KenmerkSoort.GETAL)
    datum = KenmerkFactory(soort=KenmerkSoort.DATUM)
    hulp = KenmerkFactory(soort=KenmerkSoort.JA_NEE)
    kenmerkwaarde(verhaal, KenmerkFactory(soort=KenmerkSoort.TEKST), "weg")
    notitie = Kenmerk.objects.get(soort=KenmerkSoort.TEKST)

    gewijzigd = kenmerken.zet_kenmerken(
        verhaal=verhaal,
        waarden={
            domein: "werk",
            aantal: Decimal("3"),
            datum: datetime.date(2024, 3, 1),
            hulp: False,
            notitie: "",
        },
        door=onderzoeker,
    )

    assert gewijzigd == 5
    waarden = {w.kenmerk: w.waarde for w in KenmerkWaarde.objects.filter(verhaal=verhaal)}
    assert waarden == {
        domein: "werk",
        aantal: Decimal("3"),
        datum: datetime.date(2024, 3, 1),
        hulp: False,
    }


def test_zet_kenmerken_unchanged_value_writes_no_history(onderzoeker):
    verhaal = VerhaalFactory()
    domein = KenmerkFactory()
    kenmerken.zet_kenmerken(verhaal=verhaal, waarden={domein: "wonen"}, door=onderzoeker)

    assert (
        kenmerken.zet_kenmerken(verhaal=verhaal, waarden={domein: "wonen"}, door=onderzoeker) == 0
    )
    assert kenmerken.zet_kenmerken(verhaal=verhaal, waarden={domein: "zorg"}, door=onderzoeker) == 1

    assert [r.tekst for r in KenmerkWaarde.history.order_by("history_date")] == ["wonen", "zorg"]
    assert {r.history_user for r in KenmerkWaarde.history.all()} == {onderzoeker}


def test_one_value_per_story_and_attribute_in_the_database():
    verhaal, domein = VerhaalFactory(), KenmerkFactory()
    kenmerkwaarde(verhaal, domein, "wonen")

    with pytest.raises(IntegrityError), transaction.atomic():
        kenmerkwaarde(verhaal, domein, "werk")


def test_zet_kenmerk_voor_verhalen_sets_and_counts_changes(onderzoeker):
    domein = KenmerkFactory()
    al_goed, ander, leeg = VerhaalFactory.create_batch(3)
    kenmerkwaarde(al_goed, domein, "werk")
    kenmerkwaarde(ander, domein, "wonen")

    gewijzigd = kenmerken.zet_kenmerk_voor_verhalen(
        verhalen=[al_goed, ander, leeg], kenmerk=domein, waarde="werk", door=onderzoeker
    )

    assert gewijzigd == 2
    assert set(KenmerkWaarde.objects.values_list("verhaal_id", "tekst")) == {
        (al_goed.pk, "werk"),
        (ander.pk, "werk"),
        (leeg.pk, "werk"),
    }


def test_maak_verhaal_with_kenmerken_stores_them(onderzoeker):
    domein = KenmerkFactory()

    verhaal = verhaal_services.maak_verhaal(
        gegevens={
            "titel": "Verzonnen",
            "tekst": "Verzonnen voorbeeld.",
            "toestemming": Toestemming.ONDERZOEK,
            "kenmerken": {domein: "zorg"},
        },
        door=onderzoeker,
    )

    assert list(verhaal.kenmerkwaarden.values_list("kenmerk__naam", "tekst")) == [
        (domein.naam, "zorg")
    ]


def test_wis_verhaal_removes_free_text_values_and_keeps_typed_ones(onderzoeker):
    verhaal = VerhaalFactory(toestemming=Toestemming.INGETROKKEN)
    notitie = KenmerkFactory(soort=KenmerkSoort.TEKST)
    domein = KenmerkFactory()
    kenmerken.zet_kenmerken(
        verhaal=verhaal, waarden={notitie: "woont bij haar zus", domein: "wonen"}, door=onderzoeker
    )

    verhaal_services.wis_verhaal(verhaal=verhaal, door=onderzoeker)

    assert list(KenmerkWaarde.objects.values_list("kenmerk", "tekst")) == [(domein.pk, "wonen")]
    assert "woont bij haar zus" not in set(KenmerkWaarde.history.values_list("tekst", flat=True))
