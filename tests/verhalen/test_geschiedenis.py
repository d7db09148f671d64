"""History of stories and fragments: /verhalen/<pk>/geschiedenis/ and restore."""

import pytest
from django.urls import reverse

from carelab.models import Thema
from tests.factories import UserFactory
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen import geschiedenis
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
    client.force_login(raadslid)
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
    with django_assert_num_queries(10):
        response = onderzoeker_client.get(reverse("verhalen:geschiedenis", args=[verhaal.pk]))
    assert len(response.context["versies"]) == wijzigingen + 2
