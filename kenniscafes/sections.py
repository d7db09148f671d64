"""What kenniscafés contribute to the home page, theme hubs and project/werkteam pages."""

from django.db.models import Q
from django.urls import reverse

from .models import Kenniscafe


def home(request, obj=None):
    """The next three upcoming cafés (always shown, so visitors find the agenda)."""
    return {"kenniscafes": list(Kenniscafe.objects.gepubliceerd().komend().voor_lijst()[:3])}


def thema(request, thema):
    # The section shows title, date and places only: no location, series or themes to load.
    cafes = list(Kenniscafe.objects.gepubliceerd().komend().met_thema(thema).met_aantallen())
    if not cafes:
        return None
    return {
        "titel": f"Kenniscafés over {thema.name}",
        "kenniscafes": cafes,
        "ics_url": reverse("kenniscafes:thema_ics", kwargs={"slug": thema.slug}),
        "ics_label": f"Abonneer je op de kenniscafés over {thema.name}",
    }


def _komend_en_voorbij(cafes, titel, **extra):
    cafes = cafes.gepubliceerd().voor_lijst()
    komend = list(cafes.komend())
    voorbij = list(cafes.voorbij())
    if not komend and not voorbij:
        return None
    return {"titel": titel, "kenniscafes": komend, "voorbij": voorbij, **extra}


def project(request, project):
    return _komend_en_voorbij(
        Kenniscafe.objects.filter(Q(project=project) | Q(werkteam__project=project)).distinct(),
        "Kenniscafés van dit project",
    )


def werkteam(request, werkteam):
    return _komend_en_voorbij(
        Kenniscafe.objects.filter(werkteam=werkteam),
        "Kenniscafés van dit werkteam",
        ics_url=reverse("kenniscafes:werkteam_ics", kwargs={"slug": werkteam.slug}),
        ics_label=f"Abonneer je op de kenniscafés van {werkteam.naam}",
    )


def voor_jou(request, obj=None):
    """'Voor jou' of coordinators: the coming cafés with their registrations."""
    if not request.user.has_perm("kenniscafes.view_aanmelding"):
        return None
    return {"kenniscafes": list(Kenniscafe.objects.komend().voor_lijst()[:8])}
