"""Permissions and roles kept in the shared cache between requests.

Django's ModelBackend reads a user's permissions with two queries per request
(their own and their groups'), and `carelab.roles.rollen_van` reads their
groups with one more. They change rarely, so they are kept per user in the
shared cache (carelab/cache.py) under the versions "rechten" (raised by any
change to a group, a permission or who holds them) and "rechten:<user pk>"
(raised by a change to that account).
"""

from django.contrib.auth import SESSION_KEY
from django.contrib.auth.backends import ModelBackend

from . import cache, vooraf


def _sleutel(soort, user_pk):
    return f"{soort}:{user_pk}", [cache.RECHTEN, cache.rechten_van(user_pk)]


def onthoud_voor(user, soort, maak):
    """`maak()` for `user`, from the cache while no account, group or permission changed."""
    sleutel, versies = _sleutel(soort, user.pk)
    return cache.onthoud(sleutel, maak, afhankelijk_van=versies)


@vooraf.registreer
def _vooraf_te_lezen(request):
    """A logged-in request reads the user's permissions and roles (carelab/vooraf.py)."""
    user_pk = request.session.get(SESSION_KEY)
    if user_pk is None:
        return []
    return [
        sleutel
        for soort in ("rechten", "rollen")
        for sleutel in cache.sleutels(*_sleutel(soort, user_pk))
    ]


class BewaardeRechtenBackend(ModelBackend):
    """ModelBackend whose `get_all_permissions` comes from the shared cache."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = onthoud_voor(
                user_obj,
                "rechten",
                lambda: super(BewaardeRechtenBackend, self).get_all_permissions(user_obj),
            )
        return user_obj._perm_cache
