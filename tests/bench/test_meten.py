"""The harness's own pieces that can be tested without a server: sessions and pages."""

import pytest

from bench.meten import ONDERZOEKER, RAADSLID, maak_client, meet_client, paginas, sessies

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

    statussen = {
        naam: maak_client(sleutels[rol]).get(pad).status_code
        for naam, rol, pad in paginas(dataset["meet"])
    }

    assert statussen == dict.fromkeys(statussen, 200)
    assert set(statussen) == {
        "vloer",
        "verhalen",
        "verhalen_thema",
        "verhalen_wijk",
        "zoek_gewoon",
        "zoek_zeldzaam",
        "verhaal_50_frag",
        "codeboek",
        "code_fragmenten",
        "collectie_100",
        "thema_hub",
        "home",
        "agenda",
        "archief",
        "agenda_ics",
    }


def test_meet_client_counts_queries_per_request(bench_urls, dataset):
    tijden, queries = meet_client("/bench/vloer/", None, aantal=5, max_seconden=5)

    assert len(tijden) == 5
    assert queries == [0, 0, 0, 0, 0]
