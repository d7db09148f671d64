"""The outbox's postman: sends what requests wrote to django-mailer's outbox.

Requests never talk to the mail server: EMAIL_BACKEND is django-mailer's
DbBackend, so every `send_mail`/`EmailMessage.send()` is a row in the outbox
table, written in the transaction of the change it reports (a rollback takes
the mail with it). `manage.py postbode` runs `Postbode.ronde()` every few
seconds; each round

* sends the new mails (django-mailer's `send_all`: one row lock per mail, the
  row deleted in the same transaction once the server took it, so several
  postmen never send a mail twice);
* a mail the server refused, or that timed out (EMAIL_TIMEOUT), is deferred;
  deferred mails are tried again after 1, 2, 4 … minutes
  (POSTBODE_OPNIEUW_NA, doubled while a retry sends nothing, at most
  POSTBODE_OPNIEUW_HOOGSTENS apart; back to the start once one gets through);
* after MAILER_EMAIL_MAX_RETRIES retries a mail stays deferred for good: a
  dead letter, shown to coordinators in the admin (toolkit/admin.py),
  who can put it back in the queue.

django-mailer itself has the sending, the locking, the retry counter and the
log; what it lacks — a loop that retries deferred mail with back-off and lives
through a database restart — is this module.
"""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connections
from mailer.engine import send_all
from mailer.models import PRIORITY_MEDIUM, RESULT_FAILURE, Message, MessageLog

logger = logging.getLogger(__name__)


def stel_uit(connection, message, exc):
    """MAILER_ERROR_HANDLER: defer a mail on any sending error, and log why.

    django-mailer defers only on SMTP and socket errors and re-raises the
    rest, which would leave the mail at the head of the queue for ever.
    """
    message.defer()
    MessageLog.objects.log(message, RESULT_FAILURE, log_message=f"{type(exc).__name__}: {exc}")
    logger.warning("Mail uitgesteld (%s): %s", ", ".join(message.to_addresses), exc)
    return None, "deferred"


def dode_brieven():
    """Deferred mails that will not be retried any more (the dead letters)."""
    return Message.objects.deferred().filter(retry_count__gte=settings.MAILER_EMAIL_MAX_RETRIES)


def opnieuw_in_de_wachtrij(berichten) -> int:
    """Put deferred mails (dead letters too) back in the queue, their retries counted anew."""
    return berichten.filter(pk__in=Message.objects.deferred().values("pk")).update(
        priority=PRIORITY_MEDIUM, retry_count=0
    )


class Postbode:
    """One sending worker; `klok` gives seconds (a test passes a simulated clock)."""

    def __init__(self, *, klok: Callable[[], float] = time.monotonic):
        self.klok = klok
        self.wacht = settings.POSTBODE_OPNIEUW_NA
        self.volgende_poging = klok() + self.wacht

    def ronde(self) -> None:
        """Send what is queued; retry the deferred mails when their time has come."""
        send_all()
        if self.klok() < self.volgende_poging:
            return
        te_proberen = Message.objects.deferred().filter(
            retry_count__lt=settings.MAILER_EMAIL_MAX_RETRIES
        )
        if not te_proberen.exists():
            self.wacht = settings.POSTBODE_OPNIEUW_NA
        else:
            voor = te_proberen.count()
            Message.objects.retry_deferred()
            send_all()
            nog_uitgesteld = Message.objects.deferred().count() - dode_brieven().count()
            if nog_uitgesteld >= voor:
                self.wacht = min(self.wacht * 2, settings.POSTBODE_OPNIEUW_HOOGSTENS)
            else:
                self.wacht = settings.POSTBODE_OPNIEUW_NA
        self.volgende_poging = self.klok() + self.wacht

    def loop(self, *, slaap: Callable[[float], None] = time.sleep) -> None:
        """Run rounds for ever; a database that is away is waited for, not fatal."""
        while True:
            close_old_connections()
            try:
                self.ronde()
            except DatabaseError as fout:
                logger.warning("Postbode: database onbereikbaar (%s); later opnieuw.", fout)
                connections.close_all()
            slaap(settings.POSTBODE_INTERVAL)
