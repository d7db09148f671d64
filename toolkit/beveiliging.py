"""Response headers that Django and django-csp do not set themselves.

- Pages for a logged-in person (story text, registrations, the admin), or
  for a visitor with a session or a message waiting, are personal:
  `Cache-Control: private, no-store`, so neither a shared proxy
  nor the browser's disk cache keeps them (OWASP ASVS 8.2.1).
- `Permissions-Policy` switches off browser features nobody here uses, so an
  injected script or a framed page could not ask for them either. Only
  features Chromium knows are named: an unknown one (e.g. "bluetooth") logs
  a console warning on every page.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.cache import patch_cache_control

PERMISSIONS_POLICY = ", ".join(
    f"{functie}=()"
    for functie in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "serial",
        "display-capture",
    )
)


class BeveiligingsheadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if response.status_code >= 500:
            # Error pages hold nothing personal, and the database may be down.
            return response
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or _eigen_staat(request):
            patch_cache_control(response, private=True, no_store=True)
        return response


def _eigen_staat(request):
    """A visitor with a session or a message waiting: the page may show their
    own data (e.g. "De bevestiging gaat per e-mail naar …" after registering)."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in (
        request.COOKIES
    )
