"""Reflections on a passage of a story in a collection; one's own export;
the reading guide names only what the collection shows."""

import json

import pytest

from kennisagenda import roles
from tests.factories import UserFactory
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import (
    CollectieFactory,
    CollectieItemFactory,
    ReflectieFactory,
)
from verhalen.models import Publiek, Reflectie, Toestemming

pytestmark = pytest.mark.django_db

TEKST = "Eerste alinea over de buurt.\nTweede alinea: de consulent keek echt naar mij.\nEinde."
TWEEDE = (TEKST.index("Tweede"), TEKST.index("Einde.") - 1)


@pytest.fixture
def collectie():
    collectie = CollectieFactory(slug="buurt", publiek=Publiek.BREDE_RAAD)
    verhaal = VerhaalFactory(tekst=TEKST, toestemming=Toestemming.BREDE_RAAD, titel="De buurt")
    CollectieItemFactory(collectie=collectie, verhaal=verhaal)
    collectie.verhaal = verhaal
    return collectie


def _sleutel(collectie, start, eind):
    return f"{collectie.verhaal.pk}-{start}-{eind}"


def test_member_picks_a_paragraph_from_a_list_without_javascript(raadslid_client, collectie):
    content = raadslid_client.get("/collecties/buurt/").content.decode()
    assert '<label for="id_passage">Over welk stuk gaat het?</label>' in content
    assert f'<option value="{_sleutel(collectie, *TWEEDE)}">Alinea 2: “Tweede alinea' in content
    # Each paragraph links to the form with that paragraph chosen.
    link = f'href="?passage={_sleutel(collectie, *TWEEDE)}#reflectie-formulier"'
    assert link in content
    gekozen = raadslid_client.get(f"/collecties/buurt/?passage={_sleutel(collectie, *TWEEDE)}")
    assert f'<option value="{_sleutel(collectie, *TWEEDE)}" selected>' in gekozen.content.decode()


def test_each_paragraph_link_names_the_paragraph_by_its_own_first_words(
    raadslid_client, collectie, maatwerk
):
    collectie.themas.add(maatwerk)
    FragmentFactory(verhaal=collectie.verhaal, start=TWEEDE[0], eind=TWEEDE[1], codes=[maatwerk])
    content = raadslid_client.get("/collecties/buurt/").content.decode()
    # Not the theme label the marked paragraph begins with.
    assert "(verhaal 1, alinea die begint met “Tweede alinea: de consulent keek echt…”)" in content


def test_member_reflects_on_a_passage_shown_beside_it(raadslid_client, raadslid, collectie):
    response = raadslid_client.post(
        "/collecties/buurt/reflecties/",
        {"passage": _sleutel(collectie, *TWEEDE), "tekst": "Zo hoort het te gaan."},
    )
    reflectie = Reflectie.objects.get()
    assert response.status_code == 302
    assert (reflectie.verhaal, reflectie.start, reflectie.eind, reflectie.auteur) == (
        collectie.verhaal,
        *TWEEDE,
        raadslid,
    )
    content = raadslid_client.get("/collecties/buurt/").content.decode()
    naast = content.split("Tweede alinea: de consulent keek echt naar mij.</p>")[1][:600]
    assert 'class="alinea-reflecties"' in naast
    assert "Zo hoort het te gaan." in naast
    # The reflection links to the story its passage is in.
    assert 'Over dit stuk uit “<a href="#verhaal-1">De buurt</a>”:' in content


def test_a_passage_outside_the_collection_is_refused(raadslid_client, collectie):
    ander = VerhaalFactory(tekst=TEKST, toestemming=Toestemming.BREDE_RAAD)
    response = raadslid_client.post(
        "/collecties/buurt/reflecties/", {"passage": f"{ander.pk}-0-10", "tekst": "Hm."}
    )
    assert response.status_code == 400
    assert "Hm." in response.content.decode()  # nothing typed is lost
    assert not Reflectie.objects.exists()


def test_passage_reflection_not_beside_a_story_whose_consent_was_lowered(
    raadslid_client, raadslid, collectie
):
    ReflectieFactory(
        collectie=collectie, auteur=raadslid, verhaal=collectie.verhaal, start=0, eind=10
    )
    collectie.verhaal.toestemming = Toestemming.ONDERZOEK
    collectie.verhaal.save()
    content = raadslid_client.get("/collecties/buurt/").content.decode()
    assert "Eerste alinea" not in content
    assert "Over een stuk tekst dat niet meer in deze collectie te lezen is." in content


def test_privacy_check_on_a_reflection(raadslid_client, collectie):
    tekst = "Bel haar op 06-12345678."
    response = raadslid_client.post("/collecties/buurt/reflecties/", {"tekst": tekst})
    assert response.status_code == 400
    assert "Dit lijkt op persoonsgegevens: telefoonnummer" in response.content.decode()
    assert not Reflectie.objects.exists()
    raadslid_client.post("/collecties/buurt/reflecties/", {"tekst": tekst, "toch_opslaan": "on"})
    assert Reflectie.objects.get().tekst == tekst


# ------------------------------------------------------------------- exports


def test_own_reflections_exported_as_markdown_and_json(raadslid_client, raadslid, collectie):
    ReflectieFactory(
        collectie=collectie, auteur=raadslid, verhaal=collectie.verhaal, start=0, eind=28
    )
    ReflectieFactory(collectie=collectie, tekst="Van iemand anders.")
    gegevens = json.loads(raadslid_client.get("/collecties/mijn-reflecties.json").content)
    assert [r["tekst"] for r in gegevens["reflecties"]] == ["Dit herken ik uit mijn eigen buurt."]
    assert gegevens["reflecties"][0]["passage"]["tekst"] == "Eerste alinea over de buurt."
    markdown = raadslid_client.get("/collecties/mijn-reflecties.md").content.decode()
    assert "> Eerste alinea over de buurt." in markdown
    assert "Van iemand anders." not in markdown

    collectie.verhaal.toestemming = Toestemming.INGETROKKEN
    collectie.verhaal.save()
    gegevens = json.loads(raadslid_client.get("/collecties/mijn-reflecties.json").content)
    assert gegevens["reflecties"][0]["passage"] == {"vervallen": True}
    assert (
        "Eerste alinea"
        not in raadslid_client.get("/collecties/mijn-reflecties.md").content.decode()
    )


def test_researcher_has_no_reflections_of_their_own_to_export(onderzoeker_client):
    assert onderzoeker_client.get("/collecties/mijn-reflecties.md").status_code == 403


def test_member_exports_a_collection_with_its_reflections(raadslid_client, raadslid, collectie):
    ReflectieFactory(collectie=collectie, auteur=raadslid, tekst="Mijn eigen reflectie.")
    response = raadslid_client.get("/collecties/buurt/export.md")
    assert response.status_code == 200
    assert "Mijn eigen reflectie." in response.content.decode()
    assert "Tweede alinea" in response.content.decode()


# --------------------------------------------------------------- reading guide


def test_reading_guide_names_only_themes_that_are_marked(client, maatwerk, vertrouwen):
    collectie = CollectieFactory(
        slug="gids", publiek=Publiek.OPENBAAR, themas=[maatwerk, vertrouwen]
    )
    verhaal = VerhaalFactory(tekst=TEKST, toestemming=Toestemming.OPENBAAR)
    FragmentFactory(verhaal=verhaal, start=TWEEDE[0], eind=TWEEDE[1], codes=[maatwerk])
    CollectieItemFactory(collectie=collectie, verhaal=verhaal)
    content = client.get("/collecties/gids/").content.decode()
    assert "Stukken tekst over maatwerk hebben een kader." in content
    assert "over vertrouwen" not in content


def test_no_reading_guide_when_nothing_is_marked(client, maatwerk):
    collectie = CollectieFactory(slug="leeg", publiek=Publiek.OPENBAAR, themas=[maatwerk])
    CollectieItemFactory(
        collectie=collectie, verhaal=VerhaalFactory(tekst=TEKST, toestemming=Toestemming.OPENBAAR)
    )
    content = client.get("/collecties/leeg/").content.decode()
    assert "hebben een kader" not in content


def test_reflection_beside_a_passage_is_escaped_and_shortened(raadslid_client, collectie):
    auteur = UserFactory(first_name="<b>Piet</b>", last_name="", role=roles.BREDE_RAAD)
    woorden = " ".join(f"woord{nummer}" for nummer in range(30))
    ReflectieFactory(
        collectie=collectie,
        auteur=auteur,
        verhaal=collectie.verhaal,
        start=TWEEDE[0],
        eind=TWEEDE[1],
        tekst=f"<script>alert(1)</script> {woorden}",
    )

    content = raadslid_client.get("/collecties/buurt/").content.decode()
    naast = content.split('<aside class="alinea-reflecties"')[1].split("</aside>")[0]

    assert "Reflectie van &lt;b&gt;Piet&lt;/b&gt;</a>: &lt;script&gt;alert(1)" in naast
    assert "<script>" not in naast
    assert "woord23 …</li>" in naast
