"""Fixtures shared by every suite: one user per role, logged-in clients.

The *_client fixtures are logged in AND past the second step of the login
(two-factor authentication, required for researchers and superusers), so
they see pages straight away. To log someone else in, never call a bare
`client.force_login(user)` — a researcher or superuser would be redirected
to the second step on every page. Use `tests.helpers.log_in(client, user)`
instead; `log_in(client, user, verified=False)` leaves the second step to do.
`tests.helpers.totp_code(device)` gives the code an authenticator app shows.
"""

import pytest
from django.core.cache import cache
from hypothesis import settings as hypothesis_settings

from kennisagenda import roles
from tests.factories import UserFactory
from tests.helpers import log_in

# The CI machines are shared and sometimes slow: a property test must fail on
# a wrong answer, never on one example taking longer than 200 ms.
hypothesis_settings.register_profile("verhalenbank", deadline=None)
hypothesis_settings.load_profile("verhalenbank")


@pytest.fixture(autouse=True)
def _lege_cache():
    """Every test starts with an empty cache (settings_test: in this process)."""
    cache.clear()


@pytest.fixture
def onderzoeker(db):
    return UserFactory(username="onderzoeker", role=roles.ONDERZOEKER)


@pytest.fixture
def raadslid(db):
    return UserFactory(username="raadslid", role=roles.BREDE_RAAD)


@pytest.fixture
def coordinator(db):
    user = UserFactory(username="coordinator", role=roles.COORDINATOR)
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def beheerder(db):
    user = UserFactory(username="beheerder")
    user.is_staff = user.is_superuser = True
    user.save()
    return user


@pytest.fixture
def verzamelaar(db):
    """A collector: enters stories that wait for review, sees only their own."""
    return UserFactory(username="verzamelaar", role=roles.VERZAMELAAR)


@pytest.fixture
def gewone_gebruiker(db):
    """Logged in, but without any role."""
    return UserFactory(username="zonderrol")


def _client_for(client, user):
    return log_in(client, user)


@pytest.fixture
def onderzoeker_client(client, onderzoeker):
    return _client_for(client, onderzoeker)


@pytest.fixture
def raadslid_client(client, raadslid):
    return _client_for(client, raadslid)


@pytest.fixture
def verzamelaar_client(client, verzamelaar):
    return _client_for(client, verzamelaar)


@pytest.fixture
def coordinator_client(client, coordinator):
    return _client_for(client, coordinator)


@pytest.fixture
def beheerder_client(client, beheerder):
    return _client_for(client, beheerder)
