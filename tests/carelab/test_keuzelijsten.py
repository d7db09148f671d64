"""Filter options kept in the cache (carelab/keuzelijsten.py): the same
options as the querysets give, no queries once kept, and a change at once."""

import pytest

from carelab.models import Thema
from carelab.widgets import SnelleSelect
from projecten.models import Wijk
from tests.projecten.factories import ProjectFactory, WerkteamFactory
from verhalen.filters import VerhaalFilter
from verhalen.forms.codering import FragmentFilter
from verhalen.models import Fragment, Verhaal

pytestmark = pytest.mark.django_db


@pytest.fixture
def keuzes():
    ProjectFactory(titel="Buurtnetwerken", slug="buurtnetwerken")
    WerkteamFactory(naam="Werkteam Schulden", slug="werkteam-schulden")
    Thema.objects.create(
        name="Argwaan", slug="argwaan", parent=Thema.objects.get(slug="vertrouwen")
    )
    Wijk.objects.get_or_create(slug="feijenoord", defaults={"naam": "Feijenoord"})


def _zoals_de_queryset(veld, naam, waarde=None):
    """The <select> as the field's own choices (from its queryset) would make it."""
    return SnelleSelect(choices=list(veld.choices)).render(naam, waarde)


@pytest.mark.usefixtures("keuzes")
@pytest.mark.parametrize(
    ("filterset", "queryset", "namen"),
    [
        (VerhaalFilter, Verhaal.objects.all(), ["thema", "project", "werkteam"]),
        (FragmentFilter, Fragment.objects.all(), ["wijk", "project"]),
    ],
)
def test_kept_options_are_the_options_of_the_queryset(filterset, queryset, namen):
    velden = filterset(None, queryset=queryset).form.fields

    for naam in namen:
        html = velden[naam].widget.render(naam, None)
        assert html == _zoals_de_queryset(velden[naam], naam), naam
        assert html.count("<option") >= 2


@pytest.mark.usefixtures("keuzes")
def test_once_kept_the_filter_form_reads_no_options(django_assert_num_queries):
    str(VerhaalFilter(None, queryset=Verhaal.objects.all()).form)

    with django_assert_num_queries(0):
        html = str(VerhaalFilter(None, queryset=Verhaal.objects.all()).form)

    assert "Buurtnetwerken" in html
    assert "Argwaan" in html


@pytest.mark.usefixtures("keuzes")
def test_a_new_project_and_a_renamed_theme_are_offered_at_once():
    str(VerhaalFilter(None, queryset=Verhaal.objects.all()).form)

    ProjectFactory(titel="Nieuw project", slug="nieuw-project")
    argwaan = Thema.objects.get(slug="argwaan")
    argwaan.name = "Achterdocht"
    argwaan.save()
    html = str(VerhaalFilter(None, queryset=Verhaal.objects.all()).form)

    assert '<option value="nieuw-project">Nieuw project</option>' in html
    assert "Achterdocht" in html
    assert "Argwaan" not in html


@pytest.mark.usefixtures("keuzes")
def test_a_chosen_option_is_still_checked_against_the_database():
    geldig = VerhaalFilter({"project": "buurtnetwerken"}, queryset=Verhaal.objects.all())
    onbekend = VerhaalFilter({"project": "bestaat-niet"}, queryset=Verhaal.objects.all())

    assert geldig.form.is_valid()
    assert 'value="buurtnetwerken" selected' in str(geldig.form)
    assert not onbekend.form.is_valid()
