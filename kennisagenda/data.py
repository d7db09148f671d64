"""The kennisagenda of CARE lab Rotterdam as data: its themes and its lines.

Descriptions are summaries in our own words. The data migration that creates
the official themes and `manage.py demo` both read from here.
"""

KENNISAGENDA_THEMAS = [
    # (slug, name, description)
    (
        "maatwerk",
        "maatwerk",
        "Ondersteuning die past bij de situatie van één persoon of gezin, ook als dat "
        "betekent dat een professional afwijkt van de standaardregel. Hoe krijgt maatwerk "
        "vorm in het gesprek tussen burger en ambtenaar, en hoe verantwoord je het?",
    ),
    (
        "vertrouwen",
        "vertrouwen",
        "Het vertrouwen tussen Rotterdammers en de instanties om hen heen. Veel mensen in "
        "een kwetsbare situatie wantrouwen instanties; vertrouwen moet worden verdiend, "
        "ook andersom: durft de overheid de inwoner en de professional te vertrouwen?",
    ),
    (
        "bestaanszekerheid",
        "bestaanszekerheid",
        "Een stabiele basis van inkomen, wonen en zorg, zodat mensen niet van dag tot dag "
        "moeten overleven maar ruimte hebben om hun leven op te pakken.",
    ),
    (
        "integraliteit",
        "integraliteit",
        "Hulp die domeinen als zorg, werk, inkomen en wonen verbindt, in plaats van ieder "
        "probleem los en bij een ander loket te behandelen.",
    ),
    (
        "zelfredzaamheid",
        "zelfredzaamheid",
        "Het beleidsidee dat inwoners zoveel mogelijk zelf hun zaken regelen. Wat vraagt dat "
        "van mensen, en wanneer is het niet haalbaar of niet wenselijk?",
    ),
    (
        "eigen-regie",
        "eigen regie",
        "Mensen houden zelf de regie over hun leven en over de hulp die ze krijgen: meer grip, "
        "van overleven naar leven.",
    ),
    (
        "sociaal-netwerk",
        "sociaal netwerk",
        "Familie, vrienden, buren en vrijwilligers rond een persoon, en de vraag wanneer het "
        "inschakelen van dat netwerk helpt en wanneer het te veel vraagt.",
    ),
    (
        "complexiteit-en-regeldruk",
        "complexiteit en regeldruk",
        "Regels, protocollen en verantwoordingseisen die het werk van professionals en het "
        "leven van inwoners ingewikkeld maken, en de verkokering die daardoor ontstaat.",
    ),
    (
        "governance",
        "governance",
        "Vormen van sturing en toezicht die passen bij nieuwe werkwijzen zoals maatwerk, "
        "in plaats van alleen controle op regels en procedures.",
    ),
    (
        "ervaringsdeskundigheid",
        "ervaringsdeskundigheid",
        "De kennis van mensen die zelf een kwetsbare situatie hebben meegemaakt, ingebracht "
        "bij het maken, toetsen en verbeteren van beleid en praktijk.",
    ),
    (
        "lerend-systeem",
        "lerend systeem",
        "Beleid, organisaties en uitvoering die voortdurend samen reflecteren en verbeteren: "
        "een leercultuur in Rotterdam.",
    ),
]

KENNISLIJNEN = [
    (
        1,
        "Reflectie op de veronderstellingen achter beleid",
        "Samen met beleid en praktijk onderzoeken of populaire beleidsconcepten wenselijk en "
        "haalbaar zijn, hoe ze in de praktijk uitpakken, en nieuwe concepten ontwikkelen.",
    ),
    (
        2,
        "Bestaande praktijken ondersteunen met onderzoek",
        "Actiebegeleidend onderzoek en formatieve evaluaties die het lerend vermogen van partijen "
        "in de wijk en de stad versterken.",
    ),
    (
        3,
        "Werkmethodieken en verantwoording ontwikkelen",
        "Methoden en vormen van verantwoording die samenwerking over afdelingen heen mogelijk "
        "maken, zoals het verantwoorden van maatwerk.",
    ),
    (
        4,
        "Leerprocessen faciliteren",
        "Een platform voor workshops, netwerken en toegankelijke lessen uit wetenschap en "
        "praktijk, ook voor opleidingen van professionals.",
    ),
    (
        5,
        "Ervaringsdeskundigheid inbrengen",
        "Verhalen en ervaringen van inwoners en professionals gebruiken om leefwereld en "
        "systeemwereld beter op elkaar te laten aansluiten, onder meer via de Brede Raad en "
        "deze Verhalenbank.",
    ),
    (
        6,
        "Passende governance ontwikkelen",
        "Sturing en toezicht ontwerpen die aansluiten bij nieuwe praktijken en principes.",
    ),
]

# Distinct, accessible colours for the codebook (each readable behind black text).
THEMA_KLEUREN = [
    "#ffd166",
    "#9ad1d4",
    "#f4a7b9",
    "#b8e0a0",
    "#c9b6e4",
    "#ffb68a",
    "#a7c7e7",
    "#e6d690",
    "#d1c4a5",
    "#f2b5d4",
    "#bde0fe",
]
