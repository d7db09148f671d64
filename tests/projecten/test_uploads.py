"""Publication files: refused when they lie about their kind, and served only
as a safe download, only when the publication may be seen."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains

from projecten.models import Publicatie
from tests.helpers import log_in
from tests.projecten.factories import ProjectFactory, PublicatieFactory
from tests.voorbeeldbestanden import HTML, SVG, inhoud

pytestmark = pytest.mark.django_db


def ophalen(client, url):
    """GET `url`; returns (response, body). Reading a file response to the end
    closes it (the test client then closes the response, as a WSGI server would)."""
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def admin_upload(client, naam, data):
    return client.post(
        reverse("admin:projecten_publicatie_add"),
        {
            "titel": "Rapport",
            "slug": "rapport",
            "soort": "rapport",
            "gepubliceerd": "on",
            "bestand": SimpleUploadedFile(naam, data),
        },
    )


@pytest.mark.parametrize(("naam", "data"), [("rapport.pdf", HTML), ("rapport.pdf", SVG)])
def test_html_or_svg_renamed_to_pdf_is_refused_in_the_admin(coordinator_client, naam, data):
    response = admin_upload(coordinator_client, naam, data)

    assert response.status_code == 200
    assertContains(response, "De inhoud van dit bestand past niet bij de naam")
    assert not Publicatie.objects.exists()
    # The rest of the form is kept.
    assertContains(response, 'value="Rapport"')


@pytest.mark.parametrize("naam", ["rapport.html", "tekening.svg"])
def test_html_or_svg_by_name_is_refused_in_the_admin(coordinator_client, naam):
    response = admin_upload(coordinator_client, naam, HTML)
    assertContains(
        response,
        "Dit soort bestand kan hier niet. Kies een bestand van het soort "
        "pdf, docx, xlsx, pptx of odt.",
    )
    assert not Publicatie.objects.exists()


@pytest.mark.parametrize("extensie", ["pdf", "docx", "xlsx", "pptx", "odt"])
def test_a_genuine_file_is_stored(coordinator_client, extensie):
    response = admin_upload(coordinator_client, f"rapport.{extensie}", inhoud(extensie))
    assert response.status_code == 302
    assert Publicatie.objects.get().bestand.name.startswith("publicaties/rapport")


def test_a_published_file_is_served_as_a_safe_download(client):
    publicatie = PublicatieFactory(bestand=SimpleUploadedFile("samenspel.pdf", inhoud("pdf")))
    url = publicatie.bestand.url

    response, body = ophalen(client, url)

    assert url == f"/bestanden/{publicatie.bestand.name}"
    assert response.status_code == 200
    assert body == inhoud("pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="samenspel.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


def test_the_publication_page_links_to_the_download_view(client):
    publicatie = PublicatieFactory(bestand=SimpleUploadedFile("samenspel.pdf", inhoud("pdf")))
    response = client.get(publicatie.get_absolute_url())
    assertContains(response, f'href="/bestanden/{publicatie.bestand.name}"')


def test_a_stored_file_with_html_inside_still_never_runs_as_a_page(client):
    """E.g. a file from before the content check: its declared kind and the
    sandbox decide, not what it contains."""
    publicatie = PublicatieFactory()
    publicatie.bestand.save("oud.pdf", ContentFile(HTML))

    response, body = ophalen(client, publicatie.bestand.url)

    assert body == HTML
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


@pytest.mark.parametrize(
    "verborgen",
    [
        {"gepubliceerd": False},
        {"project": "verborgen"},
    ],
)
def test_the_file_of_a_hidden_publication_is_not_found(client, coordinator, verborgen):
    if "project" in verborgen:
        verborgen = {"project": ProjectFactory(gepubliceerd=False)}
    publicatie = PublicatieFactory(
        bestand=SimpleUploadedFile("concept.pdf", inhoud("pdf")), **verborgen
    )
    url = publicatie.bestand.url

    assert ophalen(client, url)[0].status_code == 404
    # Coordinators keep the publications, also before they go online.
    log_in(client, coordinator)
    assert ophalen(client, url)[0].status_code == 200


@pytest.mark.parametrize(
    "naam",
    [
        "publicaties/bestaat-niet.pdf",
        "publicaties/../carelab/settings.py",
        "verhalen/geheim.pdf",
        "publicaties",
        "publicaties/rapport\x00.pdf",
        "publicaties/\trapport.pdf",
    ],
)
def test_anything_but_a_known_file_is_not_found(client, naam):
    PublicatieFactory(bestand=SimpleUploadedFile("rapport.pdf", inhoud("pdf")))
    assert client.get(reverse("bestand", args=[naam])).status_code == 404


def test_a_file_whose_record_exists_but_file_is_gone_is_not_found(client):
    publicatie = PublicatieFactory(bestand=SimpleUploadedFile("weg.pdf", inhoud("pdf")))
    publicatie.bestand.storage.delete(publicatie.bestand.name)
    assert client.get(publicatie.bestand.url).status_code == 404


def test_the_download_view_only_answers_reads(client):
    publicatie = PublicatieFactory(bestand=SimpleUploadedFile("rapport.pdf", inhoud("pdf")))
    assert client.post(publicatie.bestand.url).status_code == 405
