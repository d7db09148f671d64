"""Content notes: a curator marks an excerpt, a researcher a story; in the
collection the passage is folded behind its note (<details>, no JavaScript),
and the summary says what is folded and why."""

import re

import pytest
from django.core.exceptions import ValidationError

from tests.helpers import log_in
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from verhalen.models import Toestemming

pytestmark = pytest.mark.django_db


def _artikelen(response):
    """Each story's <article> in the collection, as HTML."""
    return re.findall(r'<article class="leesverhaal".*?</article>', response.content.decode(), re.S)


def _tekst(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _gevouwen(artikel):
    """(summary text, folded text) of the article's content note, or None."""
    details = re.search(
        r'<details class="inhoudswaarschuwing">\s*<summary>(.*?)</summary>(.*?)</details>',
        artikel,
        re.S,
    )
    return details and (_tekst(details[1]), _tekst(details[2]))


def test_an_excerpt_with_a_note_is_folded_behind_it_and_others_are_not(client):
    collectie = CollectieFactory(publiek="openbaar")
    gevouwen = CollectieItemFactory(
        collectie=collectie,
        verhaal=VerhaalFactory(toestemming=Toestemming.OPENBAAR, tekst="Hij sloeg de deur dicht."),
        inhoudswaarschuwingen=["geweld", "schulden"],
        inhoudswaarschuwing_anders="uithuiszetting",
    )
    CollectieItemFactory(
        collectie=collectie,
        verhaal=VerhaalFactory(toestemming=Toestemming.OPENBAAR, tekst="Een gewone dag."),
    )
    eerste, tweede = _artikelen(client.get(collectie.get_absolute_url()))

    summary, ingeklapt = _gevouwen(eerste)
    assert "<details open" not in eerste
    assert summary == (
        "Inhoudswaarschuwing: dit verhaal gaat over geweld, schulden, uithuiszetting. "
        "De tekst is ingeklapt. Kies dit om het verhaal toch te lezen."
    )
    # The text is inside the folded part, not before it.
    assert "Hij sloeg de deur dicht." in ingeklapt
    assert "Hij sloeg" not in eerste.split("<details")[0]
    assert gevouwen.verhaal.titel in eerste.split("<details")[0]
    assert _gevouwen(tweede) is None
    assert "Een gewone dag." in _tekst(tweede)


def test_a_story_note_folds_it_in_every_collection_and_names_chosen_excerpts(client):
    verhaal = VerhaalFactory(
        toestemming=Toestemming.OPENBAAR,
        tekst="Ik dacht aan zelfdoding. Toen belde mijn zus.",
        inhoudswaarschuwingen=["zelfdoding"],
    )
    fragment = FragmentFactory(verhaal=verhaal, start=0, eind=24)
    collectie = CollectieFactory(publiek="openbaar")
    CollectieItemFactory(collectie=collectie, verhaal=verhaal, fragmenten=[fragment])
    (artikel,) = _artikelen(client.get(collectie.get_absolute_url()))
    summary, ingeklapt = _gevouwen(artikel)
    assert summary.startswith(
        "Inhoudswaarschuwing: de gekozen stukken uit dit verhaal gaan over zelfdoding."
    )
    assert "Ik dacht aan zelfdoding." in ingeklapt


def test_the_curator_sets_an_excerpts_note_in_the_item_form(client, onderzoeker, raadslid):
    collectie = CollectieFactory(publiek="brede_raad", slug="wachten")
    item = CollectieItemFactory(collectie=collectie)
    log_in(client, onderzoeker)
    url = f"/collecties/wachten/verhalen/{item.pk}/"
    pagina = client.get(url).content.decode()
    assert 'name="inhoudswaarschuwingen" value="geweld"' in pagina
    response = client.post(
        url,
        {"notitie": "", "inhoudswaarschuwingen": ["verslaving"], "inhoudswaarschuwing_anders": ""},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.inhoudsnotities == ["verslaving"]
    fout = client.post(url, {"notitie": "", "inhoudswaarschuwingen": ["iets-anders"]})
    assert fout.status_code == 200
    assert "Selecteer een geldige keuze" in fout.content.decode()

    log_in(client, raadslid)
    (artikel,) = _artikelen(client.get(collectie.get_absolute_url()))
    assert "gaat over verslaving" in _gevouwen(artikel)[0]


def test_the_item_form_is_for_curators_only(client, raadslid):
    item = CollectieItemFactory(collectie=CollectieFactory(slug="wachten"))
    log_in(client, raadslid)
    url = f"/collecties/wachten/verhalen/{item.pk}/"
    assert client.post(url, {"inhoudswaarschuwingen": ["geweld"]}).status_code == 403
    item.refresh_from_db()
    assert item.inhoudswaarschuwingen == []


def test_only_known_notes_can_be_stored():
    verhaal = VerhaalFactory(inhoudswaarschuwingen=["geweld", "<script>"])
    with pytest.raises(ValidationError):
        verhaal.full_clean()
    verhaal.inhoudswaarschuwingen = ["geweld", "geweld"]
    with pytest.raises(ValidationError):
        verhaal.full_clean()
    verhaal.inhoudswaarschuwingen = ["geweld"]
    verhaal.full_clean()


def test_a_free_text_note_is_escaped(client):
    collectie = CollectieFactory(publiek="openbaar")
    CollectieItemFactory(
        collectie=collectie, inhoudswaarschuwing_anders="<script>alert(1)</script>"
    )
    inhoud = client.get(collectie.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in inhoud
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in inhoud
