"""Pages kept per session (carelab/sessiepagina.py) and permissions kept
between requests (carelab/rechten.py): served again only while true."""

import re
import time

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from carelab import roles
from carelab.models import Thema
from carelab.sessieduur import BEWAARDE_INVOER, LAATST_ACTIEF
from carelab.templatetags.opmaak import TEKSTGROOTTE_COOKIE
from tests.factories import UserFactory
from tests.helpers import log_in
from tests.verhalen.factories import VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from verhalen.models import Handeling, Inzage, Toestemming
from verhalen.models.collectie import Publiek
from verhalen.services import verhalen as verhalen_services

pytestmark = pytest.mark.django_db

LIJST = reverse("verhalen:list")


def _sql(client, pad, **extra):
    """(response, the SQL it ran)."""
    with CaptureQueriesContext(connection) as vastgelegd:
        response = client.get(pad, **extra)
    return response, [q["sql"] for q in vastgelegd.captured_queries]


def _warm(client, pad):
    """The first page sets the CSRF cookie; the second is made and kept."""
    client.get(pad)
    return client.get(pad)


def _leest_verhalen(sql):
    return any('"verhalen_verhaal"' in query and "INSERT" not in query for query in sql)


def test_the_same_page_again_comes_from_the_cache_without_reading_stories(onderzoeker_client):
    VerhaalFactory(titel="Een verhaal over de buurt")
    eerste = _warm(onderzoeker_client, LIJST)

    tweede, sql = _sql(onderzoeker_client, LIJST)

    assert tweede.status_code == 200
    assert "Een verhaal over de buurt" in tweede.content.decode()
    assert tweede.content == eerste.content
    assert not _leest_verhalen(sql)


def test_a_page_made_fresh_reads_the_stories(onderzoeker_client):
    """The other side: without a kept copy (first view, no CSRF cookie yet) the view runs."""
    VerhaalFactory(titel="Een verhaal over de buurt")

    _response, sql = _sql(onderzoeker_client, LIJST)

    assert _leest_verhalen(sql)


def test_an_edited_story_shows_at_once(onderzoeker_client, onderzoeker):
    verhaal = VerhaalFactory(titel="Oude titel")
    _warm(onderzoeker_client, LIJST)

    verhalen_services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"titel": "Nieuwe titel"},
        verwachte_versie=verhaal.versie,
        door=onderzoeker,
    )
    html = onderzoeker_client.get(LIJST).content.decode()

    assert "Nieuwe titel" in html
    assert "Oude titel" not in html


def test_withdrawn_consent_removes_the_story_from_a_kept_page_and_its_own_page(
    onderzoeker_client, onderzoeker
):
    verhaal = VerhaalFactory(titel="Ingetrokken straks")
    detail = verhaal.get_absolute_url()
    _warm(onderzoeker_client, LIJST)
    _warm(onderzoeker_client, detail)

    verhalen_services.trek_toestemming_in(verhaal=verhaal, door=onderzoeker)

    assert "Ingetrokken straks" not in onderzoeker_client.get(LIJST).content.decode()
    assert onderzoeker_client.get(detail).status_code == 410


def test_losing_the_role_closes_a_kept_page_at_once(onderzoeker_client, onderzoeker):
    _warm(onderzoeker_client, LIJST)

    onderzoeker.groups.clear()

    assert onderzoeker_client.get(LIJST).status_code == 403


def test_gaining_a_role_opens_the_page_at_once(client):
    """Permissions are kept between requests too; a new role counts at once."""
    user = UserFactory(username="nieuw")
    log_in(client, user)
    assert client.get(LIJST).status_code == 403

    user.groups.add(roles.Group.objects.get(name=roles.ONDERZOEKER))
    log_in(client, user)  # a researcher must pass the second step

    assert client.get(LIJST).status_code == 200


def _naam(user):
    return f"Ingelogd als <strong>{user.get_full_name() or user.username}</strong>"


def test_another_user_never_gets_someone_elses_kept_page(onderzoeker_client, onderzoeker):
    VerhaalFactory(titel="Een verhaal")
    _warm(onderzoeker_client, LIJST)
    ander = UserFactory(username="tweede", first_name="Tweede", role=roles.ONDERZOEKER)
    andere_client = log_in(Client(), ander)

    _warm(andere_client, LIJST)
    response, sql = _sql(andere_client, LIJST)

    html = response.content.decode()
    assert _naam(ander) in html
    assert _naam(onderzoeker) not in html
    assert not _leest_verhalen(sql)  # its own kept copy


def test_a_page_from_the_cache_is_logged_like_a_fresh_one(onderzoeker_client, onderzoeker):
    verhaal = VerhaalFactory()
    detail = verhaal.get_absolute_url()
    _warm(onderzoeker_client, detail)
    Inzage.objects.all().delete()

    response, sql = _sql(onderzoeker_client, detail)
    onderzoeker_client.get(detail + "?van=lijst")  # another address: made fresh

    assert response.status_code == 200
    assert not _leest_verhalen(sql)
    rijen = list(Inzage.objects.order_by("pk"))
    assert [(r.gebruiker, r.handeling, r.verhaal_nummer) for r in rijen] == [
        (onderzoeker, Handeling.VERHAAL_BEKEKEN, verhaal.pk)
    ] * 2
    assert rijen[1].filters == "van=lijst"


def test_a_waiting_message_is_shown_not_a_kept_page(onderzoeker_client):
    _warm(onderzoeker_client, LIJST)
    # As a redirect after saving leaves it: in the messages cookie.
    onderzoeker_client.cookies["messages"] = CookieStorage(None)._encode(
        [Message(constants.SUCCESS, "Het verhaal is opgeslagen.")]
    )

    html = onderzoeker_client.get(LIJST).content.decode()

    assert "Het verhaal is opgeslagen." in html


def _resterend(response):
    return int(re.search(r'data-sessie-resterend="(\d+)"', response.content.decode())[1])


def test_the_session_timer_on_a_kept_page_is_the_current_one(onderzoeker_client):
    bewaard = _warm(onderzoeker_client, LIJST)
    sessie = onderzoeker_client.session
    # Active 4 minutes ago: not rewritten yet (that happens every 5 minutes).
    sessie[LAATST_ACTIEF] = int(time.time()) - 4 * 60
    sessie.save()

    response, sql = _sql(onderzoeker_client, LIJST)

    assert not _leest_verhalen(sql)
    assert _resterend(bewaard) >= 29 * 60
    assert 25 * 60 <= _resterend(response) <= 26 * 60


def test_input_kept_at_a_logout_is_given_back_not_a_kept_page(raadslid_client):
    collectie = CollectieFactory(publiek=Publiek.BREDE_RAAD, gepubliceerd=True)
    CollectieItemFactory(collectie=collectie, verhaal__toestemming=Toestemming.BREDE_RAAD)
    pad = collectie.get_absolute_url()
    _warm(raadslid_client, pad)
    sessie = raadslid_client.session
    sessie[BEWAARDE_INVOER] = {
        "gebruiker": str(sessie["_auth_user_id"]),
        "pad": pad + "reflecties/nieuw/",
        "pagina": pad,
        "velden": {"tekst": ["Wat ik schreef voor de time-out"]},
        "bewaard_op": int(time.time()),
    }
    sessie.save()

    html = raadslid_client.get(pad).content.decode()

    assert "Wat ik schreef voor de time-out" in html


def test_a_different_text_size_is_a_different_page(onderzoeker_client):
    _warm(onderzoeker_client, LIJST)
    onderzoeker_client.cookies[TEKSTGROOTTE_COOKIE] = "groot"

    response, sql = _sql(onderzoeker_client, LIJST)

    assert _leest_verhalen(sql)
    assert 'data-tekstgrootte="groot"' in response.content.decode()


@pytest.mark.parametrize("aantal", [1, 5])
def test_a_kept_page_costs_only_the_login_checks(
    onderzoeker_client, django_assert_num_queries, aantal
):
    VerhaalFactory.create_batch(aantal)
    _warm(onderzoeker_client, LIJST)

    # session and user; the authenticator of the second step, the permissions
    # and the page come from the cache
    with django_assert_num_queries(2):
        response = onderzoeker_client.get(LIJST)

    assert response.content.decode().count('<li class="verhaal') == aantal


def test_a_removed_authenticator_counts_at_once(onderzoeker_client, onderzoeker):
    """The session's authenticator is read from the cache (carelab/tweestaps/
    middleware.py); removing it (a lost phone) still asks for the second step."""
    _warm(onderzoeker_client, LIJST)
    assert onderzoeker_client.get(LIJST).status_code == 200

    TOTPDevice.objects.filter(user=onderzoeker).delete()
    response = onderzoeker_client.get(LIJST)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("tweestaps:instellen"))


def test_the_theme_hub_is_kept_no_longer_than_until_the_next_cafe_is_over(
    onderzoeker_client, monkeypatch
):
    """It lists the cafés ahead; carelab/cache.levensduur says how long that holds."""
    from carelab import cache

    hub = Thema.objects.get(slug="maatwerk").get_absolute_url()
    _warm(onderzoeker_client, LIJST)
    monkeypatch.setitem(cache._levensduur, "kenniscafes", lambda: 0)  # one is over now
    _warm(onderzoeker_client, hub)

    _response, sql = _sql(onderzoeker_client, hub)
    _lijst, lijst_sql = _sql(onderzoeker_client, LIJST)

    assert any('"carelab_thema"' in query for query in sql)  # made again
    assert not _leest_verhalen(lijst_sql)  # the story list has no such limit
