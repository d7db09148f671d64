"""Curating collections in the browser: create, add stories (consent-checked),
reorder, pick excerpts, note, publish — and who may do it."""

import pytest
from django.core.exceptions import ValidationError

from kennisagenda.models import Thema
from tests.helpers import log_in
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from verhalen.models import Collectie, Publiek, Toestemming
from verhalen.services import collecties as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def collectie(onderzoeker):
    return CollectieFactory(
        slug="wachten",
        titel="Wachten",
        publiek=Publiek.BREDE_RAAD,
        gepubliceerd=False,
        curator=onderzoeker,
    )


def titels(collectie):
    return [item.verhaal.titel for item in collectie.items.order_by("volgorde", "pk")]


# ------------------------------------------------------------ permissions


@pytest.mark.parametrize(
    ("methode", "url"),
    [
        ("get", "/collecties/nieuw/"),
        ("get", "/collecties/wachten/bewerken/"),
        ("post", "/collecties/wachten/publiceren/"),
        ("get", "/collecties/wachten/verwijderen/"),
        ("get", "/collecties/toevoegen/?verhaal=1"),
        ("post", "/collecties/wachten/toevoegen/"),
        ("get", "/collecties/wachten/export.json"),
        ("get", "/collecties/wachten/export.md"),
    ],
)
def test_curating_pages_anonymous_redirected_to_login(client, collectie, methode, url):
    response = getattr(client, methode)(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("gebruiker", ["gewone_gebruiker", "raadslid", "coordinator"])
@pytest.mark.parametrize(
    ("methode", "url"),
    [
        ("get", "/collecties/nieuw/"),
        ("get", "/collecties/wachten/bewerken/"),
        ("post", "/collecties/wachten/publiceren/"),
        ("get", "/collecties/wachten/verwijderen/"),
        ("get", "/collecties/toevoegen/?verhaal=1"),
        ("post", "/collecties/wachten/toevoegen/"),
    ],
)
def test_curating_pages_forbidden_without_researcher_role(
    client, collectie, request, gebruiker, methode, url
):
    log_in(client, request.getfixturevalue(gebruiker))
    assert getattr(client, methode)(url).status_code == 403
    collectie.refresh_from_db()
    assert collectie.gepubliceerd is False


@pytest.mark.parametrize("gebruiker", ["gewone_gebruiker", "coordinator"])
@pytest.mark.parametrize(
    "url", ["/collecties/wachten/export.json", "/collecties/wachten/export.md"]
)
def test_export_forbidden_without_reading_role(client, collectie, request, gebruiker, url):
    log_in(client, request.getfixturevalue(gebruiker))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize(
    "url", ["/collecties/wachten/export.json", "/collecties/wachten/export.md"]
)
def test_export_of_a_draft_not_found_for_brede_raad(raadslid_client, collectie, url):
    # Members export what they may read; a draft is not revealed.
    assert raadslid_client.get(url).status_code == 404


def test_researcher_opens_edit_page_with_all_sections(onderzoeker_client, collectie):
    content = onderzoeker_client.get("/collecties/wachten/bewerken/").content.decode()
    assert "<h1>Collectie bewerken: Wachten</h1>" in content
    for kop in ("Verhalen in de collectie", "Verhaal toevoegen", "Publiceren", "Wijzigingen"):
        assert kop in content


# ---------------------------------------------------------------- create


def test_researcher_creates_collection_as_draft_with_themes(onderzoeker_client, onderzoeker):
    maatwerk = Thema.objects.get(slug="maatwerk")

    response = onderzoeker_client.post(
        "/collecties/nieuw/",
        {
            "titel": "Hulp die past",
            "slug": "",
            "publiek": "openbaar",
            "themas": [maatwerk.pk],
            "inleiding": "Verhalen over **maatwerk**.",
        },
    )

    collectie = Collectie.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/collecties/hulp-die-past/bewerken/"
    assert (collectie.titel, collectie.slug, collectie.publiek) == (
        "Hulp die past",
        "hulp-die-past",
        "openbaar",
    )
    assert collectie.gepubliceerd is False
    assert collectie.curator == onderzoeker
    assert list(collectie.themas.all()) == [maatwerk]
    assert collectie.history.get().history_user == onderzoeker


def test_create_without_title_shows_dutch_error_and_keeps_input(onderzoeker_client):
    response = onderzoeker_client.post(
        "/collecties/nieuw/",
        {"titel": "", "publiek": "brede_raad", "inleiding": "Mijn tekst blijft staan."},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "Het formulier is nog niet goed ingevuld" in content
    assert "Dit veld is verplicht." in content
    assert "Mijn tekst blijft staan." in content
    assert Collectie.objects.count() == 0


@pytest.mark.parametrize("slug", ["nieuw", "toevoegen", "tekstgrootte"])
def test_reserved_slug_is_refused(onderzoeker_client, slug):
    response = onderzoeker_client.post(
        "/collecties/nieuw/", {"titel": "Test", "slug": slug, "publiek": "openbaar"}
    )
    assert "Deze korte naam is al in gebruik door de website." in response.content.decode()
    assert not Collectie.objects.exists()


def test_same_title_gets_a_free_slug(onderzoeker):
    eerste = services.maak_collectie(titel="Wachten", publiek="openbaar", curator=onderzoeker)
    tweede = services.maak_collectie(titel="Wachten", publiek="openbaar", curator=onderzoeker)
    assert (eerste.slug, tweede.slug) == ("wachten", "wachten-2")


def test_nieuw_as_title_does_not_take_the_reserved_slug(onderzoeker):
    assert services.maak_collectie(titel="Nieuw", publiek="openbaar", curator=onderzoeker).slug == (
        "nieuw-2"
    )


# ------------------------------------------------------------ adding stories


@pytest.mark.parametrize(
    ("publiek", "toestemming", "mag"),
    [
        (Publiek.BREDE_RAAD, Toestemming.ONDERZOEK, False),
        (Publiek.BREDE_RAAD, Toestemming.BREDE_RAAD, True),
        (Publiek.BREDE_RAAD, Toestemming.OPENBAAR, True),
        (Publiek.BREDE_RAAD, Toestemming.INGETROKKEN, False),
        (Publiek.OPENBAAR, Toestemming.ONDERZOEK, False),
        (Publiek.OPENBAAR, Toestemming.BREDE_RAAD, False),
        (Publiek.OPENBAAR, Toestemming.OPENBAAR, True),
        (Publiek.OPENBAAR, Toestemming.INGETROKKEN, False),
    ],
)
def test_story_may_only_be_added_when_consent_allows_audience(
    onderzoeker, publiek, toestemming, mag
):
    collectie = CollectieFactory(publiek=publiek)
    verhaal = VerhaalFactory(toestemming=toestemming)

    if mag:
        item = services.voeg_verhaal_toe(collectie=collectie, verhaal=verhaal, door=onderzoeker)
        assert list(collectie.items.all()) == [item]
    else:
        with pytest.raises(ValidationError) as fout:
            services.voeg_verhaal_toe(collectie=collectie, verhaal=verhaal, door=onderzoeker)
        assert fout.value.error_dict["verhaal"][0].code == "toestemming"
        assert not collectie.items.exists()


def test_add_page_refuses_story_without_consent_with_dutch_message(onderzoeker_client, collectie):
    verhaal = VerhaalFactory(toestemming=Toestemming.ONDERZOEK, titel="Alleen voor ons")

    response = onderzoeker_client.post(
        "/collecties/toevoegen/",
        {"verhaal": verhaal.pk, "collectie": collectie.pk, "bevestig": "1", "notitie": "Mooi"},
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert (
        "Dit verhaal kan niet in deze collectie. De toestemming van de verteller is "
        "“Alleen onderzoeksteam”, en deze collectie is voor “Leden van de Brede Raad 010”."
    ) in content
    assert "Mooi" in content
    assert not collectie.items.exists()


def test_add_page_from_fragment_preselects_it_and_returns_to_next(onderzoeker_client, collectie):
    verhaal = VerhaalFactory(toestemming=Toestemming.BREDE_RAAD)
    fragment = FragmentFactory(verhaal=verhaal, start=0, eind=10)
    ander = FragmentFactory(verhaal=verhaal, start=12, eind=30)

    pagina = onderzoeker_client.get(
        f"/collecties/toevoegen/?verhaal={verhaal.pk}&fragment={fragment.pk}&next=/codeboek/x/"
    )
    assert pagina.context["form"]["fragmenten"].value() == [fragment.pk]

    response = onderzoeker_client.post(
        "/collecties/toevoegen/",
        {
            "verhaal": verhaal.pk,
            "collectie": collectie.pk,
            "fragmenten": [fragment.pk],
            "notitie": "Let op de toon.",
            "next": "/codeboek/x/",
            "bevestig": "1",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/codeboek/x/"
    item = collectie.items.get()
    assert (item.verhaal, item.notitie, list(item.fragmenten.all())) == (
        verhaal,
        "Let op de toon.",
        [fragment],
    )
    assert ander not in item.fragmenten.all()


def test_add_page_ignores_unsafe_next(onderzoeker_client, collectie):
    verhaal = VerhaalFactory(toestemming=Toestemming.OPENBAAR)
    response = onderzoeker_client.post(
        "/collecties/toevoegen/",
        {
            "verhaal": verhaal.pk,
            "collectie": collectie.pk,
            "next": "https://kwaad.example/",
            "bevestig": "1",
        },
    )
    assert response["Location"] == "/collecties/wachten/bewerken/"


def test_adding_same_story_twice_is_refused(onderzoeker_client, collectie):
    verhaal = VerhaalFactory(toestemming=Toestemming.OPENBAAR)
    CollectieItemFactory(collectie=collectie, verhaal=verhaal)

    response = onderzoeker_client.post(
        "/collecties/wachten/toevoegen/", {"verhaal": verhaal.pk}, follow=True
    )

    assert "Dit verhaal staat al in deze collectie." in response.content.decode()
    assert collectie.items.count() == 1


def test_search_on_edit_page_offers_only_stories_the_audience_may_read(
    onderzoeker_client, collectie
):
    VerhaalFactory(titel="Wachten op de schuldhulp", toestemming=Toestemming.BREDE_RAAD)
    VerhaalFactory(titel="Wachten op een woning", toestemming=Toestemming.ONDERZOEK)
    VerhaalFactory(titel="Wachten bij het loket", toestemming=Toestemming.INGETROKKEN)
    al_erin = VerhaalFactory(titel="Wachten in de rij", toestemming=Toestemming.OPENBAAR)
    CollectieItemFactory(collectie=collectie, verhaal=al_erin)

    response = onderzoeker_client.get("/collecties/wachten/bewerken/?zoek=wachten")

    assert [v.titel for v in response.context["kandidaten"]] == ["Wachten op de schuldhulp"]


def test_quick_add_puts_story_at_the_end(onderzoeker_client, collectie):
    CollectieItemFactory(collectie=collectie, verhaal=VerhaalFactory(titel="Eerste"))
    nieuw = VerhaalFactory(titel="Tweede", toestemming=Toestemming.BREDE_RAAD)

    onderzoeker_client.post("/collecties/wachten/toevoegen/", {"verhaal": nieuw.pk})

    assert titels(collectie) == ["Eerste", "Tweede"]


def test_include_offers_add_button_only_to_curators(rf, onderzoeker, raadslid):
    from django.template.loader import render_to_string

    verhaal = VerhaalFactory()
    request = rf.get("/verhalen/1/")
    for gebruiker, verwacht in ((onderzoeker, True), (raadslid, False)):
        request.user = gebruiker
        html = render_to_string(
            "collecties/includes/_voeg_toe.html",
            {"verhaal": verhaal, "perms": _perms(gebruiker)},
            request=request,
        )
        assert ("Toevoegen aan collectie" in html) is verwacht


def _perms(user):
    from django.contrib.auth.context_processors import PermWrapper

    return PermWrapper(user)


# ------------------------------------------------------ order, excerpt, note


def test_move_buttons_reorder_without_javascript(onderzoeker_client, collectie):
    items = [
        CollectieItemFactory(collectie=collectie, verhaal=VerhaalFactory(titel=titel))
        for titel in ("A", "B", "C")
    ]

    onderzoeker_client.post(
        f"/collecties/wachten/verhalen/{items[2].pk}/verplaatsen/", {"richting": "omhoog"}
    )
    assert titels(collectie) == ["A", "C", "B"]
    onderzoeker_client.post(
        f"/collecties/wachten/verhalen/{items[0].pk}/verplaatsen/", {"richting": "omlaag"}
    )
    assert titels(collectie) == ["C", "A", "B"]
    response = onderzoeker_client.post(
        f"/collecties/wachten/verhalen/{items[2].pk}/verplaatsen/", {"richting": "omhoog"}
    )
    assert titels(collectie) == ["C", "A", "B"], "the first stays first"
    assert response["Location"] == f"/collecties/wachten/bewerken/#item-{items[2].pk}"
    assert sorted(collectie.items.values_list("volgorde", flat=True)) == [1, 2, 3]


def test_reading_page_follows_the_order(client, collectie, onderzoeker):
    collectie.publiek = Publiek.OPENBAAR
    collectie.save()
    a = CollectieItemFactory(
        collectie=collectie, verhaal=VerhaalFactory(titel="Anna", toestemming="openbaar")
    )
    CollectieItemFactory(
        collectie=collectie, verhaal=VerhaalFactory(titel="Bert", toestemming="openbaar")
    )
    services.verplaats_item(item=a, richting="omlaag", door=onderzoeker)
    services.publiceer_collectie(collectie=collectie, door=onderzoeker)

    leesitems = client.get("/collecties/wachten/").context["leesitems"]

    assert [leesitem.item.verhaal.titel for leesitem in leesitems] == ["Bert", "Anna"]


def test_item_form_saves_excerpt_and_note_and_offers_only_this_storys_fragments(
    onderzoeker_client, collectie
):
    verhaal = VerhaalFactory(toestemming=Toestemming.BREDE_RAAD)
    eigen = FragmentFactory(verhaal=verhaal, start=0, eind=10)
    vreemd = FragmentFactory(start=0, eind=10)
    item = CollectieItemFactory(collectie=collectie, verhaal=verhaal)
    url = f"/collecties/wachten/verhalen/{item.pk}/"

    aangeboden = list(onderzoeker_client.get(url).context["form"].fields["fragmenten"].queryset)
    response = onderzoeker_client.post(url, {"notitie": "Let hierop.", "fragmenten": [eigen.pk]})
    fout = onderzoeker_client.post(url, {"notitie": "x", "fragmenten": [vreemd.pk]})

    assert aangeboden == [eigen]
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.notitie == "Let hierop."
    assert list(item.fragmenten.all()) == [eigen]
    assert "Selecteer een geldige keuze" in fout.content.decode()


def test_remove_item_keeps_the_story(onderzoeker_client, collectie):
    item = CollectieItemFactory(collectie=collectie)

    onderzoeker_client.post(f"/collecties/wachten/verhalen/{item.pk}/weghalen/")

    assert not collectie.items.exists()
    item.verhaal.refresh_from_db()


# ---------------------------------------------------------------- publish


def test_publish_and_back_to_draft(onderzoeker_client, collectie):
    CollectieItemFactory(collectie=collectie, verhaal=VerhaalFactory(toestemming="brede_raad"))

    onderzoeker_client.post("/collecties/wachten/publiceren/", {"actie": "publiceren"})
    collectie.refresh_from_db()
    assert collectie.gepubliceerd is True
    assert collectie.gepubliceerd_op is not None

    onderzoeker_client.post("/collecties/wachten/publiceren/", {"actie": "concept"})
    collectie.refresh_from_db()
    assert (collectie.gepubliceerd, collectie.gepubliceerd_op) == (False, None)


def test_publish_refused_while_no_story_may_be_read(onderzoeker_client, collectie):
    CollectieItemFactory(collectie=collectie, verhaal=VerhaalFactory(toestemming="onderzoek"))

    response = onderzoeker_client.post(
        "/collecties/wachten/publiceren/", {"actie": "publiceren"}, follow=True
    )

    assert "Publiceren kan nog niet" in response.content.decode()
    collectie.refresh_from_db()
    assert collectie.gepubliceerd is False


def test_publication_date_constraint_lives_in_the_database(collectie):
    from django.db import IntegrityError

    collectie.gepubliceerd = True
    with pytest.raises(IntegrityError):
        collectie.save()


def test_delete_collection_after_confirmation(onderzoeker_client, collectie):
    verhaal = CollectieItemFactory(collectie=collectie).verhaal

    bevestig = onderzoeker_client.get("/collecties/wachten/verwijderen/")
    response = onderzoeker_client.post("/collecties/wachten/verwijderen/")

    assert "Collectie verwijderen?" in bevestig.content.decode()
    assert response["Location"] == "/collecties/"
    assert not Collectie.objects.exists()
    verhaal.refresh_from_db()


def test_history_records_who_changed_the_collection(onderzoeker_client, onderzoeker, collectie):
    onderzoeker_client.post(
        "/collecties/wachten/bewerken/",
        {"titel": "Wachten, wachten", "slug": "wachten", "publiek": "brede_raad"},
    )

    laatste = collectie.history.first()
    assert (laatste.titel, laatste.history_user) == ("Wachten, wachten", onderzoeker)


# ------------------------------------------------------------------- admin


def test_admin_for_collections_is_for_superusers_only(client, beheerder, coordinator):
    CollectieFactory(titel="In de admin")

    log_in(client, beheerder)
    assert "In de admin" in client.get("/admin/verhalen/collectie/").content.decode()
    log_in(client, coordinator)
    assert client.get("/admin/verhalen/collectie/").status_code == 403


def test_admin_shows_collection_history(beheerder_client, onderzoeker):
    collectie = services.maak_collectie(
        titel="Met geschiedenis", publiek="openbaar", curator=onderzoeker
    )

    response = beheerder_client.get(f"/admin/verhalen/collectie/{collectie.pk}/history/")

    assert response.status_code == 200
    assert "Met geschiedenis" in response.content.decode()


def test_edit_page_lists_changes_to_collection_and_items(onderzoeker_client, onderzoeker):
    collectie = services.maak_collectie(
        titel="Met geschiedenis", publiek="brede_raad", curator=onderzoeker
    )
    verhaal = VerhaalFactory(titel="Een verhaal", toestemming="brede_raad")
    ingetrokken = VerhaalFactory(titel="Geheime titel", toestemming="brede_raad")
    item = services.voeg_verhaal_toe(collectie=collectie, verhaal=verhaal, door=onderzoeker)
    services.voeg_verhaal_toe(collectie=collectie, verhaal=ingetrokken, door=onderzoeker)
    ingetrokken.toestemming = Toestemming.INGETROKKEN
    ingetrokken.save()
    services.verwijder_item(item=item, door=onderzoeker)

    response = onderzoeker_client.get(f"/collecties/{collectie.slug}/bewerken/")

    wat = [regel["wat"] for regel in response.context["geschiedenis"]]
    assert wat == [
        "“Een verhaal” uit de collectie gehaald",
        f"“verhaal nr. {ingetrokken.pk}” toegevoegd",
        "“Een verhaal” toegevoegd",
        "collectie aangemaakt",
    ]
    assert "Geheime titel" not in response.content.decode()


def test_story_page_list_and_code_fragments_offer_adding_to_a_collection(onderzoeker_client):
    maatwerk = Thema.objects.get(slug="maatwerk")
    verhaal = VerhaalFactory(toestemming=Toestemming.OPENBAAR, themas=[maatwerk])
    fragment = FragmentFactory(verhaal=verhaal, start=0, eind=10, codes=[maatwerk])
    knop = f'<input type="hidden" name="verhaal" value="{verhaal.pk}">'

    pagina = onderzoeker_client.get(verhaal.get_absolute_url()).content.decode()
    lijst = onderzoeker_client.get("/verhalen/").content.decode()
    code = onderzoeker_client.get("/codeboek/maatwerk/").content.decode()

    assert knop in pagina and "Toevoegen aan collectie" in pagina
    # The list: one action over ticked rows (tests/verhalen/test_selectie.py).
    assert f'name="verhalen" value="{verhaal.pk}"' in lijst
    assert lijst.count("Toevoegen aan collectie</button>") == 1
    assert knop in code
    assert f'<input type="hidden" name="fragment" value="{fragment.pk}">' in code


def test_withdrawn_item_can_only_be_removed(onderzoeker_client, collectie):
    item = CollectieItemFactory(
        collectie=collectie, verhaal=VerhaalFactory(toestemming=Toestemming.INGETROKKEN)
    )

    response = onderzoeker_client.get(f"/collecties/wachten/verhalen/{item.pk}/", follow=True)

    assert "Dit verhaal is ingetrokken. Je kunt het alleen nog weghalen." in (
        response.content.decode()
    )
    assert response.redirect_chain == [("/collecties/wachten/bewerken/", 302)]
    onderzoeker_client.post(f"/collecties/wachten/verhalen/{item.pk}/weghalen/")
    assert not collectie.items.exists()
