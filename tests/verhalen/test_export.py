"""Streaming exports /verhalen/export.csv and /verhalen/export.json."""

import csv
import io
import json

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisagenda.models import Thema
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from toolkit import csv_export
from verhalen.selectors import export

pytestmark = pytest.mark.django_db


def csv_rijen(response):
    inhoud = b"".join(response.streaming_content).decode("utf-8")
    assert inhoud.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(inhoud[1:])))


def json_data(response):
    return json.loads(b"".join(response.streaming_content))


@pytest.fixture
def verhaal_met_fragment(onderzoeker):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    verhaal = VerhaalFactory(
        titel="Brieven",
        tekst="Ik ben wantrouwend geworden.\nNa al die brieven.",
        themas=[vertrouwen, Thema.objects.get(slug="maatwerk")],
        trefwoorden=["brieven"],
        toestemming="brede_raad",
    )
    FragmentFactory(
        verhaal=verhaal, start=7, eind=27, codes=[vertrouwen], memo="Kern", codeur=onderzoeker
    )
    return verhaal


def test_json_export_holds_story_themes_and_fragments(
    onderzoeker_client, onderzoeker, verhaal_met_fragment
):
    response = onderzoeker_client.get(reverse("verhalen:export_json"))

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="verhalen-')
    [item] = json_data(response)["verhalen"]
    assert item["id"] == verhaal_met_fragment.pk
    assert item["tekst"] == "Ik ben wantrouwend geworden.\nNa al die brieven."
    assert item["themas"] == ["maatwerk", "vertrouwen"]
    assert item["trefwoorden"] == ["brieven"]
    assert item["toestemming"] == "brede_raad"
    assert item["fragmenten"] == [
        {
            "id": verhaal_met_fragment.fragmenten.get().pk,
            "start": 7,
            "eind": 27,
            "citaat": "wantrouwend geworden",
            "codes": ["vertrouwen"],
            "memo": "Kern",
            "codeur": onderzoeker.get_full_name(),
            "moet_herzien": False,
        }
    ]


def test_csv_export_one_row_per_story(onderzoeker_client, verhaal_met_fragment):
    response = onderzoeker_client.get(reverse("verhalen:export_csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    [rij] = csv_rijen(response)
    assert list(rij) == [*export.KOLOMMEN, "memos"]
    assert rij["titel"] == "Brieven"
    assert rij["themas"] == "maatwerk; vertrouwen"
    assert rij["aantal_fragmenten"] == "1"
    assert json.loads(rij["fragmenten"])[0]["citaat"] == "wantrouwend geworden"


def test_exports_follow_the_current_filters(onderzoeker_client):
    VerhaalFactory(titel="Rotterdam", gemeente="rotterdam", tekst="over de huur")
    VerhaalFactory(titel="Schiedam", gemeente="schiedam", tekst="over de huur")
    VerhaalFactory(titel="Ander onderwerp", gemeente="schiedam", tekst="over werk")

    response = onderzoeker_client.get(
        reverse("verhalen:export_csv"), {"gemeente": "schiedam", "q": "huur"}
    )

    assert [rij["titel"] for rij in csv_rijen(response)] == ["Schiedam"]


def test_export_links_on_the_list_repeat_the_filters(onderzoeker_client):
    response = onderzoeker_client.get(reverse("verhalen:list"), {"gemeente": "schiedam"})
    html = response.content.decode()
    assert f'href="{reverse("verhalen:export_csv")}?gemeente=schiedam"' in html
    assert f'href="{reverse("verhalen:export_json")}?gemeente=schiedam"' in html


def test_export_with_invalid_filter_exports_nothing(onderzoeker_client):
    VerhaalFactory()
    response = onderzoeker_client.get(reverse("verhalen:export_json"), {"van": "gisteren"})
    assert response.status_code == 400
    assert "Het filter klopt niet, er is niets geëxporteerd." in response.content.decode()


def test_export_streams_in_chunks_with_constant_queries(
    onderzoeker_client, django_assert_max_num_queries, monkeypatch
):
    monkeypatch.setattr(export, "EXPORT_CHUNK", 2)
    monkeypatch.setattr(csv_export, "BLOK", 1)  # every item leaves on its own
    for _ in range(5):
        FragmentFactory(verhaal=VerhaalFactory(themas=[Thema.objects.get(slug="maatwerk")]))

    response = onderzoeker_client.get(reverse("verhalen:export_json"))

    assert isinstance(response, StreamingHttpResponse)
    assert response.streaming
    stukken = iter(response.streaming_content)
    assert next(stukken) == b'{"verhalen": ['
    # The codebook's slugs once, then per chunk of 2 stories: the stories,
    # their themes, keywords, fragments and the fragments' codes, research
    # attribute values and memos (plain values, no model instances).
    with django_assert_max_num_queries(8):
        eerste = next(stukken)
    assert json.loads(eerste.lstrip(b",\n"))["themas"] == ["maatwerk"]
    rest = b"".join(stukken)
    assert len(json.loads(b'{"verhalen": [' + eerste + rest)["verhalen"]) == 5


def test_csv_cells_cannot_become_formulas():
    assert export._cel("=SUM(A1:A2)") == "'=SUM(A1:A2)"
    assert export._cel("@cmd") == "'@cmd"
    assert export._cel("gewone tekst") == "gewone tekst"
    assert export._cel(["a", "b"]) == "a; b"
    assert export._cel(None) == ""


def test_searched_export_is_ranked_like_the_list_without_building_snippets(onderzoeker_client):
    VerhaalFactory(titel="Iets", tekst="Ook hier speelden schulden een rol.", samenvatting="")
    VerhaalFactory(titel="Over schulden", tekst="Een verhaal.", samenvatting="")
    VerhaalFactory(titel="Anders", tekst="Over de huur.", samenvatting="")
    lijst = onderzoeker_client.get(reverse("verhalen:list"), {"q": "schulden"})

    response = onderzoeker_client.get(reverse("verhalen:export_json"), {"q": "schulden"})

    with CaptureQueriesContext(connection) as queries:
        titels = [item["titel"] for item in json_data(response)["verhalen"]]

    assert titels == [verhaal.titel for verhaal in lijst.context["pagina"]]
    assert titels == ["Over schulden", "Iets"]
    assert not [q["sql"] for q in queries.captured_queries if "ts_headline" in q["sql"]]


@pytest.mark.parametrize(
    "cellen",
    [
        ["gewoon", "", "met, komma", 'met "aanhalingstekens"', "regel\nregel", "a\rb"],
        ['"', ",", "\r\n", " spatie ", "'=1+1", "ë – “tekst”", "tab\there"],
        [""],
        ["", ""],
    ],
)
def test_csv_lines_are_what_the_csv_module_writes(cellen):
    class Terug:
        def write(self, regel):
            return regel

    assert csv_export.csv_regel(cellen) == csv.writer(Terug()).writerow(cellen)
