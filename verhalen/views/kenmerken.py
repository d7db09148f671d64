"""Research attributes (/verhalen/kenmerken/…): the researchers define the
attributes stories get (levensdomein, hulpvraag, …). Values are filled on
the story form and from the story list (verhalen/views/selectie.py)."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from toolkit.rechten import vereist
from verhalen.forms.kenmerken import KenmerkForm
from verhalen.models import Kenmerk
from verhalen.services import kenmerken as services


@vereist("verhalen.view_kenmerk")
@require_http_methods(["GET", "HEAD"])
def kenmerk_list(request):
    # How many stories have a value: all stories, also withdrawn ones, so
    # this number is no count of visible stories (it says how much was filled).
    kenmerken = Kenmerk.objects.annotate(aantal=Count("waarden"))
    return render(request, "verhalen/kenmerk_list.html", {"kenmerken": kenmerken})


def _bewaar(request, form, kenmerk=None):
    return services.bewaar_kenmerk(
        kenmerk=kenmerk,
        naam=form.cleaned_data["naam"],
        soort=form.cleaned_data["soort"],
        keuzes=form.cleaned_data["keuzes"],
        uitleg=form.cleaned_data["uitleg"],
        volgorde=form.cleaned_data["volgorde"],
        door=request.user,
    )


@vereist("verhalen.add_kenmerk")
@require_http_methods(["GET", "HEAD", "POST"])
def kenmerk_nieuw(request):
    form = KenmerkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kenmerk = _bewaar(request, form)
        messages.success(
            request, _("Het kenmerk “%(naam)s” is toegevoegd.") % {"naam": kenmerk.naam}
        )
        return redirect("verhalen:kenmerken")
    return render(request, "verhalen/kenmerk_form.html", {"form": form})


@vereist("verhalen.change_kenmerk")
@require_http_methods(["GET", "HEAD", "POST"])
def kenmerk_bewerken(request, slug):
    kenmerk = get_object_or_404(Kenmerk, slug=slug)
    form = KenmerkForm(request.POST or None, instance=Kenmerk.objects.get(pk=kenmerk.pk))
    if request.method == "POST" and form.is_valid():
        _bewaar(request, form, kenmerk)
        messages.success(request, _("De wijzigingen zijn opgeslagen."))
        return redirect("verhalen:kenmerken")
    return render(request, "verhalen/kenmerk_form.html", {"form": form, "kenmerk": kenmerk})
