"""Demo collections: for each main theme of the kennisagenda one collection
for the Brede Raad 010 and one for everyone, built from the invented example
stories of demo_verhalen.

Stories are added through the same service as in the browser, so a story
whose consent does not allow the audience is skipped (and reported), never
forced in. Safe to run again: collections are matched on their slug, items
on their story.
"""

import contextlib

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from kennisagenda.models import Thema
from verhalen.models import Collectie, Fragment, Publiek, Reflectie, Verhaal
from verhalen.services import collecties as services

# (slug, title, audience, theme slugs, introduction,
#  [(story title, quote of a coded fragment to show as excerpt or "", curator's note)])
COLLECTIES = [
    (
        "hulp-die-past",
        "Hulp die past",
        Publiek.OPENBAAR,
        ["maatwerk"],
        "Maatwerk betekent: hulp die past bij **deze** persoon, ook als de standaardregel "
        "iets anders zegt.\n\nIn deze verhalen zie je wat er gebeurt als dat lukt, en wat "
        "er misgaat als niemand naar het hele plaatje kijkt.",
        [
            (
                "Drie loketten en nog steeds geen antwoord",
                "",
                "Let op het verschil tussen de loketten en het ene telefoontje aan het eind.",
            ),
            (
                "Een wijkteam dat wél doorpakt",
                "",
                "Een professional vertelt wat er nodig is om van de regel af te wijken.",
            ),
            (
                "De regels zijn gemaakt voor een ander soort gezin",
                "",
                "Ook beleidsmakers zien dat regels soms niet passen.",
            ),
        ],
    ),
    (
        "maatwerk-voor-de-brede-raad",
        "Maatwerk: wat vraagt het van de gemeente?",
        Publiek.BREDE_RAAD,
        ["maatwerk"],
        "Voor de Brede Raad 010: verhalen over maatwerk, als voorbereiding op het advies "
        "over de toegang tot hulp.\n\nVragen om bij stil te staan:\n\n"
        "- Wanneer mag een professional afwijken van de regel?\n"
        "- Wie draagt dan de verantwoordelijkheid?",
        [
            (
                "Eindelijk iemand die doorvroeg",
                "",
                "Doorvragen kost tijd. Wat levert het op?",
            ),
            (
                "Drie loketten en nog steeds geen antwoord",
                "niemand keek naar mijn hele situatie",
                "Eén zin die het probleem samenvat.",
            ),
            (
                "Een wijkteam dat wél doorpakt",
                "",
                "",
            ),
        ],
    ),
    (
        "vertrouwen-verdienen",
        "Vertrouwen moet je verdienen",
        Publiek.OPENBAAR,
        ["vertrouwen"],
        "Veel Rotterdammers hebben weinig vertrouwen in instanties. Deze verhalen laten "
        "zien hoe vertrouwen groeit: door iemand die belt, luistert en terugkomt.",
        [
            (
                "Drie loketten en nog steeds geen antwoord",
                "",
                "Het vertrouwen komt terug door één persoon die het oppakt.",
            ),
            (
                "Een wijkteam dat wél doorpakt",
                "",
                "Vertrouwen van de andere kant: durft de organisatie de professional te "
                "vertrouwen?",
            ),
        ],
    ),
    (
        "wantrouwen-en-vertrouwen",
        "Van wantrouwen naar vertrouwen",
        Publiek.BREDE_RAAD,
        ["vertrouwen"],
        "Voor de Brede Raad 010: ervaringen van Rotterdammers en ervaringsdeskundigen met "
        "wantrouwen, en met de momenten waarop het omsloeg.",
        [
            ("Het wantrouwen zit er diep in", "", "Waar komt het wantrouwen vandaan?"),
            ("Eindelijk iemand die doorvroeg", "", ""),
            (
                "Zelf de regie houden over mijn herstel",
                "",
                "Vertrouwen en eigen regie hangen hier samen.",
            ),
            # Consent withdrawn: the service refuses it, the demo reports it.
            ("Wat ik niet meer wil delen", "", ""),
        ],
    ),
    (
        "rondkomen-in-rotterdam",
        "Rondkomen in Rotterdam",
        Publiek.OPENBAAR,
        ["bestaanszekerheid"],
        "Bestaanszekerheid is een stabiele basis van inkomen, wonen en zorg. Deze verhalen "
        "gaan over wat er gebeurt als die basis wankelt, en over regels die daarbij "
        "helpen of juist in de weg zitten.",
        [
            (
                "Drie loketten en nog steeds geen antwoord",
                "",
                "Minder uren werken betekent meteen zorgen over de huur.",
            ),
            (
                "De regels zijn gemaakt voor een ander soort gezin",
                "",
                "Hoe regels voor inkomen en toeslagen in elkaar grijpen.",
            ),
        ],
    ),
    (
        "een-stabiele-basis",
        "Een stabiele basis",
        Publiek.BREDE_RAAD,
        ["bestaanszekerheid"],
        "Voor de Brede Raad 010: wat hebben mensen nodig om niet van dag tot dag te "
        "hoeven overleven? Sommige verhalen over geldzorgen zijn alleen voor het "
        "onderzoeksteam; die staan hier dus niet in.",
        [
            ("Ik wil het zelf kunnen, maar niet alleen", "", "Rust en steun als basis."),
            ("Drie loketten en nog steeds geen antwoord", "", ""),
            ("De regels zijn gemaakt voor een ander soort gezin", "", ""),
            # Consent for the research team only: skipped by the service.
            ("Rondkomen met een wisselend inkomen", "", ""),
        ],
    ),
]

DEMO_REFLECTIE = (
    "maatwerk-voor-de-brede-raad",
    "Ik herken dit uit mijn eigen wijk. Mijn advies: geef de professional ruimte om "
    "**één keer te bellen** in plaats van een formulier te sturen.",
)


# (story title in that collection, the member's words about its first paragraph)
DEMO_PASSAGE_REFLECTIE = (
    "Eindelijk iemand die doorvroeg",
    "Dit is precies wat wij bedoelen met één aanspreekpunt: iemand die blijft "
    "doorvragen tot het klopt.",
)


def load(stdout):
    User = get_user_model()
    onderzoeker = User.objects.filter(username="onderzoeker").first()
    themas = {thema.slug: thema for thema in Thema.objects.all()}
    nieuw = overgeslagen = 0
    for slug, titel, publiek, thema_slugs, inleiding, verhalen in COLLECTIES:
        collectie = Collectie.objects.filter(slug=slug).first()
        if collectie is None:
            collectie = services.maak_collectie(
                titel=titel,
                slug=slug,
                publiek=publiek,
                inleiding=inleiding,
                themas=[themas[s] for s in thema_slugs if s in themas],
                curator=onderzoeker,
            )
            nieuw += 1
        for verhaal_titel, citaat, notitie in verhalen:
            verhaal = Verhaal.objects.filter(titel=verhaal_titel).first()
            if verhaal is None or collectie.items.filter(verhaal=verhaal).exists():
                continue
            fragmenten = Fragment.objects.filter(verhaal=verhaal, citaat=citaat) if citaat else []
            try:
                services.voeg_verhaal_toe(
                    collectie=collectie,
                    verhaal=verhaal,
                    door=onderzoeker,
                    fragmenten=list(fragmenten),
                    notitie=notitie,
                )
            except ValidationError:
                overgeslagen += 1
        if not collectie.gepubliceerd and collectie.items.exists():
            # Refused only when no story may be read by the audience: stays a draft.
            with contextlib.suppress(ValidationError):
                services.publiceer_collectie(collectie=collectie, door=onderzoeker)
    _demo_reflectie(User)
    stdout.write(
        f"Collecties: {nieuw} nieuw, {len(COLLECTIES)} in totaal; "
        f"{overgeslagen} verhaal/verhalen niet toegevoegd omdat de toestemming het niet toelaat."
    )


def _demo_reflectie(User):
    raadslid = User.objects.filter(username="raadslid").first()
    collectie = Collectie.objects.filter(slug=DEMO_REFLECTIE[0]).first()
    if raadslid is None or collectie is None:
        return
    if Reflectie.objects.filter(collectie=collectie, auteur=raadslid).exists():
        return
    if Collectie.objects.leesbaar_voor(raadslid).filter(pk=collectie.pk).exists():
        services.schrijf_reflectie(collectie=collectie, auteur=raadslid, tekst=DEMO_REFLECTIE[1])
        _demo_reflectie_op_passage(collectie, raadslid)


def _demo_reflectie_op_passage(collectie, raadslid):
    """A reflection on the first paragraph of a story (the demo advice cites it)."""
    titel, tekst = DEMO_PASSAGE_REFLECTIE
    item = collectie.zichtbare_items(raadslid).filter(verhaal__titel=titel).first()
    if item is None:
        return
    eind = item.verhaal.tekst.find("\n")
    services.schrijf_reflectie(
        collectie=collectie,
        auteur=raadslid,
        tekst=tekst,
        passage=(item.verhaal_id, 0, eind if eind > 0 else len(item.verhaal.tekst)),
    )
