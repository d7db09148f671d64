"""The synthetic dataset: stories, fragments, codes, collections, cafés, projects.

At 100 000 stories (`plan(100_000)`): 100 000 stories of 300–3 000 words,
~10 coded fragments per story (offsets valid, quote copied), 60 themes and
sub-codes, 200 collections of up to 100 stories, 1 000 kenniscafés with
20 000 registrations, 150 projects and 150 werkteams. Smaller scales scale
these counts proportionally, with floors, and fixed things stay fixed:

- the theme vocabulary is 60 at every scale (a codebook does not grow with
  the number of stories);
- 12 kenniscafés lie ahead at every scale (a lab plans a season, not a
  number proportional to its archive); the rest are in the archive;
- every measured object exists at every scale: story MEETVERHAAL with 50
  fragments, collection MEETCOLLECTIE with 100 items (or every eligible story
  below 100), code MEETCODE with the most fragments.

Rows are written in large batches without model instances: COPY on
PostgreSQL, executemany on SQLite (`schrijf`). Primary keys are assigned
here, sequences reset afterwards. On PostgreSQL the search trigger fills
`zoekvector` for every row COPY writes, and the GIN index stays valid.
No history rows are written (django-simple-history); no measured page reads
them.
"""

import io
import itertools
import json
import random
import time
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from taggit.models import Tag

from bench import tekst as tekstmodule
from kennisagenda import roles
from kennisagenda.models import Thema
from kenniscafes.models import Aanmelding, Kenniscafe, Locatie, ThemaKenniscafe
from projecten.models import Project, ThemaProject, ThemaWerkteam, Werkteam, Wijk
from verhalen.models import (
    Collectie,
    CollectieItem,
    CollectieThema,
    Fragment,
    FragmentThema,
    Reflectie,
    Toestemming,
    Verhaal,
    VerhaalThema,
    VerhaalTrefwoord,
)
from verhalen.services import tellingen

MEETVERHAAL_FRAGMENTEN = 50
MEETCOLLECTIE = "bench-collectie-100"
MEETCOLLECTIE_ITEMS = 100
MEETCODE = "vertrouwen"
MEETTHEMA = "bestaanszekerheid"
THEMAS_TOTAAL = 60
KOMENDE_CAFES = 12
AANMELDINGEN_PER_CAFE = 20
ONDERZOEKERS = 10
RAADSLEDEN = 20
BATCH = 2_000

BENCH_ONDERZOEKER = "bench-onderzoeker"
BENCH_RAADSLID = "bench-raadslid"

# Consent as a lab collects it: most stories for the research team only,
# a quarter also for the Brede Raad, a fifth public, a few withdrawn.
TOESTEMMING_MIX = [
    (Toestemming.ONDERZOEK, 50),
    (Toestemming.BREDE_RAAD, 25),
    (Toestemming.OPENBAAR, 20),
    (Toestemming.INGETROKKEN, 5),
]


def _woorden(tekst):
    return tuple(tekst.split())


SUBCODES = _woorden(
    "wachtlijst schulden eenzaamheid taalbarrière wantrouwen regeldruk mantelzorg "
    "huisvesting energiearmoede jeugdhulp ouderenzorg digitale-kloof "
    "laaggeletterdheid werkloosheid armoede-in-gezinnen discriminatie gezondheid "
    "psychische-klachten buurtcontact vrijwilligerswerk toeslagen bewindvoering "
    "incasso ziekte-en-zorg onderwijs stage-en-werk sport-en-spel veiligheid "
    "informele-hulp formele-hulp doorverwijzen eigen-regie erkenning schaamte hoop "
    "kwetsbaarheid doorzettingsmacht bureaucratie loketten keukentafelgesprek "
    "netwerk cultuur religie migratie statushouders jongeren-en-werk ouderschap "
    "echtscheiding verslaving huiselijk-geweld dakloosheid "
)

TREFWOORDEN = _woorden(
    "schulden wachtlijst huur toeslagen wijkteam buurthuis school werk taal zorg "
    "energie voedselbank mantelzorg jeugd ouderen "
)


@dataclass(frozen=True)
class Plan:
    """How many of each thing a scale has (see the module docstring)."""

    verhalen: int
    themas: int
    projecten: int
    werkteams: int
    collecties: int
    kenniscafes: int
    aanmeldingen: int
    onderzoekers: int
    raadsleden: int


def plan(verhalen):
    schaal = verhalen / 100_000

    def naar_schaal(bij_100k, minimum):
        return max(minimum, round(bij_100k * schaal))

    cafes = naar_schaal(1_000, KOMENDE_CAFES + 1)
    return Plan(
        verhalen=verhalen,
        themas=THEMAS_TOTAAL,
        projecten=naar_schaal(150, 2),
        werkteams=naar_schaal(150, 2),
        collecties=naar_schaal(200, 2),
        kenniscafes=cafes,
        aanmeldingen=cafes * AANMELDINGEN_PER_CAFE,
        onderzoekers=ONDERZOEKERS,
        raadsleden=RAADSLEDEN,
    )


def collectie_slug(index):
    """The slug of collection `index`; the first is the measured one."""
    return MEETCOLLECTIE if index == 0 else f"bench-collectie-nr-{index + 1}"


def fragmenten_voor(index):
    """Fragments of the story at `index`: 50 for the first, 0–20 (mean 10) for others."""
    if index == 0:
        return MEETVERHAAL_FRAGMENTEN
    return (index * 7_919) % 21


# ---------------------------------------------------------------- writing rows


def _pg_waarde(waarde):
    if waarde is None:
        return "\\N"
    if isinstance(waarde, bool):
        return "t" if waarde else "f"
    if isinstance(waarde, datetime | date):
        return waarde.isoformat()
    if isinstance(waarde, dict | list):
        waarde = json.dumps(waarde, ensure_ascii=False)
    return (
        str(waarde)
        .replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )


def schrijf(model, rijen):
    """Insert `rijen` (dicts by attname, each with its "id") into `model`'s table.

    Fields a row leaves out get the field's default (a callable default is
    called per row). PostgreSQL: COPY … FROM STDIN; SQLite: executemany.
    """
    velden = list(model._meta.concrete_fields)
    kolommen = ", ".join(connection.ops.quote_name(veld.column) for veld in velden)
    tabel = connection.ops.quote_name(model._meta.db_table)

    def waarden(rij):
        for veld in velden:
            if veld.attname in rij:
                yield veld, rij[veld.attname]
            else:
                yield veld, veld.get_default()

    if connection.vendor == "postgresql":
        buffer = io.StringIO()
        for rij in rijen:
            buffer.write("\t".join(_pg_waarde(w) for _, w in waarden(rij)))
            buffer.write("\n")
        buffer.seek(0)
        with connection.cursor() as cursor:
            ruw = cursor.cursor
            opdracht = f"COPY {tabel} ({kolommen}) FROM STDIN"
            if hasattr(ruw, "copy_expert"):
                ruw.copy_expert(opdracht, buffer)
            else:  # psycopg 3
                with ruw.copy(opdracht) as copy:
                    copy.write(buffer.getvalue())
        return
    plaatsen = ", ".join(["%s"] * len(velden))
    regels = [[veld.get_db_prep_save(w, connection) for veld, w in waarden(rij)] for rij in rijen]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {tabel} ({kolommen}) VALUES ({plaatsen})", regels)


class Ids:
    """Primary keys handed out here, after whatever the table already holds."""

    def __init__(self, model):
        self.volgende = (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1

    def __call__(self):
        waarde = self.volgende
        self.volgende += 1
        return waarde


# ---------------------------------------------------------------- the builder


@dataclass
class Meetobjecten:
    """What the harness measures, found by the builder (stored with the marker)."""

    verhaal: int
    collectie: str
    code: str
    thema: str
    wijk: str
    gewoon_woord: str
    zeldzaam_woord: str
    onderzoeker: str
    raadslid: str


class Bouwer:
    def __init__(self, aantal, *, seed=7, uitvoer=None):
        self.plan = plan(aantal)
        self.rng = random.Random(seed)
        self.tekst = tekstmodule.Tekstmaker(self.rng)
        self.nu = datetime.now(tz=UTC).replace(microsecond=0)
        self.uitvoer = uitvoer or (lambda regel: None)

    def log(self, regel):
        self.uitvoer(regel)

    def bouw(self):
        """Build everything; returns (counts per model, Meetobjecten)."""
        begin = time.monotonic()
        with transaction.atomic():
            self._gebruikers()
            self._themas()
            self._projecten()
            self.log(f"  basis klaar ({time.monotonic() - begin:.0f} s)")
            self._verhalen()
            self.log(f"  verhalen en fragmenten klaar ({time.monotonic() - begin:.0f} s)")
            self._collecties()
            self._kenniscafes()
            self._reset_sequences()
            tellingen.herbereken()  # rows were written directly: count them once
        self.log(f"  alles klaar ({time.monotonic() - begin:.0f} s)")
        return self.tellingen(), self.meetobjecten

    @staticmethod
    def tellingen():
        modellen = [
            Verhaal,
            Fragment,
            VerhaalThema,
            FragmentThema,
            Thema,
            Collectie,
            CollectieItem,
            Kenniscafe,
            Aanmelding,
            Project,
            Werkteam,
        ]
        return {model._meta.label: model.objects.count() for model in modellen}

    # -- people and vocabulary

    def _gebruikers(self):
        User = get_user_model()
        onderzoeker = Group.objects.get(name=roles.ONDERZOEKER)
        raad = Group.objects.get(name=roles.BREDE_RAAD)
        namen_o = [BENCH_ONDERZOEKER] + [
            f"bench-onderzoeker-{i:02}" for i in range(2, self.plan.onderzoekers + 1)
        ]
        namen_r = [BENCH_RAADSLID] + [
            f"bench-raadslid-{i:02}" for i in range(2, self.plan.raadsleden + 1)
        ]
        gebruikers = [User(username=naam, first_name=naam.title()) for naam in namen_o + namen_r]
        for gebruiker in gebruikers:
            gebruiker.set_unusable_password()
        User.objects.bulk_create(gebruikers)
        self.onderzoekers = list(User.objects.filter(username__in=namen_o).order_by("pk"))
        self.raadsleden = list(User.objects.filter(username__in=namen_r).order_by("pk"))
        onderzoeker.user_set.add(*self.onderzoekers)
        raad.user_set.add(*self.raadsleden)

    def _themas(self):
        hoofd = list(Thema.objects.hoofdthemas().order_by("volgorde", "pk"))
        bestaand = Thema.objects.count()
        namen = {naam.lower() for naam in Thema.objects.values_list("name", flat=True)}
        vrij = [naam for naam in SUBCODES if naam.replace("-", " ") not in namen]
        nieuw = []
        for i, naam in enumerate(vrij[: self.plan.themas - bestaand]):
            nieuw.append(
                Thema(
                    name=naam.replace("-", " "),
                    slug=f"bench-{naam}",
                    parent=hoofd[i % len(hoofd)],
                    definitie="Gebruik deze code als het fragment hierover gaat.",
                    volgorde=200 + i,
                )
            )
        Thema.objects.bulk_create(nieuw)
        themas = list(Thema.objects.order_by("volgorde", "pk"))
        # The measured code first: Zipf over the codes gives it the most fragments.
        meetcode = next(t for t in themas if t.slug == MEETCODE)
        self.themas = [meetcode] + [t for t in themas if t.pk != meetcode.pk]
        self.thema_cum = tekstmodule.zipf_gewichten(len(self.themas), q=1.5)
        self.trefwoorden = Tag.objects.bulk_create(
            [Tag(name=woord, slug=f"bench-{woord}") for woord in TREFWOORDEN]
        )
        self.wijken = list(Wijk.objects.order_by("pk"))

    def _kies_themas(self, minimum, maximum):
        aantal = self.rng.randint(minimum, maximum)
        gekozen = {}
        for thema in self.rng.choices(self.themas, cum_weights=self.thema_cum, k=aantal):
            gekozen[thema.pk] = thema
        return list(gekozen.values())

    @staticmethod
    def _labels(themas):
        return sorted(({"id": t.pk, "naam": t.name} for t in themas), key=lambda x: x["naam"])

    def _thema_rijen(self, object_id, themas, ids):
        return [{"id": ids(), "content_object_id": object_id, "tag_id": t.pk} for t in themas]

    def _projecten(self):
        p_ids, w_ids, tp_ids, tw_ids = (
            Ids(Project),
            Ids(Werkteam),
            Ids(ThemaProject),
            Ids(ThemaWerkteam),
        )
        projecten, werkteams, thema_p, thema_w = [], [], [], []
        for i in range(self.plan.projecten):
            pk = p_ids()
            startjaar = 2015 + i % 10
            projecten.append(
                {
                    "id": pk,
                    "titel": f"Project {self.tekst.titel()} {i + 1}",
                    "slug": f"bench-project-{i + 1}",
                    "samenvatting": self.tekst.zin(),
                    "startjaar": startjaar,
                    "eindjaar": startjaar + self.rng.randint(1, 4),
                    "gepubliceerd": True,
                    "aangemaakt": self.nu,
                    "gewijzigd": self.nu,
                }
            )
            thema_p += self._thema_rijen(pk, self._kies_themas(1, 3), tp_ids)
        schrijf(Project, projecten)
        self.project_ids = [p["id"] for p in projecten]
        for i in range(self.plan.werkteams):
            pk = w_ids()
            werkteams.append(
                {
                    "id": pk,
                    "naam": f"Werkteam {self.tekst.titel()} {i + 1}",
                    "slug": f"bench-werkteam-{i + 1}",
                    "leervraag": self.tekst.zin(),
                    "project_id": self.project_ids[i % len(self.project_ids)] if i % 2 else None,
                    "startjaar": 2016 + i % 9,
                    "gepubliceerd": True,
                    "aangemaakt": self.nu,
                    "gewijzigd": self.nu,
                }
            )
            thema_w += self._thema_rijen(pk, self._kies_themas(1, 2), tw_ids)
        schrijf(Werkteam, werkteams)
        self.werkteam_ids = [w["id"] for w in werkteams]
        schrijf(ThemaProject, thema_p)
        schrijf(ThemaWerkteam, thema_w)

    # -- stories and fragments

    def _verhalen(self):
        v_ids, f_ids = Ids(Verhaal), Ids(Fragment)
        vt_ids, ft_ids, tw_ids = Ids(VerhaalThema), Ids(FragmentThema), Ids(VerhaalTrefwoord)
        toestemmingen = [t for t, _ in TOESTEMMING_MIX]
        toestemming_cum = list(itertools.accumulate(g for _, g in TOESTEMMING_MIX))
        rotterdam_wijken = self.wijken
        self.per_toestemming = {t: [] for t in toestemmingen}
        self.fragmenten_van = {}
        zeldzaam_elke = min(tekstmodule.ZELDZAAM_PER, self.plan.verhalen)
        wijk_cum = tekstmodule.zipf_gewichten(len(rotterdam_wijken), q=5)
        for begin in range(0, self.plan.verhalen, BATCH):
            verhalen, fragmenten, v_themas, f_themas, trefwoorden = [], [], [], [], []
            for index in range(begin, min(begin + BATCH, self.plan.verhalen)):
                pk = v_ids()
                aantal_fragmenten = fragmenten_voor(index)
                woorden = self.tekst.aantal_woorden()
                if index == 0:
                    woorden = max(woorden, 1_500)
                    toestemming = Toestemming.BREDE_RAAD
                else:
                    toestemming = self.rng.choices(toestemmingen, cum_weights=toestemming_cum)[0]
                tekst, zinnen = self.tekst.tekst(
                    woorden, met_zeldzaam=index % zeldzaam_elke == zeldzaam_elke // 2
                )
                gemaakt = self.nu - timedelta(minutes=7 * (self.plan.verhalen - index))
                themas = self._kies_themas(1, 3)
                wijk = self.rng.choices(rotterdam_wijken, cum_weights=wijk_cum)[0]
                in_rotterdam = self.rng.random() < 0.8
                tags = self.rng.sample(self.trefwoorden, self.rng.randint(0, 2))
                verhalen.append(
                    {
                        "id": pk,
                        "titel": self.tekst.titel(),
                        "tekst": tekst,
                        "samenvatting": self.tekst.zin() + " " + self.tekst.zin(),
                        "verteller_type": self.rng.choice(
                            ["bewoner"] * 5
                            + ["ervaringsdeskundige", "mantelzorger", "vrijwilliger"]
                            + ["professional"] * 3
                            + ["beleidsmaker"]
                        ),
                        "pseudoniem": f"Verteller {pk}",
                        "leeftijdscategorie": self.rng.choice(
                            ["", "18-27", "27-45", "45-67", "67-plus"]
                        ),
                        "wijk_id": wijk.pk if in_rotterdam else None,
                        "gemeente": "rotterdam" if in_rotterdam else "schiedam",
                        "verzamelwijze": self.rng.choice(
                            ["interview", "keukentafelgesprek", "focusgroep", "schriftelijk"]
                        ),
                        "verzameld_op": (gemaakt - timedelta(days=3)).date(),
                        "verzameld_door_id": self.rng.choice(self.onderzoekers).pk,
                        "project_id": self.rng.choice(self.project_ids)
                        if self.rng.random() < 0.3
                        else None,
                        "werkteam_id": self.rng.choice(self.werkteam_ids)
                        if self.rng.random() < 0.1
                        else None,
                        "toestemming": toestemming,
                        "toestemming_datum": (gemaakt - timedelta(days=3)).date(),
                        "versie": 1,
                        "aangemaakt_op": gemaakt,
                        "gewijzigd_op": gemaakt,
                        "themas_snapshot": self._labels(themas),
                        "trefwoorden_snapshot": sorted(
                            ({"id": t.pk, "naam": t.name} for t in tags), key=lambda x: x["naam"]
                        ),
                    }
                )
                self.per_toestemming[toestemming].append(pk)
                v_themas += self._thema_rijen(pk, themas, vt_ids)
                trefwoorden += [
                    {"id": tw_ids(), "content_object_id": pk, "tag_id": t.pk} for t in tags
                ]
                gekozen = sorted(self.rng.sample(range(len(zinnen)), aantal_fragmenten))
                eigen = []
                for zin_index in gekozen:
                    start, eind = zinnen[zin_index]
                    fpk = f_ids()
                    codes = self._kies_themas(1, 2)
                    fragmenten.append(
                        {
                            "id": fpk,
                            "verhaal_id": pk,
                            "start": start,
                            "eind": eind,
                            "citaat": tekst[start:eind],
                            "memo": "",
                            "codeur_id": self.rng.choice(self.onderzoekers).pk,
                            "moet_herzien": False,
                            "aangemaakt_op": gemaakt,
                            "gewijzigd_op": gemaakt,
                            "codes_snapshot": self._labels(codes),
                        }
                    )
                    f_themas += self._thema_rijen(fpk, codes, ft_ids)
                    eigen.append(fpk)
                if toestemming in (Toestemming.BREDE_RAAD, Toestemming.OPENBAAR):
                    self.fragmenten_van[pk] = eigen[:2]
            schrijf(Verhaal, verhalen)
            schrijf(Fragment, fragmenten)
            schrijf(VerhaalThema, v_themas)
            schrijf(FragmentThema, f_themas)
            schrijf(VerhaalTrefwoord, trefwoorden)
            if begin and begin % (BATCH * 10) == 0:
                self.log(f"  {begin} verhalen geschreven")
        self.meetverhaal = self.per_toestemming[Toestemming.BREDE_RAAD][0]
        # Zipf over the wijken: the first is the most common one.
        self.meetwijk = rotterdam_wijken[0].slug

    # -- collections

    def _collecties(self):
        c_ids, i_ids, ct_ids, r_ids = (
            Ids(Collectie),
            Ids(CollectieItem),
            Ids(CollectieThema),
            Ids(Reflectie),
        )
        kies_uit = {
            "brede_raad": self.per_toestemming[Toestemming.BREDE_RAAD]
            + self.per_toestemming[Toestemming.OPENBAAR],
            "openbaar": self.per_toestemming[Toestemming.OPENBAAR],
        }
        collecties, items, c_themas, keuzes, reflecties = [], [], [], [], []
        doorgang = CollectieItem.fragmenten.through
        d_ids = Ids(doorgang)
        for i in range(self.plan.collecties):
            pk = c_ids()
            if i == 0:
                publiek, grootte, gepubliceerd = "brede_raad", 100, True
                verhaal_ids = [self.meetverhaal] + [
                    v for v in kies_uit[publiek] if v != self.meetverhaal
                ][: MEETCOLLECTIE_ITEMS - 1]
            else:
                publiek = "brede_raad" if self.rng.random() < 0.7 else "openbaar"
                grootte = self.rng.randint(5, 100)
                gepubliceerd = self.rng.random() < 0.9
                bron = kies_uit[publiek]
                verhaal_ids = self.rng.sample(bron, min(grootte, len(bron)))
            gepubliceerd_op = self.nu - timedelta(days=self.plan.collecties - i)
            collecties.append(
                {
                    "id": pk,
                    "titel": f"Collectie {self.tekst.titel()}",
                    "slug": collectie_slug(i),
                    "inleiding": f"{self.tekst.zin()} {self.tekst.zin()}\n\n**{self.tekst.zin()}**",
                    "publiek": publiek,
                    "gepubliceerd": gepubliceerd,
                    "gepubliceerd_op": gepubliceerd_op if gepubliceerd else None,
                    "curator_id": self.onderzoekers[i % len(self.onderzoekers)].pk,
                    "aangemaakt_op": gepubliceerd_op,
                    "gewijzigd_op": gepubliceerd_op,
                }
            )
            c_themas += self._thema_rijen(pk, self._kies_themas(1, 2), ct_ids)
            for volgorde, verhaal_id in enumerate(verhaal_ids):
                ipk = i_ids()
                items.append(
                    {
                        "id": ipk,
                        "collectie_id": pk,
                        "verhaal_id": verhaal_id,
                        "volgorde": volgorde,
                        "notitie": self.tekst.zin() if volgorde % 4 == 0 else "",
                        "toegevoegd_op": gepubliceerd_op,
                        "gewijzigd_op": gepubliceerd_op,
                    }
                )
                if volgorde % 3 == 0:
                    keuzes += [
                        {"id": d_ids(), "collectieitem_id": ipk, "fragment_id": f}
                        for f in self.fragmenten_van.get(verhaal_id, [])
                    ]
            for r in range(3 if i == 0 else self.rng.randint(0, 3)):
                reflecties.append(
                    {
                        "id": r_ids(),
                        "collectie_id": pk,
                        "auteur_id": self.raadsleden[r % len(self.raadsleden)].pk,
                        "tekst": f"{self.tekst.zin()} {self.tekst.zin()}",
                        "aangemaakt_op": gepubliceerd_op,
                        "gewijzigd_op": gepubliceerd_op,
                    }
                )
        schrijf(Collectie, collecties)
        schrijf(CollectieThema, c_themas)
        for begin in range(0, len(items), BATCH * 5):
            schrijf(CollectieItem, items[begin : begin + BATCH * 5])
        schrijf(doorgang, keuzes)
        schrijf(Reflectie, reflecties)

    # -- kenniscafés

    def _kenniscafes(self):
        locaties = Locatie.objects.bulk_create(
            [
                Locatie(naam=f"Huis van de Wijk {w.naam}", adres=f"Wijkstraat {i + 1}")
                for i, w in enumerate(self.wijken[:10])
            ]
        )
        k_ids, a_ids, t_ids = Ids(Kenniscafe), Ids(Aanmelding), Ids(ThemaKenniscafe)
        cafes, aanmeldingen, themas = [], [], []
        voorbij = self.plan.kenniscafes - KOMENDE_CAFES
        for i in range(self.plan.kenniscafes):
            pk = k_ids()
            if i < voorbij:
                # The archive: roughly weekly, going back from last week.
                start = self.nu - timedelta(days=7 * (voorbij - i), hours=3)
            else:
                start = self.nu + timedelta(days=14 * (i - voorbij + 1))
            start = start.replace(hour=14, minute=0, second=0)
            is_voorbij = i < voorbij
            cafes.append(
                {
                    "id": pk,
                    "titel": f"Kenniscafé {self.tekst.titel()}",
                    "slug": f"bench-kenniscafe-{i + 1}",
                    "start": start,
                    "eind": start + timedelta(hours=2),
                    "locatie_id": locaties[i % len(locaties)].pk,
                    "beschrijving": f"{self.tekst.zin()} {self.tekst.zin()}",
                    "werkteam_id": self.werkteam_ids[i % len(self.werkteam_ids)]
                    if i % 3 == 0
                    else None,
                    "capaciteit": 40,
                    "verslag": f"{self.tekst.zin()} {self.tekst.zin()}" if is_voorbij else "",
                    "aantal_bezoekers": 15 + i % 20 if is_voorbij else None,
                    "gepubliceerd": True,
                    "aangemaakt": start - timedelta(days=30),
                    "gewijzigd": start - timedelta(days=30),
                }
            )
            themas += self._thema_rijen(pk, self._kies_themas(1, 2), t_ids)
            for a in range(AANMELDINGEN_PER_CAFE):
                aanmeldingen.append(
                    {
                        "id": a_ids(),
                        "kenniscafe_id": pk,
                        "naam": f"Bezoeker {a + 1}",
                        "email": f"bezoeker{a + 1}.cafe{pk}@example.org",
                        "organisatie": "Wijkteam" if a % 3 else "",
                        "status": "bevestigd" if a < 18 else "wachtlijst",
                        "aanwezig": (a % 5 != 0) if is_voorbij else None,
                        "aangemeld_op": start - timedelta(days=10, minutes=a),
                    }
                )
        schrijf(Kenniscafe, cafes)
        schrijf(ThemaKenniscafe, themas)
        for begin in range(0, len(aanmeldingen), BATCH * 5):
            schrijf(Aanmelding, aanmeldingen[begin : begin + BATCH * 5])

    def _reset_sequences(self):
        modellen = [
            Verhaal,
            Fragment,
            VerhaalThema,
            FragmentThema,
            VerhaalTrefwoord,
            Collectie,
            CollectieItem,
            CollectieThema,
            CollectieItem.fragmenten.through,
            Reflectie,
            Kenniscafe,
            Aanmelding,
            ThemaKenniscafe,
            Project,
            Werkteam,
            ThemaProject,
            ThemaWerkteam,
        ]
        with connection.cursor() as cursor:
            for opdracht in connection.ops.sequence_reset_sql(no_style(), modellen):
                cursor.execute(opdracht)

    @property
    def meetobjecten(self):
        return Meetobjecten(
            verhaal=self.meetverhaal,
            collectie=MEETCOLLECTIE,
            code=MEETCODE,
            thema=MEETTHEMA,
            wijk=self.meetwijk,
            gewoon_woord=tekstmodule.GEWOON_WOORD,
            zeldzaam_woord=tekstmodule.ZELDZAAM_WOORD,
            onderzoeker=BENCH_ONDERZOEKER,
            raadslid=BENCH_RAADSLID,
        )


# ---------------------------------------------------------------- the marker

MARKER_TABEL = "bench_metadata"


def lees_marker():
    """The stored description of the built dataset, or None."""
    tabellen = connection.introspection.table_names()
    if MARKER_TABEL not in tabellen:
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT waarde FROM {MARKER_TABEL} WHERE sleutel = %s", ["dataset"])
        rij = cursor.fetchone()
    return json.loads(rij[0]) if rij else None


def schrijf_marker(gegevens):
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABEL} "
            "(sleutel varchar(50) PRIMARY KEY, waarde text NOT NULL)"
        )
        cursor.execute(f"DELETE FROM {MARKER_TABEL} WHERE sleutel = %s", ["dataset"])
        cursor.execute(
            f"INSERT INTO {MARKER_TABEL} (sleutel, waarde) VALUES (%s, %s)",
            ["dataset", json.dumps(gegevens)],
        )


def bouw_dataset(aantal, *, seed=7, uitvoer=None):
    """Build the dataset of `aantal` stories into the current database.

    Returns the marker dict (counts, measured objects, seconds it took). The
    caller checks first that the database is a benchmark database.
    """
    begin = time.monotonic()
    bouwer = Bouwer(aantal, seed=seed, uitvoer=uitvoer)
    tellingen, meet = bouwer.bouw()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "verhalen": aantal,
        "seed": seed,
        "plan": asdict(bouwer.plan),
        "tellingen": tellingen,
        "meet": asdict(meet),
        "seconden": round(time.monotonic() - begin, 1),
        "gebouwd_op": bouwer.nu.isoformat(),
    }
