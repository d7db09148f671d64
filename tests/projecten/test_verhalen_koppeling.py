"""Researchers see how many stories belong to a project; nobody else learns of them.

The block is verhalen's section on the project and werkteam pages
(verhalen/selectors/koppelingen.py), so projecten does not import verhalen."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.verhalen.factories import VerhaalFactory
from verhalen.models import Toestemming

from .factories import ProjectFactory, WerkteamFactory

pytestmark = pytest.mark.django_db

VERWIJZING = "verhalen/includes/_verhalen_verwijzing.html"


def verwijzing(response):
    """The stories section at the top of the page, or None when it is left out."""
    secties = [
        s["context"] for s in response.context["kop_sections"] if s["template"] == VERWIJZING
    ]
    assert len(secties) <= 1
    return secties[0] if secties else None


@pytest.fixture
def project_met_verhalen():
    project = ProjectFactory(titel="Leernetwerk voorveld", slug="leernetwerk-voorveld")
    VerhaalFactory(project=project, titel="Wachten op hulp", toestemming=Toestemming.ONDERZOEK)
    VerhaalFactory(project=project, titel="Eindelijk gehoord", toestemming=Toestemming.OPENBAAR)
    VerhaalFactory(project=project, titel="Teruggetrokken", toestemming=Toestemming.INGETROKKEN)
    VerhaalFactory(project=ProjectFactory(), titel="Ander project")
    return project


def test_researcher_sees_the_number_of_linked_stories_and_a_link(
    onderzoeker_client, project_met_verhalen
):
    response = onderzoeker_client.get(project_met_verhalen.get_absolute_url())

    sectie = verwijzing(response)
    assert sectie["aantal"] == 2  # the withdrawn story does not count
    assert sectie["url"] == "/verhalen/?project=leernetwerk-voorveld"
    assertContains(response, "<strong>2 verhalen</strong>", html=True)
    assertContains(response, 'href="/verhalen/?project=leernetwerk-voorveld"')


def test_the_link_opens_exactly_the_stories_of_the_project(
    onderzoeker_client, project_met_verhalen
):
    url = verwijzing(onderzoeker_client.get(project_met_verhalen.get_absolute_url()))["url"]

    response = onderzoeker_client.get(url)

    assertContains(response, "Wachten op hulp")
    assertContains(response, "Eindelijk gehoord")
    assertNotContains(response, "Ander project")
    assertNotContains(response, "Teruggetrokken")


def test_researcher_sees_zero_when_no_story_is_linked(onderzoeker_client):
    project = ProjectFactory()

    response = onderzoeker_client.get(project.get_absolute_url())

    assert verwijzing(response)["aantal"] == 0
    assertContains(response, "Er zijn nog geen verhalen aan dit project gekoppeld")


@pytest.mark.parametrize("wie", ["client", "coordinator_client", "raadslid_client"])
def test_others_do_not_learn_that_stories_exist(request, wie, project_met_verhalen):
    client = request.getfixturevalue(wie)

    response = client.get(project_met_verhalen.get_absolute_url())

    assert response.status_code == 200
    assert verwijzing(response) is None
    assertNotContains(response, "Verhalen bij dit project")
    assertNotContains(response, "/verhalen/?project=")


def test_researcher_sees_the_stories_of_a_werkteam(onderzoeker_client):
    werkteam = WerkteamFactory(naam="Informeel-formeel", slug="informeel-formeel")
    VerhaalFactory(werkteam=werkteam, titel="Aan de keukentafel")
    VerhaalFactory(titel="Los verhaal")

    response = onderzoeker_client.get(werkteam.get_absolute_url())
    lijst = onderzoeker_client.get(verwijzing(response)["url"])

    assert verwijzing(response)["aantal"] == 1
    assertContains(response, "<strong>1 verhaal</strong>", html=True)
    assertContains(lijst, "Aan de keukentafel")
    assertNotContains(lijst, "Los verhaal")


@pytest.mark.parametrize("wie", ["client", "coordinator_client", "raadslid_client"])
def test_others_do_not_see_the_stories_of_a_werkteam(request, wie):
    werkteam = WerkteamFactory()
    VerhaalFactory(werkteam=werkteam, toestemming=Toestemming.OPENBAAR)

    response = request.getfixturevalue(wie).get(werkteam.get_absolute_url())

    assert verwijzing(response) is None
    assertNotContains(response, "Verhalen bij dit werkteam")
