"""Dates and times the way Dutch readers expect them: "donderdag 23 mei 2019, 15.00–17.00"."""

from django.utils import dateformat, timezone, translation

DAG = "l j F Y"
TIJD = "H.i"


def _lokaal(moment):
    return timezone.localtime(moment)


def datum_kort(moment, *, tijd_bekend=True):
    """'do 23 mei 2019, 15.00' — for tables such as the admin list."""
    with translation.override("nl"):
        return dateformat.format(_lokaal(moment), "D j b Y, H.i" if tijd_bekend else "D j b Y")


def datum(moment):
    """'donderdag 23 mei 2019' in Amsterdam time."""
    with translation.override("nl"):
        return dateformat.format(_lokaal(moment), DAG)


def tijd(moment):
    """'15.00' in Amsterdam time."""
    return dateformat.format(_lokaal(moment), TIJD)


def datum_en_tijd(start, eind=None, *, tijd_bekend=True):
    """The date and time span of an event, in Dutch.

    >>> datum_en_tijd(start, eind)          # same day
    'donderdag 23 mei 2019, 15.00–17.00'
    >>> datum_en_tijd(start, eind)          # over midnight or several days
    'vrijdag 1 november 2019, 20.00 – zaterdag 2 november 2019, 01.00'
    >>> datum_en_tijd(start, eind, tijd_bekend=False)
    'donderdag 23 mei 2019'
    """
    if start is None:
        return ""
    if not tijd_bekend:
        if eind is None or _lokaal(eind).date() == _lokaal(start).date():
            return datum(start)
        return f"{datum(start)} – {datum(eind)}"
    if eind is None:
        return f"{datum(start)}, {tijd(start)}"
    if _lokaal(eind).date() == _lokaal(start).date():
        return f"{datum(start)}, {tijd(start)}–{tijd(eind)}"
    return f"{datum(start)}, {tijd(start)} – {datum(eind)}, {tijd(eind)}"
