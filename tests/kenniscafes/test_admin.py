import csv
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from kennisagenda.models import Thema
from kenniscafes.models import Aanmelding, Deelnemersoort, Kenniscafe
from tests.factories import UserFactory
from tests.helpers import log_in
from tests.projecten.factories import PersoonFactory

from .factories import AanmeldingFactory, KenniscafeFactory, LocatieFactory, amsterdam, over_dagen

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/kenniscafes/kenniscafe/"
AANMELDINGEN = "/admin/kenniscafes/aanmelding/"


@pytest.fixture
def staf_zonder_rol(db):
    user = UserFactory(username="staf")
    user.is_staff = True
    user.save()
    return user


def _formulier(**velden):
    """POST data for the café add/change form in the admin, with empty inlines."""
    data = {
        "soort": "kenniscafe",
        "titel": "Voorkomen huisuitzettingen",
        "slug": "voorkomen-huisuitzettingen",
        "beschrijving": "",
        "start_0": "23-05-2030",
        "start_1": "15:00",
        "eind_0": "23-05-2030",
        "eind_1": "17:00",
        "tijd_bekend": "on",
        "locatie": "",
        "online_link": "",
        "status": "gepland",
        "capaciteit": "30",
        "aanmelden_open": "on",
        "gepubliceerd": "on",
    }
    for prefix in ("sprekers", "bijlagen", "bijdragen", "aanmeldingen"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(velden)
    return {key: value for key, value in data.items() if value is not None}


# Who may see what


def test_admin_anonymous_is_sent_to_login(client):
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.parametrize("gebruiker", ["gewone_gebruiker", "onderzoeker", "raadslid"])
def test_admin_non_staff_roles_are_sent_to_login(client, request, gebruiker):
    log_in(client, request.getfixturevalue(gebruiker))
    assert client.get(AANMELDINGEN).url.startswith("/admin/login/")


def test_admin_staff_without_coordinator_role_gets_403(client, staf_zonder_rol):
    log_in(client, staf_zonder_rol)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(AANMELDINGEN).status_code == 403


def test_admin_coordinator_sees_registrations(coordinator_client):
    AanmeldingFactory(naam="Fatima Yilmaz", email="fatima@example.org")
    response = coordinator_client.get(AANMELDINGEN)
    assert response.status_code == 200
    assert [a.naam for a in response.context["cl"].result_list] == ["Fatima Yilmaz"]


def test_admin_changelist_shows_date_counts_status_and_site_link(coordinator_client):
    cafe = KenniscafeFactory(titel="Ontmoeting", start=amsterdam(2030, 10, 10, 15), capaciteit=2)
    AanmeldingFactory.create_batch(2, kenniscafe=cafe)
    AanmeldingFactory(kenniscafe=cafe, status=Aanmelding.Status.WACHTLIJST)
    html = coordinator_client.get(CHANGELIST).content.decode()
    assert "do 10 okt 2030, 15.00" in html
    assert "2 / 2 (+1 wachtlijst)" in html
    assert f'<a href="{cafe.get_absolute_url()}">Bekijk op de site</a>' in html


def test_admin_upcoming_filter(coordinator_client):
    KenniscafeFactory(titel="Komend")
    KenniscafeFactory(titel="Geweest", start=over_dagen(-5), locatie=None)
    response = coordinator_client.get(CHANGELIST + "?wanneer=komend")
    assert [cafe.titel for cafe in response.context["cl"].result_list] == ["Komend"]
    response = coordinator_client.get(CHANGELIST + "?wanneer=voorbij")
    assert [cafe.titel for cafe in response.context["cl"].result_list] == ["Geweest"]


# Planning a café


def test_admin_coordinator_plans_a_cafe(coordinator_client, thema_maatwerk):
    locatie = LocatieFactory()
    response = coordinator_client.post(
        CHANGELIST + "add/", _formulier(locatie=locatie.pk, themas=[thema_maatwerk.pk])
    )
    assert response.status_code == 302
    cafe = Kenniscafe.objects.get(slug="voorkomen-huisuitzettingen")
    assert cafe.datum_tekst == "donderdag 23 mei 2030, 15.00–17.00"
    assert list(cafe.themas.all()) == [thema_maatwerk]
    assert cafe.sequence == 0


def test_admin_add_page_offers_main_themes_with_dutch_labels(coordinator_client, thema_maatwerk):
    form = coordinator_client.get(CHANGELIST + "add/").context["adminform"].form
    assert form.fields["themas"].label == "Thema's"
    assert form.fields["online_link"].label == "Online link"
    assert list(form.fields["themas"].queryset) == list(Thema.objects.hoofdthemas())
    assert thema_maatwerk in form.fields["themas"].queryset


def test_admin_people_werkteams_and_projects_are_found_by_typing(coordinator_client):
    PersoonFactory(naam="Toby Tester")
    html = coordinator_client.get(CHANGELIST + "add/").content.decode()
    for veld in ("sprekers-0-persoon", "werkteam", "project"):
        assert re.search(rf'<select name="{veld}"[^>]*class="admin-autocomplete', html), veld
    response = coordinator_client.get(
        "/admin/autocomplete/",
        {
            "term": "toby",
            "app_label": "kenniscafes",
            "model_name": "spreker",
            "field_name": "persoon",
        },
    )
    assert [resultaat["text"] for resultaat in response.json()["results"]] == ["Toby Tester"]


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        ({"eind_1": "14:00", "locatie": "x"}, "eind", "Het einde moet na het begin liggen."),
        ({}, "locatie", "Kies een locatie of vul een online link in voordat je publiceert."),
        (
            {"start_0": "", "start_1": "", "eind_0": "", "eind_1": "", "locatie": "x"},
            "start",
            "Vul een datum in voordat je publiceert.",
        ),
    ],
)
def test_admin_validation_messages(coordinator_client, velden, veld, melding):
    if velden.get("locatie") == "x":
        velden["locatie"] = LocatieFactory().pk
    response = coordinator_client.post(CHANGELIST + "add/", _formulier(**velden))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors[veld] == [melding]
    assert Kenniscafe.objects.count() == 0


def test_admin_capacity_below_registrations_is_refused(coordinator_client):
    cafe = KenniscafeFactory(slug="vol", capaciteit=3)
    AanmeldingFactory.create_batch(3, kenniscafe=cafe)
    data = _formulier(slug="vol", locatie=cafe.locatie.pk, capaciteit="2")
    data.update({"aanmeldingen-TOTAL_FORMS": "3", "aanmeldingen-INITIAL_FORMS": "3"})
    for i, aanmelding in enumerate(cafe.aanmeldingen.all()):
        data.update(
            {f"aanmeldingen-{i}-id": aanmelding.pk, f"aanmeldingen-{i}-kenniscafe": cafe.pk}
        )
    response = coordinator_client.post(f"{CHANGELIST}{cafe.pk}/change/", data)
    assert response.context["adminform"].form.errors["capaciteit"] == [
        "Er zijn al 3 bevestigde aanmeldingen; het aantal plaatsen kan niet lager zijn."
    ]


def test_admin_moving_a_cafe_raises_sequence_and_mails_registrants(
    coordinator_client, django_capture_on_commit_callbacks
):
    cafe = KenniscafeFactory(slug="verhuist", start=amsterdam(2030, 5, 23, 15))
    AanmeldingFactory(kenniscafe=cafe, email="a@example.org")
    data = _formulier(
        slug="verhuist",
        locatie=cafe.locatie.pk,
        start_1="16:00",
        eind_1="18:00",
        status="verplaatst",
    )
    data.update({"aanmeldingen-TOTAL_FORMS": "1", "aanmeldingen-INITIAL_FORMS": "1"})
    data.update(
        {"aanmeldingen-0-id": cafe.aanmeldingen.get().pk, "aanmeldingen-0-kenniscafe": cafe.pk}
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(f"{CHANGELIST}{cafe.pk}/change/", data)
    assert response.status_code == 302
    cafe.refresh_from_db()
    assert (cafe.sequence, cafe.datum_tekst) == (1, "donderdag 23 mei 2030, 16.00–18.00")
    [bericht] = mail.outbox
    assert "Wanneer: donderdag 23 mei 2030, 16.00–18.00" in bericht.body


# Actions


def test_admin_action_cancel_asks_for_message_then_mails_everyone(
    coordinator_client, django_capture_on_commit_callbacks
):
    cafe = KenniscafeFactory(titel="Ontmoeting")
    AanmeldingFactory(kenniscafe=cafe, email="a@example.org")
    AanmeldingFactory(kenniscafe=cafe, email="b@example.org", status=Aanmelding.Status.WACHTLIJST)
    kies = {"action": "afgelasten", "_selected_action": [cafe.pk]}
    tussenpagina = coordinator_client.post(CHANGELIST, kies)
    assert "Ontmoeting" in tussenpagina.content.decode()
    assert "Ja, afgelasten en mailen" in tussenpagina.content.decode()
    cafe.refresh_from_db()
    assert cafe.status == "gepland"
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            CHANGELIST, {**kies, "bevestig": "1", "mededeling": "De zaal is dicht."}, follow=True
        )
    assert "1 kenniscafé afgelast; 2 mensen krijgen een e-mail." in response.content.decode()
    cafe.refresh_from_db()
    assert (cafe.status, cafe.mededeling, cafe.sequence) == ("afgelast", "De zaal is dicht.", 1)
    assert sorted(bericht.to[0] for bericht in mail.outbox) == ["a@example.org", "b@example.org"]
    assert all(bericht.subject == "Afgelast: Ontmoeting" for bericht in mail.outbox)


def test_admin_action_duplicate_opens_the_copy(coordinator_client):
    cafe = KenniscafeFactory(titel="Ontmoeting", slug="ontmoeting")
    response = coordinator_client.post(
        CHANGELIST, {"action": "dupliceren", "_selected_action": [cafe.pk]}
    )
    kopie = Kenniscafe.objects.get(slug="ontmoeting-kopie")
    assert response.url == f"{CHANGELIST}{kopie.pk}/change/"
    assert (kopie.titel, kopie.start, kopie.gepubliceerd) == ("Ontmoeting", None, False)


def test_admin_action_csv_exports_registrations_safely(coordinator_client):
    cafe = KenniscafeFactory(titel="Ontmoeting", start=amsterdam(2030, 10, 10, 15))
    AanmeldingFactory(
        kenniscafe=cafe,
        naam="Fatima",
        email="f@example.org",
        organisatie="=HYPERLINK()",
        deelnemersoort=Deelnemersoort.objects.get(naam="Professional"),
        contact_later=True,
    )
    AanmeldingFactory(naam="Ander café")
    response = coordinator_client.post(
        CHANGELIST, {"action": "exporteer_aanmeldingen", "_selected_action": [cafe.pk]}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][:5] == ["kenniscafé", "datum", "naam", "e-mailadres", "organisatie"]
    assert rijen[1][:10] == [
        "Ontmoeting",
        "donderdag 10 oktober 2030, 15.00–17.00",
        "Fatima",
        "f@example.org",
        "'=HYPERLINK()",
        "Professional",
        "",
        "",
        "ja",
        "bevestigd",
    ]
    assert len(rijen) == 2


def test_admin_csv_action_needs_permission_to_see_registrations(client):
    user = UserFactory(username="planner")
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_kenniscafe", "change_kenniscafe"])
    )
    log_in(client, user)
    response = client.get(CHANGELIST)
    acties = [naam for naam, _label in response.context["action_form"].fields["action"].choices]
    assert "exporteer_aanmeldingen" not in acties
    assert "afgelasten" in acties


def test_admin_action_mark_attendance_and_fill_report_figures(coordinator_client):
    cafe = KenniscafeFactory(start=over_dagen(-2), locatie=None)
    kwam = AanmeldingFactory(kenniscafe=cafe, organisatie="Woonstad")
    niet = AanmeldingFactory(kenniscafe=cafe)
    coordinator_client.post(
        AANMELDINGEN, {"action": "markeer_aanwezig", "_selected_action": [kwam.pk]}
    )
    coordinator_client.post(
        AANMELDINGEN, {"action": "markeer_afwezig", "_selected_action": [niet.pk]}
    )
    coordinator_client.post(
        CHANGELIST, {"action": "neem_aanwezigheid_over", "_selected_action": [cafe.pk]}
    )
    kwam.refresh_from_db()
    niet.refresh_from_db()
    cafe.refresh_from_db()
    assert (kwam.aanwezig, niet.aanwezig) == (True, False)
    assert (cafe.aantal_bezoekers, cafe.organisaties_aanwezig) == (1, "Woonstad")


def test_admin_action_cancel_registration_promotes_waiting_list(coordinator_client):
    cafe = KenniscafeFactory(capaciteit=1)
    weg = AanmeldingFactory(kenniscafe=cafe)
    wachtend = AanmeldingFactory(kenniscafe=cafe, status=Aanmelding.Status.WACHTLIJST)
    coordinator_client.post(AANMELDINGEN, {"action": "afmelden", "_selected_action": [weg.pk]})
    wachtend.refresh_from_db()
    assert wachtend.status == "bevestigd"


def test_admin_cannot_add_registrations_past_the_capacity_rules(coordinator_client):
    assert coordinator_client.get(AANMELDINGEN + "add/").status_code == 403


def test_admin_change_page_shows_registration_summary_and_attendance(coordinator_client):
    cafe = KenniscafeFactory(capaciteit=3)
    AanmeldingFactory(kenniscafe=cafe, naam="Fatima")
    AanmeldingFactory(kenniscafe=cafe, status=Aanmelding.Status.WACHTLIJST)
    response = coordinator_client.get(f"{CHANGELIST}{cafe.pk}/change/")
    html = response.content.decode()
    assert "1 bevestigd, 1 op de wachtlijst, 2 vrije plaatsen" in html
    assert "Fatima" in html
    assert 'name="aanmeldingen-0-aanwezig"' in html
    assert "kies bij ‘aanwezig’ ja of nee" in html


@pytest.mark.parametrize("aantal", [1, 3])
def test_admin_changelists_query_count_does_not_grow(
    coordinator_client, django_assert_num_queries, aantal
):
    for _ in range(aantal):
        AanmeldingFactory.create_batch(2, kenniscafe=KenniscafeFactory(locatie=LocatieFactory()))
    # session, user, the 2FA check (roles, an own app), permissions ×2,
    # counts, the page, filter choices (two of them on what exists: themes,
    # projects), date hierarchy
    with django_assert_num_queries(15):
        response = coordinator_client.get(CHANGELIST)
    assert len(response.context["cl"].result_list) == aantal
    # the same request costs, then counts, the page and the filters (the
    # café, the kinds of participant)
    with django_assert_num_queries(13):
        response = coordinator_client.get("/admin/kenniscafes/aanmelding/")
    assert len(response.context["cl"].result_list) == 2 * aantal


def test_admin_date_only_cafe_is_saved_with_empty_times(coordinator_client):
    data = _formulier(
        start_0="23-05-2019", start_1="", eind_0="", eind_1="", tijd_bekend=None, locatie=None
    )
    response = coordinator_client.post(CHANGELIST + "add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    cafe = Kenniscafe.objects.get()
    assert (cafe.start, cafe.eind) == (amsterdam(2019, 5, 23, 0), amsterdam(2019, 5, 23, 23, 59))
    assert cafe.datum_tekst == "donderdag 23 mei 2019"


def test_admin_date_only_cafe_over_two_days(coordinator_client):
    data = _formulier(start_1="", eind_0="24-05-2030", eind_1="", tijd_bekend=None)
    data["locatie"] = LocatieFactory().pk
    response = coordinator_client.post(CHANGELIST + "add/", data)
    assert response.status_code == 302
    assert Kenniscafe.objects.get().datum_tekst == "donderdag 23 mei 2030 – vrijdag 24 mei 2030"


def test_admin_empty_time_with_time_known_asks_for_the_time(coordinator_client):
    response = coordinator_client.post(CHANGELIST + "add/", _formulier(start_1=""))
    form = response.context["adminform"].form
    assert form.errors["start"] == [
        "Vul een tijd in, of zet ‘Tijd bekend’ uit als alleen de datum bekend is."
    ]
    assert "publiceren_zonder_datum" not in str(form.errors.as_data())
    assert Kenniscafe.objects.count() == 0
