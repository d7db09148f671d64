"""The floor: the cheapest page Django can serve here, to compare others with."""

import os

from django.http import HttpResponse
from django.template.loader import render_to_string


def vloer(request):
    """A tiny template through the project's template engine, without the database.

    render_to_string without the request: no context processors (they read the
    user and the navigation, which would touch the session and the database).
    """
    html = render_to_string(
        "bench/vloer.html", {"titel": "Vloer", "tekst": "Een pagina zonder database."}
    )
    response = HttpResponse(html)
    # Under gunicorn the worker's parent is the master the harness started:
    # the harness checks it is measuring its own server (bench/meten.py).
    response["X-Bench-Ouder"] = str(os.getppid())
    return response
