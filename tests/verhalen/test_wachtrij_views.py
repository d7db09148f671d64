"""The collector's pages (/verzamelen/) and the researchers' review queue
(/verhalen/wachtrij/): every permission from both sides, the whole way of a
collector's story through the queue, and the lists' query counts."""

import pytest
from django.urls import reverse

from kennisagenda import roles
from tests.factories import UserFactory
from tests.helpers import log_in
from verhalen.forms.verhaal import VerhaalForm
from verhalen.models import Beoordeling, Verhaal
from verhalen.services import wachtrij

pytestmark = pytest.mark.django_db

TEKST = "Een verzonnen voorbeeld over wachten op de gemeente en een buurvrouw die hielp."


def _breng_in(door, titel="Ingebracht verhaal", tekst=TEKST):
    return wachtrij.breng_in(
        gegevens={"titel": titel, "tekst": tekst, "toestemming": "brede_raad"}, door=door
    )


def _formulier(**velden):
    return {
        "titel": "Wachten op hulp",
        "tekst": TEKST,
        "samenvatting": "",
        "verteller_type": "bewoner",
        "pseudoniem": "Buurvrouw uit Zuid",
        "leeftijdscategorie": "",
        "gemeente": "rotterdam",
        "wijk": "",
        "verzamelwijze": "interview",
        "verzameld_op": "",
        "toestemming": "brede_raad",
        "toestemming_datum": "",
        "inhoudswaarschuwingen": ["schulden"],
        "inhoudswaarschuwing_anders": "",
    } | velden


# --- Who may open what ------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/verzamelen/", "/verzamelen/nieuw/", "/verhalen/wachtrij/"],
)
def test_anonymous_visitors_are_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("rol", ["raadslid", "coordinator", "gewone_gebruiker", "onderzoeker"])
def test_only_collectors_have_collectors_pages(request, client, rol):
    log_in(client, request.getfixturevalue(rol))
    assert client.get("/verzamelen/").status_code == 403
    assert client.get("/verzamelen/nieuw/").status_code == 403


@pytest.mark.parametrize("rol", ["raadslid", "coordinator", "gewone_gebruiker", "verzamelaar"])
def test_only_reviewers_see_the_queue(request, client, verzamelaar, rol):
    verhaal = _breng_in(verzamelaar)
    log_in(client, request.getfixturevalue(rol))
    assert client.get("/verhalen/wachtrij/").status_code == 403
    assert client.get(f"/verhalen/wachtrij/{verhaal.pk}/").status_code == 403
    assert client.post(f"/verhalen/wachtrij/{verhaal.pk}/", {}).status_code == 403
    verhaal.refresh_from_db()
    assert verhaal.beoordeling == Beoordeling.WACHTRIJ


@pytest.mark.parametrize(
    "url",
    ["/verhalen/", "/verhalen/nieuw/", "/verhalen/export.csv", "/codeboek/", "/verhalen/1/"],
)
def test_a_collector_cannot_read_the_bank_code_or_export(verzamelaar_client, verzamelaar, url):
    _breng_in(verzamelaar)
    assert verzamelaar_client.get(url).status_code == 403


def test_a_collector_cannot_code_their_own_story(verzamelaar_client, verzamelaar):
    verhaal = _breng_in(verzamelaar)
    response = verzamelaar_client.post(
        reverse("codeboek:fragment_nieuw_json", args=[verhaal.pk]),
        {"start": 0, "eind": 5, "codes": []},
    )
    assert response.status_code == 403
    assert not verhaal.fragmenten.exists()


def test_a_collector_sees_only_the_stories_they_entered(verzamelaar_client, verzamelaar):
    eigen = _breng_in(verzamelaar, titel="Mijn eigen verhaal")
    ander = _breng_in(
        UserFactory(username="ander", role=roles.VERZAMELAAR), titel="Verhaal van een ander"
    )
    lijst = verzamelaar_client.get("/verzamelen/")
    assert [v.titel for v in lijst.context["pagina"]] == ["Mijn eigen verhaal"]
    assert "Verhaal van een ander" not in lijst.content.decode()
    assert verzamelaar_client.get(f"/verzamelen/{eigen.pk}/").status_code == 200
    assert verzamelaar_client.get(f"/verzamelen/{ander.pk}/").status_code == 404
    assert verzamelaar_client.get(f"/verzamelen/{ander.pk}/aanpassen/").status_code == 404


# --- A collector's story through the queue ---------------------------------------------


def test_a_collectors_story_goes_through_the_queue(client, verzamelaar, onderzoeker):
    log_in(client, verzamelaar)
    response = client.post("/verzamelen/nieuw/", _formulier())
    verhaal = Verhaal.objects.get()
    assert response["Location"] == f"/verzamelen/{verhaal.pk}/"
    assert (verhaal.beoordeling, verhaal.verzameld_door, verhaal.inhoudswaarschuwingen) == (
        Beoordeling.WACHTRIJ,
        verzamelaar,
        ["schulden"],
    )

    log_in(client, onderzoeker)
    assert [v.titel for v in client.get("/verhalen/wachtrij/").context["pagina"]] == [
        "Wachten op hulp"
    ]
    terug = client.post(
        f"/verhalen/wachtrij/{verhaal.pk}/terugsturen/", {"notitie": "Noem de wijk niet."}
    )
    assert terug.status_code == 302

    log_in(client, verzamelaar)
    pagina = client.get(f"/verzamelen/{verhaal.pk}/").content.decode()
    assert "Noem de wijk niet." in pagina
    verhaal.refresh_from_db()
    aangepast = client.post(
        f"/verzamelen/{verhaal.pk}/aanpassen/",
        _formulier(tekst=TEKST + " Zonder wijk.", versie=verhaal.versie),
    )
    assert aangepast.status_code == 302
    verhaal.refresh_from_db()
    assert (verhaal.beoordeling, verhaal.beoordeling_notitie) == (Beoordeling.WACHTRIJ, "")

    log_in(client, onderzoeker)
    assert client.get(f"/verhalen/{verhaal.pk}/").status_code == 404
    opgenomen = client.post(
        f"/verhalen/wachtrij/{verhaal.pk}/",
        {
            "titel": verhaal.titel,
            "tekst": verhaal.tekst,
            "samenvatting": "",
            "pseudoniem": verhaal.pseudoniem,
            "toestemming": "openbaar",
            "inhoudswaarschuwingen": ["schulden"],
            "inhoudswaarschuwing_anders": "",
            "versie": verhaal.versie,
        },
    )
    assert opgenomen["Location"] == f"/verhalen/{verhaal.pk}/"
    verhaal.refresh_from_db()
    assert (verhaal.beoordeling, verhaal.toestemming, verhaal.toestemming_vastgelegd_door) == (
        Beoordeling.OPGENOMEN,
        "openbaar",
        onderzoeker,
    )
    assert client.get(f"/verhalen/{verhaal.pk}/").status_code == 200

    # Taken in: the collector still sees it, marked so, and can no longer change it.
    log_in(client, verzamelaar)
    assert "Opgenomen" in client.get(f"/verzamelen/{verhaal.pk}/").content.decode()
    client.post(f"/verzamelen/{verhaal.pk}/aanpassen/", _formulier(titel="Later veranderd"))
    verhaal.refresh_from_db()
    assert verhaal.titel == "Wachten op hulp"


def test_review_shows_the_privacy_check_and_asks_to_confirm(onderzoeker_client, verzamelaar):
    verhaal = _breng_in(verzamelaar, tekst="Bel Jan de Vries op 06-12345678 als het niet gaat.")
    pagina = onderzoeker_client.get(f"/verhalen/wachtrij/{verhaal.pk}/")
    inhoud = pagina.content.decode()
    assert '<mark class="privacy-vondst" title="telefoonnummer">06-12345678</mark>' in inhoud
    controle = pagina.context["privacy"]
    gegevens = {
        "titel": verhaal.titel,
        "tekst": verhaal.tekst,
        "samenvatting": "",
        "pseudoniem": "",
        "toestemming": "onderzoek",
        "versie": verhaal.versie,
    }
    # Without confirming the spots, nothing is taken in.
    onderzoeker_client.post(f"/verhalen/wachtrij/{verhaal.pk}/", gegevens)
    verhaal.refresh_from_db()
    assert verhaal.beoordeling == Beoordeling.WACHTRIJ
    # Corrected in the review form: taken in without a warning.
    onderzoeker_client.post(
        f"/verhalen/wachtrij/{verhaal.pk}/",
        gegevens | {"tekst": "Bel [naam] op [telefoonnummer] als het niet gaat."},
    )
    verhaal.refresh_from_db()
    assert (verhaal.beoordeling, verhaal.tekst) == (
        Beoordeling.OPGENOMEN,
        "Bel [naam] op [telefoonnummer] als het niet gaat.",
    )
    assert controle.aantal >= 2


def test_review_taken_in_despite_the_check_when_confirmed(onderzoeker_client, verzamelaar):
    verhaal = _breng_in(verzamelaar, tekst="Mijn buurman Piet Jansen hielp mij.")
    controle = onderzoeker_client.get(f"/verhalen/wachtrij/{verhaal.pk}/").context["privacy"]
    onderzoeker_client.post(
        f"/verhalen/wachtrij/{verhaal.pk}/",
        {
            "titel": verhaal.titel,
            "tekst": verhaal.tekst,
            "pseudoniem": "",
            "toestemming": "onderzoek",
            "versie": verhaal.versie,
            "privacy_akkoord": controle.vingerafdruk,
        },
    )
    verhaal.refresh_from_db()
    assert verhaal.beoordeling == Beoordeling.OPGENOMEN


def test_sending_back_needs_a_note(onderzoeker_client, verzamelaar):
    verhaal = _breng_in(verzamelaar)
    response = onderzoeker_client.post(
        f"/verhalen/wachtrij/{verhaal.pk}/terugsturen/", {"notitie": ""}
    )
    assert response.status_code == 200
    assert "Schrijf erbij wat de verzamelaar moet aanpassen." in response.content.decode()
    verhaal.refresh_from_db()
    assert verhaal.beoordeling == Beoordeling.WACHTRIJ


def test_a_submission_is_thrown_away_only_when_confirmed(onderzoeker_client):
    verhaal = wachtrij.stuur_in(gegevens={"titel": "Koop nu", "tekst": "Goedkope pillen"})
    onderzoeker_client.post(f"/verhalen/wachtrij/{verhaal.pk}/weggooien/")
    assert Verhaal.objects.filter(pk=verhaal.pk).exists()
    onderzoeker_client.post(f"/verhalen/wachtrij/{verhaal.pk}/weggooien/", {"bevestig": "1"})
    assert not Verhaal.objects.filter(pk=verhaal.pk).exists()


def test_the_story_form_offers_collectors_as_collected_by(onderzoeker, verzamelaar, raadslid):
    aangeboden = set(VerhaalForm().fields["verzameld_door"].queryset)
    assert {onderzoeker, verzamelaar} <= aangeboden
    assert raadslid not in aangeboden


def test_the_navigation_offers_collectors_their_own_stories(client, verzamelaar, onderzoeker):
    log_in(client, verzamelaar)
    assert 'href="/verzamelen/"' in client.get("/").content.decode()
    log_in(client, onderzoeker)
    assert 'href="/verzamelen/"' not in client.get("/").content.decode()


# --- Query counts -------------------------------------------------------------------


@pytest.mark.parametrize("aantal", [1, 3])
def test_queue_list_queries_do_not_grow_with_its_stories(
    onderzoeker_client, verzamelaar, django_assert_num_queries, aantal
):
    for nummer in range(aantal):
        _breng_in(UserFactory(username=f"v{nummer}", role=roles.VERZAMELAAR))
    wachtrij.stuur_in(gegevens={"titel": "Van de website", "tekst": TEKST})
    onderzoeker_client.get("/verhalen/wachtrij/")
    with django_assert_num_queries(7):
        response = onderzoeker_client.get("/verhalen/wachtrij/")
    assert len(response.context["pagina"]) == aantal + 1


@pytest.mark.parametrize("aantal", [1, 3])
def test_collectors_list_queries_do_not_grow_with_their_stories(
    verzamelaar_client, verzamelaar, django_assert_num_queries, aantal
):
    for _ in range(aantal):
        _breng_in(verzamelaar)
    verzamelaar_client.get("/verzamelen/")
    with django_assert_num_queries(8):
        response = verzamelaar_client.get("/verzamelen/")
    assert len(response.context["pagina"]) == aantal
