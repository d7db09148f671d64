"""Template filters for list rows, where a per-row cost counts 20–100 times.

{% load lijsten %}
{{ verhaal|keuzelabel:"verteller_type" }}   → as verhaal.get_verteller_type_display
"""

from functools import cache

from django import template
from django.utils.translation import get_language

register = template.Library()


@cache
def _labels(model, veld, taal):
    """The labels in language `taal` (the active one), translated once."""
    return {waarde: str(label) for waarde, label in model._meta.get_field(veld).flatchoices}


@register.filter
def keuzelabel(obj, veld):
    """The label of `obj.<veld>`'s choice, as `get_<veld>_display()` gives it.

    Django's get_FOO_display builds a hashable copy of all choices on every
    call (about 0.1 ms for the narrator types); this reads a dict made once
    per model, field and language."""
    waarde = getattr(obj, veld)
    return _labels(type(obj), veld, get_language()).get(waarde, waarde)
