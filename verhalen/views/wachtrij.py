"""The review queue for researchers (/verhalen/wachtrij/): the stories collectors
entered and tellers sent in, oldest first; a story's review page with the
privacy check, the consent to set, the teller's contact details (a registered
section, "wachtrij_beoordeling"), and the three ways out: take it in,
send it back to its collector with a note, or throw a submission away."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kennisagenda import sections
from verhalen.forms.wachtrij import OpnameForm, TerugstuurForm
from verhalen.models import Beoordeling, Handeling, Verhaal
from verhalen.services import inzage
from verhalen.services import verhalen as verhaalservices
from verhalen.services import wachtrij as services
from verhalen.views.verhalen import PRIVACY_KNOP, _conflict, _met_versie, vereist

PER_PAGINA = 25


def _wachtend(request, pk):
    return get_object_or_404(
        Verhaal.objects.in_wachtrij_voor(request.user)
        .select_related("wijk", "ingevoerd_door")
        .defer("zoekvector"),
        pk=pk,
    )


@vereist("verhalen.beoordeel_verhaal")
def wachtrij(request):
    verhalen = (
        Verhaal.objects.in_wachtrij_voor(request.user)
        .select_related("ingevoerd_door")
        .only(
            "pk",
            "titel",
            "beoordeling",
            "aangemaakt_op",
            "ingezonden",
            "ingevoerd_door__username",
            "ingevoerd_door__first_name",
            "ingevoerd_door__last_name",
        )
        .order_by("aangemaakt_op", "pk")
    )
    pagina = Paginator(verhalen, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(request, "wachtrij/wachtrij.html", {"pagina": pagina})


def _beoordelingspagina(request, verhaal, form, controle, *, conflict=None, terugstuur=None):
    return render(
        request,
        "wachtrij/beoordelen.html",
        {
            "verhaal": verhaal,
            "form": form,
            "privacy": controle,
            "privacy_knop": PRIVACY_KNOP,
            "conflict": conflict,
            "terugstuur_form": terugstuur or TerugstuurForm(),
            "sections": sections.render_context("wachtrij_beoordeling", request, verhaal),
        },
    )


@vereist("verhalen.beoordeel_verhaal")
def beoordelen(request, pk):
    verhaal = _wachtend(request, pk)
    if request.method != "POST":  # the page shows the whole text
        inzage.leg_vast(request=request, handeling=Handeling.VERHAAL_BEKEKEN, verhaal=verhaal)
        if verhaal.beoordeling != Beoordeling.WACHTRIJ:
            messages.info(request, _("Dit verhaal ligt bij de verzamelaar om aan te passen."))
        form = OpnameForm.nagekeken(copy.copy(verhaal))
        return _beoordelingspagina(request, verhaal, form, form.privacy_controle())
    form = OpnameForm(request.POST, instance=copy.copy(verhaal))
    controle = conflict = None
    if form.is_valid():
        controle = form.privacy_controle()
        if not controle or request.POST.get(PRIVACY_KNOP) == controle.vingerafdruk:
            try:
                opgenomen = services.neem_op(
                    verhaal=verhaal,
                    gegevens=form.gegevens(),
                    verwachte_versie=form.cleaned_data["versie"],
                    door=request.user,
                )
            except verhaalservices.VersieConflict as fout:
                conflict, form = _conflict(fout), _met_versie(form, fout.verhaal)
            except ValidationError as fout:
                messages.error(request, " ".join(fout.messages))
                return redirect("verhalen:wachtrij")
            else:
                messages.success(
                    request,
                    _("“%(titel)s” is opgenomen in de Verhalenbank. Je kunt het nu coderen.")
                    % {"titel": opgenomen.titel},
                )
                return redirect(opgenomen)
    return _beoordelingspagina(request, verhaal, form, controle, conflict=conflict)


@require_POST
@vereist("verhalen.beoordeel_verhaal")
def terugsturen(request, pk):
    verhaal = _wachtend(request, pk)
    form = TerugstuurForm(request.POST)
    if form.is_valid():
        try:
            services.stuur_terug(
                verhaal=verhaal, notitie=form.cleaned_data["notitie"], door=request.user
            )
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(
                request,
                _("“%(titel)s” is teruggestuurd naar de verzamelaar.") % {"titel": verhaal.titel},
            )
        return redirect("verhalen:wachtrij")
    opname = OpnameForm.nagekeken(copy.copy(verhaal))
    return _beoordelingspagina(request, verhaal, opname, opname.privacy_controle(), terugstuur=form)


@require_POST
@vereist("verhalen.beoordeel_verhaal")
def weggooien(request, pk):
    verhaal = _wachtend(request, pk)
    if request.POST.get("bevestig") != "1":
        messages.error(request, _("Vink aan dat het verhaal weg mag. Er is niets weggegooid."))
        return redirect("verhalen:beoordelen", pk=verhaal.pk)
    try:
        services.gooi_weg(verhaal=verhaal, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("Het ingestuurde verhaal is weggegooid."))
    return redirect("verhalen:wachtrij")
