"""The page's own SQL time, measured inside the request it belongs to.

Only in bench/settings.py (first in MIDDLEWARE, so the session and user
queries count too): every query of the request runs through
`connection.execute_wrapper`, and the response says how long they took in
a standard Server-Timing header, `sql;dur=<ms>;desc="<n> queries"`, which the
harness reads next to the time it measured itself. A streamed response's
queries run after the header has left; they are not counted.
"""

import time

from django.db import connection


class SqlTijdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        duren = []

        def getimed(execute, sql, params, many, context):
            begin = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                duren.append(time.perf_counter() - begin)

        with connection.execute_wrapper(getimed):
            response = self.get_response(request)
        response["Server-Timing"] = f'sql;dur={sum(duren) * 1000:.3f};desc="{len(duren)} queries"'
        return response


def lees_server_timing(waarde):
    """(SQL seconds, queries) from the header above; (None, None) without it."""
    if not waarde or not waarde.startswith("sql;"):
        return None, None
    delen = dict(deel.split("=", 1) for deel in waarde.split(";")[1:] if "=" in deel)
    try:
        return float(delen["dur"]) / 1000, int(delen["desc"].strip('"').split()[0])
    except (KeyError, ValueError, IndexError):
        return None, None
