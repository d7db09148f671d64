"""A media folder that cannot be written: an upload gets a clear Dutch page and
nothing is half-saved (toolkit/middleware.py).

As root a chmod does not stop writes, so the folder is made unwritable the way
a failed mount looks: a file stands where the media folder should be.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projecten.models import Publicatie

pytestmark = pytest.mark.django_db


def test_an_upload_into_an_unwritable_media_folder_saves_nothing_and_says_so(
    coordinator_client, settings, tmp_path
):
    in_de_weg = tmp_path / "media"
    in_de_weg.write_text("geen map")
    settings.MEDIA_ROOT = str(in_de_weg)
    coordinator_client.raise_request_exception = False
    response = coordinator_client.post(
        reverse("admin:projecten_publicatie_add"),
        {
            "titel": "Rapport",
            "slug": "rapport",
            "soort": "rapport",
            "gepubliceerd": "on",
            "bestand": SimpleUploadedFile("rapport.pdf", b"%PDF-1.4"),
        },
    )

    assert response.status_code == 503
    inhoud = response.content.decode()
    assert "<h1>Het bestand kon niet worden opgeslagen</h1>" in inhoud
    assert "Er is niets opgeslagen" in inhoud
    assert not Publicatie.objects.exists()
    assert in_de_weg.read_text() == "geen map"
