import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_a_real_icon(client):
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (302, "/static/img/favicon.ico")
    assert "max-age=86400" in response["Cache-Control"]
    with open(finders.find("img/favicon.ico"), "rb") as bestand:
        inhoud = bestand.read()
    assert inhoud[:4] == b"\x00\x00\x01\x00"  # ICO header: an icon resource
    assert inhoud[22:30] == b"\x89PNG\r\n\x1a\n"  # holding one PNG image
