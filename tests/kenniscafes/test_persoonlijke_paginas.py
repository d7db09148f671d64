"""Pages with a visitor's own data are kept by no cache (Cache-Control: private,
no-store) and the cancellation page behind a personal link shows no full e-mail address."""

import pytest

from tests.kenniscafes.factories import AanmeldingFactory, KenniscafeFactory

pytestmark = pytest.mark.django_db


def assert_persoonlijk(response):
    waarden = {deel.strip() for deel in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= waarden
    assert "public" not in waarden


def test_cancellation_page_is_private_and_masks_the_address(client):
    aanmelding = AanmeldingFactory(email="fatima.el.amrani@example.org")
    response = client.get(aanmelding.get_afmelden_url())
    assert response.status_code == 200
    assert_persoonlijk(response)
    inhoud = response.content.decode()
    assert "fatima.el.amrani" not in inhoud
    assert "met f•••@example.org voor het kenniscafé" in inhoud


def test_registration_form_with_typed_data_is_private(client):
    cafe = KenniscafeFactory()
    response = client.post(cafe.get_aanmelden_url(), {"naam": "Fatima", "email": "geen-adres"})
    assert response.status_code == 200 and 'value="Fatima"' in response.content.decode()
    assert_persoonlijk(response)


def test_cafe_page_that_confirms_a_registration_is_private(client):
    cafe = KenniscafeFactory()
    response = client.post(
        cafe.get_aanmelden_url(), {"naam": "Fatima", "email": "fatima@example.org"}, follow=True
    )
    assert "fatima@example.org" in response.content.decode()
    assert_persoonlijk(response)


def test_cafe_page_for_a_visitor_without_a_session_may_be_cached(client):
    cafe = KenniscafeFactory()
    response = client.get(cafe.get_absolute_url())
    assert "no-store" not in response.get("Cache-Control", "")
