"""Agreement figures in Dutch notation: {% load rondes %} {{ alfa|maat }} {{ aandeel|procent }}."""

from django import template

register = template.Library()


@register.filter
def maat(waarde):
    """An agreement coefficient to three decimals with a decimal comma, or
    "niet te berekenen" when it is undefined (never 0)."""
    if waarde is None:
        return "niet te berekenen"
    return f"{waarde:.3f}".replace(".", ",").replace("-", "−")


@register.filter
def procent(waarde):
    if waarde is None:
        return "niet te berekenen"
    return f"{waarde * 100:.1f}%".replace(".", ",")
