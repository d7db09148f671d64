"""A logged-in user's heaviest pages, kept per session until anything they show changes.

Logged-in pages are made for one person (their name, their roles, their
CSRF token), so they are never shared. But the same person often asks for the
same page again: back to the story list after reading a story, paging back,
the codebook between two codings. `@sessiepagina` keeps such a GET page in the
shared cache (carelab/cache.py) under a key of the session, the user, the full
address, the text size and the CSRF cookie, and serves it again while it is
still true:

- stale at once on any change to what a page can show: every model of the
  content apps, roles, permissions and accounts raise the version "inhoud"
  (carelab/cache.py); at most STANDAARD_DUUR old (or less, `leeft_als`);
- only for a plain GET or HEAD of a logged-in user with a CSRF cookie, and
  never while a message waits to be shown or input kept at a logout waits to
  be given back (carelab/sessieduur.py);
- only a 200 that set no cookie and queued no message is kept;
- per request even on a hit: the session timer on <body> (`sessie_attributen`
  is made again) and whatever the view asked to repeat on every view with
  `bij_elke_weergave` (the access log: a page read from the cache is logged
  like a page made fresh).

Put it inside the permission decorators, so they keep running on every request:

    @vereist("verhalen.view_verhaal")
    @sessiepagina
    def verhaal_list(request): ...
"""

import hashlib
from functools import partial, wraps

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.http import HttpResponse

from . import cache, vooraf
from .sessieduur import BEWAARDE_INVOER
from .templatetags.opmaak import tekstgrootte_van

BERICHTEN_IN_SESSIE = "_messages"  # django.contrib.messages' SessionStorage key
_HERHALINGEN = "_sessiepagina_herhalingen"
_SESSIE_ATTRIBUTEN = "_sessiepagina_attributen"

_herhalers = {}


def registreer_herhaling(naam, functie):
    """`functie(request, **gegevens)` runs for every view of a kept page that
    recorded `naam` with `bij_elke_weergave`."""
    _herhalers[naam] = functie


def bij_elke_weergave(request, naam, **gegevens):
    """While a kept page is being made: call the `naam` function again, with
    `gegevens` (which must pickle), whenever the page is served from the cache."""
    herhalingen = getattr(request, _HERHALINGEN, None)
    if herhalingen is not None:
        herhalingen.append((naam, gegevens))


def onthoud_sessie_attributen(request, html):
    """The session timer attributes as rendered in this page (see templatetags/sessie.py)."""
    setattr(request, _SESSIE_ATTRIBUTEN, str(html))


def _kan_bewaard_zijn(request):
    """What can be told without loading the user (carelab/vooraf.py reads ahead)."""
    sessie = request.session
    if request.method not in ("GET", "HEAD") or SESSION_KEY not in sessie:
        return False
    if not sessie.session_key or settings.CSRF_COOKIE_NAME not in request.COOKIES:
        return False
    if "messages" in request.COOKIES or BERICHTEN_IN_SESSIE in sessie:
        return False
    return BEWAARDE_INVOER not in sessie


def _mag_uit_cache(request):
    return _kan_bewaard_zijn(request) and request.user.is_authenticated


@vooraf.registreer
def _vooraf_te_lezen(request):
    if not _kan_bewaard_zijn(request):
        return []
    return cache.sleutels(_sleutel(request), [cache.INHOUD])


def _sleutel(request):
    onderdelen = [
        request.session.session_key,
        str(request.session[SESSION_KEY]),  # the user's pk, as the session holds it
        request.get_full_path(),
        tekstgrootte_van(request),
        request.COOKIES[settings.CSRF_COOKIE_NAME],
    ]
    return "sessiepagina:" + hashlib.sha256("\x1f".join(onderdelen).encode()).hexdigest()


def _mag_bewaren(request, response):
    berichten = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not getattr(berichten, "_queued_messages", None)
    )


def _bewaarbaar(request, response):
    # As bytes, split around the session timer: a hit joins them without
    # decoding and encoding the page again (a collection is 750 kB).
    attributen = getattr(request, _SESSIE_ATTRIBUTEN, "").encode(response.charset)
    delen = response.content.split(attributen, 1) if attributen else [response.content]
    return {
        "delen": delen,
        "charset": response.charset,
        "content_type": response["Content-Type"],
        "herhalingen": getattr(request, _HERHALINGEN),
    }


def _uit_cache(request, opgeslagen):
    from .templatetags.sessie import sessie_attributen_voor

    attributen = sessie_attributen_voor(request).encode(opgeslagen["charset"])
    inhoud = attributen.join(opgeslagen["delen"])
    for naam, gegevens in opgeslagen["herhalingen"]:
        _herhalers[naam](request, **gegevens)
    return HttpResponse(inhoud, content_type=opgeslagen["content_type"])


def sessiepagina(view=None, *, leeft_als=()):
    """Serve this GET view from the session's cache while nothing it shows changed.

    `leeft_als`: names whose registered life (cache.registreer_levensduur) also
    bounds how long the page is kept, e.g. "kenniscafes" for a page listing
    the cafés ahead (one leaves the list when it is over).
    """
    if view is None:
        return partial(sessiepagina, leeft_als=leeft_als)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _mag_uit_cache(request):
            return view(request, *args, **kwargs)
        sleutel = _sleutel(request)
        opgeslagen, huidig = cache.lees(sleutel, [cache.INHOUD])
        if opgeslagen is not None:
            return _uit_cache(request, opgeslagen)
        setattr(request, _HERHALINGEN, [])
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if _mag_bewaren(request, response):
            duur = cache.levensduur(leeft_als) if leeft_als else cache.STANDAARD_DUUR
            if duur > 0:
                cache.bewaar(sleutel, (huidig, _bewaarbaar(request, response)), duur)
        return response

    return wrapper
