import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from kennisagenda.models import Thema
from projecten.models import Wijk

from .factories import (
    OrganisatieFactory,
    ProjectFactory,
    ProjectpartnerFactory,
    PublicatieFactory,
    WerkteamFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def projecten():
    """Three projects that differ in every filter."""
    zonmw = OrganisatieFactory(naam="ZonMw", slug="zonmw")
    inholland = OrganisatieFactory(naam="Hogeschool Inholland", slug="hogeschool-inholland")
    ivo = OrganisatieFactory(naam="IVO", slug="ivo")

    voorveld = ProjectFactory(
        titel="Leernetwerk voorveld",
        samenvatting="Gezinnen en jongeren in drie wijken.",
        startjaar=2020,
        startmaand=9,
        eindjaar=2022,
        eindmaand=9,
        financier=zonmw,
    )
    voorveld.wijken.set(Wijk.objects.filter(slug__in=["hillesluis", "bospolder"]))
    voorveld.themas.set([Thema.objects.get(slug="lerend-systeem")])
    ProjectpartnerFactory(project=voorveld, organisatie=inholland)
    ProjectpartnerFactory(project=voorveld, organisatie=ivo)

    maatwerk = ProjectFactory(
        titel="Maatwerk in dialoog",
        samenvatting="Wijkteams en loketten.",
        startjaar=None,
        startmaand=None,
    )
    maatwerk.themas.set([Thema.objects.get(slug="maatwerk")])
    ProjectpartnerFactory(project=maatwerk, organisatie=inholland)

    toekomst = ProjectFactory(
        titel="Nieuwe studie", samenvatting="Nog niet begonnen.", startjaar=2099, startmaand=1
    )
    toekomst.wijken.set(Wijk.objects.filter(slug="pendrecht"))
    toekomst.themas.set([Thema.objects.get(slug="maatwerk")])
    return {"voorveld": voorveld, "maatwerk": maatwerk, "toekomst": toekomst}


def gefilterd(client, **params):
    response = client.get(reverse("projecten:list"), params)
    return sorted(project.titel for project in response.context["projecten"])


def test_without_filters_all_projects(client, projecten):
    assert gefilterd(client) == ["Leernetwerk voorveld", "Maatwerk in dialoog", "Nieuwe studie"]


@pytest.mark.parametrize(
    ("status", "verwacht"),
    [
        ("afgerond", ["Leernetwerk voorveld"]),
        ("gepland", ["Nieuwe studie"]),
        ("onbekend", ["Maatwerk in dialoog"]),
        ("lopend", []),
    ],
)
def test_filter_on_status(client, projecten, status, verwacht):
    assert gefilterd(client, status=status) == verwacht


def test_filter_on_theme(client, projecten):
    assert gefilterd(client, thema="maatwerk") == ["Maatwerk in dialoog", "Nieuwe studie"]


def test_filter_on_wijk(client, projecten):
    assert gefilterd(client, wijk="hillesluis") == ["Leernetwerk voorveld"]


def test_filter_on_funder(client, projecten):
    assert gefilterd(client, financier="zonmw") == ["Leernetwerk voorveld"]


def test_filter_on_partner_lists_each_project_once(client, projecten):
    assert gefilterd(client, partner="hogeschool-inholland") == [
        "Leernetwerk voorveld",
        "Maatwerk in dialoog",
    ]


def test_search_in_title_and_summary(client, projecten):
    assert gefilterd(client, q="loketten") == ["Maatwerk in dialoog"]
    assert gefilterd(client, q="VOORVELD") == ["Leernetwerk voorveld"]


def test_filters_combine(client, projecten):
    assert gefilterd(client, thema="maatwerk", status="gepland") == ["Nieuwe studie"]


def test_filter_choices_offer_only_what_is_in_use(client, projecten):
    ProjectFactory(titel="Verborgen", gepubliceerd=False).wijken.set(
        Wijk.objects.filter(slug="ommoord")
    )

    form = client.get(reverse("projecten:list")).context["filter"].form

    assert [w.slug for w in form.fields["wijk"].queryset] == [
        "bospolder",
        "hillesluis",
        "pendrecht",
    ]
    assert [o.naam for o in form.fields["financier"].queryset] == ["ZonMw"]
    assert [o.naam for o in form.fields["partner"].queryset] == ["Hogeschool Inholland", "IVO"]
    assert [t.slug for t in form.fields["thema"].queryset] == ["maatwerk", "lerend-systeem"]


def test_unknown_filter_value_gets_a_dutch_message_and_keeps_the_search(client, projecten):
    response = client.get(reverse("projecten:list"), {"wijk": "atlantis", "q": "leren"})

    assert list(response.context["projecten"]) == []
    assertContains(response, "Selecteer een geldige keuze")
    assertContains(response, 'value="leren"')


def test_werkteam_filters_on_status_theme_project_and_search(client):
    werkplaats = ProjectFactory(titel="Werkplaats 2016–2019", slug="werkplaats-2016-2019")
    verbondenheid = WerkteamFactory(
        naam="Verbondenheid en veerkracht",
        leervraag="Een platform rond eenzaamheid.",
        startjaar=2018,
        eindjaar=2019,
        project=werkplaats,
    )
    verbondenheid.themas.set([Thema.objects.get(slug="sociaal-netwerk")])
    armoede = WerkteamFactory(naam="Armoede en schulden", startjaar=2099)
    armoede.themas.set([Thema.objects.get(slug="bestaanszekerheid")])

    def namen(**params):
        response = client.get(reverse("projecten:werkteam_list"), params)
        return [werkteam.naam for werkteam in response.context["werkteams"]]

    assert namen(status="afgerond") == ["Verbondenheid en veerkracht"]
    assert namen(status="gepland") == ["Armoede en schulden"]
    assert namen(thema="bestaanszekerheid") == ["Armoede en schulden"]
    assert namen(project="werkplaats-2016-2019") == ["Verbondenheid en veerkracht"]
    assert namen(q="eenzaamheid") == ["Verbondenheid en veerkracht"]


def test_publication_filters_on_kind_year_and_search(client):
    PublicatieFactory(titel="Op weg naar samenspel", auteurs="David ter Avest", jaar=2017)
    PublicatieFactory(titel="Geef wijkteams meer ruimte", soort="artikel", jaar=2018)
    PublicatieFactory(titel="Tussenwerken", auteurs="Toby Witte", soort="boekhoofdstuk", jaar=2019)

    def titels(**params):
        response = client.get(reverse("projecten:publicatie_list"), params)
        return [publicatie.titel for publicatie in response.context["publicaties"]]

    assert titels() == ["Tussenwerken", "Geef wijkteams meer ruimte", "Op weg naar samenspel"]
    assert titels(soort="artikel") == ["Geef wijkteams meer ruimte"]
    assert titels(jaar=2017) == ["Op weg naar samenspel"]
    assert titels(q="witte") == ["Tussenwerken"]
