"""The error pages (400, 403, 404, 500; 503 in toolkit/middleware.py), rendered
without the request.

Django's own handlers render with the request's context processors, which
read `request.user` (the navigation, the account box) — and so the session
and the database. An error page must work when exactly those failed: an
unknown Host header is refused before authentication ran, a session may be
broken, the database or cache may be down. These pages extend
`templates/foutpagina.html`, which needs only static files.
"""

import sys

from django.http import HttpResponse
from django.template import loader

from .middleware import antwoord_op_databasefout


def foutpagina(status: int, context: dict | None = None) -> HttpResponse:
    """The Dutch page `templates/<status>.html`, from nothing but `context`."""
    return HttpResponse(loader.get_template(f"{status}.html").render(context or {}), status=status)


def bad_request(request, exception):
    return foutpagina(400)


def permission_denied(request, exception):
    return foutpagina(403)


def page_not_found(request, exception):
    return foutpagina(404)


def server_error(request):
    """The 503 page when the database (or its cache table) cannot be used, else 500.

    Called while the exception is being handled, so sys.exc_info() holds it —
    also when it was raised outside a view (another middleware, the 404 page).
    """
    return antwoord_op_databasefout(request, sys.exc_info()[1]) or foutpagina(500)
