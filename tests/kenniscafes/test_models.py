import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kenniscafes.models import Aanmelding, Kenniscafe, Status
from tests.projecten.factories import PersoonFactory

from .factories import (
    AanmeldingFactory,
    KenniscafeFactory,
    LocatieFactory,
    SprekerFactory,
    amsterdam,
    over_dagen,
)

pytestmark = pytest.mark.django_db


def _fouten(cafe):
    with pytest.raises(ValidationError) as info:
        cafe.full_clean()
    return {veld: [fout.code for fout in fouten] for veld, fouten in info.value.error_dict.items()}


def _nieuw(**velden):
    velden.setdefault("locatie", LocatieFactory())
    return KenniscafeFactory.build(**velden)


def test_clean_end_before_start_is_refused():
    cafe = _nieuw(start=over_dagen(10, 17), eind=over_dagen(10, 15))
    assert _fouten(cafe) == {"eind": ["eind_voor_start"]}


def test_constraint_end_before_start_holds_in_the_database():
    cafe = KenniscafeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Kenniscafe.objects.filter(pk=cafe.pk).update(eind=cafe.start - datetime.timedelta(hours=1))


def test_constraint_published_without_date_is_refused_by_the_database():
    cafe = KenniscafeFactory(gepubliceerd=False, start=None, eind=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Kenniscafe.objects.filter(pk=cafe.pk).update(gepubliceerd=True)


def test_clean_start_without_end_asks_for_both():
    cafe = _nieuw(gepubliceerd=False, start=over_dagen(3), eind=None)
    assert _fouten(cafe)["eind"] == ["half_datum"]


def test_clean_publishing_without_date_is_refused():
    cafe = _nieuw(start=None, eind=None, gepubliceerd=True)
    assert _fouten(cafe)["start"] == ["publiceren_zonder_datum"]


def test_clean_publishing_upcoming_cafe_without_place_is_refused():
    cafe = _nieuw(locatie=None, online_link="")
    assert _fouten(cafe) == {"locatie": ["publiceren_zonder_plaats"]}


def test_clean_publishing_online_only_cafe_is_allowed():
    cafe = _nieuw(locatie=None, online_link="https://teams.example.org/kc")
    cafe.full_clean()


def test_clean_past_cafe_without_known_place_may_be_published_for_the_archive():
    cafe = _nieuw(
        locatie=None,
        start=amsterdam(2019, 5, 23),
        eind=amsterdam(2019, 5, 23, 23),
        tijd_bekend=False,
    )
    cafe.full_clean()


def test_clean_capacity_below_confirmed_registrations_is_refused():
    cafe = KenniscafeFactory(capaciteit=3)
    AanmeldingFactory.create_batch(3, kenniscafe=cafe)
    AanmeldingFactory(kenniscafe=cafe, status=Aanmelding.Status.WACHTLIJST)
    cafe.capaciteit = 2
    assert _fouten(cafe) == {"capaciteit": ["capaciteit_te_laag"]}
    cafe.capaciteit = 3
    cafe.full_clean()


def test_clean_reserved_slug_is_refused():
    cafe = _nieuw(slug="archief")
    assert _fouten(cafe) == {"slug": ["gereserveerd"]}


def test_clean_registration_deadline_after_start_is_refused():
    cafe = _nieuw()
    cafe.aanmelden_tot = cafe.start + datetime.timedelta(minutes=1)
    assert _fouten(cafe) == {"aanmelden_tot": ["aanmelden_na_start"]}


def test_vrije_plaatsen_counts_only_confirmed():
    cafe = KenniscafeFactory(capaciteit=5)
    AanmeldingFactory.create_batch(2, kenniscafe=cafe)
    AanmeldingFactory(kenniscafe=cafe, status=Aanmelding.Status.AFGEMELD)
    AanmeldingFactory(kenniscafe=cafe, status=Aanmelding.Status.WACHTLIJST)
    assert cafe.vrije_plaatsen == 3
    assert Kenniscafe.objects.met_aantallen().get(pk=cafe.pk).vrije_plaatsen == 3


def test_vrije_plaatsen_none_without_maximum():
    assert KenniscafeFactory(capaciteit=None).vrije_plaatsen is None


@pytest.mark.parametrize(
    ("wijziging", "mogelijk"),
    [
        ({}, True),
        ({"gepubliceerd": False}, False),
        ({"aanmelden_open": False}, False),
        ({"status": Status.AFGELAST}, False),
        ({"status": Status.VOL}, True),  # the waiting list stays open
        ({"aanmelden_tot": over_dagen(-1)}, False),
    ],
)
def test_aanmelden_mogelijk(wijziging, mogelijk):
    cafe = KenniscafeFactory.build(**wijziging)
    assert cafe.aanmelden_mogelijk() is mogelijk


def test_aanmelden_mogelijk_false_once_started():
    cafe = KenniscafeFactory.build(start=over_dagen(0, 0), eind=over_dagen(1, 0))
    assert cafe.aanmelden_mogelijk() is False


def test_komend_and_voorbij_split_on_end_time_and_order():
    later = KenniscafeFactory(start=over_dagen(30))
    gaande = KenniscafeFactory(start=over_dagen(-1, 0), eind=over_dagen(3))
    eerder = KenniscafeFactory(start=over_dagen(5))
    lang_geleden = KenniscafeFactory(start=over_dagen(-400), locatie=None)
    geweest = KenniscafeFactory(start=over_dagen(-10))
    assert list(Kenniscafe.objects.komend()) == [gaande, eerder, later]
    assert list(Kenniscafe.objects.voorbij()) == [geweest, lang_geleden]


def test_gepubliceerd_of_voorbeeld_hides_drafts_from_visitors(coordinator):
    concept = KenniscafeFactory(gepubliceerd=False)
    openbaar = KenniscafeFactory()
    assert set(Kenniscafe.objects.gepubliceerd_of_voorbeeld(AnonymousUser())) == {openbaar}
    assert set(Kenniscafe.objects.gepubliceerd_of_voorbeeld(coordinator)) == {openbaar, concept}


def test_registration_unique_per_active_email_in_database():
    cafe = KenniscafeFactory()
    AanmeldingFactory(kenniscafe=cafe, email="a@example.org", status=Aanmelding.Status.AFGEMELD)
    AanmeldingFactory(kenniscafe=cafe, email="a@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        AanmeldingFactory(kenniscafe=cafe, email="a@example.org")


def test_speaker_shows_a_known_persons_name_only_with_permission():
    geheim = SprekerFactory(
        naam="",
        rol="",
        persoon=PersoonFactory(naam="Ans", functie="bewoner", toon_naam_publiek=False),
    )
    openbaar = SprekerFactory(
        naam="", persoon=PersoonFactory(naam="Bo", toon_naam_publiek=True, functie="lector"), rol=""
    )
    assert (geheim.publieke_naam, geheim.publieke_rol) == ("", "bewoner")
    assert (openbaar.publieke_naam, openbaar.publieke_rol) == ("Bo", "lector")


def test_locatie_volledig_adres_and_voorzieningen():
    locatie = LocatieFactory.build(
        naam="Wijkhuis", adres="Gaffelstraat 1", postcode="3014 RA", invalidentoilet=True
    )
    assert locatie.volledig_adres == "Wijkhuis, Gaffelstraat 1, 3014 RA Rotterdam"
    assert [str(label) for label in locatie.voorzieningen] == ["drempelvrij", "toegankelijk toilet"]
