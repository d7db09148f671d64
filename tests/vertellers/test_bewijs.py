"""The consent receipt and the teller's contact details (researchers' pages)."""

import io
import re

import pytest
from django.core import mail
from django.test import Client
from pypdf import PdfReader

from tests.helpers import log_in
from tests.verhalen.factories import VerhaalFactory
from tests.vertellers.factories import ContactgegevensFactory
from vertellers import codes
from vertellers.models import Contactgegevens, Gebruik, Toestemmingsbewijs

pytestmark = pytest.mark.django_db

CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}")


def _maak(client, verhaal):
    response = client.post(f"/verhalen/{verhaal.pk}/toestemmingsbewijs/")
    assert response.status_code == 200
    return response, CODE.search(response.content.decode().split('class="bewijs__code"')[1])[0]


def test_researcher_makes_a_receipt_only_its_hash_is_stored(onderzoeker_client, verhaal):
    response, code = _maak(onderzoeker_client, verhaal)

    html = response.content.decode()
    assert "Toestemmingsbewijs" in html
    assert "Iedereen mag mijn verhaal lezen" in html
    assert f"/mijn-verhaal/{code}/" in html
    assert "no-store" in response["Cache-Control"]
    bewijs = Toestemmingsbewijs.objects.get(verhaal=verhaal)
    assert bewijs.code_hash == codes.vingerafdruk(code)
    assert code not in str(Toestemmingsbewijs.objects.values().get())
    assert Client().post("/mijn-verhaal/", {"code": code}).status_code == 302


def test_a_new_receipt_makes_the_old_code_stop_working(onderzoeker_client, verhaal):
    _, oud = _maak(onderzoeker_client, verhaal)
    _, nieuw = _maak(onderzoeker_client, verhaal)

    assert oud != nieuw
    assert Client().post("/mijn-verhaal/", {"code": oud}).status_code == 200
    assert Client().post("/mijn-verhaal/", {"code": nieuw}).status_code == 302


def test_receipt_as_pdf_holds_the_code_and_the_plain_dutch(onderzoeker_client, verhaal):
    _, code = _maak(onderzoeker_client, verhaal)

    response = onderzoeker_client.post(
        f"/verhalen/{verhaal.pk}/toestemmingsbewijs/pdf/", {"code": code}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    tekst = " ".join(
        pagina.extract_text() for pagina in PdfReader(io.BytesIO(response.content)).pages
    )
    assert code in tekst
    assert "Toestemmingsbewijs" in tekst
    assert "Iedereen mag mijn verhaal lezen" in tekst


def test_pdf_refuses_a_code_of_another_story(onderzoeker_client, verhaal):
    ander = VerhaalFactory()
    _, code = _maak(onderzoeker_client, ander)

    response = onderzoeker_client.post(
        f"/verhalen/{verhaal.pk}/toestemmingsbewijs/pdf/", {"code": code}
    )

    assert response.status_code == 403


def test_receipt_is_mailed_to_the_contact_address_only(onderzoeker_client, verhaal):
    ContactgegevensFactory(verhaal=verhaal, email="verteller@example.org")
    _, code = _maak(onderzoeker_client, verhaal)

    response = onderzoeker_client.post(
        f"/verhalen/{verhaal.pk}/toestemmingsbewijs/mailen/", {"code": code}
    )

    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["verteller@example.org"]]
    assert code in mail.outbox[0].body
    assert f"/mijn-verhaal/{code}/" in mail.outbox[0].body
    assert list(Gebruik.objects.values_list("handeling", flat=True).order_by("pk")) == [
        "bewijs_gemaakt",
        "bewijs_gemaild",
    ]


def test_mailing_without_an_address_asks_for_one(onderzoeker_client, verhaal):
    _, code = _maak(onderzoeker_client, verhaal)

    response = onderzoeker_client.post(
        f"/verhalen/{verhaal.pk}/toestemmingsbewijs/mailen/", {"code": code}, follow=True
    )

    assert "Er is geen e-mailadres van de verteller" in response.content.decode()
    assert mail.outbox == []


def test_contact_details_are_kept_apart_and_never_on_the_story_page(onderzoeker_client, verhaal):
    response = onderzoeker_client.post(
        f"/verhalen/{verhaal.pk}/contactgegevens/",
        {"naam": "Anna Jansen", "email": "anna@example.org", "telefoon": "", "adres": ""},
    )

    assert response.status_code == 302
    contact = Contactgegevens.objects.get(verhaal=verhaal)
    assert (contact.naam, contact.email) == ("Anna Jansen", "anna@example.org")
    verhaalpagina = onderzoeker_client.get(verhaal.get_absolute_url()).content.decode()
    assert "Anna Jansen" not in verhaalpagina
    assert "anna@example.org" not in verhaalpagina
    assert f"/verhalen/{verhaal.pk}/toestemmingsbewijs/" in verhaalpagina
    export = b"".join(onderzoeker_client.get("/verhalen/export.csv").streaming_content)
    assert verhaal.titel in export.decode()
    assert "anna@example.org" not in export.decode()


def test_a_bad_email_address_gets_a_dutch_message(onderzoeker_client, verhaal):
    response = onderzoeker_client.post(
        f"/verhalen/{verhaal.pk}/contactgegevens/", {"email": "geen adres"}
    )

    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in response.content.decode()
    assert not Contactgegevens.objects.exists()


def test_story_page_section_only_for_researchers(onderzoeker, raadslid, verhaal):
    raad = log_in(Client(), raadslid)
    assert raad.get(f"/verhalen/{verhaal.pk}/toestemmingsbewijs/").status_code == 403
    assert raad.get(f"/verhalen/{verhaal.pk}/contactgegevens/").status_code == 403
    assert Client().get(f"/verhalen/{verhaal.pk}/contactgegevens/").status_code == 302
    html = log_in(Client(), onderzoeker).get(f"/verhalen/{verhaal.pk}/toestemmingsbewijs/")
    assert "Er is nog geen bewijs gemaakt." in html.content.decode()


def test_no_receipt_for_a_withdrawn_story(onderzoeker_client):
    verhaal = VerhaalFactory(toestemming="ingetrokken")

    assert onderzoeker_client.post(f"/verhalen/{verhaal.pk}/toestemmingsbewijs/").status_code == 404
    assert not Toestemmingsbewijs.objects.exists()
