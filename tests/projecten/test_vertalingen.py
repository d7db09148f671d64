"""Admin JavaScript texts are Dutch, also where Django's own Dutch lacks them."""

import pytest

pytestmark = pytest.mark.django_db


def test_admin_theme_selector_instructions_are_dutch(coordinator_client):
    response = coordinator_client.get("/admin/jsi18n/")

    catalogus = response.content.decode()
    assert '"Choose all %s": "Alle %s kiezen"' in catalogus
    assert '"Remove all %s": "Alle %s verwijderen"' in catalogus
    assert "Kies %s door ze te selecteren" in catalogus
