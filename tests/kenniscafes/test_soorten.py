"""Events beyond cafés: one agenda, archive and set of feeds, filterable by kind,
theme, werkteam and project."""

import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from icalendar import Calendar

from kenniscafes import services
from kenniscafes.models import Soort
from tests.projecten.factories import ProjectFactory, WerkteamFactory

from .conftest import BASIS_URL
from .factories import KenniscafeFactory, over_dagen

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(thema_maatwerk):
    """A café, a workshop of a werkteam, a training of a project and a past conference."""
    project = ProjectFactory(titel="Leernetwerk voorveld", slug="leernetwerk")
    werkteam = WerkteamFactory(naam="Verbondenheid", slug="verbondenheid", project=project)
    andere = ProjectFactory(titel="Ander project", slug="ander")
    return {
        "cafe": KenniscafeFactory(titel="Café", start=over_dagen(3), themas=[thema_maatwerk]),
        "workshop": KenniscafeFactory(
            titel="Genogram", soort=Soort.WORKSHOP, start=over_dagen(5), werkteam=werkteam
        ),
        "training": KenniscafeFactory(
            titel="Verhalen ophalen", soort=Soort.TRAINING, start=over_dagen(7), project=andere
        ),
        "conferentie": KenniscafeFactory(
            titel="Werkconferentie", soort=Soort.CONFERENTIE, start=over_dagen(-30), project=project
        ),
    }


def _titels(response):
    return [cafe.titel for cafe in response.context["kenniscafes"]]


@pytest.mark.parametrize(
    ("query", "verwacht"),
    [
        ("", ["Café", "Genogram", "Verhalen ophalen"]),
        ("?soort=workshop", ["Genogram"]),
        ("?soort=kenniscafe", ["Café"]),
        ("?thema=maatwerk", ["Café"]),
        ("?werkteam=verbondenheid", ["Genogram"]),
        ("?project=leernetwerk", ["Genogram"]),  # through its werkteam
        ("?project=ander&soort=training", ["Verhalen ophalen"]),
        ("?project=ander&soort=workshop", []),
        ("?soort=bestaat-niet", ["Café", "Genogram", "Verhalen ophalen"]),  # ignored
    ],
)
def test_agenda_filters_on_kind_theme_werkteam_and_project(client, agenda, query, verwacht):
    assert _titels(client.get("/kenniscafes/" + query)) == verwacht


def test_archive_filters_the_same_way(client, agenda):
    assert _titels(client.get("/kenniscafes/archief/?project=leernetwerk")) == ["Werkconferentie"]
    assert _titels(client.get("/kenniscafes/archief/?soort=workshop")) == []
    tekst = client.get("/kenniscafes/archief/?soort=workshop").content.decode()
    assert "Er is niets gevonden dat bij je keuze past." in tekst


def test_agenda_shows_the_kind_of_each_event_and_offers_the_filters(client, agenda):
    html = client.get("/kenniscafes/").content.decode()
    assert '<p class="label label--soort">Workshop</p>' in html
    assert '<p class="label label--soort">Kenniscafé</p>' not in html
    for veld in ("soort", "thema", "werkteam", "project"):
        assert f'name="{veld}"' in html
    assert '<option value="verbondenheid">Verbondenheid</option>' in html
    gefilterd = client.get("/kenniscafes/?soort=workshop").content.decode()
    assert 'href="/kenniscafes/agenda.ics?soort=workshop"' in gefilterd
    assert "Abonneer je op deze keuze uit de agenda" in gefilterd


def test_calendar_feed_names_the_kind_and_filters_like_the_agenda(client, agenda):
    alles = Calendar.from_ical(client.get("/kenniscafes/agenda.ics").content)
    workshops = Calendar.from_ical(client.get("/kenniscafes/agenda.ics?soort=workshop").content)
    assert sorted(str(e["SUMMARY"]) for e in alles.walk("VEVENT")) == [
        "Conferentie: Werkconferentie",
        "Kenniscafé: Café",
        "Training: Verhalen ophalen",
        "Workshop: Genogram",
    ]
    assert [str(e["SUMMARY"]) for e in workshops.walk("VEVENT")] == ["Workshop: Genogram"]


def test_rss_filters_and_names_the_kind(client, agenda):
    response = client.get("/kenniscafes/feed/?project=leernetwerk")
    titels = [
        item.findtext("title").split(" — ")[0]
        for item in ET.fromstring(response.content).find("channel").findall("item")
    ]
    assert titels == ["Workshop: Genogram", "Conferentie: Werkconferentie"]


def test_pages_and_mails_speak_of_the_kind(client, agenda, na_commit):
    workshop = agenda["workshop"]
    services.meld_aan(
        kenniscafe=workshop, naam="Fatima", email="f@example.org", basis_url=BASIS_URL
    )
    with na_commit():
        services.afgelasten(kenniscafe=workshop, mededeling="Ziek.", basis_url=BASIS_URL)
    html = client.get(workshop.get_absolute_url()).content.decode()
    assert "<strong>Deze workshop is afgelast. Het gaat niet door.</strong>" in html
    assert "<title>Afgelast: Genogram · Workshop" in html
    assert 'De workshop "Genogram" op ' in mail.outbox[-1].body
