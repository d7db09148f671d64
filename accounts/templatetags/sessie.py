"""What static/js/sessie.js needs to warn before a session ends.

{% sessie_bewaakt as sessie_bewaakt %}  whether the page gets the warning: a
logged-in user who is fully in (not halfway through the second step)
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

from accounts.sessieduur import resterende_seconden
from accounts.tweestaps.middleware import VRIJE_VIEWS
from accounts.tweestaps.services import tweestaps_nodig

register = template.Library()

WAARSCHUWING_VOOR = 3 * 60


def _bewaakt(request):
    if request is None or not request.user.is_authenticated:
        return False
    is_verified = getattr(request.user, "is_verified", None)  # django-otp's middleware
    if is_verified is None:
        return False
    if is_verified():
        return True
    # Past TweestapsMiddleware on any page but the few an unverified user may
    # open: no second step owed (and no query to find that out again).
    match = request.resolver_match
    if match is not None and match.view_name not in VRIJE_VIEWS:
        return True
    return not tweestaps_nodig(request.user)


@register.simple_tag(takes_context=True)
def sessie_bewaakt(context):
    return _bewaakt(context.get("request"))


@register.simple_tag(takes_context=True)
def sessie_attributen(context):
    request = context.get("request")
    if not _bewaakt(request):
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
