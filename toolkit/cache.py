"""The public pages of anonymous visitors, cached, with invalidation.

Only what is the same for everyone who may see it is cached: a public page
as an anonymous visitor gets it. Logged-in pages are always made fresh, so
what a user may see is decided by the database on every request; counts are
stored, not cached (verhalen/services/tellingen.py; docs/consent.md).

The cache is shared by every app server (settings.CACHES: Redis when
REDIS_URL is set, otherwise a table in the database), so a change made
through one server is seen by all of them at once.

Invalidation works with *versions*: every cached page depends on one or
more named versions ("kenniscafes", "collecties", "themas") and is stored
together with the versions it was made under; one cache read fetches the
page and the current versions, and a page made under other versions is
made again. A change to the data behind a name calls `verhoog(name)`, which
gives the name a new version, so every page depending on it is stale at
once. Apps call `verhoog` from signal handlers on their models (see
kenniscafes/cache.py, verhalen/cache.py, kennisagenda/cache.py), so the admin,
the services and the demo loaders all invalidate without remembering to.

    @cache.publieke_pagina(afhankelijk_van=["kenniscafes"])
    def agenda(request): ...

A version is raised twice: at once, and again when the transaction commits.
The second time makes stale any page that another request made from
the old data between the first raise and the commit.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from .templatetags.opmaak import tekstgrootte_van

# Upper bound on how long a cached result lives, whatever happens.
STANDAARD_DUUR = 10 * 60
# Query parameters a cached public page may vary on; other parameters
# (typos, tracking codes) are served without the cache, so they cannot fill it.
TOEGESTANE_PARAMETERS = frozenset({"page", "pagina", "thema"})


def _versiesleutel(naam):
    return f"versie:{naam}"


def _nieuwe_versie():
    # Never a number used before, even after the cache was emptied.
    return time.time_ns()


def versies(namen):
    """The current version of every name, in the order given (one cache read)."""
    sleutels = [_versiesleutel(naam) for naam in namen]
    gevonden = cache.get_many(sleutels)
    for sleutel in sleutels:
        if sleutel not in gevonden:
            cache.add(sleutel, _nieuwe_versie(), timeout=None)
            gevonden[sleutel] = cache.get(sleutel)
    return [gevonden[sleutel] for sleutel in sleutels]


def verhoog(*namen):
    """Make every cached result that depends on `namen` stale, now and at commit."""

    def schrijf():
        cache.set_many({_versiesleutel(naam): _nieuwe_versie() for naam in namen}, timeout=None)

    schrijf()
    transaction.on_commit(schrijf)


def verhoog_bij_wijziging(naam, modellen, *, koppeltabel):
    """Raise `naam` whenever a row of one of `modellen` is saved or deleted, or
    the many-to-many through model `koppeltabel` changes.

    Each receiver names its sender: a delete receiver without one would listen
    to every model, and Django's Collector then loads every row of every
    cascade to send signals instead of deleting them in one query.
    """

    def gewijzigd(sender, **kwargs):
        verhoog(naam)

    def gekoppeld(sender, action, **kwargs):
        if action.startswith("post_"):
            verhoog(naam)

    for model in modellen:
        for signaal, soort in ((post_save, "save"), (post_delete, "delete")):
            signaal.connect(
                gewijzigd,
                sender=model,
                weak=False,
                dispatch_uid=f"{naam}.{soort}.{model._meta.label}",
            )
    m2m_changed.connect(gekoppeld, sender=koppeltabel, weak=False, dispatch_uid=f"{naam}.koppeling")


def lees(sleutel, namen):
    """(the stored value if it was made under the current versions, else None;
    the current versions) — in one cache read."""
    versiesleutels = [_versiesleutel(naam) for naam in namen]
    gevonden = cache.get_many([sleutel, *versiesleutels])
    huidig = tuple(gevonden.get(versiesleutel) for versiesleutel in versiesleutels)
    if None in huidig:
        huidig = tuple(versies(namen))
    opgeslagen = gevonden.get(sleutel)
    if opgeslagen is not None and opgeslagen[0] == huidig:
        return opgeslagen[1], huidig
    return None, huidig


def _cachebaar(request):
    """Only an anonymous visitor's plain GET: no session (so no messages, no
    login), no other cookie that changes the page, no unknown parameters."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return set(request.GET) <= TOEGESTANE_PARAMETERS


def _paginasleutel(request):
    onderdelen = [
        request.path,
        "&".join(f"{k}={v}" for k, v in sorted(request.GET.items())),
        tekstgrootte_van(request),
    ]
    return "pagina:" + hashlib.sha256("\n".join(onderdelen).encode()).hexdigest()


_levensduur: dict[str, object] = {}


def registreer_levensduur(naam, functie):
    """`functie()` gives the seconds a result depending on `naam` may live at
    most (e.g. until the next café is over: it then leaves the agenda)."""
    _levensduur[naam] = functie


def levensduur(namen):
    """The shortest life the registered functions of `namen` allow."""
    return min([STANDAARD_DUUR, *(_levensduur[naam]() for naam in namen if naam in _levensduur)])


def publieke_pagina(*, afhankelijk_van):
    """Serve a public page to anonymous visitors from the shared cache.

    Logged-in users (and visitors with a session, e.g. with a message waiting)
    always get the page freshly made: their pages show their name and may
    show more. A page lives at most STANDAARD_DUUR, or shorter when a name
    registered a shorter life (`registreer_levensduur`). A page that set a
    cookie, used a CSRF token or showed a message is never stored.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _cachebaar(request):
                return view(request, *args, **kwargs)
            sleutel = _paginasleutel(request)
            opgeslagen, huidig = lees(sleutel, afhankelijk_van)
            if opgeslagen is not None:
                response = HttpResponse(opgeslagen["inhoud"], status=200)
                for naam, waarde in opgeslagen["headers"].items():
                    response[naam] = waarde
            else:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
                if _mag_bewaren(request, response):
                    duur = levensduur(afhankelijk_van)
                    if duur > 0:
                        cache.set(sleutel, (huidig, _bewaarbaar(response)), duur)
            patch_vary_headers(response, ["Cookie"])
            return response

        return wrapper

    return decorator


def _mag_bewaren(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "_messages", None)
        and not getattr(getattr(request, "session", None), "modified", False)
    )


def _bewaarbaar(response):
    headers = {
        naam: waarde
        for naam, waarde in response.items()
        if naam.lower() in ("content-type", "content-disposition", "content-language")
    }
    return {"inhoud": response.content, "headers": headers}
