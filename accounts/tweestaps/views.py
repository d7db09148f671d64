"""The pages of the second login step under /accounts/tweestaps/."""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from . import services
from .forms import AppCodeForm, BevestigAppForm, ReservecodeForm

# New backup codes wait in the session until the user says they kept them.
NIEUWE_CODES = "_tweestaps_nieuwe_codes"


def veilige_next(request):
    """The `next` the user came with, when it is a path on this site; else "".

    Only a path ("/…"): redirect() reads anything else as the name of a view
    first, and a `next` like "0" made the page fail (found by tests/carelab/test_fuzz.py).
    """
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url.startswith("/") and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def volgende_url(request):
    """Where to go after the step: a safe `next` on this site, else home."""
    return veilige_next(request) or resolve_url(settings.LOGIN_REDIRECT_URL)


def met_next(naam, request):
    """The URL named `naam`, carrying the safe `next` along."""
    url = reverse(naam)
    if next_url := veilige_next(request):
        url += "?" + urlencode({"next": next_url})
    return url


def geverifieerd(request, device):
    """Mark the session verified with `device` under a fresh session key."""
    request.session.cycle_key()
    otp_login(request, device)


def sleutel_in_groepjes(device):
    sleutel = b32encode(device.bin_key).decode()
    return " ".join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4))


@never_cache
@login_required
def controleren(request):
    """The second step: a code from the app, or a backup code."""
    if request.user.is_verified():
        return redirect(volgende_url(request))
    if not services.heeft_tweestaps(request.user):
        return redirect(met_next("tweestaps:instellen", request))
    app_form = AppCodeForm(user=request.user, prefix="app")
    reserve_form = ReservecodeForm(user=request.user, prefix="reserve")
    if request.method == "POST":
        if "reserve-reservecode" in request.POST:
            reserve_form = ReservecodeForm(request.POST, user=request.user, prefix="reserve")
            form = reserve_form
        else:
            app_form = AppCodeForm(request.POST, user=request.user, prefix="app")
            form = app_form
        if form.is_valid():
            geverifieerd(request, form.device)
            if form is reserve_form:
                over = services.aantal_reservecodes(request.user)
                messages.warning(
                    request,
                    f"Je hebt een reservecode gebruikt. Je hebt er nog {over} over. "
                    "Maak nieuwe codes op de pagina Tweestapsverificatie als je er weinig hebt.",
                )
            return redirect(volgende_url(request))
    return render(
        request,
        "tweestaps/controleren.html",
        {
            "app_form": app_form,
            "reserve_form": reserve_form,
            "next": veilige_next(request),
        },
    )


@never_cache
@login_required
def instellen(request):
    """Set up an app: QR code and key, then confirm with the first code."""
    if services.heeft_tweestaps(request.user):
        if not request.user.is_verified():
            return redirect(met_next("tweestaps:controleren", request))
        messages.info(request, "Je tweestapsverificatie staat al aan.")
        return redirect("tweestaps:status")
    device = services.nieuwe_app(user=request.user)
    form = BevestigAppForm(device=device)
    if request.method == "POST":
        form = BevestigAppForm(request.POST, device=device)
        if form.is_valid():
            geverifieerd(request, form.device)
            request.session[NIEUWE_CODES] = services.maak_reservecodes(user=request.user)
            messages.success(request, "Je tweestapsverificatie staat aan.")
            return redirect(met_next("tweestaps:reservecodes", request))
    return render(
        request,
        "tweestaps/instellen.html",
        {
            "form": form,
            "qr_code": segno.make(device.config_url, error="m").svg_data_uri(
                scale=5, dark="#1b1b1b", light="#ffffff"
            ),
            "sleutel": sleutel_in_groepjes(device),
            "verplicht": services.tweestaps_verplicht(request.user),
            "next": veilige_next(request),
        },
    )


@never_cache
@login_required
def status(request):
    """What is switched on, and what the user can do about it."""
    user = request.user
    aan = services.heeft_tweestaps(user)
    return render(
        request,
        "tweestaps/status.html",
        {
            "aan": aan,
            "verplicht": services.tweestaps_verplicht(user),
            "aantal_reservecodes": services.aantal_reservecodes(user) if aan else 0,
            "nieuwe_codes_form": AppCodeForm(user=user, prefix="nieuw"),
            "uitzetten_form": AppCodeForm(user=user, prefix="uit"),
        },
    )


@never_cache
@login_required
def reservecodes(request):
    """Show new backup codes once; make new ones after a fresh app code."""
    user = request.user
    if not services.heeft_tweestaps(user):
        return redirect("tweestaps:instellen")
    if request.method == "POST" and "bewaard" in request.POST:
        request.session.pop(NIEUWE_CODES, None)
        return redirect(veilige_next(request) or "tweestaps:status")
    form = AppCodeForm(user=user, prefix="nieuw")
    if request.method == "POST":
        form = AppCodeForm(request.POST, user=user, prefix="nieuw")
        if form.is_valid():
            request.session[NIEUWE_CODES] = services.maak_reservecodes(user=user)
            messages.success(request, "Je hebt nieuwe reservecodes. De oude werken niet meer.")
            return redirect("tweestaps:reservecodes")
    return render(
        request,
        "tweestaps/reservecodes.html",
        {
            "codes": request.session.get(NIEUWE_CODES),
            "form": form,
            "next": veilige_next(request),
        },
    )


@never_cache
@login_required
def reservecodes_download(request):
    codes = request.session.get(NIEUWE_CODES)
    if not codes:
        raise Http404("Er zijn geen nieuwe reservecodes om te downloaden.")
    tekst = render_to_string(
        "tweestaps/reservecodes.txt", {"codes": codes, "user": request.user}, request=request
    )
    response = HttpResponse(tekst, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="verhalenbank-reservecodes.txt"'
    return response


@never_cache
@login_required
@require_POST
def uitzetten(request):
    """Switch the second step off; only for those who are not obliged to use it."""
    user = request.user
    if services.tweestaps_verplicht(user):
        messages.error(request, "Voor jouw account is tweestapsverificatie verplicht.")
        return redirect("tweestaps:status")
    form = AppCodeForm(request.POST, user=user, prefix="uit")
    if not form.is_valid():
        return render(
            request,
            "tweestaps/status.html",
            {
                "aan": True,
                "verplicht": False,
                "aantal_reservecodes": services.aantal_reservecodes(user),
                "nieuwe_codes_form": AppCodeForm(user=user, prefix="nieuw"),
                "uitzetten_form": form,
            },
        )
    services.zet_tweestaps_uit(user=user)
    request.session.pop(NIEUWE_CODES, None)
    messages.success(request, "Je tweestapsverificatie staat uit.")
    return redirect("tweestaps:status")
