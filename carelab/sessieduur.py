"""How long a login lasts: logged out after inactivity, and after a working day.

Two timestamps (seconds since the epoch) live in the session:
- INGELOGD_OP: set at login; after settings.SESSIE_MAXIMALE_DUUR the session
  ends however active it was (default 8 hours, a working day).
- LAATST_ACTIEF: the last request; without a request for
  settings.SESSIE_INACTIEF_NA (default 30 minutes) the session ends.
LAATST_ACTIEF is only rewritten when it is settings.SESSIE_VERNIEUW_NA (default
5 minutes) old, so an active user costs one session write per five minutes,
not one per request. A session therefore ends between 30 and 35 minutes
after the last request, never earlier than 30.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.shortcuts import redirect
from django.urls import reverse

INGELOGD_OP = "_sessie_ingelogd_op"
LAATST_ACTIEF = "_sessie_laatst_actief"


def minuten(seconden):
    return round(seconden / 60)


def start_sessie(sender, request, user, **kwargs):
    """user_logged_in receiver: the clock of a new login starts now."""
    if request is None or not hasattr(request, "session"):
        return
    nu = int(time.time())
    request.session[INGELOGD_OP] = nu
    request.session[LAATST_ACTIEF] = nu


class SessieduurMiddleware:
    """Log a user out after inactivity or when the session is too old, and
    send them to the login page with a message that says why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if SESSION_KEY not in session:
            return self.get_response(request)
        nu = int(time.time())
        begin = session.get(INGELOGD_OP)
        laatst = session.get(LAATST_ACTIEF)
        if begin is None or laatst is None:
            # A session from before this rule: its clock starts now.
            session[INGELOGD_OP] = begin or nu
            session[LAATST_ACTIEF] = nu
        elif nu - laatst > settings.SESSIE_INACTIEF_NA:
            return self.uitloggen(
                request,
                f"Je bent uitgelogd omdat je {minuten(settings.SESSIE_INACTIEF_NA)} minuten "
                "niets hebt gedaan op de Verhalenbank. Zo kan niemand anders verder op jouw "
                "computer. Log opnieuw in om verder te gaan.",
            )
        elif nu - begin > settings.SESSIE_MAXIMALE_DUUR:
            return self.uitloggen(
                request,
                f"Je bent uitgelogd omdat je langer dan "
                f"{minuten(settings.SESSIE_MAXIMALE_DUUR) // 60} uur ingelogd was. "
                "Log opnieuw in om verder te gaan.",
            )
        elif nu - laatst >= settings.SESSIE_VERNIEUW_NA:
            session[LAATST_ACTIEF] = nu
        return self.get_response(request)

    @staticmethod
    def uitloggen(request, reden):
        logout(request)
        messages.info(request, reden)
        url = reverse("login")
        if request.method in ("GET", "HEAD"):
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)
