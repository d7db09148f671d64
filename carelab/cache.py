"""Caching of expensive results and of the public pages, with invalidation.

The cache is shared by every app server (settings.CACHES: Redis when
REDIS_URL is set, otherwise a table in the database), so a change made
through one server is seen by all of them at once.

Invalidation works with *versions*: every cached result depends on one or
more named versions ("kenniscafes", "verhalen", …) and is stored together
with the versions it was made under; one cache read fetches the result and
the current versions, and a result made under other versions is made again.
A change to the data behind a name calls `verhoog(name)`, which gives the
name a new version, so every result depending on it is stale at once.
Apps call `verhoog` from signal handlers on their models (see
kenniscafes/cache.py, verhalen/cache.py, and below: "inhoud", the app
versions, "rechten", "apparaten"), so the admin, the services and the demo
loaders all invalidate without remembering to.

    aantallen = cache.onthoud("codeboek:aantallen", bereken, afhankelijk_van=["verhalen"])

    @cache.publieke_pagina(afhankelijk_van=["kenniscafes"])
    def agenda(request): ...

A version is raised twice: at once, and again when the transaction commits.
The second time makes stale any result that another request computed from
the old data between the first raise and the commit. (Within one
transaction repeated raises are coalesced, see `verhoog`.)
"""

import hashlib
import threading
import time
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from . import vooraf
from .models import Thema
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
            vooraf.vergeet()
            cache.add(sleutel, _nieuwe_versie(), timeout=None)
            gevonden[sleutel] = cache.get(sleutel)
    return [gevonden[sleutel] for sleutel in sleutels]


def _schrijf_versies(namen):
    vooraf.vergeet()
    cache.set_many({_versiesleutel(naam): _nieuwe_versie() for naam in namen}, timeout=None)


# Per thread: names to write again at the commit of the current transaction.
_stand = threading.local()


def _bij_commit():
    if not hasattr(_stand, "bij_commit"):
        _stand.bij_commit = set()
    return _stand.bij_commit


def _schrijf_bij_commit():
    # The first of this transaction's callbacks writes them all; the others find none.
    namen, _stand.bij_commit = _bij_commit(), set()
    if namen:
        _schrijf_versies(namen)
        vooraf.geschreven_sinds_lezen().update(namen)


def verhoog(*namen):
    """Make every cached result that depends on `namen` stale, now and at commit.

    A transaction that saves many rows (a story and its fragments, each with a
    history row) raises the same names many times. Inside a transaction a
    name is written at once only if this thread read a version since it last
    wrote it (no result of this thread can be older); every name is written
    once more, together, at commit (for results that other requests made from
    the data as it was). Outside a transaction every raise is written. After
    a rollback the names wait for the next commit in this thread: a needless
    invalidation, never a missed one.
    """
    if not transaction.get_connection().in_atomic_block:
        _schrijf_versies(namen)
        return
    geschreven = vooraf.geschreven_sinds_lezen()
    if nieuw := set(namen) - geschreven:
        _schrijf_versies(nieuw)
        geschreven.update(nieuw)
    _bij_commit().update(namen)
    transaction.on_commit(_schrijf_bij_commit)


def sleutels(sleutel, namen):
    """The cache keys `lees(sleutel, namen)` reads: for reading ahead (carelab/vooraf.py)."""
    return [sleutel, *(_versiesleutel(naam) for naam in namen)]


def lees(sleutel, namen):
    """(the stored value if it was made under the current versions, else None;
    the current versions) — in one cache read."""
    versiesleutels = [_versiesleutel(naam) for naam in namen]
    gevonden = vooraf.haal([sleutel, *versiesleutels])
    huidig = tuple(gevonden.get(versiesleutel) for versiesleutel in versiesleutels)
    if None in huidig:
        huidig = tuple(versies(namen))
    opgeslagen = gevonden.get(sleutel)
    if opgeslagen is not None and opgeslagen[0] == huidig:
        return opgeslagen[1], huidig
    return None, huidig


def onthoud(basis, maak, *, afhankelijk_van, duur=STANDAARD_DUUR):
    """`maak()`'s result from the cache, or computed and stored for `duur` seconds.

    `basis` names the result (include everything it varies on, such as the
    viewer's level of access); `afhankelijk_van` names the versions that
    make it stale. The result is stored with the versions it was made under
    (read BEFORE making it), so a change during the making makes it stale too.
    `maak()` must not return None.
    """
    waarde, huidig = lees(basis, afhankelijk_van)
    if waarde is None:
        waarde = maak()
        bewaar(basis, (huidig, waarde), duur)
    return waarde


def bewaar(sleutel, waarde, duur):
    """cache.set, and this request reads from the cache itself again (carelab/vooraf.py)."""
    vooraf.vergeet()
    cache.set(sleutel, waarde, duur)


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
                        bewaar(sleutel, (huidig, _bewaarbaar(response)), duur)
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


# --- Invalidation of what the core owns ----------------------------------------
# Connected when this module is first imported; the apps' own cache modules
# import it from their AppConfig.ready(), so every process listens.


@receiver([post_save, post_delete], sender=Thema, dispatch_uid="carelab.cache.themas")
def _thema_gewijzigd(sender, **kwargs):
    verhoog("themas")


# "inhoud": everything a logged-in page can show (carelab/sessiepagina.py).
# Broad on purpose, so no page can miss a change it depends on: any model of
# these apps (their through tables and history included), roles, permissions
# and accounts. Not the rows that reading writes (the access log, a login's
# last_login), or every page view would make every kept page stale.
INHOUD = "inhoud"
INHOUD_APPS = frozenset({"carelab", "projecten", "kenniscafes", "verhalen", "auth", "taggit"})
GEEN_INHOUD = frozenset({"verhalen.inzage"})


def is_inhoud(model):
    meta = model._meta
    return (
        meta.apps is apps  # not a migration's historical model (no cache table yet)
        and meta.app_label in INHOUD_APPS
        and meta.label_lower not in GEEN_INHOUD
    )


# "rechten": which permissions each role holds and who holds which role;
# "rechten:<user pk>": one account (active, superuser, password, own
# permissions), so a new or changed account leaves everyone else's alone
# (carelab/rechten.py).
RECHTEN = "rechten"


def rechten_van(user_pk):
    return f"{RECHTEN}:{user_pk}"


def app_versie(app_label):
    """The version any change to a model of `app_label` raises (carelab/keuzelijsten.py)."""
    return f"app:{app_label}"


def _namen_voor(sender, instance):
    if not is_inhoud(sender):
        return ()
    namen = (INHOUD, app_versie(sender._meta.app_label))
    if sender._meta.app_label != "auth":
        return namen
    if sender is get_user_model():
        return (*namen, rechten_van(instance.pk))
    return (*namen, RECHTEN)


# "apparaten": the authenticators of the second step (carelab/tweestaps/middleware.py).
APPARATEN = "apparaten"
APPARAAT_APPS = frozenset({"otp_totp", "otp_static"})


@receiver([post_save, post_delete], dispatch_uid="carelab.cache.inhoud")
def _inhoud_gewijzigd(sender, instance, update_fields=None, **kwargs):
    if sender._meta.app_label in APPARAAT_APPS:
        verhoog(APPARATEN)
    elif update_fields != frozenset({"last_login"}) and (namen := _namen_voor(sender, instance)):
        verhoog(*namen)


@receiver(m2m_changed, dispatch_uid="carelab.cache.inhoud_koppeling")
def _inhoud_koppeling_gewijzigd(sender, instance, action, **kwargs):
    # sender is the link table (a user's groups or own permissions, a group's
    # permissions): every such change counts for everyone.
    if action.startswith("post_") and (namen := _namen_voor(sender, instance)):
        verhoog(*namen)
