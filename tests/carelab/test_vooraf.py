"""Reading ahead (carelab/vooraf.py): a kept page costs one cache read after
the session, and a write during the request is never hidden by it."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import caches
from django.test import RequestFactory
from django.urls import reverse

from carelab import cache, vooraf
from tests.verhalen.factories import VerhaalFactory

pytestmark = pytest.mark.django_db

LIJST = reverse("verhalen:list")


@pytest.fixture
def leesrondes(monkeypatch):
    """Every read of the shared cache (get and get_many), by key list."""
    backend = caches["default"]
    rondes = []
    binnen = []  # the in-process cache's get_many calls get itself: count once
    get_many, get = backend.get_many, backend.get

    def tel_get_many(sleutels, *args, **kwargs):
        rondes.append(sorted(sleutels))
        binnen.append(True)
        try:
            return get_many(sleutels, *args, **kwargs)
        finally:
            binnen.pop()

    def tel_get(sleutel, *args, **kwargs):
        if not binnen:
            rondes.append([sleutel])
        return get(sleutel, *args, **kwargs)

    monkeypatch.setattr(backend, "get_many", tel_get_many)
    monkeypatch.setattr(backend, "get", tel_get)
    return rondes


def test_a_kept_page_reads_the_cache_once(onderzoeker_client, leesrondes):
    VerhaalFactory(titel="Een verhaal")
    onderzoeker_client.get(LIJST)
    onderzoeker_client.get(LIJST)
    leesrondes.clear()

    response = onderzoeker_client.get(LIJST)

    assert "Een verhaal" in response.content.decode()
    # authenticator, permissions, roles and the page, with their versions: one read
    assert len(leesrondes) == 1
    sleutels = leesrondes[0]
    assert any(s.startswith("otp-apparaat:") for s in sleutels)
    assert any(s.startswith("rechten:") for s in sleutels)
    assert any(s.startswith("sessiepagina:") for s in sleutels)


def test_without_reading_ahead_the_same_page_takes_more_reads(
    onderzoeker_client, leesrondes, monkeypatch
):
    """The other side: the reads are there, reading ahead only joins them."""
    monkeypatch.setattr(vooraf, "_sleutelfuncties", [])
    onderzoeker_client.get(LIJST)
    onderzoeker_client.get(LIJST)
    leesrondes.clear()

    onderzoeker_client.get(LIJST)

    assert len(leesrondes) == 3  # authenticator, permissions, page


def test_a_write_during_the_request_is_read_back_not_the_read_ahead():
    gezien = {}
    cache.onthoud("test:waarde", lambda: "oud", afhankelijk_van=["test"])
    sleutels = cache.sleutels("test:waarde", ["test"])
    vooraf.registreer(lambda request: sleutels)

    def view(request):
        gezien["voor"] = cache.onthoud("test:waarde", lambda: "nieuw", afhankelijk_van=["test"])
        cache.verhoog("test")
        gezien["na"] = cache.onthoud("test:waarde", lambda: "nieuw", afhankelijk_van=["test"])
        return None

    try:
        request = RequestFactory().get("/")
        request.session = SessionStore()
        vooraf.VooraflezenMiddleware(view)(request)
    finally:
        vooraf._sleutelfuncties.pop()

    assert gezien == {"voor": "oud", "na": "nieuw"}
