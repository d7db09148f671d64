import json
import re

import pytest
from django.core import mail

from kenniscafes.models import Aanmelding, Deelnemersoort, Status
from tests.helpers import log_in
from tests.projecten.factories import PersoonFactory, ProjectFactory, WerkteamFactory
from toolkit import cache

from .factories import (
    AanmeldingFactory,
    KenniscafeFactory,
    ReeksFactory,
    SprekerFactory,
    amsterdam,
    over_dagen,
)

pytestmark = pytest.mark.django_db


def _tekst(response):
    """The page's visible text with whitespace collapsed."""
    html = re.sub(r"<script.*?</script>", " ", response.content.decode(), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _titels(response):
    return [cafe.titel for cafe in response.context["kenniscafes"]]


# Agenda and archive


def test_agenda_lists_upcoming_published_cafes_soonest_first(client):
    KenniscafeFactory(titel="Later", start=over_dagen(40))
    KenniscafeFactory(titel="Eerst", start=over_dagen(3))
    KenniscafeFactory(titel="Afgelast", start=over_dagen(10), status=Status.AFGELAST)
    KenniscafeFactory(titel="Concept", start=over_dagen(5), gepubliceerd=False)
    KenniscafeFactory(titel="Geweest", start=over_dagen(-5))
    response = client.get("/kenniscafes/")
    assert _titels(response) == ["Eerst", "Afgelast", "Later"]
    assert '<p class="label label--afgelast">Afgelast</p>' in response.content.decode()


def test_agenda_shows_dutch_date_place_themes_and_free_places(client, thema_maatwerk):
    cafe = KenniscafeFactory(
        titel="Maatwerk", start=amsterdam(2030, 5, 23, 15), capaciteit=10, themas=[thema_maatwerk]
    )
    aanmeldingen = AanmeldingFactory.create_batch(3, kenniscafe=cafe)
    AanmeldingFactory(kenniscafe=cafe, status=Aanmelding.Status.WACHTLIJST)
    tekst = _tekst(client.get("/kenniscafes/"))
    assert (
        f"Maatwerk donderdag 23 mei 2030, 15.00–17.00 {cafe.locatie.naam}, Rotterdam "
        "Thema's: maatwerk Nog 7 plaatsen vrij"
    ) in tekst
    assert aanmeldingen[0].naam not in tekst


def test_agenda_full_cafe_offers_waiting_list(client):
    cafe = KenniscafeFactory(capaciteit=1)
    AanmeldingFactory(kenniscafe=cafe)
    assert "Vol: je kunt op de wachtlijst" in _tekst(client.get("/kenniscafes/"))


@pytest.mark.parametrize("aantal", [1, 4])
def test_agenda_query_count_does_not_grow_with_cafes(
    client, django_assert_num_queries, thema_maatwerk, aantal
):
    for _ in range(aantal):
        cafe = KenniscafeFactory(themas=[thema_maatwerk])
        AanmeldingFactory(kenniscafe=cafe)
    cache.versies(["themas", "kenniscafes"])
    # filter choices (themes, werkteams, projects), count, cafés with counts, themes;
    # and the next café's end, which bounds how long the page is kept in the shared
    # cache (toolkit/cache.py; a cache read is no query in tests). From the cache:
    # tests/kenniscafes/test_snelheid.py.
    with django_assert_num_queries(3 + 3 + 1):
        response = client.get("/kenniscafes/")
    assert len(response.context["kenniscafes"]) == aantal


@pytest.mark.parametrize("aantal", [1, 4])
def test_archive_query_count_does_not_grow_with_cafes(
    client, django_assert_num_queries, thema_maatwerk, aantal
):
    for _ in range(aantal):
        KenniscafeFactory(start=over_dagen(-20), themas=[thema_maatwerk], verslag="Tekst")
    cache.versies(["themas", "kenniscafes"])
    # filter choices (themes, werkteams, projects), count, cafés with counts, themes;
    # the next café's end
    with django_assert_num_queries(3 + 3 + 1):
        response = client.get("/kenniscafes/archief/")
    assert len(response.context["kenniscafes"]) == aantal


def test_archive_groups_past_cafes_by_year_with_report_links(client):
    KenniscafeFactory(
        titel="Huisuitzettingen", start=amsterdam(2019, 5, 23, 15), locatie=None, verslag="X"
    )
    KenniscafeFactory(titel="Kindveiligheid", start=amsterdam(2018, 3, 20, 15), locatie=None)
    KenniscafeFactory(titel="Komend", start=over_dagen(4))
    response = client.get("/kenniscafes/archief/")
    tekst = _tekst(response)
    assert _titels(response) == ["Huisuitzettingen", "Kindveiligheid"]
    assert re.search(r"2019 .*Huisuitzettingen.*Lees het verslag.* 2018 .*Kindveiligheid", tekst)
    assert "Komend" not in tekst


def test_archive_filters_by_theme_and_keeps_choice(client, thema_maatwerk):
    KenniscafeFactory(titel="Over maatwerk", start=over_dagen(-20), themas=[thema_maatwerk])
    KenniscafeFactory(titel="Iets anders", start=over_dagen(-30))
    response = client.get("/kenniscafes/archief/?thema=maatwerk")
    assert _titels(response) == ["Over maatwerk"]
    assert '<option value="maatwerk" selected>' in response.content.decode()


def test_archive_paginates_with_accessible_pager(client):
    for dag in range(21):
        KenniscafeFactory(start=over_dagen(-10 - dag), locatie=None)
    response = client.get("/kenniscafes/archief/")
    assert len(response.context["kenniscafes"]) == 20
    assert '<nav aria-label="Paginering">' in response.content.decode()
    assert len(client.get("/kenniscafes/archief/?page=2").context["kenniscafes"]) == 1


# Detail


def test_detail_shows_everything_a_visitor_needs(client):
    cafe = KenniscafeFactory(
        titel="Voorkomen huisuitzettingen", start=amsterdam(2030, 5, 23, 15), capaciteit=25
    )
    SprekerFactory(kenniscafe=cafe, naam="Toby", rol="lector")
    response = client.get(cafe.get_absolute_url())
    tekst = _tekst(response)
    assert "Wanneer donderdag 23 mei 2030, 15.00–17.00" in tekst
    assert f"Waar {cafe.locatie.naam} Gaffelstraat 1 3014 RA Rotterdam" in tekst
    assert "Toegankelijkheid Drempelvrij." in tekst
    assert "Wie vertellen er? Toby , lector" in tekst
    assert "Nog 25 plaatsen vrij" in tekst
    assert f'href="/kenniscafes/{cafe.slug}/agenda.ics"' in response.content.decode()
    assert "Zet in je agenda" in tekst
    assert response.context["form"] is not None


@pytest.mark.parametrize("aantal", [1, 3])
def test_detail_query_count_does_not_grow_with_speakers_and_series(
    client, django_assert_num_queries, thema_maatwerk, aantal
):
    reeks = ReeksFactory()
    cafes = [
        KenniscafeFactory(reeks=reeks, start=over_dagen(10 + dag), themas=[thema_maatwerk])
        for dag in range(aantal)
    ]
    for _ in range(aantal):
        SprekerFactory(kenniscafe=cafes[0], naam="", persoon=PersoonFactory())
        AanmeldingFactory(kenniscafe=cafes[0])
    # café with counts, themes, speakers, their people, attachments, series parts,
    # the registration form's kinds of participant
    with django_assert_num_queries(7):
        response = client.get(cafes[0].get_absolute_url())
    assert response.context["reeks_delen"] == cafes


def test_detail_shows_private_speakers_by_role_only(client):
    cafe = KenniscafeFactory()
    for persoon in (
        PersoonFactory(naam="Ans Geheim", functie="bewoner", toon_naam_publiek=False),
        PersoonFactory(naam="Bo Geheim", functie="", toon_naam_publiek=False),
    ):
        SprekerFactory(kenniscafe=cafe, naam="", rol="", persoon=persoon)
    tekst = _tekst(client.get(cafe.get_absolute_url()))
    assert (
        "Wie vertellen er? Bewoner Een spreker die niet met naam op de website wil Aanmelden"
    ) in tekst
    assert "Geheim" not in tekst


def test_detail_json_ld_is_a_schema_org_event(client):
    cafe = KenniscafeFactory(start=amsterdam(2030, 5, 23, 15), capaciteit=25)
    AanmeldingFactory(kenniscafe=cafe)
    html = client.get(cafe.get_absolute_url()).content.decode()
    [blok] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    data = json.loads(blok)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2030-05-23T15:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["address"]["postalCode"] == "3014 RA"
    assert (data["maximumAttendeeCapacity"], data["remainingAttendeeCapacity"]) == (25, 24)
    assert data["url"] == f"http://testserver{cafe.get_absolute_url()}"


def _json_ld(client, cafe):
    html = client.get(cafe.get_absolute_url()).content.decode()
    [blok] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    return json.loads(blok)


def test_detail_json_ld_names_the_werkteam_and_project_that_organised_it(client):
    project = ProjectFactory(titel="Werkplaats Sociaal Domein 2016–2019", gepubliceerd=True)
    werkteam = WerkteamFactory(naam="Verbondenheid en veerkracht", project=project)
    cafe = KenniscafeFactory(start=amsterdam(2018, 6, 11, 0), werkteam=werkteam, project=project)
    assert _json_ld(client, cafe)["organizer"] == [
        {
            "@type": "Organization",
            "name": "Verbondenheid en veerkracht",
            "url": f"http://testserver{werkteam.get_absolute_url()}",
        },
        {
            "@type": "Organization",
            "name": "Werkplaats Sociaal Domein 2016–2019",
            "url": f"http://testserver{project.get_absolute_url()}",
        },
    ]


def test_detail_json_ld_without_werkteam_or_project_names_the_lab(client):
    cafe = KenniscafeFactory()
    assert _json_ld(client, cafe)["organizer"] == {
        "@type": "Organization",
        "name": "CARE lab Rotterdam",
    }


def test_detail_json_ld_cannot_be_broken_out_of(client):
    cafe = KenniscafeFactory(titel="</script><script>alert(1)</script>")
    html = client.get(cafe.get_absolute_url()).content.decode()
    [blok] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    assert json.loads(blok)["name"] == "</script><script>alert(1)</script>"


def test_detail_cancelled_cafe_stays_visible_clearly_marked(client):
    cafe = KenniscafeFactory(status=Status.AFGELAST, mededeling="De spreker is ziek.")
    response = client.get(cafe.get_absolute_url())
    tekst = _tekst(response)
    assert "Dit kenniscafé is afgelast. Het gaat niet door. De spreker is ziek." in tekst
    assert "Je kunt je niet meer aanmelden: dit kenniscafé is afgelast." in tekst
    assert response.context["form"] is None
    html = response.content.decode()
    data = json.loads(
        re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)[0]
    )
    assert data["eventStatus"] == "https://schema.org/EventCancelled"


def test_detail_past_cafe_shows_report_and_figures(client):
    cafe = KenniscafeFactory(
        start=over_dagen(-10),
        locatie=None,
        verslag="We spraken over **huur**.",
        aantal_bezoekers=42,
        organisaties_aanwezig="Woonstad\nWijkteam Noord",
    )
    response = client.get(cafe.get_absolute_url())
    tekst = _tekst(response)
    assert "Verslag Er waren 42 bezoekers. We spraken over huur ." in tekst
    assert "Deze organisaties waren er Woonstad Wijkteam Noord" in tekst
    assert "<strong>huur</strong>" in response.content.decode()
    assert "Zet in je agenda" not in tekst


def test_detail_series_shows_part_and_links_to_others(client):
    reeks = ReeksFactory(titel="Verbondenheid en veerkracht", slug="vv")
    een = KenniscafeFactory(
        titel="Deel een", reeks=reeks, start=amsterdam(2018, 12, 6, 15), locatie=None
    )
    twee = KenniscafeFactory(
        titel="Deel twee", reeks=reeks, start=amsterdam(2019, 11, 28, 15), locatie=None
    )
    response = client.get(twee.get_absolute_url())
    tekst = _tekst(response)
    assert "Deel 2 van 2 in de reeks Verbondenheid en veerkracht" in tekst
    assert f'<a href="{een.get_absolute_url()}">Deel een</a>' in response.content.decode()
    reeks_pagina = client.get("/kenniscafes/reeks/vv/")
    assert _titels(reeks_pagina) == ["Deel een", "Deel twee"]


def test_detail_of_draft_is_404_for_visitors_and_a_preview_for_coordinators(client, coordinator):
    cafe = KenniscafeFactory(gepubliceerd=False)
    assert client.get(cafe.get_absolute_url()).status_code == 404
    log_in(client, coordinator)
    response = client.get(cafe.get_absolute_url())
    assert "Niet gepubliceerd (alleen voor coördinatoren)" in _tekst(response)


def test_public_pages_never_show_registrations(client):
    cafe = KenniscafeFactory()
    aanmelding = AanmeldingFactory(kenniscafe=cafe, naam="Geheime Naam", email="geheim@example.org")
    for url in (
        "/kenniscafes/",
        cafe.get_absolute_url(),
        cafe.get_aanmelden_url(),
        "/kenniscafes/feed/",
    ):
        inhoud = client.get(url).content.decode()
        assert aanmelding.naam not in inhoud and aanmelding.email not in inhoud


# Registration flow


def test_registration_confirms_and_mails_with_ics(client, django_capture_on_commit_callbacks):
    cafe = KenniscafeFactory(capaciteit=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            cafe.get_aanmelden_url(),
            {"naam": "Fatima", "email": "fatima@example.org", "behoeften": "rolstoelplek"},
            follow=True,
        )
    assert response.redirect_chain == [(cafe.get_absolute_url() + "#aanmelding-bevestigd", 302)]
    assert (
        "Aanmelden Je bent aangemeld. We hebben een bevestiging gestuurd naar fatima@example.org."
        in _tekst(response)
    )
    assert "Nog 1 plaats vrij" in _tekst(response)
    html = response.content.decode()
    assert '<div id="aanmelding-bevestigd" class="kenniscafe-bevestiging" role="status" ' in html
    assert 'tabindex="-1" autofocus>' in html
    assert "<form" not in html.split('id="aanmelden-titel"')[1]
    assert "<title>Aangemeld: " in html
    # The confirmation is shown once; the page after it offers the form again.
    opnieuw = client.get(cafe.get_absolute_url()).content.decode()
    assert "Je bent aangemeld." not in opnieuw
    assert 'id="id_naam"' in opnieuw
    [bericht] = mail.outbox
    assert "Je schreef dat je dit nodig hebt: rolstoelplek" in bericht.body
    assert bericht.attachments[0][0] == f"{cafe.slug}.ics"


def test_registration_when_full_goes_to_waiting_list_and_says_so(client):
    cafe = KenniscafeFactory(capaciteit=1)
    AanmeldingFactory(kenniscafe=cafe)
    detail = client.get(cafe.get_absolute_url())
    assert "Zet me op de wachtlijst" in _tekst(detail)
    formulier = client.get(cafe.get_aanmelden_url())
    assert "<p>Vol: je kunt op de wachtlijst.</p>" in formulier.content.decode()
    response = client.post(
        cafe.get_aanmelden_url(), {"naam": "Bram", "email": "b@example.org"}, follow=True
    )
    assert (
        "Je staat op de wachtlijst, op plaats 1. Het kenniscafé is vol. Komt er een plaats vrij, "
        "dan krijg je die en sturen we een e-mail naar b@example.org."
    ) in _tekst(response)
    assert "<title>Op de wachtlijst: " in response.content.decode()
    assert cafe.aanmeldingen.get(email="b@example.org").status == "wachtlijst"


def test_registration_twice_with_same_address_is_refused_kindly(client):
    cafe = KenniscafeFactory()
    AanmeldingFactory(kenniscafe=cafe, email="fatima@example.org")
    response = client.post(
        cafe.get_aanmelden_url(),
        {"naam": "Fatima", "email": "Fatima@example.org", "organisatie": "Wijkteam"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "email": [
            "Je bent met dit e-mailadres al aangemeld. Kijk in je e-mail voor de bevestiging."
        ]
    }
    assert 'value="Wijkteam"' in response.content.decode()
    assert cafe.aanmeldingen.count() == 1


def test_registration_with_bad_input_keeps_values_and_explains(client):
    cafe = KenniscafeFactory()
    response = client.post(cafe.get_aanmelden_url(), {"naam": "Fatima", "email": "geen-adres"})
    assert "Het formulier is nog niet goed ingevuld" in _tekst(response)
    assert "Voer een geldig e-mailadres in." in _tekst(response)
    assert 'value="Fatima"' in response.content.decode()
    assert cafe.aanmeldingen.count() == 0


def test_registration_for_closed_cafe_redirects_with_message(client):
    cafe = KenniscafeFactory(status=Status.AFGELAST)
    response = client.post(
        cafe.get_aanmelden_url(), {"naam": "F", "email": "f@example.org"}, follow=True
    )
    assert "Aanmelden voor dit kenniscafé kan niet (meer)." in _tekst(response)
    assert cafe.aanmeldingen.count() == 0


def test_cancel_link_asks_confirmation_then_promotes_waiting_list(
    client, django_capture_on_commit_callbacks
):
    cafe = KenniscafeFactory(capaciteit=1)
    mijn = AanmeldingFactory(kenniscafe=cafe, email="a@example.org")
    wachtend = AanmeldingFactory(
        kenniscafe=cafe, email="b@example.org", status=Aanmelding.Status.WACHTLIJST
    )
    url = f"/kenniscafes/afmelden/{mijn.token}/"
    bevestig = client.get(url)
    assert "Ja, meld mij af" in _tekst(bevestig)
    mijn.refresh_from_db()
    assert mijn.status == "bevestigd"  # a GET (e.g. a mail scanner) changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "Je bent afgemeld. Bedankt dat je het liet weten." in _tekst(response)
    wachtend.refresh_from_db()
    assert wachtend.status == "bevestigd"
    assert [bericht.to for bericht in mail.outbox] == [["a@example.org"], ["b@example.org"]]
    assert "Je bent al afgemeld" in _tekst(client.get(url))


def test_cancel_link_with_unknown_token_is_404(client):
    AanmeldingFactory()
    assert client.get("/kenniscafes/afmelden/geraden-code/").status_code == 404


# Sections on other pages


def test_home_shows_next_three_upcoming_cafes(client):
    for dag, titel in [
        (30, "Vierde"),
        (3, "Eerste"),
        (10, "Tweede"),
        (20, "Derde"),
        (-3, "Geweest"),
    ]:
        KenniscafeFactory(titel=titel, start=over_dagen(dag))
    tekst = _tekst(client.get("/"))
    assert re.search(r"Komende kenniscafés Eerste .* Tweede .* Derde .* Alle kenniscafés", tekst)
    assert "Vierde" not in tekst and "Geweest" not in tekst


def test_theme_hub_shows_upcoming_cafes_on_that_theme(client, thema_maatwerk):
    KenniscafeFactory(titel="Over maatwerk", themas=[thema_maatwerk])
    KenniscafeFactory(titel="Geweest maatwerk", start=over_dagen(-3), themas=[thema_maatwerk])
    KenniscafeFactory(titel="Ander thema")
    tekst = _tekst(client.get("/themas/maatwerk/"))
    assert "Kenniscafés over maatwerk Over maatwerk" in tekst
    assert "Geweest maatwerk" not in tekst and "Ander thema" not in tekst


def test_werkteam_and_project_pages_show_their_cafes(client):
    project = ProjectFactory(gepubliceerd=True)
    werkteam = WerkteamFactory(project=project, gepubliceerd=True)
    KenniscafeFactory(titel="Komend van team", werkteam=werkteam)
    KenniscafeFactory(
        titel="Geweest van project", project=project, start=over_dagen(-40), locatie=None
    )
    werkteam_tekst = _tekst(client.get(werkteam.get_absolute_url()))
    project_tekst = _tekst(client.get(project.get_absolute_url()))
    assert "Kenniscafés van dit werkteam Komend van team" in werkteam_tekst
    assert "Geweest van project" not in werkteam_tekst
    assert re.search(
        r"Kenniscafés van dit project Komend Komend van team .* Geweest Geweest van project",
        project_tekst,
    )


def test_registration_asks_kind_needs_and_later_contact(client):
    cafe = KenniscafeFactory()
    Deelnemersoort.objects.filter(naam="Student").update(actief=False)
    formulier = client.get(cafe.get_aanmelden_url()).content.decode()
    soorten = re.findall(r'<label for="id_deelnemersoort_\d+">([^<]+)</label>', formulier)
    assert soorten == [
        "Bewoner of ervaringsdeskundige",
        "Professional",
        "Beleid",
        "Onderzoek of onderwijs",
        "Anders",
    ]
    assert "<legend>Wat past het best bij jou?</legend>" in formulier
    assert 'name="contact_later"' in formulier

    beleid = Deelnemersoort.objects.get(naam="Beleid")
    client.post(
        cafe.get_aanmelden_url(),
        {
            "naam": "Sanne",
            "email": "s@example.org",
            "deelnemersoort": beleid.pk,
            "behoeften": "Grote letters",
            "contact_later": "on",
        },
    )
    client.post(cafe.get_aanmelden_url(), {"naam": "Joost", "email": "j@example.org"})

    assert list(
        cafe.aanmeldingen.order_by("naam").values_list(
            "naam", "deelnemersoort__naam", "behoeften", "contact_later"
        )
    ) == [("Joost", None, "", False), ("Sanne", "Beleid", "Grote letters", True)]


def test_registration_refuses_a_kind_that_is_switched_off(client):
    cafe = KenniscafeFactory()
    student = Deelnemersoort.objects.get(naam="Student")
    student.actief = False
    student.save()
    response = client.post(
        cafe.get_aanmelden_url(),
        {"naam": "Iemand", "email": "i@example.org", "deelnemersoort": student.pk},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["deelnemersoort"]
    assert 'href="#id_deelnemersoort_0"' in response.content.decode()
    assert not cafe.aanmeldingen.exists()
