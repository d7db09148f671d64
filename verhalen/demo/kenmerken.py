"""Demo research attributes and memos (invented, like the demo stories).

Attributes: levensdomein (a choice), leeftijdsgroep (a choice: the analysis
grouping into three life stages, next to the story's own age band, which it
is filled from), hulpvraag (yes/no). Memos: a few on stories, on a code and
in the research journal, by the demo researcher. Idempotent.
"""

from django.contrib.auth import get_user_model

from kennisagenda.models import Thema
from verhalen.models import Kenmerk, KenmerkSoort, Memo, Verhaal
from verhalen.services import kenmerken, memos

KENMERKEN = [
    (
        "Levensdomein",
        KenmerkSoort.KEUZE,
        ["wonen", "werk en inkomen", "zorg en gezondheid", "gezin en opvoeding", "meedoen"],
        "Op welk levensdomein speelt het verhaal vooral?",
    ),
    (
        "Leeftijdsgroep",
        KenmerkSoort.KEUZE,
        ["jong (tot 27)", "middenleeftijd (27-67)", "ouder (67+)"],
        "De indeling in drie levensfasen voor de analyse; de leeftijd van de verteller "
        "zelf staat bij 'Leeftijd'.",
    ),
    (
        "Hulpvraag",
        KenmerkSoort.JA_NEE,
        [],
        "Stelde de verteller in het verhaal een hulpvraag aan een instantie?",
    ),
]

LEEFTIJDSGROEP = {
    "tot-18": "jong (tot 27)",
    "18-27": "jong (tot 27)",
    "27-45": "middenleeftijd (27-67)",
    "45-67": "middenleeftijd (27-67)",
    "67-plus": "ouder (67+)",
}

# (story title, levensdomein, hulpvraag)
WAARDEN = [
    ("Drie loketten en nog steeds geen antwoord", "werk en inkomen", True),
    ("Het wantrouwen zit er diep in", "zorg en gezondheid", False),
    ("Een wijkteam dat wél doorpakt", "wonen", True),
    ("Rondkomen met een wisselend inkomen", "werk en inkomen", True),
    ("Ik wil het zelf kunnen, maar niet alleen", "zorg en gezondheid", True),
    ("De regels zijn gemaakt voor een ander soort gezin", "gezin en opvoeding", False),
    ("Mantelzorg naast een volle baan", "zorg en gezondheid", False),
    ("Eindelijk iemand die doorvroeg", "wonen", True),
    ("Het kenniscafé als plek om te luisteren", "meedoen", False),
    ("Voedselbank als laatste redmiddel", "werk en inkomen", True),
    ("Zelf de regie houden over mijn herstel", "zorg en gezondheid", False),
]

# (story title or None, code slug or None, title, text)
MEMOS = [
    (
        None,
        None,
        "Start van de analyse",
        "Voorbeeld. We coderen eerst open, daarna toetsen we de codes aan de "
        "kennisagenda. Afspraak: elke twijfel wordt een memo.",
    ),
    (
        "Drie loketten en nog steeds geen antwoord",
        None,
        "Loketten als rode draad",
        "Voorbeeld. Het *doorverwijzen* komt hier drie keer terug; vergelijk met "
        "'Eindelijk iemand die doorvroeg'.",
    ),
    (
        None,
        "vertrouwen",
        "Wanneer is het vertrouwen?",
        "Voorbeeld. We gebruiken **vertrouwen** ook als iemand vertelt dat het "
        "vertrouwen *ontbreekt*; dat staat nog niet in de codeerregel.",
    ),
]


def load(stdout):
    onderzoeker = get_user_model().objects.filter(username="onderzoeker").first()
    nieuw = 0
    for volgorde, (naam, soort, keuzes, uitleg) in enumerate(KENMERKEN, start=1):
        if not Kenmerk.objects.filter(naam=naam).exists():
            kenmerken.bewaar_kenmerk(
                naam=naam,
                soort=soort,
                keuzes=keuzes,
                uitleg=uitleg,
                volgorde=volgorde * 10,
                door=onderzoeker,
            )
            nieuw += 1
    domein = Kenmerk.objects.get(naam="Levensdomein")
    groep = Kenmerk.objects.get(naam="Leeftijdsgroep")
    hulp = Kenmerk.objects.get(naam="Hulpvraag")
    gezet = 0
    for titel, levensdomein, hulpvraag in WAARDEN:
        verhaal = Verhaal.objects.niet_ingetrokken().filter(titel=titel).first()
        if verhaal is None or verhaal.kenmerkwaarden.exists():
            continue
        waarden = {domein: levensdomein, hulp: hulpvraag}
        if verhaal.leeftijdscategorie in LEEFTIJDSGROEP:
            waarden[groep] = LEEFTIJDSGROEP[verhaal.leeftijdscategorie]
        gezet += kenmerken.zet_kenmerken(verhaal=verhaal, waarden=waarden, door=onderzoeker)
    geschreven = 0
    for titel, code_slug, memo_titel, tekst in MEMOS:
        if Memo.objects.filter(titel=memo_titel).exists():
            continue
        verhaal = Verhaal.objects.filter(titel=titel).first() if titel else None
        code = Thema.objects.filter(slug=code_slug).first() if code_slug else None
        if (titel and verhaal is None) or (code_slug and code is None) or onderzoeker is None:
            continue
        memos.schrijf_memo(
            auteur=onderzoeker, titel=memo_titel, tekst=tekst, verhaal=verhaal, code=code
        )
        geschreven += 1
    stdout.write(
        f"Onderzoekskenmerken: {nieuw} kenmerk(en) toegevoegd, {gezet} waarde(n) ingevuld; "
        f"{geschreven} memo('s) geschreven."
    )
