import datetime
from io import StringIO

import pytest

from projecten import demo, demo_data
from projecten.models import (
    Bijeenkomst,
    Lidmaatschap,
    Organisatie,
    Persoon,
    Project,
    Publicatie,
    Status,
    Werkteam,
)

pytestmark = pytest.mark.django_db


def laad():
    out = StringIO()
    demo.load(stdout=out)
    return out.getvalue()


def test_demo_is_idempotent():
    laad()
    tellingen = [
        model.objects.count()
        for model in (
            Organisatie,
            Project,
            Werkteam,
            Publicatie,
            Bijeenkomst,
            Persoon,
            Lidmaatschap,
        )
    ]
    laad()

    assert [
        model.objects.count()
        for model in (
            Organisatie,
            Project,
            Werkteam,
            Publicatie,
            Bijeenkomst,
            Persoon,
            Lidmaatschap,
        )
    ] == tellingen
    assert tellingen[:4] == [
        len(demo_data.ORGANISATIES),
        len(demo_data.PROJECTEN),
        len(demo_data.WERKTEAMS),
        len(demo_data.PUBLICATIES),
    ]


def test_demo_has_the_three_care_lab_studies_without_invented_dates():
    laad()

    studies = Project.objects.filter(
        slug__in=["integraliteit-gemeentelijk-aanbod", "maatwerk-in-dialoog", "ouderenhubs"]
    )

    assert studies.count() == 3
    assert {study.get_status() for study in studies} == {Status.ONBEKEND}


def test_demo_leernetwerk_voorveld_as_its_page_states():
    laad()

    project = Project.objects.get(slug="leernetwerk-voorveld")

    assert str(project.periode) == "september 2020 – september 2022"
    assert project.financier.naam == "ZonMw"
    assert set(project.wijken.values_list("naam", flat=True)) == {
        "Bospolder",
        "Tussendijken",
        "Oud Crooswijk",
        "Nieuw Crooswijk",
        "Hillesluis",
    }
    assert set(project.partners.values_list("naam", flat=True)) == {
        "Onderzoeksinstituut IVO",
        "Gemeente Rotterdam",
        "CJG Rijnmond",
        "Hogeschool Inholland",
        "Stichting Inclusia",
        "Hotspot Hutspot",
    }


def test_demo_werkteams_of_both_periods_with_meetings_and_publications():
    laad()

    eerste = Werkteam.objects.filter(project__slug="werkplaats-sociaal-domein-2016-2019")
    tweede = Werkteam.objects.filter(project__slug="werkplaats-sociaal-domein-2020-2022")
    veerkracht = Werkteam.objects.get(slug="verbondenheid-en-veerkracht")
    coolhaven = Werkteam.objects.get(slug="ontmoeting-en-innovatie")

    assert eerste.count() == 4
    assert tweede.count() == 3
    assert str(veerkracht.periode) == "januari 2018 – november 2019"
    assert list(coolhaven.bijeenkomsten.values_list("datum", flat=True)) == [
        datetime.date(2018, 11, 5),
        datetime.date(2019, 1, 28),
    ]
    assert list(coolhaven.publicaties.values_list("titel", "jaar")) == [
        ("Versterking van ontmoeting en innovatie op lokaal niveau", 2020)
    ]
    assert all(team.themas.exists() for team in Werkteam.objects.all())


def test_demo_delegations_never_show_a_name():
    laad()

    assert Persoon.objects.filter(toon_naam_publiek=True).count() == 0
    assert {lid.publieke_naam for lid in Lidmaatschap.objects.all()} <= {
        "professional",
        "beleidsmaker",
        "docentonderzoeker",
        "vrijwilliger",
    }


def test_demo_keeps_the_internal_document_off_the_site():
    laad()

    assert (
        not Publicatie.objects.gepubliceerd()
        .filter(slug="reader-en-training-krachtwerk010")
        .exists()
    )
    assert Publicatie.objects.filter(slug="reader-en-training-krachtwerk010").exists()


def test_demo_pages_render(client):
    laad()

    for url in [
        "/projecten/",
        "/projecten/leernetwerk-voorveld/",
        "/werkteams/",
        "/werkteams/ontmoeting-en-innovatie/",
        "/publicaties/",
        "/publicaties/yin-en-yang-in-het-sociaal-domein/",
    ]:
        assert client.get(url).status_code == 200, url


def test_demo_reports_what_it_loaded():
    assert laad() == (
        f"Projecten: {len(demo_data.PROJECTEN)} projecten, {len(demo_data.WERKTEAMS)} werkteams, "
        f"{len(demo_data.PUBLICATIES)} publicaties, {len(demo_data.ORGANISATIES)} organisaties."
    )
