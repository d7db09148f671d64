"""Coordinators keep projecten in the Django admin; nobody else gets in."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from kennisagenda.models import Thema
from projecten.models import Project, Projectpartner, Publicatie, Wijk
from tests.helpers import log_in

from .factories import (
    BijdrageFactory,
    BijeenkomstFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    ProjectFactory,
    PublicatieFactory,
    WerkteamFactory,
)

pytestmark = pytest.mark.django_db


def lege_inline(prefix):
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def project_formulier(**extra):
    data = {
        "titel": "Leernetwerk voorveld",
        "slug": "leernetwerk-voorveld",
        "samenvatting": "Samen leren in drie wijken.",
        "gepubliceerd": "on",
        "startjaar": "2020",
        "startmaand": "9",
        "eindjaar": "2022",
        "eindmaand": "9",
        **lege_inline("partnerschappen"),
        **lege_inline("teamleden"),
        **lege_inline("bijeenkomsten"),
        **lege_inline("publicaties"),
        **lege_inline("bijdragen"),
    }
    data.update(extra)
    return data


def test_coordinator_adds_a_project_with_partners_team_and_themes(coordinator_client):
    zonmw = OrganisatieFactory(naam="ZonMw", slug="zonmw")
    inholland = OrganisatieFactory(naam="Hogeschool Inholland")
    ivo = OrganisatieFactory(naam="IVO")
    leider = PersoonFactory(naam="Projectleider")
    wijken = Wijk.objects.filter(slug__in=["hillesluis", "bospolder"])
    themas = Thema.objects.filter(slug__in=["lerend-systeem", "integraliteit"])

    response = coordinator_client.post(
        reverse("admin:projecten_project_add"),
        project_formulier(
            financier=zonmw.pk,
            wijken=[wijk.pk for wijk in wijken],
            themas=[thema.pk for thema in themas],
            **{
                "partnerschappen-TOTAL_FORMS": "2",
                "partnerschappen-0-organisatie": inholland.pk,
                "partnerschappen-0-rol": "penvoerder",
                "partnerschappen-1-organisatie": ivo.pk,
                "partnerschappen-1-rol": "partner",
                "partnerschappen-1-van": "2021-01-01",
                "bijeenkomsten-TOTAL_FORMS": "1",
                "bijeenkomsten-0-datum": "2021-03-04",
                "bijeenkomsten-0-soort": "leernetwerk",
                "bijeenkomsten-0-titel": "Eerste leernetwerk",
                "teamleden-TOTAL_FORMS": "1",
                "teamleden-0-persoon": leider.pk,
                "teamleden-0-rol": "projectleider",
                "teamleden-0-van": "2020-09-01",
            },
        ),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get(slug="leernetwerk-voorveld")
    assert project.financier == zonmw
    assert set(project.partnerschappen.values_list("organisatie__naam", "rol", "van")) == {
        ("Hogeschool Inholland", "penvoerder", None),
        ("IVO", "partner", datetime.date(2021, 1, 1)),
    }
    assert list(project.bijeenkomsten.values_list("titel", "soort", "werkteam")) == [
        ("Eerste leernetwerk", "leernetwerk", None)
    ]
    assert [lid.persoon for lid in project.teamleden.all()] == [leider]
    assert set(project.wijken.values_list("slug", flat=True)) == {"hillesluis", "bospolder"}
    assert set(project.themas.values_list("slug", flat=True)) == {"lerend-systeem", "integraliteit"}


def test_admin_refuses_a_period_that_ends_before_it_starts(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:projecten_project_add"),
        project_formulier(startjaar="2022", eindjaar="2020"),
    )

    assert response.status_code == 200
    assertContains(response, "Het einde ligt vóór het begin.")
    assert not Project.objects.exists()


def test_admin_offers_existing_themes_and_cannot_create_new_ones(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:projecten_project_add"), project_formulier(themas=["nieuw-thema"])
    )

    assert response.status_code == 200
    assert "themas" in response.context["adminform"].form.errors
    assert not Thema.objects.filter(name="nieuw-thema").exists()


def test_admin_theme_field_has_a_dutch_capitalised_label(coordinator_client):
    response = coordinator_client.get(reverse("admin:projecten_project_add"))

    assert response.context["adminform"].form.fields["themas"].label == "Thema's"


def test_project_change_page_links_to_the_site(coordinator_client):
    project = ProjectFactory(slug="ouderenhubs")

    response = coordinator_client.get(reverse("admin:projecten_project_change", args=[project.pk]))

    assert response.status_code == 200
    view_on_site = reverse(
        "admin:view_on_site", args=[response.context["content_type_id"], project.pk]
    )
    assertContains(response, view_on_site)
    assert coordinator_client.get(view_on_site).url.endswith("/projecten/ouderenhubs/")


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:projecten_project_changelist",
        "admin:projecten_werkteam_changelist",
        "admin:projecten_publicatie_changelist",
        "admin:projecten_organisatie_changelist",
        "admin:projecten_persoon_changelist",
        "admin:projecten_bijeenkomst_changelist",
        "admin:projecten_wijk_changelist",
        "admin:projecten_werkteam_add",
        "admin:projecten_publicatie_add",
    ],
)
def test_coordinator_reaches_every_projecten_admin_page(coordinator_client, url_name):
    ProjectFactory()
    WerkteamFactory()

    response = coordinator_client.get(reverse(url_name))

    assert response.status_code == 200


def test_admin_filters_projects_on_status(coordinator_client):
    ProjectFactory(titel="Afgelopen", startjaar=2016, eindjaar=2019)
    ProjectFactory(titel="Toekomst", startjaar=2099)

    response = coordinator_client.get(
        reverse("admin:projecten_project_changelist"), {"status": "afgerond"}
    )

    assert [p.titel for p in response.context["cl"].result_list] == ["Afgelopen"]


def test_organisation_autocomplete_for_partners(coordinator_client):
    OrganisatieFactory(naam="ZonMw")
    OrganisatieFactory(naam="Vivenz")

    response = coordinator_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "projecten",
            "model_name": "projectpartner",
            "field_name": "organisatie",
            "term": "zon",
        },
    )

    assert [result["text"] for result in response.json()["results"]] == ["ZonMw"]


def test_person_account_link_is_only_for_the_beheerder(client, coordinator, beheerder):
    persoon = PersoonFactory()
    url = reverse("admin:projecten_persoon_change", args=[persoon.pk])

    log_in(client, coordinator)
    coordinator_form = client.get(url).context["adminform"].form
    log_in(client, beheerder)
    beheerder_form = client.get(url).context["adminform"].form

    assert "gebruiker" not in coordinator_form.fields
    assert "gebruiker" in beheerder_form.fields


def test_admin_upload_of_wrong_file_kind_gets_a_dutch_message(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:projecten_publicatie_add"),
        {
            "titel": "Rapport",
            "slug": "rapport",
            "soort": "rapport",
            "gepubliceerd": "on",
            "bestand": SimpleUploadedFile("rapport.exe", b"MZ"),
        },
    )

    assert response.status_code == 200
    assertContains(response, "Kies een bestand van het soort pdf, docx, xlsx, pptx of odt.")
    assert not Publicatie.objects.exists()


def test_admin_upload_of_a_pdf_is_stored(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:projecten_publicatie_add"),
        {
            "titel": "Rapport",
            "slug": "rapport",
            "soort": "rapport",
            "gepubliceerd": "on",
            "bestand": SimpleUploadedFile("rapport.pdf", b"%PDF-1.4"),
        },
    )

    assert response.status_code == 302
    assert Publicatie.objects.get().bestand.name.startswith("publicaties/rapport")


def test_anonymous_is_sent_to_the_admin_login(client):
    response = client.get(reverse("admin:projecten_project_changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("gebruiker", ["onderzoeker", "raadslid", "gewone_gebruiker"])
def test_others_do_not_get_into_the_admin(client, request, gebruiker):
    log_in(client, request.getfixturevalue(gebruiker))

    response = client.get(reverse("admin:projecten_project_changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_staff_without_the_coordinator_role_gets_403(client, gewone_gebruiker):
    gewone_gebruiker.is_staff = True
    gewone_gebruiker.save()
    log_in(client, gewone_gebruiker)

    response = client.get(reverse("admin:projecten_project_changelist"))

    assert response.status_code == 403


def test_coordinator_cannot_reach_story_text_in_the_admin(coordinator_client):
    index = coordinator_client.get(reverse("admin:index"))
    verhalen = coordinator_client.get("/admin/verhalen/verhaal/")

    assert verhalen.status_code == 403
    assertContains(index, "Projecten en werkteams")
    assertNotContains(index, "/admin/verhalen/")


def test_partner_roles_are_the_consortium_roles():
    assert [waarde for waarde, _ in Projectpartner.Rol.choices] == [
        "penvoerder",
        "partner",
        "financier",
        "uitvoerder",
    ]


def test_coordinator_sees_the_history_of_a_project(coordinator_client, coordinator):
    project = ProjectFactory(titel="Oude titel")
    project.titel = "Nieuwe titel"
    project.save()

    response = coordinator_client.get(reverse("admin:projecten_project_history", args=[project.pk]))

    assert response.status_code == 200
    assert [record.titel for record in project.history.all()] == ["Nieuwe titel", "Oude titel"]
    assertContains(response, "Oude titel")


def test_change_through_the_admin_records_who_made_it(coordinator_client, coordinator):
    project = ProjectFactory(titel="Leernetwerk", slug="leernetwerk")

    coordinator_client.post(
        reverse("admin:projecten_project_change", args=[project.pk]),
        project_formulier(titel="Leernetwerk voorveld", slug="leernetwerk"),
    )

    laatste = project.history.first()
    assert (laatste.titel, laatste.history_user) == ("Leernetwerk voorveld", coordinator)


@pytest.mark.parametrize("aantal", [1, 3])
@pytest.mark.parametrize(
    ("model", "queries"),
    [
        # each includes session, user, the 2FA check (roles, an own app) and
        # the permissions (own and through roles)
        ("project", 12),
        ("werkteam", 11),
        ("publicatie", 12),
        ("persoon", 9),
        ("bijeenkomst", 13),  # its filters: werkteams and projects that have meetings
        ("bijdrage", 13),
        ("organisatie", 9),
    ],
)
def test_admin_lists_query_count_does_not_grow(
    coordinator_client, django_assert_num_queries, model, queries, aantal
):
    for _ in range(aantal):
        organisatie = OrganisatieFactory()
        project = ProjectFactory(financier=organisatie)
        werkteam = WerkteamFactory(project=project)
        LidmaatschapFactory(werkteam=werkteam, persoon=PersoonFactory(organisatie=organisatie))
        BijeenkomstFactory(werkteam=werkteam)
        PublicatieFactory(project=project, werkteam=werkteam)
        BijdrageFactory(organisatie=organisatie, project=project)

    with django_assert_num_queries(queries):
        response = coordinator_client.get(f"/admin/projecten/{model}/")

    assert len(response.context["cl"].result_list) == aantal
