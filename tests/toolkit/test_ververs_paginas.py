"""Writes that bypass Django's signals (`.update()`, SQL): no cached page shows
story content, so a withdrawal that way is seen at once; what is cached (counts
on the home page, café pages) is made fresh by `manage.py ververs_paginas`."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from toolkit.management.commands.ververs_paginas import VERSIES
from verhalen.models import Publiek, Toestemming, Verhaal

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
GECACHET = ["/", "/kenniscafes/", "/kenniscafes/archief/", "/kenniscafes/agenda.ics"]


@pytest.fixture
def openbare_collectie():
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, slug="openbaar")
    for titel in ("Het geheime verhaal", "Het tweede verhaal"):
        CollectieItemFactory(collectie=collectie, verhaal__titel=titel)
    return collectie


def _trek_in_met_update(verhaal):
    Verhaal.objects.filter(pk=verhaal.pk).update(toestemming=Toestemming.INGETROKKEN)


def _trek_in_met_sql(verhaal):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE verhalen_verhaal SET toestemming = %s WHERE id = %s",
            [Toestemming.INGETROKKEN, verhaal.pk],
        )


def test_no_cached_public_page_shows_story_content(client, openbare_collectie):
    assert "Het geheime verhaal" in client.get(openbare_collectie.get_absolute_url()).text
    for url in GECACHET:
        inhoud = client.get(url).content.decode()
        assert "Het geheime verhaal" not in inhoud, url
        assert "verzonnen voorbeeldverhaal" not in inhoud, url


@pytest.mark.parametrize("intrekken", [_trek_in_met_update, _trek_in_met_sql])
def test_a_withdrawal_outside_the_orm_is_seen_at_once_and_counts_after_the_commands(
    client, openbare_collectie, intrekken
):
    for url in GECACHET:
        client.get(url)  # the cache is filled
    assert "2 verhalen" in client.get("/").text
    verhaal = Verhaal.objects.get(titel="Het geheime verhaal")

    intrekken(verhaal)

    pagina = client.get(openbare_collectie.get_absolute_url()).text
    assert "Het geheime verhaal" not in pagina and "Het tweede verhaal" in pagina
    # The home page's count is stored and its page cached: both wait for the operator.
    assert "2 verhalen" in client.get("/").text
    call_command("herbereken_tellingen", stdout=None)
    call_command("ververs_paginas", stdout=None)
    assert "1 verhaal" in client.get("/").text


def test_ververs_paginas_knows_every_name_a_cached_page_depends_on():
    namen = set()
    for bron in ROOT.glob("*/**/*.py"):
        if ".venv" in bron.parts or "tests" in bron.parts:
            continue
        for lijst in re.findall(r"afhankelijk_van=\[([^\]]*)\]", bron.read_text()):
            namen |= set(re.findall(r'"(\w+)"', lijst))
    assert namen and namen <= set(VERSIES)
