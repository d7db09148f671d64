"""Staying logged in, and input kept from a session that ended
(see accounts/sessieduur.py), under /accounts/sessie/ (namespace "sessie")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from . import sessieduur


@never_cache
@require_POST
@login_required
def verlengen(request):
    """The person is still here: "Ingelogd blijven", or typing in a form
    (static/js/sessie.js). 204; the inactivity clock starts again, the 8-hour
    limit stays. An ended session never gets here: the middleware has
    already logged it out (302 to the login page)."""
    sessieduur.verleng(request.session)
    return HttpResponse(status=204)


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def bewaard(request):
    """What the user had typed when their session ended, to copy — for pages
    that cannot fill their form with it. POST: it may go."""
    invoer = sessieduur.bewaarde_invoer(request)
    if request.method == "POST":
        sessieduur.vergeet_invoer(request)
        if invoer:
            messages.success(request, "Wat je had ingevuld, is weggegooid.")
        return redirect("home")
    return render(
        request,
        "carelab/sessie_bewaard.html",
        {
            "pad": invoer["pad"] if invoer else "",
            "velden": [
                (naam, "\n".join(waarden))
                for naam, waarden in (invoer["velden"].items() if invoer else ())
                if any(waarde.strip() for waarde in waarden)
            ],
        },
    )
