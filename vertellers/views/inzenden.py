"""The public form where anyone sends in their own story, and the thank-you
page (vertellers/inzending.py holds the form, its spam checks and the write)."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from vertellers.inzending import InzendForm, begintijd, stuur_in, te_vaak, tel_inzending


def _formulier(request, form, *, status=200, te_vaak_gestuurd=False):
    # A fresh start time on every showing: a person sent back (too fast, too
    # long open) can simply send again.
    if form.is_bound:
        form.data = form.data.copy()
        form.data["begonnen"] = begintijd()
    return render(
        request,
        "vertellers/inzenden.html",
        {"form": form, "te_vaak": te_vaak_gestuurd},
        status=status,
    )


@never_cache
def inzenden(request):
    if request.method != "POST":
        return _formulier(request, InzendForm(initial={"begonnen": begintijd()}))
    form = InzendForm(request.POST)
    if te_vaak(request):
        return _formulier(request, form, status=429, te_vaak_gestuurd=True)
    if not form.is_valid():
        return _formulier(request, form)
    tel_inzending(request)
    stuur_in(verhaal=form.verhaal(), contact=form.contact())
    return redirect("inzenden:bedankt")


def bedankt(request):
    return render(request, "vertellers/inzenden_bedankt.html")
