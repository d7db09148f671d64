"""Permissions and roles kept in the shared cache between requests.

Django's ModelBackend reads a user's permissions with two queries per request
(their own and their groups'), and `carelab.roles.rollen_van` reads their
groups with one more. They change rarely, so they are kept per user in the
shared cache (carelab/cache.py) under the versions "rechten" (raised by any
change to a group, a permission or who holds them) and "rechten:<user pk>"
(raised by a change to that account).
"""

from django.contrib.auth.backends import ModelBackend

from . import cache


def onthoud_voor(user, soort, maak):
    """`maak()` for `user`, from the cache while no account, group or permission changed."""
    return cache.onthoud(
        f"{soort}:{user.pk}", maak, afhankelijk_van=[cache.RECHTEN, cache.rechten_van(user.pk)]
    )


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
