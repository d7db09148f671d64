"""Spotting what looks like personal data in a story, before it is stored.

Pure functions, no database: `controleer(tekst)` returns the spots (`Vondst`,
with Python str offsets) of e-mail addresses, Dutch phone numbers, BSNs that
pass the elfproef, IBANs with a valid checksum, postcodes (with house number
when one follows) and street addresses, and capitalised full names. It is a
warning aid, not a guarantee: it errs on the side of warning, and the
researcher decides ("toch opslaan") or fixes the text.

`lijkt_op_echte_naam(waarde)` guards the pseudonym field.
`segmenten(tekst, vondsten)` splits a text for highlighting in a template.

The work is linear in the length of the text (a story of 1 MB full of phone
numbers and names: about a second), and the request body is at most
DATA_UPLOAD_MAX_MEMORY_SIZE (Django's 2.5 MB); the warning page shows the
first HOOGSTENS_GETOOND spots per field (and counts them all).
"""

import hashlib
import re
from dataclasses import dataclass

# Kinds of findings, most specific first: when two spots overlap, the one
# with the lower rank wins.
SOORTEN = {
    "email": "e-mailadres",
    "iban": "IBAN (rekeningnummer)",
    "telefoon": "telefoonnummer",
    "bsn": "BSN (burgerservicenummer)",
    "postcode": "postcode en huisnummer",
    "adres": "straat en huisnummer",
    "naam": "naam",
}

# The warning lists and highlights at most this many spots per field.
HOOGSTENS_GETOOND = 200
# When editing, at most this many spots not found in the stored text by the
# scan itself are looked up in it as plain text (the rest count as new).
HOOGSTENS_OPGEZOCHT = 200


@dataclass(frozen=True)
class Vondst:
    soort: str
    start: int
    eind: int
    tekst: str

    @property
    def omschrijving(self):
        return SOORTEN[self.soort]


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")

# 06-12345678, 06 1234 5678, 010-1234567, (010) 123 45 67, +31 6 12345678,
# 0031 10 1234567: a leading 0 (or +31/0031) and nine more digits, with the
# usual separators between them.
_TELEFOON = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?|\(0|0)"
    r"(?:\d[\s.()-]{0,2}){8}\d(?![\d])"
)

# Nine digits, optionally grouped as 1234.56.789 or 123 456 789.
_BSN = re.compile(r"(?<![\d.,-])(?:\d{9}|\d{4}[. ]\d{2}[. ]\d{3}|\d{3}[. ]\d{3}[. ]\d{3})(?![\d])")

_IBAN = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])"
)

# Dutch postcode (SA, SD and SS are not issued), optionally followed by a
# house number, or preceded by one ("12, 3012 AB").
_POSTCODE = re.compile(
    r"(?<![\w])[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}(?![\w])"
    r"(?:,?[ ]?\d{1,5}(?:[ -]?[a-zA-Z])?(?![\w]))?"
)

_STRAAT_SUFFIX = (
    "straat|weg|laan|plein|singel|kade|dijk|gracht|hof|park|dreef|pad|steeg|"
    "boulevard|baan|plaats|erf|markt|haven|wal|veld|dam|burcht|ring"
)
_ADRES = re.compile(
    rf"(?<![\w])(?:[A-Z][\w'-]*[ ])?[A-Z][a-zà-ÿ'-]*(?:{_STRAAT_SUFFIX})[ ]\d{{1,5}}"
    r"(?:[ -]?[a-zA-Z](?![\w]))?(?:[ -]\d{1,4}(?![\w]))?"
)

# Name detection: runs of capitalised words, with Dutch tussenvoegsels allowed
# between them ("Jan de Vries", "Fatima el Amrani", "Kees van der Berg").
_TUSSENVOEGSELS = {
    "van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "'t",
    "el", "al", "la", "le", "du", "da", "di", "dos", "von", "bin", "ben",
}  # fmt: skip
_WOORD = re.compile(r"[^\W\d_][\w'’-]*")
_HOOFDLETTERWOORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-'’][A-Za-zÀ-ÿ][a-zß-öø-ÿ]*)*$")

# Capitalised words that are not names: sentence openers, titles, places,
# institutions, months, days. Lower-case comparison.
_GEEN_NAAM_WOORDEN = """
    de het een ik jij je hij zij ze wij we u jullie mijn zijn haar ons onze hun dit dat die
    deze daar hier toen nu dan maar en of want dus ook nog wel niet geen al als wat wie waar
    waarom hoe welke omdat hoewel terwijl tot na voor met bij van in op uit om over door
    naar zonder sinds later eerst daarna soms vaak altijd nooit misschien gelukkig helaas
    eigenlijk toch ja nee oké ok goed echt heel elke iedereen niemand alles niets er mevrouw
    meneer mevr dhr mw dokter juf meester moeder vader oma opa tante oom zus broer dochter
    zoon buurman buurvrouw beste lieve hallo hoi groeten gemeente rotterdam rotterdammer
    rotterdammers zuid noord west oost centrum nederland nederlands nederlandse den haag
    amsterdam utrecht schiedam vlaardingen maassluis capelle barendrecht ridderkerk
    kralingen crooswijk charlois feijenoord delfshaven ijsselmonde hillegersberg schiebroek
    overschie hoogvliet pernis prins alexander rozenburg afrikaanderwijk bloemhof hillesluis
    tarwewijk carnisse katendrecht spangen bospolder tussendijken ommoord zevenkamp
    lombardijen pendrecht zuidwijk beverwaard vreewijk brede raad care lab erasmus
    universiteit hogeschool werkplaats sociaal domein wijkteam wijkteams voedselbank
    kenniscafé kenniscafe jeugdzorg zorg wmo uwv ggd svb cak duo belastingdienst toeslagen
    schuldhulp schuldhulpverlening bijstand sociale dienst werk inkomen participatiewet
    januari februari maart april mei juni juli augustus september oktober november december
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag kerst pasen ramadan
    suikerfeest god allah islam christelijk marokkaans turks surinaams kaapverdisch
    antilliaans pools kralingse zoom maasstad ziekenhuis huisarts politie school kerk moskee
    buurthuis
"""
_GEEN_NAAM = frozenset(_GEEN_NAAM_WOORDEN.split())


def elfproef(cijfers: str) -> bool:
    """True when nine digits pass the BSN elfproef (weights 9..2 and -1)."""
    if len(cijfers) != 9 or not cijfers.isdigit() or set(cijfers) == {"0"}:
        return False
    gewichten = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(c) * g for c, g in zip(cijfers, gewichten, strict=True)) % 11 == 0


def iban_geldig(iban: str) -> bool:
    """True when `iban` (spaces allowed) has a valid ISO 13616 mod-97 checksum."""
    compact = iban.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", compact):
        return False
    herschikt = compact[4:] + compact[:4]
    getal = "".join(str(int(teken, 36)) for teken in herschikt)
    return int(getal) % 97 == 1


def _cijfers(tekst):
    return re.sub(r"\D", "", tekst)


def _telefoon_geldig(gevonden):
    cijfers = _cijfers(gevonden)
    if cijfers.startswith("0031"):
        cijfers = "0" + cijfers[4:]
    elif cijfers.startswith("31") and gevonden.lstrip().startswith("+"):
        cijfers = "0" + cijfers[2:]
    if cijfers.startswith("00"):
        cijfers = cijfers[1:]  # "+31 (0)10 …" → leading 0 twice
    return len(cijfers) == 10 and cijfers[0] == "0" and cijfers[1] != "0"


_SPATIES = re.compile(r"[ \u00a0]+")


def _namen(tekst):
    """Spans of capitalised full names (at least two name parts).

    One pass over the words; a word that starts in lower case and is no
    tussenvoegsel (most words) only ends a run, without further tests.
    """
    vondsten = []
    run = []  # [(start, end, is_name_part)]

    def sluit_run():
        # Trim tussenvoegsels at the ends; a name needs 2+ capitalised parts.
        while run and not run[-1][2]:
            run.pop()
        eerste = next((i for i, deel in enumerate(run) if deel[2]), len(run))
        if sum(1 for deel in run if deel[2]) >= 2:
            begin, eind = run[eerste][0], run[-1][1]
            vondsten.append(Vondst("naam", begin, eind, tekst[begin:eind]))
        run.clear()

    vorige_eind = 0
    for m in _WOORD.finditer(tekst):
        start, eind = m.span()
        if run and not _SPATIES.fullmatch(tekst, vorige_eind, start):
            sluit_run()
        vorige_eind = eind
        woord = m.group()
        if woord[0].islower():
            if run and woord in _TUSSENVOEGSELS:
                run.append((start, eind, False))
            elif run:
                sluit_run()
            continue
        if _HOOFDLETTERWOORD.match(woord) and woord.lower() not in _GEEN_NAAM:
            run.append((start, eind, True))
        elif run:
            sluit_run()
    sluit_run()
    return vondsten


def controleer(tekst: str) -> list[Vondst]:
    """Every spot in `tekst` that looks like personal data, in text order.

    Overlapping spots are merged in favour of the most specific kind, so each
    character is reported at most once.
    """
    if not tekst:
        return []
    kandidaten = []
    for m in _EMAIL.finditer(tekst):
        kandidaten.append(Vondst("email", m.start(), m.end(), m.group()))
    for m in _IBAN.finditer(tekst):
        if iban_geldig(m.group()):
            kandidaten.append(Vondst("iban", m.start(), m.end(), m.group()))
    for m in _TELEFOON.finditer(tekst):
        if _telefoon_geldig(m.group()):
            kandidaten.append(Vondst("telefoon", m.start(), m.end(), m.group()))
    for m in _BSN.finditer(tekst):
        if elfproef(_cijfers(m.group())):
            kandidaten.append(Vondst("bsn", m.start(), m.end(), m.group()))
    for m in _POSTCODE.finditer(tekst):
        kandidaten.append(Vondst("postcode", m.start(), m.end(), m.group()))
    for m in _ADRES.finditer(tekst):
        kandidaten.append(Vondst("adres", m.start(), m.end(), m.group()))
    kandidaten.extend(_namen(tekst))

    return _zonder_overlap(kandidaten)


def _zonder_overlap(kandidaten: list[Vondst]) -> list[Vondst]:
    """Keep each candidate that overlaps no candidate of a lower rank (or an
    earlier one of its own rank); return them in text order.

    Rank by rank, the candidates (by start) are walked beside the spots kept
    so far (by start, never overlapping, so also by end): one pass per rank,
    linear in the number of candidates after sorting.
    """
    gekozen: list[Vondst] = []
    for soort in SOORTEN:
        van_soort = sorted((v for v in kandidaten if v.soort == soort), key=lambda v: v.start)
        nieuw = []
        i = 0
        for vondst in van_soort:
            while i < len(gekozen) and gekozen[i].eind <= vondst.start:
                i += 1
            if i < len(gekozen) and gekozen[i].start < vondst.eind:
                continue  # overlaps a kept spot of a lower rank
            if nieuw and nieuw[-1].eind > vondst.start:
                continue  # overlaps an earlier spot of its own kind
            nieuw.append(vondst)
        gekozen = sorted(gekozen + nieuw, key=lambda v: v.start)
    return gekozen


def nieuw_ten_opzichte_van(vondsten: list[Vondst], opgeslagen: str) -> list[Vondst]:
    """The spots whose text did not already stand in `opgeslagen` (the stored field).

    Texts the scan finds in the stored field too are known at once; of the
    others, HOOGSTENS_OPGEZOCHT are searched for as plain text, and the rest
    count as new (a warning too many rather than too few).
    """
    if not vondsten or not opgeslagen:
        return vondsten
    onbekend = {v.tekst for v in vondsten} - {v.tekst for v in controleer(opgeslagen)}
    opgezocht = sorted(onbekend)[:HOOGSTENS_OPGEZOCHT]
    nieuw = onbekend - {tekst for tekst in opgezocht if tekst in opgeslagen}
    return [v for v in vondsten if v.tekst in nieuw]


def lijkt_op_echte_naam(waarde: str) -> bool:
    """True when a pseudonym looks like a real full name or contact detail.

    "Jan de Vries" and "Marieke Jansen" do; "Moeder uit Zuid", "A." and a
    single first name like "Samira" do not.
    """
    waarde = " ".join(waarde.split())
    if not waarde:
        return False
    vondsten = controleer(waarde)
    if any(v.soort != "naam" for v in vondsten):
        return True
    return any(v.start == 0 and v.eind == len(waarde) for v in vondsten)


def segmenten(tekst: str, vondsten: list[Vondst]) -> list[tuple[str, Vondst | None]]:
    """`tekst` cut into pieces: (piece, the Vondst it is, or None) — for <mark>."""
    stukken = []
    positie = 0
    for vondst in vondsten:
        if vondst.start > positie:
            stukken.append((tekst[positie : vondst.start], None))
        stukken.append((tekst[vondst.start : vondst.eind], vondst))
        positie = vondst.eind
    if positie < len(tekst):
        stukken.append((tekst[positie:], None))
    return stukken


def vingerafdruk(*teksten: str) -> str:
    """A short hash of the checked texts: "toch opslaan" confirms exactly these."""
    inhoud = "\x1f".join(teksten).encode()
    return hashlib.sha256(inhoud).hexdigest()[:32]
