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
