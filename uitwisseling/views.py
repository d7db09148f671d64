"""Pages of the REFI-QDA exchange (researchers only).

Import: /uitwisseling/importeren/ reads an uploaded .qdpx or .qdc and shows
the dry run (uitwisseling/importeren.py `plan`); the file waits in the
default storage (not served by any view) until the researcher confirms
(`importeren_bevestigen`, one transaction) or for at most WACHTTIJD.

Export: /uitwisseling/export.qdpx with the story list's filters (GET) or the
ticked stories (POST), /uitwisseling/codeboek.qdc for the codebook alone.
Every export selects through `Verhaal.objects.zichtbaar_voor(user)` and is
written to the access log before the file goes out, as the CSV/JSON exports.
"""

import secrets
import tempfile
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from toolkit.rechten import vereist
from uitwisseling import export, lezen
from uitwisseling import importeren as importeren_service
from uitwisseling.forms import BevestigForm, ImportForm, SelectieForm
from verhalen.forms.filters import VerhaalFilter
from verhalen.models import Handeling, Verhaal
from verhalen.services import inzage

# An export is written whole before it goes out: up to this size in memory and
# sent as it is; beyond it in a temporary file that FileResponse streams and
# closes (and so removes) when the server closes the response.
IN_GEHEUGEN = 8 * 1024 * 1024


def _bestandsnaam(extensie):
    return f"verhalen-{timezone.localdate():%Y-%m-%d}.{extensie}"


def _filterfout(filterset):
    fouten = "; ".join(
        f"{filterset.form.fields[veld].label}: {' '.join(lijst)}"
        for veld, lijst in filterset.form.errors.items()
    )
    return HttpResponseBadRequest(
        _("Het filter klopt niet, er is niets geëxporteerd. %(fouten)s") % {"fouten": fouten},
        content_type="text/plain; charset=utf-8",
    )


@require_http_methods(["GET", "POST"])
@vereist("verhalen.exporteer_verhaal")
def export_qdpx(request):
    """GET: exactly what the list's filters select (400 for a bad filter);
    POST: the ticked stories (back to the list with a message when none)."""
    zichtbaar = Verhaal.objects.zichtbaar_voor(request.user)
    onderwerp = ""
    if request.method == "POST":
        form = SelectieForm(request.POST, user=request.user)
        if not form.is_valid():
            for fout in form.errors["verhalen"]:
                messages.error(request, fout)
            return redirect("verhalen:list")
        verhalen = zichtbaar.filter(
            pk__in=[verhaal.pk for verhaal in form.cleaned_data["verhalen"]]
        )
        onderwerp = "aangevinkte verhalen"
    else:
        filterset = VerhaalFilter(request.GET or None, queryset=zichtbaar)
        if filterset.is_bound and not filterset.is_valid():
            return _filterfout(filterset)
        verhalen = filterset.qs
    inzage.leg_vast(
        request=request,
        handeling=Handeling.EXPORT_QDPX,
        aantal=verhalen.count(),
        onderwerp=onderwerp,
    )
    bestand = tempfile.SpooledTemporaryFile(max_size=IN_GEHEUGEN)  # noqa: SIM115 (the response closes it)
    export.schrijf_qdpx(
        verhalen,
        door=request.user,
        doel=bestand,
        omschrijving=_("Export uit de Verhalenbank van CARE lab Rotterdam door %(wie)s.")
        % {"wie": request.user.get_username()},
    )
    naam = _bestandsnaam("qdpx")
    if bestand.tell() > IN_GEHEUGEN:
        bestand.seek(0)
        return FileResponse(
            bestand, as_attachment=True, filename=naam, content_type="application/zip"
        )
    with bestand:
        bestand.seek(0)
        return _bijlage(HttpResponse(bestand.read(), content_type="application/zip"), naam)


def _bijlage(response, naam):
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


@require_http_methods(["GET"])
@vereist("verhalen.exporteer_verhaal")
def codeboek_qdc(request):
    inzage.leg_vast(request=request, handeling=Handeling.EXPORT_QDC)
    return _bijlage(
        HttpResponse(export.codeboek_qdc(), content_type="application/xml; charset=utf-8"),
        f"codeboek-{timezone.localdate():%Y-%m-%d}.qdc",
    )


# --- Import ------------------------------------------------------------------

IMPORT_PERMISSIES = ("verhalen.add_verhaal", "verhalen.add_fragment", "carelab.add_thema")
WACHTMAP = "uitwisseling/wachtend"
WACHTTIJD = timedelta(days=1)
SESSIE = "uitwisseling_import"
TOON = 50  # rows of each list on the dry run page


def mag_importeren(view):
    return login_required(permission_required(IMPORT_PERMISSIES, raise_exception=True)(view))


def _ruim_wachtende_op():
    """Files of dry runs that were never confirmed go after WACHTTIJD."""
    try:
        _mappen, namen = default_storage.listdir(WACHTMAP)
    except FileNotFoundError:
        return
    grens = timezone.now() - WACHTTIJD
    for naam in namen:
        pad = f"{WACHTMAP}/{naam}"
        if default_storage.get_modified_time(pad) < grens:
            default_storage.delete(pad)


def _proefpagina(request, *, plan, form, naam, status=200):
    return render(
        request,
        "uitwisseling/proefimport.html",
        {"plan": plan, "form": form, "naam": naam, "toon": TOON},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@mag_importeren
def importeren(request):
    """Upload: the file is read and checked, and the dry run shown; nothing is
    imported yet. The file waits on the server for the confirmation."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            if bestand.size > lezen.MAX_BESTAND:
                raise lezen.OngeldigBestand("Het bestand is te groot (hooguit 100 MB).")
            inhoud = bestand.read()
            plan = importeren_service.plan(lezen.lees(bestand.name, inhoud))
        except lezen.OngeldigBestand as fout:
            form.add_error("bestand", str(fout))
        else:
            _ruim_wachtende_op()
            vorige = request.session.get(SESSIE)
            if vorige:
                default_storage.delete(f"{WACHTMAP}/{vorige['sleutel']}")
            sleutel = secrets.token_urlsafe(24)
            default_storage.save(f"{WACHTMAP}/{sleutel}", ContentFile(inhoud))
            request.session[SESSIE] = {"sleutel": sleutel, "naam": bestand.name[:200]}
            bevestig = BevestigForm(initial={"sleutel": sleutel})
            return _proefpagina(request, plan=plan, form=bevestig, naam=bestand.name)
    return render(request, "uitwisseling/importeren.html", {"form": form})


@require_POST
@mag_importeren
def importeren_bevestigen(request):
    wachtend = request.session.get(SESSIE)
    form = BevestigForm(request.POST)
    if not form.is_valid() or not wachtend or form.cleaned_data["sleutel"] != wachtend["sleutel"]:
        messages.error(
            request, _("Deze proefimport is verlopen of al uitgevoerd. Kies het bestand opnieuw.")
        )
        return redirect("uitwisseling:importeren")
    pad = f"{WACHTMAP}/{wachtend['sleutel']}"
    try:
        with default_storage.open(pad) as bestand:
            inhoud = bestand.read()
    except FileNotFoundError:
        del request.session[SESSIE]
        messages.error(
            request, _("Deze proefimport is verlopen of al uitgevoerd. Kies het bestand opnieuw.")
        )
        return redirect("uitwisseling:importeren")
    onder = form.cleaned_data["onder"]
    plan = importeren_service.plan(lezen.lees(wachtend["naam"], inhoud), onder=onder)
    if plan.codes_zonder_plek:
        form.add_error("onder", _("Kies waar de nieuwe hoofdcodes in het codeboek komen."))
        return _proefpagina(request, plan=plan, form=form, naam=wachtend["naam"], status=400)
    uitslag = importeren_service.importeer(
        plan=plan, door=request.user, onder=onder, bestandsnaam=wachtend["naam"]
    )
    default_storage.delete(pad)
    del request.session[SESSIE]
    return render(
        request,
        "uitwisseling/geimporteerd.html",
        {"uitslag": uitslag, "naam": wachtend["naam"], "plan": plan},
    )
