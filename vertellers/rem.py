"""The brake on guessing personal codes (django-ratelimit on Django's cache).

At most POGINGEN wrong codes per VENSTER from one client; after that every
code, right or wrong, is refused with 429 until the window has passed. Only
wrong codes count, so a teller who types their code right is never slowed.
The client is keyed by an HMAC of its address with the SECRET_KEY: the cache
holds no IP address, and nothing is written to the database about it.

With 100-bit codes (vertellers/codes.py) guessing is hopeless anyway; the
brake keeps the log readable and the page cheap. When the cache is down
(Redis, IGNORE_EXCEPTIONS), the brake is off rather than the page.
"""

from django.utils.crypto import salted_hmac
from django_ratelimit.core import get_usage, is_ratelimited

POGINGEN = 10
VENSTER = "15m"
RATE = f"{POGINGEN}/{VENSTER}"
GROEP = "vertellers.code"


def _sleutel(group, request):
    adres = request.META.get("REMOTE_ADDR", "")
    return salted_hmac("vertellers.rem", adres).hexdigest()


def is_geremd(request) -> bool:
    """True when this client typed POGINGEN wrong codes in the window (counts nothing)."""
    gebruik = get_usage(request, group=GROEP, key=_sleutel, rate=RATE, increment=False)
    return gebruik is not None and gebruik["count"] >= gebruik["limit"]


def tel_fout(request) -> None:
    """Count one wrong code for this client."""
    is_ratelimited(request, group=GROEP, key=_sleutel, rate=RATE, increment=True)
