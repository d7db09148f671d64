"""The CSV export streams: pieces leave as they are made, stories are read in chunks."""

import math

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from toolkit import csv_export
from verhalen.models import Verhaal
from verhalen.selectors import export

pytestmark = pytest.mark.django_db


def fragment_queries(vastgelegd):
    return sum(
        1 for query in vastgelegd.captured_queries if 'FROM "verhalen_fragment"' in query["sql"]
    )


def test_csv_export_streams_and_reads_stories_in_chunks(
    dataset, onderzoeker, onderzoeker_client, monkeypatch
):
    monkeypatch.setattr(export, "EXPORT_CHUNK", 3)
    monkeypatch.setattr(csv_export, "BLOK", 1)  # every line leaves on its own
    aantal = Verhaal.objects.zichtbaar_voor(onderzoeker).count()

    with CaptureQueriesContext(connection) as vastgelegd:
        antwoord = onderzoeker_client.get("/verhalen/export.csv")
        assert isinstance(antwoord, StreamingHttpResponse)
        stukken = iter(antwoord.streaming_content)
        eerste_rij = next(stuk for stuk in stukken if stuk[:1].isdigit())
        na_eerste_rij = fragment_queries(vastgelegd)
        rest = list(stukken)
        na_alles = fragment_queries(vastgelegd)

    assert eerste_rij.decode().split(",")[0].isdigit()
    assert len(rest) == aantal - 1
    # One chunk read when the first row leaves; one fragment query per chunk in all.
    assert na_eerste_rij == 1
    assert na_alles == math.ceil(aantal / 3)


def test_csv_export_leaves_in_pieces_of_the_block_size(dataset, onderzoeker_client, monkeypatch):
    monkeypatch.setattr(csv_export, "BLOK", 50_000)
    antwoord = onderzoeker_client.get("/verhalen/export.csv")

    stukken = list(antwoord.streaming_content)

    assert len(stukken) > 1
    assert all(len(stuk.decode()) >= 50_000 for stuk in stukken[:-1])
    assert b"".join(stukken).decode().count("\r\n") > len(stukken)
