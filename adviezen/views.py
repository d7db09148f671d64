"""Pages of advice: the public page of an offered advice (with print, PDF and
export), and the editors' workspace (drafting, citing, comments, status,
history) and the answer form.

Who may (kennisagenda/roles.py): Brede Raad members and researchers draft
(adviezen.change_advies); researchers and coordinators record the gemeente's
answer (adviezen.beantwoord_advies); everyone reads an offered advice's
public page. A draft answers 404 to those who may not see it.
"""

import json

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods, require_POST

from toolkit.rechten import vereist
from verhalen.models import Reflectie, Verhaal

from . import export, selectors, services
from .forms import (
    AanbevelingForm,
    AanbiedenForm,
    AdviesForm,
    AntwoordForm,
    CiteerForm,
    OpmerkingForm,
)
from .models import Aanbeveling, Advies, Citaat, Status


def _fouten(error):
    return " ".join(error.messages)


# ------------------------------------------------------------------ public


def advies_list(request):
    adviezen = Advies.objects.leesbaar_voor(request.user).order_by(
        "-aangeboden_op", "-aangemaakt_op", "pk"
    )
    return render(request, "adviezen/advies_list.html", {"adviezen": adviezen})


def _gepubliceerd(slug):
    return get_object_or_404(Advies.objects.gepubliceerd(), slug=slug)


def _publieke_context(advies):
    # The public page reads quotes as the public does, whoever is logged in.
    return {
        "advies": advies,
        "themas": list(advies.themas.all()),
        "aanbevelingen": selectors.aanbevelingen(advies, AnonymousUser()),
    }


def advies_detail(request, slug):
    advies = _gepubliceerd(slug)
    return render(request, "adviezen/advies_detail.html", _publieke_context(advies))


def advies_pdf(request, slug):
    from weasyprint import HTML  # imported here: loading it takes a moment

    advies = _gepubliceerd(slug)
    html = render_to_string("adviezen/advies_pdf.html", _publieke_context(advies))
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="advies-{advies.slug}.pdf"'
    return response


def advies_export(request, slug, formaat):
    advies = _gepubliceerd(slug)
    gegevens = export.gegevens(advies, selectors.aanbevelingen(advies, AnonymousUser()))
    if formaat == "json":
        inhoud = json.dumps(gegevens, ensure_ascii=False, indent=2)
        soort = "application/json; charset=utf-8"
    else:
        inhoud, soort = export.markdown(gegevens), "text/markdown; charset=utf-8"
    response = HttpResponse(inhoud, content_type=soort)
    response["Content-Disposition"] = f'attachment; filename="advies-{advies.slug}.{formaat}"'
    return response


# --------------------------------------------------------------- workspace


def _werkruimte(request, advies, *, formulieren=None, status=200):
    formulieren = formulieren or {}
    mag_schrijven = request.user.has_perm("adviezen.change_advies")
    context = {
        "advies": advies,
        "themas": list(advies.themas.all()),
        "aanbevelingen": selectors.aanbevelingen(advies, request.user),
        "opmerkingen": advies.opmerkingen.select_related("auteur"),
        "geschiedenis": advies.history.select_related("history_user")[:20],
        "mag_schrijven": mag_schrijven,
        "mag_beantwoorden": request.user.has_perm("adviezen.beantwoord_advies"),
    }
    if mag_schrijven and advies.is_concept:
        context["advies_form"] = formulieren.get("advies") or AdviesForm(instance=advies)
        context["aanbeveling_form"] = formulieren.get("aanbeveling") or AanbevelingForm()
    if mag_schrijven and not advies.is_gepubliceerd:
        context["opmerking_form"] = formulieren.get("opmerking") or OpmerkingForm()
    if mag_schrijven and advies.status == Status.VASTGESTELD:
        context["aanbieden_form"] = formulieren.get("aanbieden") or AanbiedenForm()
    return render(request, "adviezen/werkruimte.html", context, status=status)


def _advies_voor(request, slug):
    return get_object_or_404(Advies.objects.leesbaar_voor(request.user), slug=slug)


@vereist("adviezen.view_advies")
def werkruimte(request, slug):
    return _werkruimte(request, _advies_voor(request, slug))


@require_http_methods(["GET", "POST"])
@vereist("adviezen.add_advies")
def advies_nieuw(request):
    form = AdviesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        advies = services.maak_advies(
            titel=form.cleaned_data["titel"],
            inleiding=form.cleaned_data["inleiding"],
            themas=form.cleaned_data["themas"],
            door=request.user,
        )
        messages.success(request, "Het advies is begonnen. Schrijf nu de aanbevelingen.")
        return redirect(advies.get_werkruimte_url())
    return render(
        request, "adviezen/advies_nieuw.html", {"form": form}, status=400 if form.errors else 200
    )


@require_POST
@vereist("adviezen.change_advies")
def advies_bewerken(request, slug):
    advies = _advies_voor(request, slug)
    form = AdviesForm(request.POST, instance=Advies.objects.get(pk=advies.pk))
    if not form.is_valid():
        return _werkruimte(request, advies, formulieren={"advies": form}, status=400)
    try:
        services.wijzig_advies(
            advies=advies,
            titel=form.cleaned_data["titel"],
            inleiding=form.cleaned_data["inleiding"],
            themas=form.cleaned_data["themas"],
            door=request.user,
        )
    except ValidationError as error:
        messages.error(request, _fouten(error))
    else:
        messages.success(request, "Het advies is opgeslagen.")
    return redirect(advies.get_werkruimte_url())


@require_POST
@vereist("adviezen.change_advies")
def aanbeveling_nieuw(request, slug):
    advies = _advies_voor(request, slug)
    form = AanbevelingForm(request.POST)
    if not form.is_valid():
        return _werkruimte(request, advies, formulieren={"aanbeveling": form}, status=400)
    try:
        aanbeveling = services.voeg_aanbeveling_toe(
            advies=advies, tekst=form.cleaned_data["tekst"], door=request.user
        )
    except ValidationError as error:
        messages.error(request, _fouten(error))
        return redirect(advies.get_werkruimte_url())
    messages.success(request, "De aanbeveling is toegevoegd. Kies nu wat haar onderbouwt.")
    return redirect("adviezen:aanbeveling", slug=advies.slug, pk=aanbeveling.pk)


def _aanbeveling_van(request, slug, pk):
    advies = _advies_voor(request, slug)
    return advies, get_object_or_404(Aanbeveling, advies=advies, pk=pk)


@require_http_methods(["GET", "POST"])
@vereist("adviezen.change_advies")
def aanbeveling(request, slug, pk):
    """Edit one draft recommendation: its text, and what it cites."""
    advies, aanbeveling = _aanbeveling_van(request, slug, pk)
    if not advies.is_concept:
        messages.error(request, "Dit advies is vastgesteld. Zet het eerst terug naar concept.")
        return redirect(advies.get_werkruimte_url())
    kandidaten = selectors.citeerbaar(request.user)
    tekst_form = AanbevelingForm(
        request.POST if "tekst" in request.POST else None, instance=aanbeveling
    )
    citeer_form = CiteerForm(
        request.POST if "keuze" in request.POST or "citeer" in request.POST else None,
        kandidaten=kandidaten,
    )
    if tekst_form.is_bound and tekst_form.is_valid():
        services.wijzig_aanbeveling(
            aanbeveling=aanbeveling, tekst=tekst_form.cleaned_data["tekst"], door=request.user
        )
        messages.success(request, "De tekst van de aanbeveling is opgeslagen.")
        return redirect("adviezen:aanbeveling", slug=advies.slug, pk=aanbeveling.pk)
    if citeer_form.is_bound and citeer_form.is_valid():
        for sleutel in citeer_form.cleaned_data["keuze"]:
            _citeer(aanbeveling, citeer_form.kandidaten[sleutel], request.user)
        messages.success(request, "De onderbouwing is bijgewerkt.")
        return redirect("adviezen:aanbeveling", slug=advies.slug, pk=aanbeveling.pk)
    onderbouwing = next(
        (o for o in selectors.aanbevelingen(advies, request.user) if o.aanbeveling.pk == pk),
        None,
    )
    fout = tekst_form.errors or citeer_form.errors
    return render(
        request,
        "adviezen/aanbeveling.html",
        {
            "advies": advies,
            "aanbeveling": aanbeveling,
            "onderbouwing": onderbouwing,
            "tekst_form": tekst_form,
            "citeer_form": citeer_form,
        },
        status=400 if fout else 200,
    )


def _citeer(aanbeveling, kandidaat, door):
    if kandidaat.reflectie_id:
        services.citeer_reflectie(
            aanbeveling=aanbeveling,
            reflectie=Reflectie.objects.get(pk=kandidaat.reflectie_id),
            door=door,
        )
    else:
        services.citeer_passage(
            aanbeveling=aanbeveling,
            verhaal=Verhaal.objects.get(pk=kandidaat.verhaal_id),
            start=kandidaat.start,
            eind=kandidaat.eind,
            door=door,
        )


@require_POST
@vereist("adviezen.change_advies")
def aanbeveling_verwijderen(request, slug, pk):
    advies, aanbeveling = _aanbeveling_van(request, slug, pk)
    try:
        services.verwijder_aanbeveling(aanbeveling=aanbeveling, door=request.user)
    except ValidationError as error:
        messages.error(request, _fouten(error))
    else:
        messages.success(request, "De aanbeveling is verwijderd.")
    return redirect(advies.get_werkruimte_url())


@require_POST
@vereist("adviezen.change_advies")
def citaat_weghalen(request, slug, pk):
    advies = _advies_voor(request, slug)
    citaat = get_object_or_404(Citaat, aanbeveling__advies=advies, pk=pk)
    try:
        services.haal_citaat_weg(citaat=citaat, door=request.user)
    except ValidationError as error:
        messages.error(request, _fouten(error))
    else:
        messages.success(request, "Het citaat is weggehaald.")
    return redirect("adviezen:aanbeveling", slug=advies.slug, pk=citaat.aanbeveling_id)


@require_POST
@vereist("adviezen.change_advies")
def opmerking_nieuw(request, slug):
    advies = _advies_voor(request, slug)
    form = OpmerkingForm(request.POST)
    if not form.is_valid():
        return _werkruimte(request, advies, formulieren={"opmerking": form}, status=400)
    try:
        services.schrijf_opmerking(
            advies=advies, tekst=form.cleaned_data["tekst"], door=request.user
        )
    except ValidationError as error:
        messages.error(request, _fouten(error))
    else:
        messages.success(request, "Je opmerking staat bij het advies.")
    return redirect(f"{advies.get_werkruimte_url()}#opmerkingen")


@require_POST
@vereist("adviezen.change_advies")
def status(request, slug):
    advies = _advies_voor(request, slug)
    nieuw = request.POST.get("status", "")
    kwargs = {}
    if nieuw == Status.AANGEBODEN:
        form = AanbiedenForm(request.POST)
        if not form.is_valid():
            return _werkruimte(request, advies, formulieren={"aanbieden": form}, status=400)
        kwargs = form.cleaned_data
    try:
        services.zet_status(advies=advies, status=nieuw, door=request.user, **kwargs)
    except ValidationError as error:
        messages.error(request, _fouten(error))
    else:
        messages.success(request, f"Het advies is nu “{advies_status(advies)}”.")
    return redirect(advies.get_werkruimte_url())


def advies_status(advies):
    advies.refresh_from_db(fields=["status"])
    return advies.get_status_display().lower()


@require_http_methods(["GET", "POST"])
@vereist("adviezen.beantwoord_advies")
def antwoorden(request, slug):
    """The gemeente's answer, one form per recommendation."""
    advies = get_object_or_404(Advies.objects.gepubliceerd(), slug=slug)
    rijen = list(advies.aanbevelingen.select_related("antwoord").order_by("volgorde", "pk"))
    formulieren = [
        AntwoordForm(
            request.POST if request.method == "POST" else None,
            instance=getattr(rij, "antwoord", None),
            prefix=f"aanbeveling-{nummer}",
        )
        for nummer, rij in enumerate(rijen, start=1)
    ]
    if request.method == "POST":
        ingevuld = [
            (rij, form) for rij, form in zip(rijen, formulieren, strict=True) if form.has_changed()
        ]
        if ingevuld and all(form.is_valid() for _, form in ingevuld):
            for rij, form in ingevuld:
                services.leg_antwoord_vast(aanbeveling=rij, door=request.user, **form.cleaned_data)
            messages.success(request, "Het antwoord van de gemeente is vastgelegd.")
            return redirect(advies.get_absolute_url())
        if not ingevuld:
            messages.error(request, "Vul bij minstens één aanbeveling het antwoord in.")
    return render(
        request,
        "adviezen/antwoorden.html",
        {"advies": advies, "rijen": list(zip(rijen, formulieren, strict=True))},
        status=400 if request.method == "POST" else 200,
    )
