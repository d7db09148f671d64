"""A visitor follows the werkplaats from a project to its werkteam to a publication."""

import datetime

import pytest
from playwright.sync_api import expect

from projecten.models import Lidmaatschap, Wijk
from tests.browser.axe_controle import ernstige_overtredingen
from tests.browser.console import bewaak, rustig_af
from tests.factories import ThemaFactory
from tests.projecten.factories import (
    BijeenkomstFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    ProjectFactory,
    ProjectpartnerFactory,
    PublicatieFactory,
    WerkteamFactory,
)


@pytest.fixture(autouse=True)
def schone_console(page):
    """No console warning or error on any page these journeys visit."""
    meldingen = bewaak(page.context)
    yield
    rustig_af(page)
    assert meldingen == []


@pytest.fixture
def werkplaats():
    project = ProjectFactory(
        titel="Werkplaats Sociaal Domein 2016–2019",
        slug="werkplaats-2016-2019",
        samenvatting="Hogescholen, gemeenten en bewoners leren samen.",
        startjaar=2016,
        startmaand=1,
        eindjaar=2019,
        eindmaand=12,
        financier=OrganisatieFactory(naam="Ministerie van VWS"),
    )
    # get_or_create: after a browser test the rows of data migrations are not
    # always restored (seen with the `page` fixture), so do not rely on them.
    project.themas.set([ThemaFactory(slug="integraliteit", name="integraliteit")])
    wijk, _ = Wijk.objects.get_or_create(
        slug="delfshaven",
        defaults={"naam": "Delfshaven", "gebied": "Delfshaven", "cbs_wijkcode": "WK059903"},
    )
    project.wijken.set([wijk])
    ProjectpartnerFactory(
        project=project,
        organisatie=OrganisatieFactory(naam="Gemeente Schiedam"),
        tot=datetime.date(2018, 12, 31),
    )
    BijeenkomstFactory(
        project=project,
        werkteam=None,
        datum=datetime.date(2017, 9, 21),
        soort="projectbijeenkomst",
        titel="De regio kiest drie thema's",
    )
    werkteam = WerkteamFactory(
        naam="Ontmoeting en innovatie",
        slug="ontmoeting-en-innovatie",
        leervraag="Hoe zorgt een nieuw platform voor betere samenwerking in de wijk?",
        project=project,
        startjaar=2017,
        startmaand=7,
        eindjaar=2019,
    )
    werkteam.wijken.set([wijk])
    LidmaatschapFactory(
        werkteam=werkteam,
        rol=Lidmaatschap.Rol.BEWONER,
        persoon=PersoonFactory(naam="Ayaan de Bewoner", toon_naam_publiek=False),
    )
    LidmaatschapFactory(
        werkteam=werkteam,
        rol=Lidmaatschap.Rol.DOCENTONDERZOEKER,
        persoon=PersoonFactory(naam="Dirk Docent", toon_naam_publiek=True),
    )
    BijeenkomstFactory(
        werkteam=werkteam,
        datum=datetime.date(2018, 11, 5),
        soort="netwerkbijeenkomst",
        titel="Ontmoet de kracht van Coolhaveneiland: DELEN",
    )
    PublicatieFactory(
        titel="Versterking van ontmoeting en innovatie op lokaal niveau",
        slug="versterking-ontmoeting",
        auteurs="Werkteam Ontmoeting en innovatie",
        jaar=2020,
        link="https://example.org/versterking.pdf",
        werkteam=werkteam,
        project=project,
    )
    return project


def test_visitor_goes_from_project_to_werkteam_to_publication(page, live_server, werkplaats):
    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Projecten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Projecten")
    assert ernstige_overtredingen(page) == []

    page.get_by_label("Status").select_option("afgerond")
    page.get_by_role("button", name="Toon resultaten").click()
    expect(page).to_have_url(
        f"{live_server.url}/projecten/?q=&status=afgerond&thema=&wijk=&financier=&partner="
    )
    page.get_by_role("link", name="Werkplaats Sociaal Domein 2016–2019").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Werkplaats Sociaal Domein 2016–2019")
    expect(page.get_by_text("januari 2016 – december 2019").first).to_be_visible()
    expect(page.get_by_role("region", name="Wie doen mee")).to_contain_text(
        "Gemeente Schiedam (tot en met 31 december 2018)"
    )
    expect(page.get_by_role("region", name="Bijeenkomsten")).to_contain_text(
        "21 september 2017 De regio kiest drie thema's"
    )
    assert ernstige_overtredingen(page) == []
    page.get_by_role("link", name="Ontmoeting en innovatie", exact=True).click()

    expect(page).to_have_url(f"{live_server.url}/werkteams/ontmoeting-en-innovatie/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ontmoeting en innovatie")
    leden = page.get_by_role("region", name="Wie doen mee")
    expect(leden).to_contain_text("Een bewoner")
    expect(leden).to_contain_text("Dirk Docent")
    expect(leden).not_to_contain_text("Ayaan")
    expect(page.get_by_role("region", name="Bijeenkomsten")).to_contain_text("5 november 2018")
    expect(page.get_by_text("Dit werkteam werkt in Delfshaven.")).to_be_visible()
    assert ernstige_overtredingen(page) == []
    page.screenshot(path="/tmp/projecten-browser-werkteam.png", full_page=True)
    page.get_by_role(
        "link", name="Versterking van ontmoeting en innovatie op lokaal niveau"
    ).click()

    expect(page).to_have_url(f"{live_server.url}/publicaties/versterking-ontmoeting/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Versterking van ontmoeting en innovatie op lokaal niveau"
    )
    expect(page.get_by_role("link", name="Lees de publicatie online")).to_have_attribute(
        "href", "https://example.org/versterking.pdf"
    )
    assert ernstige_overtredingen(page) == []
    page.get_by_role("link", name="Ontmoeting en innovatie", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ontmoeting en innovatie")


def test_filters_work_with_the_keyboard_alone(page, live_server, werkplaats):
    page.goto(f"{live_server.url}/projecten/")

    page.get_by_role("searchbox", name="Zoeken").focus()
    page.keyboard.type("geen project heet zo")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="0 projecten")).to_be_visible()
    expect(page.get_by_role("searchbox", name="Zoeken")).to_have_value("geen project heet zo")
    page.get_by_role("link", name="Alle filters wissen").click()
    expect(page.get_by_role("heading", name="1 project", exact=True)).to_be_visible()
