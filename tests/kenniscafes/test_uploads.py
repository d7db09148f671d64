"""Café attachments: checked when uploaded, served only as a safe download of
a café the visitor may see."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kenniscafes.models import Bijlage
from tests.helpers import log_in
from tests.kenniscafes.factories import KenniscafeFactory
from tests.voorbeeldbestanden import HTML, SVG, inhoud

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def ophalen(client, url):
    """GET `url`; returns (response, body). Reading a file response to the end
    closes it (the test client then closes the response, as a WSGI server would)."""
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def bijlage(cafe, naam, data, **velden):
    return Bijlage.objects.create(
        kenniscafe=cafe, titel="Dia's", bestand=SimpleUploadedFile(naam, data), **velden
    )


@pytest.mark.parametrize(
    ("naam", "data"), [("dias.pdf", HTML), ("dias.pdf", SVG), ("foto.png", SVG)]
)
def test_a_disguised_page_is_refused(naam, data):
    nieuw = Bijlage(
        kenniscafe=KenniscafeFactory(), titel="Dia's", bestand=SimpleUploadedFile(naam, data)
    )
    with pytest.raises(ValidationError) as fout:
        nieuw.full_clean()
    assert fout.value.error_dict["bestand"][0].code == "inhoud"


@pytest.mark.parametrize("naam", ["foto.svg", "dias.html"])
def test_svg_and_html_are_not_accepted_at_all(naam):
    nieuw = Bijlage(
        kenniscafe=KenniscafeFactory(), titel="x", bestand=SimpleUploadedFile(naam, SVG)
    )
    with pytest.raises(ValidationError) as fout:
        nieuw.full_clean()
    assert fout.value.message_dict["bestand"] == [
        "Dit soort bestand kan hier niet. Kies een bestand van het soort "
        "pdf, pptx, ppt, odp, docx, odt, jpg, jpeg, png of webp."
    ]


@pytest.mark.parametrize("extensie", ["pdf", "pptx", "ppt", "odp", "docx", "odt", "jpg", "png"])
def test_a_genuine_attachment_is_accepted(extensie):
    nieuw = Bijlage(
        kenniscafe=KenniscafeFactory(),
        titel="x",
        bestand=SimpleUploadedFile(f"bijlage.{extensie}", inhoud(extensie)),
    )
    nieuw.full_clean()


def test_a_photo_is_shown_and_served_as_an_image_download(client):
    cafe = KenniscafeFactory()
    foto = bijlage(
        cafe, "zaal.png", inhoud("png"), soort=Bijlage.Soort.FOTO, beschrijving="De zaal"
    )

    pagina = client.get(cafe.get_absolute_url()).content.decode()
    response, body = ophalen(client, foto.bestand.url)

    assert f'<img src="/bestanden/{foto.bestand.name}" alt="De zaal"' in pagina
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="zaal.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert body == inhoud("png")


def test_attachments_of_an_unpublished_cafe_are_not_found(client, coordinator):
    cafe = KenniscafeFactory(gepubliceerd=False)
    dias = bijlage(cafe, "dias.pdf", inhoud("pdf"))

    assert ophalen(client, dias.bestand.url)[0].status_code == 404
    log_in(client, coordinator)  # coordinators see drafts as a preview
    assert ophalen(client, dias.bestand.url)[0].status_code == 200
