"""What static/js/sessie.js needs to warn before a session ends.

<body{% sessie_attributen %}>   for a logged-in user: data-sessie-resterend
(seconds until inactivity ends the session), data-sessie-maximaal (seconds
until the 8-hour limit), data-sessie-inactief (the inactivity limit),
data-sessie-waarschuwing (how many seconds before the end the warning comes;
settings.SESSIE_WAARSCHUWING_VOOR, 3 minutes by default) and
data-sessie-verlengen (the keep-alive URL); nothing for a visitor.
"""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html

from carelab.sessieduur import resterende_seconden

register = template.Library()

WAARSCHUWING_VOOR = 3 * 60


@register.simple_tag(takes_context=True)
def sessie_attributen(context):
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    resterend, maximaal = resterende_seconden(request.session)
    return format_html(
        ' data-sessie-resterend="{}" data-sessie-maximaal="{}" data-sessie-inactief="{}"'
        ' data-sessie-waarschuwing="{}" data-sessie-verlengen="{}"',
        resterend,
        maximaal,
        settings.SESSIE_INACTIEF_NA,
        getattr(settings, "SESSIE_WAARSCHUWING_VOOR", WAARSCHUWING_VOOR),
        reverse("sessie:verlengen"),
    )
