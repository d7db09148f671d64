"""RSS and Atom feeds of the kenniscafés (django.contrib.syndication)."""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from . import ical
from .forms import AgendaFilterForm
from .models import Kenniscafe, Soort


class KenniscafeFeed(Feed):
    title = "Kenniscafés en bijeenkomsten in de Verhalenbank van CARE lab Rotterdam"
    link = reverse_lazy("kenniscafes:agenda")
    description = (
        "Nieuwe en komende kenniscafés en andere bijeenkomsten, en verslagen van wat geweest "
        "is. Wie een bijeenkomst organiseert, staat bij elke bijeenkomst."
    )
    language = "nl"
    aantal = 30

    def get_object(self, request, *args, **kwargs):
        return AgendaFilterForm(request.GET or None)

    def items(self, filter_form):
        return (
            filter_form.filter(Kenniscafe.objects.gepubliceerd())
            .select_related("locatie", "werkteam", "project")
            .prefetch_related(Prefetch("themas", to_attr="themas_lijst"))
            .order_by("-start", "-pk")[: self.aantal]
        )

    def item_title(self, item):
        titel = f"{item.titel} — {item.datum_tekst}"
        if item.soort != Soort.KENNISCAFE:
            titel = f"{item.get_soort_display().capitalize()}: {titel}"
        return f"Afgelast: {titel}" if item.is_afgelast else titel

    def item_description(self, item):
        delen = []
        if item.mededeling:
            delen.append(item.mededeling)
        if item.locatie:
            delen.append(f"Waar: {item.locatie.volledig_adres}")
        if item.online_link:
            delen.append("Ook online te volgen.")
        if item.beschrijving:
            delen.append(item.beschrijving)
        if item.verslag:
            delen.append("Het verslag staat op de website.")
        return "\n\n".join(delen)

    def item_author_name(self, item):
        return ", ".join(naam for naam, _url in item.organisatoren)

    def item_guid(self, item):
        return ical.uid(item)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.aangemaakt

    def item_updateddate(self, item):
        return item.gewijzigd

    def item_categories(self, item):
        return [thema.name for thema in item.themas_lijst]


class KenniscafeAtomFeed(KenniscafeFeed):
    feed_type = Atom1Feed
    subtitle = KenniscafeFeed.description
