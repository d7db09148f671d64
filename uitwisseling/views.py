"""Pages of the REFI-QDA exchange (researchers only).

Export: /uitwisseling/export.qdpx with the story list's filters (GET) or the
ticked stories (POST), /uitwisseling/codeboek.qdc for the codebook alone.
Every export selects through `Verhaal.objects.zichtbaar_voor(user)` and is
written to the access log before the file goes out, as the CSV/JSON exports.
"""

import tempfile

from django.contrib import messages
from django.http import FileResponse, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from uitwisseling import export
from uitwisseling.forms import SelectieForm
from verhalen.filters import VerhaalFilter
from verhalen.models import Handeling, Verhaal
from verhalen.services import inzage
from verhalen.views.verhalen import vereist

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
