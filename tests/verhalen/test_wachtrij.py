"""The review queue (verhalen/services/wachtrij.py): a collector's story and a
story sent in wait outside the bank until a researcher takes them in; until
then nobody else sees them anywhere (lists, search, exports, collections,
counts, theme pages), and the collector sees only their own."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisagenda import roles
from kennisagenda.models import Thema
from tests.factories import UserFactory
from tests.helpers import log_in
from tests.verhalen.factories import VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from verhalen.models import Beoordeling, Toestemming, Verhaal
from verhalen.services import codering, collecties, tellingen, wachtrij

pytestmark = pytest.mark.django_db

WOORD = "kraanvogeltje"
TEKST = f"Een verzonnen voorbeeld: het {WOORD} van de buurvrouw en het wachten op de gemeente."


def _breng_in(verzamelaar, **velden):
    return wachtrij.breng_in(
        gegevens={"titel": "Ingebracht verhaal", "tekst": TEKST, "toestemming": "openbaar"}
        | velden,
        door=verzamelaar,
    )


@pytest.fixture
def wachtend(verzamelaar):
    return _breng_in(verzamelaar)


def test_a_collectors_story_waits_collected_and_entered_by_them(verzamelaar, wachtend):
    assert wachtend.beoordeling == Beoordeling.WACHTRIJ
    assert wachtend.ingevoerd_door == verzamelaar
    assert wachtend.verzameld_door == verzamelaar
    assert wachtend.history.first().history_user == verzamelaar


def test_a_collector_cannot_choose_another_collector_or_project(verzamelaar, onderzoeker):
    verhaal = _breng_in(verzamelaar, verzameld_door=onderzoeker, beoordeling="opgenomen")
    assert (verhaal.verzameld_door, verhaal.beoordeling) == (verzamelaar, Beoordeling.WACHTRIJ)


@pytest.mark.parametrize(
    "lezer", ["onderzoeker", "raadslid", "anoniem", "coordinator", "beheerder", "verzamelaar"]
)
def test_a_waiting_story_is_in_nobodys_bank(request, wachtend, lezer):
    user = AnonymousUser() if lezer == "anoniem" else request.getfixturevalue(lezer)
    assert not Verhaal.objects.zichtbaar_voor(user).filter(pk=wachtend.pk).exists()


def test_the_queue_shows_reviewers_everything_and_collectors_only_their_own(
    verzamelaar, onderzoeker, raadslid, wachtend
):
    ander = UserFactory(username="andere-verzamelaar", role=roles.VERZAMELAAR)
    van_ander = _breng_in(ander)
    assert set(Verhaal.objects.in_wachtrij_voor(onderzoeker)) == {wachtend, van_ander}
    assert set(Verhaal.objects.in_wachtrij_voor(verzamelaar)) == {wachtend}
    assert set(Verhaal.objects.in_wachtrij_voor(ander)) == {van_ander}
    assert not Verhaal.objects.in_wachtrij_voor(raadslid).exists()
    assert not Verhaal.objects.in_wachtrij_voor(AnonymousUser()).exists()
    # The collector's own pages: what they entered, never a story of someone else.
    VerhaalFactory(toestemming="openbaar")
    assert set(Verhaal.objects.ingevoerd_door(verzamelaar)) == {wachtend}


def test_taking_a_story_in_sets_consent_in_force_and_opens_the_bank(onderzoeker, wachtend):
    opgenomen = wachtrij.neem_op(
        verhaal=wachtend,
        gegevens={"toestemming": "brede_raad", "tekst": TEKST + " Gecorrigeerd."},
        verwachte_versie=wachtend.versie,
        door=onderzoeker,
    )
    assert opgenomen.beoordeling == Beoordeling.OPGENOMEN
    assert opgenomen.toestemming == Toestemming.BREDE_RAAD
    assert opgenomen.toestemming_vastgelegd_door == onderzoeker
    assert opgenomen.tekst.endswith("Gecorrigeerd.")
    assert Verhaal.objects.zichtbaar_voor(onderzoeker).filter(pk=wachtend.pk).exists()
    assert opgenomen.history.first().history_change_reason == "Opgenomen uit de wachtrij"
    # Taken in once: it no longer waits, and cannot be taken in again.
    assert not Verhaal.objects.in_wachtrij_voor(onderzoeker).exists()
    with pytest.raises(ValidationError):
        wachtrij.neem_op(
            verhaal=opgenomen, gegevens={}, verwachte_versie=opgenomen.versie, door=onderzoeker
        )


def test_sent_back_with_a_note_changed_and_waiting_again(verzamelaar, onderzoeker, wachtend):
    with pytest.raises(ValidationError):
        wachtrij.stuur_terug(verhaal=wachtend, notitie="  ", door=onderzoeker)
    terug = wachtrij.stuur_terug(
        verhaal=wachtend, notitie="Haal de straatnaam weg.", door=onderzoeker
    )
    assert (terug.beoordeling, terug.beoordeling_notitie) == (
        Beoordeling.TERUGGESTUURD,
        "Haal de straatnaam weg.",
    )
    # Sent back is not waiting for review: it cannot be taken in until changed.
    with pytest.raises(ValidationError):
        wachtrij.neem_op(
            verhaal=terug, gegevens={}, verwachte_versie=terug.versie, door=onderzoeker
        )
    weer = wachtrij.pas_ingebracht_verhaal_aan(
        verhaal=terug,
        gegevens={"tekst": "Een verzonnen voorbeeld zonder straatnaam."},
        verwachte_versie=terug.versie,
        door=verzamelaar,
    )
    assert (weer.beoordeling, weer.beoordeling_notitie) == (Beoordeling.WACHTRIJ, "")
    assert weer.tekst == "Een verzonnen voorbeeld zonder straatnaam."


def test_a_story_taken_in_cannot_be_changed_through_the_collectors_route(
    verzamelaar, onderzoeker, wachtend
):
    wachtrij.neem_op(
        verhaal=wachtend, gegevens={}, verwachte_versie=wachtend.versie, door=onderzoeker
    )
    wachtend.refresh_from_db()
    with pytest.raises(ValidationError):
        wachtrij.pas_ingebracht_verhaal_aan(
            verhaal=wachtend,
            gegevens={"tekst": "x"},
            verwachte_versie=wachtend.versie,
            door=verzamelaar,
        )


def test_a_submission_cannot_be_sent_back_but_can_be_thrown_away(onderzoeker):
    ingestuurd = wachtrij.stuur_in(gegevens={"titel": "Mijn verhaal", "tekst": TEKST})
    assert (ingestuurd.ingezonden, ingestuurd.ingevoerd_door, ingestuurd.verzamelwijze) == (
        True,
        None,
        "schriftelijk",
    )
    with pytest.raises(ValidationError):
        wachtrij.stuur_terug(verhaal=ingestuurd, notitie="Graag anders.", door=onderzoeker)
    wachtrij.gooi_weg(verhaal=ingestuurd, door=onderzoeker)
    assert not Verhaal.objects.filter(pk=ingestuurd.pk).exists()
    assert not Verhaal.history.filter(id=ingestuurd.pk).exists()


def test_a_collectors_story_cannot_be_thrown_away(onderzoeker, wachtend):
    with pytest.raises(ValidationError):
        wachtrij.gooi_weg(verhaal=wachtend, door=onderzoeker)


def test_a_waiting_story_cannot_go_into_a_collection(onderzoeker, wachtend):
    collectie = CollectieFactory(publiek="openbaar")
    with pytest.raises(ValidationError):
        collecties.voeg_verhaal_toe(collectie=collectie, verhaal=wachtend, door=onderzoeker)


def test_counts_ignore_a_waiting_story_and_count_it_once_taken_in(onderzoeker, raadslid, wachtend):
    thema = Thema.objects.get(slug="maatwerk")
    collectie = CollectieFactory(publiek="brede_raad")
    # Coded while waiting (through the service, as no page offers it): counted nowhere.
    codering.maak_fragment(verhaal=wachtend, start=0, eind=10, codes=[thema], codeur=onderzoeker)
    assert tellingen.voor_code(onderzoeker, thema) == (0, 0)
    wachtend.refresh_from_db()
    opgenomen = wachtrij.neem_op(
        verhaal=wachtend, gegevens={}, verwachte_versie=wachtend.versie, door=onderzoeker
    )
    assert tellingen.voor_code(onderzoeker, thema) == (1, 1)
    collecties.voeg_verhaal_toe(collectie=collectie, verhaal=opgenomen, door=onderzoeker)
    collectie.refresh_from_db()
    assert type(collectie).objects.annotate(n=tellingen.aantal_verhalen(raadslid)).get().n == 1
    tellingen.herbereken()
    assert tellingen.voor_code(onderzoeker, thema) == (1, 1)


def test_waiting_stories_stay_out_after_a_recount(onderzoeker, wachtend):
    thema = Thema.objects.get(slug="maatwerk")
    codering.maak_fragment(verhaal=wachtend, start=0, eind=10, codes=[thema], codeur=onderzoeker)
    tellingen.herbereken()
    assert tellingen.voor_code(onderzoeker, thema) == (0, 0)


# --- Every place a researcher looks: the waiting story is not there ------------


def test_researchers_list_search_and_exports_leave_out_waiting_stories(
    onderzoeker_client, wachtend
):
    VerhaalFactory(titel="In de bank", tekst=TEKST, toestemming="openbaar")
    lijst = onderzoeker_client.get(reverse("verhalen:list"))
    assert [v.titel for v in lijst.context["pagina"]] == ["In de bank"]
    gezocht = onderzoeker_client.get(reverse("verhalen:list"), {"q": WOORD})
    assert [v.titel for v in gezocht.context["pagina"]] == ["In de bank"]
    csv_inhoud = b"".join(
        onderzoeker_client.get(reverse("verhalen:export_csv")).streaming_content
    ).decode("utf-8-sig")
    assert [rij["titel"] for rij in csv.DictReader(io.StringIO(csv_inhoud))] == ["In de bank"]
    json_inhoud = b"".join(
        onderzoeker_client.get(reverse("verhalen:export_json")).streaming_content
    ).decode("utf-8-sig")
    assert [v["titel"] for v in json.loads(json_inhoud)["verhalen"]] == ["In de bank"]
    assert onderzoeker_client.get(reverse("verhalen:detail", args=[wachtend.pk])).status_code == 404


def test_a_waiting_story_forced_into_a_collection_is_not_shown(client, raadslid, wachtend):
    collectie = CollectieFactory(publiek="openbaar")
    CollectieItemFactory(collectie=collectie, verhaal=wachtend)
    log_in(client, raadslid)
    response = client.get(collectie.get_absolute_url())
    assert response.context["leesitems"] == []
    assert WOORD not in response.content.decode()
