"""Reflections: Brede Raad members respond to a collection; researchers and
other members read them, the public never; only the author edits or removes."""

import pytest

from kennisagenda import roles
from tests.factories import UserFactory
from tests.helpers import log_in
from tests.verhalen.factories import VerhaalFactory
from tests.verhalen.factories_collecties import (
    CollectieFactory,
    CollectieItemFactory,
    ReflectieFactory,
)
from verhalen.models import Publiek, Reflectie

pytestmark = pytest.mark.django_db


@pytest.fixture
def collectie():
    collectie = CollectieFactory(slug="wachten", publiek=Publiek.OPENBAAR)
    CollectieItemFactory(collectie=collectie, verhaal=VerhaalFactory(toestemming="openbaar"))
    return collectie


@pytest.fixture
def ander_raadslid(db):
    return UserFactory(username="tweede-raadslid", first_name="Fatima", role=roles.BREDE_RAAD)


def test_member_writes_reflection_and_returns_to_it(raadslid_client, raadslid, collectie):
    response = raadslid_client.post(
        "/collecties/wachten/reflecties/", {"tekst": "Dit zie ik ook in Feijenoord."}
    )

    reflectie = Reflectie.objects.get()
    assert (reflectie.collectie, reflectie.auteur, reflectie.tekst) == (
        collectie,
        raadslid,
        "Dit zie ik ook in Feijenoord.",
    )
    assert response["Location"] == (
        f"/collecties/wachten/?reflectie={reflectie.pk}#reflectie-{reflectie.pk}"
    )


def test_empty_reflection_shows_dutch_error(raadslid_client, collectie):
    response = raadslid_client.post("/collecties/wachten/reflecties/", {"tekst": "   "})

    assert response.status_code == 400
    assert "Schrijf eerst je reflectie." in response.content.decode()
    assert not Reflectie.objects.exists()


@pytest.mark.parametrize(
    ("gebruiker", "ziet"),
    [
        (None, False),
        ("gewone_gebruiker", False),
        ("coordinator", False),
        ("raadslid", True),
        ("ander_raadslid", True),
        ("onderzoeker", True),
    ],
)
def test_reflections_visible_to_members_and_researchers_never_to_the_public(
    client, request, collectie, raadslid, gebruiker, ziet
):
    ReflectieFactory(collectie=collectie, auteur=raadslid, tekst="Geheime gedachte van de raad")
    if gebruiker:
        log_in(client, request.getfixturevalue(gebruiker))

    content = client.get("/collecties/wachten/").content.decode()

    assert ("Geheime gedachte van de raad" in content) is ziet
    assert ('id="reflecties"' in content) is ziet


@pytest.mark.parametrize(("gebruiker", "ziet"), [("raadslid", True), ("onderzoeker", False)])
def test_form_only_for_members(client, request, collectie, gebruiker, ziet):
    log_in(client, request.getfixturevalue(gebruiker))
    content = client.get("/collecties/wachten/").content.decode()
    assert ("Je reflectie schrijven" in content) is ziet


def test_anonymous_post_goes_to_login(client, collectie):
    response = client.post("/collecties/wachten/reflecties/", {"tekst": "Hallo"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Reflectie.objects.exists()


@pytest.mark.parametrize("gebruiker", ["gewone_gebruiker", "coordinator"])
def test_users_without_member_role_may_not_reflect(client, request, collectie, gebruiker):
    log_in(client, request.getfixturevalue(gebruiker))
    response = client.post("/collecties/wachten/reflecties/", {"tekst": "Hallo"})
    assert response.status_code == 403
    assert not Reflectie.objects.exists()


def test_member_cannot_reflect_on_a_draft(raadslid_client):
    CollectieFactory(slug="concept", publiek=Publiek.BREDE_RAAD, gepubliceerd=False)
    response = raadslid_client.post("/collecties/concept/reflecties/", {"tekst": "Hallo"})
    assert response.status_code == 404
    assert not Reflectie.objects.exists()


def test_author_edits_own_reflection(raadslid_client, raadslid, collectie):
    reflectie = ReflectieFactory(collectie=collectie, auteur=raadslid, tekst="Eerste versie")
    url = f"/collecties/wachten/reflecties/{reflectie.pk}/bewerken/"

    formulier = raadslid_client.get(url)
    response = raadslid_client.post(url, {"tekst": "Tweede versie"})

    assert "Eerste versie" in formulier.content.decode()
    assert response["Location"] == (
        f"/collecties/wachten/?reflectie={reflectie.pk}#reflectie-{reflectie.pk}"
    )
    reflectie.refresh_from_db()
    assert reflectie.tekst == "Tweede versie"


def test_author_deletes_own_reflection_after_confirmation(raadslid_client, raadslid, collectie):
    reflectie = ReflectieFactory(collectie=collectie, auteur=raadslid, tekst="Weg ermee")
    url = f"/collecties/wachten/reflecties/{reflectie.pk}/verwijderen/"

    bevestig = raadslid_client.get(url)
    raadslid_client.post(url)

    assert "Je reflectie verwijderen?" in bevestig.content.decode()
    assert not Reflectie.objects.exists()


@pytest.mark.parametrize("actie", ["bewerken", "verwijderen"])
@pytest.mark.parametrize("methode", ["get", "post"])
@pytest.mark.parametrize("gebruiker", ["ander_raadslid", "onderzoeker"])
def test_nobody_else_may_edit_or_delete_a_reflection(
    client, request, raadslid, collectie, actie, methode, gebruiker
):
    reflectie = ReflectieFactory(collectie=collectie, auteur=raadslid, tekst="Van mij")
    log_in(client, request.getfixturevalue(gebruiker))

    response = getattr(client, methode)(
        f"/collecties/wachten/reflecties/{reflectie.pk}/{actie}/", {"tekst": "Overschreven"}
    )

    assert response.status_code == 403
    reflectie.refresh_from_db()
    assert reflectie.tekst == "Van mij"


def test_edit_and_delete_links_only_on_own_reflection(client, raadslid, ander_raadslid, collectie):
    eigen = ReflectieFactory(collectie=collectie, auteur=raadslid)
    vreemd = ReflectieFactory(collectie=collectie, auteur=ander_raadslid)
    log_in(client, raadslid)

    content = client.get("/collecties/wachten/").content.decode()

    assert f"/reflecties/{eigen.pk}/bewerken/" in content
    assert f"/reflecties/{eigen.pk}/verwijderen/" in content
    assert f"/reflecties/{vreemd.pk}/bewerken/" not in content
    assert f"/reflecties/{vreemd.pk}/verwijderen/" not in content


@pytest.mark.parametrize(
    ("invoer", "verwacht", "verboden"),
    [
        (
            "<script>alert('hack')</script>",
            "<p>&lt;script&gt;alert('hack')&lt;/script&gt;</p>",
            "<script>alert",
        ),
        (
            '<img src=x onerror="alert(1)">',
            "&lt;img src=x onerror=",
            "<img",
        ),
        ("[klik](javascript:alert(1))", "klik</a>", 'href="javascript:'),
        ("# Grote kop", "<p><strong>Grote kop</strong></p>", "<h1>Grote kop"),
        ("**Belangrijk** voor beleid", "<strong>Belangrijk</strong> voor beleid", "**"),
    ],
)
def test_reflection_text_is_sanitised(client, raadslid, collectie, invoer, verwacht, verboden):
    ReflectieFactory(collectie=collectie, auteur=raadslid, tekst=invoer)
    log_in(client, raadslid)

    tekst = client.get("/collecties/wachten/").content.decode().split('id="reflecties"')[1]

    assert verwacht in tekst
    assert verboden not in tekst


def test_reflections_are_paginated(raadslid_client, raadslid, collectie):
    for nummer in range(25):
        ReflectieFactory(collectie=collectie, auteur=raadslid, tekst=f"Reflectie nummer {nummer}")

    eerste = raadslid_client.get("/collecties/wachten/").content.decode()
    tweede = raadslid_client.get("/collecties/wachten/?reflecties=2").content.decode()

    assert "Reflectie nummer 19<" in eerste and "Reflectie nummer 20<" not in eerste
    assert "Reflectie nummer 20<" in tweede
    assert '<nav aria-label="Paginering van de reflecties">' in eerste
