"""The one visibility rule on the coding pages: every role × every consent
level, for every codebook page that shows fragments, counts or stories
(index counts, fragments of a code and their CSV, matrix and co-occurrence
with their CSVs) and for the fragment pages of a story."""

import csv
import io

import pytest
from django.urls import reverse

from kennisagenda.models import Thema
from tests.verhalen.factories import FragmentFactory, VerhaalFactory

pytestmark = pytest.mark.django_db

ALLE = ["onderzoek", "brede_raad", "openbaar", "ingetrokken"]
# Who may open the codebook at all, and which consent levels they then see.
ZICHTBAAR = {
    "anoniem": None,
    "gewone_gebruiker": None,
    "coordinator": None,
    "raadslid": None,
    "onderzoeker": {"onderzoek", "brede_raad", "openbaar"},
    "beheerder": {"onderzoek", "brede_raad", "openbaar"},
}
ROLLEN = list(ZICHTBAAR)
# Each story gets its own teller type, so a matrix column names its consent.
VERTELLER = {
    "onderzoek": ("bewoner", "Rotterdammer / bewoner"),
    "brede_raad": ("professional", "Professional"),
    "openbaar": ("beleidsmaker", "Beleidsmaker"),
    "ingetrokken": ("mantelzorger", "Mantelzorger"),
}


@pytest.fixture
def verhalen(db):
    """One story per consent level, each with one fragment coded maatwerk + vertrouwen."""
    codes = [Thema.objects.get(slug="maatwerk"), Thema.objects.get(slug="vertrouwen")]
    verhalen = {}
    for toestemming in ALLE:
        verhaal = VerhaalFactory(
            titel=f"Verhaal-{toestemming}",
            toestemming=toestemming,
            verteller_type=VERTELLER[toestemming][0],
        )
        verhaal.fragment = FragmentFactory(verhaal=verhaal, start=0, eind=20, codes=codes)
        verhalen[toestemming] = verhaal
    return verhalen


def _geweigerd(response, rol):
    if rol == "anoniem":
        return response.status_code == 302 and response.url.startswith(reverse("login"))
    return response.status_code == 403


def _csv(response):
    inhoud = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(inhoud)))


def _titels(toestemmingen):
    return {f"Verhaal-{toestemming}" for toestemming in toestemmingen}


@pytest.mark.parametrize("rol_client", ROLLEN, indirect=True)
def test_index_counts_only_visible_fragments(rol_client, verhalen):
    response = rol_client.get(reverse("codeboek:index"))
    zichtbaar = ZICHTBAAR[rol_client.rol]
    if zichtbaar is None:
        assert _geweigerd(response, rol_client.rol)
        return
    aantallen = {knoop.thema.slug: knoop.aantal for knoop in response.context["boom"]}
    assert (aantallen["maatwerk"], aantallen["vertrouwen"]) == (len(zichtbaar), len(zichtbaar))


@pytest.mark.parametrize("rol_client", ROLLEN, indirect=True)
def test_fragments_of_a_code_list_only_visible_stories(rol_client, verhalen):
    response = rol_client.get(reverse("codeboek:detail", args=["maatwerk"]))
    zichtbaar = ZICHTBAAR[rol_client.rol]
    if zichtbaar is None:
        assert _geweigerd(response, rol_client.rol)
        return
    assert {fragment.verhaal.titel for fragment in response.context["pagina"]} == _titels(zichtbaar)
    assert "Verhaal-ingetrokken" not in response.content.decode()


@pytest.mark.parametrize("rol_client", ROLLEN, indirect=True)
def test_fragment_export_holds_only_visible_stories(rol_client, verhalen):
    response = rol_client.get(reverse("codeboek:export", args=["maatwerk"]))
    zichtbaar = ZICHTBAAR[rol_client.rol]
    if zichtbaar is None:
        assert _geweigerd(response, rol_client.rol)
        return
    assert {rij["titel"] for rij in _csv(response)} == _titels(zichtbaar)


@pytest.mark.parametrize("rol_client", ROLLEN, indirect=True)
def test_matrix_and_its_csv_count_only_visible_stories(rol_client, verhalen):
    pagina = rol_client.get(reverse("codeboek:matrix"), {"kolom": "verteller_type"})
    bestand = rol_client.get(reverse("codeboek:matrix_export"), {"kolom": "verteller_type"})
    zichtbaar = ZICHTBAAR[rol_client.rol]
    if zichtbaar is None:
        assert _geweigerd(pagina, rol_client.rol)
        assert _geweigerd(bestand, rol_client.rol)
        return
    verwachte_kolommen = {VERTELLER[toestemming][1] for toestemming in zichtbaar}
    tabel = pagina.context["tabel"]
    assert {kolom.label for kolom in tabel.kolommen} == verwachte_kolommen
    maatwerk = next(rij for rij in tabel.rijen if rij.knoop.thema.slug == "maatwerk")
    assert maatwerk.totaal == len(zichtbaar)
    rijen = _csv(bestand)
    assert set(rijen[0]) - {"code", "valt onder", "totaal"} == verwachte_kolommen
    assert next(rij for rij in rijen if rij["code"] == "maatwerk")["totaal"] == str(len(zichtbaar))


@pytest.mark.parametrize("rol_client", ROLLEN, indirect=True)
def test_samenhang_and_its_csv_count_only_visible_stories(rol_client, verhalen):
    pagina = rol_client.get(reverse("codeboek:samenhang"))
    bestand = rol_client.get(reverse("codeboek:samenhang_export"))
    zichtbaar = ZICHTBAAR[rol_client.rol]
    if zichtbaar is None:
        assert _geweigerd(pagina, rol_client.rol)
        assert _geweigerd(bestand, rol_client.rol)
        return
    [paar] = pagina.context["pagina"]
    assert (paar.zelfde_fragment, paar.overlappend, paar.zelfde_verhaal) == (len(zichtbaar),) * 3
    [rij] = _csv(bestand)
    assert (rij["zelfde fragment"], rij["zelfde verhaal"]) == (str(len(zichtbaar)),) * 2


@pytest.mark.parametrize("toestemming", ALLE)
@pytest.mark.parametrize("rol_client", ROLLEN, indirect=True)
@pytest.mark.parametrize("pagina", ["fragment_nieuw", "fragment_bewerken", "fragment_verwijderen"])
def test_fragment_pages_for_each_role_and_consent(rol_client, verhalen, toestemming, pagina):
    verhaal = verhalen[toestemming]
    args = [verhaal.pk] if pagina == "fragment_nieuw" else [verhaal.pk, verhaal.fragment.pk]
    response = rol_client.get(reverse(f"codeboek:{pagina}", args=args))
    zichtbaar = ZICHTBAAR[rol_client.rol]
    if zichtbaar is None:
        assert _geweigerd(response, rol_client.rol)
    elif toestemming in zichtbaar:
        assert response.status_code == 200
        assert verhaal.titel in response.content.decode()
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("toestemming", ALLE)
@pytest.mark.parametrize("rol_client", ["onderzoeker", "beheerder"], indirect=True)
def test_withdrawn_story_cannot_be_coded_or_its_fragments_changed(
    rol_client, verhalen, toestemming
):
    verhaal = verhalen[toestemming]
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    nieuw = rol_client.post(
        reverse("codeboek:fragment_nieuw", args=[verhaal.pk]),
        {"start": 0, "eind": 5, "codes": [vertrouwen.pk]},
    )
    weg = rol_client.post(
        reverse("codeboek:fragment_verwijderen", args=[verhaal.pk, verhaal.fragment.pk])
    )
    if toestemming == "ingetrokken":
        assert (nieuw.status_code, weg.status_code) == (404, 404)
        assert list(verhaal.fragmenten.values_list("pk", flat=True)) == [verhaal.fragment.pk]
    else:
        assert (nieuw.status_code, weg.status_code) == (302, 302)
        assert [f.citaat for f in verhaal.fragmenten.all()] == [verhaal.tekst[0:5]]
