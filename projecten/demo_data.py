"""Facts about the lab's projects and werkteams, for `manage.py demo`.

Sources: the lab's kennisagenda (its three studies), a project page of the
leernetwerk voorveld, the report of the Werkplaats Sociaal Domein
Zuid-Holland Zuid over 2016–2019 (with a look ahead at 2020–2022) and the
bundle of Rotterdam knowledge partnerships. Titles, names, dates and links
are as those documents give them; summaries are written in our own words.
Where a document leaves a date unclear, it is left empty here.

People: the documents name who took part in a werkteam only by organisation
and role. Those are entered as delegations ("Afvaardiging …") whose name is
never shown on the site; nobody's membership is made up.
"""

WERKPLAATS_WEBSITE = "https://www.werkplaatssociaaldomeinzhz.nl/"

# slug: (naam, afkorting, soort, website)
ORGANISATIES = {
    "care-lab-rotterdam": ("CARE lab Rotterdam", "", "netwerk", "https://carelabrotterdam.nl/"),
    "werkplaats-sociaal-domein-zhz": (
        "Werkplaats Sociaal Domein Zuid-Holland Zuid",
        "",
        "netwerk",
        WERKPLAATS_WEBSITE,
    ),
    "erasmus-universiteit-rotterdam": ("Erasmus Universiteit Rotterdam", "EUR", "universiteit", ""),
    "hogeschool-rotterdam": ("Hogeschool Rotterdam", "HR", "hogeschool", ""),
    "hogeschool-inholland": ("Hogeschool Inholland", "", "hogeschool", ""),
    "gemeente-rotterdam": ("Gemeente Rotterdam", "", "gemeente", ""),
    "gemeente-albrandswaard": ("Gemeente Albrandswaard", "", "gemeente", ""),
    "gemeente-barendrecht": ("Gemeente Barendrecht", "", "gemeente", ""),
    "gemeente-dordrecht": ("Gemeente Dordrecht", "", "gemeente", ""),
    "gemeente-ridderkerk": ("Gemeente Ridderkerk", "", "gemeente", ""),
    "gemeente-schiedam": ("Gemeente Schiedam", "", "gemeente", ""),
    "gemeente-vlaardingen": ("Gemeente Vlaardingen", "", "gemeente", ""),
    "gemeente-nissewaard": ("Gemeente Nissewaard", "", "gemeente", ""),
    "vivenz": ("Vivenz", "", "zorg_welzijn", ""),
    "rogplus": ("ROGplus", "", "zorg_welzijn", ""),
    "welzijn-capelle": ("Welzijn Capelle", "", "zorg_welzijn", ""),
    "cvd": ("Centrum Voor Dienstverlening", "CVD", "zorg_welzijn", ""),
    "dock": ("DOCK", "", "zorg_welzijn", ""),
    "wmo-radar": ("WMO Radar", "", "zorg_welzijn", ""),
    "zonmw": ("ZonMw", "", "fonds", ""),
    "ministerie-vws": ("Ministerie van Volksgezondheid, Welzijn en Sport", "VWS", "fonds", ""),
    "ivo": ("Onderzoeksinstituut IVO", "IVO", "kennisinstituut", ""),
    "cjg-rijnmond": ("CJG Rijnmond", "", "zorg_welzijn", ""),
    "stichting-inclusia": ("Stichting Inclusia", "", "anders", ""),
    "hotspot-hutspot": ("Hotspot Hutspot", "", "anders", ""),
}

WERKPLAATS_2016_GEMEENTEN = [
    "gemeente-albrandswaard",
    "gemeente-barendrecht",
    "gemeente-dordrecht",
    "gemeente-ridderkerk",
    "gemeente-rotterdam",
    "gemeente-schiedam",
    "gemeente-vlaardingen",
]

PROJECTEN = [
    {
        "slug": "integraliteit-gemeentelijk-aanbod",
        "titel": "Experimenten met een meer samenhangend gemeentelijk aanbod",
        "samenvatting": (
            "Rotterdammers met problemen op meer terreinen tegelijk krijgen vaak hulp van "
            "veel loketten die los van elkaar werken. In dit onderzoek van het CARE lab "
            "proberen we samen met de gemeente Rotterdam uit hoe het aanbod beter op elkaar "
            "kan aansluiten, zodat mensen hulp krijgen die bij hun hele situatie past."
        ),
        "doelstelling": (
            "Leren welke experimenten de samenhang van het gemeentelijke aanbod verbeteren, "
            "zodat meer Rotterdammers in een kwetsbare situatie passende steun krijgen."
        ),
        "partners": [("care-lab-rotterdam", "uitvoerder"), ("gemeente-rotterdam", "partner")],
        "themas": ["integraliteit"],
    },
    {
        "slug": "maatwerk-in-dialoog",
        "titel": "Maatwerk in dialoog tussen burger en ambtenaar",
        "samenvatting": (
            "Hoe ontstaat maatwerk in het gesprek tussen een inwoner en een medewerker van de "
            "gemeente? Het CARE lab kijkt mee bij wijkteams, bij de Vraagwijzer-loketten en bij "
            "het beleid van de gemeente Rotterdam, en onderzoekt wat helpt en wat in de weg zit."
        ),
        "opzet": (
            "Het onderzoek volgt drie plekken waar maatwerk vorm krijgt: de wijkteams, de "
            "Vraagwijzer-loketten en het gemeentelijke beleid."
        ),
        "partners": [("care-lab-rotterdam", "uitvoerder"), ("gemeente-rotterdam", "partner")],
        "themas": ["maatwerk", "vertrouwen"],
    },
    {
        "slug": "ouderenhubs",
        "titel": "OuderenHubs: evalueren en doorontwikkelen",
        "samenvatting": (
            "In een ouderenHub werken organisaties uit verschillende domeinen samen voor "
            "ouderen in de wijk. Het CARE lab evalueert de hubs en helpt ze verder te "
            "ontwikkelen, op zoek naar nieuwe verbindingen die het welzijn van ouderen en de "
            "leefbaarheid in de wijk verbeteren."
        ),
        "partners": [("care-lab-rotterdam", "uitvoerder"), ("gemeente-rotterdam", "partner")],
        "themas": ["integraliteit", "sociaal-netwerk"],
    },
    {
        "slug": "leernetwerk-voorveld",
        "titel": "Leernetwerk voorveld",
        "samenvatting": (
            "Ouders, jongeren, professionals, organisaties en de gemeente leren samen hoe "
            "gezinnen en kinderen beter geholpen kunnen worden, nog vóór er zware hulp nodig "
            "is. Dat gebeurt twee jaar lang in drie Rotterdamse wijken: Bospolder-Tussendijken "
            "(BoTu), Crooswijk en Hillesluis."
        ),
        "achtergrond": (
            "Gezinnen en jongeren lopen tegen uitdagingen aan waar ze steun bij kunnen "
            "gebruiken. In Bospolder-Tussendijken, Crooswijk en Hillesluis zoeken bewoners en "
            "professionals naar wat al goed gaat en wat beter kan in die steun dichtbij huis "
            "(het voorveld). Ze willen van elkaar leren en nieuwe ideeën meteen uitproberen, "
            "zodat gezinnen er echt iets aan hebben."
        ),
        "doelstelling": (
            "Het project wil twee dingen beter begrijpen:\n\n"
            "1. Wat werkt bij het steunen van mensen met hulpvragen, en hoe hangt dat af van "
            "de situatie?\n"
            "2. Hoe organiseer je leren in het voorveld, zodat professionals, organisaties, "
            "gemeente en bewoners samen hun werkwijze sterker maken?\n\n"
            "Daarvoor ondersteunen en evalueren we drie vernieuwende vormen van samenwerking "
            "in de wijken, met een leernetwerk en met actieonderzoek."
        ),
        "opzet": (
            "Het project volgt het Healthy Alliances (HALL) framework.\n\n"
            "- Vijf bijeenkomsten van het leernetwerk, met betrokkenen uit de drie wijken en "
            "de projectgroep.\n"
            "- Drie roadshows: bijeenkomsten in de wijken waar iedereen die wil kan meedenken "
            "over wat er in die wijk speelt.\n"
            "- Begeleidend actieonderzoek met documenten en literatuur, interviews, verslagen "
            "van het leernetwerk en de roadshows, en observaties bij de wijknetwerken.\n\n"
            "Aan het eind brengt een kennissynthese alles wat uit literatuur en praktijk is "
            "opgehaald bij elkaar."
        ),
        "startjaar": 2020,
        "startmaand": 9,
        "eindjaar": 2022,
        "eindmaand": 9,
        "financier": "zonmw",
        "partners": [
            ("ivo", "partner"),
            ("gemeente-rotterdam", "partner"),
            ("cjg-rijnmond", "partner"),
            ("hogeschool-inholland", "partner"),
            ("stichting-inclusia", "partner"),
            ("hotspot-hutspot", "partner"),
        ],
        "wijken": ["bospolder", "tussendijken", "oud-crooswijk", "nieuw-crooswijk", "hillesluis"],
        "themas": ["lerend-systeem", "integraliteit"],
    },
    {
        "slug": "werkplaats-sociaal-domein-2016-2019",
        "titel": "Werkplaats Sociaal Domein Zuid-Holland Zuid 2016–2019",
        "samenvatting": (
            "In de Werkplaats Sociaal Domein leren hogescholen, gemeenten, zorg- en "
            "welzijnsorganisaties, sociaal ondernemers en bewoners samen over vragen uit het "
            "sociaal domein in de regio. Eerst in twee werkgroepen, vanaf augustus 2017 in vier "
            "kleinere werkteams die vooral samen dingen doen en uitproberen."
        ),
        "achtergrond": (
            "De Werkplaats volgde op de Wmo-Werkplaats Rotterdam (2013–2016). In het voorjaar "
            "van 2016 schreven de partners een regionale kennisagenda met als hoofdthema "
            "*integraal werken in de wijk*. De subsidie liep eerst tot en met 2018 en werd met "
            "2019 verlengd; dat jaar was ook de aanloop naar de periode 2020–2022."
        ),
        "opzet": (
            "- **Januari 2016 – juli 2017**: twee werkgroepen, over de doorontwikkeling van "
            "sociale wijkteams en over samenwerking tussen formele en informele zorg.\n"
            "- **Augustus 2017 – december 2019**: vier werkteams rond drie thema's die de regio "
            "op 21 september 2017 samen koos: preventie en problemen die van generatie op "
            "generatie gaan, samenspel tussen informele en formele zorg, en ontmoeting en "
            "innovatie.\n\n"
            "Wat de teams leren, delen ze in publicaties en in kenniscafés: open bijeenkomsten "
            "waar iedereen kan komen."
        ),
        "resultaten": (
            "- De werkgroep wijkteams vond vijf dingen die helpen bij het doorontwikkelen van "
            "wijkteams, zoals nabijheid in de wijk en ruimte voor de eigen professionele "
            "afweging.\n"
            "- De werkgroep formeel-informeel liet zien dat formele en informele zorg veel "
            "meer met elkaar verweven zijn dan vaak wordt gedacht, en dat dit samenspel per "
            "plek anders werkt.\n"
            "- Vier werkteams maakten onder meer een handreiking, een casuïstiekbundel voor het "
            "onderwijs, tien adviezen aan de gemeente Rotterdam en een rapport over ontmoeting "
            "in de wijk.\n"
            "- Eind 2018 stopten de gemeenten Dordrecht en Schiedam; begin 2019 sloten de "
            "gemeente Nissewaard en Vivenz aan."
        ),
        "startjaar": 2016,
        "startmaand": 1,
        "eindjaar": 2019,
        "eindmaand": 12,
        "financier": "ministerie-vws",
        "partners": [
            ("hogeschool-rotterdam", "uitvoerder"),
            ("hogeschool-inholland", "uitvoerder"),
            *[
                (gemeente, "partner")
                for gemeente in WERKPLAATS_2016_GEMEENTEN
                if gemeente not in ("gemeente-dordrecht", "gemeente-schiedam")
            ],
            # (organisatie, rol, van, tot): who stopped end 2018, who joined early 2019.
            ("gemeente-dordrecht", "partner", None, "2018-12-31"),
            ("gemeente-schiedam", "partner", None, "2018-12-31"),
            ("gemeente-nissewaard", "partner", "2019-01-01", None),
            ("vivenz", "partner", "2019-01-01", None),
        ],
        "themas": ["integraliteit", "sociaal-netwerk", "lerend-systeem"],
    },
    {
        "slug": "werkplaats-sociaal-domein-2020-2022",
        "titel": "Werkplaats Sociaal Domein Zuid-Holland Zuid 2020–2022",
        "samenvatting": (
            "In de derde periode van de Werkplaats werken drie nieuwe werkteams aan drie "
            "thema's die de regio in 2019 koos: gezondheid en sociaal domein, armoede en "
            "schulden, en een vernieuwde integrale aanpak bij problemen op veel terreinen."
        ),
        "achtergrond": (
            "In 2019 bereidde een ontwikkelteam van de partners deze periode voor. Er sloten "
            "nieuwe maatschappelijke organisaties aan. Elke partner kiest een van de drie "
            "thema's en brengt daar vaste uren voor in. Landelijk sluit de Werkplaats aan bij "
            "het thema armoede en schulden."
        ),
        "startjaar": 2020,
        "startmaand": 1,
        "eindjaar": 2022,
        "eindmaand": 12,
        "partners": [
            ("hogeschool-rotterdam", "uitvoerder"),
            ("hogeschool-inholland", "uitvoerder"),
            ("gemeente-rotterdam", "partner"),
            ("gemeente-vlaardingen", "partner"),
            ("gemeente-barendrecht", "partner"),
            ("gemeente-albrandswaard", "partner"),
            ("gemeente-ridderkerk", "partner"),
            ("gemeente-nissewaard", "partner"),
            ("vivenz", "partner"),
            ("welzijn-capelle", "partner"),
            ("rogplus", "partner"),
            ("cvd", "partner"),
            ("dock", "partner"),
        ],
        "themas": ["bestaanszekerheid", "integraliteit"],
    },
]

WERKTEAMS = [
    {
        "slug": "intergenerationele-overdracht",
        "naam": "Intergenerationele overdracht",
        "project": "werkplaats-sociaal-domein-2016-2019",
        "leervraag": (
            "Welke hulpmiddelen en interventies helpen om schadelijke patronen te doorbreken "
            "die soms generaties lang in een familie doorgaan?"
        ),
        "beschrijving": (
            "Sociaal professionals uit wijkteams, beleidsmedewerkers van drie gemeenten en "
            "docentonderzoekers van de twee hogescholen zochten uit wat al werkt bij preventie. "
            "Wijkteams zetten daarna gekozen methoden bewust in bij gezinnen, zoals het "
            "genogram. In het najaar van 2019 hield het team leerkringen met wijkteams in "
            "Rotterdam.\n\n"
            "Het team hield negen werkteambijeenkomsten, gaf workshops over het genogram en "
            "organiseerde twee kenniscafés."
        ),
        "resultaten": (
            "Een handreiking voor hulpverleners over preventie van problemen die van generatie "
            "op generatie gaan, en leerkringen met wijkteams in Lageland, Blijdorp en "
            "Spangen/Delfshaven."
        ),
        "startjaar": 2017,
        "eindjaar": 2019,
        "themas": ["lerend-systeem", "sociaal-netwerk"],
        # Where its leerkringen with wijkteams were held (autumn 2019).
        "wijken": ["het-lage-land", "blijdorp", "spangen", "delfshaven"],
        "leden": [
            ("Afvaardiging wijkteams (Intergenerationele overdracht)", "professional", None),
            (
                "Afvaardiging gemeente Rotterdam (Intergenerationele overdracht)",
                "beleidsmaker",
                "gemeente-rotterdam",
            ),
            (
                "Afvaardiging gemeente Schiedam (Intergenerationele overdracht)",
                "beleidsmaker",
                "gemeente-schiedam",
            ),
            (
                "Afvaardiging gemeente Vlaardingen (Intergenerationele overdracht)",
                "beleidsmaker",
                "gemeente-vlaardingen",
            ),
            (
                "Afvaardiging Hogeschool Rotterdam (Intergenerationele overdracht)",
                "docentonderzoeker",
                "hogeschool-rotterdam",
            ),
            (
                "Afvaardiging Hogeschool Inholland (Intergenerationele overdracht)",
                "docentonderzoeker",
                "hogeschool-inholland",
            ),
        ],
        "bijeenkomsten": [
            (
                "2018-11-27",
                "workshop",
                "Workshop intergenerationele overdracht",
                "Workshop voor het Expertisecentrum Social Work over het genogram als "
                "hulpmiddel om patronen in families zichtbaar te maken.",
            ),
        ],
    },
    {
        "slug": "informeel-formeel",
        "naam": "Samenspel tussen informeel en formeel",
        "project": "werkplaats-sociaal-domein-2016-2019",
        "leervraag": (
            "Wat merken bewoners in hun dagelijks leven van beleid, en wat leert dat over het "
            "samenspel tussen informele en formele zorg?"
        ),
        "beschrijving": (
            "Bewoners, beleidsmakers, sociaal ondernemers en docentonderzoekers werken vanuit "
            "een concrete vraag van bewoners. Het team zegt bewust *informeel-formeel*: de "
            "ervaring van bewoners komt eerst. Met een kleedje, thee en koekjes gaat het team "
            "op bezoek bij bewoners, bij instanties, bij afdelingen van de gemeente en bij "
            "politieke partijen: het keukentafelgesprek.\n\n"
            "Het eerste jaar ging over de mantelzorgboete (de kostendelersnorm), daarna over "
            "huisuitzetting."
        ),
        "resultaten": (
            "Twaalf keukentafelgesprekken, een casuïstiekbundel voor het onderwijs en tien "
            "adviezen aan de gemeente Rotterdam over informele zorg en ondersteuning."
        ),
        "startjaar": 2017,
        "startmaand": 9,
        "eindjaar": 2019,
        "themas": ["sociaal-netwerk", "ervaringsdeskundigheid", "bestaanszekerheid"],
        "leden": [],
        "bijeenkomsten": [],
    },
    {
        "slug": "verbondenheid-en-veerkracht",
        "naam": "Verbondenheid en veerkracht",
        "project": "werkplaats-sociaal-domein-2016-2019",
        "leervraag": (
            "Hoe bouwen bewoners, sociaal professionals, beleidsmedewerkers en "
            "docentonderzoekers samen een blijvend platform rond eenzaamheid?"
        ),
        "beschrijving": (
            "Het team kwam elke maand bij elkaar en werkte in drie stappen: delen, duiden, "
            "doen. Later noemde het team zijn doel positief: werkwijzen ontwikkelen die "
            "verbondenheid en veerkracht groter maken. Er deden sociaal professionals, "
            "beleidsmakers, docentonderzoekers en een vrijwilliger met ervaring in een wijkteam "
            "mee; professionals uit Schiedam, Vlaardingen en Barendrecht sloten af en toe aan."
        ),
        "resultaten": (
            "Achttien werkteambijeenkomsten, twee kenniscafés, workshops, een Feel Good Day "
            "met een evaluatie door bewoners, begeleiding van vier afstudeerders en een online "
            "magazine over wat het team deed en leerde."
        ),
        "startjaar": 2018,
        "startmaand": 1,
        "eindjaar": 2019,
        "eindmaand": 11,
        "themas": ["sociaal-netwerk"],
        "leden": [
            (
                "Afvaardiging Hogeschool Inholland (Verbondenheid en veerkracht)",
                "docentonderzoeker",
                "hogeschool-inholland",
            ),
            (
                "Afvaardiging Hogeschool Rotterdam (Verbondenheid en veerkracht)",
                "docentonderzoeker",
                "hogeschool-rotterdam",
            ),
            (
                "Vrijwilliger met wijkteamervaring (Verbondenheid en veerkracht)",
                "vrijwilliger",
                None,
            ),
        ],
        "bijeenkomsten": [
            (
                "2019-01-21",
                "anders",
                "Bijeenkomst ‘Blue Monday’",
                "In het overzicht van het werkteam staat deze bijeenkomst als ‘Van Blue Monday "
                "naar Feel Good Day’.",
            ),
        ],
    },
    {
        "slug": "ontmoeting-en-innovatie",
        "naam": "Ontmoeting en innovatie",
        "project": "werkplaats-sociaal-domein-2016-2019",
        "leervraag": (
            "Hoe zorgt een nieuw platform van bewoners, beleidsmakers en professionals ervoor "
            "dat er in de wijk blijvend meer en beter wordt samengewerkt?"
        ),
        "beschrijving": (
            "Het team koos de buurt Coolhaveneiland in Delfshaven en werkte samen met het "
            "Wijkplatform Delfshaven Zuid. Interviews op straat lieten zien wat bewoners "
            "willen. In drie netwerkbijeenkomsten voor bewoners en organisaties gingen ze "
            "samen door de stappen delen, duiden en doen."
        ),
        "resultaten": (
            "Tien werkteambijeenkomsten, drie netwerkbijeenkomsten op Coolhaveneiland, een "
            "kenniscafé en een rapport over het versterken van ontmoeting en innovatie in de "
            "wijk (maart 2020)."
        ),
        "startjaar": 2017,
        "startmaand": 7,
        "eindjaar": 2019,
        "themas": ["integraliteit", "lerend-systeem"],
        # Coolhaveneiland is a neighbourhood (buurt) of the wijk Delfshaven.
        "wijken": ["delfshaven"],
        "leden": [
            (
                "Afvaardiging gemeente Rotterdam (Ontmoeting en innovatie)",
                "beleidsmaker",
                "gemeente-rotterdam",
            ),
            ("Afvaardiging WMO Radar (Ontmoeting en innovatie)", "professional", "wmo-radar"),
            ("Docentonderzoeker (Ontmoeting en innovatie)", "docentonderzoeker", None),
        ],
        "bijeenkomsten": [
            (
                "2018-11-05",
                "netwerkbijeenkomst",
                "Ontmoet de kracht van Coolhaveneiland: DELEN",
                "Actieve bewoners en sociaal professionals uit de buurt leren elkaar kennen en "
                "brengen samen in kaart welke behoeften aan zorg en welzijn er zijn.",
            ),
            (
                "2019-01-28",
                "netwerkbijeenkomst",
                "Ontmoet de kracht van Coolhaveneiland: DUIDEN",
                "Wat betekent wat er bij DELEN is opgehaald? De deelnemers geven er samen "
                "betekenis aan.",
            ),
        ],
    },
    {
        "slug": "gezondheid-en-sociaal-domein",
        "naam": "Verbinding tussen gezondheid en sociaal domein",
        "project": "werkplaats-sociaal-domein-2020-2022",
        "beschrijving": (
            "Een van de drie werkteams van 2020–2022. Bewoners en professionals uit beleid, "
            "praktijk en onderwijs van verschillende gemeenten werken aan de vraag hoe zorg "
            "voor gezondheid en het sociaal domein beter op elkaar aansluiten. Het team werkt "
            "vanuit een of twee bestaande praktijken bij de partners."
        ),
        "startjaar": 2020,
        "eindjaar": 2022,
        "themas": ["integraliteit"],
    },
    {
        "slug": "armoede-en-schulden",
        "naam": "Armoede en schulden",
        "project": "werkplaats-sociaal-domein-2020-2022",
        "beschrijving": (
            "Een van de drie werkteams van 2020–2022, over armoede en schulden. Met dit thema "
            "sluit de Werkplaats ook aan bij de landelijke Werkplaatsen Sociaal Domein, zodat "
            "wat de regio leert landelijk gedeeld kan worden."
        ),
        "startjaar": 2020,
        "eindjaar": 2022,
        "themas": ["bestaanszekerheid"],
    },
    {
        "slug": "integrale-aanpak-multiproblematiek",
        "naam": "Vernieuwing integrale aanpak bij multiproblematiek",
        "project": "werkplaats-sociaal-domein-2020-2022",
        "beschrijving": (
            "Een van de drie werkteams van 2020–2022. Het team zoekt naar een nieuwe, "
            "samenhangende aanpak voor mensen die op veel terreinen tegelijk problemen hebben."
        ),
        "startjaar": 2020,
        "eindjaar": 2022,
        "themas": ["integraliteit", "complexiteit-en-regeldruk"],
    },
]

# (slug, titel, auteurs, jaar, soort, link, project, werkteam, gepubliceerd)
PUBLICATIES = [
    (
        "handreiking-kwaliteitsbewustzijn-ontwikkelen",
        "Handreiking kwaliteitsbewustzijn ontwikkelen. Een methodiekbeschrijving",
        "Anja Knoope",
        2017,
        "handreiking",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "zelforganisatie-en-publieke-ruimten",
        "Zelforganisatie en publieke ruimten",
        "Anne Kooiman & David ter Avest",
        2016,
        "boekhoofdstuk",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "betekenisvolle-ontmoetingsplekken",
        "Betekenisvolle ontmoetingsplekken zijn belangrijker dan ooit",
        "David ter Avest",
        2016,
        "artikel",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "op-weg-naar-samenspel",
        "Op weg naar samenspel",
        "David ter Avest (red.)",
        2017,
        "rapport",
        "https://www.werkplaatssociaaldomeinzhz.nl/media/405-David_ter_Avest_-_Op_weg_naar_samenspel.pdf",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "praktische-tips-gesprek",
        "Praktische tips voor het voeren van een gesprek",
        "David ter Avest, Laura Hoekstra & Mirjam Karsten",
        2016,
        "handreiking",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "ruimte-voor-ont-moeting",
        "Ruimte voor ont-moeting",
        "Judith van Vliet & Elizabeth van Twist",
        2018,
        "rapport",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "vitaliteit-veerkracht-positieve-gezondheid",
        "Hoe bruikbaar zijn de begrippen vitaliteit, veerkracht en positieve gezondheid voor "
        "interprofessioneel samenwerken in zorg en welzijn?",
        "Rob Arnoldus, AnneLoes van Staa & Guido Walraven",
        2017,
        "artikel",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "streetwise-ambtenaren-gezocht",
        "Streetwise ambtenaren gezocht!",
        "Toby Witte",
        2016,
        "artikel",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "nabijheid-is-niet-zaligmakend",
        "‘Nabijheid’ is niet zaligmakend",
        "Toby Witte",
        2017,
        "artikel",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "simpele-oplossingen-taaie-problemen",
        "Over simpele oplossingen voor taaie problemen",
        "David ter Avest & Guido Walraven",
        2019,
        "boekhoofdstuk",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "sociaal-werk-heeft-hboers-en-mboers-nodig",
        "Sociaal werk heeft hbo'ers en mbo'ers nodig",
        "David ter Avest & Mirjam Karsten",
        2019,
        "artikel",
        "https://www.socialevraagstukken.nl/sociaal-werk-heeft-hboers-en-mboers-nodig/",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "formeel-en-informeel-als-yin-en-yang",
        "Formeel en informeel in het sociale domein zijn als yin en yang",
        "David ter Avest",
        2017,
        "artikel",
        "https://www.socialevraagstukken.nl/formeel-en-informeel-in-het-sociale-domein-zijn-als-yin-en-yang/",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "yin-en-yang-in-het-sociaal-domein",
        "Yin en yang in het sociaal domein. Casuïstiekbundel samenspel informeel-formeel",
        "David ter Avest (red.)",
        2019,
        "bundel",
        "https://www.werkplaatssociaaldomeinzhz.nl/media/586-Werkplaats_Sociaal_Domein_Zuid-Holland_Zuid_-_Yin_en_yang_in_het_sociaal_domein.pdf",
        "werkplaats-sociaal-domein-2016-2019",
        "informeel-formeel",
        True,
    ),
    (
        "emotioneel-geraakt-rationeel-getriggerd",
        "Emotioneel geraakt, rationeel getriggerd",
        "Elizabeth van Twist",
        2019,
        "anders",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "geef-wijkteams-meer-ruimte",
        "Geef wijkteams meer ruimte",
        "Judith van Vliet & Elizabeth van Twist",
        2018,
        "artikel",
        "https://www.socialevraagstukken.nl/geef-wijkteams-meer-ruimte/",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "balanceren-tussen-gelijkheid-en-gelijkwaardigheid",
        "Balanceren tussen gelijkheid en gelijkwaardigheid. De ervaren inzet en waarde van de "
        "mbo-professional in Hardinxveld-Giessendam",
        "Mirjam Karsten & David ter Avest",
        2019,
        "rapport",
        "https://www.werkplaatssociaaldomeinzhz.nl/media/647-Werkplaats_Sociaal_Domein_Zuid-Holland_Zuid_-_Balanceren_tussen_gelijkheid_en_gelijkwaardigheid.pdf",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "reader-en-training-krachtwerk010",
        "Reader en training Krachtwerk010",
        "Rob Arnoldus, Mirjam Karsten & Elizabeth van Twist",
        2018,
        "werkboek",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        # An internal document of the CVD: kept in the admin, not on the site.
        False,
    ),
    (
        "dynamiek-van-sociaal-werk-en-gemeentelijk-beleid",
        "Dynamiek van sociaal werk en gemeentelijk beleid",
        "Toby Witte",
        2019,
        "boek",
        "https://shop.coutinho.nl/store_nl/dynamiek-van-sociaal-werk-en-gemeentelijk-beleid.html",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "sociaal-werker-mag-wel-onaangepaster-zijn",
        "Sociaal werker mag wel onaangepaster zijn",
        "Toby Witte",
        2019,
        "artikel",
        "https://www.socialevraagstukken.nl/sociaal-werker-mag-wel-wat-onaangepaster-zijn/",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "tussenwerken",
        "Tussenwerken: een sociaal innoverende werkvorm voor professional en beleidsambtenaar",
        "Toby Witte",
        2019,
        "boekhoofdstuk",
        "https://www.vangorcum.nl/product/100-77_Sociale-innovatie-in-de-praktijk",
        "werkplaats-sociaal-domein-2016-2019",
        None,
        True,
    ),
    (
        "handreiking-preventie-intergenerationele-problematiek",
        "Handreiking preventie intergenerationele problematiek",
        "Werkteam Intergenerationele overdracht",
        None,
        "handreiking",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        "intergenerationele-overdracht",
        True,
    ),
    (
        "de-rotterdammer-als-generalist",
        "De Rotterdammer als generalist. Tien adviezen voor Rotterdams beleid over informele "
        "zorg en ondersteuning",
        "Werkplaats Sociaal Domein Zuid-Holland Zuid",
        None,
        "advies",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        "informeel-formeel",
        True,
    ),
    (
        "versterking-ontmoeting-en-innovatie-lokaal",
        "Versterking van ontmoeting en innovatie op lokaal niveau",
        "Werkteam Ontmoeting en innovatie",
        2020,
        "rapport",
        "",
        "werkplaats-sociaal-domein-2016-2019",
        "ontmoeting-en-innovatie",
        True,
    ),
]
