"""When the database cannot be reached, every page answers 503 in Dutch.

The page is rendered without a request context: the navigation, the account
box and the session all need the database, so `templates/503.html` stands on
its own (same stylesheet and header as the site) and the response carries
`Retry-After`. Two ways in, one answer:

* `DatabaseOnbereikbaarMiddleware.process_exception` for errors raised in a view
  (also with DEBUG on, where Django would show its debug page);
* `toolkit.foutpaginas.server_error` (the `handler500`) for errors raised anywhere
  else — another middleware loading the session, the 404 page's navigation.

Which errors: `InterfaceError` (the connection is gone or unusable) and
`OperationalError` (connection refused or dropped, server shutting down, too
many connections, statement timeout, SQLite's "database is locked") — the
database is down or overloaded and trying again later helps. Not SQLite's
"no such table/column": that is a deployment mistake (migrate forgotten) and
stays a 500 that gets noticed — except the database cache's own table
(`createcachetable` forgotten): pages answer 503 and the log says what to
run. Not the other `DatabaseError`s (integrity,
data, programming errors): those are bugs, also 500.
"""

import errno
import logging
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

# Seconds a client (or a proxy, or a search engine) should wait before trying again.
RETRY_AFTER = 60

_SCHEMAFOUTEN = ("no such table", "no such column")


def database_onbereikbaar(fout: BaseException | None) -> bool:
    """Whether `fout` means the database cannot be reached right now."""
    if isinstance(fout, InterfaceError):
        return True
    if isinstance(fout, OperationalError):
        return not str(fout).startswith(_SCHEMAFOUTEN)
    return False


def antwoord_503() -> HttpResponse:
    """The Dutch 503 page with Retry-After; renders without touching the database."""
    inhoud = loader.get_template("503.html").render({"minuten": max(1, RETRY_AFTER // 60)})
    response = HttpResponse(inhoud, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def cachetabel_ontbreekt(fout: BaseException | None) -> bool:
    """Whether `fout` is the database cache's table missing (no `createcachetable`)."""
    tekst = str(fout)
    return (
        isinstance(fout, DatabaseError)
        and settings.CACHE_TABEL in tekst
        and ("does not exist" in tekst or "no such table" in tekst)
    )


def antwoord_op_databasefout(request, fout: BaseException | None) -> HttpResponse | None:
    """The 503 page (and a line in the log) when `fout` means the database, or
    its cache table, cannot be used right now; None for any other error."""
    if cachetabel_ontbreekt(fout):
        logger.error(
            "De cachetabel %r ontbreekt (%s): maak hem met `manage.py createcachetable`.",
            settings.CACHE_TABEL,
            fout,
        )
        return antwoord_503()
    if database_onbereikbaar(fout):
        logger.error(
            "Database onbereikbaar bij %s %s: %s",
            request.method,
            request.path,
            fout,
            exc_info=fout,
        )
        return antwoord_503()
    return None


# Errors of a media folder that cannot be written: read-only, full, no rights,
# or something else than a folder in the way.
_SCHRIJFFOUTEN = {errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT, errno.ENOTDIR}


def media_onbeschrijfbaar(fout: BaseException | None) -> bool:
    """Whether `fout` is the media folder refusing an uploaded file."""
    if not isinstance(fout, OSError) or fout.errno not in _SCHRIJFFOUTEN or not fout.filename:
        return False
    return Path(fout.filename).is_relative_to(settings.MEDIA_ROOT)


def antwoord_bestand_niet_opgeslagen() -> HttpResponse:
    """A Dutch 503 page: the file could not be stored, and nothing was saved."""
    inhoud = loader.get_template("503_bestand.html").render({})
    response = HttpResponse(inhoud, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOnbereikbaarMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if media_onbeschrijfbaar(exception):
            # The view's transaction (the admin's) has rolled back: no row
            # points at a file that is not there.
            logger.error("Uploadmap niet beschrijfbaar bij %s: %s", request.path, exception)
            return antwoord_bestand_niet_opgeslagen()
        return antwoord_op_databasefout(request, exception)
