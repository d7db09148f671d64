"""The harness's own pieces that can be tested without the whole run: sessions,
pages, the refusal of a taken port, the SQL time per request and the writes."""

import socket

import pytest
from django.db import connection

from bench.meten import (
    ONDERZOEKER,
    RAADSLID,
    Gunicorn,
    PoortBezet,
    controleer_poort_vrij,
    laatste_pagina_pad,
    maak_client,
    paginas,
    sessies,
)
from bench.middleware import lees_server_timing
from bench.schrijven import SOORTEN, Schrijver
from verhalen.models import CollectieItem, Fragment, Verhaal

pytestmark = pytest.mark.django_db


def test_written_sessions_log_in_the_researcher_and_the_council_member(dataset):
    sleutels = sessies(dataset["meet"])

    onderzoeker = maak_client(sleutels[ONDERZOEKER]).get("/verhalen/")
    raadslid = maak_client(sleutels[RAADSLID]).get(f"/collecties/{dataset['meet']['collectie']}/")
    raadslid_verhalen = maak_client(sleutels[RAADSLID]).get("/verhalen/")

    assert onderzoeker.status_code == 200
    assert onderzoeker.context["user"].username == "bench-onderzoeker"
    assert raadslid.status_code == 200
    assert raadslid_verhalen.status_code == 403


def test_every_measured_page_answers_200_for_its_role(bench_urls, dataset):
    sleutels = sessies(dataset["meet"])
    lijst = [
        *paginas(dataset["meet"]),
        ("laatste", ONDERZOEKER, laatste_pagina_pad(dataset["meet"])),
    ]

    statussen = {naam: maak_client(sleutels[rol]).get(pad).status_code for naam, rol, pad in lijst}

    assert statussen == dict.fromkeys(statussen, 200)
    assert len(statussen) == 17


def test_the_last_page_link_shows_the_last_fragments_of_the_code(bench_urls, dataset):
    eerste = maak_client(sessies(dataset["meet"])[ONDERZOEKER]).get(
        f"/codeboek/{dataset['meet']['code']}/"
    )
    laatste = maak_client(sessies(dataset["meet"])[ONDERZOEKER]).get(
        laatste_pagina_pad(dataset["meet"])
    )

    assert laatste.context["pagina"].volgende == ""
    assert len(laatste.context["pagina"]) == min(25, eerste.context["aantal"])


@pytest.fixture
def bezette_poort():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as luisteraar:
        luisteraar.bind(("127.0.0.1", 0))
        luisteraar.listen()
        yield luisteraar.getsockname()[1]


def test_a_taken_port_is_refused_before_anything_is_measured(bezette_poort):
    with pytest.raises(PoortBezet, match=f"Poort {bezette_poort} op 127.0.0.1 is al in gebruik"):
        controleer_poort_vrij(bezette_poort)
    with pytest.raises(PoortBezet), Gunicorn(bezette_poort):
        pytest.fail("gunicorn started on a taken port")


def test_a_free_port_is_accepted():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as proef:
        proef.bind(("127.0.0.1", 0))
        vrij = proef.getsockname()[1]
    controleer_poort_vrij(vrij)


@pytest.fixture
def sql_tijd(settings, bench_urls):
    settings.MIDDLEWARE = ["bench.middleware.SqlTijdMiddleware", *settings.MIDDLEWARE]


def test_every_response_says_its_own_sql_time_and_queries(sql_tijd, dataset, client):
    vloer = client.get("/bench/vloer/")
    client.cookies.load(sessies(dataset["meet"])[ONDERZOEKER])
    lijst = client.get("/verhalen/")

    assert lees_server_timing(vloer["Server-Timing"]) == (0.0, 0)
    sql, queries = lees_server_timing(lijst["Server-Timing"])
    assert queries >= 3 and 0 < sql < 5


@pytest.mark.parametrize("waarde", [None, "", "cache;dur=1", 'sql;dur=x;desc="3 queries"'])
def test_a_missing_or_foreign_server_timing_gives_no_sql_time(waarde):
    assert lees_server_timing(waarde) == (None, None)


def test_the_writes_change_what_their_kind_changes(dataset):
    schrijver = Schrijver(dataset["meet"])
    fragmenten = Fragment.objects.count()
    toestemming = Verhaal.objects.get(pk=schrijver.wisselverhaal.pk).toestemming
    codes = schrijver.code.__class__.objects.count()

    seconden = {soort: schrijver.schrijf(soort) for soort in SOORTEN}
    schrijver.schrijf("collectie")  # again: taken out first, then added

    assert all(tijd > 0 for tijd in seconden.values())
    assert Fragment.objects.count() == fragmenten + 2  # coding, and the merged code's one
    assert Verhaal.objects.get(pk=schrijver.wisselverhaal.pk).toestemming != toestemming
    assert schrijver.code.__class__.objects.count() == codes  # the merged code is gone
    assert (
        CollectieItem.objects.filter(
            collectie=schrijver.collectie, verhaal=schrijver.nieuw_in_collectie
        ).count()
        == 1
    )
    assert connection.in_atomic_block  # pytest's transaction: the writes committed inside it
