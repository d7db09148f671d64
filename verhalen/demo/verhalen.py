"""Demo stories: twelve INVENTED example stories with a few coded fragments.

Every text starts by saying it is an invented example; no real person's data
is in here. Safe to run again: a story is matched on its title, so nothing is
duplicated. Projects, werkteams and wijken are looked up by slug and simply
left empty when the projecten demo did not create them.
"""

from datetime import date

from django.contrib.auth import get_user_model

from kennisagenda.models import Thema
from projecten.models import Project, Werkteam, Wijk
from verhalen.models import Fragment, Verhaal
from verhalen.services.verhalen import maak_verhaal

VOORBEELD = "(Verzonnen voorbeeld, geen echt verhaal.) "

# (title, teller type, pseudonym, age band, gemeente, wijk slug, method,
#  collected on, consent, project slug, werkteam slug, themes, keywords,
#  summary, text, [(quote, [codes], memo)])
VERHALEN = [
    (
        "Drie loketten en nog steeds geen antwoord",
        "bewoner",
        "Moeder uit Zuid",
        "27-45",
        "rotterdam",
        "hillesluis",
        "keukentafelgesprek",
        date(2024, 3, 12),
        "openbaar",
        "maatwerk-in-dialoog",
        "",
        ["maatwerk", "complexiteit-en-regeldruk", "vertrouwen"],
        ["loketten", "formulieren"],
        "Een moeder vertelt hoe ze voor één vraag langs drie loketten werd gestuurd.",
        "Ik had één vraag: kan ik hulp krijgen met de huur nu mijn uren minder zijn. "
        "Bij het eerste loket zeiden ze dat ik bij het tweede moest zijn. Daar kreeg ik "
        "een formulier mee van elf kantjes.\n"
        "Bij het derde loket vroegen ze dezelfde papieren nog een keer. Ik snap dat ze "
        "regels hebben, maar niemand keek naar mijn hele situatie.\n"
        "Uiteindelijk was het de buurtvrouw van het wijkteam die zei: ik bel wel even. "
        "Binnen een week was het geregeld. Waarom kan dat niet meteen zo?",
        [
            (
                "niemand keek naar mijn hele situatie",
                ["maatwerk"],
                "Kern: gemis aan integrale blik.",
            ),
            (
                "een formulier mee van elf kantjes",
                ["complexiteit-en-regeldruk"],
                "Regeldruk heel concreet.",
            ),
            ("ik bel wel even", ["maatwerk", "vertrouwen"], "Persoonlijk contact lost het op."),
        ],
    ),
    (
        "Het wantrouwen zit er diep in",
        "ervaringsdeskundige",
        "Ervaringsdeskundige West",
        "45-67",
        "rotterdam",
        "spangen",
        "interview",
        date(2024, 4, 2),
        "brede_raad",
        "",
        "",
        ["vertrouwen", "ervaringsdeskundigheid"],
        ["toeslagen", "brieven"],
        "Over wantrouwen tegenover instanties na jaren van terugvorderingen.",
        "Na alles wat er met de toeslagen is gebeurd, ben ik wantrouwend geworden. "
        "Als er een brief komt met een logo erop, laat ik hem eerst een dag liggen.\n"
        "Nu werk ik zelf als ervaringsdeskundige. Mensen vertellen mij dingen die ze "
        "nooit aan een ambtenaar zouden vertellen. Niet omdat ik slimmer ben, maar "
        "omdat ik hetzelfde heb meegemaakt.\n"
        "Vertrouwen komt te voet en gaat te paard, zei mijn moeder altijd.",
        [
            (
                "ben ik wantrouwend geworden",
                ["vertrouwen"],
                "Wantrouwen als gevolg van eerdere ervaringen.",
            ),
            (
                "omdat ik hetzelfde heb meegemaakt",
                ["ervaringsdeskundigheid", "vertrouwen"],
                "",
            ),
        ],
    ),
    (
        "Een wijkteam dat wél doorpakt",
        "professional",
        "Wijkteammedewerker Noord",
        "27-45",
        "rotterdam",
        "oude-noorden",
        "interview",
        date(2024, 5, 21),
        "openbaar",
        "",
        "",
        ["integraliteit", "maatwerk", "governance"],
        ["wijkteam", "ruimte"],
        "Een professional over de ruimte die nodig is om buiten de regels te kijken.",
        "Wij kregen vorig jaar een potje om af te wijken van de regels als dat nodig "
        "was. Klein bedrag, maar het veranderde alles.\n"
        "Ik kon een gezin helpen met een kapotte wasmachine voordat de schulden "
        "opliepen. Vroeger moest ik daar drie weken voor aanvragen.\n"
        "Wat ik mis: dat de mensen boven ons ook zien wat het oplevert. Het staat in "
        "geen enkele rapportage.",
        [
            (
                "het veranderde alles",
                ["maatwerk"],
                "Kleine ruimte, groot effect.",
            ),
            (
                "Het staat in geen enkele rapportage",
                ["governance"],
                "Systeemwereld ziet de winst niet.",
            ),
        ],
    ),
    (
        "Rondkomen met een wisselend inkomen",
        "bewoner",
        "Vader met twee banen",
        "27-45",
        "rotterdam",
        "tarwewijk",
        "focusgroep",
        date(2024, 6, 5),
        "onderzoek",
        "",
        "",
        ["bestaanszekerheid", "complexiteit-en-regeldruk"],
        ["flexwerk", "terugbetalen"],
        "Hoe een wisselend inkomen steeds tot terugbetalingen leidt.",
        "De ene maand werk ik veertig uur, de andere maand twaalf. Elke keer moet ik "
        "het doorgeven, en elke keer klopt er daarna iets niet.\n"
        "Dan krijg ik een brief dat ik iets moet terugbetalen van maanden geleden. "
        "Ik leef van maand tot maand, ik kan niet sparen voor een fout van het systeem.\n"
        "Bestaanszekerheid is voor mij: weten wat er volgende maand binnenkomt.",
        [
            (
                "weten wat er volgende maand binnenkomt",
                ["bestaanszekerheid"],
                "Eigen definitie van bestaanszekerheid.",
            ),
        ],
    ),
    (
        "Ik wil het zelf kunnen, maar niet alleen",
        "bewoner",
        "Oudere dame uit Ommoord",
        "67-plus",
        "rotterdam",
        "ommoord",
        "keukentafelgesprek",
        date(2024, 2, 20),
        "brede_raad",
        "ouderenhubs",
        "",
        ["zelfredzaamheid", "sociaal-netwerk", "eigen-regie"],
        ["eenzaamheid", "ontmoeting"],
        "Een oudere bewoner over zelf willen blijven doen, met een netwerk om zich heen.",
        "Ze zeggen steeds dat ik zelfredzaam moet zijn. Dat wil ik ook, ik doe mijn "
        "eigen boodschappen en mijn eigen administratie.\n"
        "Maar sinds mijn buurvrouw verhuisd is, praat ik soms dagen met niemand. Bij "
        "de koffieochtend in het buurthuis ken ik nu een paar mensen.\n"
        "Zelf doen en er niet alleen voor staan, dat gaat prima samen.",
        [
            (
                "praat ik soms dagen met niemand",
                ["sociaal-netwerk"],
                "Eenzaamheid na wegvallen van het netwerk.",
            ),
            (
                "Zelf doen en er niet alleen voor staan",
                ["zelfredzaamheid", "eigen-regie"],
                "Zelfredzaamheid ≠ alleen.",
            ),
        ],
    ),
    (
        "De regels zijn gemaakt voor een ander soort gezin",
        "beleidsmaker",
        "Beleidsadviseur sociaal domein",
        "45-67",
        "rotterdam",
        "",
        "interview",
        date(2024, 7, 1),
        "openbaar",
        "integraliteit-gemeentelijk-aanbod",
        "",
        ["integraliteit", "governance", "complexiteit-en-regeldruk"],
        ["beleid", "regelingen"],
        "Een beleidsmaker ziet hoe regelingen elkaar tegenwerken.",
        "Op papier heeft elke regeling een goed doel. Maar als je ze naast elkaar "
        "legt voor één gezin, werken ze elkaar tegen.\n"
        "Een extra uur werken kan betekenen dat je ergens anders meer verliest. Dat "
        "heeft niemand zo bedoeld.\n"
        "Wij moeten leren kijken vanuit het gezin, niet vanuit de regeling.",
        [
            (
                "werken ze elkaar tegen",
                ["integraliteit", "complexiteit-en-regeldruk"],
                "Stapeling van regelingen.",
            ),
            (
                "kijken vanuit het gezin, niet vanuit de regeling",
                ["integraliteit"],
                "",
            ),
        ],
    ),
    (
        "Mantelzorg naast een volle baan",
        "mantelzorger",
        "Dochter en mantelzorger",
        "45-67",
        "schiedam",
        "",
        "schriftelijk",
        date(2024, 1, 15),
        "onderzoek",
        "",
        "",
        ["sociaal-netwerk", "bestaanszekerheid"],
        ["mantelzorg", "werk"],
        "Een dochter schrijft over zorgen voor haar vader naast haar werk.",
        "Elke ochtend voor mijn werk ga ik langs bij mijn vader. 's Avonds weer. In "
        "het weekend doe ik zijn was.\n"
        "Mijn werkgever is begripvol, maar ik heb al twee keer minder uren moeten "
        "werken. Dat merk ik in mijn portemonnee.\n"
        "Ik doe het met liefde, maar ik ben moe.",
        [
            (
                "ik heb al twee keer minder uren moeten werken",
                ["bestaanszekerheid"],
                "Mantelzorg kost inkomen.",
            ),
        ],
    ),
    (
        "Eindelijk iemand die doorvroeg",
        "bewoner",
        "Jongere uit Crooswijk",
        "18-27",
        "rotterdam",
        "crooswijk",
        "interview",
        date(2024, 8, 14),
        "brede_raad",
        "",
        "",
        ["vertrouwen", "maatwerk"],
        ["jongeren", "schulden"],
        "Een jongere over de hulpverlener die wel doorvroeg.",
        "Ik had schulden en schaamde me. Bij de eerste afspraak zei ik dat alles "
        "goed ging.\n"
        "De hulpverlener vroeg niet door, en ik ging weer naar huis. Pas bij de "
        "tweede hulpverlener, die gewoon vroeg hoe het echt ging, heb ik alles "
        "verteld.\n"
        "Het ging niet om het formulier. Het ging erom dat iemand de tijd nam.",
        [
            (
                "Ik had schulden en schaamde me",
                ["vertrouwen"],
                "Schaamte als drempel.",
            ),
            (
                "dat iemand de tijd nam",
                ["maatwerk", "vertrouwen"],
                "",
            ),
        ],
    ),
    (
        "Het kenniscafé als plek om te luisteren",
        "professional",
        "Opbouwwerker",
        "27-45",
        "rotterdam",
        "bloemhof",
        "kenniscafe",
        date(2024, 9, 26),
        "openbaar",
        "",
        "",
        ["governance", "sociaal-netwerk"],
        ["kenniscafé", "dialoog"],
        "Een opbouwwerker over wat het kenniscafé met ambtenaren en bewoners doet.",
        "Tijdens het kenniscafé zaten een ambtenaar en een bewoner aan dezelfde tafel. "
        "Ze hadden elkaar eerder alleen per brief gesproken.\n"
        "Het gesprek begon stroef. Aan het eind wisselden ze een telefoonnummer uit "
        "om de volgende stap samen te zetten.\n"
        "Zulke momenten kun je niet plannen, wel mogelijk maken.",
        [
            (
                "Ze hadden elkaar eerder alleen per brief gesproken",
                ["governance"],
                "Leefwereld en systeemwereld ontmoeten elkaar.",
            ),
        ],
    ),
    (
        "Voedselbank als laatste redmiddel",
        "vrijwilliger",
        "Vrijwilliger voedselbank",
        "67-plus",
        "vlaardingen",
        "",
        "interview",
        date(2023, 11, 30),
        "onderzoek",
        "",
        "",
        ["bestaanszekerheid"],
        ["voedselbank", "armoede"],
        "Een vrijwilliger ziet steeds meer werkende mensen bij de voedselbank.",
        "Vroeger kwamen hier vooral mensen zonder werk. Nu zie ik steeds vaker mensen "
        "die gewoon een baan hebben.\n"
        "Ze schamen zich, ze kijken naar de grond. Wij proberen er een gewone "
        "winkel van te maken, met koffie erbij.\n"
        "Dat werkenden hier moeten komen, zegt iets over onze tijd.",
        [
            (
                "steeds vaker mensen die gewoon een baan hebben",
                ["bestaanszekerheid"],
                "Werkende armen.",
            ),
        ],
    ),
    (
        "Zelf de regie houden over mijn herstel",
        "ervaringsdeskundige",
        "Ervaringsdeskundige GGZ",
        "27-45",
        "capelle-aan-den-ijssel",
        "",
        "focusgroep",
        date(2024, 10, 8),
        "brede_raad",
        "",
        "",
        ["eigen-regie", "ervaringsdeskundigheid", "vertrouwen"],
        ["herstel", "ggz"],
        "Over het verschil tussen meepraten en echt mogen beslissen.",
        "In mijn behandelplan stond dat ik eigen regie had. Maar alle beslissingen "
        "werden in een overleg genomen waar ik niet bij was.\n"
        "Pas toen ik zelf aan tafel zat, voelde het als mijn herstel. Nu help ik "
        "anderen om die plek aan tafel op te eisen.\n"
        "Eigen regie is geen woord op papier, het is een stoel aan tafel.",
        [
            (
                "een overleg genomen waar ik niet bij was",
                ["eigen-regie"],
                "Eigen regie op papier, niet in de praktijk.",
            ),
            (
                "een stoel aan tafel",
                ["eigen-regie", "ervaringsdeskundigheid"],
                "",
            ),
        ],
    ),
    (
        "Wat ik niet meer wil delen",
        "bewoner",
        "Bewoner Charlois",
        "45-67",
        "rotterdam",
        "pendrecht",
        "interview",
        date(2023, 10, 3),
        "ingetrokken",
        "",
        "",
        ["vertrouwen"],
        [],
        "Voorbeeld van een verhaal waarvan de toestemming is ingetrokken.",
        "Dit voorbeeld laat zien wat er gebeurt als een verteller de toestemming "
        "intrekt: het verhaal verdwijnt uit elke lijst, zoekopdracht en collectie.\n"
        "Alleen de beheerder ziet het nog, tot de inhoud op verzoek wordt gewist.",
        [],
    ),
]


def _eerste(model, slug):
    if not slug:
        return None
    return model.objects.filter(slug=slug).first()


def load(stdout):
    onderzoeker = get_user_model().objects.filter(username="onderzoeker").first()
    themas = {thema.slug: thema for thema in Thema.objects.all()}
    nieuw = 0
    for (
        titel,
        verteller_type,
        pseudoniem,
        leeftijd,
        gemeente,
        wijk_slug,
        verzamelwijze,
        verzameld_op,
        toestemming,
        project_slug,
        werkteam_slug,
        thema_slugs,
        trefwoorden,
        samenvatting,
        tekst,
        fragmenten,
    ) in VERHALEN:
        if Verhaal.objects.filter(titel=titel).exists():
            continue
        verhaal = maak_verhaal(
            gegevens={
                "titel": titel,
                "tekst": VOORBEELD + tekst,
                "samenvatting": samenvatting,
                "verteller_type": verteller_type,
                "pseudoniem": pseudoniem,
                "leeftijdscategorie": leeftijd,
                "gemeente": gemeente,
                "wijk": _eerste(Wijk, wijk_slug),
                "verzamelwijze": verzamelwijze,
                "verzameld_op": verzameld_op,
                "verzameld_door": onderzoeker,
                "project": _eerste(Project, project_slug),
                "werkteam": _eerste(Werkteam, werkteam_slug),
                "toestemming": toestemming,
                "toestemming_datum": verzameld_op,
                "themas": [themas[slug] for slug in thema_slugs if slug in themas],
                "trefwoorden": trefwoorden,
            },
            door=onderzoeker,
            reden="Demo-verhaal",
        )
        for citaat, codes, memo in fragmenten:
            start = verhaal.tekst.index(citaat)
            fragment = Fragment(
                verhaal=verhaal,
                start=start,
                eind=start + len(citaat),
                citaat=citaat,
                memo=memo,
                codeur=onderzoeker,
            )
            fragment.full_clean()
            fragment.skip_history_when_saving = True
            fragment.save()
            del fragment.skip_history_when_saving
            fragment.codes.set([themas[slug] for slug in codes if slug in themas])
            fragment._history_user = onderzoeker
            fragment._change_reason = "Demo-fragment"
            fragment.save()
            # The first recorded version is the creation.
            Fragment.history.filter(id=fragment.pk).update(history_type="+")
        nieuw += 1
    stdout.write(f"Voorbeeldverhalen: {nieuw} nieuw, {len(VERHALEN)} in totaal.")
