"""Pages of themed collections: reading (everyone, by audience), curating
(researchers), reflections (Brede Raad), export, and the text-size setting.

Who may open a collection is decided by `Collectie.objects.leesbaar_voor`;
which of its stories they see by the one visibility rule (see
verhalen/models/collectie.py). A collection a reader may not open answers
404, so its existence is not revealed.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_POST

from accounts.sessieduur import bewaarde_invoer, herstelt_invoer, vul_aan
from toolkit import paginering
from toolkit.templatetags.opmaak import TEKSTGROOTTE_COOKIE, TEKSTGROOTTES
from verhalen.forms.collecties import (
    CollectieForm,
    CollectieItemForm,
    ReflectieForm,
    VoegToeForm,
    ZoekVerhaalForm,
)
from verhalen.models import Fragment, Handeling, Verhaal
from verhalen.models.collectie import (
    Collectie,
    CollectieItem,
    Reflectie,
)
from verhalen.services import collecties as services
from verhalen.services import inzage, tellingen

COLLECTIES_PER_PAGINA = 12
REFLECTIES_PER_PAGINA = 20
REFLECTIE_VOLGORDE = ("aangemaakt_op", "pk")
ZOEKRESULTATEN_PER_PAGINA = 10


def _veilige_terugweg(request, standaard):
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if volgende and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return standaard


# -------------------------------------------------------------------- reading


def collectie_list(request):
    user = request.user
    collecties = (
        Collectie.objects.leesbaar_voor(user)
        .annotate(aantal_verhalen=tellingen.aantal_verhalen(user))
        .prefetch_related(Prefetch("themas", to_attr="themas_lijst"))
        .nieuwste_eerst()
    )
    pagina = Paginator(collecties, COLLECTIES_PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "collecties/collectie_list.html",
        {"pagina": pagina, "collecties": pagina.object_list},
    )


def _reflecties_bij_alineas(collectie, leesitems, user):
    """Hang each visible reflection on a passage beside its paragraph (the
    paragraphs of the stories on this reading page)."""
    if not user.has_perm("verhalen.view_reflectie") or not leesitems:
        return
    alineas = {
        (leesitem.item.verhaal_id, alinea.start): alinea
        for leesitem in leesitems
        for alinea in leesitem.alineas
    }
    for reflectie in (
        Reflectie.objects.leesbaar_voor(user)
        .filter(
            collectie=collectie,
            verhaal_id__in={leesitem.item.verhaal_id for leesitem in leesitems},
        )
        .select_related("auteur")
        .order_by("aangemaakt_op", "pk")
    ):
        alinea = alineas.get((reflectie.verhaal_id, reflectie.start))
        if alinea is not None:
            alinea.reflecties.append(reflectie)


def _paginanummer(request):
    """The reading page asked for. After a session ended while the reader was
    writing a reflection, the page it was written on (its form carries the
    page; vul_aan then fills the form with what was typed)."""
    if "pagina" in request.GET:
        return request.GET["pagina"]
    invoer = bewaarde_invoer(request)
    if invoer and invoer["pagina"] == request.path:
        return (invoer["velden"].get("pagina") or [None])[0]
    return None


def _render_collectie(request, collectie, reflectie_form=None, status=200, lees=None):
    user = request.user
    reflecties = (
        Reflectie.objects.leesbaar_voor(user)
        .filter(collectie=collectie)
        .select_related("auteur", "verhaal")
        .defer("verhaal__zoekvector", "verhaal__zoeklemmas", "verhaal__zoeklemmas_bron")
        .order_by(*REFLECTIE_VOLGORDE)
    )
    # A link to one reflection (Reflectie.get_absolute_url) opens the reading
    # page of its passage and the page of reflections that holds it.
    gevraagd = None
    if "reflectie" in request.GET:
        gevraagd = reflecties.filter(pk=_getal(request.GET["reflectie"])).first()
    if lees is None:
        # "Reageer op dit stuk" links carry only the passage (story-start-end).
        passage_verhaal = _getal(request.GET.get("passage", "").split("-")[0]) or None
        if gevraagd is not None and "pagina" not in request.GET:
            passage_verhaal = passage_verhaal or gevraagd.verhaal_id
        lees = services.leespagina(
            collectie, user, _paginanummer(request), verhaal_id=passage_verhaal
        )
    leesitems = lees.leesitems
    reflectie_paginanummer = request.GET.get("reflecties")
    if gevraagd is not None and reflectie_paginanummer is None:
        reflectie_paginanummer = paginering.paginanummer_van(
            reflecties, gevraagd, volgorde=REFLECTIE_VOLGORDE, per_pagina=REFLECTIES_PER_PAGINA
        )
    reflectie_pagina = Paginator(reflecties, REFLECTIES_PER_PAGINA).get_page(reflectie_paginanummer)
    for reflectie in reflectie_pagina.object_list:
        # Where its passage is read: the story's page and anchor, if it is still here.
        reflectie.passage_regel = lees.regel_van_verhaal(reflectie.verhaal_id)
    _reflecties_bij_alineas(collectie, leesitems, user)
    if reflectie_form is None and user.has_perm("verhalen.add_reflectie"):
        reflectie_form = ReflectieForm(
            leesitems=leesitems, initial={"passage": request.GET.get("passage", "")}
        )
        vul_aan(request, reflectie_form)
    # Logged in readers are logged (anonymous visitors only read public
    # collections): the stories shown, those of this page.
    inzage.leg_vast(
        request=request,
        handeling=Handeling.COLLECTIE_GELEZEN,
        aantal=len(leesitems),
        onderwerp=collectie.slug,
    )
    return render(
        request,
        "collecties/collectie_detail.html",
        {
            "collectie": collectie,
            "themas": list(collectie.themas.all()),
            "inhoud": lees.inhoud,
            "leespagina": lees.pagina,
            "paginanummers": lees.pagina.paginator.get_elided_page_range(lees.pagina.number),
            "leesitems": leesitems,
            "toon_reflecties": user.has_perm("verhalen.view_reflectie"),
            "mag_reflecteren": user.has_perm("verhalen.add_reflectie"),
            # The reading guide names only the themes that are really marked here.
            "getoonde_themas": sorted(
                {naam for leesitem in leesitems for naam in leesitem.themas_getoond}
            ),
            "reflectie_pagina": reflectie_pagina,
            "reflectie_form": reflectie_form,
        },
        status=status,
    )


def collectie_detail(request, slug):
    collectie = get_object_or_404(
        Collectie.objects.leesbaar_voor(request.user).select_related("curator"), slug=slug
    )
    return _render_collectie(request, collectie)


# ----------------------------------------------------------------- reflections


@herstelt_invoer(pagina="collecties:detail")
@require_POST
@login_required
@permission_required("verhalen.add_reflectie", raise_exception=True)
def reflectie_nieuw(request, slug):
    collectie = get_object_or_404(Collectie.objects.leesbaar_voor(request.user), slug=slug)
    # The passages to choose from are those of the page the form was on.
    lees = services.leespagina(collectie, request.user, request.POST.get("pagina"))
    form = ReflectieForm(request.POST, leesitems=lees.leesitems)
    if not form.is_valid():
        return _render_collectie(request, collectie, reflectie_form=form, status=400, lees=lees)
    reflectie = services.schrijf_reflectie(
        collectie=collectie,
        auteur=request.user,
        tekst=form.cleaned_data["tekst"],
        passage=form.cleaned_data["passage"],
    )
    messages.success(request, "Dank je wel. Je reflectie staat bij de collectie.")
    # Back to the reading page the reader was on, at their reflection.
    waar = {"pagina": lees.pagina.number} if lees.pagina.number > 1 else {}
    waar["reflectie"] = reflectie.pk
    return redirect(f"{collectie.get_absolute_url()}?{urlencode(waar)}#reflectie-{reflectie.pk}")


def _eigen_reflectie(request, slug, pk):
    """The reflection, if it is the requester's own (members write with
    verhalen.add_reflectie and may change or remove only what they wrote)."""
    collectie = get_object_or_404(Collectie.objects.leesbaar_voor(request.user), slug=slug)
    reflectie = get_object_or_404(
        Reflectie.objects.leesbaar_voor(request.user), collectie=collectie, pk=pk
    )
    if not reflectie.is_van(request.user):
        raise PermissionDenied("Alleen de schrijver kan deze reflectie aanpassen.")
    return collectie, reflectie


@herstelt_invoer
@require_http_methods(["GET", "POST"])
@login_required
@permission_required("verhalen.add_reflectie", raise_exception=True)
def reflectie_bewerken(request, slug, pk):
    collectie, reflectie = _eigen_reflectie(request, slug, pk)
    form = ReflectieForm(request.POST or None, instance=reflectie)
    vul_aan(request, form)
    if request.method == "POST" and form.is_valid():
        services.wijzig_reflectie(
            reflectie=reflectie, door=request.user, tekst=form.cleaned_data["tekst"]
        )
        messages.success(request, "Je reflectie is aangepast.")
        return redirect(reflectie.get_absolute_url())
    return render(
        request,
        "collecties/reflectie_form.html",
        {"collectie": collectie, "reflectie": reflectie, "form": form},
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("verhalen.add_reflectie", raise_exception=True)
def reflectie_verwijderen(request, slug, pk):
    collectie, reflectie = _eigen_reflectie(request, slug, pk)
    if request.method == "POST":
        services.verwijder_reflectie(reflectie=reflectie, door=request.user)
        messages.success(request, "Je reflectie is verwijderd.")
        return redirect(f"{collectie.get_absolute_url()}#reflecties")
    return render(
        request,
        "collecties/reflectie_confirm_delete.html",
        {"collectie": collectie, "reflectie": reflectie},
    )


# ------------------------------------------------------------------ curating


def _bewerkpagina(request, collectie, form=None, status=200):
    if form is None:
        form = CollectieForm(instance=collectie)
        vul_aan(request, form)
    zoekform = ZoekVerhaalForm(request.GET or None)
    kandidaten = None
    if zoekform.is_valid() and zoekform.cleaned_data["zoek"]:
        kandidaten = Paginator(
            collectie.zichtbare_verhalen(request.user)
            .filter(titel__icontains=zoekform.cleaned_data["zoek"])
            .exclude(collectie_items__collectie=collectie)
            .order_by("titel", "pk"),
            ZOEKRESULTATEN_PER_PAGINA,
        ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "collecties/collectie_bewerken.html",
        {
            "collectie": collectie,
            "form": form,
            "overzicht": services.beheeroverzicht(collectie, request.user),
            "zoekform": zoekform,
            "kandidaten": kandidaten,
            "geschiedenis": services.geschiedenis(collectie, request.user),
        },
        status=status,
    )


@herstelt_invoer
@require_http_methods(["GET", "POST"])
@login_required
@permission_required("verhalen.add_collectie", raise_exception=True)
def collectie_nieuw(request):
    form = CollectieForm(request.POST or None)
    vul_aan(request, form)
    if request.method == "POST" and form.is_valid():
        collectie = services.maak_collectie(
            titel=form.cleaned_data["titel"],
            slug=form.cleaned_data["slug"],
            publiek=form.cleaned_data["publiek"],
            inleiding=form.cleaned_data["inleiding"],
            themas=form.cleaned_data["themas"],
            curator=request.user,
        )
        messages.success(
            request,
            "De collectie is aangemaakt als concept. Voeg nu verhalen toe.",
        )
        return redirect("collecties:bewerken", slug=collectie.slug)
    return render(request, "collecties/collectie_nieuw.html", {"form": form})


@herstelt_invoer
@require_http_methods(["GET", "POST"])
@login_required
@permission_required("verhalen.change_collectie", raise_exception=True)
def collectie_bewerken(request, slug):
    collectie = get_object_or_404(Collectie, slug=slug)
    if request.method != "POST":
        return _bewerkpagina(request, collectie)
    form = CollectieForm(request.POST, instance=collectie)
    if not form.is_valid():
        return _bewerkpagina(request, Collectie.objects.get(pk=collectie.pk), form, status=400)
    verborgen = services.wijzig_collectie(
        collectie=collectie,
        door=request.user,
        titel=form.cleaned_data["titel"],
        slug=form.cleaned_data["slug"],
        publiek=form.cleaned_data["publiek"],
        inleiding=form.cleaned_data["inleiding"],
        themas=form.cleaned_data["themas"],
    )
    messages.success(request, "De gegevens van de collectie zijn opgeslagen.")
    if verborgen:
        messages.warning(
            request,
            f"Let op: {verborgen} verhaal/verhalen in deze collectie zijn nu verborgen, "
            "omdat de toestemming niet past bij het publiek. Je ziet ze hieronder.",
        )
    return redirect("collecties:bewerken", slug=collectie.slug)


@require_POST
@login_required
@permission_required("verhalen.change_collectie", raise_exception=True)
def collectie_publiceren(request, slug):
    collectie = get_object_or_404(Collectie, slug=slug)
    if request.POST.get("actie") == "concept":
        services.zet_terug_naar_concept(collectie=collectie, door=request.user)
        messages.success(
            request, "De collectie is weer een concept. Alleen onderzoekers zien haar."
        )
    else:
        try:
            services.publiceer_collectie(collectie=collectie, door=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "De collectie is gepubliceerd.")
    return redirect("collecties:bewerken", slug=collectie.slug)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("verhalen.delete_collectie", raise_exception=True)
def collectie_verwijderen(request, slug):
    collectie = get_object_or_404(Collectie, slug=slug)
    if request.method == "POST":
        services.verwijder_collectie(collectie=collectie, door=request.user)
        messages.success(request, f"De collectie “{collectie.titel}” is verwijderd.")
        return redirect("collecties:list")
    return render(request, "collecties/collectie_confirm_delete.html", {"collectie": collectie})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("verhalen.add_collectieitem", raise_exception=True)
def voeg_toe(request):
    """Add a story (from the story page, the story list or a code's fragments)."""
    bron = request.POST if request.method == "POST" else request.GET
    verhaal = get_object_or_404(
        Verhaal.objects.zichtbaar_voor(request.user), pk=_getal(bron.get("verhaal"))
    )
    initial = {"verhaal": verhaal}
    if bron.get("fragment"):
        initial["fragmenten"] = Fragment.objects.zichtbaar_voor(request.user).filter(
            verhaal=verhaal, pk=_getal(bron.get("fragment"))
        )
    if bron.get("collectie"):
        initial["collectie"] = _getal(bron.get("collectie"))
    form = VoegToeForm(
        request.POST if request.POST.get("bevestig") else None,
        user=request.user,
        verhaal=verhaal,
        initial=initial,
    )
    if form.is_bound and form.is_valid():
        collectie = form.cleaned_data["collectie"]
        try:
            services.voeg_verhaal_toe(
                collectie=collectie,
                verhaal=verhaal,
                door=request.user,
                fragmenten=form.cleaned_data["fragmenten"],
                notitie=form.cleaned_data["notitie"],
            )
        except ValidationError as error:
            for bericht in _berichten(error):
                form.add_error("collectie", bericht)
        else:
            messages.success(
                request, f"“{verhaal.titel}” staat nu in de collectie “{collectie.titel}”."
            )
            return HttpResponseRedirect(
                _veilige_terugweg(request, reverse("collecties:bewerken", args=[collectie.slug]))
            )
    return render(
        request,
        "collecties/voeg_toe.html",
        {
            "form": form,
            "verhaal": verhaal,
            "next": _veilige_terugweg(request, ""),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
@permission_required("verhalen.add_collectieitem", raise_exception=True)
def voeg_toe_snel(request, slug):
    """One click from the search results on the edit page: add without excerpt."""
    collectie = get_object_or_404(Collectie, slug=slug)
    verhaal = get_object_or_404(
        Verhaal.objects.zichtbaar_voor(request.user), pk=_getal(request.POST.get("verhaal"))
    )
    try:
        services.voeg_verhaal_toe(collectie=collectie, verhaal=verhaal, door=request.user)
    except ValidationError as error:
        for bericht in _berichten(error):
            messages.error(request, bericht)
    else:
        messages.success(request, f"“{verhaal.titel}” is toegevoegd.")
    return HttpResponseRedirect(
        _veilige_terugweg(request, reverse("collecties:bewerken", args=[collectie.slug]))
    )


def _getal(waarde):
    return int(waarde) if str(waarde or "").isdigit() else 0


def _berichten(error):
    if hasattr(error, "message_dict"):
        return [bericht for berichten in error.message_dict.values() for bericht in berichten]
    return error.messages


def _item_van(collectie_slug, pk):
    return get_object_or_404(
        CollectieItem.objects.select_related("collectie", "verhaal"),
        collectie__slug=collectie_slug,
        pk=pk,
    )


@herstelt_invoer
@require_http_methods(["GET", "POST"])
@login_required
@permission_required("verhalen.change_collectieitem", raise_exception=True)
def item_bewerken(request, slug, pk):
    item = _item_van(slug, pk)
    if item.verhaal.is_ingetrokken:
        messages.error(request, "Dit verhaal is ingetrokken. Je kunt het alleen nog weghalen.")
        return redirect("collecties:bewerken", slug=slug)
    if request.method != "POST":  # the form lists the story's coded quotes
        inzage.leg_vast(request=request, handeling=Handeling.VERHAAL_BEKEKEN, verhaal=item.verhaal)
    form = CollectieItemForm(request.POST or None, instance=item, user=request.user)
    vul_aan(request, form)
    if request.method == "POST" and form.is_valid():
        services.wijzig_item(
            item=item,
            door=request.user,
            notitie=form.cleaned_data["notitie"],
            fragmenten=form.cleaned_data["fragmenten"],
            inhoudswaarschuwingen=form.cleaned_data["inhoudswaarschuwingen"],
            inhoudswaarschuwing_anders=form.cleaned_data["inhoudswaarschuwing_anders"],
        )
        messages.success(request, f"“{item.verhaal.titel}” is bijgewerkt.")
        return redirect(f"{reverse('collecties:bewerken', args=[slug])}#item-{item.pk}")
    return render(
        request,
        "collecties/item_form.html",
        {"collectie": item.collectie, "item": item, "form": form},
    )


@require_POST
@login_required
@permission_required("verhalen.change_collectieitem", raise_exception=True)
def item_verplaatsen(request, slug, pk):
    item = _item_van(slug, pk)
    richting = request.POST.get("richting")
    if richting in ("omhoog", "omlaag"):
        services.verplaats_item(item=item, richting=richting, door=request.user)
    return redirect(f"{reverse('collecties:bewerken', args=[slug])}#item-{item.pk}")


@require_POST
@login_required
@permission_required("verhalen.delete_collectieitem", raise_exception=True)
def item_verwijderen(request, slug, pk):
    item = _item_van(slug, pk)
    services.verwijder_item(item=item, door=request.user)
    messages.success(request, "Het verhaal is uit de collectie gehaald.")
    return redirect(f"{reverse('collecties:bewerken', args=[slug])}#verhalen")


# ------------------------------------------------------------------- export


@login_required
@permission_required("verhalen.exporteer_collectie", raise_exception=True)
def collectie_export(request, slug, formaat):
    collectie = get_object_or_404(Collectie.objects.leesbaar_voor(request.user), slug=slug)
    gegevens = services.export_gegevens(collectie, request.user)
    inzage.leg_vast(
        request=request,
        handeling=Handeling.COLLECTIE_EXPORT,
        aantal=len(gegevens["verhalen"]),
        onderwerp=collectie.slug,
    )
    bestandsnaam = f"collectie-{slugify(collectie.slug)}.{formaat}"
    return _download(gegevens, formaat, bestandsnaam, services.export_markdown)


def _download(gegevens, formaat, bestandsnaam, als_markdown):
    """The export data as a JSON or Markdown attachment."""
    if formaat == "json":
        response = HttpResponse(
            json.dumps(gegevens, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
    else:
        response = HttpResponse(als_markdown(gegevens), content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


@login_required
@permission_required("verhalen.add_reflectie", raise_exception=True)
def eigen_reflecties_export(request, formaat):
    """Everything the member wrote as reflections, as a download."""
    gegevens = services.eigen_reflecties(request.user)
    return _download(
        gegevens, formaat, f"mijn-reflecties.{formaat}", services.eigen_reflecties_markdown
    )


# ---------------------------------------------------------------- text size


@require_POST
def tekstgrootte(request):
    """Store the reader's text size in a cookie and go back (no JS needed)."""
    grootte = request.POST.get("grootte", "")
    if request.headers.get("X-Requested-With") == "fetch":
        response = HttpResponse(status=204 if grootte in TEKSTGROOTTES else 400)
    else:
        response = HttpResponseRedirect(_veilige_terugweg(request, reverse("home")))
    if grootte in TEKSTGROOTTES:
        response.set_cookie(
            TEKSTGROOTTE_COOKIE,
            grootte,
            max_age=60 * 60 * 24 * 365,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    return response


# ---------------------------------------------- sections on shared pages
# Registered in VerhalenConfig.ready() (kennisagenda.sections); each returns the
# section's context, or None to leave the section out.

THEMA_COLLECTIES_MAX = 6
HOME_COLLECTIES_MAX = 3


def _thema_en_subcodes(thema):
    return [thema.pk, *thema.subcodes.values_list("pk", flat=True)]


def sectie_thema_collecties(request, thema):
    """Theme hub: the collections on this theme (or its sub-codes) the viewer may read."""
    user = request.user
    collecties = list(
        Collectie.objects.leesbaar_voor(user)
        .filter(themas__in=_thema_en_subcodes(thema))
        .distinct()
        .annotate(aantal_verhalen=tellingen.aantal_verhalen(user))
        .prefetch_related(Prefetch("themas", to_attr="themas_lijst"))
        .nieuwste_eerst()[: THEMA_COLLECTIES_MAX + 1]
    )
    if not collecties:
        return None
    return {
        "thema": thema,
        "collecties": collecties[:THEMA_COLLECTIES_MAX],
        "meer": len(collecties) > THEMA_COLLECTIES_MAX,
    }


def sectie_thema_tellingen(request, thema):
    """Theme hub: how many stories and fragments on this theme the viewer may see.

    Researchers count every story the visibility rule shows them. Everyone
    else counts only stories in collections they may read, so nobody learns
    how many restricted stories exist. Nothing to count → no section. The
    numbers are stored per audience (verhalen/services/tellingen.py).
    """
    aantal_verhalen, aantal_fragmenten = tellingen.voor_code(request.user, thema)
    if not aantal_verhalen:
        return None
    return {
        "thema": thema,
        "aantal_verhalen": aantal_verhalen,
        "aantal_fragmenten": aantal_fragmenten,
        "alleen_collecties": not request.user.has_perm("verhalen.view_verhaal"),
    }


def sectie_home_collecties(request, obj=None):
    """Home page: the latest published public collections."""
    collecties = list(
        Collectie.objects.gepubliceerd()
        .openbaar()
        .annotate(aantal_verhalen=tellingen.aantal_verhalen(request.user))
        .prefetch_related(Prefetch("themas", to_attr="themas_lijst"))
        .order_by("-gepubliceerd_op", "titel")[:HOME_COLLECTIES_MAX]
    )
    if not collecties:
        return None
    return {"collecties": collecties}
