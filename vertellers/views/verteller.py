"""The teller's own page, behind the personal code of their consent receipt.

No account: a right code puts the story's number (and the code's hash, so
a new receipt ends the visit) in the session; the pages after that carry no
code in their address. Every page: no-store, noindex, no Referer to other sites. Wrong codes
are braked per client (vertellers/rem.py). Every use is logged in Gebruik.

The teller sees their own story whatever its consent (it is theirs); a page
of an erased story shows only that and when it was erased.
"""

from functools import wraps

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kennisagenda import sections
from verhalen.models import Betekenis, Verwijderverzoek
from verhalen.services.verhalen import GeenVerlaging
from vertellers import rem, selectors, services
from vertellers.forms import CodeForm, StemForm, ToestemmingForm
from vertellers.models import Gebruik, Toestemmingsbewijs
from vertellers.teksten import TOESTEMMING_KORT, TOESTEMMING_UITLEG

SESSIE = "verteller"


def basis_url(request):
    """'https://host' for links in mails."""
    return request.build_absolute_uri("/").rstrip("/")


def _privé(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # Never a Referer to another site (the link's path holds the code). Not
    # "no-referrer": browsers then send "Origin: null" with a form, which
    # Django's CSRF check refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


def vertellerspagina(view):
    """No-store, noindex, no Referer to other sites on every teller page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return _privé(view(request, *args, **kwargs))

    return wrapper


def met_verhaal(view):
    """The teller's story from the session (its code must still be the
    current one), passed as `verhaal`; without it, back to the code form."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        verhaal = _verhaal_uit_sessie(request)
        if verhaal is None:
            messages.info(request, _("Vul uw code in om uw verhaal te zien."))
            return redirect("vertellers:start")
        return view(request, *args, verhaal=verhaal, **kwargs)

    return vertellerspagina(wrapper)


def _verhaal_uit_sessie(request):
    gegevens = request.session.get(SESSIE)
    if not isinstance(gegevens, dict):
        return None
    bewijs = (
        Toestemmingsbewijs.objects.select_related("verhaal")
        .filter(verhaal_id=gegevens.get("verhaal"), code_hash=gegevens.get("code_hash"))
        .first()
    )
    return bewijs.verhaal if bewijs else None


def _code_pagina(request, form, *, status=200, via_link=False):
    context = {"form": form, "via_link": via_link}
    return render(request, "vertellers/code.html", context, status=status)


@vertellerspagina
@require_http_methods(["GET", "HEAD", "POST"])
def start(request):
    """The code form; a right code opens the teller's page."""
    if request.method != "POST":
        return _code_pagina(request, CodeForm())
    form = CodeForm(request.POST)  # bound even when empty: the errors below need it
    geldig = form.is_valid()
    if rem.is_geremd(request):
        services.leg_vast(verhaal=None, handeling=Gebruik.Handeling.GEREMD)
        form.add_error(
            None,
            _(
                "U heeft te vaak een code ingevuld die niet klopt. Wacht een kwartier en "
                "probeer het dan opnieuw. Lukt het niet? Vraag de onderzoeker om een nieuw "
                "toestemmingsbewijs."
            ),
        )
        return _code_pagina(request, form, status=429)
    bewijs = services.bewijs_bij_code(form.cleaned_data["code"]) if geldig else None
    if bewijs is None:
        rem.tel_fout(request)
        services.leg_vast(verhaal=None, handeling=Gebruik.Handeling.CODE_ONBEKEND)
        if not form.errors:
            form.add_error(
                "code",
                _(
                    "Wij kennen deze code niet. Kijk nog eens goed op uw toestemmingsbewijs. "
                    "Heeft u een nieuw bewijs gekregen? Dan werkt alleen de nieuwe code."
                ),
            )
        return _code_pagina(request, form)
    request.session.cycle_key()
    request.session[SESSIE] = {"verhaal": bewijs.verhaal_id, "code_hash": bewijs.code_hash}
    services.leg_vast(verhaal=bewijs.verhaal, handeling=Gebruik.Handeling.GEOPEND)
    return redirect("vertellers:verhaal")


@vertellerspagina
@require_http_methods(["GET", "HEAD"])
def link(request, code):
    """The link on the receipt: the code form, filled in. Nothing happens until
    the teller presses the button (link checkers in mail programs open nothing)."""
    return _code_pagina(request, CodeForm(initial={"code": code}), via_link=True)


@met_verhaal
@require_http_methods(["GET", "HEAD"])
def verhaal_pagina(request, verhaal):
    if verhaal.is_gewist:
        return render(
            request,
            "vertellers/gewist.html",
            {
                "verhaal": verhaal,
                "verzoek": Verwijderverzoek.objects.filter(verhaal=verhaal).first(),
            },
        )
    return render(
        request,
        "vertellers/verhaal.html",
        {
            "verhaal": verhaal,
            "themas": list(verhaal.themas.order_by("name")),
            "fragmenten": list(
                verhaal.fragmenten.prefetch_related(Prefetch("codes", to_attr="codes_lijst"))
            ),
            "geciteerd": selectors.waar_geciteerd(verhaal),
            "toestemming_kort": TOESTEMMING_KORT[verhaal.toestemming],
            "toestemming_uitleg": TOESTEMMING_UITLEG[verhaal.toestemming],
            "sections": sections.render_context("verteller", request, verhaal),
        },
    )


def _alleen_bij_inhoud(view):
    """Pages that change the story: not for an erased one."""

    @wraps(view)
    def wrapper(request, *args, verhaal, **kwargs):
        if verhaal.is_gewist:
            return redirect("vertellers:verhaal")
        return view(request, *args, verhaal=verhaal, **kwargs)

    return wrapper


@met_verhaal
@_alleen_bij_inhoud
@require_http_methods(["GET", "HEAD", "POST"])
def betekenis(request, verhaal):
    themas = list(verhaal.themas.order_by("name"))
    bestaand = {oordeel.thema_id: oordeel for oordeel in verhaal.themaoordelen.all()}
    opgeslagen = Betekenis.objects.filter(verhaal=verhaal).first()
    form = StemForm(
        request.POST or None,
        verhaal=verhaal,
        themas=themas,
        bestaand=bestaand,
        initial={"betekenis": opgeslagen.tekst if opgeslagen else ""},
    )
    if request.method == "POST" and form.is_valid():
        services.bewaar_stem(
            verhaal=verhaal,
            betekenis=form.cleaned_data["betekenis"],
            themastemmen=form.themastemmen(),
        )
        messages.success(request, _("Dank u wel. Wij hebben uw woorden bewaard."))
        return redirect("vertellers:verhaal")
    return render(request, "vertellers/betekenis.html", {"verhaal": verhaal, "form": form})


@met_verhaal
@_alleen_bij_inhoud
@require_http_methods(["GET", "HEAD", "POST"])
def toestemming(request, verhaal):
    """Step 1: choose; step 2 (bevestigd): confirm; then the receipt of the change."""
    form = ToestemmingForm(request.POST or None, verhaal=verhaal)
    context = {
        "verhaal": verhaal,
        "form": form,
        "toestemming_kort": TOESTEMMING_KORT[verhaal.toestemming],
    }
    if request.method == "POST" and form.is_valid():
        naar = form.cleaned_data["naar"]
        if request.POST.get("bevestigd") != "ja":
            context.update(naar=naar, naar_kort=TOESTEMMING_KORT[naar])
            context["naar_uitleg"] = TOESTEMMING_UITLEG[naar]
            return render(request, "vertellers/toestemming_bevestigen.html", context)
        try:
            services.verander_toestemming(verhaal=verhaal, naar=naar, basis_url=basis_url(request))
        except GeenVerlaging:
            messages.error(request, _("Deze keuze kan niet meer. Kijk hieronder wat er nu geldt."))
            return redirect("vertellers:verhaal")
        return redirect("vertellers:wijziging")
    return render(request, "vertellers/toestemming.html", context)


@met_verhaal
@require_http_methods(["GET", "HEAD"])
def wijziging(request, verhaal):
    """The receipt of the last consent change (printable)."""
    laatste = (
        Gebruik.objects.filter(verhaal=verhaal, handeling=Gebruik.Handeling.TOESTEMMING)
        .order_by("-op", "-pk")
        .first()
    )
    if laatste is None:
        return redirect("vertellers:verhaal")
    vorige, nieuw = laatste.detail.split(">")
    return render(
        request,
        "vertellers/wijziging.html",
        {
            "verhaal": verhaal,
            "gebruik": laatste,
            "vorige_kort": TOESTEMMING_KORT[vorige],
            "nieuw_kort": TOESTEMMING_KORT[nieuw],
            "nieuw_uitleg": TOESTEMMING_UITLEG[nieuw],
        },
    )


@met_verhaal
@_alleen_bij_inhoud
@require_http_methods(["GET", "HEAD", "POST"])
def wissen(request, verhaal):
    if request.method == "POST" and request.POST.get("bevestigd") == "ja":
        services.wis_op_verzoek(verhaal=verhaal, basis_url=basis_url(request))
        return redirect("vertellers:verhaal")
    fout = request.method == "POST"
    return render(request, "vertellers/wissen.html", {"verhaal": verhaal, "fout": fout})


@vertellerspagina
@require_POST
def afsluiten(request):
    request.session.pop(SESSIE, None)
    request.session.cycle_key()
    messages.success(request, _("U bent weg van uw pagina. Wilt u terug? Vul dan uw code in."))
    return redirect("vertellers:start")
