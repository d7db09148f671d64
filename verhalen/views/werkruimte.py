"""The coding workspace on the story page: save, change and remove a fragment
and add a code without a page reload.

The script (static/js/werkruimte/) posts the same form fields as the fragment
form pages in views/codering.py, with the CSRF token, and these views run the
same form, services, permissions and version checks. Every answer is JSON:
on success the freshly rendered text with its highlights and the fragment
list (the page swaps them in), on failure `fouten` (Dutch sentences) and,
per field, `velden`. Anonymous callers get 401 and callers without the
permission 403, as JSON, so the script can say so next to the selection.
"""

from functools import wraps

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from kennisagenda.models import Thema
from verhalen.forms.codering import FragmentForm, SnelleSubcodeForm
from verhalen.models import FragmentThema
from verhalen.selectors.codeboek import codeboom
from verhalen.services import codering as services
from verhalen.tekst.posities import segmenteer
from verhalen.templatetags.codering import fragmentlijst_html, verhaaltekst
from verhalen.views.codering import (
    VERPLAATST,
    bewaar_fragment,
    coderingscontext,
    fragmenten_van,
    zichtbaar_fragment,
    zichtbaar_verhaal,
)

NIET_INGELOGD = "Je bent niet meer ingelogd. Log opnieuw in; je selectie is niet opgeslagen."
GEEN_RECHT = "Je mag dit niet doen. Vraag een beheerder om de juiste rol."
AANTAL_RECENT = 8


def json_rechten(*permissions):
    """POST only; 401 for anonymous callers and 403 without the permissions, both as JSON."""

    def decorator(view):
        @wraps(view)
        def gecontroleerd(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return JsonResponse({"fouten": [NIET_INGELOGD]}, status=401)
            if not request.user.has_perms(permissions):
                return JsonResponse({"fouten": [GEEN_RECHT]}, status=403)
            return view(request, *args, **kwargs)

        return require_POST(gecontroleerd)

    return decorator


def codering_voor(verhaal, user):
    """The coding context of `verhaal` for `user` (views.codering.coderingscontext)
    for the story page, with what the code picker needs for those who may code."""
    codering = coderingscontext(verhaal, user)
    if codering["form"] is not None:  # the picker offers the codes the form read
        codering["kiezer"] = kiezergegevens(user, themas=codering["form"].themas)
    return codering


def kiezergegevens(user, *, alleen=None, themas=None):
    """What the code picker needs: every code with its path and rule, the
    codes `user` used last (most recent first), and whether they may add codes.

    `alleen`: the codes a coding round allows (the picker offers only those,
    and no new ones). `themas`: every code, when the caller has read them."""
    if themas is None:
        themas = list(Thema.objects.all())
    per_pk = {thema.pk: thema for thema in themas}

    def pad(thema):
        namen = []
        while thema is not None and len(namen) < 10:
            namen.append(thema.name)
            thema = per_pk.get(thema.parent_id)
        return " › ".join(reversed(namen))

    codes = [
        {
            "id": knoop.thema.pk,
            "naam": knoop.thema.name,
            "pad": pad(knoop.thema),
            "uitleg": knoop.thema.definitie or knoop.thema.beschrijving,
            "diepte": knoop.diepte,
        }
        for knoop in codeboom(themas)
    ]
    if alleen is not None:
        toegestaan = {thema.pk for thema in alleen}
        codes = [code for code in codes if code["id"] in toegestaan]
        return {"codes": codes, "recent": [], "mag_code_maken": False}
    return {
        "codes": codes,
        "recent": recente_codes(user),
        "mag_code_maken": user.has_perm("carelab.add_thema"),
    }


def recente_codes(user):
    """The codes of `user`'s latest fragments, most recent first, each once."""
    laatste = FragmentThema.objects.filter(content_object__codeur=user).order_by(
        "-content_object__aangemaakt_op", "-content_object_id"
    )
    recent = []
    for pk in laatste.values_list("tag_id", flat=True)[:60]:
        if pk not in recent:
            recent.append(pk)
    return recent[:AANTAL_RECENT]


def _bijgewerkt(request, verhaal, **extra):
    """The freshly rendered text and fragment list of `verhaal`, for the page to swap in."""
    fragmenten = fragmenten_van(verhaal, request.user)
    codering = {"fragmenten": fragmenten, "segmenten": segmenteer(verhaal.tekst, fragmenten)}
    return {
        "tekst": verhaaltekst(codering),
        "lijst": fragmentlijst_html(fragmenten, verhaal=verhaal, user=request.user),
        "aantal": len(codering["fragmenten"]),
        "nummers": {str(f.pk): f.nummer for f in codering["fragmenten"]},
        **extra,
    }


def _fout(form_of_fout, *, status=400, verhaal=None, request=None):
    if isinstance(form_of_fout, ValidationError):
        antwoord = {"fouten": form_of_fout.messages, "velden": {}}
    else:
        form = form_of_fout
        velden = {naam: list(fouten) for naam, fouten in form.errors.items() if naam != "__all__"}
        antwoord = {
            "fouten": list(form.non_field_errors()) + [f for fs in velden.values() for f in fs],
            "velden": velden,
        }
    if verhaal is not None:  # the page may show an old state: send the current one
        verhaal.refresh_from_db(fields=["tekst"])
        antwoord.update(_bijgewerkt(request, verhaal))
    return JsonResponse(antwoord, status=status)


def _codes_tekst(fragment):
    return ", ".join(code.name for code in fragment.codes.all())


def _bewaard(request, form, verhaal, *, melding, status=200):
    """The answer to a save: the fragment stored (through views.codering.bewaar_fragment)
    with the page's new state, or why not: 409 with the current state when the
    service refused or a colleague changed the fragment, else 400."""
    fragment, geweigerd = bewaar_fragment(form, door=request.user)
    if fragment is None:
        fouten = form.errors.as_data().get("__all__", [])
        if geweigerd or any(fout.code == "conflict" for fout in fouten):
            return _fout(form, status=409, verhaal=verhaal, request=request)
        return _fout(form)
    antwoord = _bijgewerkt(request, verhaal, fragment=fragment.pk)
    nummer = antwoord["nummers"][str(fragment.pk)]
    verplaatst = f" {VERPLAATST}" if form.verplaatst else ""
    antwoord["melding"] = f"Fragment {nummer} {melding}: {_codes_tekst(fragment)}.{verplaatst}"
    return JsonResponse(antwoord, status=status)


@json_rechten("verhalen.view_verhaal", "verhalen.add_fragment")
def fragment_nieuw(request, verhaal_pk):
    verhaal = zichtbaar_verhaal(request, verhaal_pk)
    form = FragmentForm(request.POST, verhaal=verhaal)
    return _bewaard(request, form, verhaal, melding="opgeslagen", status=201)


@json_rechten("verhalen.view_verhaal", "verhalen.change_fragment")
def fragment_bewerken(request, verhaal_pk, pk):
    verhaal = zichtbaar_verhaal(request, verhaal_pk)
    fragment = zichtbaar_fragment(request, verhaal, pk)
    form = FragmentForm(request.POST, verhaal=verhaal, fragment=fragment)
    return _bewaard(request, form, verhaal, melding="gewijzigd")


@json_rechten("verhalen.view_verhaal", "verhalen.delete_fragment")
def fragment_verwijderen(request, verhaal_pk, pk):
    verhaal = zichtbaar_verhaal(request, verhaal_pk)
    fragment = zichtbaar_fragment(request, verhaal, pk)
    services.verwijder_fragment(fragment=fragment, door=request.user)
    melding = "Het fragment is verwijderd. De geschiedenis van het verhaal bewaart het."
    return JsonResponse(_bijgewerkt(request, verhaal, melding=melding))


@json_rechten("verhalen.view_fragment", "carelab.add_thema")
def code_nieuw(request):
    """A new sub-code from the picker: a name and the code it falls under."""
    form = SnelleSubcodeForm(request.POST)
    if not form.is_valid():
        return _fout(form)
    code = services.maak_subcode(
        naam=form.cleaned_data["name"], parent=form.cleaned_data["parent"], door=request.user
    )
    pad = f"{code.parent.name} › {code.name}"
    return JsonResponse(
        {
            "code": {"id": code.pk, "naam": code.name, "pad": pad, "uitleg": "", "diepte": 1},
            "melding": f"De code “{code.name}” is toegevoegd onder “{code.parent.name}”.",
        },
        status=201,
    )
