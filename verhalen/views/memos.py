"""Memos (/memos/…): the research team's notes on a story, a code, a
fragment, or on the project as a whole (the research journal).

Research team only (verhalen.view_memo); every memo is selected through
`Memo.objects.zichtbaar_voor(user)`, every subject through the story rule.
Only a memo's author changes or removes it (verhalen/services/memos.py).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kennisagenda.models import Thema
from toolkit import csv_export, paginering
from verhalen.forms.memos import MemoForm
from verhalen.models import Fragment, Handeling, Memo, Verhaal
from verhalen.selectors.memos import MEMO_VOLGORDE, MemoFilter
from verhalen.services import inzage
from verhalen.services import memos as services
from verhalen.views.verhalen import PRIVACY_KNOP, bewaar_met_privacycontrole, vereist

MEMOS_PER_PAGINA = 20


def _zichtbare_memos(request):
    return Memo.objects.zichtbaar_voor(request.user).met_lijstgegevens()


def _gefilterd(request):
    return MemoFilter(request.GET or None, queryset=_zichtbare_memos(request))


@vereist("verhalen.view_memo")
@require_http_methods(["GET", "HEAD"])
def memo_list(request):
    filterset = _gefilterd(request)
    memos = filterset.qs
    pagina = paginering.blader(
        memos, request.GET, volgorde=MEMO_VOLGORDE, per_pagina=MEMOS_PER_PAGINA
    )
    return render(
        request,
        "memos/memo_list.html",
        {
            "filter": filterset,
            "pagina": pagina,
            "aantal": paginering.begrensd_aantal(memos),
            "grens": paginering.GRENS,
            "querystring": paginering.querystring(request.GET),
        },
    )


def _onderwerp(request):
    """The story, code or fragment a new memo is about (from the query
    string), looked up among what the user may see; None for the journal."""
    kanten = [naam for naam in ("verhaal", "code", "fragment") if request.GET.get(naam)]
    if len(kanten) > 1:
        raise Http404
    if not kanten:
        return {}
    naam = kanten[0]
    waarde = request.GET[naam]
    if naam == "code":
        return {"code": get_object_or_404(Thema, slug=waarde)}
    if not waarde.isdigit():
        raise Http404
    if naam == "verhaal":
        return {
            "verhaal": get_object_or_404(Verhaal.objects.zichtbaar_voor(request.user), pk=waarde)
        }
    fragment = get_object_or_404(
        Fragment.objects.zichtbaar_voor(request.user).select_related("verhaal"), pk=waarde
    )
    return {"fragment": fragment}


@vereist("verhalen.add_memo")
@require_http_methods(["GET", "HEAD", "POST"])
def memo_nieuw(request):
    onderwerp = _onderwerp(request)
    form = MemoForm(request.POST or None)
    controle = None
    if request.method == "POST" and form.is_valid():

        def opslaan(reden):
            memo = services.schrijf_memo(
                auteur=request.user,
                titel=form.cleaned_data["titel"],
                tekst=form.cleaned_data["tekst"],
                reden=reden,
                **onderwerp,
            )
            messages.success(request, _("Het memo is opgeslagen."))
            return redirect(memo)

        response, controle = bewaar_met_privacycontrole(request, form, opslaan)
        if response:
            return response
    return render(
        request,
        "memos/memo_form.html",
        {
            "form": form,
            "onderwerp": next(iter(onderwerp.values()), None),
            "soort": next(iter(onderwerp), "logboek"),
            "privacy": controle,
            "privacy_knop": PRIVACY_KNOP,
            "querystring": request.GET.urlencode(),
        },
    )


@vereist("verhalen.view_memo")
@require_http_methods(["GET", "HEAD"])
def memo_detail(request, pk):
    memo = get_object_or_404(_zichtbare_memos(request), pk=pk)
    versies = memo.history.select_related("history_user").order_by("-history_date", "-pk")
    return render(
        request,
        "memos/memo_detail.html",
        {
            "memo": memo,
            "versies": versies,
            "mag_wijzigen": services.mag_wijzigen(memo, request.user),
        },
    )


def _eigen_memo(request, pk):
    memo = get_object_or_404(_zichtbare_memos(request), pk=pk)
    if not services.mag_wijzigen(memo, request.user):
        raise PermissionDenied
    return memo


@vereist("verhalen.change_memo")
@require_http_methods(["GET", "HEAD", "POST"])
def memo_bewerken(request, pk):
    memo = _eigen_memo(request, pk)
    form = MemoForm(request.POST or None, instance=Memo(titel=memo.titel, tekst=memo.tekst))
    controle = None
    if request.method == "POST" and form.is_valid():

        def opslaan(reden):
            services.wijzig_memo(
                memo=memo,
                door=request.user,
                titel=form.cleaned_data["titel"],
                tekst=form.cleaned_data["tekst"],
                reden=reden,
            )
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect(memo)

        response, controle = bewaar_met_privacycontrole(request, form, opslaan)
        if response:
            return response
    return render(
        request,
        "memos/memo_form.html",
        {"form": form, "memo": memo, "privacy": controle, "privacy_knop": PRIVACY_KNOP},
    )


@vereist("verhalen.delete_memo")
@require_http_methods(["GET", "HEAD", "POST"])
def memo_verwijderen(request, pk):
    memo = _eigen_memo(request, pk)
    if request.method == "POST":
        terug = _terug_naar(memo)
        services.verwijder_memo(memo=memo, door=request.user)
        messages.success(request, _("Het memo is verwijderd. De geschiedenis bewaart het."))
        return redirect(terug)
    return render(request, "memos/memo_verwijderen.html", {"memo": memo})


def _terug_naar(memo):
    if memo.verhaal_id:
        return memo.verhaal.get_absolute_url()
    if memo.fragment_id:
        return memo.fragment.get_absolute_url()
    if memo.code_id:
        return reverse("codeboek:detail", kwargs={"slug": memo.code.slug})
    return reverse("memos:list")


EXPORT_KOLOMMEN = [
    "id",
    "titel",
    "tekst",
    "soort",
    "auteur",
    "verhaal",
    "code",
    "fragment",
    "citaat",
    "aangemaakt_op",
    "gewijzigd_op",
]


def _export_rij(memo):
    fragment = memo.fragment
    return [
        memo.pk,
        memo.titel,
        memo.tekst,
        memo.soort,
        memo.auteur.get_username() if memo.auteur else "",
        memo.verhaal_id or (fragment.verhaal_id if fragment else ""),
        memo.code.slug if memo.code else "",
        memo.fragment_id or "",
        fragment.citaat if fragment else "",
        timezone.localtime(memo.aangemaakt_op).isoformat(),
        timezone.localtime(memo.gewijzigd_op).isoformat(),
    ]


@vereist("verhalen.exporteer_memo")
@require_http_methods(["GET", "HEAD"])
def memo_export(request):
    """The memos the list's filters select, as CSV; recorded in the access log."""
    filterset = _gefilterd(request)
    if filterset.is_bound and not filterset.is_valid():
        return HttpResponseBadRequest(
            _("Het filter klopt niet, er is niets geëxporteerd."),
            content_type="text/plain; charset=utf-8",
        )
    memos = filterset.qs
    inzage.leg_vast(request=request, handeling=Handeling.MEMO_EXPORT, aantal=memos.count())
    rijen = (_export_rij(memo) for memo in memos.iterator(chunk_size=1000))
    naam = f"memos-{timezone.localdate():%Y-%m-%d}.csv"
    return csv_export.csv_response(naam, EXPORT_KOLOMMEN, rijen)
