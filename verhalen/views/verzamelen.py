"""A collector's pages (/verzamelen/): enter a story for the review queue, see
the stories they entered (and only those), change one that waits or was sent
back. Collectors never reach the bank itself: no list, search, codebook or
export (they hold only verhalen.verzamel_verhaal)."""

import copy

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.sessieduur import herstelt_invoer, vul_aan
from verhalen.forms.wachtrij import VerzamelForm
from verhalen.models import Beoordeling, Verhaal
from verhalen.services import verhalen as verhaalservices
from verhalen.services import wachtrij as services
from verhalen.views.verhalen import (
    PRIVACY_KNOP,
    _conflict,
    _met_versie,
    bewaar_met_privacycontrole,
    vereist,
)

PER_PAGINA = 20


def _eigen(request, pk):
    return get_object_or_404(
        Verhaal.objects.ingevoerd_door(request.user).select_related("wijk").defer("zoekvector"),
        pk=pk,
    )


@vereist("verhalen.verzamel_verhaal")
def verzamelen(request):
    verhalen = (
        Verhaal.objects.ingevoerd_door(request.user)
        .only("pk", "titel", "beoordeling", "aangemaakt_op", "verzameld_op")
        .order_by("-aangemaakt_op", "-pk")
    )
    pagina = Paginator(verhalen, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(request, "verzamelen/verhaal_list.html", {"pagina": pagina})


@herstelt_invoer
@vereist("verhalen.verzamel_verhaal")
def verzamelen_nieuw(request):
    form = VerzamelForm(request.POST or None)
    vul_aan(request, form)
    controle = None
    if request.method == "POST" and form.is_valid():

        def opslaan(reden):
            verhaal = services.breng_in(gegevens=form.gegevens(), door=request.user)
            messages.success(
                request,
                _(
                    "Het verhaal is opgeslagen. Een onderzoeker kijkt het na "
                    "voordat het wordt opgenomen."
                ),
            )
            return redirect("verhalen:verzamelen_detail", pk=verhaal.pk)

        response, controle = bewaar_met_privacycontrole(request, form, opslaan)
        if response:
            return response
    return render(
        request,
        "verzamelen/verhaal_form.html",
        {"form": form, "privacy": controle, "privacy_knop": PRIVACY_KNOP},
    )


@vereist("verhalen.verzamel_verhaal")
def verzamelen_detail(request, pk):
    return render(request, "verzamelen/verhaal_detail.html", {"verhaal": _eigen(request, pk)})


@herstelt_invoer
@vereist("verhalen.verzamel_verhaal")
def verzamelen_aanpassen(request, pk):
    verhaal = _eigen(request, pk)
    if verhaal.beoordeling == Beoordeling.OPGENOMEN:
        messages.info(
            request, _("Dit verhaal is al opgenomen. Vraag een onderzoeker om iets te veranderen.")
        )
        return redirect("verhalen:verzamelen_detail", pk=verhaal.pk)
    form = VerzamelForm(request.POST or None, instance=copy.copy(verhaal))
    vul_aan(request, form)
    controle = conflict = None
    if request.method == "POST" and form.is_valid():

        def opslaan(reden):
            services.pas_ingebracht_verhaal_aan(
                verhaal=verhaal,
                gegevens=form.gegevens(),
                verwachte_versie=form.cleaned_data["versie"],
                door=request.user,
            )
            messages.success(
                request, _("De wijzigingen zijn opgeslagen. Het verhaal staat weer in de wachtrij.")
            )
            return redirect("verhalen:verzamelen_detail", pk=verhaal.pk)

        try:
            response, controle = bewaar_met_privacycontrole(request, form, opslaan)
        except verhaalservices.VersieConflict as fout:
            response, conflict, form = None, _conflict(fout), _met_versie(form, fout.verhaal)
        if response:
            return response
    return render(
        request,
        "verzamelen/verhaal_form.html",
        {
            "form": form,
            "verhaal": verhaal,
            "privacy": controle,
            "privacy_knop": PRIVACY_KNOP,
            "conflict": conflict,
        },
    )
