import pytest

from kennisagenda.models import Thema

BASIS_URL = "http://testserver"


@pytest.fixture
def na_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (the e-mails) when the block ends, as a real commit would."""

    def _na_commit():
        return django_capture_on_commit_callbacks(execute=True)

    return _na_commit


@pytest.fixture
def thema_maatwerk(db):
    return Thema.objects.get(slug="maatwerk")
