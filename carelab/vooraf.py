"""Reading ahead: what a logged-in request will ask the cache, in one round trip.

A logged-in page served from the session's kept copy asks the shared cache
for three things, each with its versions: the session's authenticator
(carelab/tweestaps/middleware.py), the user's permissions (carelab/
rechten.py) and the kept page (carelab/sessiepagina.py). Each is a round trip
to Redis; on a small VM a round trip costs more than the work. The apps
register a function that names the keys a request will read (from the
request and its session, without loading the user), and
`VooraflezenMiddleware` reads them all with one `get_many` before the view
runs. `carelab.cache.lees` then takes them from this request's read-ahead.
Any write through carelab/cache.py during the request forgets the read-ahead,
so nothing stale is read back.
"""

import threading

from django.core.cache import cache

_sleutelfuncties = []
_lokaal = threading.local()


def registreer(functie):
    """`functie(request)` names cache keys the request is going to read (or [])."""
    _sleutelfuncties.append(functie)
    return functie


def geschreven_sinds_lezen():
    """The version names this thread wrote since it last read the cache
    (carelab/cache.verhoog need not write them again inside a transaction)."""
    if not hasattr(_lokaal, "geschreven"):
        _lokaal.geschreven = set()
    return _lokaal.geschreven


def haal(sleutels):
    """`cache.get_many(sleutels)`, from the read-ahead when it holds all of them."""
    geschreven_sinds_lezen().clear()
    gevraagd = getattr(_lokaal, "gevraagd", None)
    if gevraagd is not None and gevraagd.issuperset(sleutels):
        return {
            sleutel: _lokaal.waarden[sleutel] for sleutel in sleutels if sleutel in _lokaal.waarden
        }
    return cache.get_many(sleutels)


def vergeet():
    """A write: read everything from the cache itself from now on."""
    _lokaal.gevraagd = None
    _lokaal.waarden = {}


class VooraflezenMiddleware:
    """After sessions and authentication: read ahead what the apps named."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sleutels = {sleutel for functie in _sleutelfuncties for sleutel in functie(request)}
        if not sleutels:
            return self.get_response(request)
        geschreven_sinds_lezen().clear()
        _lokaal.waarden = cache.get_many(list(sleutels))
        _lokaal.gevraagd = sleutels
        try:
            return self.get_response(request)
        finally:
            vergeet()
