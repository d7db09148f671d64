"""Verhaal and Fragment models: constraints, snapshots, history."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import ThemaFactory
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Fragment, Verhaal

pytestmark = pytest.mark.django_db


def test_fragment_start_must_lie_before_end():
    verhaal = VerhaalFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Fragment.objects.create(verhaal=verhaal, start=10, eind=10, citaat="")


def test_fragment_clean_reports_constraint_in_dutch():
    fragment = Fragment(verhaal=VerhaalFactory(), start=5, eind=2, citaat="x")
    with pytest.raises(Exception) as fout:
        fragment.full_clean()
    assert "Het begin van een fragment moet vóór het einde liggen." in str(fout.value)


def test_erased_story_must_be_withdrawn():
    verhaal = VerhaalFactory(toestemming="openbaar")
    with pytest.raises(IntegrityError), transaction.atomic():
        Verhaal.objects.filter(pk=verhaal.pk).update(gewist_op=timezone.now())


def test_unknown_consent_is_refused_by_the_database():
    verhaal = VerhaalFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Verhaal.objects.filter(pk=verhaal.pk).update(toestemming="iedereen")


def test_save_keeps_a_snapshot_of_themes_and_keywords_in_history():
    a, b = ThemaFactory(name="b-thema"), ThemaFactory(name="a-thema")
    verhaal = VerhaalFactory(themas=[a, b], trefwoorden=["huur"])
    assert [t["naam"] for t in verhaal.themas_snapshot] == ["a-thema", "b-thema"]
    assert verhaal.history.first().trefwoorden_snapshot[0]["naam"] == "huur"


def test_fragment_snapshot_of_codes():
    thema = ThemaFactory(name="code")
    fragment = FragmentFactory(codes=[thema])
    assert fragment.history.first().codes_snapshot == [{"id": thema.pk, "naam": "code"}]


def test_str_and_urls():
    verhaal = VerhaalFactory(titel="Titel", tekst="x" * 80)
    fragment = FragmentFactory(verhaal=verhaal, start=0, eind=70)
    assert str(verhaal) == "Titel"
    assert verhaal.get_absolute_url() == f"/verhalen/{verhaal.pk}/"
    assert str(fragment) == f"“{'x' * 57}…”"
    assert fragment.get_absolute_url() == f"/verhalen/{verhaal.pk}/#fragment-{fragment.pk}"
