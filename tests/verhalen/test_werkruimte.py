"""The coding workspace's JSON endpoints: the same rules as the fragment form pages."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from kennisagenda import roles
from kennisagenda.models import Thema
from tests.factories import UserFactory
from tests.helpers import log_in
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Fragment, Toestemming

pytestmark = pytest.mark.django_db

TEKST = "Ik wachtte maanden op een antwoord. Toen kwam er iemand langs die echt luisterde."


@pytest.fixture
def verhaal():
    return VerhaalFactory(tekst=TEKST, titel="Wachten op de gemeente")


@pytest.fixture
def fragment(verhaal, vertrouwen):
    return FragmentFactory(verhaal=verhaal, start=3, eind=34, codes=[vertrouwen], memo="Wachten")


def _nieuw(verhaal):
    return reverse("codeboek:fragment_nieuw_json", args=[verhaal.pk])


def _bewerken(fragment):
    return reverse("codeboek:fragment_bewerken_json", args=[fragment.verhaal_id, fragment.pk])


def _verwijderen(fragment):
    return reverse("codeboek:fragment_verwijderen_json", args=[fragment.verhaal_id, fragment.pk])


def test_new_fragment_is_stored_and_the_text_and_list_come_back(
    onderzoeker_client, onderzoeker, verhaal, fragment, vertrouwen, maatwerk
):
    response = onderzoeker_client.post(
        _nieuw(verhaal),
        {
            "start": 36,
            "eind": 55,
            "citaat": "Toen kwam er iemand",
            "codes": [maatwerk.pk, vertrouwen.pk],
            "memo": "Iemand kwam",
        },
    )

    nieuw = Fragment.objects.exclude(pk=fragment.pk).get()
    assert response.status_code == 201
    antwoord = response.json()
    assert (nieuw.start, nieuw.eind, nieuw.citaat, nieuw.memo, nieuw.codeur) == (
        36,
        55,
        "Toen kwam er iemand",
        "Iemand kwam",
        onderzoeker,
    )
    assert set(nieuw.codes.all()) == {maatwerk, vertrouwen}
    assert nieuw.history.get().history_user == onderzoeker
    assert antwoord["fragment"] == nieuw.pk
    assert antwoord["aantal"] == 2
    assert antwoord["nummers"] == {str(fragment.pk): 1, str(nieuw.pk): 2}
    assert antwoord["melding"] == "Fragment 2 opgeslagen: maatwerk, vertrouwen."
    assert (
        f'<mark class="codering baan-0 kleur-{maatwerk.pk}" data-fragment="{nieuw.pk}"'
        in (antwoord["tekst"])
    )
    assert f'id="fragment-{nieuw.pk}"' in antwoord["lijst"]
    assert "Iemand kwam" in antwoord["lijst"]


def test_new_fragment_with_bad_input_answers_dutch_errors_and_stores_nothing(
    onderzoeker_client, verhaal
):
    response = onderzoeker_client.post(
        _nieuw(verhaal), {"start": 36, "eind": 500, "citaat": "", "codes": []}
    )

    assert response.status_code == 400
    assert response.json()["velden"] == {
        "codes": ["Kies minstens één code."],
        "eind": [
            "Dit valt buiten de tekst. Het begin moet vóór het einde liggen, en het "
            f"einde mag hoogstens {len(TEKST)} zijn."
        ],
    }
    assert Fragment.objects.count() == 0


def test_new_fragment_from_an_old_page_is_moved_to_where_its_quote_now_stands(
    onderzoeker_client, verhaal, vertrouwen
):
    verhaal.tekst = "Voorwoord. " + TEKST
    verhaal.save()

    response = onderzoeker_client.post(
        _nieuw(verhaal),
        {"start": 36, "eind": 55, "citaat": "Toen kwam er iemand", "codes": [vertrouwen.pk]},
    )

    fragment = Fragment.objects.get()
    assert response.status_code == 201
    assert (fragment.start, fragment.citaat) == (47, "Toen kwam er iemand")
    assert "op zijn nieuwe plek" in response.json()["melding"]


def test_changing_a_fragment_keeps_the_version_check(
    onderzoeker_client, onderzoeker, fragment, maatwerk
):
    url = _bewerken(fragment)
    gezien = fragment.gewijzigd_op.isoformat()
    response = onderzoeker_client.post(
        url,
        {
            "start": 3,
            "eind": 18,
            "citaat": "wachtte maanden",
            "codes": [maatwerk.pk],
            "memo": "Korter",
            "gewijzigd_op": gezien,
        },
    )
    assert response.status_code == 200
    assert response.json()["melding"] == "Fragment 1 gewijzigd: maatwerk."
    fragment.refresh_from_db()
    assert (fragment.citaat, fragment.memo, list(fragment.codes.all())) == (
        "wachtte maanden",
        "Korter",
        [maatwerk],
    )

    # A second save from the page that still holds the old version is refused.
    response = onderzoeker_client.post(
        url,
        {"start": 3, "eind": 34, "codes": [maatwerk.pk], "memo": "Oud", "gewijzigd_op": gezien},
    )
    assert response.status_code == 409
    antwoord = response.json()
    assert "heeft dit fragment gewijzigd nadat jij het opende" in antwoord["fouten"][0]
    assert "Korter" in antwoord["lijst"]  # the current state, for the page to show
    fragment.refresh_from_db()
    assert fragment.memo == "Korter"


def test_removing_a_fragment_keeps_it_in_the_history(onderzoeker_client, onderzoeker, fragment):
    response = onderzoeker_client.post(_verwijderen(fragment))

    assert response.status_code == 200
    assert response.json()["aantal"] == 0
    assert Fragment.objects.count() == 0
    assert Fragment.history.filter(id=fragment.pk, history_type="-").get().history_user == (
        onderzoeker
    )


def test_endpoints_refuse_anonymous_callers_with_json(client, verhaal, fragment, vertrouwen):
    for url in [_nieuw(verhaal), _bewerken(fragment), _verwijderen(fragment)]:
        response = client.post(url, {"start": 0, "eind": 5, "codes": [vertrouwen.pk]})
        assert response.status_code == 401
        assert response.json()["fouten"] == [
            "Je bent niet meer ingelogd. Log opnieuw in; je selectie is niet opgeslagen."
        ]
    assert list(Fragment.objects.values_list("start", "eind")) == [(3, 34)]


@pytest.mark.parametrize("gebruiker", ["raadslid", "coordinator", "gewone_gebruiker"])
def test_endpoints_refuse_who_may_not_code(client, request, gebruiker, verhaal, fragment):
    log_in(client, request.getfixturevalue(gebruiker))
    for url in [_nieuw(verhaal), _bewerken(fragment), _verwijderen(fragment)]:
        response = client.post(url, {"start": 0, "eind": 5, "codes": [fragment.codes.get().pk]})
        assert response.status_code == 403
        assert response.json()["fouten"] == [
            "Je mag dit niet doen. Vraag een beheerder om de juiste rol."
        ]
    assert list(Fragment.objects.values_list("start", "eind")) == [(3, 34)]


def test_endpoints_answer_only_post(onderzoeker_client, verhaal):
    assert onderzoeker_client.get(_nieuw(verhaal)).status_code == 405


def test_a_withdrawn_story_cannot_be_coded(onderzoeker_client, vertrouwen):
    ingetrokken = VerhaalFactory(tekst=TEKST, toestemming=Toestemming.INGETROKKEN)

    response = onderzoeker_client.post(
        _nieuw(ingetrokken), {"start": 0, "eind": 5, "codes": [vertrouwen.pk]}
    )

    assert response.status_code == 404
    assert Fragment.objects.count() == 0


def test_researcher_adds_a_code_from_the_picker(onderzoeker_client, onderzoeker, vertrouwen):
    response = onderzoeker_client.post(
        reverse("codeboek:nieuw_json"), {"name": " Wachten  op post ", "parent": vertrouwen.pk}
    )

    code = Thema.objects.get(name="Wachten op post")
    assert response.status_code == 201
    assert response.json()["code"] == {
        "id": code.pk,
        "naam": "Wachten op post",
        "pad": "vertrouwen › Wachten op post",
        "uitleg": "",
        "diepte": 1,
    }
    assert (code.parent, code.kleur) == (vertrouwen, vertrouwen.kleur)
    assert code.history.get().history_user == onderzoeker


def test_a_code_name_in_use_is_refused_in_dutch(onderzoeker_client, vertrouwen):
    response = onderzoeker_client.post(
        reverse("codeboek:nieuw_json"), {"name": "Maatwerk", "parent": vertrouwen.pk}
    )

    assert response.status_code == 400
    assert response.json()["fouten"] == [
        "Er is al een code met de naam 'Maatwerk'. Kies een andere naam."
    ]


def test_a_coder_who_may_not_change_the_codebook_cannot_add_a_code(client, vertrouwen):
    coder = UserFactory(username="codeur", role=roles.ONDERZOEKER)
    groep = Group.objects.get(name=roles.ONDERZOEKER)
    groep.permissions.remove(Permission.objects.get(codename="add_thema"))
    log_in(client, coder)

    response = client.post(
        reverse("codeboek:nieuw_json"), {"name": "Nieuw", "parent": vertrouwen.pk}
    )

    assert response.status_code == 403
    assert not Thema.objects.filter(name="Nieuw").exists()
    # ... and the picker on the story page does not offer it.
    verhaal = VerhaalFactory(tekst=TEKST)
    html = client.get(verhaal.get_absolute_url()).content.decode()
    assert 'data-mag-code-maken="ja"' not in html
    assert 'data-mag-code-maken="nee"' in html


def test_story_page_gives_the_picker_codes_recent_ones_and_the_right_to_add(
    onderzoeker_client, onderzoeker, verhaal, maatwerk, vertrouwen
):
    FragmentFactory(verhaal=verhaal, start=0, eind=2, codes=[vertrouwen], codeur=onderzoeker)
    FragmentFactory(verhaal=verhaal, start=3, eind=9, codes=[maatwerk], codeur=onderzoeker)
    FragmentFactory(verhaal=verhaal, start=10, eind=20, codes=[vertrouwen])  # someone else's

    response = onderzoeker_client.get(verhaal.get_absolute_url())

    kiezer = response.context["codering"]["kiezer"]
    assert kiezer["recent"] == [maatwerk.pk, vertrouwen.pk]
    assert kiezer["mag_code_maken"] is True
    namen = sorted(code["naam"] for code in kiezer["codes"])
    assert namen == sorted(Thema.objects.values_list("name", flat=True))
    html = response.content.decode()
    assert 'id="kiezer-codes"' in html
    assert 'data-mag-code-maken="ja"' in html
