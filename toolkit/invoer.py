"""A NUL character in the address of a request: a Dutch 404/400, never a 500.

PostgreSQL cannot store or compare text holding NUL (0x00): psycopg2 refuses
such a query parameter with ValueError, so a slug in the path ("%00"), a
filter or a search term with one ended in a server error (found by
tests/carelab/test_fuzz.py). No address or filter of this site contains one.
Form fields sent by POST are left to the forms, which answer with Django's
own per-field message ("Null-tekens zijn niet toegestaan.") and keep what
the user typed.

Also here: the username django-axes records, cut to fit its column.
"""

from .foutpaginas import foutpagina

NUL = "\x00"
GEBRUIKERSNAAM_MAX = 150  # django.contrib.auth's User.username


def query_bevat_nul(request):
    return any(
        NUL in sleutel or any(NUL in waarde for waarde in waarden)
        for sleutel, waarden in request.GET.lists()
    )


class NulTekenMiddleware:
    """A path with NUL names no page: 404. A query string with NUL: 400."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info:
            return foutpagina(404)
        if query_bevat_nul(request):
            return foutpagina(
                400, {"reden": "Het adres bevat een teken dat niet kan (een NUL-teken)."}
            )
        return self.get_response(request)


def axes_gebruikersnaam(request, credentials):
    """The username django-axes records for a login attempt (AXES_USERNAME_CALLABLE).

    Axes stores what was typed in a column of 255 characters; a longer name
    made the login page fail on PostgreSQL ("value too long"). No account
    has a longer name than 150 characters, so the first 150 identify it.
    """
    bron = credentials or getattr(request, "data", request.POST)
    naam = bron.get("username")
    return naam[:GEBRUIKERSNAAM_MAX] if isinstance(naam, str) else naam
