"""Memo pages: who may read and write them, where they show, search and
filters, the privacy check, history and the export."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisagenda import roles
from tests.factories import ThemaFactory, UserFactory
from tests.helpers import log_in
from tests.verhalen.factories import FragmentFactory, MemoFactory, VerhaalFactory
from verhalen.models import Handeling, Inzage, Memo, Toestemming
from verhalen.tekst import privacy

pytestmark = pytest.mark.django_db

PAGINAS = ["memos:list", "memos:nieuw", "memos:export"]


def _tekst(response):
    return response.content.decode()


# Who may --------------------------------------------------------------------


@pytest.mark.parametrize("naam", PAGINAS)
def test_anonymous_is_sent_to_login(client, naam):
    response = client.get(reverse(naam))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("naam", PAGINAS)
@pytest.mark.parametrize(
    "rol_client", ["raadslid", "coordinator", "gewone_gebruiker"], indirect=True
)
def test_other_roles_are_refused(rol_client, naam):
    assert rol_client.get(reverse(naam)).status_code == 403


def test_other_roles_cannot_open_a_memo(client, raadslid):
    memo = MemoFactory(tekst="Geheim van het team.")
    log_in(client, raadslid)
    response = client.get(memo.get_absolute_url())
    assert response.status_code == 403
    assert "Geheim van het team." not in _tekst(response)


def test_researcher_reads_list_and_memo(onderzoeker_client):
    memo = MemoFactory(titel="Rode draad", tekst="Wachten *komt steeds* terug.")

    lijst = onderzoeker_client.get(reverse("memos:list"))
    detail = onderzoeker_client.get(memo.get_absolute_url())

    assert list(lijst.context["pagina"]) == [memo]
    assert "Rode draad" in _tekst(lijst)
    assert "Wachten <em>komt steeds</em> terug." in _tekst(detail)


def test_memo_about_a_withdrawn_story_is_gone(onderzoeker_client):
    verhaal = VerhaalFactory()
    memo = MemoFactory(verhaal=verhaal, tekst="Over dit verhaal.")
    verhaal.toestemming = Toestemming.INGETROKKEN
    verhaal.save()

    assert onderzoeker_client.get(memo.get_absolute_url()).status_code == 404
    assert list(onderzoeker_client.get(reverse("memos:list")).context["pagina"]) == []
    nieuw = onderzoeker_client.get(reverse("memos:nieuw"), {"verhaal": verhaal.pk})
    assert nieuw.status_code == 404


# Writing ----------------------------------------------------------------------


def test_write_memo_about_a_story_shows_it_on_the_story_page(onderzoeker_client, onderzoeker):
    verhaal = VerhaalFactory()
    url = reverse("memos:nieuw") + f"?verhaal={verhaal.pk}"

    response = onderzoeker_client.post(
        url, {"titel": "", "tekst": "Het wachten is hier **structureel**."}, follow=True
    )

    memo = Memo.objects.get()
    assert (memo.verhaal, memo.auteur) == (verhaal, onderzoeker)
    assert response.redirect_chain == [(memo.get_absolute_url(), 302)]
    pagina = _tekst(onderzoeker_client.get(verhaal.get_absolute_url()))
    assert "Het wachten is hier <strong>structureel</strong>." in pagina
    assert f'href="{reverse("memos:nieuw")}?verhaal={verhaal.pk}"' in pagina


def test_write_memo_about_a_fragment_and_a_code(onderzoeker_client, vertrouwen):
    fragment = FragmentFactory(codes=[vertrouwen])

    onderzoeker_client.post(
        reverse("memos:nieuw") + f"?fragment={fragment.pk}", {"tekst": "Over het fragment."}
    )
    onderzoeker_client.post(
        reverse("memos:nieuw") + f"?code={vertrouwen.slug}", {"tekst": "Over de code."}
    )

    assert set(Memo.objects.values_list("fragment", "code", "tekst")) == {
        (fragment.pk, None, "Over het fragment."),
        (None, vertrouwen.pk, "Over de code."),
    }
    verhaal_pagina = _tekst(onderzoeker_client.get(fragment.verhaal.get_absolute_url()))
    assert "Over het fragment." in verhaal_pagina
    assert f'href="#fragment-{fragment.pk}"' in verhaal_pagina
    code_pagina = _tekst(onderzoeker_client.get(reverse("codeboek:detail", args=[vertrouwen.slug])))
    assert "Over de code." in code_pagina


def test_write_memo_with_two_subjects_is_not_found(onderzoeker_client, vertrouwen):
    verhaal = VerhaalFactory()
    url = reverse("memos:nieuw") + f"?verhaal={verhaal.pk}&code={vertrouwen.slug}"
    assert onderzoeker_client.post(url, {"tekst": "x"}).status_code == 404
    assert not Memo.objects.exists()


def test_empty_memo_gets_a_dutch_message(onderzoeker_client):
    response = onderzoeker_client.post(reverse("memos:nieuw"), {"titel": "Leeg", "tekst": "  "})
    assert "Het memo is nog leeg." in _tekst(response)
    assert response.context["form"]["titel"].value() == "Leeg"
    assert not Memo.objects.exists()


def test_memo_with_personal_data_warns_first_then_toch_opslaan(onderzoeker_client):
    tekst = "Mevrouw gaf haar nummer: 06-12345678."
    response = onderzoeker_client.post(reverse("memos:nieuw"), {"tekst": tekst})

    assert not Memo.objects.exists()
    html = _tekst(response)
    assert "Let op: dit lijkt op persoonsgegevens" in html
    assert "Het memo is <strong>nog niet opgeslagen</strong>" in html
    assert response.context["form"]["tekst"].value() == tekst

    akkoord = privacy.vingerafdruk("", tekst)
    onderzoeker_client.post(reverse("memos:nieuw"), {"tekst": tekst, "privacy_akkoord": akkoord})

    memo = Memo.objects.get()
    assert memo.history.get().history_change_reason.startswith("Opgeslagen ondanks privacy")


def test_toch_opslaan_for_other_text_warns_again(onderzoeker_client):
    akkoord = privacy.vingerafdruk("", "Bel 06-12345678.")
    onderzoeker_client.post(
        reverse("memos:nieuw"), {"tekst": "Bel 06-87654321.", "privacy_akkoord": akkoord}
    )
    assert not Memo.objects.exists()


# Changing -------------------------------------------------------------------------


def test_author_edits_memo_and_history_shows_both_versions(onderzoeker_client, onderzoeker):
    memo = MemoFactory(auteur=onderzoeker, tekst="Eerste versie.")

    onderzoeker_client.post(
        reverse("memos:bewerken", args=[memo.pk]), {"titel": "", "tekst": "Tweede versie."}
    )

    memo.refresh_from_db()
    assert memo.tekst == "Tweede versie."
    detail = _tekst(onderzoeker_client.get(memo.get_absolute_url()))
    assert "Eerste versie." in detail
    assert "Tweede versie." in detail


@pytest.mark.parametrize("naam", ["memos:bewerken", "memos:verwijderen"])
def test_another_researcher_may_not_edit_or_remove(client, naam):
    memo = MemoFactory(tekst="Van iemand anders.")
    log_in(client, UserFactory(role=roles.ONDERZOEKER))

    assert client.get(reverse(naam, args=[memo.pk])).status_code == 403
    assert client.post(reverse(naam, args=[memo.pk]), {"tekst": "Weg"}).status_code == 403
    memo.refresh_from_db()
    assert memo.tekst == "Van iemand anders."


def test_author_removes_memo(onderzoeker_client, onderzoeker):
    verhaal = VerhaalFactory()
    memo = MemoFactory(auteur=onderzoeker, verhaal=verhaal)

    response = onderzoeker_client.post(reverse("memos:verwijderen", args=[memo.pk]))

    assert response["Location"] == verhaal.get_absolute_url()
    assert not Memo.objects.exists()


def test_edit_and_remove_buttons_only_for_the_author(onderzoeker_client, onderzoeker):
    eigen = MemoFactory(auteur=onderzoeker)
    ander = MemoFactory()
    bewerken = reverse("memos:bewerken", args=[eigen.pk])

    assert bewerken in _tekst(onderzoeker_client.get(eigen.get_absolute_url()))
    assert "Bewerken</a>" not in _tekst(onderzoeker_client.get(ander.get_absolute_url()))


# The list: search and filters ------------------------------------------------------


def _gevonden(client, **filters):
    response = client.get(reverse("memos:list"), filters)
    assert response.status_code == 200
    return set(response.context["pagina"])


def test_search_finds_words_and_their_forms(onderzoeker_client):
    brief = MemoFactory(titel="", tekst="De brief van de gemeente kwam te laat.")
    MemoFactory(titel="", tekst="Over iets anders.")

    assert _gevonden(onderzoeker_client, q="brieven") == {brief}
    assert _gevonden(onderzoeker_client, q="gemeente laat") == {brief}
    assert _gevonden(onderzoeker_client, q="gemeente vroeg") == set()


def test_filters_author_code_story_kind_and_period(onderzoeker_client, vertrouwen):
    schrijver = UserFactory(username="schrijver", role=roles.ONDERZOEKER)
    verhaal = VerhaalFactory()
    fragment = FragmentFactory(verhaal=verhaal, codes=[vertrouwen])
    over_code = MemoFactory(code=vertrouwen, auteur=schrijver)
    over_fragment = MemoFactory(fragment=fragment)
    over_verhaal = MemoFactory(verhaal=verhaal)
    logboek = MemoFactory()
    Memo.objects.filter(pk=logboek.pk).update(aangemaakt_op=timezone.now() - timedelta(days=40))
    vandaag = timezone.localdate()

    assert _gevonden(onderzoeker_client, auteur="schrijver") == {over_code}
    assert _gevonden(onderzoeker_client, code=vertrouwen.slug) == {over_code, over_fragment}
    assert _gevonden(onderzoeker_client, verhaal=verhaal.pk) == {over_fragment, over_verhaal}
    assert _gevonden(onderzoeker_client, soort="logboek") == {logboek}
    assert _gevonden(onderzoeker_client, soort="fragment") == {over_fragment}
    assert _gevonden(onderzoeker_client, van=vandaag.isoformat()) == {
        over_code,
        over_fragment,
        over_verhaal,
    }
    assert _gevonden(onderzoeker_client, tot=(vandaag - timedelta(days=30)).isoformat()) == {
        logboek
    }


def test_bad_filter_value_gets_a_message_and_loses_nothing(onderzoeker_client):
    response = onderzoeker_client.get(reverse("memos:list"), {"q": "wachten", "van": "gisteren"})
    assert response.status_code == 200
    assert "Voer een geldige datum in." in _tekst(response)
    assert response.context["filter"].form["q"].value() == "wachten"


def test_list_query_count_does_not_grow_with_memos(onderzoeker_client, django_assert_num_queries):
    ThemaFactory(name="argwaan", slug="argwaan")
    MemoFactory(verhaal=VerhaalFactory())
    onderzoeker_client.get(reverse("memos:list"))  # session and permissions warmed
    with django_assert_num_queries(9):
        onderzoeker_client.get(reverse("memos:list"))
    MemoFactory(fragment=FragmentFactory())
    MemoFactory(code=ThemaFactory())
    with django_assert_num_queries(9):
        response = onderzoeker_client.get(reverse("memos:list"))
    assert len(response.context["pagina"]) == 3


def test_list_pages_by_twenty(onderzoeker_client):
    MemoFactory.create_batch(21)
    eerste = onderzoeker_client.get(reverse("memos:list"))
    assert len(eerste.context["pagina"]) == 20
    volgende = onderzoeker_client.get(
        reverse("memos:list") + "?" + eerste.context["pagina"].volgende
    )
    assert len(volgende.context["pagina"]) == 1


# Export ------------------------------------------------------------------------------


def test_export_holds_the_filtered_visible_memos_and_is_logged(onderzoeker_client, onderzoeker):
    zichtbaar = MemoFactory(verhaal=VerhaalFactory(), tekst="=SOM(A1)", auteur=onderzoeker)
    MemoFactory(verhaal=VerhaalFactory(toestemming=Toestemming.INGETROKKEN))
    MemoFactory(tekst="Niet in het filter.")

    response = onderzoeker_client.get(reverse("memos:export"), {"verhaal": zichtbaar.verhaal_id})

    inhoud = b"".join(response.streaming_content).decode("utf-8-sig")
    rijen = list(csv.DictReader(io.StringIO(inhoud)))
    assert [(r["id"], r["tekst"], r["soort"], r["auteur"]) for r in rijen] == [
        (str(zichtbaar.pk), "'=SOM(A1)", "verhaal", "onderzoeker")
    ]
    log = Inzage.objects.get()
    assert (log.handeling, log.aantal, log.gebruiker) == (Handeling.MEMO_EXPORT, 1, onderzoeker)
    assert log.filters == f"verhaal={zichtbaar.verhaal_id}"


def test_export_with_a_bad_filter_exports_nothing(onderzoeker_client):
    MemoFactory()
    response = onderzoeker_client.get(reverse("memos:export"), {"van": "gisteren"})
    assert response.status_code == 400
    assert not Inzage.objects.exists()
