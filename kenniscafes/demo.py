"""Demo content: the Werkplaats kenniscafés 2017–2019 and its other dated
activities 2016–2019 (workshops, trainings, …) in the archive, and two
upcoming example cafés (relative to today) so the agenda is never empty.

Safe to run again: everything is matched on its slug and brought in line.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from kennisagenda.demo import opslaan, themas_met_slug
from projecten.models import Project, Werkteam

from . import demo_data
from .models import Kenniscafe, Locatie, Reeks, Spreker

TIJDZONE = ZoneInfo(settings.TIME_ZONE)


def _hele_dag(datum):
    dag = datetime.date.fromisoformat(datum)
    start = datetime.datetime.combine(dag, datetime.time(0, 0), tzinfo=TIJDZONE)
    return start, start + datetime.timedelta(hours=23, minutes=59)


def _volgende_donderdag(weken):
    dag = timezone.localdate() + datetime.timedelta(weeks=weken)
    return dag + datetime.timedelta(days=(3 - dag.weekday()) % 7)


def load(stdout):
    project = Project.objects.filter(slug=demo_data.WERKPLAATS_PROJECT).first()
    werkteams = {werkteam.slug: werkteam for werkteam in Werkteam.objects.all()}
    reeksen = {
        slug: opslaan(Reeks, lookup={"slug": slug}, values={"titel": titel, "beschrijving": tekst})
        for slug, (titel, tekst) in demo_data.REEKSEN.items()
    }
    for datum, titel, slug, werkteam, reeks, themas, beschrijving in demo_data.ARCHIEF:
        start, eind = _hele_dag(datum)
        cafe = opslaan(
            Kenniscafe,
            lookup={"slug": slug},
            values={
                "titel": titel,
                "start": start,
                "eind": eind,
                "tijd_bekend": False,
                "beschrijving": beschrijving or demo_data.ALGEMENE_BESCHRIJVING,
                "werkteam": werkteams.get(werkteam) if werkteam else None,
                "project": project,
                "reeks": reeksen[reeks] if reeks else None,
                "aanmelden_open": False,
                "gepubliceerd": True,
            },
        )
        cafe.themas.set(themas_met_slug(themas))

    for datum, soort, titel, slug, werkteam, beschrijving in demo_data.ACTIVITEITEN:
        start, eind = _hele_dag(datum)
        opslaan(
            Kenniscafe,
            lookup={"slug": slug},
            values={
                "soort": soort,
                "titel": titel,
                "start": start,
                "eind": eind,
                "tijd_bekend": False,
                "beschrijving": beschrijving,
                "werkteam": werkteams.get(werkteam) if werkteam else None,
                "project": project,
                "aanmelden_open": False,
                "gepubliceerd": True,
            },
        )

    locatie = opslaan(
        Locatie,
        lookup={"naam": demo_data.VOORBEELD_LOCATIE["naam"]},
        values=demo_data.VOORBEELD_LOCATIE,
    )
    for slug, titel, weken, themas, capaciteit, online, beschrijving in demo_data.VOORBEELDEN:
        dag = _volgende_donderdag(weken)
        start = datetime.datetime.combine(dag, datetime.time(15, 0), tzinfo=TIJDZONE)
        cafe = opslaan(
            Kenniscafe,
            lookup={"slug": slug},
            values={
                "titel": titel,
                "start": start,
                "eind": start + datetime.timedelta(hours=2),
                "tijd_bekend": True,
                "locatie": locatie,
                "online_link": "https://voorbeeld.invalid/kenniscafe" if online else "",
                "beschrijving": beschrijving,
                "capaciteit": capaciteit,
                "aanmelden_open": True,
                "aanmelden_tot": None,
                "gepubliceerd": True,
                "is_voorbeeld": True,
            },
        )
        cafe.themas.set(themas_met_slug(themas))
        if not cafe.sprekers.exists():
            Spreker.objects.create(
                kenniscafe=cafe, naam="Voorbeeldspreker (verzonnen)", rol="ervaringsdeskundige"
            )
    stdout.write(
        f"Kenniscafés: {len(demo_data.ARCHIEF)} uit het archief van de Werkplaats "
        f"en {len(demo_data.ACTIVITEITEN)} andere activiteiten, "
        f"{len(demo_data.VOORBEELDEN)} verzonnen voorbeelden in de agenda."
    )
