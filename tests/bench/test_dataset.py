from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import connection

from bench import dataset as ds
from bench.database import (
    bench_database,
    controleer_bench_database,
    is_bench_database,
    parse_schaal,
)
from bench.management.commands.bench_dataset import Command as BenchDataset
from bench.tekst import GEWOON_WOORD, ZELDZAAM_WOORD
from kennisagenda.models import Thema
from kenniscafes.models import Aanmelding, Kenniscafe
from projecten.models import Project, Werkteam
from verhalen.models import Collectie, CollectieItem, Fragment, Toestemming, Verhaal
from verhalen.selectors.search import zoek

from .conftest import KLEIN

pytestmark = pytest.mark.django_db

PG = {"ENGINE": "django.db.backends.postgresql", "NAME": "postgres"}
SQLITE = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/var/verhalenbank.sqlite3"}


def test_plan_at_100k_is_the_issue_s_dataset():
    assert ds.plan(100_000) == ds.Plan(
        verhalen=100_000,
        themas=60,
        projecten=150,
        werkteams=150,
        collecties=200,
        kenniscafes=1_000,
        aanmeldingen=20_000,
        onderzoekers=10,
        raadsleden=20,
    )


def test_plan_scales_proportionally_with_floors():
    assert ds.plan(1_000) == ds.Plan(1_000, 60, 2, 2, 2, 13, 260, 10, 20)
    assert ds.plan(10_000) == ds.Plan(10_000, 60, 15, 15, 20, 100, 2_000, 10, 20)


def test_bouw_dataset_makes_exactly_the_requested_scale(dataset):
    verwacht_fragmenten = sum(ds.fragmenten_voor(i) for i in range(KLEIN))
    telling = {
        "verhalen": Verhaal.objects.count(),
        "fragmenten": Fragment.objects.count(),
        "themas": Thema.objects.count(),
        "collecties": Collectie.objects.count(),
        "kenniscafes": Kenniscafe.objects.count(),
        "aanmeldingen": Aanmelding.objects.count(),
        "projecten": Project.objects.count(),
        "werkteams": Werkteam.objects.count(),
        "bench_gebruikers": get_user_model().objects.filter(username__startswith="bench-").count(),
    }

    assert telling == {
        "verhalen": 40,
        "fragmenten": verwacht_fragmenten,
        "themas": 60,
        "collecties": 2,
        "kenniscafes": 13,
        "aanmeldingen": 260,
        "projecten": 2,
        "werkteams": 2,
        "bench_gebruikers": 30,
    }
    assert 8 * KLEIN <= verwacht_fragmenten <= 12 * KLEIN
    assert dataset["tellingen"]["verhalen.Verhaal"] == 40
    assert dataset["tellingen"]["verhalen.Fragment"] == verwacht_fragmenten


def test_every_fragment_quotes_its_story_at_its_offsets(dataset):
    fragmenten = Fragment.objects.select_related("verhaal")

    assert all(f.verhaal.tekst[f.start : f.eind] == f.citaat for f in fragmenten)
    assert all(f.codes.exists() for f in fragmenten[:50])


def test_stories_are_300_to_3000_words_with_mixed_consent(dataset):
    woorden = [len(tekst.split()) for tekst in Verhaal.objects.values_list("tekst", flat=True)]
    toestemmingen = set(Verhaal.objects.values_list("toestemming", flat=True))

    # A text ends at a sentence boundary: at most one sentence (18 words) over.
    assert min(woorden) >= 300
    assert max(woorden) <= 3_000 + 18
    assert {Toestemming.ONDERZOEK, Toestemming.BREDE_RAAD, Toestemming.OPENBAAR} <= toestemmingen


def test_measured_objects_exist(dataset):
    meet = dataset["meet"]
    verhaal = Verhaal.objects.get(pk=meet["verhaal"])
    collectie = Collectie.objects.get(slug=meet["collectie"])
    geschikt = Verhaal.objects.met_toestemming_voor("brede_raad").count()

    assert verhaal.fragmenten.count() == 50
    assert collectie.gepubliceerd
    assert collectie.items.count() == min(100, geschikt)
    assert not collectie.items.exclude(
        verhaal__toestemming__in=[Toestemming.BREDE_RAAD, Toestemming.OPENBAAR]
    ).exists()
    assert CollectieItem.objects.filter(collectie=collectie, verhaal=verhaal).exists()
    code_fragmenten = Fragment.objects.filter(thema_items__tag__slug=meet["code"]).count()
    anderen = [
        Fragment.objects.filter(thema_items__tag=thema).count()
        for thema in Thema.objects.exclude(slug=meet["code"])
    ]
    assert code_fragmenten > max(anderen)
    assert Kenniscafe.objects.komend().count() == ds.KOMENDE_CAFES


def test_search_finds_the_common_and_the_rare_word(dataset):
    gewoon = zoek(Verhaal.objects.all(), GEWOON_WOORD).count()
    zeldzaam = zoek(Verhaal.objects.all(), ZELDZAAM_WOORD).count()

    # On PostgreSQL this goes through the trigger-filled search vector.
    assert gewoon >= KLEIN * 0.7
    assert zeldzaam == 1


def test_sequences_continue_after_the_bulk_insert(dataset):
    verhaal = Verhaal.objects.create(titel="Daarna", tekst="Een los verhaal.")

    assert verhaal.pk == Verhaal.objects.exclude(pk=verhaal.pk).order_by("-pk")[0].pk + 1


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [("1k", ("1k", 1_000)), ("100K", ("100k", 100_000)), ("250", ("250", 250))],
)
def test_parse_schaal(tekst, verwacht):
    assert parse_schaal(tekst) == verwacht


@pytest.mark.parametrize("tekst", ["", "0", "1m", "tien"])
def test_parse_schaal_refuses_nonsense(tekst):
    with pytest.raises(ValueError):
        parse_schaal(tekst)


def test_bench_database_names_mark_the_scale():
    assert bench_database(PG, "1k")["NAME"] == "verhalenbank_bench_1k"
    sqlite = Path(bench_database(SQLITE, "100k")["NAME"])
    assert (sqlite.parent.name, sqlite.name) == ("bench", "100k.sqlite3")


@pytest.mark.parametrize(
    "settings_dict",
    [
        {**PG, "NAME": "verhalenbank"},
        {**PG, "NAME": "test_verhalenbank_bench_1k"},
        SQLITE,
        {**SQLITE, "NAME": "/srv/var/bench.sqlite3"},
    ],
)
def test_guard_refuses_databases_that_are_not_bench_databases(settings_dict):
    with pytest.raises(ImproperlyConfigured, match="geen benchmarkdatabase"):
        controleer_bench_database(settings_dict)


def test_guard_accepts_bench_databases():
    controleer_bench_database(bench_database(PG, "1k"))
    controleer_bench_database(bench_database(SQLITE, "10k"))


def test_builder_command_refuses_the_test_database_and_writes_nothing():
    with pytest.raises(CommandError, match="geen benchmarkdatabase"):
        call_command(BenchDataset(), "--scale", "20")

    assert not Verhaal.objects.exists()
    assert not is_bench_database(connection.settings_dict)


def test_collection_slugs_are_unique_at_100k():
    slugs = [ds.collectie_slug(i) for i in range(ds.plan(100_000).collecties)]

    assert len(set(slugs)) == 200
    assert slugs[0] == ds.MEETCOLLECTIE
