"""Memos: the one-subject rule, who may change them, visibility, history and erasure."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from kennisagenda import roles
from tests.factories import UserFactory
from tests.verhalen.factories import FragmentFactory, MemoFactory, VerhaalFactory
from verhalen.models import Memo, MemoSoort, Toestemming
from verhalen.services import memos
from verhalen.services import verhalen as verhaal_services

pytestmark = pytest.mark.django_db


def test_schrijf_memo_about_a_story_records_author_and_history(onderzoeker):
    verhaal = VerhaalFactory()

    memo = memos.schrijf_memo(auteur=onderzoeker, tekst="Wachten als rode draad.", verhaal=verhaal)

    assert memo.soort == MemoSoort.VERHAAL
    assert [(r.history_type, r.history_user, r.tekst) for r in memo.history.all()] == [
        ("+", onderzoeker, "Wachten als rode draad.")
    ]


def test_memo_without_subject_is_the_research_journal(onderzoeker):
    memo = memos.schrijf_memo(auteur=onderzoeker, tekst="Vandaag het codeboek herzien.")

    assert memo.soort == MemoSoort.LOGBOEK


def test_memo_about_two_subjects_is_refused_by_form_validation_and_database(
    onderzoeker, vertrouwen
):
    verhaal = VerhaalFactory()
    with pytest.raises(ValidationError) as fout:
        memos.schrijf_memo(auteur=onderzoeker, tekst="x", verhaal=verhaal, code=vertrouwen)
    assert "Een memo gaat over één verhaal" in str(fout.value)

    with pytest.raises(IntegrityError), transaction.atomic():
        Memo.objects.create(auteur=onderzoeker, tekst="x", verhaal=verhaal, code=vertrouwen)
    assert not Memo.objects.exists()


def test_wijzig_memo_by_its_author_keeps_the_old_text_in_history(onderzoeker):
    memo = memos.schrijf_memo(auteur=onderzoeker, tekst="Eerste gedachte.")

    memos.wijzig_memo(memo=memo, door=onderzoeker, tekst="Tweede gedachte.", titel="Herzien")

    memo.refresh_from_db()
    assert (memo.titel, memo.tekst) == ("Herzien", "Tweede gedachte.")
    assert [r.tekst for r in memo.history.order_by("history_date")] == [
        "Eerste gedachte.",
        "Tweede gedachte.",
    ]


def test_wijzig_and_verwijder_memo_by_another_researcher_are_refused(onderzoeker):
    collega = UserFactory(role=roles.ONDERZOEKER)
    memo = memos.schrijf_memo(auteur=onderzoeker, tekst="Mijn gedachte.")

    with pytest.raises(PermissionDenied):
        memos.wijzig_memo(memo=memo, door=collega, tekst="Overschreven.")
    with pytest.raises(PermissionDenied):
        memos.verwijder_memo(memo=memo, door=collega)

    memo.refresh_from_db()
    assert memo.tekst == "Mijn gedachte."


def test_verwijder_memo_by_author_keeps_a_history_row(onderzoeker):
    memo = memos.schrijf_memo(auteur=onderzoeker, tekst="Weg ermee.")
    pk = memo.pk

    memos.verwijder_memo(memo=memo, door=onderzoeker)

    assert not Memo.objects.filter(pk=pk).exists()
    assert list(Memo.history.filter(id=pk).values_list("history_type", flat=True)) == ["-", "+"]


def test_zichtbaar_voor_only_the_research_team(onderzoeker, raadslid, coordinator, beheerder):
    memo = MemoFactory()

    assert list(Memo.objects.zichtbaar_voor(onderzoeker)) == [memo]
    assert list(Memo.objects.zichtbaar_voor(beheerder)) == [memo]
    assert list(Memo.objects.zichtbaar_voor(raadslid)) == []
    assert list(Memo.objects.zichtbaar_voor(coordinator)) == []
    assert list(Memo.objects.zichtbaar_voor(UserFactory())) == []


def test_zichtbaar_voor_hides_memos_of_a_withdrawn_story_and_its_fragments(onderzoeker):
    ingetrokken = VerhaalFactory(toestemming=Toestemming.INGETROKKEN)
    zichtbaar = VerhaalFactory()
    over_verhaal = MemoFactory(verhaal=ingetrokken)
    over_fragment = MemoFactory(fragment=FragmentFactory(verhaal=ingetrokken))
    blijft = MemoFactory(verhaal=zichtbaar)
    logboek = MemoFactory()

    zichtbaar_voor = set(Memo.objects.zichtbaar_voor(onderzoeker))

    assert zichtbaar_voor == {blijft, logboek}
    assert {over_verhaal, over_fragment}.isdisjoint(zichtbaar_voor)


def test_wis_verhaal_removes_memos_about_it_also_from_history(onderzoeker):
    verhaal = VerhaalFactory(toestemming=Toestemming.INGETROKKEN)
    over_verhaal = memos.schrijf_memo(
        auteur=onderzoeker, tekst="Mevrouw vertelde over haar zoon.", verhaal=verhaal
    )
    over_fragment = memos.schrijf_memo(
        auteur=onderzoeker, tekst="Haar buurman hielp.", fragment=FragmentFactory(verhaal=verhaal)
    )
    ander = memos.schrijf_memo(
        auteur=onderzoeker, tekst="Over iets anders.", verhaal=VerhaalFactory()
    )

    verhaal_services.wis_verhaal(verhaal=verhaal, door=onderzoeker)

    assert list(Memo.objects.all()) == [ander]
    gewist = Memo.history.filter(id__in=[over_verhaal.pk, over_fragment.pk])
    assert gewist.count() == 4  # creation and removal of each, without their text
    assert set(gewist.values_list("tekst", "titel")) == {("", "")}
    assert Memo.history.get(id=ander.pk).tekst == "Over iets anders."
