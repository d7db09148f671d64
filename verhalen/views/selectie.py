"""The story list's actions over ticked rows: add them to a collection, or
give them one value of a research attribute.

The form (templates/verhalen/includes/_aan_collectie.html) sits above the
list; each row's checkbox belongs to it through its `form` attribute, so no
JavaScript is needed. Each story goes through the collections service on its
own: one that does not fit (consent, already in it) is named, the others are added.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from toolkit.rechten import vereist
from verhalen.forms.kenmerken import KenmerkZettenForm
from verhalen.forms.selectie import AanCollectieForm
from verhalen.models.kenmerk import weergave
from verhalen.services import collecties as services
from verhalen.services import kenmerken


@require_POST
@vereist("verhalen.add_collectieitem")
def aan_collectie(request):
    form = AanCollectieForm(request.POST, user=request.user)
    if not form.is_valid():
        for fouten in form.errors.values():
            for fout in fouten:
                messages.error(request, fout)
        return HttpResponseRedirect(_terug(request))
    collectie = form.cleaned_data["collectie"]
    toegevoegd, niet = [], []
    for verhaal in form.cleaned_data["verhalen"]:
        try:
            services.voeg_verhaal_toe(collectie=collectie, verhaal=verhaal, door=request.user)
        except ValidationError as fout:
            niet.append(f"“{verhaal.titel}”: {' '.join(fout.messages)}")
        else:
            toegevoegd.append(verhaal)
    if toegevoegd:
        aantal = len(toegevoegd)
        messages.success(
            request,
            f"{aantal} verha{'al' if aantal == 1 else 'len'} toegevoegd aan “{collectie.titel}”.",
        )
    for bericht in niet:
        messages.warning(request, f"Niet toegevoegd: {bericht}")
    return HttpResponseRedirect(_terug(request))


def _terug(request):
    volgende = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return reverse("verhalen:list")


@require_POST
@vereist("verhalen.change_kenmerkwaarde")
def kenmerk_zetten(request):
    """Give the ticked stories one value of one research attribute."""
    form = KenmerkZettenForm(request.POST, user=request.user)
    if not form.is_valid():
        for fouten in form.errors.values():
            for fout in fouten:
                messages.error(request, fout)
        return HttpResponseRedirect(_terug(request))
    kenmerk, waarde = form.cleaned_data["kenmerk"], form.cleaned_data["waarde"]
    verhalen = form.cleaned_data["verhalen"]
    gewijzigd = kenmerken.zet_kenmerk_voor_verhalen(
        verhalen=verhalen, kenmerk=kenmerk, waarde=waarde, door=request.user
    )
    aantal = len(verhalen)
    wat = "leeggemaakt" if waarde is None else f"op “{weergave(kenmerk.soort, waarde)}” gezet"
    messages.success(
        request,
        f"{kenmerk.naam} {wat} voor {aantal} verha{'al' if aantal == 1 else 'len'} "
        f"({gewijzigd} gewijzigd).",
    )
    return HttpResponseRedirect(_terug(request))
