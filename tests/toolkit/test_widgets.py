"""Options of the filter forms read as rows (toolkit/widgets.opties_uit_rijen):
the same options as the fields' querysets give, read once per form, and a
change offered at once."""

import pytest

from kennisagenda.models import Thema
from projecten.models import Wijk
from tests.projecten.factories import ProjectFactory, WerkteamFactory
from toolkit.widgets import SnelleSelect
from verhalen.forms.codering import FragmentFilter
from verhalen.forms.filters import VerhaalFilter
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


def _zoals_de_queryset(veld, naam, label=str):
    """The <select> as the field's own choices (model objects) would make it."""
    veld.label_from_instance = label
    return SnelleSelect(choices=list(veld.choices)).render(naam, None)


@pytest.mark.usefixtures("keuzes")
@pytest.mark.parametrize(
    ("filterset", "queryset", "naam", "label"),
    [
        (VerhaalFilter, Verhaal.objects.all(), "thema", Thema.volledige_naam.fget),
        (VerhaalFilter, Verhaal.objects.all(), "project", str),
        (VerhaalFilter, Verhaal.objects.all(), "werkteam", str),
        (FragmentFilter, Fragment.objects.all(), "wijk", str),
        (FragmentFilter, Fragment.objects.all(), "project", str),
    ],
)
def test_options_are_those_of_the_fields_queryset(filterset, queryset, naam, label):
    veld = filterset(None, queryset=queryset).form.fields[naam]

    html = veld.widget.render(naam, None)

    assert html == _zoals_de_queryset(veld, naam, label)
    assert html.count("<option") >= 2


@pytest.mark.usefixtures("keuzes")
def test_the_story_filter_form_reads_each_list_once(django_assert_num_queries):
    filterset = VerhaalFilter(None, queryset=Verhaal.objects.all())

    with django_assert_num_queries(4):  # themes, wijken, projects, werkteams
        html = str(filterset.form)

    assert "Buurtnetwerken" in html
    argwaan = Thema.objects.get(slug="argwaan")
    assert f'<option value="argwaan">{argwaan.volledige_naam}</option>' in html


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
def test_a_chosen_option_is_selected_and_checked_against_the_database():
    geldig = VerhaalFilter({"project": "buurtnetwerken"}, queryset=Verhaal.objects.all())
    onbekend = VerhaalFilter({"project": "bestaat-niet"}, queryset=Verhaal.objects.all())
    wijk = Wijk.objects.get(slug="feijenoord")
    op_wijk = FragmentFilter({"wijk": str(wijk.pk)}, queryset=Fragment.objects.all())

    assert geldig.form.is_valid()
    assert 'value="buurtnetwerken" selected' in str(geldig.form)
    assert not onbekend.form.is_valid()
    assert f'value="{wijk.pk}" selected' in str(op_wijk.form)
