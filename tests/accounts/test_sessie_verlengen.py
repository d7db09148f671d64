"""Staying logged in and losing nothing when a session ends (WCAG 2.2.1, 2.2.5).

- POST /accounts/sessie/verlengen/ (static/js/sessie.js) starts the
  inactivity clock again; the 8-hour limit stays.
- A POST that arrives after the session ended keeps its text fields
  server-side; after logging in again the form page shows them, filled in,
  and nothing was saved by the late POST.

No sleeping: the clock is moved by putting the session's timestamps back.
"""

import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from accounts.sessieduur import BEWAARDE_INVOER, LAATST_ACTIEF
from kennisagenda.models import Thema
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.helpers import log_in, move_clock
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from tests.verhalen.test_verhaal_views import formulier

pytestmark = pytest.mark.django_db

MINUUT = 60
VERLENGEN = "/accounts/sessie/verlengen/"
TERUG = "Je was uitgelogd. Wat je had ingevuld staat hieronder; controleer het en sla opnieuw op."
NIEUWE_TEKST = "Verzonnen voorbeeld. Een lang verhaal dat ik een uur lang heb zitten typen."


# Keep-alive -------------------------------------------------------------------


def test_verlengen_anonymous_goes_to_login(client):
    response = client.post(VERLENGEN)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_verlengen_only_takes_a_post(raadslid_client):
    assert raadslid_client.get(VERLENGEN).status_code == 405


def test_verlengen_keeps_the_session_past_its_old_end(raadslid_client):
    move_clock(raadslid_client, actief_geleden=28 * MINUUT)

    response = raadslid_client.post(VERLENGEN)

    assert response.status_code == 204
    assert response.content == b""
    # 28 + 29 minutes after the last page: logged in thanks to the keep-alive
    move_clock(raadslid_client, actief_geleden=29 * MINUUT, ingelogd_geleden=57 * MINUUT)
    assertContains(raadslid_client.get("/"), "Uitloggen")


def test_verlengen_writes_the_clock_even_within_five_minutes(raadslid_client):
    move_clock(raadslid_client, actief_geleden=2 * MINUUT)
    voor = int(time.time())

    raadslid_client.post(VERLENGEN)

    assert raadslid_client.session[LAATST_ACTIEF] >= voor


def test_verlengen_after_the_session_ended_is_too_late(raadslid_client):
    move_clock(raadslid_client, actief_geleden=31 * MINUUT)

    response = raadslid_client.post(VERLENGEN)

    assert response["Location"] == "/accounts/login/"
    assert SESSION_KEY not in raadslid_client.session
    assert BEWAARDE_INVOER not in raadslid_client.session


def test_verlengen_never_passes_the_eight_hours(raadslid_client):
    move_clock(raadslid_client, actief_geleden=MINUUT, ingelogd_geleden=8 * 60 * MINUUT + 1)

    response = raadslid_client.post(VERLENGEN)

    assert response["Location"] == "/accounts/login/"
    assert SESSION_KEY not in raadslid_client.session


def test_logged_in_pages_tell_the_script_how_long_the_session_lasts(raadslid_client):
    move_clock(raadslid_client, actief_geleden=4 * MINUUT, ingelogd_geleden=60 * MINUUT)

    html = raadslid_client.get("/").content.decode()

    # 30 - 4 minutes of inactivity left (the stamp is not renewed within 5 minutes)
    resterend = int(html.split('data-sessie-resterend="')[1].split('"')[0])
    maximaal = int(html.split('data-sessie-maximaal="')[1].split('"')[0])
    assert 26 * MINUUT - 2 <= resterend <= 26 * MINUUT
    assert 7 * 60 * MINUUT - 2 <= maximaal <= 7 * 60 * MINUUT
    assert 'data-sessie-verlengen="/accounts/sessie/verlengen/"' in html
    assert '<script src="/static/js/sessie.js" defer></script>' in html
    assert '<meta name="csrf-token" content="' in html


def test_anonymous_pages_have_no_session_script(client):
    html = client.get("/").content.decode()

    assert "data-sessie-resterend" not in html
    assert "sessie.js" not in html
    assert "csrf-token" not in html


def test_halfway_through_the_second_step_there_is_no_session_script(client, onderzoeker):
    log_in(client, onderzoeker, verified=False)

    html = client.get("/accounts/tweestaps/controleren/").content.decode()

    assert "data-sessie-resterend" not in html
    assert "sessie.js" not in html


# Nothing typed is lost ------------------------------------------------------------


@pytest.fixture
def verhaal(onderzoeker):
    return VerhaalFactory(verzameld_door=onderzoeker, titel="Oude titel", tekst="Oude tekst.")


def _late_edit(client, verhaal, **extra):
    move_clock(client, actief_geleden=31 * MINUUT)
    data = formulier(titel="Nieuwe titel", tekst=NIEUWE_TEKST, versie=str(verhaal.versie))
    return client.post(f"/verhalen/{verhaal.pk}/bewerken/", {**data, **extra})


def test_a_late_story_edit_keeps_the_text_and_saves_nothing(onderzoeker_client, verhaal):
    response = _late_edit(onderzoeker_client, verhaal)

    pad = f"/verhalen/{verhaal.pk}/bewerken/"
    assert response["Location"] == f"/accounts/login/?next=%2Fverhalen%2F{verhaal.pk}%2Fbewerken%2F"
    verhaal.refresh_from_db()
    assert (verhaal.titel, verhaal.tekst) == ("Oude titel", "Oude tekst.")
    session = onderzoeker_client.session
    assert SESSION_KEY not in session
    bewaard = session[BEWAARDE_INVOER]
    assert bewaard["pagina"] == bewaard["pad"] == pad
    assert bewaard["velden"]["tekst"] == [NIEUWE_TEKST]
    login_page = onderzoeker_client.get(response["Location"])
    assertContains(
        login_page,
        "Je bent uitgelogd omdat je 30 minuten niets hebt gedaan op de Verhalenbank. Zo kan "
        "niemand anders verder op jouw computer. Log opnieuw in om verder te gaan. Wat je had "
        "ingevuld, is bewaard. Je ziet het terug als je weer bent ingelogd.",
    )
    # the text itself is never in the address or a cookie
    assert "typen" not in response["Location"]
    assert all("typen" not in morsel.value for morsel in onderzoeker_client.cookies.values())


def test_after_logging_in_the_edit_page_shows_what_was_typed(
    onderzoeker_client, onderzoeker, verhaal
):
    _late_edit(onderzoeker_client, verhaal)
    log_in(onderzoeker_client, onderzoeker)

    response = onderzoeker_client.get(f"/verhalen/{verhaal.pk}/bewerken/")

    assertContains(response, TERUG)
    form = response.context["form"]
    assert form["tekst"].value() == NIEUWE_TEKST
    assert form["titel"].value() == "Nieuwe titel"
    assert form["versie"].value() == str(verhaal.versie)
    assertContains(response, NIEUWE_TEKST)
    verhaal.refresh_from_db()
    assert verhaal.tekst == "Oude tekst."
    # used once: the next visit shows the stored story again
    assert BEWAARDE_INVOER not in onderzoeker_client.session
    again = onderzoeker_client.get(f"/verhalen/{verhaal.pk}/bewerken/")
    assertNotContains(again, TERUG)
    assert again.context["form"]["tekst"].value() == "Oude tekst."


def test_saving_the_kept_text_still_meets_the_version_check(
    onderzoeker_client, onderzoeker, verhaal
):
    _late_edit(onderzoeker_client, verhaal)
    # a colleague saves the story meanwhile
    verhaal.titel = "Titel van een collega"
    verhaal.versie += 1
    verhaal.save()
    log_in(onderzoeker_client, onderzoeker)
    form = onderzoeker_client.get(f"/verhalen/{verhaal.pk}/bewerken/").context["form"]
    # what the browser sends back: the filled-in fields (no ticked theme here)
    data = {naam: form[naam].value() or "" for naam in form.fields if form[naam].value() != []}

    response = onderzoeker_client.post(f"/verhalen/{verhaal.pk}/bewerken/", data)

    assert response.status_code == 200
    assert response.context["conflict"] is not None
    verhaal.refresh_from_db()
    assert verhaal.titel == "Titel van een collega"


def test_password_fields_and_the_token_are_never_kept(onderzoeker_client, verhaal):
    _late_edit(
        onderzoeker_client,
        verhaal,
        wachtwoord="Geheim-123",
        password="Geheim-123",
        new_password1="Geheim-123",
        csrfmiddlewaretoken="abc",
    )

    velden = onderzoeker_client.session[BEWAARDE_INVOER]["velden"]
    assert {"wachtwoord", "password", "new_password1", "csrfmiddlewaretoken"}.isdisjoint(velden)
    assert "tekst" in velden


def test_a_late_post_without_a_valid_csrf_token_keeps_nothing(onderzoeker, verhaal):
    client = Client(enforce_csrf_checks=True)
    log_in(client, onderzoeker)
    move_clock(client, actief_geleden=31 * MINUUT)

    response = client.post(f"/verhalen/{verhaal.pk}/bewerken/", formulier(tekst=NIEUWE_TEKST))

    assert response["Location"] == "/accounts/login/"
    assert BEWAARDE_INVOER not in client.session


def test_another_person_logging_in_never_sees_it(onderzoeker_client, verhaal):
    _late_edit(onderzoeker_client, verhaal)
    collega = UserFactory(username="collega", role="onderzoeker")
    log_in(onderzoeker_client, collega)

    response = onderzoeker_client.get(f"/verhalen/{verhaal.pk}/bewerken/")

    assertNotContains(response, TERUG)
    assertNotContains(response, NIEUWE_TEKST)
    assert BEWAARDE_INVOER not in onderzoeker_client.session


def test_logging_in_is_never_kept(raadslid_client):
    move_clock(raadslid_client, actief_geleden=31 * MINUUT)

    raadslid_client.post("/accounts/login/", {"username": "raadslid", "password": DEFAULT_PASSWORD})

    assert BEWAARDE_INVOER not in raadslid_client.session


def test_a_page_without_prefill_lists_the_kept_text_to_copy(
    client, raadslid, coordinator_client, coordinator
):
    move_clock(coordinator_client, actief_geleden=31 * MINUUT)
    response = coordinator_client.post(
        "/admin/kenniscafes/kenniscafe/add/",
        {"titel": "Kenniscafé over wachten", "beschrijving": "Een lange beschrijving."},
    )
    assert response["Location"] == "/accounts/login/?next=%2Faccounts%2Fsessie%2Fbewaard%2F"

    # the real login form, back to where the input waits
    response = coordinator_client.post(
        "/accounts/login/",
        {
            "username": "coordinator",
            "password": DEFAULT_PASSWORD,
            "next": "/accounts/sessie/bewaard/",
        },
        follow=True,
    )

    assert response.redirect_chain == [("/accounts/sessie/bewaard/", 302)]
    assertContains(response, "<h1>Wat je had ingevuld</h1>", html=True)
    assertContains(response, "Een lange beschrijving.")
    assertContains(response, "Kenniscafé over wachten")
    response = coordinator_client.post("/accounts/sessie/bewaard/", follow=True)
    assertContains(response, "Wat je had ingevuld, is weggegooid.")
    assertContains(coordinator_client.get("/accounts/sessie/bewaard/"), "Er is niets bewaard.")


def test_a_reflection_is_shown_on_the_collection_page_after_logging_in(raadslid_client):
    collectie = CollectieFactory(publiek="brede_raad", gepubliceerd=True)
    move_clock(raadslid_client, actief_geleden=31 * MINUUT)
    response = raadslid_client.post(
        f"/collecties/{collectie.slug}/reflecties/", {"tekst": "Wat ik ervan vond."}
    )
    assert response["Location"] == (f"/accounts/login/?next=%2Fcollecties%2F{collectie.slug}%2F")

    response = raadslid_client.post(
        "/accounts/login/",
        {
            "username": "raadslid",
            "password": DEFAULT_PASSWORD,
            "next": f"/collecties/{collectie.slug}/",
        },
        follow=True,
    )

    assertContains(response, TERUG)
    assert response.context["reflectie_form"]["tekst"].value() == "Wat ik ervan vond."
    assert not collectie.reflecties.exists()


def test_a_fragment_memo_comes_back_on_the_fragment_page(onderzoeker_client, onderzoeker):
    verhaal = VerhaalFactory(verzameld_door=onderzoeker)
    fragment = FragmentFactory(verhaal=verhaal, codeur=onderzoeker, memo="Oude memo.")
    code = Thema.objects.get(slug="maatwerk")
    pad = f"/verhalen/{verhaal.pk}/fragmenten/{fragment.pk}/bewerken/"
    move_clock(onderzoeker_client, actief_geleden=31 * MINUUT)
    onderzoeker_client.post(
        pad, {"start": "0", "eind": "20", "codes": [str(code.pk)], "memo": "Een lange memo."}
    )
    log_in(onderzoeker_client, onderzoeker)

    response = onderzoeker_client.get(pad)

    assertContains(response, TERUG)
    form = response.context["codering"]["form"]
    assert form["memo"].value() == "Een lange memo."
    assert form["codes"].value() == [str(code.pk)]
    fragment.refresh_from_db()
    assert fragment.memo == "Oude memo."


def test_a_collection_note_comes_back_on_the_item_page(onderzoeker_client, onderzoeker):
    item = CollectieItemFactory(notitie="Oude notitie.")
    pad = f"/collecties/{item.collectie.slug}/verhalen/{item.pk}/"
    move_clock(onderzoeker_client, actief_geleden=31 * MINUUT)
    onderzoeker_client.post(pad, {"notitie": "Let op hoe er geluisterd wordt."})
    log_in(onderzoeker_client, onderzoeker)

    response = onderzoeker_client.get(pad)

    assertContains(response, TERUG)
    assert response.context["form"]["notitie"].value() == "Let op hoe er geluisterd wordt."
    item.refresh_from_db()
    assert item.notitie == "Oude notitie."


def test_a_collection_introduction_comes_back_on_the_edit_page(onderzoeker_client, onderzoeker):
    collectie = CollectieFactory(inleiding="Oude inleiding.")
    pad = f"/collecties/{collectie.slug}/bewerken/"
    move_clock(onderzoeker_client, actief_geleden=31 * MINUUT)
    onderzoeker_client.post(
        pad,
        {
            "titel": collectie.titel,
            "slug": collectie.slug,
            "publiek": collectie.publiek,
            "inleiding": "Een nieuwe, lange inleiding.",
        },
    )
    log_in(onderzoeker_client, onderzoeker)

    response = onderzoeker_client.get(pad)

    assertContains(response, TERUG)
    assert response.context["form"]["inleiding"].value() == "Een nieuwe, lange inleiding."
    collectie.refresh_from_db()
    assert collectie.inleiding == "Oude inleiding."
