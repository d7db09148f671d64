"""Importing transcripts: /verhalen/importeren/ (researchers who may add stories).

Without JavaScript the form sends all files at once and the answer lists
each file's outcome. static/js/importeren.js sends the files one by one
(header `X-Import: bestand`) and shows each outcome as it comes: the answer
is then only that file's list item.
"""

from django.shortcuts import render

from toolkit.rechten import vereist
from verhalen.forms.importeren import ImportForm
from verhalen.models import Toestemming, Verhaal
from verhalen.services.importeren import importeer_bestand


@vereist("verhalen.add_verhaal")
def verhaal_importeren(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    uitslagen = []
    if request.method == "POST" and form.is_valid():
        uitslagen = [
            importeer_bestand(bestand=bestand, door=request.user, gegevens=form.gegevens())
            for bestand in form.cleaned_data["bestanden"]
        ]
    context = {
        "form": form,
        "uitslagen": uitslagen,
        "ingevoerd": sum(uitslag.is_ingevoerd for uitslag in uitslagen),
        "onderzoek": Toestemming.ONDERZOEK,
        "gemeente": Verhaal._meta.get_field("gemeente").default,
    }
    if request.headers.get("X-Import") == "bestand" and uitslagen:
        response = render(request, "verhalen/includes/_import_uitslagen.html", context)
        response["X-Import-Uitslag"] = "1"  # importeren.js: this is a file's outcome
        return response
    return render(request, "verhalen/verhaal_importeren.html", context)
