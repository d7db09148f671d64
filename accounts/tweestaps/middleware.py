"""Send a logged-in user who still owes the second step to that step."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .services import heeft_tweestaps, tweestaps_nodig

# Pages an unverified user may still open: the second step itself (not the
# status page or the backup codes), leaving, a forgotten password, the health
# check and files.
VRIJE_VIEWS = {
    "tweestaps:controleren",
    "tweestaps:instellen",
    "login",
    "logout",
    "admin:logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "healthz",
}


class TweestapsMiddleware:
    """After django_otp's OTPMiddleware: every page, the admin included,
    redirects an unverified user who needs a second step to the verification
    page (or to the set-up page when they have no app yet), keeping where
    they wanted to go in `next`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match.view_name in VRIJE_VIEWS:
            return None
        if request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified() or not tweestaps_nodig(user):
            return None
        stap = "tweestaps:controleren" if heeft_tweestaps(user) else "tweestaps:instellen"
        url = reverse(stap)
        if request.method in ("GET", "HEAD"):
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)
