"""Demo advice: "Op weg naar een onbeperkt Rotterdam".

The facts come from the Werkplaats Sociaal Domein report (seeds 002): the
Brede Raad 010 gives the gemeente Rotterdam advice, asked and unasked; with
students of Hogeschool Inholland (SJD) and the training "Het waarachtige
verhaal" (2017) its members collected residents' stories, with the UN
Convention on the rights of persons with disabilities as the central theme;
the advice "Op weg naar een onbeperkt Rotterdam" closed that work. The
recommendations below are written for this demo in our own words, they cite
the invented example stories of verhalen/demo/verhalen.py, and the date of
offering and the answer are invented too (the text says so).

Safe to run again: the advice is matched on its slug.
"""

import datetime

from kennisagenda.models import Thema
from verhalen.models import Reflectie, Verhaal

from .models import Aanbeveling, Advies, Antwoord, Citaat, Oordeel, Status

SLUG = "op-weg-naar-een-onbeperkt-rotterdam"
TITEL = "Op weg naar een onbeperkt Rotterdam"
THEMAS = ["maatwerk", "vertrouwen", "eigen-regie"]
INLEIDING = (
    "De Brede Raad 010 adviseert de gemeente Rotterdam, gevraagd en ongevraagd. "
    "De leden brengen de ervaring mee van Rotterdammers met een beperking of een "
    "chronische ziekte.\n\n"
    "Voor dit advies haalden leden van de raad samen met studenten van Hogeschool "
    "Inholland verhalen op bij bewoners. Ze oefenden dat eerst in de training "
    "“Het waarachtige verhaal”. Het VN-verdrag voor de rechten van mensen met een "
    "beperking was de rode draad.\n\n"
    "*Dit is demo-inhoud.* De aanbevelingen zijn voor de demo geschreven; de verhalen "
    "zijn verzonnen voorbeelden; de datum van aanbieden en het antwoord van de "
    "gemeente zijn ook verzonnen."
)
AANGEBODEN_OP = datetime.date(2017, 12, 1)
AANGEBODEN_AAN = "het college van B&W van Rotterdam (voorbeeld)"

# (recommendation, [titles of demo stories whose first paragraph it cites],
#  the gemeente's answer (oordeel, text) or None)
AANBEVELINGEN = [
    (
        "Geef iedereen die hulp vraagt één vast aanspreekpunt. Die persoon blijft "
        "bereikbaar tot de hulp echt loopt, ook als er meer loketten bij komen.",
        [
            "Drie loketten en nog steeds geen antwoord",
            "Een wijkteam dat wél doorpakt",
            "Eindelijk iemand die doorvroeg",
        ],
        (
            Oordeel.DEELS,
            "De gemeente probeert een vast aanspreekpunt eerst uit in twee wijken. "
            "(Verzonnen voorbeeld van een antwoord.)",
        ),
    ),
    (
        "Laat professionals afwijken van een regel als die regel niet past bij het "
        "gezin. Leg vast wie dat mag besluiten.",
        ["De regels zijn gemaakt voor een ander soort gezin"],
        None,
    ),
    (
        "Laat ervaringsdeskundigen meebeslissen over hoe hulp wordt ingericht, niet "
        "alleen meepraten.",
        ["Zelf de regie houden over mijn herstel", "Het wantrouwen zit er diep in"],
        None,
    ),
]

# The member's reflection on a passage that the first recommendation cites too
# (made by verhalen's demo collections, demo accounts only).
REFLECTIE_OVER = ("maatwerk-voor-de-brede-raad", "Eindelijk iemand die doorvroeg")


def _eerste_alinea(verhaal):
    eind = verhaal.tekst.find("\n")
    return 0, eind if eind > 0 else len(verhaal.tekst)


def load(stdout):
    if Advies.objects.filter(slug=SLUG).exists():
        stdout.write("Adviezen: al aanwezig.")
        return
    advies = Advies.objects.create(
        slug=SLUG,
        titel=TITEL,
        inleiding=INLEIDING,
        status=Status.AANGEBODEN,
        aangeboden_op=AANGEBODEN_OP,
        aangeboden_aan=AANGEBODEN_AAN,
    )
    advies.themas.set(Thema.objects.filter(slug__in=THEMAS))
    verhalen = {verhaal.titel: verhaal for verhaal in Verhaal.objects.niet_ingetrokken()}
    reflectie = _reflectie(verhalen)
    for volgorde, (tekst, titels, antwoord) in enumerate(AANBEVELINGEN, start=1):
        aanbeveling = Aanbeveling.objects.create(advies=advies, tekst=tekst, volgorde=volgorde)
        for titel in titels:
            if titel in verhalen:
                start, eind = _eerste_alinea(verhalen[titel])
                Citaat.objects.create(
                    aanbeveling=aanbeveling, verhaal=verhalen[titel], start=start, eind=eind
                )
        if reflectie is not None and volgorde == 1:
            Citaat.objects.create(aanbeveling=aanbeveling, reflectie=reflectie)
        if antwoord:
            Antwoord.objects.create(
                aanbeveling=aanbeveling,
                oordeel=antwoord[0],
                tekst=antwoord[1],
                datum=datetime.date(2018, 3, 1),
            )
    stdout.write(f"Adviezen: “{TITEL}” met {len(AANBEVELINGEN)} aanbevelingen.")


def _reflectie(verhalen):
    verhaal = verhalen.get(REFLECTIE_OVER[1])
    if verhaal is None:
        return None
    return Reflectie.objects.filter(
        collectie__slug=REFLECTIE_OVER[0], verhaal=verhaal, start=0
    ).first()
