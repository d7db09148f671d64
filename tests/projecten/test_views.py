import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from kennisagenda.models import Thema
from projecten.models import Bijeenkomst, Lidmaatschap, Projectpartner, Teamlid, Wijk
from tests.factories import ThemaFactory

from .factories import (
    BijeenkomstFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    ProjectFactory,
    ProjectpartnerFactory,
    PublicatieFactory,
    TeamlidFactory,
    WerkteamFactory,
)

pytestmark = pytest.mark.django_db


def titels(response, sleutel):
    return [str(obj) for obj in response.context[sleutel]]


# Lists ---------------------------------------------------------------------


def test_project_list_shows_only_public_projects(client):
    ProjectFactory(titel="Leernetwerk voorveld")
    ProjectFactory(titel="Nog geheim", gepubliceerd=False)

    response = client.get(reverse("projecten:list"))

    assert titels(response, "projecten") == ["Leernetwerk voorveld"]
    assertContains(response, "<h1>Projecten</h1>", html=True)
    assertNotContains(response, "Nog geheim")


def test_project_list_newest_first_unknown_period_last(client):
    ProjectFactory(titel="Oud", startjaar=2016, startmaand=1)
    ProjectFactory(titel="Onbekend", startjaar=None, startmaand=None)
    ProjectFactory(titel="Nieuw", startjaar=2020, startmaand=9)

    response = client.get(reverse("projecten:list"))

    assert titels(response, "projecten") == ["Nieuw", "Oud", "Onbekend"]


def _maak_projecten(aantal):
    thema = Thema.objects.get(slug="maatwerk")
    financier = OrganisatieFactory(naam="ZonMw", slug="zonmw")
    for _ in range(aantal):
        project = ProjectFactory(financier=financier)
        project.themas.set([thema])
        project.wijken.set(Wijk.objects.filter(slug__in=["hillesluis", "bospolder"]))
        ProjectpartnerFactory(project=project)


@pytest.mark.parametrize("aantal", [1, 3])
def test_project_list_query_count_does_not_grow(client, django_assert_num_queries, aantal):
    _maak_projecten(aantal)

    # count, page, themes, wijken; filter choices: status (none), thema, wijk, financier, partner
    with django_assert_num_queries(8):
        response = client.get(reverse("projecten:list"))

    assert len(response.context["projecten"]) == aantal


def _maak_werkteams(aantal):
    thema = Thema.objects.get(slug="sociaal-netwerk")
    project = ProjectFactory()
    for _ in range(aantal):
        werkteam = WerkteamFactory(project=project)
        werkteam.themas.set([thema])


@pytest.mark.parametrize("aantal", [1, 3])
def test_werkteam_list_query_count_does_not_grow(client, django_assert_num_queries, aantal):
    _maak_werkteams(aantal)

    # count, page (with project), themes; filter choices: thema, project
    with django_assert_num_queries(5):
        response = client.get(reverse("projecten:werkteam_list"))

    assert len(response.context["werkteams"]) == aantal


@pytest.mark.parametrize("aantal", [1, 3])
def test_publicatie_list_query_count_does_not_grow(client, django_assert_num_queries, aantal):
    project = ProjectFactory()
    werkteam = WerkteamFactory(project=project)
    for _ in range(aantal):
        PublicatieFactory(project=project, werkteam=werkteam)

    with django_assert_num_queries(2):
        response = client.get(reverse("projecten:publicatie_list"))

    assert len(response.context["publicaties"]) == aantal


def test_project_list_is_paginated_with_an_accessible_pager(client):
    for nummer in range(21):
        ProjectFactory(titel=f"Project {nummer:02}", startjaar=2016, eindjaar=2019)

    eerste = client.get(reverse("projecten:list"), {"status": "afgerond"})
    tweede = client.get(reverse("projecten:list"), {"status": "afgerond", "page": 2})

    assert (len(eerste.context["projecten"]), len(tweede.context["projecten"])) == (20, 1)
    assertContains(eerste, '<nav aria-label="Paginering">')
    assertContains(eerste, 'href="?status=afgerond&amp;page=2"')
    assertContains(eerste, "Pagina 1 van 2")


def test_navigation_offers_projecten_and_werkteams(client):
    response = client.get(reverse("projecten:list"))

    labels = [item["label"] for item in response.context["nav_items"]]
    assert {"Projecten", "Werkteams"} <= set(labels)
    assertContains(response, '<a href="/projecten/" aria-current="page">Projecten</a>', html=True)


# Project page --------------------------------------------------------------


def test_project_page_shows_what_where_with_whom_since_when(client):
    project = ProjectFactory(
        titel="Leernetwerk voorveld",
        slug="leernetwerk-voorveld",
        samenvatting="Samen leren in drie wijken.",
        achtergrond="Gezinnen zoeken steun **dichtbij**.",
        resultaten="Een kennissynthese.",
        startjaar=2020,
        startmaand=9,
        eindjaar=2022,
        eindmaand=9,
        financier=OrganisatieFactory(naam="ZonMw", slug="zonmw"),
        dossiernummer="12345",
    )
    project.wijken.set(Wijk.objects.filter(slug__in=["hillesluis", "bospolder"]))
    project.themas.set([Thema.objects.get(slug="lerend-systeem")])
    ProjectpartnerFactory(
        project=project,
        organisatie=OrganisatieFactory(naam="Inholland"),
        rol=Projectpartner.Rol.PENVOERDER,
    )
    ProjectpartnerFactory(project=project, organisatie=OrganisatieFactory(naam="IVO"))

    response = client.get(project.get_absolute_url())

    assert project.get_absolute_url() == "/projecten/leernetwerk-voorveld/"
    assertContains(response, "<h1>Leernetwerk voorveld</h1>", html=True)
    assertContains(response, "september 2020 – september 2022")
    assertContains(response, "Afgerond")
    assertContains(response, "ZonMw")
    assertContains(response, "(dossiernummer 12345)")
    assertContains(response, 'Hillesluis <span class="card__meta">(Feijenoord)</span>')
    assertContains(response, "<strong>dichtbij</strong>", html=True)
    assertContains(response, "Een kennissynthese.")
    assertContains(
        response, '<a class="badge" href="/themas/lerend-systeem/">lerend systeem</a>', html=True
    )
    assert [
        (rol, [p.organisatie.naam for p in partners])
        for rol, partners in response.context["project"].partners_per_rol()
    ] == [
        ("penvoerder", ["Inholland"]),
        ("partner", ["IVO"]),
    ]


def test_project_page_lists_its_public_werkteams_and_publications(client):
    project = ProjectFactory()
    WerkteamFactory(naam="Armoede en schulden", project=project)
    WerkteamFactory(naam="Verborgen team", project=project, gepubliceerd=False)
    PublicatieFactory(titel="Balanceren", project=project)
    PublicatieFactory(titel="Intern stuk", project=project, gepubliceerd=False)

    response = client.get(project.get_absolute_url())

    assert [w.naam for w in response.context["project"].openbare_werkteams] == [
        "Armoede en schulden"
    ]
    assert [p.titel for p in response.context["project"].openbare_publicaties] == ["Balanceren"]
    assertNotContains(response, "Verborgen team")
    assertNotContains(response, "Intern stuk")


def test_project_page_shows_private_team_members_by_role_only(client):
    project = ProjectFactory()
    TeamlidFactory(
        project=project,
        rol=Teamlid.Rol.PROJECTLEIDER,
        persoon=PersoonFactory(naam="Dr. Openbaar", toon_naam_publiek=True),
    )
    TeamlidFactory(
        project=project,
        rol=Teamlid.Rol.CONTACTPERSOON,
        persoon=PersoonFactory(naam="Geheime Naam", toon_naam_publiek=False),
    )

    response = client.get(project.get_absolute_url())

    assertContains(response, "<strong>Dr. Openbaar</strong>", html=True)
    assertContains(response, "Een contactpersoon")
    assertNotContains(response, "Geheime Naam")


def test_unpublished_project_page_is_not_found(client):
    project = ProjectFactory(gepubliceerd=False)

    response = client.get(project.get_absolute_url())

    assert response.status_code == 404


def test_unknown_project_is_not_found(client):
    response = client.get(reverse("projecten:detail", kwargs={"slug": "bestaat-niet"}))

    assert response.status_code == 404


# Werkteam page -------------------------------------------------------------


def test_werkteam_page_shows_learning_question_members_meetings_and_publications(client):
    project = ProjectFactory(titel="Werkplaats 2016–2019")
    werkteam = WerkteamFactory(
        naam="Ontmoeting en innovatie",
        slug="ontmoeting-en-innovatie",
        leervraag="Hoe zorgt een nieuw platform voor betere samenwerking?",
        project=project,
        startjaar=2017,
        startmaand=7,
        eindjaar=2019,
    )
    LidmaatschapFactory(
        werkteam=werkteam,
        rol=Lidmaatschap.Rol.DOCENTONDERZOEKER,
        persoon=PersoonFactory(naam="Docent Zichtbaar", toon_naam_publiek=True),
        organisatie=OrganisatieFactory(naam="Hogeschool Rotterdam"),
        van=datetime.date(2017, 7, 1),
    )
    LidmaatschapFactory(
        werkteam=werkteam,
        rol=Lidmaatschap.Rol.BEWONER,
        persoon=PersoonFactory(naam="Bewoner Privé", toon_naam_publiek=False),
    )
    BijeenkomstFactory(werkteam=werkteam, datum=datetime.date(2019, 1, 28), titel="DUIDEN")
    BijeenkomstFactory(werkteam=werkteam, datum=datetime.date(2018, 11, 5), titel="DELEN")
    PublicatieFactory(titel="Versterking van ontmoeting", werkteam=werkteam)

    response = client.get(werkteam.get_absolute_url())

    assert werkteam.get_absolute_url() == "/werkteams/ontmoeting-en-innovatie/"
    assertContains(response, "<h1>Ontmoeting en innovatie</h1>", html=True)
    assertContains(response, "Hoe zorgt een nieuw platform voor betere samenwerking?")
    assertContains(response, "juli 2017 – 2019")
    assertContains(
        response, f'<a href="{project.get_absolute_url()}">Werkplaats 2016–2019</a>', html=True
    )
    assertContains(response, "<strong>Docent Zichtbaar</strong>", html=True)
    assertContains(response, "Hogeschool Rotterdam")
    assertContains(response, "sinds 1 juli 2017")
    assertContains(response, "<dt>Bewoner</dt>", html=True)
    assertContains(response, "Een bewoner")
    assertNotContains(response, "Bewoner Privé")
    bijeenkomsten = [b.titel for b in response.context["werkteam"].bijeenkomsten.all()]
    assert bijeenkomsten == ["DELEN", "DUIDEN"]
    assertContains(response, '<time datetime="2018-11-05">5 november 2018</time>', html=True)
    assertContains(response, "Versterking van ontmoeting")


def _queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return [query["sql"] for query in context.captured_queries]


def test_werkteam_page_query_count_does_not_grow_with_members(client):
    klein = WerkteamFactory()
    LidmaatschapFactory(werkteam=klein, organisatie=OrganisatieFactory())
    BijeenkomstFactory(werkteam=klein)
    groot = WerkteamFactory()
    for _ in range(4):
        LidmaatschapFactory(werkteam=groot, organisatie=OrganisatieFactory())
        BijeenkomstFactory(werkteam=groot)
        PublicatieFactory(werkteam=groot)

    klein_queries = _queries_for(client, klein.get_absolute_url())
    groot_queries = _queries_for(client, groot.get_absolute_url())

    assert len(groot_queries) == len(klein_queries)
    # Our own part: werkteam, themes, meetings, members (person, organisation), publications;
    # sections of other apps (kenniscafés) add their own.
    eigen = [sql for sql in groot_queries if '"projecten_' in sql.split("FROM", 1)[1][:40]]
    assert len(eigen) == 6  # and its wijken


def test_project_page_query_count_does_not_grow(client):
    def maak_project(aantal):
        project = ProjectFactory(financier=OrganisatieFactory())
        project.themas.set([Thema.objects.get(slug="maatwerk")])
        project.wijken.set(Wijk.objects.filter(slug__in=["hillesluis"]))
        for _ in range(aantal):
            ProjectpartnerFactory(project=project)
            TeamlidFactory(
                project=project, persoon=PersoonFactory(organisatie=OrganisatieFactory())
            )
            WerkteamFactory(project=project).themas.set([Thema.objects.get(slug="vertrouwen")])
            PublicatieFactory(project=project)
            BijeenkomstFactory(project=project, werkteam=None)
        return project

    klein = _queries_for(client, maak_project(1).get_absolute_url())
    groot = _queries_for(client, maak_project(3).get_absolute_url())

    assert len(groot) == len(klein)


def test_werkteam_of_unpublished_project_is_not_found(client):
    werkteam = WerkteamFactory(project=ProjectFactory(gepubliceerd=False))

    response = client.get(werkteam.get_absolute_url())

    assert response.status_code == 404


# Publication page ----------------------------------------------------------


def test_publication_page_links_to_its_source_and_its_team(client):
    werkteam = WerkteamFactory(naam="Informeel-formeel")
    publicatie = PublicatieFactory(
        titel="Yin en yang in het sociaal domein",
        slug="yin-en-yang",
        auteurs="David ter Avest (red.)",
        jaar=2019,
        soort="bundel",
        link="https://example.org/yin-en-yang.pdf",
        werkteam=werkteam,
    )

    response = client.get(publicatie.get_absolute_url())

    assertContains(response, "<h1>Yin en yang in het sociaal domein</h1>", html=True)
    assertContains(response, "David ter Avest (red.)")
    assertContains(response, "<dd>Bundel</dd>", html=True)
    assertContains(response, 'href="https://example.org/yin-en-yang.pdf"')
    assertContains(
        response, f'<a href="{werkteam.get_absolute_url()}">Informeel-formeel</a>', html=True
    )


def test_unpublished_publication_is_not_found(client):
    publicatie = PublicatieFactory(gepubliceerd=False)

    assert client.get(publicatie.get_absolute_url()).status_code == 404


# Theme hub -----------------------------------------------------------------


def test_theme_hub_lists_public_projects_and_werkteams_of_the_theme(client):
    maatwerk = Thema.objects.get(slug="maatwerk")
    subcode = ThemaFactory(name="maatwerk aan het loket", slug="maatwerk-loket", parent=maatwerk)
    ander = Thema.objects.get(slug="vertrouwen")
    dialoog = ProjectFactory(titel="Maatwerk in dialoog")
    dialoog.themas.set([maatwerk])
    ProjectFactory(titel="Via subcode").themas.set([subcode])
    ProjectFactory(titel="Geheim maatwerk", gepubliceerd=False).themas.set([maatwerk])
    ProjectFactory(titel="Over vertrouwen").themas.set([ander])
    loketteam = WerkteamFactory(naam="Loketteam")
    loketteam.themas.set([maatwerk])

    response = client.get(maatwerk.get_absolute_url())

    sectie = next(
        s["context"]
        for s in response.context["sections"]
        if s["template"] == "projecten/includes/_thema_projecten.html"
    )
    assert [p.titel for p in sectie["projecten"]] == ["Maatwerk in dialoog", "Via subcode"]
    assert [w.naam for w in sectie["werkteams"]] == ["Loketteam"]
    assertContains(response, "Projecten en werkteams over maatwerk")
    assertContains(response, f'<a href="{dialoog.get_absolute_url()}">Maatwerk in dialoog</a>')
    assertContains(response, f'<a href="{loketteam.get_absolute_url()}">Loketteam</a>')
    assertNotContains(response, "Geheim maatwerk")
    assertNotContains(response, "Over vertrouwen")


def test_theme_hub_without_projects_leaves_the_section_out(client):
    response = client.get(Thema.objects.get(slug="governance").get_absolute_url())

    templates = [s["template"] for s in response.context["sections"]]
    assert "projecten/includes/_thema_projecten.html" not in templates
    assertNotContains(response, "Projecten en werkteams over")


def test_project_page_describes_itself_for_search_engines(client):
    project = ProjectFactory(
        titel="Leernetwerk </script> voorveld",
        slug="leernetwerk-voorveld",
        samenvatting="Samen leren.",
        financier=OrganisatieFactory(naam="ZonMw"),
    )
    project.wijken.set(Wijk.objects.filter(slug="hillesluis"))
    ProjectpartnerFactory(project=project, organisatie=OrganisatieFactory(naam="IVO"))

    response = client.get(project.get_absolute_url())

    script = response.content.decode().split('<script type="application/ld+json">')[1]
    script = script.split("</script>")[0]
    data = json.loads(script)
    assert data["@type"] == "ResearchProject"
    assert data["name"] == "Leernetwerk </script> voorveld"
    assert data["url"] == "http://testserver/projecten/leernetwerk-voorveld/"
    assert data["funder"] == {"@type": "Organization", "name": "ZonMw"}
    assert data["member"] == [{"@type": "Organization", "name": "IVO"}]
    assert data["areaServed"] == [
        {"@type": "Place", "name": "Hillesluis, Rotterdam", "identifier": "WK059910"}
    ]


def test_publication_page_offers_the_uploaded_file(client):
    publicatie = PublicatieFactory(
        titel="Op weg naar samenspel",
        bestand=SimpleUploadedFile("samenspel.pdf", b"%PDF-1.4"),
    )

    response = client.get(publicatie.get_absolute_url())

    assertContains(response, f'href="{publicatie.bestand.url}"')
    assertContains(response, "Download het bestand (PDF)")
    assertNotContains(response, "Lees de publicatie online")


def test_publication_without_file_or_link_says_where_to_ask(client):
    publicatie = PublicatieFactory(titel="Handreiking")

    response = client.get(publicatie.get_absolute_url())

    assertContains(response, "Deze publicatie staat (nog) niet online.")


def test_project_page_shows_when_partners_joined_or_left(client):
    project = ProjectFactory(startjaar=2016, eindjaar=2019)
    ProjectpartnerFactory(
        project=project,
        organisatie=OrganisatieFactory(naam="Gemeente Schiedam"),
        tot=datetime.date(2018, 12, 31),
    )
    ProjectpartnerFactory(
        project=project,
        organisatie=OrganisatieFactory(naam="Vivenz"),
        van=datetime.date(2019, 1, 1),
    )
    ProjectpartnerFactory(project=project, organisatie=OrganisatieFactory(naam="Inholland"))

    response = client.get(project.get_absolute_url())

    assertContains(
        response,
        'Gemeente Schiedam <span class="card__meta">(tot en met 31 december 2018)</span>',
    )
    assertContains(response, 'Vivenz <span class="card__meta">(sinds 1 januari 2019)</span>')
    assertContains(response, "<li>Inholland</li>", html=True)


def test_project_page_lists_its_own_meetings(client):
    project = ProjectFactory()
    BijeenkomstFactory(
        project=project,
        werkteam=None,
        datum=datetime.date(2021, 3, 4),
        soort=Bijeenkomst.Soort.LEERNETWERK,
        titel="",
        verslag="Drie wijken vertelden wat werkt.",
    )
    BijeenkomstFactory(werkteam=WerkteamFactory(project=project), titel="Van het werkteam")

    response = client.get(project.get_absolute_url())

    assertContains(response, '<time datetime="2021-03-04">4 maart 2021</time>', html=True)
    assertContains(response, "<h3>Bijeenkomst van het leernetwerk</h3>", html=True)
    assertContains(response, "Drie wijken vertelden wat werkt.")
    assertNotContains(response, "Van het werkteam")


def test_werkteam_page_names_its_wijken(client):
    werkteam = WerkteamFactory()
    werkteam.wijken.set(Wijk.objects.filter(slug__in=["blijdorp", "spangen", "het-lage-land"]))

    response = client.get(werkteam.get_absolute_url())

    assertContains(response, "Dit werkteam werkt in Blijdorp, Het Lage Land en Spangen.")
