"""Demo content of the codebook: a few researchers' sub-codes with their coding
rules, applied to stretches of the example stories (which are invented).

Idempotent: a sub-code that exists is left alone, a stretch that is already
coded with it is skipped, and a quote that is not (or no longer) in a story is
skipped too.
"""

from django.contrib.auth import get_user_model

from kennisagenda.models import Thema
from verhalen.models import Fragment, Verhaal
from verhalen.services import codering as services
from verhalen.tekst.posities import CiteerFout, zoek_citaat

# (slug, name, parent slug, when to use, example)
SUBCODES = [
    (
        "van-loket-naar-loket",
        "van loket naar loket",
        "complexiteit-en-regeldruk",
        "De verteller wordt tussen instanties of afdelingen heen en weer gestuurd, en "
        "niemand pakt de vraag als geheel op. Niet voor één lange wachttijd bij één loket.",
        "Bij het eerste loket zeiden ze dat ik bij het tweede moest zijn.",
    ),
    (
        "papierwerk",
        "papierwerk",
        "complexiteit-en-regeldruk",
        "Formulieren, bewijsstukken en herhaalde aanvragen die de verteller als last "
        "beschrijft. Niet voor regels in het algemeen.",
        "Een formulier van elf kantjes.",
    ),
    (
        "persoonlijk-contact",
        "persoonlijk contact",
        "vertrouwen",
        "Een vaste, bereikbare persoon maakt het verschil: iemand die je kent, die "
        "doorvraagt of terugbelt.",
        "Ik bel wel even.",
    ),
    (
        "schaamte-als-drempel",
        "schaamte als drempel",
        "vertrouwen",
        "De verteller zoekt geen hulp of vertelt niet alles, uit schaamte of angst "
        "voor het oordeel van de hulpverlener.",
        "Ik had schulden en schaamde me.",
    ),
]

# (story title, quote, sub-code slug, memo)
CODERINGEN = [
    (
        "Drie loketten en nog steeds geen antwoord",
        "Bij het eerste loket zeiden ze dat ik bij het tweede moest zijn",
        "van-loket-naar-loket",
        "Doorverwijzen zonder eigenaar van de vraag.",
    ),
    (
        "Drie loketten en nog steeds geen antwoord",
        "een formulier mee van elf kantjes",
        "papierwerk",
        "",
    ),
    (
        "Drie loketten en nog steeds geen antwoord",
        "de buurtvrouw van het wijkteam die zei: ik bel wel even",
        "persoonlijk-contact",
        "Overlapt met het fragment 'ik bel wel even'.",
    ),
    (
        "Drie loketten en nog steeds geen antwoord",
        "Bij het derde loket vroegen ze dezelfde papieren nog een keer",
        "papierwerk",
        "",
    ),
    (None, "Ik had schulden en schaamde me", "schaamte-als-drempel", ""),
]


def load(stdout):
    onderzoeker = get_user_model().objects.filter(username="onderzoeker").first()
    nieuwe_codes = 0
    for slug, naam, parent_slug, definitie, voorbeeld in SUBCODES:
        parent = Thema.objects.filter(slug=parent_slug).first()
        if parent is None or Thema.objects.filter(slug=slug).exists():
            continue
        if Thema.objects.filter(name__iexact=naam).exists():
            continue
        services.maak_subcode(
            naam=naam, parent=parent, definitie=definitie, voorbeeld=voorbeeld, door=onderzoeker
        )
        nieuwe_codes += 1

    nieuwe_fragmenten = 0
    for titel, citaat, slug, memo in CODERINGEN:
        code = Thema.objects.filter(slug=slug).first()
        verhalen = Verhaal.objects.niet_ingetrokken().filter(tekst__contains=citaat)
        if titel:
            verhalen = verhalen.filter(titel=titel)
        verhaal = verhalen.first()
        if code is None or verhaal is None:
            continue
        try:
            bereik = zoek_citaat(verhaal.tekst, citaat)
        except CiteerFout:
            continue
        bestaand = Fragment.objects.filter(
            verhaal=verhaal, start=bereik.start, eind=bereik.eind
        ).first()
        if bestaand is None:
            services.maak_fragment(
                verhaal=verhaal,
                start=bereik.start,
                eind=bereik.eind,
                codes=[code],
                memo=memo,
                codeur=onderzoeker,
            )
            nieuwe_fragmenten += 1
        elif not bestaand.codes.filter(pk=code.pk).exists():
            services.wijzig_fragment(
                fragment=bestaand,
                start=bestaand.start,
                eind=bestaand.eind,
                codes=[*bestaand.codes.all(), code],
                memo=bestaand.memo,
                moet_herzien=bestaand.moet_herzien,
                door=onderzoeker,
            )
            nieuwe_fragmenten += 1
    stdout.write(
        f"Codeboek: {nieuwe_codes} subcode(s) toegevoegd, {nieuwe_fragmenten} fragment(en) "
        "gecodeerd met een subcode."
    )
