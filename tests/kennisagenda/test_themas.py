import pytest
from django.core.exceptions import ValidationError

from kennisagenda.data import KENNISAGENDA_THEMAS
from kennisagenda.models import Thema
from tests.factories import ThemaFactory

pytestmark = pytest.mark.django_db


def test_kennisagenda_themes_exist_after_migrate():
    slugs = set(Thema.objects.kennisagenda().values_list("slug", flat=True))
    assert {
        "maatwerk",
        "vertrouwen",
        "bestaanszekerheid",
        "integraliteit",
        "zelfredzaamheid",
        "eigen-regie",
        "sociaal-netwerk",
        "complexiteit-en-regeldruk",
        "governance",
    } <= slugs
    assert slugs == {slug for slug, _, _ in KENNISAGENDA_THEMAS}


def test_theme_list_shows_every_main_theme(client):
    response = client.get("/themas/")
    assert response.status_code == 200
    content = response.content.decode()
    for _, name, _ in KENNISAGENDA_THEMAS:
        assert name.capitalize() in content
    assert "<h1>Thema's van de kennisagenda</h1>" in content


def test_theme_hub_shows_description_and_subcodes(client):
    maatwerk = Thema.objects.get(slug="maatwerk")
    ThemaFactory(name="maatwerk in de wijk", slug="maatwerk-in-de-wijk", parent=maatwerk)
    response = client.get("/themas/maatwerk/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Maatwerk</h1>" in content
    assert maatwerk.beschrijving[:40] in content
    assert "maatwerk in de wijk" in content


def test_unknown_theme_gives_404_in_dutch(client):
    response = client.get("/themas/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_subcode_hub_links_back_to_its_parent(client):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    ThemaFactory(name="wantrouwen in instanties", slug="wantrouwen", parent=vertrouwen)
    content = client.get("/themas/wantrouwen/").content.decode()
    assert 'href="/themas/vertrouwen/"' in content


def test_theme_cannot_fall_under_itself():
    maatwerk = Thema.objects.get(slug="maatwerk")
    sub = ThemaFactory(name="sub", slug="sub", parent=maatwerk)
    maatwerk.parent = sub
    with pytest.raises(ValidationError) as excinfo:
        maatwerk.full_clean()
    assert excinfo.value.error_dict["parent"][0].code == "cycle"


def test_theme_changes_are_kept_in_history():
    thema = Thema.objects.get(slug="governance")
    thema.beschrijving = "Nieuwe tekst"
    thema.save()
    assert thema.history.first().beschrijving == "Nieuwe tekst"
