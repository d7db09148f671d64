import pytest

from bench.dataset import bouw_dataset

KLEIN = 40


@pytest.fixture
def dataset(db):
    """The benchmark dataset at a tiny scale (40 stories), built in the test database."""
    return bouw_dataset(KLEIN)


@pytest.fixture
def bench_urls(settings):
    """The benchmark's settings in a test: the bench app and its floor URL."""
    settings.INSTALLED_APPS = ["bench.apps.BenchConfig", *settings.INSTALLED_APPS]
    settings.ROOT_URLCONF = "bench.urls"
