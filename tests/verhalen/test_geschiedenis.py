"""History of stories and fragments: /verhalen/<pk>/geschiedenis/ and restore."""

import pytest
from django.urls import reverse

from kennisagenda.models import Thema
from tests.factories import UserFactory
from tests.helpers import log_in
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Fragment, Verhaal
from verhalen.selectors import geschiedenis
from verhalen.services import verhalen as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def verhaal_met_versies(onderzoeker):
    """Version 1 by the researcher, version 2 by a colleague (title, text, themes)."""
    verhaal = services.maak_verhaal(
        gegevens={
            "titel": "Eerste titel",
            "tekst": "Ik wachtte lang op de brief.",
            "verteller_type": "bewoner",
            "gemeente": "rotterdam",
            "verzamelwijze": "interview",
            "themas": [Thema.objects.get(slug="vertrouwen")],
        },
        door=onderzoeker,
    )
    collega = UserFactory(username="collega", first_name="Cor", last_name="Collega")
    services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={
            "titel": "Tweede titel",
            "tekst": "Ik wachtte heel lang op de brief.",
            "themas": [Thema.objects.get(slug="maatwerk")],
        },
        verwachte_versie=1,
        door=collega,
    )
    verhaal.refresh_from_db()
    return verhaal


def test_history_page_shows_who_when_and_what(onderzoeker_client, verhaal_met_versies):
    response = onderzoeker_client.get(
        reverse("verhalen:geschiedenis", args=[verhaal_met_versies.pk])
    )
    html = response.content.decode()
    [nieuwste, eerste] = response.context["versies"]
    assert (nieuwste.record.versie, nieuwste.door, nieuwste.is_huidig) == (2, "Cor Collega", True)
    assert {(w.label, w.oud, w.nieuw) for w in nieuwste.wijzigingen} == {
        ("titel", "Eerste titel", "Tweede titel"),
        ("verhaal", "Ik wachtte lang op de brief.", "Ik wachtte heel lang op de brief."),
        ("thema's", "vertrouwen", "maatwerk"),
    }
    assert eerste.record.history_type == "+"
    assert "Versie 2 (huidige versie)" in html
    assert "<ins>heel</ins>" in html
    assert "Herstel deze versie" in html
    assert html.count("Herstel deze versie<") == 1  # not for the current version


def test_history_page_lists_fragment_changes(onderzoeker_client, onderzoeker):
    verhaal = VerhaalFactory(tekst="Het was koud. Toen kwam hulp.")
    fragment = FragmentFactory(verhaal=verhaal, start=0, eind=13, memo="Eerst")
    fragment.memo = "Later"
    fragment._history_user = onderzoeker
    fragment.save()

    response = onderzoeker_client.get(reverse("verhalen:geschiedenis", args=[verhaal.pk]))

    versies = list(response.context["fragment_pagina"])
    assert [v.record.history_type for v in versies] == ["~", "+"]
    assert [(w.label, w.oud, w.nieuw) for w in versies[0].wijzigingen] == [
        ("memo", "Eerst", "Later")
    ]
    assert "Fragment “Het was koud.”: gemaakt" in response.content.decode()


def test_restore_from_history_page_is_itself_recorded(
    onderzoeker_client, onderzoeker, verhaal_met_versies
):
    eerste = verhaal_met_versies.history.get(versie=1)
    response = onderzoeker_client.post(
        reverse("verhalen:herstel", args=[verhaal_met_versies.pk, eerste.history_id]),
        {"versie": "2"},
        follow=True,
    )
    assert "De versie is hersteld." in response.content.decode()
    verhaal_met_versies.refresh_from_db()
    assert (verhaal_met_versies.titel, verhaal_met_versies.versie) == ("Eerste titel", 3)
    assert [t.slug for t in verhaal_met_versies.themas.all()] == ["vertrouwen"]
    pagina = onderzoeker_client.get(reverse("verhalen:geschiedenis", args=[verhaal_met_versies.pk]))
    nieuwste = pagina.context["versies"][0]
    assert nieuwste.record.history_user == onderzoeker
    assert nieuwste.record.history_change_reason.startswith("Versie 1 van ")


def test_restore_with_stale_page_refuses(onderzoeker_client, verhaal_met_versies):
    eerste = verhaal_met_versies.history.get(versie=1)
    response = onderzoeker_client.post(
        reverse("verhalen:herstel", args=[verhaal_met_versies.pk, eerste.history_id]),
        {"versie": "1"},
        follow=True,
    )
    assert "Het verhaal is intussen gewijzigd." in response.content.decode()
    verhaal_met_versies.refresh_from_db()
    assert verhaal_met_versies.titel == "Tweede titel"


def test_restore_needs_post_and_change_permission(
    client, onderzoeker_client, raadslid, verhaal_met_versies
):
    eerste = verhaal_met_versies.history.get(versie=1)
    url = reverse("verhalen:herstel", args=[verhaal_met_versies.pk, eerste.history_id])
    assert onderzoeker_client.get(url).status_code == 405
    log_in(client, raadslid)
    assert client.post(url, {"versie": "2"}).status_code == 403
    verhaal_met_versies.refresh_from_db()
    assert verhaal_met_versies.versie == 2


def test_restore_of_another_storys_version_is_404(onderzoeker_client, verhaal_met_versies):
    ander = VerhaalFactory()
    record = ander.history.first()
    url = reverse("verhalen:herstel", args=[verhaal_met_versies.pk, record.history_id])
    assert onderzoeker_client.post(url, {"versie": "2"}).status_code == 404


def test_history_pages_are_paginated(onderzoeker_client, onderzoeker):
    verhaal = VerhaalFactory()
    for nummer in range(1, 17):
        services.wijzig_verhaal(
            verhaal=verhaal, gegevens={"titel": f"Titel {nummer}"}, verwachte_versie=nummer,
            door=onderzoeker,
        )  # fmt: skip
    url = reverse("verhalen:geschiedenis", args=[verhaal.pk])
    eerste = onderzoeker_client.get(url)
    tweede = onderzoeker_client.get(url, {"pagina": 2})
    assert [v.record.versie for v in eerste.context["versies"]] == list(range(17, 2, -1))
    assert [v.record.versie for v in tweede.context["versies"]] == [2, 1]
    # The last version on page 1 is still compared with the one on page 2.
    assert [(w.oud, w.nieuw) for w in eerste.context["versies"][-1].wijzigingen] == [
        ("Titel 1", "Titel 2")
    ]
    assert '<nav aria-label="Paginering van de versies">' in eerste.content.decode()


def test_tekstverschil_marks_words_and_escapes():
    html = geschiedenis.tekstverschil("Ik wachtte <lang>.", "Ik wachtte heel <lang>.")
    assert html == "Ik wachtte <ins>heel</ins> &lt;lang&gt;."


@pytest.mark.parametrize("wijzigingen", [1, 3, 8])
def test_history_page_query_count_is_constant(
    onderzoeker_client, onderzoeker, django_assert_num_queries, wijzigingen
):
    verhaal = VerhaalFactory(themas=[Thema.objects.get(slug="maatwerk")])
    fragment = FragmentFactory(verhaal=verhaal)
    for nummer in range(wijzigingen):
        services.wijzig_verhaal(
            verhaal=verhaal, gegevens={"titel": f"Titel {nummer}"},
            verwachte_versie=verhaal.history.first().versie, door=onderzoeker,
        )  # fmt: skip
        fragment.memo = f"Memo {nummer}"
        fragment.save()
    # … plus the ids of the story's current fragments (for "zet terug"),
    # the access log's row and the session's 2FA device.
    with django_assert_num_queries(13):
        response = onderzoeker_client.get(reverse("verhalen:geschiedenis", args=[verhaal.pk]))
    assert len(response.context["versies"]) == wijzigingen + 2


# Putting back a deleted fragment --------------------------------------------------


@pytest.fixture
def verwijderd_fragment(onderzoeker):
    """A fragment coded with vertrouwen + a sub-code, then deleted by a colleague."""
    from verhalen.services import codering

    vertrouwen = Thema.objects.get(slug="vertrouwen")
    wantrouwen = codering.maak_subcode(naam="wantrouwen", parent=vertrouwen, door=onderzoeker)
    verhaal = VerhaalFactory(tekst="Ik wachtte lang op de brief. Toen kwam er iemand langs.")
    fragment = codering.maak_fragment(
        verhaal=verhaal, start=29, eind=54, codes=[vertrouwen, wantrouwen], memo="Kern",
        codeur=onderzoeker,
    )  # fmt: skip
    nummer = fragment.pk
    codering.verwijder_fragment(fragment=fragment, door=UserFactory(username="collega"))
    record = Fragment.history.get(id=nummer, history_type="-")
    return verhaal, record


def _terugzetten_url(verhaal, record):
    return reverse("codeboek:fragment_terugzetten", args=[verhaal.pk, record.history_id])


def test_deleted_fragment_is_put_back_from_the_history_page(
    onderzoeker_client, onderzoeker, verwijderd_fragment
):
    verhaal, record = verwijderd_fragment
    pagina = onderzoeker_client.get(reverse("verhalen:geschiedenis", args=[verhaal.pk]))
    assert f'action="{_terugzetten_url(verhaal, record)}"' in pagina.content.decode()

    response = onderzoeker_client.post(_terugzetten_url(verhaal, record), follow=True)

    fragment = Fragment.objects.get()
    assert fragment.pk == record.id
    assert (fragment.start, fragment.eind, fragment.citaat, fragment.memo) == (
        29,
        54,
        "Toen kwam er iemand langs",
        "Kern",
    )
    assert sorted(fragment.codes.values_list("name", flat=True)) == ["vertrouwen", "wantrouwen"]
    assert fragment.codeur == onderzoeker
    laatste = fragment.history.first()
    assert (laatste.history_user, laatste.history_change_reason) == (
        onderzoeker,
        "Verwijderd fragment teruggezet",
    )
    assert "Het fragment is teruggezet, met zijn codes en memo." in response.content.decode()
    # Once back, the button is gone and a second attempt changes nothing.
    pagina = onderzoeker_client.get(reverse("verhalen:geschiedenis", args=[verhaal.pk]))
    assert _terugzetten_url(verhaal, record) not in pagina.content.decode()
    opnieuw = onderzoeker_client.post(_terugzetten_url(verhaal, record), follow=True)
    assert "Dit fragment is al teruggezet." in opnieuw.content.decode()
    assert Fragment.objects.count() == 1


def test_put_back_fragment_follows_its_quote_in_a_changed_text(
    onderzoeker_client, onderzoeker, verwijderd_fragment
):
    verhaal, record = verwijderd_fragment
    services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"tekst": "Nieuw begin. " + verhaal.tekst},
        verwachte_versie=verhaal.versie,
        door=onderzoeker,
    )

    onderzoeker_client.post(_terugzetten_url(verhaal, record))

    fragment = Fragment.objects.get()
    verhaal.refresh_from_db()
    assert (fragment.start, fragment.eind) == (42, 67)
    assert verhaal.tekst[fragment.start : fragment.eind] == "Toen kwam er iemand langs"
    assert not fragment.moet_herzien


def test_put_back_fragment_whose_quote_is_gone_is_flagged_for_review(
    onderzoeker_client, onderzoeker, verwijderd_fragment
):
    verhaal, record = verwijderd_fragment
    services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"tekst": "Een heel andere tekst."},
        verwachte_versie=verhaal.versie,
        door=onderzoeker,
    )

    response = onderzoeker_client.post(_terugzetten_url(verhaal, record), follow=True)

    fragment = Fragment.objects.get()
    assert (fragment.citaat, fragment.moet_herzien) == ("Toen kwam er iemand langs", True)
    assert "Het is gemarkeerd om te herzien." in response.content.decode()


def test_put_back_needs_post_and_coding_rights(
    client, raadslid, coordinator, onderzoeker, verwijderd_fragment
):
    verhaal, record = verwijderd_fragment
    url = _terugzetten_url(verhaal, record)
    anoniem = client.post(url)
    assert anoniem.status_code == 302 and anoniem.url.startswith(reverse("login"))
    for gebruiker in (raadslid, coordinator):
        log_in(client, gebruiker)
        assert client.post(url).status_code == 403
    log_in(client, onderzoeker)
    assert client.get(url).status_code == 405
    assert Fragment.objects.count() == 0


def test_put_back_only_deletions_of_this_visible_story(onderzoeker_client, verwijderd_fragment):
    verhaal, record = verwijderd_fragment
    ander = VerhaalFactory()
    assert onderzoeker_client.post(_terugzetten_url(ander, record)).status_code == 404
    gemaakt = Fragment.history.filter(id=record.id).exclude(history_type="-").first()
    assert onderzoeker_client.post(_terugzetten_url(verhaal, gemaakt)).status_code == 404
    Verhaal.objects.filter(pk=verhaal.pk).update(toestemming="ingetrokken")
    assert onderzoeker_client.post(_terugzetten_url(verhaal, record)).status_code == 404
    assert Fragment.objects.count() == 0
