"""Reads that cross into other apps or combine several models."""

from decimal import Decimal

from django.db.models import Q

from kennisagenda.models import Thema

from .models import Project, Werkteam


def projecten_voor_thema(request, thema: Thema) -> dict | None:
    """Section of the theme hub: the public projects and werkteams tagged with `thema`.

    Items tagged with one of the theme's sub-codes count too. None when there are none.
    """
    themas = Q(themas=thema) | Q(themas__parent=thema)
    projecten = list(Project.objects.gepubliceerd().filter(themas).distinct().order_by("titel"))
    werkteams = list(Werkteam.objects.gepubliceerd().filter(themas).distinct().order_by("naam"))
    if not projecten and not werkteams:
        return None
    return {"thema": thema, "projecten": projecten, "werkteams": werkteams}


def jaaroverzicht_bijdragen(bijdragen):
    """Per partner, year and kind of contribution: how often and how many hours,
    and for which projects and activities — the in-kind account of the werkplaats.

    Rows (partner, jaar, soort, aantal, uren, waarvoor), sorted by partner and year.
    """
    regels = {}
    for bijdrage in bijdragen.select_related("organisatie", "project", "kenniscafe").order_by(
        "organisatie__naam", "datum", "pk"
    ):
        sleutel = (bijdrage.organisatie.naam, bijdrage.datum.year, bijdrage.get_soort_display())
        regel = regels.setdefault(sleutel, {"aantal": 0, "uren": Decimal("0.0"), "waarvoor": []})
        regel["aantal"] += 1
        regel["uren"] += bijdrage.uren or 0
        for onderdeel in (bijdrage.project, bijdrage.kenniscafe):
            naam = str(getattr(onderdeel, "titel", "") or "")
            if naam and naam not in regel["waarvoor"]:
                regel["waarvoor"].append(naam)
    return [
        (partner, jaar, soort, regel["aantal"], regel["uren"], "; ".join(regel["waarvoor"]))
        for (partner, jaar, soort), regel in sorted(regels.items())
    ]
