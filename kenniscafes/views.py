import contextlib

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from kennisagenda.models import Thema
from projecten.models import Werkteam
from toolkit import cache
from toolkit.rechten import vereist

from . import ical, selectors, services, structured_data
from .forms import AanmeldForm, AgendaFilterForm, FeedbackForm
from .models import Aanmelding, Feedback, Kenniscafe, Reeks

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


def basis_url(request):
    """'https://host' — for absolute links in e-mails and calendar files."""
    return request.build_absolute_uri("/").rstrip("/")


# The agenda, archive and agenda.ics are public and much visited (calendar apps
# poll agenda.ics): anonymous visitors get them from the shared cache, made
# stale by any change to a café (kenniscafes/cache.py) or theme.
publieke_pagina = method_decorator(
    cache.publieke_pagina(afhankelijk_van=["themas", "kenniscafes"]), name="dispatch"
)


class GefilterdeLijst(ListView):
    """A list of published events, filtered by AgendaFilterForm."""

    context_object_name = "kenniscafes"
    paginate_by = 20

    def gepubliceerde(self):
        raise NotImplementedError

    def get_queryset(self):
        self.filter_form = AgendaFilterForm(self.request.GET or None)
        return self.filter_form.filter(self.gepubliceerde().voor_lijst())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["querystring_zonder_pagina"] = _zonder_pagina(self.request)
        return context


@publieke_pagina
class AgendaView(GefilterdeLijst):
    template_name = "kenniscafes/agenda.html"

    def gepubliceerde(self):
        return Kenniscafe.objects.gepubliceerd().komend()


@publieke_pagina
class ArchiefView(GefilterdeLijst):
    template_name = "kenniscafes/archief.html"

    def gepubliceerde(self):
        return Kenniscafe.objects.gepubliceerd().voorbij()


def _zonder_pagina(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _cafe_of_404(request, slug):
    cafes = (
        Kenniscafe.objects.gepubliceerd_of_voorbeeld(request.user)
        .voor_lijst()
        .select_related("werkteam", "project")
        .prefetch_related("sprekers__persoon", "bijlagen")
    )
    return get_object_or_404(cafes, slug=slug)


def _reeks_context(kenniscafe):
    if kenniscafe.reeks is None:
        return {}
    delen = list(kenniscafe.reeks.kenniscafes.gepubliceerd().order_by("start", "pk"))
    if kenniscafe not in delen:
        return {"reeks_delen": delen}
    return {"reeks_delen": delen, "deel_nummer": delen.index(kenniscafe) + 1}


# The session key holding a registration's outcome for the page it redirects to.
BEVESTIGING = "kenniscafes_bevestiging"


def _bevestiging(request, kenniscafe):
    """The outcome of this visitor's registration just made for this café, once."""
    bevestiging = request.session.get(BEVESTIGING)
    if bevestiging and bevestiging["kenniscafe"] == kenniscafe.pk:
        del request.session[BEVESTIGING]
        return bevestiging
    return None


def detail(request, slug):
    kenniscafe = _cafe_of_404(request, slug)
    url = request.build_absolute_uri(kenniscafe.get_absolute_url())
    bevestiging = _bevestiging(request, kenniscafe)
    context = {
        "kenniscafe": kenniscafe,
        "bevestiging": bevestiging,
        "form": AanmeldForm() if kenniscafe.aanmelden_mogelijk() and not bevestiging else None,
        "json_ld": structured_data.als_script(structured_data.event(kenniscafe, url=url))
        if kenniscafe.start
        else "",
        **_reeks_context(kenniscafe),
    }
    return render(request, "kenniscafes/detail.html", context)


# Pages with a visitor's own data (the form as typed, the registration behind
# a personal link): no shared proxy or browser disk cache keeps them.
persoonlijk = cache_control(private=True, no_store=True)


@persoonlijk
def aanmelden(request, slug):
    kenniscafe = _cafe_of_404(request, slug)
    if not kenniscafe.aanmelden_mogelijk():
        messages.warning(request, _("Aanmelden voor dit kenniscafé kan niet (meer)."))
        return redirect(kenniscafe)
    form = AanmeldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            aanmelding = services.meld_aan(
                kenniscafe=kenniscafe, **form.cleaned_data, basis_url=basis_url(request)
            )
        except services.AlAangemeld as error:
            form.add_error("email", error)
        except services.AanmeldenGesloten as error:
            messages.warning(request, error.message)
            return redirect(kenniscafe)
        else:
            # The café's page shows this in place of the form, focused (no JS needed).
            request.session[BEVESTIGING] = {
                "kenniscafe": kenniscafe.pk,
                "wachtlijst": aanmelding.status == Aanmelding.Status.WACHTLIJST,
                "positie": aanmelding.positie_op_wachtlijst,
                "email": aanmelding.email,
            }
            return redirect(kenniscafe.get_absolute_url() + "#aanmelding-bevestigd")
    return render(request, "kenniscafes/aanmelden.html", {"kenniscafe": kenniscafe, "form": form})


@persoonlijk
def afmelden(request, token):
    aanmelding = get_object_or_404(
        Aanmelding.objects.select_related("kenniscafe", "kenniscafe__locatie"), token=token
    )
    kenniscafe = aanmelding.kenniscafe
    if request.method == "POST" and aanmelding.status != Aanmelding.Status.AFGEMELD:
        services.meld_af(aanmelding=aanmelding, basis_url=basis_url(request))
        messages.success(request, _("Je bent afgemeld. Bedankt dat je het liet weten."))
        return redirect(kenniscafe) if kenniscafe.gepubliceerd else redirect("kenniscafes:agenda")
    return render(
        request, "kenniscafes/afmelden.html", {"aanmelding": aanmelding, "kenniscafe": kenniscafe}
    )


def reeks(request, slug):
    reeks = get_object_or_404(Reeks, slug=slug)
    cafes = list(reeks.kenniscafes.gepubliceerd().voor_lijst().order_by("start", "pk"))
    if not cafes:
        raise Http404(_("Deze reeks heeft nog geen kenniscafés."))
    return render(request, "kenniscafes/reeks.html", {"reeks": reeks, "kenniscafes": cafes})


# iCalendar feeds


def _ics(request, cafes, *, naam, bestandsnaam=None):
    cafes = cafes.select_related("locatie").prefetch_related("themas").order_by("start", "pk")
    response = HttpResponse(
        ical.kalender(cafes, basis_url=basis_url(request), naam=naam), content_type=ICS_CONTENT_TYPE
    )
    if bestandsnaam:
        response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


@require_safe
@cache.publieke_pagina(afhankelijk_van=["themas", "kenniscafes"])
def agenda_ics(request):
    """All published events, or those the agenda's filters choose (?soort=workshop …)."""
    return _ics(
        request,
        AgendaFilterForm(request.GET or None).filter(
            Kenniscafe.objects.gepubliceerd().in_kalender()
        ),
        naam="Agenda CARE lab Rotterdam",
    )


@require_safe
def kenniscafe_ics(request, slug):
    cafes = Kenniscafe.objects.gepubliceerd().filter(slug=slug, start__isnull=False)
    if not cafes.exists():
        raise Http404(_("Dit kenniscafé staat niet in de agenda."))
    return _ics(request, cafes, naam=cafes[0].titel, bestandsnaam=f"kenniscafe-{slug}.ics")


@require_safe
def thema_ics(request, slug):
    thema = get_object_or_404(Thema, slug=slug)
    return _ics(
        request,
        Kenniscafe.objects.gepubliceerd().in_kalender().met_thema(thema),
        naam=f"Kenniscafés over {thema.name}",
    )


@require_safe
def werkteam_ics(request, slug):
    werkteam = get_object_or_404(Werkteam, slug=slug)
    return _ics(
        request,
        Kenniscafe.objects.gepubliceerd().in_kalender().filter(werkteam=werkteam),
        naam=f"Kenniscafés van {werkteam.naam}",
    )


# Before and after: for coordinators


@vereist("kenniscafes.change_aanmelding")
def aanwezigheid(request, slug):
    """The attendance list to tick on the day: one form, works on a phone and on paper."""
    kenniscafe = get_object_or_404(Kenniscafe.objects.select_related("locatie"), slug=slug)
    aanmeldingen = kenniscafe.aanmeldingen.bevestigd().select_related("deelnemersoort")
    if request.method == "POST":
        gekozen = {int(pk) for pk in request.POST.getlist("aanwezig") if pk.isdigit()}
        aantal = services.markeer_aanwezigen(kenniscafe=kenniscafe, aanwezig_ids=gekozen)
        messages.success(
            request, _("Aanwezigheid bewaard: %(aantal)d aanwezig.") % {"aantal": aantal}
        )
        return redirect(kenniscafe.get_aanwezigheid_url())
    return render(
        request,
        "kenniscafes/aanwezigheid.html",
        {"kenniscafe": kenniscafe, "aanmeldingen": aanmeldingen},
    )


@vereist("kenniscafes.view_aanmelding")
def rapport(request, slug):
    """After the event: attendance by kind of participant, feedback and the verslag."""
    kenniscafe = get_object_or_404(Kenniscafe.objects.select_related("locatie"), slug=slug)
    return render(
        request,
        "kenniscafes/rapport.html",
        {"kenniscafe": kenniscafe, **selectors.rapport(kenniscafe)},
    )


def feedback(request, token):
    """The short feedback form, by the personal link in the mail to those who came."""
    aanmelding = get_object_or_404(
        Aanmelding.objects.select_related("kenniscafe"), token=token, aanwezig=True
    )
    kenniscafe = aanmelding.kenniscafe
    gegeven = Feedback.objects.filter(aanmelding=aanmelding).exists()
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and not gegeven and form.is_valid():
        # Given a moment ago, e.g. in another tab: thank them all the same.
        with contextlib.suppress(services.GeenFeedback):
            services.geef_feedback(aanmelding=aanmelding, **form.cleaned_data)
        return redirect(aanmelding.get_feedback_url())
    return render(
        request,
        "kenniscafes/feedback.html",
        {"kenniscafe": kenniscafe, "form": form, "gegeven": gegeven},
    )
