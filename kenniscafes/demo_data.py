"""Facts for the demo: the kenniscafés the Werkplaats Sociaal Domein reports for 2017–2019.

Dates and titles come from the Werkplaats report (2016–2019); which werkteam
organised a café comes from that report's list of each werkteam's activities.
Times and places are not in the report, so these cafés carry only their date
(`tijd_bekend=False`) and no place. There are no reports (verslagen) here:
the report only names the cafés. The themes are our own reading of the titles.
"""

WERKPLAATS_PROJECT = "werkplaats-sociaal-domein-2016-2019"

# slug: (titel, beschrijving)
REEKSEN = {
    "verbondenheid-en-veerkracht": (
        "Verbondenheid en veerkracht",
        "Twee kenniscafés van het werkteam Verbondenheid en veerkracht, een jaar na elkaar.",
    ),
    "intergenerationele-overdracht": (
        "Intergenerationele overdracht",
        "Twee kenniscafés van het werkteam Intergenerationele overdracht over wat generaties "
        "in een gezin aan elkaar doorgeven.",
    ),
}

# (datum, titel, slug, werkteam-slug or None, reeks-slug or None, thema-slugs, beschrijving)
ARCHIEF = [
    ("2017-04-14", "Jeugdwet en Jeugdrecht", "jeugdwet-en-jeugdrecht", None, None, [], ""),
    (
        "2017-05-29",
        "Arbeidsparticipatie in het sociaal domein",
        "arbeidsparticipatie-in-het-sociaal-domein",
        None,
        None,
        ["bestaanszekerheid"],
        "",
    ),
    (
        "2017-10-02",
        "Beleidsontwikkelingen in het sociaal domein",
        "beleidsontwikkelingen-in-het-sociaal-domein",
        None,
        None,
        ["governance"],
        "",
    ),
    (
        "2018-03-20",
        "Samenwerken aan Kindveiligheid",
        "samenwerken-aan-kindveiligheid",
        None,
        None,
        ["integraliteit"],
        "",
    ),
    (
        "2018-05-07",
        "Een nieuw perspectief op de resultaatgerichte bekostiging",
        "resultaatgerichte-bekostiging",
        None,
        None,
        ["governance"],
        "",
    ),
    (
        "2018-06-26",
        "Sociale rechtvaardigheid en sociaal werk",
        "sociale-rechtvaardigheid-en-sociaal-werk",
        None,
        None,
        [],
        "",
    ),
    (
        "2018-10-18",
        "Het keukentafelgesprek van de Werkplaats",
        "het-keukentafelgesprek-van-de-werkplaats",
        "informeel-formeel",
        None,
        ["maatwerk", "eigen-regie"],
        "Het werkteam Informeel-formeel liet in dit kenniscafé zijn eigen werkwijze voor het "
        "keukentafelgesprek zien. Daarna volgde nog een bijeenkomst om op de uitkomsten terug "
        "te kijken.",
    ),
    (
        "2018-11-01",
        "Samenwerking mbo en hbo in de (wijk)praktijk",
        "samenwerking-mbo-en-hbo-in-de-wijkpraktijk",
        None,
        None,
        ["integraliteit"],
        "Een verkennend kenniscafé: werken professionals met een mbo- en een hbo-opleiding in "
        "de wijk al samen, en hoe dan?",
    ),
    (
        "2018-12-06",
        "Verbondenheid en veerkracht I",
        "verbondenheid-en-veerkracht-i",
        "verbondenheid-en-veerkracht",
        "verbondenheid-en-veerkracht",
        ["sociaal-netwerk"],
        "",
    ),
    (
        "2019-01-17",
        "Intergenerationele overdracht I",
        "intergenerationele-overdracht-i",
        "intergenerationele-overdracht",
        "intergenerationele-overdracht",
        ["sociaal-netwerk"],
        "",
    ),
    (
        "2019-05-23",
        "Voorkomen huisuitzettingen",
        "voorkomen-huisuitzettingen",
        "informeel-formeel",
        None,
        ["bestaanszekerheid"],
        "Een kenniscafé van het werkteam Informeel-formeel over hoe je voorkomt dat mensen hun "
        "huis uit moeten.",
    ),
    (
        "2019-07-02",
        "Mbo professionaliteit en samenwerking in wijkteams",
        "mbo-professionaliteit-en-samenwerking-in-wijkteams",
        None,
        None,
        ["integraliteit"],
        "Het tweede kenniscafé over mbo- en hbo-professionals in wijkteams. Samen met "
        "focusgroepen leidde het tot een onderzoeksverslag over gelijkheid en gelijkwaardigheid.",
    ),
    (
        "2019-10-10",
        "Ontmoeting in de wijk",
        "ontmoeting-in-de-wijk",
        "ontmoeting-en-innovatie",
        None,
        ["sociaal-netwerk"],
        "Een kenniscafé van het werkteam Ontmoeting en innovatie, dat werkte aan samenwerking "
        "tussen bewoners en professionals op Coolhaveneiland in Delfshaven.",
    ),
    ("2019-10-31", "Leren van verschillen", "leren-van-verschillen", None, None, [], ""),
    (
        "2019-11-28",
        "Verbondenheid en veerkracht II",
        "verbondenheid-en-veerkracht-ii",
        "verbondenheid-en-veerkracht",
        "verbondenheid-en-veerkracht",
        ["sociaal-netwerk"],
        "",
    ),
    (
        "2019-12-12",
        "Intergenerationele overdracht II",
        "intergenerationele-overdracht-ii",
        "intergenerationele-overdracht",
        "intergenerationele-overdracht",
        ["sociaal-netwerk"],
        "",
    ),
]

# The Werkplaats report's other dated activities 2016–2019 (workshops, trainings, the
# work conference, talks, guest lectures). Titles follow the report; where it says
# where the activity was held, the description says so in our own words.
# (datum, soort, titel, slug, werkteam-slug or None, beschrijving)
ACTIVITEITEN = [
    (
        "2016-02-18",
        "workshop",
        "Kwaliteitsbewustzijn ontwikkelen",
        "workshop-kwaliteitsbewustzijn-ontwikkelen",
        None,
        "Een workshop van de Werkplaats over hoe je samen zicht krijgt op de kwaliteit van "
        "je werk.",
    ),
    (
        "2016-12-01",
        "lezing",
        "Wat is en doet de Werkplaats Sociaal Domein?",
        "wat-is-en-doet-de-werkplaats",
        None,
        "De Werkplaats stelde zich voor op een conferentie van de VNG.",
    ),
    (
        "2016-12-12",
        "workshop",
        "Workshop op het Kennisfestival Rotterdam",
        "workshop-kennisfestival-rotterdam-2016",
        None,
        "Een workshop van de Werkplaats op het Kennisfestival in Rotterdam.",
    ),
    (
        "2017-03-21",
        "workshop",
        "Ervaringsleren",
        "workshop-ervaringsleren",
        None,
        "Een workshop over leren van ervaringen, op de Focusdag van de gemeente Rotterdam.",
    ),
    (
        "2017-04-10",
        "training",
        "Het waarachtige verhaal",
        "training-het-waarachtige-verhaal-1",
        None,
        "Een training in het ophalen van verhalen van Rotterdammers die kloppen met wat zij "
        "meemaakten, uitgeprobeerd met de Brede Raad 010.",
    ),
    (
        "2017-05-16",
        "lezing",
        "Inspiratiepitch informeel-formeel",
        "inspiratiepitch-informeel-formeel",
        None,
        "Een korte inspirerende presentatie over samenwerking tussen informele en formele zorg, "
        "op een netwerkbijeenkomst in Zevenkamp.",
    ),
    (
        "2017-05-22",
        "training",
        "Het waarachtige verhaal (tweede keer)",
        "training-het-waarachtige-verhaal-2",
        None,
        "De training in het ophalen van waarachtige verhalen, een tweede keer gegeven.",
    ),
    (
        "2017-05-26",
        "workshop",
        "Kenniswerkplaatsen, kennisbronnen en interprofessioneel leren en werken",
        "workshop-kenniswerkplaatsen-en-interprofessioneel-leren",
        None,
        "Een workshop op de onderzoeksdag van Hogeschool Inholland.",
    ),
    (
        "2017-10-26",
        "conferentie",
        "Werkconferentie ‘Doe, leer en inspireer’",
        "werkconferentie-doe-leer-en-inspireer",
        None,
        "De start van de werkteams: wat het eerste jaar opleverde, gedeeld in tien workshops, "
        "en een kennismaking met de nieuwe werkteams. Er kwamen ruim honderd mensen.",
    ),
    (
        "2018-04-08",
        "workshop",
        "Patronen doorbreken",
        "workshop-patronen-doorbreken",
        "intergenerationele-overdracht",
        "Een workshop over het doorbreken van patronen in families, op de Focusdag van de "
        "gemeente Rotterdam.",
    ),
    (
        "2018-04-24",
        "gastcollege",
        "Het WijkOndersteuningsTeam Schiedam",
        "gastcollege-wijkondersteuningsteam-schiedam",
        None,
        "Een gastcollege bij de opleiding Social Work van Hogeschool Inholland.",
    ),
    (
        "2018-10-02",
        "gastcollege",
        "Burgerkracht en sociale vraagstukken",
        "gastcollege-burgerkracht-1",
        None,
        "Een gastcollege voor eerstejaars Social Work van Hogeschool Inholland Rotterdam.",
    ),
    (
        "2018-10-03",
        "gastcollege",
        "Burgerkracht en sociale vraagstukken (tweede groep)",
        "gastcollege-burgerkracht-2",
        None,
        "Hetzelfde gastcollege voor een tweede groep eerstejaars.",
    ),
    (
        "2018-11-26",
        "lezing",
        "De zorg op de juiste plek",
        "lezing-de-zorg-op-de-juiste-plek",
        None,
        "Een lezing bij PEP Den Haag.",
    ),
    (
        "2018-11-27",
        "workshop",
        "Intergenerationele overdracht",
        "workshop-intergenerationele-overdracht",
        "intergenerationele-overdracht",
        "Een workshop voor het Expertisecentrum Social Work over het genogram.",
    ),
    (
        "2019-01-21",
        "bijeenkomst",
        "Blue Monday",
        "bijeenkomst-blue-monday",
        "verbondenheid-en-veerkracht",
        "Een bijeenkomst van het werkteam op de somberste dag van het jaar, op weg naar een "
        "Feel Good Day.",
    ),
    (
        "2019-03-14",
        "workshop",
        "Wat verbindt ons?",
        "workshop-wat-verbindt-ons",
        None,
        "Een workshop op een mini-symposium voor studenten en de leerwerkgemeenschap van het CVD.",
    ),
    (
        "2019-04-25",
        "lezing",
        "Boekpresentatie ‘Yin en yang in het sociaal domein’",
        "boekpresentatie-yin-en-yang",
        None,
        "De presentatie van het boek op de BSW-dag van Hogeschool Inholland.",
    ),
    (
        "2019-06-14",
        "workshop",
        "Gelijkwaardigheid: wat bedoelen we daar eigenlijk mee?",
        "workshop-gelijkwaardigheid",
        None,
        "Samen met ‘Mijn Pad’ van Koplopers, op de slotconferentie van Koplopers.",
    ),
    (
        "2019-06-14",
        "workshop",
        "Politiserend werken",
        "workshop-politiserend-werken",
        None,
        "Een workshop op de tweedaagse van het Lectorenplatform Sociaal Werk.",
    ),
    (
        "2019-07-08",
        "workshop",
        "Wie roddelt met wie?",
        "workshop-wie-roddelt-met-wie",
        None,
        "De jaarafsluiting van de werkteams: een workshop over roddelen, geleid door iemand die "
        "erop promoveerde.",
    ),
    (
        "2019-09-02",
        "gastcollege",
        "Ervaringen van de Werkplaats in het sociaal domein",
        "gastcollege-ervaringen-van-de-werkplaats",
        None,
        "Een gastcollege bij Social Work van Hogeschool Rotterdam.",
    ),
    (
        "2019-12-09",
        "bijeenkomst",
        "Waardengedreven werken in een bureaucratische omgeving",
        "inspiratiebijeenkomst-waardengedreven-werken",
        None,
        "Een inspiratiebijeenkomst over werken vanuit je waarden als de regels knellen.",
    ),
    (
        "2019-12-11",
        "workshop",
        "Van en met elkaar leren",
        "workshop-van-en-met-elkaar-leren",
        None,
        "Een workshop voor opleidingsbureau MEEK2.",
    ),
]

ALGEMENE_BESCHRIJVING = (
    "Een kenniscafé van de Werkplaats Sociaal Domein: een open bijeenkomst waar kennis uit "
    "onderzoek en praktijk werd gedeeld en besproken. Van dit kenniscafé staan alleen de datum "
    "en de titel in de Verhalenbank."
)

VOORBEELD_LOCATIE = {
    "naam": "Voorbeeldlocatie (verzonnen)",
    "adres": "Voorbeeldstraat 1",
    "postcode": "3000 AA",
    "plaats": "Rotterdam",
    "drempelvrij": True,
    "invalidentoilet": True,
    "ringleiding": False,
    "toegankelijkheid": "Verzonnen voor de demo: de zaal is op de begane grond.",
}

# (slug, titel, weken vanaf vandaag, thema-slugs, capaciteit, online, beschrijving)
VOORBEELDEN = [
    (
        "voorbeeld-maatwerk-aan-de-keukentafel",
        "Maatwerk aan de keukentafel",
        3,
        ["maatwerk", "vertrouwen"],
        30,
        False,
        "Dit is een verzonnen voorbeeld voor de demo. Hoe ruim mag een professional de regels "
        "uitleggen als een gezin daarmee echt geholpen is? Een ervaringsdeskundige en een "
        "wijkteammedewerker vertellen, daarna praten we samen verder.",
    ),
    (
        "voorbeeld-bestaanszekerheid-in-rotterdam",
        "Bestaanszekerheid: van overleven naar leven",
        7,
        ["bestaanszekerheid", "complexiteit-en-regeldruk"],
        40,
        True,
        "Dit is een verzonnen voorbeeld voor de demo. Wat hebben Rotterdammers nodig om niet "
        "van maand tot maand te moeten overleven? We bespreken verhalen uit de Verhalenbank "
        "en wat beleid en praktijk ervan kunnen leren. Je kunt ook online meedoen.",
    ),
]
