"""iCalendar feeds (parsed back with icalendar) and the RSS/Atom feeds."""

import datetime
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from kenniscafes import ical, services
from kenniscafes.models import Status
from tests.projecten.factories import ProjectFactory, WerkteamFactory

from .conftest import BASIS_URL
from .factories import KenniscafeFactory, LocatieFactory, amsterdam

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _kalender(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _events(kalender):
    return {str(event["SUMMARY"]): event for event in kalender.walk("VEVENT")}


@pytest.fixture
def winter_en_zomer():
    """Two cafés at 15.00 Amsterdam time, one either side of the 2030 spring DST change."""
    locatie = LocatieFactory(naam="Wijkpaleis", adres="Dordtselaan 1", postcode="3073 AA")
    winter = KenniscafeFactory(
        titel="Winter",
        start=amsterdam(2030, 3, 28, 15),
        eind=amsterdam(2030, 3, 28, 17),
        locatie=locatie,
    )
    zomer = KenniscafeFactory(
        titel="Zomer",
        start=amsterdam(2030, 4, 4, 15),
        eind=amsterdam(2030, 4, 4, 17),
        locatie=locatie,
    )
    return winter, zomer


def test_agenda_ics_has_vtimezone_and_local_times_across_dst_change(client, winter_en_zomer):
    winter, zomer = winter_en_zomer
    kalender = _kalender(client, "/kenniscafes/agenda.ics")
    [tijdzone] = kalender.walk("VTIMEZONE")
    assert str(tijdzone["TZID"]) == "Europe/Amsterdam"
    assert {component.name for component in tijdzone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    events = _events(kalender)
    for naam in ("Kenniscafé: Winter", "Kenniscafé: Zomer"):
        assert events[naam]["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        assert events[naam].start.astimezone(AMSTERDAM).hour == 15
    utc = datetime.UTC
    assert events["Kenniscafé: Winter"].start.astimezone(utc).hour == 14  # CET, +01:00
    assert events["Kenniscafé: Zomer"].start.astimezone(utc).hour == 13  # CEST, +02:00
    assert events["Kenniscafé: Zomer"].end.astimezone(utc).hour == 15


def test_agenda_ics_uids_are_stable_and_details_complete(client, winter_en_zomer):
    winter, _zomer = winter_en_zomer
    eerste = _events(_kalender(client, "/kenniscafes/agenda.ics"))["Kenniscafé: Winter"]
    tweede = _events(_kalender(client, "/kenniscafes/agenda.ics"))["Kenniscafé: Winter"]
    los = _events(_kalender(client, f"/kenniscafes/{winter.slug}/agenda.ics"))["Kenniscafé: Winter"]
    assert str(eerste["UID"]) == str(tweede["UID"]) == str(los["UID"]) == ical.uid(winter)
    assert str(eerste["UID"]).startswith(str(winter.uid))
    assert str(eerste["URL"]) == f"http://testserver/kenniscafes/{winter.slug}/"
    assert str(eerste["LOCATION"]) == "Wijkpaleis, Dordtselaan 1, 3073 AA Rotterdam"
    gewijzigd = winter.gewijzigd.replace(microsecond=0)
    assert eerste["DTSTAMP"].dt == gewijzigd
    assert eerste["LAST-MODIFIED"].dt == gewijzigd
    assert eerste.to_ical().decode().count("DTSTAMP:") == 1  # in UTC ("Z"), no TZID
    assert (eerste["SEQUENCE"], str(eerste["STATUS"])) == (0, "CONFIRMED")


def test_agenda_ics_marks_cancellation_with_higher_sequence(client, winter_en_zomer):
    winter, _zomer = winter_en_zomer
    services.afgelasten(kenniscafe=winter, mededeling="Ziek.", basis_url=BASIS_URL)
    event = _events(_kalender(client, "/kenniscafes/agenda.ics"))["Kenniscafé: Afgelast: Winter"]
    assert (str(event["STATUS"]), event["SEQUENCE"]) == ("CANCELLED", 1)
    assert str(event["UID"]) == ical.uid(winter)
    assert str(event["DESCRIPTION"]).split("\n\n") == [
        "AFGELAST. Ziek.",
        "We praten over wat werkt in de wijk.",
        f"Meer informatie: {BASIS_URL}{winter.get_absolute_url()}",
        f"De volgende kenniscafés: {BASIS_URL}/kenniscafes/",
    ]


def test_sequence_rises_with_every_attendee_relevant_change(client, winter_en_zomer):
    winter, _zomer = winter_en_zomer
    for uur in (16, 17):
        winter.start = amsterdam(2030, 3, 28, uur)
        winter.eind = amsterdam(2030, 3, 28, uur + 1)
        services.bewaar_kenniscafe(kenniscafe=winter, basis_url=BASIS_URL)
    winter.verslag = "Geen agendawijziging."
    services.bewaar_kenniscafe(kenniscafe=winter, basis_url=BASIS_URL)
    event = _events(_kalender(client, "/kenniscafes/agenda.ics"))["Kenniscafé: Winter"]
    assert event["SEQUENCE"] == 2
    assert event.start.astimezone(AMSTERDAM).hour == 17


def test_agenda_ics_leaves_out_drafts_and_shows_date_only_cafes_as_all_day(client):
    KenniscafeFactory(titel="Concept", gepubliceerd=False)
    KenniscafeFactory(
        titel="Alleen datum",
        start=amsterdam(2030, 5, 23),
        eind=amsterdam(2030, 5, 23, 23, 59),
        tijd_bekend=False,
    )
    events = _events(_kalender(client, "/kenniscafes/agenda.ics"))
    assert set(events) == {"Kenniscafé: Alleen datum"}
    assert events["Kenniscafé: Alleen datum"].start == datetime.date(2030, 5, 23)
    assert events["Kenniscafé: Alleen datum"].end == datetime.date(2030, 5, 24)


def test_kenniscafe_ics_is_a_download_and_404_for_drafts(client):
    cafe = KenniscafeFactory(slug="voorkomen-huisuitzettingen")
    concept = KenniscafeFactory(gepubliceerd=False)
    response = client.get("/kenniscafes/voorkomen-huisuitzettingen/agenda.ics")
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="kenniscafe-voorkomen-huisuitzettingen.ics"'
    )
    assert list(_events(Calendar.from_ical(response.content))) == [f"Kenniscafé: {cafe.titel}"]
    assert client.get(f"/kenniscafes/{concept.slug}/agenda.ics").status_code == 404


def test_thema_and_werkteam_feeds_select_their_cafes(client, thema_maatwerk):
    werkteam = WerkteamFactory(slug="informeel-formeel")
    KenniscafeFactory(titel="Over maatwerk", themas=[thema_maatwerk])
    KenniscafeFactory(titel="Van het werkteam", werkteam=werkteam)
    KenniscafeFactory(titel="Iets anders")
    thema = _kalender(client, "/kenniscafes/thema/maatwerk/agenda.ics")
    team = _kalender(client, "/kenniscafes/werkteam/informeel-formeel/agenda.ics")
    assert set(_events(thema)) == {"Kenniscafé: Over maatwerk"}
    assert set(_events(team)) == {"Kenniscafé: Van het werkteam"}
    assert str(thema["X-WR-CALNAME"]) == "Kenniscafés over maatwerk"
    assert client.get("/kenniscafes/thema/bestaat-niet/agenda.ics").status_code == 404


def test_rss_feed_lists_published_cafes_with_dutch_dates(client):
    KenniscafeFactory(
        titel="Voorkomen huisuitzettingen", start=amsterdam(2019, 5, 23, 15), locatie=None
    )
    KenniscafeFactory(titel="Afgelast café", status=Status.AFGELAST)
    KenniscafeFactory(titel="Concept", gepubliceerd=False)
    response = client.get("/kenniscafes/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    kanaal = ET.fromstring(response.content).find("channel")
    titels = [item.findtext("title") for item in kanaal.findall("item")]
    assert titels[1] == "Voorkomen huisuitzettingen — donderdag 23 mei 2019, 15.00–17.00"
    assert titels[0].startswith("Afgelast: Afgelast café — ")
    assert len(titels) == 2
    assert kanaal.findtext("language") == "nl"


def test_atom_feed_parses_with_stable_ids(client):
    cafe = KenniscafeFactory()
    response = client.get("/kenniscafes/feed/atom/")
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    [entry] = ET.fromstring(response.content).findall("atom:entry", ns)
    assert entry.findtext("atom:id", namespaces=ns) == ical.uid(cafe)
    assert entry.find("atom:link", ns).get("href") == f"http://testserver/kenniscafes/{cafe.slug}/"


def test_agenda_ics_names_themes_as_categories_and_leaves_out_an_empty_line(client, thema_maatwerk):
    KenniscafeFactory(titel="Met thema", themas=[thema_maatwerk])
    KenniscafeFactory(titel="Zonder thema")
    response = client.get("/kenniscafes/agenda.ics")
    events = _events(Calendar.from_ical(response.content))
    assert events["Kenniscafé: Met thema"].categories == ["maatwerk"]
    assert "CATEGORIES" not in events["Kenniscafé: Zonder thema"]
    assert b"CATEGORIES:\r\n" not in response.content


@pytest.mark.parametrize(
    "url",
    [
        "/kenniscafes/agenda.ics",
        "/kenniscafes/thema/{thema}/agenda.ics",
        "/kenniscafes/werkteam/{werkteam}/agenda.ics",
    ],
)
def test_calendar_feeds_hold_cafes_ahead_and_of_the_past_year_only(client, url):
    """A feed stays the same size however many years of cafés there are."""
    from django.utils import timezone

    from kennisagenda.models import Thema

    werkteam = WerkteamFactory()
    thema = Thema.objects.get(slug="vertrouwen")
    nu = timezone.now()
    for titel, dagen in [
        ("Volgende maand", 30),
        ("Vorige maand", -30),
        ("Jaar geleden", -360),
        ("Te oud", -370),
    ]:
        cafe = KenniscafeFactory(
            titel=titel,
            start=nu + datetime.timedelta(days=dagen),
            eind=nu + datetime.timedelta(days=dagen, hours=2),
            werkteam=werkteam,
        )
        cafe.themas.add(thema)

    titels = set(_events(_kalender(client, url.format(thema=thema.slug, werkteam=werkteam.slug))))

    assert titels == {
        "Kenniscafé: Volgende maand",
        "Kenniscafé: Vorige maand",
        "Kenniscafé: Jaar geleden",
    }


def test_rss_names_the_organiser_of_each_cafe(client):
    project = ProjectFactory(titel="Werkplaats Sociaal Domein 2016–2019")
    KenniscafeFactory(titel="Werkplaats", start=amsterdam(2018, 3, 20, 15), project=project)
    KenniscafeFactory(titel="Lab", start=amsterdam(2030, 3, 20, 15))
    response = client.get("/kenniscafes/feed/")
    kanaal = ET.fromstring(response.content).find("channel")
    makers = {
        item.findtext("title").split(" — ")[0]: item.findtext(
            "{http://purl.org/dc/elements/1.1/}creator"
        )
        for item in kanaal.findall("item")
    }
    assert makers == {
        "Werkplaats": "Werkplaats Sociaal Domein 2016–2019",
        "Lab": "CARE lab Rotterdam",
    }
    assert "CARE lab" not in kanaal.findtext("title").split(" van ")[0]
