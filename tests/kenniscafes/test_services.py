import datetime

import pytest
from django.core import mail
from icalendar import Calendar

from kenniscafes import services
from kenniscafes.models import Aanmelding, Deelnemersoort, Kenniscafe, Status

from .conftest import BASIS_URL
from .factories import (
    AanmeldingFactory,
    KenniscafeFactory,
    LocatieFactory,
    SprekerFactory,
    over_dagen,
)

pytestmark = pytest.mark.django_db


def _meld_aan(cafe, email, naam="Fatima"):
    return services.meld_aan(kenniscafe=cafe, naam=naam, email=email, basis_url=BASIS_URL)


def test_meld_aan_confirms_while_places_left_then_waiting_list(na_commit):
    cafe = KenniscafeFactory(capaciteit=2)
    with na_commit():
        statussen = [_meld_aan(cafe, f"p{i}@example.org").status for i in range(4)]
    assert statussen == ["bevestigd", "bevestigd", "wachtlijst", "wachtlijst"]
    assert [bericht.subject for bericht in mail.outbox] == [
        f"Je bent aangemeld: {cafe.titel}",
        f"Je bent aangemeld: {cafe.titel}",
        f"Je staat op de wachtlijst: {cafe.titel}",
        f"Je staat op de wachtlijst: {cafe.titel}",
    ]
    assert "(plaats 2)" in mail.outbox[3].body


def test_meld_aan_confirmation_mail_has_ics_and_personal_cancel_link(na_commit):
    cafe = KenniscafeFactory(titel="Voorkomen huisuitzettingen")
    with na_commit():
        aanmelding = _meld_aan(cafe, " Fatima@Example.org ")
    assert aanmelding.email == "fatima@example.org"
    [bericht] = mail.outbox
    assert bericht.to == ["fatima@example.org"]
    assert f"{BASIS_URL}/kenniscafes/afmelden/{aanmelding.token}/" in bericht.body
    assert len(aanmelding.token) >= 40
    [(naam, inhoud, soort)] = bericht.attachments
    assert (naam, soort) == (f"{cafe.slug}.ics", "text/calendar; charset=utf-8; method=PUBLISH")
    [event] = Calendar.from_ical(inhoud).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Kenniscafé: Voorkomen huisuitzettingen"


def test_meld_aan_same_address_twice_is_refused_kindly():
    cafe = KenniscafeFactory()
    _meld_aan(cafe, "fatima@example.org")
    with pytest.raises(services.AlAangemeld) as info:
        _meld_aan(cafe, "FATIMA@example.org")
    assert info.value.code == "al_aangemeld"
    assert "al aangemeld" in info.value.message
    assert cafe.aanmeldingen.count() == 1


def test_meld_aan_again_after_cancelling_is_allowed():
    cafe = KenniscafeFactory()
    eerste = _meld_aan(cafe, "fatima@example.org")
    services.meld_af(aanmelding=eerste, basis_url=BASIS_URL)
    tweede = _meld_aan(cafe, "fatima@example.org")
    assert tweede.status == "bevestigd"


@pytest.mark.parametrize(
    "wijziging",
    [{"status": Status.AFGELAST}, {"aanmelden_open": False}, {"gepubliceerd": False}],
)
def test_meld_aan_refused_when_closed(wijziging):
    cafe = KenniscafeFactory(**wijziging)
    with pytest.raises(services.AanmeldenGesloten):
        _meld_aan(cafe, "fatima@example.org")
    assert Aanmelding.objects.count() == 0


def test_meld_aan_status_vol_puts_everyone_on_waiting_list():
    cafe = KenniscafeFactory(capaciteit=50, status=Status.VOL)
    assert _meld_aan(cafe, "a@example.org").status == "wachtlijst"


def test_meld_af_promotes_first_on_waiting_list_and_mails_them(na_commit):
    cafe = KenniscafeFactory(capaciteit=1)
    bezet = _meld_aan(cafe, "a@example.org", naam="Anna")
    eerste = _meld_aan(cafe, "b@example.org", naam="Bram")
    _meld_aan(cafe, "c@example.org", naam="Cem")
    mail.outbox.clear()
    with na_commit():
        doorgeschoven = services.meld_af(aanmelding=bezet, basis_url=BASIS_URL)
    assert doorgeschoven == eerste
    assert dict(cafe.aanmeldingen.values_list("naam", "status")) == {
        "Anna": "afgemeld",
        "Bram": "bevestigd",
        "Cem": "wachtlijst",
    }
    assert [(bericht.to, bericht.subject) for bericht in mail.outbox] == [
        (["a@example.org"], f"Je bent afgemeld: {cafe.titel}"),
        (["b@example.org"], f"Er is een plaats voor je: {cafe.titel}"),
    ]
    assert len(mail.outbox[1].attachments) == 1


def test_meld_af_from_waiting_list_promotes_nobody():
    cafe = KenniscafeFactory(capaciteit=1)
    _meld_aan(cafe, "a@example.org")
    wachtend = _meld_aan(cafe, "b@example.org")
    assert services.meld_af(aanmelding=wachtend, basis_url=BASIS_URL) is None
    assert cafe.aanmeldingen.bevestigd().count() == 1


def test_meld_af_twice_changes_nothing(na_commit):
    aanmelding = AanmeldingFactory()
    services.meld_af(aanmelding=aanmelding, basis_url=BASIS_URL)
    assert [bericht.subject[:17] for bericht in mail.outbox] == ["Je bent afgemeld:"]
    with na_commit():
        assert services.meld_af(aanmelding=aanmelding, basis_url=BASIS_URL) is None
    assert len(mail.outbox) == 1


def test_bewaar_kenniscafe_raises_sequence_only_for_attendee_relevant_changes(na_commit):
    cafe = KenniscafeFactory()
    AanmeldingFactory(kenniscafe=cafe, email="a@example.org")
    cafe.verslag = "Later geschreven."
    cafe.beschrijving = "Andere tekst."
    assert services.bewaar_kenniscafe(kenniscafe=cafe, basis_url=BASIS_URL) == set()
    assert cafe.sequence == 0
    cafe.start += datetime.timedelta(hours=1)
    cafe.eind += datetime.timedelta(hours=1)
    cafe.locatie = LocatieFactory(naam="Wijkpaleis")
    with na_commit():
        gewijzigd = services.bewaar_kenniscafe(kenniscafe=cafe, basis_url=BASIS_URL)
    assert gewijzigd == {"start", "eind", "locatie"}
    assert Kenniscafe.objects.get(pk=cafe.pk).sequence == 1
    [bericht] = mail.outbox
    assert bericht.subject == f"Gewijzigd: {cafe.titel}"
    assert "Wijkpaleis" in bericht.body
    [event] = Calendar.from_ical(bericht.attachments[0][1]).walk("VEVENT")
    assert event["SEQUENCE"] == 1


def test_afgelasten_mails_everyone_registered_and_keeps_cafe_visible(na_commit):
    cafe = KenniscafeFactory(capaciteit=1)
    _meld_aan(cafe, "a@example.org")
    _meld_aan(cafe, "b@example.org")
    weg = _meld_aan(cafe, "c@example.org")
    services.meld_af(aanmelding=weg, basis_url=BASIS_URL)
    mail.outbox.clear()
    with na_commit():
        aantal = services.afgelasten(
            kenniscafe=cafe, mededeling="De spreker is ziek.", basis_url=BASIS_URL
        )
    cafe.refresh_from_db()
    assert (aantal, cafe.status, cafe.sequence, cafe.gepubliceerd) == (2, "afgelast", 1, True)
    assert sorted(bericht.to[0] for bericht in mail.outbox) == ["a@example.org", "b@example.org"]
    assert all("De spreker is ziek." in bericht.body for bericht in mail.outbox)
    assert (
        f"Op de website vind je de volgende kenniscafés: {BASIS_URL}/kenniscafes/\n"
        in mail.outbox[0].body
    )
    assert cafe.get_absolute_url() not in mail.outbox[0].body
    [event] = Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")
    assert (str(event["STATUS"]), event["SEQUENCE"]) == ("CANCELLED", 1)


def test_afgelasten_twice_sends_nothing_more(na_commit):
    cafe = KenniscafeFactory()
    AanmeldingFactory(kenniscafe=cafe)
    services.afgelasten(kenniscafe=cafe, basis_url=BASIS_URL)
    assert [bericht.subject[:9] for bericht in mail.outbox] == ["Afgelast:"]
    with na_commit():
        assert services.afgelasten(kenniscafe=cafe, basis_url=BASIS_URL) == 0
    assert len(mail.outbox) == 1


def test_dupliceer_kenniscafe_copies_the_plan_not_the_date_or_people(thema_maatwerk):
    cafe = KenniscafeFactory(
        titel="Ontmoeting in de wijk", slug="ontmoeting", verslag="Verslag", themas=[thema_maatwerk]
    )
    SprekerFactory(kenniscafe=cafe, naam="Toby", rol="lector")
    AanmeldingFactory(kenniscafe=cafe)
    kopie = services.dupliceer_kenniscafe(kenniscafe=cafe)
    tweede = services.dupliceer_kenniscafe(kenniscafe=cafe)
    assert (kopie.titel, kopie.slug, tweede.slug) == (
        "Ontmoeting in de wijk",
        "ontmoeting-kopie",
        "ontmoeting-kopie-2",
    )
    assert (kopie.start, kopie.eind, kopie.gepubliceerd, kopie.verslag) == (None, None, False, "")
    assert kopie.uid != cafe.uid
    assert (kopie.locatie, kopie.capaciteit) == (cafe.locatie, cafe.capaciteit)
    assert list(kopie.themas.all()) == [thema_maatwerk]
    assert list(kopie.sprekers.values_list("naam", "rol")) == [("Toby", "lector")]
    assert kopie.aanmeldingen.count() == 0


def test_neem_aanwezigheid_over_fills_report_figures():
    cafe = KenniscafeFactory(start=over_dagen(-3), locatie=None)
    AanmeldingFactory(kenniscafe=cafe, organisatie="Wijkteam Noord", aanwezig=True)
    AanmeldingFactory(kenniscafe=cafe, organisatie="Hogeschool Rotterdam", aanwezig=True)
    AanmeldingFactory(kenniscafe=cafe, organisatie="wijkteam noord ", aanwezig=True)
    AanmeldingFactory(kenniscafe=cafe, organisatie="Niet gekomen", aanwezig=False)
    services.neem_aanwezigheid_over(kenniscafe=cafe)
    cafe.refresh_from_db()
    assert cafe.aantal_bezoekers == 3
    assert cafe.organisaties_aanwezig.splitlines() == [
        "Hogeschool Rotterdam",
        "Wijkteam Noord",
    ]


def test_anonimiseer_aanmeldingen_wipes_personal_data_of_old_cafes_only():
    oud = KenniscafeFactory(start=over_dagen(-400), locatie=None)
    recent = KenniscafeFactory(start=over_dagen(-30), locatie=None)
    student = Deelnemersoort.objects.get(naam="Student")
    weg = AanmeldingFactory(
        kenniscafe=oud,
        behoeften="rolstoel",
        rol="bewoner",
        aanwezig=True,
        deelnemersoort=student,
        contact_later=True,
    )
    blijft = AanmeldingFactory(kenniscafe=recent, contact_later=True)
    aantal = services.anonimiseer_aanmeldingen(voor=over_dagen(-365))
    weg.refresh_from_db()
    blijft.refresh_from_db()
    assert aantal == 1
    assert (weg.naam, weg.email, weg.rol, weg.behoeften, weg.token) == ("", "", "", "", None)
    assert (weg.organisatie, weg.aanwezig, weg.status) == ("Wijkteam Delfshaven", True, "bevestigd")
    assert (weg.deelnemersoort, weg.contact_later) == (student, False)  # figures stay, consent ends
    assert weg.geanonimiseerd_op is not None
    assert blijft.email.endswith("@example.org") and blijft.geanonimiseerd_op is None
    assert blijft.contact_later is True


def test_bewaar_kenniscafe_gives_new_places_to_the_waiting_list_in_order(na_commit):
    cafe = KenniscafeFactory(capaciteit=1)
    _meld_aan(cafe, "a@example.org", naam="Anna")
    _meld_aan(cafe, "b@example.org", naam="Bram")
    _meld_aan(cafe, "c@example.org", naam="Cem")
    _meld_aan(cafe, "d@example.org", naam="Dirk")
    mail.outbox.clear()
    cafe.capaciteit = 3
    with na_commit():
        services.bewaar_kenniscafe(kenniscafe=cafe, basis_url=BASIS_URL)
    assert dict(cafe.aanmeldingen.values_list("naam", "status")) == {
        "Anna": "bevestigd",
        "Bram": "bevestigd",
        "Cem": "bevestigd",
        "Dirk": "wachtlijst",
    }
    assert [(bericht.to, bericht.subject) for bericht in mail.outbox] == [
        (["b@example.org"], f"Er is een plaats voor je: {cafe.titel}"),
        (["c@example.org"], f"Er is een plaats voor je: {cafe.titel}"),
    ]
    # Nobody new can take a place ahead of the waiting list.
    assert _meld_aan(cafe, "e@example.org").status == "wachtlijst"


def test_bewaar_kenniscafe_no_longer_vol_gives_places_to_the_waiting_list():
    cafe = KenniscafeFactory(capaciteit=5, status=Status.VOL)
    wachtend = _meld_aan(cafe, "a@example.org")
    assert wachtend.status == "wachtlijst"
    cafe.status = Status.GEPLAND
    services.bewaar_kenniscafe(kenniscafe=cafe, basis_url=BASIS_URL)
    wachtend.refresh_from_db()
    assert wachtend.status == "bevestigd"
