"""Coding fragments on a story, and the codebook (/codeboek/…).

Who may do what (permissions of the onderzoeker role):
- code a story: verhalen.add_fragment / change_fragment / delete_fragment;
- read the codebook, its fragments, matrix and co-occurrence: verhalen.view_fragment;
- export fragments: verhalen.view_fragment and verhalen.exporteer_verhaal;
- add sub-codes: carelab.add_thema; rename and move: carelab.change_thema;
- merge: carelab.change_thema and verhalen.change_fragment.
Anonymous visitors are sent to the login page; anyone else without the
permission gets 403. Stories are always selected through
`Verhaal.objects.zichtbaar_voor(user)`, fragments through
`Fragment.objects.zichtbaar_voor(user)`.
"""

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.sessieduur import herstelt_invoer, vul_aan
from kennisagenda.models import Thema
from toolkit import paginering
from toolkit.csv_export import csv_response
from toolkit.rechten import vereist
from verhalen.forms.codering import (
    CodeForm,
    FragmentFilter,
    FragmentForm,
    MatrixForm,
    SamenvoegForm,
    SubcodeForm,
    VerplaatsForm,
)
from verhalen.models import Fragment, FragmentThema, Handeling, Verhaal
from verhalen.selectors import codeboek
from verhalen.selectors.memos import memos_bij_code
from verhalen.services import codering as services
from verhalen.services import inzage, tellingen
from verhalen.tekst.posities import nummering, segmenteer

KLEURCODE = re.compile(r"#[0-9a-fA-F]{6}")


# --- Coding on the story ----------------------------------------------------


def fragmenten_van(verhaal, user):
    """The visible fragments of `verhaal`, numbered in reading order, with codes and coder."""
    fragmenten = list(
        Fragment.objects.zichtbaar_voor(user)
        .filter(verhaal=verhaal)
        .select_related("codeur")
        .prefetch_related(Prefetch("codes", to_attr="codes_lijst"))
    )
    nummers = nummering(fragmenten)
    for fragment in fragmenten:
        fragment.nummer = nummers[fragment.pk]
    fragmenten.sort(key=lambda fragment: fragment.nummer)
    return fragmenten


def coderingscontext(verhaal, user, *, form=None, fragment=None):
    """Everything the text with its highlights, the list and the form need."""
    fragmenten = fragmenten_van(verhaal, user)
    if fragment is not None:  # the numbered copy from the list
        fragment = next((f for f in fragmenten if f.pk == fragment.pk), fragment)
    if form is None and user.has_perm("verhalen.add_fragment") and verhaal.tekst:
        form = FragmentForm(verhaal=verhaal)
    return {
        "verhaal": verhaal,
        "fragmenten": fragmenten,
        "segmenten": segmenteer(verhaal.tekst, fragmenten),
        "tekstlengte": len(verhaal.tekst),
        "form": form,
        "bewerkt_fragment": fragment,
    }


def zichtbaar_verhaal(request, pk):
    return get_object_or_404(Verhaal.objects.zichtbaar_voor(request.user), pk=pk)


def zichtbaar_fragment(request, verhaal, pk):
    """A fragment of `verhaal` the user may see; its text is `verhaal`'s (the one
    the form checks positions against)."""
    fragment = get_object_or_404(
        Fragment.objects.zichtbaar_voor(request.user).filter(verhaal=verhaal), pk=pk
    )
    fragment.verhaal = verhaal
    return fragment


def _render_fragment_form(request, codering):
    return render(
        request,
        "codeboek/fragment_form.html",
        {
            "codering": codering,
            "verhaal": codering["verhaal"],
            "bewerkt_fragment": codering["bewerkt_fragment"],
        },
    )


VERPLAATST = (
    "De tekst van het verhaal was intussen gewijzigd. Het citaat is op zijn nieuwe plek "
    "in de tekst gecodeerd."
)


def bewaar_fragment(form, *, door):
    """Validate a bound FragmentForm and store it, for the form pages here and the
    workspace's JSON views: a new fragment through services.maak_fragment, a
    changed one (form.fragment) through services.wijzig_fragment.

    Returns (fragment, geweigerd): the fragment stored, or None when the form
    or the service refused; the reasons are then on the form. `geweigerd` is
    True when the service refused (a text changed under the fragment, say):
    its reasons are non-field errors and the story's text has been read again.
    """
    if not form.is_valid():
        return None, False
    gegevens = form.cleaned_data
    velden = {naam: gegevens[naam] for naam in ("start", "eind", "codes", "memo")}
    try:
        if form.fragment is None:
            return services.maak_fragment(verhaal=form.verhaal, codeur=door, **velden), False
        services.wijzig_fragment(
            fragment=form.fragment, moet_herzien=gegevens["moet_herzien"], door=door, **velden
        )
    except ValidationError as fout:
        form.add_error(None, fout)
        form.verhaal.refresh_from_db(fields=["tekst"])
        return None, True
    return form.fragment, False


@herstelt_invoer
@vereist("verhalen.view_verhaal", "verhalen.add_fragment")
@require_http_methods(["GET", "HEAD", "POST"])
def fragment_nieuw(request, verhaal_pk):
    verhaal = zichtbaar_verhaal(request, verhaal_pk)
    _leg_inzage_vast(request, verhaal)
    form = FragmentForm(request.POST or None, verhaal=verhaal)
    vul_aan(request, form)
    if request.method == "POST":
        fragment, _door_service = bewaar_fragment(form, door=request.user)
        if fragment is not None:
            messages.success(request, f"Het fragment “{fragment.citaat[:60]}” is gecodeerd.")
            _meld_verplaatst(request, form)
            return redirect(fragment)
    return _render_fragment_form(request, coderingscontext(verhaal, request.user, form=form))


def _leg_inzage_vast(request, verhaal):
    """The coding pages show the whole text: opening one is logged like the story page."""
    if request.method != "POST":
        inzage.leg_vast(request=request, handeling=Handeling.VERHAAL_BEKEKEN, verhaal=verhaal)


def _meld_verplaatst(request, form):
    if form.verplaatst:
        messages.info(request, VERPLAATST)


@herstelt_invoer
@vereist("verhalen.view_verhaal", "verhalen.change_fragment")
@require_http_methods(["GET", "HEAD", "POST"])
def fragment_bewerken(request, verhaal_pk, pk):
    verhaal = zichtbaar_verhaal(request, verhaal_pk)
    fragment = zichtbaar_fragment(request, verhaal, pk)
    _leg_inzage_vast(request, verhaal)
    form = FragmentForm(request.POST or None, verhaal=verhaal, fragment=fragment)
    vul_aan(request, form)
    if request.method == "POST" and bewaar_fragment(form, door=request.user)[0] is not None:
        messages.success(request, "Het fragment is gewijzigd.")
        _meld_verplaatst(request, form)
        return redirect(fragment)
    context = coderingscontext(verhaal, request.user, form=form, fragment=fragment)
    return _render_fragment_form(request, context)


@vereist("verhalen.view_verhaal", "verhalen.delete_fragment")
@require_http_methods(["GET", "HEAD", "POST"])
def fragment_verwijderen(request, verhaal_pk, pk):
    verhaal = zichtbaar_verhaal(request, verhaal_pk)
    fragment = zichtbaar_fragment(request, verhaal, pk)
    _leg_inzage_vast(request, verhaal)  # the confirmation quotes the fragment
    if request.method == "POST":
        services.verwijder_fragment(fragment=fragment, door=request.user)
        messages.success(request, "Het fragment is verwijderd. De geschiedenis bewaart het.")
        return redirect(verhaal)
    return render(
        request,
        "codeboek/fragment_verwijderen.html",
        {"verhaal": verhaal, "fragment": fragment, "codes": fragment.codes.all()},
    )


@vereist("verhalen.view_verhaal", "verhalen.add_fragment")
@require_POST
def fragment_terugzetten(request, verhaal_pk, history_id):
    """Bring back a deleted fragment from the story's history page."""
    verhaal = zichtbaar_verhaal(request, verhaal_pk)
    try:
        fragment = services.zet_fragment_terug(
            verhaal=verhaal, history_id=history_id, door=request.user
        )
    except Fragment.history.model.DoesNotExist as fout:
        raise Http404("Geen verwijderd fragment van dit verhaal.") from fout
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect("verhalen:geschiedenis", pk=verhaal.pk)
    if fragment.moet_herzien:
        messages.warning(
            request,
            "Het fragment is teruggezet, maar het citaat staat niet meer in de tekst. "
            "Het is gemarkeerd om te herzien.",
        )
    else:
        messages.success(request, "Het fragment is teruggezet, met zijn codes en memo.")
    return redirect(fragment)


# --- The codebook -----------------------------------------------------------


@vereist("verhalen.view_fragment")
@require_safe
def index(request):
    themas = list(Thema.objects.all())
    boom = codeboek.codeboom(themas)
    aantallen = tellingen.fragmenten_per_code(request.user)  # stored, kept by the services
    for knoop in boom:
        knoop.aantal = aantallen.get(knoop.thema.pk, 0)
    return render(request, "codeboek/index.html", {"boom": boom})


@require_safe
def kleuren(request):
    """The colour of every code as CSS classes (the CSP allows no inline styles)."""
    regels = [
        f".kleur-{pk} {{ --code-kleur: {kleur}; }}"
        for pk, kleur in Thema.objects.values_list("pk", "kleur")
        if KLEURCODE.fullmatch(kleur)  # never anything but a colour in a stylesheet
    ]
    response = HttpResponse("\n".join(regels) + "\n", content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


def _gefilterde_fragmenten(request, queryset):
    """The filter form and what it selects; a filter with a wrong value is left out
    (the form shows why)."""
    filterset = FragmentFilter(request.GET or None, queryset=queryset, request=request)
    return filterset, filterset.qs


# By story title (index verhalen_verhaal_titel), then place in the story.
CODE_FRAGMENTEN_VOLGORDE = ("verhaal__titel", "verhaal_id", "start", "pk")


def _fragmenten_van_code(request, code):
    onder = codeboek.subtree_pks(code)
    queryset = (
        Fragment.objects.zichtbaar_voor(request.user)
        .filter(pk__in=FragmentThema.objects.filter(tag__in=onder).values("content_object_id"))
        # A row shows the story's place and project, not the coder (the export
        # adds the coder): each join more cost the page's query ~0.5 ms of planning.
        .select_related("verhaal__wijk", "verhaal__project")
        # A row shows the quote, never the story's whole text.
        .defer("verhaal__tekst", "verhaal__zoekvector")
        .prefetch_related(Prefetch("codes", to_attr="codes_lijst"))
        .order_by(*CODE_FRAGMENTEN_VOLGORDE)
    )
    return _gefilterde_fragmenten(request, queryset)


@vereist("verhalen.view_fragment")
@require_safe
def code_detail(request, slug):
    code = get_object_or_404(Thema.objects.select_related("parent"), slug=slug)
    filterset, fragmenten = _fragmenten_van_code(request, code)
    pagina = paginering.blader(
        fragmenten, request.GET, volgorde=CODE_FRAGMENTEN_VOLGORDE, per_pagina=25
    )
    inzage.leg_vast(
        request=request,
        handeling=Handeling.FRAGMENTEN_BEKEKEN,
        aantal=len(pagina),
        onderwerp=code.slug,
    )
    return render(
        request,
        "codeboek/code_detail.html",
        {
            "code": code,
            "subcodes": code.subcodes.all(),
            "filter": filterset,
            "pagina": pagina,
            "aantal": paginering.begrensd_aantal(fragmenten),
            "grens": paginering.GRENS,
            "filters_querystring": filterset.gebruikte_filters(),
            "memos": memos_bij_code(code, request.user),
        },
    )


@vereist("verhalen.view_fragment")
@require_safe
def mijn_coderingen(request):
    """The fragments the user coded, across every code, newest story first by title;
    the same filters as a code's page."""
    queryset = (
        Fragment.objects.zichtbaar_voor(request.user)
        .filter(codeur=request.user)
        .select_related("verhaal__wijk", "verhaal__project")
        .defer("verhaal__tekst", "verhaal__zoekvector")
        .prefetch_related(Prefetch("codes", to_attr="codes_lijst"))
        .order_by(*CODE_FRAGMENTEN_VOLGORDE)
    )
    filterset, fragmenten = _gefilterde_fragmenten(request, queryset)
    del filterset.form.fields["codeur"]  # always the user here
    pagina = paginering.blader(
        fragmenten, request.GET, volgorde=CODE_FRAGMENTEN_VOLGORDE, per_pagina=25
    )
    inzage.leg_vast(
        request=request,
        handeling=Handeling.FRAGMENTEN_BEKEKEN,
        aantal=len(pagina),
        onderwerp="mijn-coderingen",
    )
    return render(
        request,
        "codeboek/mijn_coderingen.html",
        {
            "filter": filterset,
            "pagina": pagina,
            "aantal": paginering.begrensd_aantal(fragmenten),
            "grens": paginering.GRENS,
            "filters_querystring": filterset.gebruikte_filters(),
        },
    )


FRAGMENT_KOP = [
    "fragment",
    "verhaal",
    "titel",
    "wie vertelt",
    "wijk",
    "gemeente",
    "hoe verzameld",
    "verzameld op",
    "project",
    "begin",
    "einde",
    "citaat",
    "codes",
    "memo",
    "codeur",
    "moet herzien",
    "adres",
]


def _fragment_rij(request, fragment):
    verhaal = fragment.verhaal
    return [
        fragment.pk,
        verhaal.pk,
        verhaal.titel,
        verhaal.get_verteller_type_display(),
        verhaal.wijk or "",
        verhaal.get_gemeente_display(),
        verhaal.get_verzamelwijze_display(),
        verhaal.verzameld_op.isoformat() if verhaal.verzameld_op else "",
        verhaal.project or "",
        fragment.start,
        fragment.eind,
        fragment.citaat,
        "; ".join(code.name for code in fragment.codes_lijst),
        fragment.memo,
        fragment.codeur.get_username() if fragment.codeur else "",
        "ja" if fragment.moet_herzien else "nee",
        request.build_absolute_uri(fragment.get_absolute_url()),
    ]


@vereist("verhalen.view_fragment", "verhalen.exporteer_verhaal")
@require_safe
def code_export(request, slug):
    code = get_object_or_404(Thema, slug=slug)
    _filterset, fragmenten = _fragmenten_van_code(request, code)
    inzage.leg_vast(
        request=request,
        handeling=Handeling.FRAGMENTEN_EXPORT,
        aantal=fragmenten.count(),
        onderwerp=code.slug,
    )
    fragmenten = fragmenten.select_related("codeur")
    rijen = (_fragment_rij(request, f) for f in fragmenten.iterator(chunk_size=500))
    datum = timezone.localdate().isoformat()
    return csv_response(f"fragmenten-{code.slug}-{datum}.csv", FRAGMENT_KOP, rijen)


@vereist("verhalen.view_fragment")
@require_http_methods(["GET", "HEAD"])
def matrix(request, als_csv=False):
    kolomform = MatrixForm(request.GET or None)
    soort = kolomform.soort()
    filterset, fragmenten = _gefilterde_fragmenten(
        request, Fragment.objects.zichtbaar_voor(request.user)
    )
    tabel = codeboek.matrix(
        fragmenten, kolomform.themas(), soort, zonder_lege_rijen=kolomform.zonder_lege_rijen()
    )
    if als_csv or request.GET.get("format") == "csv":
        inzage.leg_vast(request=request, handeling=Handeling.CODEBOEK_EXPORT, onderwerp="matrix")
        kop = ["code", "valt onder", *[kolom.label for kolom in tabel.kolommen], "totaal"]
        rijen = [
            [
                rij.knoop.thema.name,
                rij.knoop.thema.parent.name if rij.knoop.thema.parent else "",
                *(cel.aantal for cel in rij.cellen),
                rij.totaal,
            ]
            for rij in tabel.rijen
        ]
        datum = timezone.localdate().isoformat()
        return csv_response(f"codeboek-matrix-{soort.sleutel}-{datum}.csv", kop, rijen)
    filters = filterset.gebruikte_filters()
    # Each cell links to the code's fragments, narrowed to that column's value.
    zonder_kolom = filterset.gebruikte_filters(zonder=soort.sleutel)
    return render(
        request,
        "codeboek/matrix.html",
        {
            "tabel": tabel,
            "kolomform": kolomform,
            "filter": filterset,
            "filters_querystring": filters,
            "cel_querystring": zonder_kolom,
        },
    )


@vereist("verhalen.view_fragment")
@require_http_methods(["GET", "HEAD"])
def samenhang(request, als_csv=False):
    filterset, fragmenten = _gefilterde_fragmenten(
        request, Fragment.objects.zichtbaar_voor(request.user)
    )
    paren = codeboek.samenhang(fragmenten)
    if als_csv or request.GET.get("format") == "csv":
        inzage.leg_vast(request=request, handeling=Handeling.CODEBOEK_EXPORT, onderwerp="samenhang")
        kop = ["code A", "code B", "zelfde fragment", "overlappende fragmenten", "zelfde verhaal"]
        rijen = [
            [p.code_a.name, p.code_b.name, p.zelfde_fragment, p.overlappend, p.zelfde_verhaal]
            for p in paren
        ]
        datum = timezone.localdate().isoformat()
        return csv_response(f"codeboek-samenhang-{datum}.csv", kop, rijen)
    pagina = Paginator(paren, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "codeboek/samenhang.html",
        {
            "pagina": pagina,
            "filter": filterset,
            "filters_querystring": filterset.gebruikte_filters(),
        },
    )


# --- Keeping the codebook ---------------------------------------------------


@vereist("verhalen.view_fragment", "carelab.add_thema")
@require_http_methods(["GET", "HEAD", "POST"])
def code_nieuw(request):
    onder = Thema.objects.filter(slug=request.GET.get("onder")).first()
    form = SubcodeForm(request.POST or None, initial={"parent": onder.pk if onder else None})
    if request.method == "POST" and form.is_valid():
        code = services.maak_subcode(
            naam=form.cleaned_data["name"],
            parent=form.cleaned_data["parent"],
            beschrijving=form.cleaned_data["beschrijving"],
            definitie=form.cleaned_data["definitie"],
            voorbeeld=form.cleaned_data["voorbeeld"],
            kleur=form.cleaned_data["kleur"],
            door=request.user,
        )
        messages.success(request, f"De subcode “{code.name}” is toegevoegd.")
        return redirect("codeboek:detail", slug=code.slug)
    return render(request, "codeboek/code_nieuw.html", {"form": form, "onder": onder})


def _bevestigd(request):
    return request.method == "POST" and request.POST.get("bevestigd") == "ja"


@vereist("verhalen.view_fragment", "carelab.change_thema")
@require_http_methods(["GET", "HEAD", "POST"])
def code_bewerken(request, slug):
    code = get_object_or_404(Thema, slug=slug)
    form = CodeForm(request.POST or None, instance=Thema.objects.get(pk=code.pk))
    if request.method == "POST" and form.is_valid():
        wijzigingen = [
            {
                "label": form.fields[naam].label,
                "oud": getattr(code, naam),
                "nieuw": form.cleaned_data[naam],
            }
            for naam in form.changed_data
        ]
        if not wijzigingen:
            messages.info(request, "Er was niets veranderd.")
            return redirect("codeboek:detail", slug=code.slug)
        if not _bevestigd(request):
            return render(
                request,
                "codeboek/code_bevestigen.html",
                {"code": code, "form": form, "wijzigingen": wijzigingen, "actie": "bewerken"},
            )
        services.wijzig_code(
            code=code,
            door=request.user,
            **{naam: form.cleaned_data[naam] for naam in form.changed_data},
        )
        messages.success(request, f"De code “{code.name}” is bijgewerkt.")
        return redirect("codeboek:detail", slug=code.slug)
    return render(request, "codeboek/code_bewerken.html", {"code": code, "form": form})


@vereist("verhalen.view_fragment", "carelab.change_thema")
@require_http_methods(["GET", "HEAD", "POST"])
def code_verplaatsen(request, slug):
    code = get_object_or_404(Thema.objects.select_related("parent"), slug=slug)
    if code.is_kennisagenda:
        messages.error(request, "Een thema uit de kennisagenda blijft een hoofdthema.")
        return redirect("codeboek:detail", slug=code.slug)
    form = VerplaatsForm(request.POST or None, code=code)
    if request.method == "POST" and form.is_valid():
        parent = form.cleaned_data["parent"]
        if not _bevestigd(request):
            return render(
                request,
                "codeboek/code_bevestigen.html",
                {"code": code, "form": form, "actie": "verplaatsen", "parent": parent},
            )
        services.verplaats_code(code=code, parent=parent, door=request.user)
        messages.success(request, f"De code “{code.name}” valt nu onder “{parent.name}”.")
        return redirect("codeboek:index")
    return render(request, "codeboek/code_verplaatsen.html", {"code": code, "form": form})


@vereist("verhalen.view_fragment", "carelab.change_thema", "verhalen.change_fragment")
@require_http_methods(["GET", "HEAD", "POST"])
def code_samenvoegen(request, slug):
    code = get_object_or_404(Thema.objects.select_related("parent"), slug=slug)
    if code.is_kennisagenda:
        messages.error(request, "Een thema uit de kennisagenda kan niet in een andere code opgaan.")
        return redirect("codeboek:detail", slug=code.slug)
    form = SamenvoegForm(request.POST or None, code=code)
    if request.method == "POST" and form.is_valid():
        doel = form.cleaned_data["doel"]
        if not _bevestigd(request):
            fragment_ids = FragmentThema.objects.filter(tag=code).values("content_object_id")
            return render(
                request,
                "codeboek/code_bevestigen.html",
                {
                    "code": code,
                    "form": form,
                    "actie": "samenvoegen",
                    "doel": doel,
                    # All fragments, whatever their story's consent: the merge moves them all.
                    "aantal_fragmenten": Fragment.objects.filter(pk__in=fragment_ids).count(),
                    "aantal_al_gecodeerd": FragmentThema.objects.filter(
                        tag=doel, content_object_id__in=fragment_ids
                    ).count(),
                    "subcodes": code.subcodes.all(),
                },
            )
        try:
            uitkomst = services.voeg_codes_samen(bron=code, doel=doel, door=request.user)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(
                request,
                f"“{code.name}” is samengevoegd met “{doel.name}”: "
                f"{uitkomst.fragmenten} fragment(en) hebben nu de code “{doel.name}”.",
            )
            return redirect("codeboek:detail", slug=doel.slug)
    return render(request, "codeboek/code_samenvoegen.html", {"code": code, "form": form})


@vereist("verhalen.view_fragment")
@require_safe
def geschiedenis(request):
    """Every change to the codebook: additions, renames, moves, merges."""
    wijzigingen = Thema.history.select_related("history_user").order_by("-history_date", "-pk")
    pagina = Paginator(wijzigingen, 50).get_page(request.GET.get("pagina"))
    return render(request, "codeboek/geschiedenis.html", {"pagina": pagina})
