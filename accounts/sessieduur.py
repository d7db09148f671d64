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

Nothing typed is lost (WCAG 2.2.5): when a POST arrives on a session that
has just ended, its text fields (never passwords, tokens or files) are kept
server-side in the new anonymous session, with the page to show them on
(BEWAARDE_INVOER). After logging in again, as the same user, a form page
marked with @herstelt_invoer fills its form with them through vul_aan() and
says so; any other page's input is shown on /accounts/sessie/bewaard/ to
copy. Nothing is saved on the user's behalf. With JavaScript the page warns
before the time is up and offers to stay logged in (static/js/sessie.js,
POST /accounts/sessie/verlengen/, WCAG 2.2.1).
"""

import re
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import QueryDict
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

INGELOGD_OP = "_sessie_ingelogd_op"
LAATST_ACTIEF = "_sessie_laatst_actief"
BEWAARDE_INVOER = "_sessie_bewaarde_invoer"

# Never kept: the CSRF token, and anything that looks like a secret.
NOOIT_BEWAREN = {"csrfmiddlewaretoken"}
GEHEIM_VELD = re.compile(r"pass|wachtwoord|token|secret|geheim|otp|reservecode", re.IGNORECASE)
# Posts whose input is never kept: logging in and out, passwords, the second
# step, and the keep-alive itself.
NOOIT_BEWAREN_VIEWS = {
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "admin:login",
    "admin:logout",
    "admin:password_change",
    "sessie:verlengen",
    "sessie:bewaard",
}
NOOIT_BEWAREN_NAMESPACES = {"tweestaps"}


def minuten(seconden):
    return round(seconden / 60)


def start_sessie(sender, request, user, **kwargs):
    """user_logged_in receiver: the clock of a new login starts now."""
    if request is None or not hasattr(request, "session"):
        return
    nu = int(time.time())
    request.session[INGELOGD_OP] = nu
    request.session[LAATST_ACTIEF] = nu
    # Input kept from an ended session is only ever given back to its writer.
    invoer = request.session.get(BEWAARDE_INVOER)
    if invoer and invoer["gebruiker"] != str(user.pk):
        del request.session[BEWAARDE_INVOER]


def resterende_seconden(session):
    """(seconds until inactivity ends the session, seconds until the
    absolute limit), for a logged-in session; what static/js/sessie.js counts."""
    nu = int(time.time())
    laatst = session.get(LAATST_ACTIEF, nu)
    begin = session.get(INGELOGD_OP, nu)
    return (
        max(0, laatst + settings.SESSIE_INACTIEF_NA - nu),
        max(0, begin + settings.SESSIE_MAXIMALE_DUUR - nu),
    )


def verleng(session):
    """The person is here (they pressed "Ingelogd blijven" or typed): the
    inactivity clock starts again now. The absolute limit stays."""
    session[LAATST_ACTIEF] = int(time.time())


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
        invoer = bewaarbare_invoer(request)
        logout(request)
        url = reverse("login")
        if request.method in ("GET", "HEAD"):
            url += "?" + urlencode({"next": request.get_full_path()})
        elif invoer:
            request.session[BEWAARDE_INVOER] = invoer
            reden += (
                " Wat je had ingevuld, is bewaard. Je ziet het terug als je weer bent ingelogd."
            )
            url += "?" + urlencode({"next": invoer["pagina"]})
        messages.info(request, reden)
        return redirect(url)


def herstelt_invoer(view=None, *, pagina=None):
    """Mark a view whose form can be filled with input kept from an ended
    session (it calls vul_aan() when it shows the form).

    `pagina`: the name of the URL that shows the form, when the view only
    takes the POST (it is reversed with the same arguments); by default the
    view's own URL. Use it as the outermost decorator.
    """

    def markeer(view):
        view.herstelt_invoer = pagina or True
        return view

    return markeer(view) if view is not None else markeer


def _bewaarbaar_veld(naam):
    return naam not in NOOIT_BEWAREN and not GEHEIM_VELD.search(naam)


def bewaarbare_invoer(request):
    """What to keep of a POST on an ended session, or None.

    Only a POST with a valid CSRF token (no other site can plant text for
    a user to find after logging in), not to a page in NOOIT_BEWAREN_VIEWS,
    and only its text fields: no token, no password-like field, no file.
    """
    if request.method != "POST" or SESSION_KEY not in request.session:
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.view_name in NOOIT_BEWAREN_VIEWS or set(match.namespaces) & NOOIT_BEWAREN_NAMESPACES:
        return None
    if CsrfViewMiddleware(lambda r: None).process_view(request, match.func, (), {}) is not None:
        return None
    velden = {naam: waarden for naam, waarden in request.POST.lists() if _bewaarbaar_veld(naam)}
    if not any(waarde.strip() for waarden in velden.values() for waarde in waarden):
        return None
    herstel = getattr(match.func, "herstelt_invoer", False)
    if herstel is True:
        pagina = request.path
    elif herstel:
        pagina = reverse(herstel, args=match.args, kwargs=match.kwargs)
    else:
        pagina = reverse("sessie:bewaard")
    return {
        "gebruiker": str(request.session[SESSION_KEY]),
        "pad": request.path,
        "pagina": pagina,
        "velden": velden,
        "bewaard_op": int(time.time()),
    }


def bewaarde_invoer(request):
    """The input kept for the logged-in user from their ended session, or None."""
    invoer = request.session.get(BEWAARDE_INVOER)
    if not invoer or not request.user.is_authenticated:
        return None
    if invoer["gebruiker"] != str(request.user.pk):
        return None
    return invoer


def vergeet_invoer(request):
    request.session.pop(BEWAARDE_INVOER, None)


def vul_aan(request, form):
    """Fill `form` (unbound, about to be shown) with the input the user had
    typed when their session ended on this page, and tell them to check it
    and save again. The kept input is removed; returns whether there was any.

    The input becomes the form's initial values, never its data: nothing is
    saved without the person looking at it and sending it again (with a
    fresh CSRF token, and for stories through the version check).
    """
    invoer = bewaarde_invoer(request)
    if request.method != "GET" or invoer is None or invoer["pagina"] != request.path:
        return False
    vergeet_invoer(request)
    data = QueryDict(mutable=True)
    for naam, waarden in invoer["velden"].items():
        data.setlist(naam, waarden)
    for naam, field in form.fields.items():
        html_naam = form.add_prefix(naam)
        if field.disabled or field.widget.value_omitted_from_data(data, {}, html_naam):
            continue
        form.initial[naam] = field.widget.value_from_datadict(data, {}, html_naam)
    messages.warning(
        request,
        "Je was uitgelogd. Wat je had ingevuld staat hieronder; controleer het en sla opnieuw op.",
    )
    return True
