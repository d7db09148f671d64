"""The cache on a real Redis, as production runs it (REDIS_URL; carelab/settings.py).

The rest of the suite uses a cache in the test process (settings_test.py);
these tests switch to Redis with production's session engine. They
need REDIS_URL (`.ci/run` starts a private Redis) and empty that Redis
database. Without REDIS_URL they are skipped, except in CI, where that is a
failure.
"""

import os

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carelab.settings import SESSION_ENGINE, redis_cache
from kennisagenda import roles
from tests.factories import UserFactory
from tests.helpers import log_in
from tests.kenniscafes.factories import KenniscafeFactory
from tests.verhalen.factories import VerhaalFactory
from verhalen.services import verhalen as verhalen_services

pytestmark = pytest.mark.django_db

LIJST = reverse("verhalen:list")
AGENDA = reverse("kenniscafes:agenda")


@pytest.fixture
def redis(settings):
    url = os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("REDIS_URL is niet gezet: .ci/run start Redis voor deze tests")
        pytest.skip("REDIS_URL is niet gezet")
    settings.CACHES = {"default": {**redis_cache(url), "KEY_PREFIX": "verhalenbank-test"}}
    settings.SESSION_ENGINE = SESSION_ENGINE
    cache.clear()
    yield cache
    cache.clear()


def _sql(client, pad):
    with CaptureQueriesContext(connection) as vastgelegd:
        response = client.get(pad)
    return response, " ".join(q["sql"] for q in vastgelegd.captured_queries)


def test_a_public_page_comes_from_redis_and_a_change_shows_at_once(redis, client):
    cafe = KenniscafeFactory(titel="Oude titel")
    client.get(AGENDA)

    bewaard, sql = _sql(client, AGENDA)
    cafe.titel = "Nieuwe titel"
    cafe.save()

    assert "Oude titel" in bewaard.content.decode()
    assert sql == ""  # page and versions from Redis
    assert redis.get("versie:kenniscafes") is not None
    assert "Nieuwe titel" in client.get(AGENDA).content.decode()


def test_a_logged_in_page_is_made_fresh_with_the_session_from_the_database(
    redis, onderzoeker, client
):
    verhaal = VerhaalFactory(titel="Oude titel")
    log_in(client, onderzoeker)
    client.get(LIJST)

    eerst, sql = _sql(client, LIJST)
    verhalen_services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"titel": "Nieuwe titel"},
        verwachte_versie=verhaal.versie,
        door=onderzoeker,
    )

    assert "Oude titel" in eerst.content.decode()
    assert "django_session" in sql  # never from Redis: a logout there could be missed
    assert "verhalen_verhaal" in sql
    assert "Nieuwe titel" in client.get(LIJST).content.decode()


def test_a_new_role_counts_at_once_with_permissions_in_redis(redis, client):
    user = UserFactory(username="nieuw")
    log_in(client, user)
    assert client.get(LIJST).status_code == 403

    user.groups.add(roles.Group.objects.get(name=roles.ONDERZOEKER))
    log_in(client, user)

    assert client.get(LIJST).status_code == 200
