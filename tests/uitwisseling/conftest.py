import pytest

from kennisagenda.models import Thema


@pytest.fixture
def vertrouwen():
    """The theme 'vertrouwen' (made by a data migration)."""
    return Thema.objects.get(slug="vertrouwen")


@pytest.fixture
def maatwerk():
    """The theme 'maatwerk' (made by a data migration)."""
    return Thema.objects.get(slug="maatwerk")
