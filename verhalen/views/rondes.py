"""Coding rounds under /codeboek/rondes/: set up, code blind, close, settle.

Who may do what (see services/rondes.py for the rules):
- list and round pages: researchers (perm verhalen.view_coderingsronde);
  while a round is open its page shows progress, never codings;
- set up: verhalen.add_coderingsronde;
- code in a round (story page, JSON endpoints of the workspace, klaar):
  the round's coders, only their own codings (others: 403);
- close: who set the round up; settle: they and the round's coders.
Anonymous visitors go to the login page; the JSON endpoints answer 401/403
as JSON like the story page's workspace (views/werkruimte.py).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from toolkit.csv_export import csv_response
from toolkit.rechten import vereist
from verhalen.forms.filters import VerhaalFilter
from verhalen.forms.rondes import MEESTE_VERHALEN, BeslissingForm, RondecoderingForm, RondeForm
from verhalen.models import Coderingsronde, Handeling, Keuze, Rondecodering, Verhaal
from verhalen.selectors import rondes as selectors
from verhalen.services import inzage
from verhalen.services import rondes as services
from verhalen.tekst.posities import segmenteer
from verhalen.templatetags.codering import fragmentlijst_html, verhaaltekst
from verhalen.views.werkruimte import _fout, json_rechten, kiezergegevens

LEZEN = "verhalen.view_coderingsronde"


def _ronde(pk):
    return get_object_or_404(Coderingsronde.objects.select_related("aangemaakt_door"), pk=pk)


@vereist(LEZEN)
@require_safe
def lijst(request):
    rondes = Coderingsronde.objects.met_lijstgegevens()
    return render(request, "codeboek/rondes/lijst.html", {"rondes": rondes})


@vereist(LEZEN, "verhalen.add_coderingsronde", "verhalen.view_verhaal")
@require_http_methods(["GET", "HEAD", "POST"])
def nieuw(request):
    filterset = VerhaalFilter(
        request.GET or None,
        queryset=Verhaal.objects.zichtbaar_voor(request.user).defer(
            "zoekvector", "zoeklemmas", "zoeklemmas_bron"
        ),
    )
    geldig = not filterset.is_bound or filterset.is_valid()
    kandidaten = filterset.qs.order_by("titel", "pk") if geldig else Verhaal.objects.none()
    form = RondeForm(request.POST or None, kandidaten=kandidaten)
    if request.method == "POST" and form.is_valid():
        try:
            ronde = services.maak_ronde(
                titel=form.cleaned_data["titel"],
                toelichting=form.cleaned_data["toelichting"],
                verhalen=kandidaten.filter(pk__in=form.cleaned_data["gekozen"]),
                codes=form.cleaned_data["codes"],
                codeurs=form.cleaned_data["codeurs"],
                door=request.user,
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(
                request, f"De coderingsronde “{ronde.titel}” staat klaar voor de codeurs."
            )
            return redirect(ronde)
    aantal = kandidaten.count()
    if aantal > MEESTE_VERHALEN:
        form.fields["verhalen"].queryset = kandidaten[:MEESTE_VERHALEN]
    return render(
        request,
        "codeboek/rondes/nieuw.html",
        {"form": form, "filter": filterset, "aantal": aantal, "meeste": MEESTE_VERHALEN},
    )


@vereist(LEZEN)
@require_safe
def detail(request, pk):
    ronde = _ronde(pk)
    codeurs = list(ronde.codeurs.order_by("pk"))
    is_codeur = any(codeur.pk == request.user.pk for codeur in codeurs)
    voortgang = [
        (verhaal, [codeur.pk in klaar for codeur in codeurs])
        for verhaal, klaar in selectors.voortgang(ronde, request.user)
    ]
    context = {
        "ronde": ronde,
        "codeurs": codeurs,
        "codes": ronde.codes.order_by("name"),
        "is_codeur": is_codeur,
        "voortgang": voortgang,
        "klaar_per_codeur": [sum(rij[1][i] for rij in voortgang) for i in range(len(codeurs))],
        "mag_sluiten": services.mag_sluiten(ronde, request.user),
        "mag_beslechten": services.mag_beslechten(ronde, request.user),
        "uitkomst": ronde.uitkomst or None,
    }
    return render(request, "codeboek/rondes/detail.html", context)


@vereist(LEZEN)
@require_POST
def sluiten(request, pk):
    ronde = _ronde(pk)
    ronde = services.sluit_ronde(ronde=ronde, door=request.user)
    messages.success(
        request, "De ronde is gesloten. De overeenstemming is berekend en staat hieronder."
    )
    return redirect(ronde)


@vereist(LEZEN)
@require_safe
def betrouwbaarheid_csv(request, pk):
    """The reliability data: one row per unit and code, one column per coder
    (1 applied, 0 not, empty: missing). No text: story number and offsets.
    Recorded in the access log like every export (how many stories, the round)."""
    ronde = _ronde(pk)
    if ronde.is_open:
        raise PermissionDenied("De gegevens komen vrij als de ronde gesloten is.")
    uitkomst = ronde.uitkomst
    zichtbaar = set(selectors.verhalen_van(ronde, request.user).values_list("pk", flat=True))
    kop = ["code", "verhaal", "eenheid_begin", "eenheid_einde"] + [
        c["naam"] for c in uitkomst["codeurs"]
    ]
    rijen = []
    for code in uitkomst["codes"]:
        waarden = iter(code["waarden"])
        for verhaal in uitkomst["verhalen"]:
            for start, eind in verhaal["eenheden"]:
                rij = next(waarden)
                if verhaal["id"] in zichtbaar:
                    rijen.append(
                        [code["naam"], verhaal["id"], start, eind]
                        + ["" if w is None else w for w in rij]
                    )
    inzage.leg_vast(
        request=request,
        handeling=Handeling.RONDE_EXPORT,
        aantal=len(zichtbaar),
        onderwerp=ronde.titel,
    )
    return csv_response(f"ronde-{ronde.pk}-betrouwbaarheid.csv", kop, rijen)


# --- Coding in a round: the workspace with the round's addresses ------------------------


def _als_codeur(request, pk, verhaal_pk):
    """The round, one of its visible stories, for one of its coders (else 403/404)."""
    ronde = _ronde(pk)
    if not ronde.codeurs.filter(pk=request.user.pk).exists():
        raise PermissionDenied("Je bent geen codeur in deze ronde.")
    verhaal = get_object_or_404(selectors.verhalen_van(ronde, request.user), pk=verhaal_pk)
    return ronde, verhaal


def _adres_van(ronde, verhaal):
    def adres(codering, naam):
        soort = "bewerken" if naam == "fragment_bewerken" else "verwijderen"
        return reverse(f"codeboek:ronde_codering_{soort}", args=[ronde.pk, verhaal.pk, codering.pk])

    return adres


def rondecodering_context(ronde, verhaal, user, *, form=None, codering=None):
    """The workspace's context for `user`'s own codings of `verhaal` in `ronde`."""
    coderingen = selectors.eigen_coderingen(ronde, verhaal, user)
    if codering is not None:
        codering = next((c for c in coderingen if c.pk == codering.pk), codering)
    if form is None and ronde.is_open and verhaal.tekst:
        form = RondecoderingForm(verhaal=verhaal, ronde=ronde)
    kiezer = None
    if form is not None:
        kiezer = kiezergegevens(user, alleen=ronde.codes.all())
        kiezer["nieuw_url"] = reverse(
            "codeboek:ronde_codering_nieuw_json", args=[ronde.pk, verhaal.pk]
        )
    adres = reverse("codeboek:ronde_verhaal", args=[ronde.pk, verhaal.pk])
    if codering is not None:
        adres = reverse(
            "codeboek:ronde_codering_bewerken", args=[ronde.pk, verhaal.pk, codering.pk]
        )
    return {
        "verhaal": verhaal,
        "fragmenten": coderingen,
        "segmenten": segmenteer(verhaal.tekst, coderingen),
        "tekstlengte": len(verhaal.tekst),
        "form": form,
        "bewerkt_fragment": codering,
        "kiezer": kiezer,
        "formadres": adres,
        "adres_van": _adres_van(ronde, verhaal) if ronde.is_open else None,
    }


def _rondepagina(request, ronde, verhaal, codering_context, *, bewerken=False):
    verhalen = list(selectors.verhalen_van(ronde, request.user).values_list("pk", flat=True))
    plek = verhalen.index(verhaal.pk)
    return render(
        request,
        "codeboek/rondes/verhaal.html",
        {
            "ronde": ronde,
            "verhaal": verhaal,
            "codering": codering_context,
            "bewerken": bewerken,
            "klaar": ronde.klaar.filter(codeur=request.user, verhaal=verhaal).exists(),
            "nummer": plek + 1,
            "aantal": len(verhalen),
            "vorige": verhalen[plek - 1] if plek > 0 else None,
            "volgende": verhalen[plek + 1] if plek + 1 < len(verhalen) else None,
        },
    )


def _opslaan(request, ronde, verhaal, form, codering=None):
    velden = {k: form.cleaned_data[k] for k in ("start", "eind", "codes", "memo")}
    if codering is None:
        return services.codeer(ronde=ronde, verhaal=verhaal, codeur=request.user, **velden)
    return services.wijzig_codering(rondecodering=codering, door=request.user, **velden)


@vereist(LEZEN, "verhalen.view_verhaal")
@require_http_methods(["GET", "HEAD", "POST"])
def ronde_verhaal(request, pk, verhaal_pk):
    """A story of the round: the coder's own codings in the workspace; the form
    (no JavaScript) saves a new one here."""
    ronde, verhaal = _als_codeur(request, pk, verhaal_pk)
    form = None
    if request.method != "POST":  # the whole text is shown: logged like the story page
        inzage.leg_vast(request=request, handeling=Handeling.VERHAAL_BEKEKEN, verhaal=verhaal)
    if request.method == "POST":
        form = RondecoderingForm(request.POST, verhaal=verhaal, ronde=ronde)
        if form.is_valid():
            try:
                _opslaan(request, ronde, verhaal, form)
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(request, "Je codering is opgeslagen (alleen jij ziet haar).")
                return redirect(request.path)
    context = rondecodering_context(ronde, verhaal, request.user, form=form)
    return _rondepagina(request, ronde, verhaal, context)


def _eigen_codering(request, ronde, verhaal, codering_pk):
    return get_object_or_404(
        Rondecodering.objects.filter(ronde=ronde, verhaal=verhaal, codeur=request.user),
        pk=codering_pk,
    )


@vereist(LEZEN, "verhalen.view_verhaal")
@require_http_methods(["GET", "HEAD", "POST"])
def codering_bewerken(request, pk, verhaal_pk, codering_pk):
    ronde, verhaal = _als_codeur(request, pk, verhaal_pk)
    codering = _eigen_codering(request, ronde, verhaal, codering_pk)
    codering.verhaal = verhaal
    form = RondecoderingForm(request.POST or None, verhaal=verhaal, ronde=ronde, fragment=codering)
    if request.method == "POST" and form.is_valid():
        try:
            _opslaan(request, ronde, verhaal, form, codering)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, "Je codering is gewijzigd.")
            return redirect("codeboek:ronde_verhaal", pk=ronde.pk, verhaal_pk=verhaal.pk)
    context = rondecodering_context(ronde, verhaal, request.user, form=form, codering=codering)
    return _rondepagina(request, ronde, verhaal, context, bewerken=True)


@vereist(LEZEN, "verhalen.view_verhaal")
@require_http_methods(["GET", "HEAD", "POST"])
def codering_verwijderen(request, pk, verhaal_pk, codering_pk):
    ronde, verhaal = _als_codeur(request, pk, verhaal_pk)
    codering = _eigen_codering(request, ronde, verhaal, codering_pk)
    if request.method == "POST":
        try:
            services.verwijder_codering(rondecodering=codering, door=request.user)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, "Je codering is verwijderd.")
        return redirect("codeboek:ronde_verhaal", pk=ronde.pk, verhaal_pk=verhaal.pk)
    return render(
        request,
        "codeboek/rondes/codering_verwijderen.html",
        {"ronde": ronde, "verhaal": verhaal, "codering": codering},
    )


@vereist(LEZEN, "verhalen.view_verhaal")
@require_POST
def klaar(request, pk, verhaal_pk):
    ronde, verhaal = _als_codeur(request, pk, verhaal_pk)
    is_klaar = request.POST.get("klaar") == "ja"
    try:
        services.zet_klaar(ronde=ronde, verhaal=verhaal, codeur=request.user, klaar=is_klaar)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect(request.path.rsplit("klaar/", 1)[0])
    if is_klaar:
        messages.success(request, f"“{verhaal.titel}” staat op klaar.")
        volgende = request.POST.get("volgende", "")
        if volgende.isdigit():
            return redirect("codeboek:ronde_verhaal", pk=ronde.pk, verhaal_pk=int(volgende))
        return redirect(ronde)
    messages.info(request, f"“{verhaal.titel}” staat weer open voor jou.")
    return redirect("codeboek:ronde_verhaal", pk=ronde.pk, verhaal_pk=verhaal.pk)


# The workspace's JSON endpoints for a round (the same fields and answers as
# views/werkruimte.py, with the round's own codings).


def _bijgewerkt(request, ronde, verhaal, **extra):
    context = rondecodering_context(ronde, verhaal, request.user)
    return {
        "tekst": verhaaltekst(context),
        "lijst": fragmentlijst_html(
            context["fragmenten"],
            verhaal=verhaal,
            user=request.user,
            adres_van=context["adres_van"],
        ),
        "aantal": len(context["fragmenten"]),
        "nummers": {str(c.pk): c.nummer for c in context["fragmenten"]},
        **extra,
    }


def _json_als_codeur(request, pk, verhaal_pk):
    try:
        return _als_codeur(request, pk, verhaal_pk), None
    except PermissionDenied as fout:
        return None, JsonResponse({"fouten": [str(fout)]}, status=403)


@json_rechten(LEZEN, "verhalen.view_verhaal")
def codering_nieuw_json(request, pk, verhaal_pk):
    gevonden, weigering = _json_als_codeur(request, pk, verhaal_pk)
    if weigering:
        return weigering
    ronde, verhaal = gevonden
    form = RondecoderingForm(request.POST, verhaal=verhaal, ronde=ronde)
    if not form.is_valid():
        return _fout(form)
    try:
        codering = _opslaan(request, ronde, verhaal, form)
    except ValidationError as fout:
        return _fout(fout, status=409)
    antwoord = _bijgewerkt(request, ronde, verhaal, fragment=codering.pk)
    codes = ", ".join(code.name for code in codering.codes.all())
    nummer = antwoord["nummers"][str(codering.pk)]
    antwoord["melding"] = f"Codering {nummer} opgeslagen (alleen jij ziet haar): {codes}."
    return JsonResponse(antwoord, status=201)


@json_rechten(LEZEN, "verhalen.view_verhaal")
def codering_bewerken_json(request, pk, verhaal_pk, codering_pk):
    gevonden, weigering = _json_als_codeur(request, pk, verhaal_pk)
    if weigering:
        return weigering
    ronde, verhaal = gevonden
    codering = _eigen_codering(request, ronde, verhaal, codering_pk)
    codering.verhaal = verhaal
    form = RondecoderingForm(request.POST, verhaal=verhaal, ronde=ronde, fragment=codering)
    if not form.is_valid():
        return _fout(form)
    try:
        _opslaan(request, ronde, verhaal, form, codering)
    except ValidationError as fout:
        return _fout(fout, status=409)
    antwoord = _bijgewerkt(request, ronde, verhaal, fragment=codering.pk)
    antwoord["melding"] = f"Codering {antwoord['nummers'][str(codering.pk)]} gewijzigd."
    return JsonResponse(antwoord)


@json_rechten(LEZEN, "verhalen.view_verhaal")
def codering_verwijderen_json(request, pk, verhaal_pk, codering_pk):
    gevonden, weigering = _json_als_codeur(request, pk, verhaal_pk)
    if weigering:
        return weigering
    ronde, verhaal = gevonden
    codering = _eigen_codering(request, ronde, verhaal, codering_pk)
    try:
        services.verwijder_codering(rondecodering=codering, door=request.user)
    except ValidationError as fout:
        return _fout(fout, status=409)
    return JsonResponse(_bijgewerkt(request, ronde, verhaal, melding="De codering is verwijderd."))


# --- Settling ---------------------------------------------------------------------------


@vereist(LEZEN, "verhalen.view_verhaal")
@require_http_methods(["GET", "HEAD", "POST"])
def verschillen(request, pk):
    """Per code the units where the coders differ, quotes side by side, with the
    decisions taken so far (the log); POST settles one."""
    ronde = _ronde(pk)
    if ronde.is_open:
        raise PermissionDenied("De verschillen komen vrij als de ronde gesloten is.")
    if request.method == "POST":
        return _beslis(request, ronde)
    punten = [p for p in selectors.punten(ronde, request.user) if p.is_verschil or p.beslissing]
    per_code = {}
    for punt in punten:
        per_code.setdefault(punt.code, []).append(punt)
    return render(
        request,
        "codeboek/rondes/verschillen.html",
        {
            "ronde": ronde,
            "per_code": per_code.items(),
            "codeurs": ronde.uitkomst.get("codeurs", []),
            "open": sum(1 for p in punten if p.is_verschil and not p.beslissing),
            "mag_beslechten": services.mag_beslechten(ronde, request.user),
        },
    )


def _beslis(request, ronde):
    form = BeslissingForm(request.POST)
    terug = reverse("codeboek:ronde_verschillen", args=[ronde.pk])
    if not form.is_valid():
        messages.error(request, "Deze keuze is niet volledig. Kies opnieuw.")
        return redirect(terug)
    data = form.cleaned_data
    code = get_object_or_404(ronde.codes.all(), pk=data["code"])
    verhaal = get_object_or_404(selectors.verhalen_van(ronde, request.user), pk=data["verhaal"])
    versie_van = None
    if data["keuze"] == Keuze.OVERNEMEN:
        versie_van = ronde.codeurs.filter(pk=data["versie_van"]).first()
    try:
        services.beslis(
            ronde=ronde,
            code=code,
            verhaal=verhaal,
            eenheid_start=data["eenheid"],
            keuze=data["keuze"],
            versie_van=versie_van,
            door=request.user,
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, "Beslist en vastgelegd.")
    return redirect(f"{terug}#code-{code.pk}")


@vereist(LEZEN, "verhalen.view_verhaal")
@require_POST
def afronden(request, pk):
    ronde = _ronde(pk)
    try:
        services.rond_af(ronde=ronde, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect("codeboek:ronde_verschillen", pk=ronde.pk)
    messages.success(
        request, "De ronde is beslecht: de afgesproken coderingen zijn nu gewone fragmenten."
    )
    return redirect(ronde)
