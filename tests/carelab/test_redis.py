"""The cache on a real Redis, as production runs it (REDIS_URL; carelab/settings.py).

The rest of the suite uses a cache in the test process (settings_test.py);
these tests switch to Redis and the session engine that goes with it. They
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

from carelab import cache as versiecache
from carelab import roles
from tests.factories import UserFactory
from tests.helpers import log_in
from tests.verhalen.factories import VerhaalFactory
from verhalen.services import verhalen as verhalen_services

pytestmark = pytest.mark.django_db

LIJST = reverse("verhalen:list")


@pytest.fixture
def redis(settings):
    url = os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("REDIS_URL is niet gezet: .ci/run start Redis voor deze tests")
        pytest.skip("REDIS_URL is niet gezet")
    settings.CACHES = {
        "default": {
            "BACKEND": "carelab.rediscache.GedeeldeRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "verhalenbank-test",
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    cache.clear()
    yield cache
    cache.clear()


def _sql(client, pad):
    with CaptureQueriesContext(connection) as vastgelegd:
        response = client.get(pad)
    return response, " ".join(q["sql"] for q in vastgelegd.captured_queries)


def test_versions_and_kept_results_live_in_redis(redis):
    gemaakt = []

    def maak():
        gemaakt.append(1)
        return {"aantal": len(gemaakt)}

    eerste = versiecache.onthoud("test:aantal", maak, afhankelijk_van=["test"])
    tweede = versiecache.onthoud("test:aantal", maak, afhankelijk_van=["test"])
    versiecache.verhoog("test")
    derde = versiecache.onthoud("test:aantal", maak, afhankelijk_van=["test"])

    assert (eerste, tweede, derde) == ({"aantal": 1}, {"aantal": 1}, {"aantal": 2})
    assert redis.get("versie:test") is not None


def test_a_kept_page_comes_from_redis_and_a_change_shows_at_once(redis, onderzoeker, client):
    verhaal = VerhaalFactory(titel="Oude titel")
    log_in(client, onderzoeker)
    client.get(LIJST)
    client.get(LIJST)

    bewaard, sql = _sql(client, LIJST)
    verhalen_services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"titel": "Nieuwe titel"},
        verwachte_versie=verhaal.versie,
        door=onderzoeker,
    )
    vers = client.get(LIJST).content.decode()

    assert "Oude titel" in bewaard.content.decode()
    # Session, page and permissions from Redis: only the user and the second step.
    assert "django_session" not in sql
    assert "verhalen_verhaal" not in sql
    assert "auth_permission" not in sql
    assert "Nieuwe titel" in vers


def test_a_new_role_counts_at_once_with_permissions_in_redis(redis, client):
    user = UserFactory(username="nieuw")
    log_in(client, user)
    assert client.get(LIJST).status_code == 403

    user.groups.add(roles.Group.objects.get(name=roles.ONDERZOEKER))
    log_in(client, user)

    assert client.get(LIJST).status_code == 200


def test_one_redis_client_serves_every_call(redis):
    backend = redis._cache  # Django's RedisCacheClient, ours: carelab/rediscache.py

    redis.set("test:een", 1)
    redis.get_many(["test:een", "test:twee"])

    assert backend.get_client(write=True) is backend.get_client(write=False)
    assert redis.get("test:een") == 1
