import pytest

from tests.factories import ThemaFactory
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from vertellers.services import maak_toestemmingsbewijs
from vertellers.views.verteller import SESSIE


@pytest.fixture
def thema_a(db):
    return ThemaFactory(name="Vertrouwen", slug="vertrouwen-test")


@pytest.fixture
def thema_b(db):
    return ThemaFactory(name="Bestaanszekerheid", slug="bestaanszekerheid-test")


@pytest.fixture
def verhaal(thema_a, thema_b, onderzoeker):
    verhaal = VerhaalFactory(
        titel="Wachten op de gemeente",
        toestemming="openbaar",
        themas=[thema_a, thema_b],
        verzameld_door=onderzoeker,
    )
    FragmentFactory(verhaal=verhaal, start=0, eind=30, codes=[thema_a])
    return verhaal


@pytest.fixture
def code(verhaal, onderzoeker):
    return maak_toestemmingsbewijs(verhaal=verhaal, door=onderzoeker)


@pytest.fixture
def verteller_client(client, verhaal, code):
    """A browser that opened the teller's page with the right code."""
    response = client.post("/mijn-verhaal/", {"code": code})
    assert response.status_code == 302
    assert client.session[SESSIE]["verhaal"] == verhaal.pk
    return client
