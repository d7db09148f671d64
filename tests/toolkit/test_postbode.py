"""The outbox (toolkit/postbode.py): requests write mail to a table, the postman sends it.

A real SMTP server on 127.0.0.1 (aiosmtpd) takes the mail; the faults are a
port nobody listens on (refused), a socket that accepts but never greets
(hanging) and a server that answers slowly.
"""

import asyncio
import email
import email.policy
import socket
import time
from contextlib import closing

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.db import transaction
from django.urls import reverse
from mailer.models import PRIORITY_DEFERRED, Message, MessageLog

from tests.kenniscafes.factories import KenniscafeFactory
from toolkit.postbode import Postbode, dode_brieven

pytestmark = pytest.mark.django_db


def _vrije_poort():
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Ontvanger:
    """aiosmtpd handler: keeps every mail; waits `traag` seconds before accepting one."""

    def __init__(self, traag=0.0):
        self.traag = traag
        self.ontvangen = []

    async def handle_DATA(self, server, session, envelope):
        if self.traag:
            await asyncio.sleep(self.traag)
        self.ontvangen.append(envelope)
        return "250 OK"

    def onderwerpen(self):
        return sorted(
            str(email.message_from_bytes(envelope.content, policy=email.policy.default)["Subject"])
            for envelope in self.ontvangen
        )


class MailServer:
    """A local SMTP server on a fixed port that can be started, stopped, or made to hang."""

    def __init__(self):
        self.poort = _vrije_poort()
        self.ontvanger = Ontvanger()
        self._controller = None
        self._hangend = None

    def start(self, *, traag=0.0):
        self.ontvanger.traag = traag
        self._controller = Controller(self.ontvanger, hostname="127.0.0.1", port=self.poort)
        self._controller.start()

    def hang(self):
        """Accept connections (the kernel does) but never say a word."""
        self._hangend = socket.socket()
        self._hangend.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._hangend.bind(("127.0.0.1", self.poort))
        self._hangend.listen(16)

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
        if self._hangend is not None:
            self._hangend.close()
            self._hangend = None


@pytest.fixture
def server(settings):
    """The outbox as in production, its postman talking SMTP to a local server (off at first)."""
    server = MailServer()
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.poort
    settings.EMAIL_TIMEOUT = 2
    yield server
    server.stop()


class Klok:
    def __init__(self):
        self.nu = 1000.0

    def __call__(self):
        return self.nu


def _meld_aan(client, cafe, nummer):
    begin = time.monotonic()
    response = client.post(
        cafe.get_aanmelden_url(),
        {"naam": f"Bezoeker {nummer}", "email": f"bezoeker{nummer}@example.org"},
        follow=True,
    )
    return response, time.monotonic() - begin


def _aangemeld_gezegd(response, nummer):
    return (
        f"We hebben een bevestiging gestuurd naar bezoeker{nummer}@example.org."
        in response.content.decode()
    )


@pytest.mark.parametrize("storing", ["geweigerd", "hangt", "traag"])
def test_registering_answers_at_once_and_every_mail_arrives_once_when_the_server_is_back(
    client, server, storing
):
    cafe = KenniscafeFactory(capaciteit=10)
    if storing == "hangt":
        server.hang()
    elif storing == "traag":
        server.start(traag=0.3)
    klok = Klok()
    postbode = Postbode(klok=klok)

    for nummer in range(3):
        response, duur = _meld_aan(client, cafe, nummer)
        assert response.status_code == 200
        assert _aangemeld_gezegd(response, nummer)
        assert duur < 1.5  # the request never waits for the server (its timeout: 2 s)
    assert cafe.aanmeldingen.count() == 3
    assert Message.objects.count() == 3

    postbode.ronde()
    if storing == "traag":
        assert len(server.ontvanger.ontvangen) == 3
        assert not Message.objects.exists()
        return
    assert Message.objects.deferred().count() == 3  # tried once, deferred
    assert server.ontvanger.ontvangen == []

    server.stop()
    server.start()
    postbode.ronde()  # a retry waits for its time
    assert server.ontvanger.ontvangen == []
    klok.nu += 60
    postbode.ronde()
    postbode.ronde()
    assert server.ontvanger.onderwerpen() == [f"Je bent aangemeld: {cafe.titel}"] * 3
    assert sorted(e.rcpt_tos[0] for e in server.ontvanger.ontvangen) == [
        f"bezoeker{nummer}@example.org" for nummer in range(3)
    ]
    assert not Message.objects.exists()


def test_a_mail_server_down_for_an_hour_is_retried_with_back_off_and_each_mail_sent_once(
    server, settings
):
    klok = Klok()
    postbode = Postbode(klok=klok)
    mail.send_mail("Eerste", "tekst", None, ["a@example.org"])
    mail.send_mail("Tweede", "tekst", None, ["b@example.org"])
    postbode.ronde()
    assert Message.objects.deferred().count() == 2

    pogingen = []
    for minuut in range(1, 61):  # the server refuses for an hour
        klok.nu += 60
        voor = Message.objects.get(message_data__isnull=False, pk=Message.objects.first().pk)
        postbode.ronde()
        if Message.objects.get(pk=voor.pk).retry_count > voor.retry_count:
            pogingen.append(minuut)
    # 1, 2, 4, 8, 16 minutes apart; the next is at 63 minutes
    assert pogingen == [1, 3, 7, 15, 31]
    assert MessageLog.objects.filter(result="3").count() == 2 + 2 * 5

    server.start()
    klok.nu += 60
    postbode.ronde()
    assert server.ontvanger.ontvangen == []  # not yet: 32 minutes after the last try
    klok.nu += 2 * 60
    postbode.ronde()
    postbode.ronde()
    assert server.ontvanger.onderwerpen() == ["Eerste", "Tweede"]
    assert not Message.objects.exists()
    # working again: the next failure is retried after a minute again
    assert postbode.wacht == settings.POSTBODE_OPNIEUW_NA


def test_a_mail_becomes_a_dead_letter_after_the_last_retry(server, settings):
    settings.MAILER_EMAIL_MAX_RETRIES = 2
    settings.POSTBODE_OPNIEUW_HOOGSTENS = 60
    klok = Klok()
    postbode = Postbode(klok=klok)
    mail.send_mail("Onbestelbaar", "tekst", None, ["a@example.org"])
    for _ in range(5):
        postbode.ronde()
        klok.nu += 60
    [bericht] = Message.objects.all()
    assert (bericht.priority, bericht.retry_count) == (PRIORITY_DEFERRED, 2)
    assert list(dode_brieven()) == [bericht]
    server.start()
    for _ in range(3):
        postbode.ronde()
        klok.nu += 60
    assert server.ontvanger.ontvangen == []  # a dead letter waits for a person


def test_a_mail_in_a_transaction_that_rolls_back_is_never_sent(server):
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send_mail("Niet gebeurd", "tekst", None, ["a@example.org"])
        raise RuntimeError("de wijziging mislukt")
    assert not Message.objects.exists()


def test_password_reset_mail_goes_through_the_outbox(client, server, onderzoeker):
    onderzoeker.email = "onderzoeker@example.org"
    onderzoeker.save()
    server.hang()
    begin = time.monotonic()
    response = client.post(reverse("password_reset"), {"email": onderzoeker.email})
    assert time.monotonic() - begin < 1.5
    assert response.status_code == 302
    [bericht] = Message.objects.all()
    assert bericht.to_addresses == ["onderzoeker@example.org"]


def _dode_brief(settings):
    settings.MAILER_EMAIL_MAX_RETRIES = 1
    mail.send_mail("Geheim onderwerp", "wachtwoordlink-in-de-tekst", None, ["x@example.org"])
    bericht = Message.objects.get()
    bericht.priority, bericht.retry_count = PRIORITY_DEFERRED, 1
    bericht.save()
    return bericht


def test_coordinators_see_dead_letters_without_their_text_and_may_requeue_them(
    coordinator_client, server, settings
):
    bericht = _dode_brief(settings)
    lijst = coordinator_client.get("/admin/mailer/message/?status=opgegeven").content.decode()
    assert "x@example.org" in lijst and "Opgegeven (dode brief)" in lijst
    detail = coordinator_client.get(f"/admin/mailer/message/{bericht.pk}/change/")
    assert detail.status_code == 200
    assert "wachtwoordlink-in-de-tekst" not in detail.content.decode()
    assert (
        coordinator_client.get("/admin/mailer/message/?status=wachtrij").context["cl"].result_count
        == 0
    )

    coordinator_client.post(
        "/admin/mailer/message/",
        {"action": "opnieuw_versturen", "_selected_action": [bericht.pk]},
    )
    bericht.refresh_from_db()
    assert (bericht.priority, bericht.retry_count) == (2, 0)
    server.start()
    Postbode().ronde()
    assert server.ontvanger.onderwerpen() == ["Geheim onderwerp"]


@pytest.mark.parametrize("rol", ["onderzoeker_client", "raadslid_client"])
def test_researchers_and_brede_raad_may_not_see_the_outbox(request, rol, server, settings):
    gebruiker = request.getfixturevalue(rol)
    bericht = _dode_brief(settings)
    for url in (
        "/admin/mailer/message/",
        f"/admin/mailer/message/{bericht.pk}/change/",
        "/admin/mailer/messagelog/",
    ):
        response = gebruiker.get(url)
        # not staff: the admin's login page, and nothing of the mail
        assert (response.status_code, response["Location"]) == (302, f"/admin/login/?next={url}")
