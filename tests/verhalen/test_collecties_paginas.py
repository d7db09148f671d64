"""The reading page, the list, theme hub and home sections, export — what
readers see, and in how many queries."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kennisagenda.models import Thema
from tests.factories import ThemaFactory
from tests.helpers import log_in
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import (
    CollectieFactory,
    CollectieItemFactory,
    ReflectieFactory,
)
from verhalen.models import Publiek, Toestemming

pytestmark = pytest.mark.django_db

TEKST = "Eerste alinea over de buurt.\n\nTweede alinea: de consulent keek echt naar mij.\nEinde."


def maak_item(collectie, thema, **kwargs):
    verhaal = VerhaalFactory(toestemming=Toestemming.OPENBAAR, tekst=TEKST, **kwargs)
    start = TEKST.index("de consulent")
    eind = start + len("de consulent keek echt naar mij")
    FragmentFactory(verhaal=verhaal, start=start, eind=eind, codes=[thema])
    return CollectieItemFactory(collectie=collectie, verhaal=verhaal, notitie="Kijk hier naar.")


# ---------------------------------------------------------------- reading page


def test_reading_page_shows_story_with_teller_marked_fragment_and_note(client, maatwerk):
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, slug="luisteren", themas=[maatwerk])
    item = maak_item(collectie, maatwerk, titel="Iemand die luisterde", leeftijdscategorie="45-67")

    content = client.get("/collecties/luisteren/").content.decode()

    assert '<h2 id="verhaal-1-titel">Iemand die luisterde</h2>' in content
    assert "<dt>Wie vertelt</dt><dd>Rotterdammer / bewoner</dd>" in content
    assert "<dt>Leeftijd</dt><dd>45 tot 67 jaar</dd>" in content
    assert "<dt>Waar</dt><dd>Rotterdam</dd>" in content
    assert "<p>Eerste alinea over de buurt.</p>" in content
    # The marked stretch carries words (label and hidden start/end), not only a colour.
    assert (
        '<p>Tweede alinea: <mark class="themafragment"><span class="themafragment__label">'
        '<span class="visually-hidden">Begin fragment over </span>maatwerk'
        '<span class="visually-hidden">:</span></span> de consulent keek echt naar mij'
        '<span class="visually-hidden"> (einde fragment)</span></mark>.</p><p>Einde.</p>'
    ) in content
    assert "<p>Kijk hier naar.</p>" in content
    assert '<a href="#verhaal-1">Iemand die luisterde</a>' in content
    assert item.verhaal.pseudoniem not in content, "a pseudonym is for researchers"


def test_each_curators_note_is_a_landmark_named_after_its_story(client, maatwerk):
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, slug="luisteren", themas=[maatwerk])
    maak_item(collectie, maatwerk)
    maak_item(collectie, maatwerk)

    content = client.get("/collecties/luisteren/").content.decode()

    # Screen readers list landmarks by name: "Notitie van de samensteller <title>".
    assert re.findall(r'<aside class="notitie" aria-labelledby="([^"]+)">', content) == [
        "verhaal-1-notitie verhaal-1-titel",
        "verhaal-2-notitie verhaal-2-titel",
    ]


def test_fragments_of_other_themes_are_not_marked(client, maatwerk):
    ander = Thema.objects.get(slug="vertrouwen")
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, slug="luisteren", themas=[maatwerk])
    maak_item(collectie, ander)

    content = client.get("/collecties/luisteren/").content.decode()

    assert 'class="themafragment"><span class="themafragment__label"><span' not in content


def test_subcode_fragments_are_marked_with_their_name(client, maatwerk):
    subcode = ThemaFactory(name="maatwerk in het gesprek", slug="maatwerk-gesprek", parent=maatwerk)
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, slug="luisteren", themas=[maatwerk])
    maak_item(collectie, subcode)

    content = client.get("/collecties/luisteren/").content.decode()

    assert "Begin fragment over </span>maatwerk in het gesprek" in content


def test_chosen_excerpt_replaces_the_full_text(client, maatwerk):
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, slug="luisteren")
    verhaal = VerhaalFactory(toestemming=Toestemming.OPENBAAR, tekst=TEKST)
    fragment = FragmentFactory(verhaal=verhaal, start=0, eind=13)
    CollectieItemFactory(collectie=collectie, verhaal=verhaal, fragmenten=[fragment])

    content = client.get("/collecties/luisteren/").content.decode()

    assert '<blockquote class="leesverhaal__uitsnede"><p>Eerste alinea</p></blockquote>' in content
    assert "de consulent" not in content


def test_previous_and_next_links_between_stories(client):
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, slug="drie")
    for titel in ("Een", "Twee", "Drie"):
        CollectieItemFactory(
            collectie=collectie, verhaal=VerhaalFactory(titel=titel, toestemming="openbaar")
        )

    content = client.get("/collecties/drie/").content.decode()
    midden = content.split('id="verhaal-2"')[1].split("</article>")[0]

    assert '<a href="#verhaal-1" rel="prev">' in midden
    assert '<a href="#verhaal-3" rel="next">' in midden
    assert "Verhaal 2 van 3" in midden
    eerste = content.split('id="verhaal-1"')[1].split("</article>")[0]
    assert 'rel="prev"' not in eerste


def test_one_h1_and_no_skipped_heading_levels(client, raadslid, maatwerk):
    collectie = CollectieFactory(
        publiek=Publiek.OPENBAAR, slug="koppen", themas=[maatwerk], inleiding="# Kop\n\n### Diep"
    )
    maak_item(collectie, maatwerk)
    ReflectieFactory(collectie=collectie, auteur=raadslid)
    log_in(client, raadslid)

    content = client.get("/collecties/koppen/").content.decode()
    main = content.split("<main")[1].split("</main>")[0]

    niveaus = [int(n) for n in re.findall(r"<h([1-6])[ >]", main)]
    assert niveaus.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(niveaus, niveaus[1:], strict=False)), niveaus


def _aantal_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("gebruiker", ["anoniem", "raadslid", "onderzoeker"])
def test_reading_page_queries_do_not_grow_with_items(client, request, maatwerk, gebruiker):
    if gebruiker != "anoniem":
        log_in(client, request.getfixturevalue(gebruiker))
    een = CollectieFactory(publiek=Publiek.OPENBAAR, slug="een", themas=[maatwerk])
    vijf = CollectieFactory(publiek=Publiek.OPENBAAR, slug="vijf", themas=[maatwerk])
    maak_item(een, maatwerk)
    for _ in range(5):
        item = maak_item(vijf, maatwerk)
        item.fragmenten.set([FragmentFactory(verhaal=item.verhaal, start=0, eind=5)])
    ReflectieFactory(collectie=een)
    for _ in range(3):
        ReflectieFactory(collectie=vijf)

    assert _aantal_queries(client, "/collecties/een/") == _aantal_queries(
        client, "/collecties/vijf/"
    )


def test_reading_page_query_count_is_pinned(client, django_assert_num_queries, maatwerk):
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, slug="een", themas=[maatwerk])
    for _ in range(5):
        maak_item(collectie, maatwerk)

    # collection, table of contents, themes and sub-codes (marking), items of
    # the page, chosen fragments, theme fragments, their codes, themes (page)
    with django_assert_num_queries(8):
        client.get("/collecties/een/")


def test_list_queries_do_not_grow_with_collections(client, raadslid, maatwerk):
    log_in(client, raadslid)
    CollectieFactory(publiek=Publiek.OPENBAAR, themas=[maatwerk])
    een = _aantal_queries(client, "/collecties/")
    for _ in range(3):
        collectie = CollectieFactory(publiek=Publiek.BREDE_RAAD, themas=[maatwerk])
        CollectieItemFactory(collectie=collectie)

    assert _aantal_queries(client, "/collecties/") == een


def test_list_counts_only_visible_stories(client):
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, titel="Telt goed")
    CollectieItemFactory(collectie=collectie, verhaal=VerhaalFactory(toestemming="openbaar"))
    CollectieItemFactory(collectie=collectie, verhaal=VerhaalFactory(toestemming="brede_raad"))
    CollectieItemFactory(collectie=collectie, verhaal=VerhaalFactory(toestemming="ingetrokken"))

    response = client.get("/collecties/")

    assert [c.aantal_verhalen for c in response.context["collecties"]] == [1]
    assert "1 verhaal" in response.content.decode()


def test_list_is_paginated_with_accessible_pager(client):
    for nummer in range(13):
        CollectieFactory(publiek=Publiek.OPENBAAR, titel=f"Collectie {nummer:02}")

    eerste = client.get("/collecties/")
    tweede = client.get("/collecties/?pagina=2")

    assert len(eerste.context["collecties"]) == 12
    assert len(tweede.context["collecties"]) == 1
    assert '<nav aria-label="Paginering">' in eerste.content.decode()


def test_navigation_has_collecties_for_everyone(client):
    content = client.get("/collecties/").content.decode()
    assert '<a href="/collecties/" aria-current="page">Collecties</a>' in content


# ------------------------------------------------------------------ theme hub


def test_theme_hub_lists_readable_collections_on_the_theme(client, raadslid, maatwerk):
    CollectieFactory(publiek=Publiek.OPENBAAR, titel="Openbaar maatwerk", themas=[maatwerk])
    CollectieFactory(publiek=Publiek.BREDE_RAAD, titel="Raad maatwerk", themas=[maatwerk])
    CollectieFactory(
        publiek=Publiek.OPENBAAR, titel="Concept maatwerk", themas=[maatwerk], gepubliceerd=False
    )
    CollectieFactory(
        publiek=Publiek.OPENBAAR,
        titel="Over vertrouwen",
        themas=[Thema.objects.get(slug="vertrouwen")],
    )

    anoniem = client.get("/themas/maatwerk/").content.decode()
    log_in(client, raadslid)
    lid = client.get("/themas/maatwerk/").content.decode()

    assert "Collecties over maatwerk" in anoniem
    assert "Openbaar maatwerk" in anoniem
    assert "Raad maatwerk" not in anoniem
    assert "Raad maatwerk" in lid
    assert "Concept maatwerk" not in lid
    assert "Over vertrouwen" not in lid


def _tellingen(response):
    for section in response.context["sections"]:
        if section["template"].endswith("_thema_tellingen.html"):
            context = section["context"]
            return context["aantal_verhalen"], context["aantal_fragmenten"]
    return None


@pytest.fixture
def themaverhalen(maatwerk):
    """Stories on maatwerk at every consent level; only some in collections."""
    verhalen = {
        toestemming: VerhaalFactory(toestemming=toestemming, themas=[maatwerk], tekst=TEKST)
        for toestemming in Toestemming.values
    }
    for verhaal in verhalen.values():
        FragmentFactory(verhaal=verhaal, start=0, eind=10, codes=[maatwerk])
    extra_onderzoek = VerhaalFactory(toestemming="onderzoek", tekst=TEKST)
    FragmentFactory(verhaal=extra_onderzoek, start=0, eind=10, codes=[maatwerk])
    raad = CollectieFactory(publiek=Publiek.BREDE_RAAD, themas=[maatwerk])
    openbaar = CollectieFactory(publiek=Publiek.OPENBAAR)
    CollectieItemFactory(collectie=raad, verhaal=verhalen["brede_raad"])
    CollectieItemFactory(collectie=openbaar, verhaal=verhalen["openbaar"])
    # Lowered later: still an item, but no longer counted anywhere public.
    CollectieItemFactory(collectie=openbaar, verhaal=verhalen["onderzoek"])
    return verhalen


@pytest.mark.parametrize(
    ("gebruiker", "verwacht"),
    [
        # Only stories in collections they can read: never how many restricted ones exist.
        ("anoniem", (1, 1)),
        ("gewone_gebruiker", (1, 1)),
        ("raadslid", (2, 2)),
        # Researchers: every story the rule shows them (not withdrawn).
        ("onderzoeker", (4, 4)),
        # Coordinators see no stories at all: no counts.
        ("coordinator", None),
    ],
)
def test_theme_hub_counts_follow_the_visibility_rule(
    client, request, themaverhalen, gebruiker, verwacht
):
    if gebruiker != "anoniem":
        log_in(client, request.getfixturevalue(gebruiker))

    response = client.get("/themas/maatwerk/")

    assert _tellingen(response) == verwacht


def test_theme_hub_without_anything_readable_shows_no_counts(client, maatwerk):
    VerhaalFactory(toestemming="onderzoek", themas=[maatwerk])
    response = client.get("/themas/maatwerk/")
    assert _tellingen(response) is None
    assert "Verhalen over maatwerk" not in response.content.decode()


# ----------------------------------------------------------------------- home


def test_home_shows_latest_public_collections_only(client, raadslid):
    CollectieFactory(publiek=Publiek.OPENBAAR, titel="Openbare collectie")
    CollectieFactory(publiek=Publiek.BREDE_RAAD, titel="Raadscollectie")
    CollectieFactory(publiek=Publiek.OPENBAAR, titel="Nog concept", gepubliceerd=False)

    content = client.get("/").content.decode()

    assert "Nieuwe collecties" in content
    assert "Openbare collectie" in content
    assert "Raadscollectie" not in content
    assert "Nog concept" not in content


def test_home_without_public_collections_has_no_section(client):
    CollectieFactory(publiek=Publiek.BREDE_RAAD)
    assert "Nieuwe collecties" not in client.get("/").content.decode()


# --------------------------------------------------------------------- export


def test_researcher_exports_collection_with_reflections_as_json(onderzoeker_client, raadslid):
    collectie = CollectieFactory(publiek=Publiek.BREDE_RAAD, slug="wachten", titel="Wachten")
    CollectieItemFactory(
        collectie=collectie,
        verhaal=VerhaalFactory(titel="Zichtbaar", toestemming="brede_raad"),
        notitie="Notitie",
    )
    CollectieItemFactory(
        collectie=collectie, verhaal=VerhaalFactory(titel="Verborgen", toestemming="onderzoek")
    )
    raadslid.first_name, raadslid.last_name = "Rachid", "B."
    raadslid.save()
    ReflectieFactory(collectie=collectie, auteur=raadslid, tekst="Dit moet de gemeente horen.")

    response = onderzoeker_client.get("/collecties/wachten/export.json")

    assert response["Content-Disposition"] == 'attachment; filename="collectie-wachten.json"'
    gegevens = json.loads(response.content)
    assert gegevens["titel"] == "Wachten"
    assert [verhaal["titel"] for verhaal in gegevens["verhalen"]] == ["Zichtbaar"]
    assert gegevens["verhalen"][0]["notitie"] == "Notitie"
    assert [(r["auteur"], r["tekst"]) for r in gegevens["reflecties"]] == [
        ("Rachid B.", "Dit moet de gemeente horen.")
    ]


def test_researcher_exports_collection_as_markdown(onderzoeker_client, raadslid):
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, slug="wachten", titel="Wachten")
    CollectieItemFactory(
        collectie=collectie, verhaal=VerhaalFactory(titel="Anna", toestemming="openbaar")
    )
    ReflectieFactory(collectie=collectie, auteur=raadslid, tekst="Herkenbaar.")

    response = onderzoeker_client.get("/collecties/wachten/export.md")

    tekst = response.content.decode()
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert tekst.startswith("# Wachten\n")
    assert "### 1. Anna" in tekst
    assert "## Reflecties" in tekst
    assert "Herkenbaar." in tekst


def test_export_links_for_readers_with_reflections_not_for_visitors(client, onderzoeker, raadslid):
    CollectieFactory(publiek=Publiek.OPENBAAR, slug="wachten")
    assert "export.json" not in client.get("/collecties/wachten/").content.decode()
    log_in(client, raadslid)
    assert "/collecties/wachten/export.json" in client.get("/collecties/wachten/").content.decode()
    log_in(client, onderzoeker)
    assert "/collecties/wachten/export.json" in client.get("/collecties/wachten/").content.decode()


def test_reading_page_ids_are_unique(client, raadslid, maatwerk):
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, slug="ids", themas=[maatwerk])
    for _ in range(3):
        maak_item(collectie, maatwerk)
    ReflectieFactory(collectie=collectie, auteur=raadslid)
    log_in(client, raadslid)

    content = client.get("/collecties/ids/").content.decode()
    ids = re.findall(r'\sid="([^"]+)"', content)

    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert 'href="#inhoudsopgave"' in content
