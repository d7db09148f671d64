"""Dutch-like text for the synthetic stories, with a Zipf-like word distribution.

The vocabulary is ranked: function words first, then the words of the social
domain the lab works in, then a long tail of compounds made from stems. A
word of rank r is drawn with weight 1 / (r + 2.7) (Zipf–Mandelbrot), so, as
in real Dutch text, "de" and "het" are everywhere, a domain word like
GEWOON_WOORD ("gemeente", rank ~60) occurs in nearly every story of 300+
words, and the tail words are rare.

The benchmark's two searches:
- GEWOON_WOORD, "gemeente": a common word (in ~95% of the stories), the
  worst case for a ranked full-text search: almost every row matches.
- ZELDZAAM_WOORD, "woekerpolis": not in the vocabulary; the builder puts it
  in one story in ZELDZAAM_PER stories (at least one), as a rare word is in
  real text.

Texts are composed from a pool of generated sentences, which keeps building
100 000 stories fast while every story is different.
"""

import itertools
import random

GEWOON_WOORD = "gemeente"
ZELDZAAM_WOORD = "woekerpolis"
ZELDZAAM_PER = 2000
ZELDZAAM_ZIN = "Later bleek het geld in een woekerpolis te zitten waar niemand van wist."


def _woorden(tekst):
    return tuple(tekst.split())


FUNCTIEWOORDEN = _woorden(
    "de het een en van ik in is dat die niet te op je met er voor zijn we was ze hij "
    "maar om als aan bij ook dan nog wel heb had heeft wat door al naar kan moet zo "
    "mijn me geen uit over toen hun wordt werd veel of want dus meer hem haar onze "
)

DOMEINWOORDEN = _woorden(
    "gemeente hulp wijk geld zorg huis werk kinderen moeder school vader buurvrouw "
    "wijkteam brief afspraak formulier schulden uitkering huur toeslag aanvraag "
    "loket consulent instantie regels vertrouwen gesprek keukentafel maatwerk "
    "wachtlijst jongeren ouderen vrijwilliger buurthuis huisarts medicijnen "
    "dagbesteding mantelzorg bewindvoerder energierekening belastingdienst incasso "
    "boete zorgen slapen eenzaam vriendin familie broer zus opa oma taal cursus "
    "sollicitatie baan contract uren rooster inkomen rekening betalen wachten bellen "
    "mailen terugbellen telefoon balie ambtenaar beleid participatiewet jeugdzorg "
    "schuldhulp voedselbank kledingbank budget stress ruzie verhuizen woning "
    "corporatie reparatie schimmel trap lift fiets tram metro markt winkel kerk "
    "moskee sportclub stage opleiding diploma rapport juf meester klas vakantie "
    "zomer winter avond ochtend week maand jaar vandaag gisteren morgen straks eerst "
    "daarna eindelijk gelukkig helaas eigenlijk gewoon samen alleen iedereen niemand "
    "iemand alles niets "
)

WERKWOORDEN = _woorden(
    "gaan komen zeggen vragen krijgen geven doen maken zien weten denken vinden "
    "helpen wonen werken praten luisteren begrijpen proberen beginnen stoppen durven "
    "willen kunnen mogen zoeken vullen tekenen sturen ontvangen regelen "
)

STAMMEN = _woorden(
    "zorg wacht huur school buurt geld hulp werk woon gezin jeugd schuld taal wijk "
    "stad haven post bank zaak team brief recht plan raad kosten kennis leer zomer "
    "ouder kind vriend markt sport lees rij spreek dag nacht "
)
ACHTERVOEGSELS = _woorden(
    "lijst verzekering bureau toeslag verlening coach kamer gesprek tafel loket "
    "regeling plicht kaart pas huis plek moment vraag zaak termijn budget contract "
    "groep middag avond dienst wet kantoor "
)


def woordenlijst():
    """The ranked vocabulary: function words, domain words, verbs, compounds."""
    staart = [s + a for s, a in itertools.product(STAMMEN, ACHTERVOEGSELS)]
    woorden = []
    gezien = set()
    for woord in [*FUNCTIEWOORDEN, *DOMEINWOORDEN, *WERKWOORDEN, *staart]:
        if woord not in gezien and woord != ZELDZAAM_WOORD:
            gezien.add(woord)
            woorden.append(woord)
    return woorden


def zipf_gewichten(aantal, q=2.7):
    """Cumulative Zipf–Mandelbrot weights for ranks 0..aantal-1."""
    return list(itertools.accumulate(1.0 / (rang + q) for rang in range(aantal)))


class Tekstmaker:
    """Makes sentences, titles and story texts from one seeded random source."""

    def __init__(self, rng: random.Random, *, zinnen=20_000):
        self.rng = rng
        self.woorden = woordenlijst()
        self.cum = zipf_gewichten(len(self.woorden))
        self.zinnen = [self._zin() for _ in range(zinnen)]
        self.zin_woorden = [zin.count(" ") + 1 for zin in self.zinnen]

    def _zin(self):
        lengte = self.rng.randint(5, 18)
        woorden = self.rng.choices(self.woorden, cum_weights=self.cum, k=lengte)
        return " ".join(woorden).capitalize() + "."

    def zin(self):
        return self.rng.choice(self.zinnen)

    def tekst(self, woorden_min, *, met_zeldzaam=False):
        """A story text of at least `woorden_min` words, in paragraphs.

        Returns (text, [(start, end), …]): the offsets of every sentence, so
        fragments can be cut at sentence boundaries with valid offsets.
        """
        delen = []
        spans = []
        positie = 0
        woorden = 0
        in_alinea = 0
        while woorden < woorden_min:
            index = self.rng.randrange(len(self.zinnen))
            zin = self.zinnen[index]
            if met_zeldzaam and woorden >= woorden_min // 2:
                zin, met_zeldzaam = ZELDZAAM_ZIN, False
            if delen:
                scheiding = "\n\n" if in_alinea >= self.rng.randint(4, 8) else " "
                in_alinea = 0 if scheiding == "\n\n" else in_alinea
                delen.append(scheiding)
                positie += len(scheiding)
            delen.append(zin)
            spans.append((positie, positie + len(zin)))
            positie += len(zin)
            woorden += zin.count(" ") + 1
            in_alinea += 1
        return "".join(delen), spans

    def titel(self):
        woorden = self.rng.choices(self.woorden[40:400], k=self.rng.randint(2, 5))
        return " ".join(woorden).capitalize()

    def aantal_woorden(self):
        """Story length: log-uniform between 300 and 3 000 words (mean ~1 170)."""
        return int(300 * 10 ** self.rng.random())
