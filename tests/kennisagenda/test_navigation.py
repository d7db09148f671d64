import re

import pytest

from tests.helpers import log_in

pytestmark = pytest.mark.django_db

PUBLIC = ["Home", "Thema's", "Collecties", "Projecten", "Werkteams", "Kenniscafés"]


def nav_labels(response, lijst="site-nav__list"):
    """The link texts of the main navigation's row (or of its small-screen menu)."""
    nav = response.content.decode().split('aria-label="Hoofdmenu"', 1)[1].split("</nav>", 1)[0]
    links = nav.split(f'{lijst}"', 1)[1].split("</ul>", 1)[0]
    return [label.replace("&#x27;", "'") for label in re.findall(r"<a [^>]*>([^<]+)</a>", links)]


def test_small_screen_menu_has_the_same_links_behind_a_button(onderzoeker_client):
    response = onderzoeker_client.get("/verhalen/")
    html = response.content.decode()
    assert nav_labels(response, "site-nav__menulijst") == nav_labels(response)
    assert '<summary>Menu<span class="site-nav__hier">: Verhalen</span></summary>' in html


def test_visitor_sees_only_public_navigation(client):
    assert nav_labels(client.get("/")) == PUBLIC


def test_researcher_also_sees_stories_codebook_and_memos(onderzoeker_client):
    assert nav_labels(onderzoeker_client.get("/")) == [
        "Home",
        "Thema's",
        "Verhalen",
        "Codeboek",
        "Memo's",
        *PUBLIC[2:],
    ]


@pytest.mark.parametrize("role_client", ["raadslid_client", "coordinator_client"])
def test_brede_raad_and_coordinator_do_not_see_stories_or_codebook(request, role_client):
    assert nav_labels(request.getfixturevalue(role_client).get("/")) == PUBLIC


def test_user_without_role_sees_public_navigation(client, gewone_gebruiker):
    log_in(client, gewone_gebruiker)
    assert nav_labels(client.get("/")) == PUBLIC


def test_favicon_is_served_by_the_site(client):
    content = client.get("/").content.decode()
    assert 'rel="icon" href="/static/img/favicon.svg"' in content
