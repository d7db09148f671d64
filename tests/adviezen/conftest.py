import pytest

from tests.helpers import log_in


@pytest.fixture
def rol_client(request, client):
    """A client logged in as the fixture named by the parameter (indirect parametrize)."""
    log_in(client, request.getfixturevalue(request.param))
    return client
