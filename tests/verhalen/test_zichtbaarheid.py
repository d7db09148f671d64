"""The one visibility rule: every role × every consent level, for the
querysets and for every story page of /verhalen/ (list, detail, edit,
history, exports)."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Fragment, Toestemming, Verhaal

pytestmark = pytest.mark.django_db

ALLE = ["onderzoek", "brede_raad", "openbaar", "ingetrokken"]
ZICHTBAAR = {
    "anoniem": {"openbaar"},
    "gewone_gebruiker": {"openbaar"},
    "coordinator": set(),
    "raadslid": {"brede_raad", "openbaar"},
    "onderzoeker": {"onderzoek", "brede_raad", "openbaar"},
    "beheerder": {"onderzoek", "brede_raad", "openbaar"},
}
ROLLEN = list(ZICHTBAAR)
# Who may open the researchers' pages at all.
ONDERZOEKERS = {"onderzoeker", "beheerder"}


@pytest.fixture
def verhalen(db):
    """One story per consent level, each with one fragment; titles = consent."""
    verhalen = {}
    for toestemming in ALLE:
        verhaal = VerhaalFactory(titel=f"Verhaal-{toestemming}", toestemming=toestemming)
        FragmentFactory(verhaal=verhaal)
        verhalen[toestemming] = verhaal
    return verhalen


@pytest.fixture
def gebruiker(request):
    if request.param == "anoniem":
        return AnonymousUser()
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("gebruiker", ROLLEN, indirect=True)
def test_zichtbaar_voor_each_role(gebruiker, verhalen, request):
    rol = request.node.callspec.params["gebruiker"]
    zichtbaar = Verhaal.objects.zichtbaar_voor(gebruiker)
    assert {v.toestemming for v in zichtbaar} == ZICHTBAAR[rol]
    fragmenten = Fragment.objects.zichtbaar_voor(gebruiker).select_related("verhaal")
    assert {f.verhaal.toestemming for f in fragmenten} == ZICHTBAAR[rol]


def test_zichtbaar_voor_none_is_anonymous(verhalen):
    assert [v.titel for v in Verhaal.objects.zichtbaar_voor(None)] == ["Verhaal-openbaar"]


def test_inactive_researcher_sees_only_public(verhalen, onderzoeker):
    onderzoeker.is_active = False
    onderzoeker.save()
    assert {v.toestemming for v in Verhaal.objects.zichtbaar_voor(onderzoeker)} == {"openbaar"}


@pytest.mark.parametrize(
    "publiek, verwacht",
    [("brede_raad", {"brede_raad", "openbaar"}), ("openbaar", {"openbaar"})],
)
def test_met_toestemming_voor(verhalen, publiek, verwacht):
    assert {v.toestemming for v in Verhaal.objects.met_toestemming_voor(publiek)} == verwacht


def test_met_toestemming_voor_rejects_unknown_audience():
    with pytest.raises(ValueError):
        Verhaal.objects.met_toestemming_voor("iedereen")


def test_lowering_consent_hides_at_once(verhalen, raadslid):
    verhaal = verhalen["brede_raad"]
    Verhaal.objects.filter(pk=verhaal.pk).update(toestemming=Toestemming.ONDERZOEK)
    assert {v.titel for v in Verhaal.objects.zichtbaar_voor(raadslid)} == {"Verhaal-openbaar"}


def _verwacht_weigering(response, rol):
    if rol == "anoniem":
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("rol_client", ROLLEN, indirect=True)
def test_list_shows_only_visible_stories(rol_client, verhalen):
    response = rol_client.get(reverse("verhalen:list"))
    if rol_client.rol not in ONDERZOEKERS:
        _verwacht_weigering(response, rol_client.rol)
        return
    assert response.status_code == 200
    titels = {v.titel for v in response.context["pagina"]}
    assert titels == {f"Verhaal-{t}" for t in ZICHTBAAR[rol_client.rol]}
    assert "Verhaal-ingetrokken" not in response.content.decode()


@pytest.mark.parametrize("toestemming", ALLE)
@pytest.mark.parametrize("rol_client", ROLLEN, indirect=True)
@pytest.mark.parametrize("pagina", ["detail", "update", "geschiedenis", "intrekken"])
def test_story_pages_for_each_role_and_consent(rol_client, verhalen, toestemming, pagina):
    verhaal = verhalen[toestemming]
    response = rol_client.get(reverse(f"verhalen:{pagina}", args=[verhaal.pk]))
    if rol_client.rol not in ONDERZOEKERS:
        _verwacht_weigering(response, rol_client.rol)
    elif toestemming in ZICHTBAAR[rol_client.rol]:
        assert response.status_code == 200
        assert verhaal.titel in response.content.decode()
    else:
        # A link to a withdrawn story says why it is gone, showing nothing of it.
        withdrawn_notice = toestemming == "ingetrokken" and pagina in ("detail", "update")
        assert response.status_code == (410 if withdrawn_notice else 404)
        assert verhaal.titel not in response.content.decode()


@pytest.mark.parametrize("rol_client", ROLLEN, indirect=True)
@pytest.mark.parametrize("formaat", ["csv", "json"])
def test_exports_hold_only_visible_stories(rol_client, verhalen, formaat):
    response = rol_client.get(reverse(f"verhalen:export_{formaat}"))
    if rol_client.rol not in ONDERZOEKERS:
        _verwacht_weigering(response, rol_client.rol)
        return
    inhoud = b"".join(response.streaming_content).decode("utf-8-sig")
    if formaat == "json":
        titels = {item["titel"] for item in json.loads(inhoud)["verhalen"]}
    else:
        titels = {rij["titel"] for rij in csv.DictReader(io.StringIO(inhoud))}
    assert titels == {f"Verhaal-{t}" for t in ZICHTBAAR[rol_client.rol]}


@pytest.mark.parametrize("rol_client", ROLLEN, indirect=True)
def test_create_page_only_for_researchers(rol_client):
    response = rol_client.get(reverse("verhalen:create"))
    if rol_client.rol not in ONDERZOEKERS:
        _verwacht_weigering(response, rol_client.rol)
    else:
        assert response.status_code == 200
        assert "Nieuw verhaal invoeren" in response.content.decode()


@pytest.mark.parametrize("rol_client", ROLLEN, indirect=True)
def test_search_never_finds_a_hidden_story(rol_client, verhalen):
    response = rol_client.get(reverse("verhalen:list"), {"q": "Verhaal"})
    if rol_client.rol not in ONDERZOEKERS:
        _verwacht_weigering(response, rol_client.rol)
        return
    assert {v.titel for v in response.context["pagina"]} == {
        f"Verhaal-{t}" for t in ZICHTBAAR[rol_client.rol]
    }
