"""Demo content of projecten: the lab's projects and werkteams from demo_data.

Safe to run again: everything is matched on its slug (people on their name)
and brought in line with the data.
"""

import datetime

from django.db import transaction

from kennisagenda.demo import opslaan, themas_met_slug

from . import demo_data
from .models import (
    Bijeenkomst,
    Lidmaatschap,
    Organisatie,
    Persoon,
    Project,
    Projectpartner,
    Publicatie,
    Werkteam,
    Wijk,
)

PERIODE_VELDEN = ("startjaar", "startmaand", "eindjaar", "eindmaand")


def _periode(data):
    return {veld: data.get(veld) for veld in PERIODE_VELDEN}


@transaction.atomic
def load(stdout):
    organisaties = {
        slug: opslaan(
            Organisatie,
            lookup={"slug": slug},
            values={"naam": naam, "afkorting": afkorting, "soort": soort, "website": website},
        )
        for slug, (naam, afkorting, soort, website) in demo_data.ORGANISATIES.items()
    }

    projecten = {}
    for data in demo_data.PROJECTEN:
        financier = organisaties[data["financier"]] if data.get("financier") else None
        project = opslaan(
            Project,
            lookup={"slug": data["slug"]},
            values={
                "titel": data["titel"],
                "samenvatting": data["samenvatting"],
                "achtergrond": data.get("achtergrond", ""),
                "doelstelling": data.get("doelstelling", ""),
                "opzet": data.get("opzet", ""),
                "resultaten": data.get("resultaten", ""),
                "financier": financier,
                **_periode(data),
            },
        )
        gewenst = set()
        for organisatie_slug, rol, *periode in data.get("partners", []):
            van, tot = periode or (None, None)
            partner, _ = Projectpartner.objects.update_or_create(
                project=project,
                organisatie=organisaties[organisatie_slug],
                rol=rol,
                defaults={"van": _datum(van), "tot": _datum(tot)},
            )
            gewenst.add(partner.pk)
        project.partnerschappen.exclude(pk__in=gewenst).delete()
        project.wijken.set(Wijk.objects.filter(slug__in=data.get("wijken", [])))
        project.themas.set(themas_met_slug(data.get("themas", [])))
        projecten[project.slug] = project

    werkteams = {}
    for data in demo_data.WERKTEAMS:
        werkteam = opslaan(
            Werkteam,
            lookup={"slug": data["slug"]},
            values={
                "naam": data["naam"],
                "leervraag": data.get("leervraag", ""),
                "beschrijving": data.get("beschrijving", ""),
                "resultaten": data.get("resultaten", ""),
                "project": projecten[data["project"]] if data.get("project") else None,
                **_periode(data),
            },
        )
        werkteam.themas.set(themas_met_slug(data.get("themas", [])))
        werkteam.wijken.set(Wijk.objects.filter(slug__in=data.get("wijken", [])))
        for naam, rol, organisatie_slug in data.get("leden", []):
            organisatie = organisaties[organisatie_slug] if organisatie_slug else None
            # A delegation, not a named person: its "name" never shows on the site.
            persoon = opslaan(
                Persoon,
                lookup={"naam": naam},
                values={"organisatie": organisatie, "toon_naam_publiek": False},
            )
            Lidmaatschap.objects.update_or_create(
                werkteam=werkteam,
                persoon=persoon,
                rol=rol,
                van=None,
                defaults={"organisatie": organisatie},
            )
        for datum, soort, titel, verslag in data.get("bijeenkomsten", []):
            opslaan(
                Bijeenkomst,
                lookup={
                    "werkteam": werkteam,
                    "datum": datetime.date.fromisoformat(datum),
                    "titel": titel,
                },
                values={"soort": soort, "verslag": verslag},
            )
        werkteams[werkteam.slug] = werkteam

    for (
        slug,
        titel,
        auteurs,
        jaar,
        soort,
        link,
        project_slug,
        werkteam_slug,
        gepubliceerd,
    ) in demo_data.PUBLICATIES:
        opslaan(
            Publicatie,
            lookup={"slug": slug},
            values={
                "titel": titel,
                "auteurs": auteurs,
                "jaar": jaar,
                "soort": soort,
                "link": link,
                "project": projecten.get(project_slug),
                "werkteam": werkteams.get(werkteam_slug),
                "gepubliceerd": gepubliceerd,
            },
        )

    stdout.write(
        f"Projecten: {len(projecten)} projecten, {len(werkteams)} werkteams, "
        f"{len(demo_data.PUBLICATIES)} publicaties, {len(organisaties)} organisaties."
    )


def _datum(tekst):
    return datetime.date.fromisoformat(tekst) if tekst else None
