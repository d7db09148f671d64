"""Capacity under concurrency: many simultaneous registrations on PostgreSQL.

Each thread is a separate visitor posting the registration form through the
whole stack (view, form, service) on its own database connection. The café
row lock (SELECT … FOR UPDATE) must make them queue, so there are never more
confirmed registrations than places. SQLite has no row locks (it serialises
all writers), so these tests run on PostgreSQL only.
"""

import threading
import time

from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client
from django.utils import timezone

from kenniscafes import services
from kenniscafes.models import Aanmelding, Kenniscafe
from tests.gelijktijdig import ALLEEN_POSTGRES, tegelijk
from tests.helpers import log_in

from .factories import KenniscafeFactory

pytestmark = ALLEEN_POSTGRES


def test_simultaneous_registrations_never_exceed_capacity():
    cafe = KenniscafeFactory(capaciteit=5)
    url = cafe.get_aanmelden_url()

    def registreer(i):
        return (
            Client().post(url, {"naam": f"Bezoeker {i}", "email": f"p{i}@example.org"}).status_code
        )

    statussen = tegelijk(24, registreer)

    assert statussen == [302] * 24
    aanmeldingen = Aanmelding.objects.filter(kenniscafe=cafe)
    assert aanmeldingen.filter(status="bevestigd").count() == 5
    assert aanmeldingen.filter(status="wachtlijst").count() == 19
    onderwerpen = [bericht.subject.split(":")[0] for bericht in mail.outbox]
    assert onderwerpen.count("Je bent aangemeld") == 5
    assert onderwerpen.count("Je staat op de wachtlijst") == 19
    wachtlijst = list(aanmeldingen.wachtlijst())
    assert [a.positie_op_wachtlijst for a in wachtlijst] == list(range(1, 20))


def test_simultaneous_registrations_with_one_address_create_one():
    cafe = KenniscafeFactory(capaciteit=5)
    url = cafe.get_aanmelden_url()

    def registreer(i):
        return Client().post(url, {"naam": "Fatima", "email": "fatima@example.org"}).status_code

    statussen = tegelijk(8, registreer)

    assert sorted(statussen) == [200] * 7 + [302]  # 200: the form again, with the kind message
    assert Aanmelding.objects.filter(kenniscafe=cafe).count() == 1


def test_simultaneous_cancellations_promote_each_waiting_person_once():
    cafe = KenniscafeFactory(capaciteit=3)
    bevestigd = [
        services.meld_aan(
            kenniscafe=cafe, naam=f"B{i}", email=f"b{i}@example.org", basis_url="http://x"
        )
        for i in range(3)
    ]
    for i in range(4):
        services.meld_aan(
            kenniscafe=cafe, naam=f"W{i}", email=f"w{i}@example.org", basis_url="http://x"
        )

    tegelijk(3, lambda i: Client().post(bevestigd[i].get_afmelden_url()).status_code)

    aanmeldingen = Aanmelding.objects.filter(kenniscafe=cafe)
    assert aanmeldingen.filter(status="bevestigd").count() == 3
    assert sorted(aanmeldingen.filter(status="bevestigd").values_list("naam", flat=True)) == [
        "W0",
        "W1",
        "W2",
    ]
    assert list(aanmeldingen.filter(status="wachtlijst").values_list("naam", flat=True)) == ["W3"]


def test_lowering_the_capacity_waits_for_a_registration_in_progress():
    cafe = KenniscafeFactory(capaciteit=5)
    for i in range(2):
        services.meld_aan(
            kenniscafe=cafe, naam=f"B{i}", email=f"b{i}@example.org", basis_url="http://x"
        )
    bezig = threading.Event()

    def werk(i):
        if i == 0:
            return _aanmelding_die_even_open_blijft(cafe, bezig)
        bezig.wait(timeout=10)
        kopie = Kenniscafe.objects.get(pk=cafe.pk)
        kopie.capaciteit = 2
        try:
            services.bewaar_kenniscafe(kenniscafe=kopie, basis_url="http://x")
        except ValidationError as fout:
            return fout.message_dict["capaciteit"]
        return "opgeslagen"

    assert tegelijk(2, werk) == [
        "aangemeld",
        ["Er zijn al 3 bevestigde aanmeldingen; het aantal plaatsen kan niet lager zijn."],
    ]
    cafe.refresh_from_db()
    assert cafe.capaciteit == 5
    assert cafe.aanmeldingen.bevestigd().count() == 3


def test_coordinator_lowering_capacity_during_a_registration_gets_a_dutch_message(coordinator):
    """The admin form's check and the save see the same registrations: no 500,
    the coordinator's input comes back with the reason."""
    cafe = KenniscafeFactory(capaciteit=5, titel="Oude titel")
    for i in range(2):
        services.meld_aan(
            kenniscafe=cafe, naam=f"B{i}", email=f"b{i}@example.org", basis_url="http://x"
        )
    data = _admin_formulier(cafe, capaciteit="2", titel="Nieuwe titel")
    bezig = threading.Event()

    def werk(i):
        if i == 0:
            return _aanmelding_die_even_open_blijft(cafe, bezig)
        bezig.wait(timeout=10)
        client = log_in(Client(), coordinator)
        response = client.post(f"/admin/kenniscafes/kenniscafe/{cafe.pk}/change/", data)
        form = response.context["adminform"].form
        return response.status_code, form["titel"].value(), form.errors["capaciteit"]

    assert tegelijk(2, werk) == [
        "aangemeld",
        (
            200,
            "Nieuwe titel",
            ["Er zijn al 3 bevestigde aanmeldingen; het aantal plaatsen kan niet lager zijn."],
        ),
    ]
    cafe.refresh_from_db()
    assert (cafe.capaciteit, cafe.titel) == (5, "Oude titel")
    assert cafe.aanmeldingen.bevestigd().count() == 3


def test_registration_burst_while_capacity_is_lowered_never_overbooks(coordinator):
    """Twelve visitors register while the coordinator lowers the places from 10 to 4:
    either the new capacity holds (and later visitors wait) or it is refused."""
    cafe = KenniscafeFactory(capaciteit=10)
    data = _admin_formulier(cafe, capaciteit="4")

    def werk(i):
        if i == 0:
            client = log_in(Client(), coordinator)
            return client.post(f"/admin/kenniscafes/kenniscafe/{cafe.pk}/change/", data).status_code
        return (
            Client()
            .post(cafe.get_aanmelden_url(), {"naam": f"P{i}", "email": f"p{i}@example.org"})
            .status_code
        )

    statussen = tegelijk(13, werk)

    cafe.refresh_from_db()
    bevestigd = cafe.aanmeldingen.bevestigd().count()
    assert statussen[0] in (200, 302)  # refused with a message, or saved — never a 500
    assert statussen[1:] == [302] * 12
    assert bevestigd <= cafe.capaciteit
    assert bevestigd + cafe.aanmeldingen.wachtlijst().count() == 12
    if statussen[0] == 302:
        assert (cafe.capaciteit, bevestigd) == (4, 4)
    else:
        assert (cafe.capaciteit, bevestigd) == (10, 10)


def _aanmelding_die_even_open_blijft(cafe, bezig):
    """A visitor's registration whose transaction stays open for half a second
    after `bezig` is set."""
    with transaction.atomic():
        services.meld_aan(
            kenniscafe=cafe, naam="Nieuw", email="n@example.org", basis_url="http://x"
        )
        bezig.set()
        time.sleep(0.5)
    return "aangemeld"


def _admin_formulier(cafe, **velden):
    start, eind = (timezone.localtime(moment) for moment in (cafe.start, cafe.eind))
    data = {
        "soort": cafe.soort,
        "titel": cafe.titel,
        "slug": cafe.slug,
        "start_0": f"{start:%d-%m-%Y}",
        "start_1": f"{start:%H:%M}",
        "eind_0": f"{eind:%d-%m-%Y}",
        "eind_1": f"{eind:%H:%M}",
        "tijd_bekend": "on",
        "locatie": cafe.locatie_id,
        "status": cafe.status,
        "capaciteit": str(cafe.capaciteit),
        "aanmelden_open": "on",
        "gepubliceerd": "on",
    }
    for prefix in ("sprekers", "bijlagen", "bijdragen", "aanmeldingen"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(velden)
    return data


def test_two_reminder_runs_at_once_mail_everyone_once():
    """cron may start the command while the last run is still busy."""
    cafes = [KenniscafeFactory(start=timezone.now() + timezone.timedelta(days=1)) for _ in range(3)]
    for cafe in cafes:
        for i in range(8):
            services.meld_aan(
                kenniscafe=cafe, naam=f"P{i}", email=f"p{i}-{cafe.pk}@example.org", basis_url="x"
            )
    mail.outbox.clear()

    aantallen = tegelijk(2, lambda i: services.stuur_herinneringen(basis_url="http://x"))

    assert sum(aantallen) == 24
    ontvangers = [
        bericht.to[0] for bericht in mail.outbox if bericht.subject.startswith("Herinnering")
    ]
    assert len(ontvangers) == 24
    assert len(set(ontvangers)) == 24
    assert not Aanmelding.objects.filter(herinnering_op__isnull=True).exists()
