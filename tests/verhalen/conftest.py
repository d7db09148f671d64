import pytest

from kennisagenda.models import Thema
from tests.helpers import log_in


@pytest.fixture
def vertrouwen():
    """The theme 'vertrouwen' (made by a data migration)."""
    return Thema.objects.get(slug="vertrouwen")


@pytest.fixture
def maatwerk():
    """The theme 'maatwerk' (made by a data migration)."""
    return Thema.objects.get(slug="maatwerk")


@pytest.fixture
def rol_client(request, client):
    """A client logged in as the fixture named by the parameter, or anonymous ("anoniem").

    Use with `@pytest.mark.parametrize("rol_client", [...], indirect=True)`.
    """
    if request.param != "anoniem":
        log_in(client, request.getfixturevalue(request.param))
    client.rol = request.param
    return client
