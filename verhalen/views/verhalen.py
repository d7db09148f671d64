"""Researchers' pages for stories: list with filters and search, enter, read,
edit (privacy warning, version conflicts), history and restore, withdraw,
erase on request, export.

Every story is selected through `Verhaal.objects.zichtbaar_voor(user)`; only
the erasure pages (permission verhalen.wis_verhaal) reach withdrawn stories,
and they never show a story's text.
"""

import copy

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.sessieduur import herstelt_invoer, vul_aan
from kennisagenda import sections
from toolkit import paginering
from toolkit.rechten import vereist
from verhalen.forms.filters import VerhaalFilter
from verhalen.forms.kenmerken import KenmerkZettenForm
from verhalen.forms.selectie import AanCollectieForm
from verhalen.forms.verhaal import HerstelForm, VerhaalForm, WisForm
from verhalen.models import (
    Fragment,
    Handeling,
    KenmerkWaarde,
    Toestemming,
    Verhaal,
)
from verhalen.selectors import export, geschiedenis, search
from verhalen.selectors.memos import memos_bij_verhaal
from verhalen.selectors.verteller import stem_van_verteller
from verhalen.services import inzage
from verhalen.services import verhalen as services
from verhalen.views.werkruimte import codering_voor

VERHALEN_PER_PAGINA = 20
VERHAAL_VOLGORDE = ("-aangemaakt_op", "-pk")  # index verhalen_verhaal_nieuwste
VERSIES_PER_PAGINA = 15
PRIVACY_KNOP = "privacy_akkoord"


def _zichtbare_verhalen(request):
    return Verhaal.objects.zichtbaar_voor(request.user)


class VerhaalIngetrokken(Exception):
    """A researcher opened a story whose consent has been withdrawn."""


def _zichtbaar_verhaal(queryset, pk):
    """The story from `queryset`, or a 404 — but a researcher who follows a
    link to a withdrawn story is told why it is gone (nothing of it is shown)."""
    verhaal = queryset.filter(pk=pk).first()
    if verhaal is not None:
        return verhaal
    if Verhaal.objects.filter(pk=pk, toestemming=Toestemming.INGETROKKEN).exists():
        raise VerhaalIngetrokken
    raise Http404


def _ingetrokken_pagina(request):
    return render(request, "verhalen/verhaal_niet_meer_beschikbaar.html", status=410)


def _gefilterd(request, **kwargs):
    queryset = _zichtbare_verhalen(request).met_lijstgegevens()
    return VerhaalFilter(request.GET or None, queryset=queryset, **kwargs)


@vereist("verhalen.view_verhaal")
def verhaal_list(request):
    filterset = _gefilterd(request, rangschik_tot=paginering.GRENS)
    # An invalid filter value is shown as an error and left out. A list row
    # never shows the whole text: it is read only for a search snippet. Its
    # coding progress is stored (verhalen/services/tellingen.py), joined in.
    zoekterm = filterset.zoekterm
    verhalen = filterset.qs if zoekterm else filterset.qs.defer("tekst")
    if search.is_op_relevantie(verhalen):
        # At most GRENS matches (rangschik_tot): numbered pages of them.
        pagina = paginering.genummerd(verhalen, request.GET, per_pagina=VERHALEN_PER_PAGINA)
    else:
        pagina = paginering.blader(
            verhalen, request.GET, volgorde=VERHAAL_VOLGORDE, per_pagina=VERHALEN_PER_PAGINA
        )
    for verhaal in pagina:
        verhaal.zoekfragment_html = search.fragment_html(verhaal, zoekterm) if zoekterm else ""
    return render(
        request,
        "verhalen/verhaal_list.html",
        {
            "filter": filterset,
            "pagina": pagina,
            # The search counted its matches already (up to the same GRENS).
            "aantal": (
                filterset.aantal
                if filterset.aantal is not None
                else paginering.begrensd_aantal(verhalen)
            ),
            "grens": paginering.GRENS,
            "zoekterm": zoekterm,
            "op_datum": bool(zoekterm) and not search.is_op_relevantie(verhalen),
            "aan_collectie": (
                AanCollectieForm(user=request.user)
                if request.user.has_perm("verhalen.add_collectieitem")
                else None
            ),
            "kenmerk_zetten": (
                KenmerkZettenForm(user=request.user)
                if request.user.has_perm("verhalen.change_kenmerkwaarde") and filterset.kenmerken
                else None
            ),
            "querystring": paginering.querystring(request.GET),
            "mag_exporteren": request.user.has_perm("verhalen.exporteer_verhaal"),
        },
    )


def bewaar_met_privacycontrole(request, form, opslaan):
    """Shared POST flow of enter/edit: privacy warning first, then `opslaan()`.

    Returns (response or None, privacy controle or None).
    """
    controle = form.privacy_controle()
    if controle and request.POST.get(PRIVACY_KNOP) != controle.vingerafdruk:
        return None, controle
    reden = ""
    if controle:
        reden = _("Opgeslagen ondanks privacywaarschuwing (%(aantal)s plekken)") % {
            "aantal": controle.aantal
        }
    return opslaan(reden), None


@herstelt_invoer
@vereist("verhalen.add_verhaal")
def verhaal_create(request):
    form = VerhaalForm(request.POST or None)
    vul_aan(request, form)
    controle = None
    if request.method == "POST" and form.is_valid():

        def opslaan(reden):
            verhaal = services.maak_verhaal(
                gegevens=form.gegevens(), door=request.user, reden=reden
            )
            messages.success(request, _("Het verhaal is opgeslagen."))
            return redirect(verhaal)

        response, controle = bewaar_met_privacycontrole(request, form, opslaan)
        if response:
            return response
    return render(
        request,
        "verhalen/verhaal_form.html",
        {"form": form, "privacy": controle, "privacy_knop": PRIVACY_KNOP},
    )


@vereist("verhalen.view_verhaal")
def verhaal_detail(request, pk):
    try:
        verhaal = _zichtbaar_verhaal(
            _zichtbare_verhalen(request)
            .select_related(
                "wijk", "project", "werkteam", "verzameld_door", "toestemming_vastgelegd_door"
            )
            .prefetch_related(
                Prefetch("themas", to_attr="themas_lijst"),
                Prefetch("trefwoorden", to_attr="trefwoorden_lijst"),
                Prefetch("kenmerkwaarden", KenmerkWaarde.objects.select_related("kenmerk")),
            )
            .defer("zoekvector"),
            pk,
        )
    except VerhaalIngetrokken:
        return _ingetrokken_pagina(request)
    inzage.leg_vast(request=request, handeling=Handeling.VERHAAL_BEKEKEN, verhaal=verhaal)
    codering = codering_voor(verhaal, request.user)
    return render(
        request,
        "verhalen/verhaal_detail.html",
        {
            "verhaal": verhaal,
            "mag_wissen": request.user.has_perm("verhalen.wis_verhaal"),
            "memos": memos_bij_verhaal(verhaal, request.user),
            "stem_van_verteller": stem_van_verteller(verhaal),
            "sections": sections.render_context("verhaal", request, verhaal),
            "codering": codering,
            # Counted from the fragments the page lists (all of the story's).
            "aantal_herzien": sum(fragment.moet_herzien for fragment in codering["fragmenten"]),
        },
    )


@herstelt_invoer
@vereist("verhalen.change_verhaal")
def verhaal_update(request, pk):
    try:
        verhaal = _zichtbaar_verhaal(_zichtbare_verhalen(request), pk)
    except VerhaalIngetrokken:
        return _ingetrokken_pagina(request)
    if request.method != "POST":  # the form shows the whole text
        inzage.leg_vast(request=request, handeling=Handeling.VERHAAL_BEKEKEN, verhaal=verhaal)
    # The form works on a copy, so the page keeps showing the stored title.
    form = VerhaalForm(request.POST or None, instance=copy.copy(verhaal))
    # Typed before a logout: shown with the version it was based on, so
    # saving it still meets the conflict check.
    vul_aan(request, form)
    controle = conflict = None
    if request.method == "POST" and form.is_valid():

        def opslaan(reden):
            bijgewerkt = services.wijzig_verhaal(
                verhaal=verhaal,
                gegevens=form.gegevens(),
                verwachte_versie=form.cleaned_data["versie"],
                door=request.user,
                reden=reden,
            )
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            herzien = bijgewerkt.fragmenten.filter(moet_herzien=True).count()
            if herzien:
                messages.warning(
                    request,
                    _(
                        "%(aantal)s gecodeerde fragment(en) zijn in de nieuwe tekst niet "
                        "teruggevonden en moeten herzien worden."
                    )
                    % {"aantal": herzien},
                )
            if bijgewerkt.toestemming == Toestemming.INGETROKKEN:
                messages.info(
                    request, _("De toestemming is ingetrokken: het verhaal is verborgen.")
                )
                return redirect("verhalen:list")
            return redirect(bijgewerkt)

        try:
            response, controle = bewaar_met_privacycontrole(request, form, opslaan)
        except services.VersieConflict as fout:
            response, conflict, form = None, _conflict(fout), _met_versie(form, fout.verhaal)
        if response:
            return response
    return render(
        request,
        "verhalen/verhaal_form.html",
        {
            "form": form,
            "verhaal": verhaal,
            "privacy": controle,
            "privacy_knop": PRIVACY_KNOP,
            "conflict": conflict,
        },
    )


def _conflict(fout):
    """What the conflict panel shows: who saved, when, and what changed."""
    laatste = fout.verhaal.history.select_related("history_user").first()
    return {
        "verschillen": geschiedenis.conflict_verschillen(fout.verhaal, fout.verwachte_versie),
        "versie": laatste,
        "door": geschiedenis.Versie(record=laatste).door if laatste else "",
    }


def _met_versie(form, opgeslagen):
    """The same input, now based on the stored version: saving again keeps it."""
    data = form.data.copy() if isinstance(form.data, QueryDict) else dict(form.data)
    data["versie"] = str(opgeslagen.versie)
    nieuw = type(form)(data, instance=opgeslagen)
    nieuw.is_valid()
    return nieuw


@vereist("verhalen.view_verhaal")
def verhaal_geschiedenis(request, pk):
    verhaal = get_object_or_404(_zichtbare_verhalen(request), pk=pk)
    inzage.leg_vast(request=request, handeling=Handeling.GESCHIEDENIS_BEKEKEN, verhaal=verhaal)
    records = verhaal.history.select_related("history_user").order_by("-history_date", "-pk")
    pagina = Paginator(records, VERSIES_PER_PAGINA).get_page(request.GET.get("pagina"))
    laatste_op_pagina = pagina.object_list[len(pagina.object_list) - 1] if pagina else None
    ouder = (
        records.filter(history_date__lt=laatste_op_pagina.history_date).first()
        if laatste_op_pagina
        else None
    )
    versies = geschiedenis.verhaal_versies(pagina.object_list, ouder=ouder)
    if versies and pagina.number == 1:
        versies[0].is_huidig = True
    fragment_records = (
        Fragment.history.filter(verhaal_id=verhaal.pk)
        .select_related("history_user")
        .order_by("-history_date")
    )
    fragment_pagina = Paginator(
        geschiedenis.fragment_versies(fragment_records), VERSIES_PER_PAGINA
    ).get_page(request.GET.get("fragmenten"))
    return render(
        request,
        "verhalen/verhaal_geschiedenis.html",
        {
            "verhaal": verhaal,
            "pagina": pagina,
            "versies": versies,
            "fragment_pagina": fragment_pagina,
            # Deleted fragments that are not back yet can be put back.
            "bestaande_fragmenten": set(verhaal.fragmenten.values_list("pk", flat=True)),
            "mag_herstellen": request.user.has_perm("verhalen.change_verhaal"),
            "mag_terugzetten": request.user.has_perm("verhalen.add_fragment"),
        },
    )


@require_POST
@vereist("verhalen.change_verhaal")
def verhaal_herstel(request, pk, history_id):
    verhaal = get_object_or_404(_zichtbare_verhalen(request), pk=pk)
    get_object_or_404(verhaal.history, history_id=history_id)
    form = HerstelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Er ging iets mis met het formulier; probeer het opnieuw."))
        return redirect("verhalen:geschiedenis", pk=pk)
    try:
        services.herstel_versie(
            verhaal=verhaal,
            history_id=history_id,
            verwachte_versie=form.cleaned_data["versie"],
            door=request.user,
        )
    except services.VersieConflict:
        messages.error(
            request,
            _(
                "Het verhaal is intussen gewijzigd. Bekijk de nieuwste versie hieronder "
                "en kies dan opnieuw welke versie je wilt herstellen."
            ),
        )
        return redirect("verhalen:geschiedenis", pk=pk)
    messages.success(request, _("De versie is hersteld. Ook dat staat nu in de geschiedenis."))
    return redirect(verhaal)


@vereist("verhalen.change_verhaal")
def verhaal_intrekken(request, pk):
    verhaal = get_object_or_404(_zichtbare_verhalen(request), pk=pk)
    if request.method == "POST":
        services.trek_toestemming_in(verhaal=verhaal, door=request.user)
        messages.success(
            request,
            _("De toestemming voor “%(titel)s” is ingetrokken. Het verhaal is nu overal verborgen.")
            % {"titel": verhaal.titel},
        )
        return redirect("verhalen:list")
    return render(request, "verhalen/verhaal_intrekken.html", {"verhaal": verhaal})


def _wisbare_verhalen():
    return Verhaal.objects.filter(gewist_op__isnull=True)


@vereist("verhalen.wis_verhaal")
def ingetrokken_list(request):
    """Withdrawn stories that still hold content: number, title, date — no text."""
    verhalen = _wisbare_verhalen().filter(toestemming=Toestemming.INGETROKKEN)
    verhalen = verhalen.only("pk", "titel", "toestemming_datum").order_by("toestemming_datum", "pk")
    pagina = Paginator(verhalen, VERHALEN_PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(request, "verhalen/verhaal_ingetrokken_list.html", {"pagina": pagina})


@vereist("verhalen.wis_verhaal")
def verhaal_wissen(request, pk):
    verhaal = get_object_or_404(_wisbare_verhalen(), pk=pk)
    form = WisForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        verzoek = services.wis_verhaal(
            verhaal=verhaal, door=request.user, kenmerk=form.cleaned_data["kenmerk"]
        )
        messages.success(
            request,
            _("De inhoud van verhaal %(nummer)s is gewist. Vastgelegd: %(verzoek)s.")
            % {"nummer": verzoek.verhaal_nummer, "verzoek": verzoek},
        )
        return redirect("verhalen:ingetrokken")
    return render(request, "verhalen/verhaal_wissen.html", {"verhaal": verhaal, "form": form})


@vereist("verhalen.exporteer_verhaal")
def export_csv(request):
    return _export(request, export.csv_response, Handeling.EXPORT_CSV)


@vereist("verhalen.exporteer_verhaal")
def export_json(request):
    return _export(request, export.json_response, Handeling.EXPORT_JSON)


def _export(request, maak_response, handeling):
    """Exactly the stories the list's filters select — or 400 for a bad filter,
    so an export never silently holds more than was asked for."""
    filterset = _gefilterd(request)
    if filterset.is_bound and not filterset.is_valid():
        fouten = "; ".join(
            f"{filterset.form.fields[veld].label}: {' '.join(lijst)}"
            for veld, lijst in filterset.form.errors.items()
        )
        return HttpResponseBadRequest(
            _("Het filter klopt niet, er is niets geëxporteerd. %(fouten)s") % {"fouten": fouten},
            content_type="text/plain; charset=utf-8",
        )
    verhalen = filterset.qs
    inzage.leg_vast(request=request, handeling=handeling, aantal=verhalen.count())
    return maak_response(verhalen, met_memos=request.user.has_perm("verhalen.view_memo"))
