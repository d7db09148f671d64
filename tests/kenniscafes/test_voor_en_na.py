"""Before and after an event: reminders, the attendance list, feedback, the report."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from kenniscafes import services
from kenniscafes.models import Aanmelding, Deelnemersoort, Feedback
from tests.helpers import log_in

from .conftest import BASIS_URL
from .factories import AanmeldingFactory, KenniscafeFactory, over_dagen

pytestmark = pytest.mark.django_db


def _soort(naam):
    return Deelnemersoort.objects.get(naam=naam)


def _herinneringen():
    uit = io.StringIO()
    call_command("stuur_herinneringen", stdout=uit)
    return uit.getvalue().strip()


# Reminders


def test_reminders_go_to_confirmed_registrants_once_when_their_day_has_come(settings):
    settings.KENNISCAFE_HERINNERING_DAGEN = 2
    morgen = KenniscafeFactory(titel="Morgen", start=over_dagen(1))
    volgende_week = KenniscafeFactory(titel="Volgende week", start=over_dagen(7))
    ruim = KenniscafeFactory(titel="Ruim vooraf", start=over_dagen(7), herinnering_dagen=10)
    zonder = KenniscafeFactory(titel="Zonder", start=over_dagen(1), herinnering_dagen=0)
    AanmeldingFactory(kenniscafe=morgen, email="a@example.org", behoeften="ringleiding")
    AanmeldingFactory(kenniscafe=morgen, email="w@example.org", status="wachtlijst")
    AanmeldingFactory(kenniscafe=morgen, email="x@example.org", status="afgemeld")
    AanmeldingFactory(kenniscafe=volgende_week, email="b@example.org")
    AanmeldingFactory(kenniscafe=ruim, email="c@example.org")
    AanmeldingFactory(kenniscafe=zonder, email="d@example.org")

    assert _herinneringen() == "2 herinneringen verstuurd."
    assert _herinneringen() == "0 herinneringen verstuurd."

    assert sorted((b.to[0], b.subject) for b in mail.outbox) == [
        ("a@example.org", "Herinnering: Morgen"),
        ("c@example.org", "Herinnering: Ruim vooraf"),
    ]
    bericht = next(b for b in mail.outbox if b.to == ["a@example.org"])
    assert "Je schreef dat je dit nodig hebt: ringleiding" in bericht.body
    assert "/kenniscafes/afmelden/" in bericht.body
    assert bericht.attachments[0][0] == f"{morgen.slug}.ics"


def test_no_reminder_for_cancelled_or_started_events():
    afgelast = KenniscafeFactory(start=over_dagen(1), status="afgelast")
    begonnen = KenniscafeFactory(
        start=timezone.now() - datetime.timedelta(minutes=10),
        eind=timezone.now() + datetime.timedelta(hours=1),
    )
    AanmeldingFactory(kenniscafe=afgelast)
    AanmeldingFactory(kenniscafe=begonnen)
    assert _herinneringen() == "0 herinneringen verstuurd."
    assert mail.outbox == []


def test_a_failing_mail_leaves_the_reminder_for_the_next_run(settings):
    cafe = KenniscafeFactory(start=over_dagen(1))
    aanmelding = AanmeldingFactory(kenniscafe=cafe)
    settings.EMAIL_BACKEND = "tests.kenniscafes.test_voor_en_na.KapotteMail"
    with pytest.raises(ConnectionError):
        services.stuur_herinneringen(basis_url=BASIS_URL)
    aanmelding.refresh_from_db()
    assert aanmelding.herinnering_op is None


class KapotteMail:
    """A mail backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, berichten):
        raise ConnectionError("mail server down")


# The attendance list


def test_attendance_list_is_for_coordinators_only(client, coordinator, onderzoeker):
    cafe = KenniscafeFactory()
    url = cafe.get_aanwezigheid_url()
    assert client.get(url).status_code == 302  # to the login
    log_in(client, onderzoeker)
    assert client.get(url).status_code == 403
    log_in(client, coordinator)
    assert client.get(url).status_code == 200


def test_coordinator_ticks_attendance_in_one_form(client, coordinator):
    cafe = KenniscafeFactory()
    anna = AanmeldingFactory(kenniscafe=cafe, naam="Anna", behoeften="rolstoelplek")
    bram = AanmeldingFactory(kenniscafe=cafe, naam="Bram", aanwezig=True)
    AanmeldingFactory(kenniscafe=cafe, naam="Wacht", status="wachtlijst")
    log_in(client, coordinator)

    pagina = client.get(cafe.get_aanwezigheid_url()).content.decode()
    assert "Anna" in pagina and "Heeft nodig: rolstoelplek" in pagina
    assert "Wacht" not in pagina
    response = client.post(cafe.get_aanwezigheid_url(), {"aanwezig": [anna.pk, "x"]}, follow=True)

    assert dict(cafe.aanmeldingen.values_list("naam", "aanwezig")) == {
        "Anna": True,
        "Bram": False,
        "Wacht": None,
    }
    assert "Aanwezigheid bewaard: 1 aanwezig." in response.content.decode()
    bram.refresh_from_db()
    assert bram.aanwezig is False


def test_attendance_list_query_count_does_not_grow(client, coordinator, django_assert_num_queries):
    log_in(client, coordinator)
    for aantal in (1, 3):
        cafe = KenniscafeFactory()
        AanmeldingFactory.create_batch(aantal, kenniscafe=cafe, deelnemersoort=_soort("Student"))
        client.get(cafe.get_aanwezigheid_url())
        # session, user, the 2FA check (roles, an own app), permissions ×2,
        # café with place, registrations with their kinds
        with django_assert_num_queries(8):
            client.get(cafe.get_aanwezigheid_url())


# Feedback


def test_feedback_is_asked_only_of_those_who_came_and_only_once(na_commit):
    cafe = KenniscafeFactory(start=over_dagen(-2))
    kwam = AanmeldingFactory(kenniscafe=cafe, email="kwam@example.org", aanwezig=True)
    AanmeldingFactory(kenniscafe=cafe, email="niet@example.org", aanwezig=False)
    AanmeldingFactory(kenniscafe=cafe, email="onbekend@example.org")

    with na_commit():
        assert services.vraag_feedback(kenniscafe=cafe, basis_url=BASIS_URL) == 1
    with na_commit():
        assert services.vraag_feedback(kenniscafe=cafe, basis_url=BASIS_URL) == 0

    [bericht] = mail.outbox
    assert bericht.to == ["kwam@example.org"]
    assert f"{BASIS_URL}/kenniscafes/feedback/{kwam.token}/" in bericht.body


def test_feedback_form_keeps_one_answer_and_thanks(client):
    cafe = KenniscafeFactory(start=over_dagen(-2))
    kwam = AanmeldingFactory(kenniscafe=cafe, aanwezig=True)
    url = kwam.get_feedback_url()

    fout = client.post(url, {"cijfer": "9"})
    assert list(fout.context["form"].errors) == ["cijfer"]
    response = client.post(url, {"cijfer": "4", "goed": "Veel geleerd", "beter": ""}, follow=True)
    client.post(url, {"cijfer": "1"})

    assert list(Feedback.objects.values_list("aanmelding", "cijfer", "goed")) == [
        (kwam.pk, 4, "Veel geleerd")
    ]
    html = response.content.decode()
    assert "Dank je wel voor je feedback!" in html
    assert 'role="status" tabindex="-1" autofocus' in html


def test_feedback_form_is_not_there_for_who_did_not_come(client):
    cafe = KenniscafeFactory(start=over_dagen(-2))
    niet = AanmeldingFactory(kenniscafe=cafe, aanwezig=False)
    assert client.get(niet.get_feedback_url()).status_code == 404
    assert client.post(niet.get_feedback_url(), {"cijfer": "5"}).status_code == 404
    assert not Feedback.objects.exists()


# The report


def test_report_shows_attendance_by_kind_feedback_and_verslag(client, coordinator):
    cafe = KenniscafeFactory(start=over_dagen(-2), verslag="We spraken over **wachtlijsten**.")
    for naam, soort, aanwezig in [
        ("A", "Bewoner of ervaringsdeskundige", True),
        ("B", "Bewoner of ervaringsdeskundige", True),
        ("C", "Bewoner of ervaringsdeskundige", False),
        ("D", "Professional", True),
        ("E", None, None),
    ]:
        aanmelding = AanmeldingFactory(
            kenniscafe=cafe, naam=naam, deelnemersoort=_soort(soort) if soort else None
        )
        Aanmelding.objects.filter(pk=aanmelding.pk).update(aanwezig=aanwezig)
        if naam in ("A", "D"):
            services.geef_feedback(
                aanmelding=aanmelding, cijfer=5 if naam == "A" else 4, goed=f"Goed van {naam}"
            )
    AanmeldingFactory(kenniscafe=cafe, status="afgemeld", deelnemersoort=_soort("Student"))
    log_in(client, coordinator)

    response = client.get(cafe.get_rapport_url())

    assert response.context["per_soort"] == [
        {"soort": "Bewoner of ervaringsdeskundige", "aangemeld": 3, "aanwezig": 2, "afwezig": 1},
        {"soort": "Professional", "aangemeld": 1, "aanwezig": 1, "afwezig": 0},
        {"soort": "Onbekend", "aangemeld": 1, "aanwezig": 0, "afwezig": 0},
    ]
    assert response.context["totaal"] == {"aangemeld": 5, "aanwezig": 3, "afwezig": 1}
    html = response.content.decode()
    assert "2 keer feedback, gemiddeld cijfer 4,5 (van 1 tot 5)." in html
    assert "Goed: Goed van A" in html
    assert "<strong>wachtlijsten</strong>" in html
    assert ">A<" not in html  # no names in the report


def test_report_is_for_coordinators_only(client, raadslid):
    cafe = KenniscafeFactory()
    assert client.get(cafe.get_rapport_url()).status_code == 302
    log_in(client, raadslid)
    assert client.get(cafe.get_rapport_url()).status_code == 403
