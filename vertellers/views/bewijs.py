"""Researchers: the teller's contact details and the consent receipt of a story.

The receipt page is the only place a personal code exists: it is made on a
POST, shown once (no-store), and posted back from that page for the PDF or
the mail. Contact details are on their own page, never on the story page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from verhalen.models import Verhaal
from vertellers import pdf, services
from vertellers.forms import BewijsCodeForm, ContactgegevensForm
from vertellers.models import Contactgegevens, Toestemmingsbewijs
from vertellers.sections import PERMISSIES
from vertellers.teksten import TOESTEMMING_KORT, TOESTEMMING_UITLEG
from vertellers.views.verteller import basis_url, vertellerspagina


def vereist_onderzoeker(view):
    """Anonymous → login; without the permissions → 403."""
    return login_required(permission_required(PERMISSIES, raise_exception=True)(view))


def _verhaal(request, pk):
    """The story through the one visibility rule (withdrawn ones: 404); never an erased one."""
    verhaal = get_object_or_404(Verhaal.objects.zichtbaar_voor(request.user), pk=pk)
    if verhaal.is_gewist:
        raise Http404
    return verhaal


def _bewijs_context(request, verhaal, code):
    context = services.bewijs_context(verhaal=verhaal, code=code, basis_url=basis_url(request))
    context["toestemming_kort"] = TOESTEMMING_KORT[verhaal.toestemming]
    context["toestemming_uitleg"] = TOESTEMMING_UITLEG[verhaal.toestemming]
    return context


@vereist_onderzoeker
@vertellerspagina
@require_http_methods(["GET", "HEAD", "POST"])
def bewijs(request, pk):
    """GET: about the receipt; POST: make a new code and show the receipt once."""
    verhaal = _verhaal(request, pk)
    if request.method == "POST":
        code = services.maak_toestemmingsbewijs(verhaal=verhaal, door=request.user)
        context = _bewijs_context(request, verhaal, code)
        context["code_form"] = BewijsCodeForm(initial={"code": code})
        context["email"] = (
            Contactgegevens.objects.filter(verhaal=verhaal)
            .exclude(email="")
            .values_list("email", flat=True)
            .first()
        )
        return render(request, "vertellers/bewijs.html", context)
    return render(
        request,
        "vertellers/bewijs_start.html",
        {
            "verhaal": verhaal,
            "bestaand": Toestemmingsbewijs.objects.filter(verhaal=verhaal).first(),
            "contact": Contactgegevens.objects.filter(verhaal=verhaal).first(),
        },
    )


def _code_van(request, verhaal):
    form = BewijsCodeForm(request.POST)
    if not form.is_valid() or not services.hoort_bij(form.cleaned_data["code"], verhaal):
        raise PermissionDenied(_("Deze code hoort niet (meer) bij dit verhaal."))
    return form.cleaned_data["code"]


@require_POST
@vereist_onderzoeker
@vertellerspagina
def bewijs_pdf(request, pk):
    verhaal = _verhaal(request, pk)
    code = _code_van(request, verhaal)
    response = HttpResponse(
        pdf.bewijs_pdf(_bewijs_context(request, verhaal, code)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="toestemmingsbewijs-{verhaal.pk}.pdf"'
    return response


@require_POST
@vereist_onderzoeker
@vertellerspagina
def bewijs_mailen(request, pk):
    verhaal = _verhaal(request, pk)
    code = _code_van(request, verhaal)
    try:
        adres = services.mail_toestemmingsbewijs(
            verhaal=verhaal, code=code, basis_url=basis_url(request)
        )
    except services.GeenEmailadres:
        messages.error(
            request,
            _("Er is geen e-mailadres van de verteller. Vul het eerst in bij de contactgegevens."),
        )
        return redirect("vertellers:contactgegevens", pk=verhaal.pk)
    messages.success(
        request, _("Het toestemmingsbewijs is verstuurd naar %(adres)s.") % {"adres": adres}
    )
    return redirect("vertellers:bewijs", pk=verhaal.pk)


@vereist_onderzoeker
@vertellerspagina
@require_http_methods(["GET", "HEAD", "POST"])
def contactgegevens(request, pk):
    verhaal = _verhaal(request, pk)
    bestaand = Contactgegevens.objects.filter(verhaal=verhaal).first()
    form = ContactgegevensForm(request.POST or None, instance=bestaand)
    if request.method == "POST" and form.is_valid():
        if not request.user.has_perm("vertellers.change_contactgegevens"):
            raise PermissionDenied
        services.bewaar_contactgegevens(verhaal=verhaal, gegevens=form.cleaned_data)
        messages.success(request, _("De contactgegevens zijn bewaard."))
        return redirect("vertellers:bewijs", pk=verhaal.pk)
    return render(request, "vertellers/contactgegevens.html", {"verhaal": verhaal, "form": form})
