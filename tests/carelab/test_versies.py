"""Raising versions (carelab/cache.verhoog): never a stale result, and a
transaction that saves many rows writes each name a few times, not per row."""

import pytest
from django.core.cache import caches
from django.db import transaction

from carelab import cache, vooraf


@pytest.fixture
def schrijfacties(monkeypatch):
    """The version names of every write to the shared cache, per write."""
    backend = caches["default"]
    acties = []
    set_many = backend.set_many

    def tel(waarden, *args, **kwargs):
        acties.append(sorted(sleutel.removeprefix("versie:") for sleutel in waarden))
        return set_many(waarden, *args, **kwargs)

    monkeypatch.setattr(backend, "set_many", tel)
    vooraf.geschreven_sinds_lezen().clear()
    return acties


@pytest.mark.django_db
def test_inside_a_transaction_a_name_is_written_again_only_after_a_read(schrijfacties):
    cache.verhoog("a")
    cache.verhoog("a", "b")
    cache.verhoog("a")
    cache.lees("test:iets", ["a"])
    cache.verhoog("a")

    assert schrijfacties == [["a"], ["b"], ["a"]]


@pytest.mark.django_db
def test_a_result_made_between_two_raises_is_stale_after_the_second():
    cache.verhoog("telling")
    eerste = cache.onthoud("test:telling", lambda: "voor", afhankelijk_van=["telling"])
    cache.verhoog("telling")
    tweede = cache.onthoud("test:telling", lambda: "na", afhankelijk_van=["telling"])

    assert (eerste, tweede) == ("voor", "na")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outside_a_transaction_every_raise_is_written(schrijfacties):
    cache.verhoog("a")
    cache.verhoog("a")

    assert schrijfacties == [["a"], ["a"]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_at_commit_the_names_are_written_once_together(schrijfacties):
    with transaction.atomic():
        for _ in range(10):  # a story and its fragments, say
            cache.verhoog("inhoud", "app:verhalen")
        cache.verhoog("verhalen")

    assert schrijfacties[:2] == [["app:verhalen", "inhoud"], ["verhalen"]]
    assert schrijfacties[2:] == [["app:verhalen", "inhoud", "verhalen"]]
