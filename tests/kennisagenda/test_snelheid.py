"""Speed at scale (issue 7) for the core: roles read once per request, the
home page and theme hub in a constant number of queries."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from kennisagenda import roles

pytestmark = pytest.mark.django_db


# Roles ------------------------------------------------------------------------


def test_has_role_reads_the_groups_once_per_user_object(raadslid, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert roles.has_role(raadslid, roles.BREDE_RAAD)
        assert not roles.has_role(raadslid, roles.COORDINATOR)
        assert not roles.has_role(raadslid, roles.ONDERZOEKER)


def test_has_role_follows_a_group_added_to_the_same_user_object(gewone_gebruiker):
    assert not roles.has_role(gewone_gebruiker, roles.BREDE_RAAD)

    gewone_gebruiker.groups.add(Group.objects.get(name=roles.BREDE_RAAD))

    assert roles.has_role(gewone_gebruiker, roles.BREDE_RAAD)
    assert gewone_gebruiker.has_perm("verhalen.add_reflectie")


def test_has_role_follows_a_group_removed_from_the_same_user_object(raadslid):
    assert roles.has_role(raadslid, roles.BREDE_RAAD)
    assert raadslid.has_perm("verhalen.add_reflectie")

    raadslid.groups.remove(Group.objects.get(name=roles.BREDE_RAAD))

    assert not roles.has_role(raadslid, roles.BREDE_RAAD)
    # Django keeps the permissions on the user object: the next request loads it again.
    assert not get_user_model().objects.get(pk=raadslid.pk).has_perm("verhalen.add_reflectie")


def test_has_role_follows_cleared_groups(coordinator):
    assert roles.has_role(coordinator, roles.COORDINATOR)

    coordinator.groups.clear()

    assert not roles.has_role(coordinator, roles.COORDINATOR)


def test_a_group_change_from_the_group_side_reaches_the_next_request(client, gewone_gebruiker):
    from django.urls import reverse

    from tests.helpers import log_in

    log_in(client, gewone_gebruiker)
    assert client.get(reverse("collecties:list")).status_code == 200
    Group.objects.get(name=roles.BREDE_RAAD).user_set.add(gewone_gebruiker)

    response = client.get(reverse("home"))

    assert roles.has_role(response.wsgi_request.user, roles.BREDE_RAAD)


def test_anonymous_visitor_holds_no_role_and_costs_no_query(django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    with django_assert_num_queries(0):
        assert roles.rollen_van(AnonymousUser()) == frozenset()
        assert not roles.has_role(AnonymousUser(), roles.BREDE_RAAD)


# Themes, keywords and codes of a list: Prefetch(..., to_attr=...) -------------------------
# Without to_attr, Django's prefetch_related asks every object's taggit manager for
# a queryset to cache the rows in (taggit builds a filtered one each time); with
# to_attr it sets a plain list and never asks. Lists of stories, fragments,
# collections, cafés, projects and werkteams read their labels that way.


def test_theme_manager_without_prefetch_reads_the_objects_own_themes_in_order():
    from kennisagenda.models import Thema
    from tests.verhalen.factories import VerhaalFactory

    vertrouwen, maatwerk = Thema.objects.get(slug="vertrouwen"), Thema.objects.get(slug="maatwerk")
    verhaal = VerhaalFactory(themas=[vertrouwen])
    verhaal.themas.add(maatwerk)
    VerhaalFactory(themas=[maatwerk])

    assert [t.slug for t in verhaal.themas.all()] == ["vertrouwen", "maatwerk"]
    assert sorted(verhaal.themas.names()) == ["maatwerk", "vertrouwen"]
    assert list(verhaal.themas.filter(slug="maatwerk")) == [maatwerk]
    assert verhaal.themas.count() == 2


@pytest.mark.parametrize("aantal", [1, 5])
def test_labels_prefetched_to_a_list_cost_one_query_per_field_and_no_queryset_per_object(
    django_assert_num_queries, aantal
):
    from unittest import mock

    from django.db.models import Prefetch
    from taggit.managers import _TaggableManager

    from kennisagenda.models import Thema
    from tests.verhalen.factories import VerhaalFactory
    from verhalen.models import Verhaal

    maatwerk = Thema.objects.get(slug="maatwerk")
    VerhaalFactory.create_batch(aantal, themas=[maatwerk], trefwoorden=["wachten"])
    querysets = mock.patch.object(
        _TaggableManager, "get_queryset", autospec=True, side_effect=_TaggableManager.get_queryset
    )

    with django_assert_num_queries(3), querysets as gevraagd:  # stories, themes, keywords
        verhalen = list(
            Verhaal.objects.prefetch_related(
                Prefetch("themas", to_attr="themas_lijst"),
                Prefetch("trefwoorden", to_attr="trefwoorden_lijst"),
            )
        )
        labels = [
            ([t.slug for t in v.themas_lijst], [t.name for t in v.trefwoorden_lijst])
            for v in verhalen
        ]

    assert labels == [(["maatwerk"], ["wachten"])] * aantal
    assert all(isinstance(v.themas_lijst, list) for v in verhalen)
    assert gevraagd.call_count == 2  # the one prefetch query per field, whatever the number


def test_the_story_list_reads_its_labels_from_the_prefetched_lists(django_assert_num_queries):
    from kennisagenda.models import Thema
    from tests.verhalen.factories import VerhaalFactory
    from verhalen.models import Verhaal

    vertrouwen, maatwerk = Thema.objects.get(slug="vertrouwen"), Thema.objects.get(slug="maatwerk")
    VerhaalFactory(themas=[vertrouwen, maatwerk], trefwoorden=["wachten"])

    (verhaal,) = Verhaal.objects.met_lijstgegevens()

    with django_assert_num_queries(0):
        assert sorted(t.slug for t in verhaal.themas_lijst) == ["maatwerk", "vertrouwen"]
        assert [t.name for t in verhaal.trefwoorden_lijst] == ["wachten"]


def _pagina_met_labels(soort, thema):
    """Make one object of `soort` tagged with `thema` ("#wachten" as a story's keyword)
    and return the address of the page that shows it."""
    from tests.kenniscafes.factories import KenniscafeFactory
    from tests.projecten.factories import ProjectFactory, WerkteamFactory
    from tests.verhalen.factories import VerhaalFactory
    from tests.verhalen.factories_collecties import CollectieFactory

    if soort in ("verhalen", "verhaal"):
        verhaal = VerhaalFactory(themas=[thema], trefwoorden=["wachten"])
        return reverse("verhalen:list") if soort == "verhalen" else f"/verhalen/{verhaal.pk}/"
    if soort == "collecties":
        CollectieFactory(publiek="openbaar", themas=[thema])
        return reverse("collecties:list")
    if soort in ("kenniscafes", "kenniscafe"):
        cafe = KenniscafeFactory(themas=[thema])
        return reverse("kenniscafes:agenda") if soort == "kenniscafes" else cafe.get_absolute_url()
    if soort in ("projecten", "project"):
        project = ProjectFactory(gepubliceerd=True)
        project.themas.add(thema)
        return reverse("projecten:list") if soort == "projecten" else project.get_absolute_url()
    werkteam = WerkteamFactory(gepubliceerd=True)
    werkteam.themas.add(thema)
    return (
        reverse("projecten:werkteam_list") if soort == "werkteams" else werkteam.get_absolute_url()
    )


@pytest.mark.parametrize(
    "soort",
    [
        "verhalen",
        "verhaal",
        "collecties",
        "kenniscafes",
        "kenniscafe",
        "projecten",
        "project",
        "werkteams",
        "werkteam",
    ],
)
def test_every_page_shows_the_themes_it_prefetched(onderzoeker_client, soort):
    # A template that reads a list the view did not prefetch shows nothing, silently.
    from kennisagenda.models import Thema

    thema = Thema.objects.create(name="Zelfregie in de wijk", slug="zelfregie-in-de-wijk")

    response = onderzoeker_client.get(_pagina_met_labels(soort, thema))

    html = response.content.decode()
    assert response.status_code == 200
    naam, adres = "Zelfregie in de wijk", thema.get_absolute_url()
    # The label itself, not the theme's name in a filter's choices.
    verwacht = {
        "verhalen": [f'<span class="badge">{naam}</span>', "#wachten</span>"],
        "verhaal": [f'?thema={thema.slug}">{naam}</a>', "<dt>Trefwoorden</dt><dd>wachten</dd>"],
        "collecties": [f"Thema: {naam}"],
    }.get(soort, [f'href="{adres}">{naam}</a>'])
    for stuk in verwacht:
        assert stuk in html


# Theme hub and home: pinned query counts, the same with 1 and with 3+ items --------


def _vul_thema(thema, aantal):
    from tests.kenniscafes.factories import KenniscafeFactory
    from tests.projecten.factories import ProjectFactory
    from tests.verhalen.factories import FragmentFactory, VerhaalFactory
    from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory

    for _ in range(aantal):
        collectie = CollectieFactory(publiek="openbaar", themas=[thema])
        verhaal = VerhaalFactory(toestemming="openbaar", themas=[thema])
        FragmentFactory(verhaal=verhaal, start=0, eind=4, codes=[thema])
        CollectieItemFactory(collectie=collectie, verhaal=verhaal)
        KenniscafeFactory(themas=[thema])
        project = ProjectFactory(gepubliceerd=True)
        project.themas.add(thema)


# The hub: theme, sub-codes (page), sub-codes (collections), collections with
# counts, their themes, the stored story and fragment counts, projects,
# werkteams, cafés with counts (their themes are not shown, so not loaded).
THEMAHUB_ANONIEM = 9


@pytest.mark.parametrize("aantal", [1, 3])
def test_theme_hub_query_count_is_pinned_for_visitors(client, django_assert_num_queries, aantal):
    from kennisagenda.models import Thema

    maatwerk = Thema.objects.get(slug="maatwerk")
    _vul_thema(maatwerk, aantal)
    client.get(maatwerk.get_absolute_url())

    with django_assert_num_queries(THEMAHUB_ANONIEM):
        response = client.get(maatwerk.get_absolute_url())

    assert response.content.decode().count('class="card') >= 3 * aantal


@pytest.mark.parametrize("aantal", [1, 3])
def test_theme_hub_query_count_is_pinned_for_researchers(
    onderzoeker_client, django_assert_num_queries, aantal
):
    from kennisagenda.models import Thema

    maatwerk = Thema.objects.get(slug="maatwerk")
    _vul_thema(maatwerk, aantal)
    onderzoeker_client.get(maatwerk.get_absolute_url())

    # as for visitors, plus session, user, the second step's authenticator and
    # the permissions (own and through roles); the counts per audience
    # still from the cache
    with django_assert_num_queries(THEMAHUB_ANONIEM + 5):
        response = onderzoeker_client.get(maatwerk.get_absolute_url())

    tellingen = [
        s["context"] for s in response.context["sections"] if "aantal_verhalen" in s["context"]
    ]
    assert tellingen[0]["aantal_verhalen"] == aantal


@pytest.mark.parametrize("aantal", [1, 4])
def test_home_for_a_logged_in_member_is_made_fresh_in_pinned_queries(
    raadslid_client, django_assert_num_queries, aantal
):
    from kennisagenda.models import Thema

    _vul_thema(Thema.objects.get(slug="maatwerk"), aantal)

    # session, user, roles and whether they have an app (second step check),
    # permissions ×2, themes, cafés with counts, their themes, collections
    # with counts, their themes
    with django_assert_num_queries(11):
        response = raadslid_client.get(reverse("home"))

    html = response.content.decode()
    assert "Ingelogd als" in html
    assert html.count('<li class="card kenniscafe-kaart') == min(aantal, 3)


# The fast <select> (toolkit.widgets.SnelleSelect) --------------------------------


@pytest.mark.parametrize(
    ("choices", "value"),
    [
        ([("", "Alle wijken"), ("zuid", "Zuid & <Noord>"), ("west", "West")], "zuid"),
        ([("", "Alle"), ("Centrum", [("cs", "CS-kwartier"), ("cool", "Cool")])], "cool"),
        ([(1, "Eén"), (2, "Twee")], None),
    ],
)
def test_fast_select_renders_what_django_renders(choices, value):
    import re

    from django import forms

    from toolkit.widgets import SnelleSelect

    attrs = {"id": "id_wijk", "aria-describedby": "id_wijk_helptext", "required": True}

    def normaal(html):
        return re.sub(r">\s+<", "><", str(html)).strip()

    snel = SnelleSelect(choices=choices).render("wijk", value, attrs=attrs)
    django = forms.Select(choices=choices).render("wijk", value, attrs=attrs)

    assert normaal(snel) == normaal(django)
    assert "&lt;Noord&gt;" in snel or "Noord" not in snel


def test_story_filter_form_renders_its_choices_in_one_go(onderzoeker_client):
    from projecten.models import Wijk

    wijk = Wijk.objects.order_by("naam").first()

    response = onderzoeker_client.get(reverse("verhalen:list"), {"wijk": wijk.slug})

    html = response.content.decode()
    assert f'<option value="{wijk.slug}" selected>{wijk.naam}</option>' in html
    assert '<option value="maatwerk">maatwerk</option>' in html
