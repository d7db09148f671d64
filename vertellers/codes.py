"""Personal codes of the consent receipt.

A code is 20 random characters of Crockford's base32 (100 bits: guessing
one is hopeless even without the throttle), written in five groups of four
so it can be typed from paper: "7K3M-Q9TX-…". Typing is forgiving: case,
spaces and dashes do not matter, and O/I/L read as 0/1/1. Only the SHA-256
of the normalised code is stored.
"""

import hashlib
import secrets

ALFABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
LENGTE = 20
_VERWISSELBAAR = str.maketrans({"O": "0", "I": "1", "L": "1"})


def nieuwe_code() -> str:
    ruw = "".join(secrets.choice(ALFABET) for _ in range(LENGTE))
    return "-".join(ruw[i : i + 4] for i in range(0, LENGTE, 4))


def normaliseer(invoer: str) -> str:
    """The code's characters only, upper case, look-alikes mapped; "" if it cannot be one."""
    tekens = "".join(teken for teken in invoer.upper() if teken.isalnum()).translate(_VERWISSELBAAR)
    if len(tekens) != LENGTE or any(teken not in ALFABET for teken in tekens):
        return ""
    return tekens


def vingerafdruk(code: str) -> str:
    """The stored form of a code (SHA-256 hex of the normalised code); "" for no code."""
    genormaliseerd = normaliseer(code)
    if not genormaliseerd:
        return ""
    return hashlib.sha256(genormaliseerd.encode()).hexdigest()
