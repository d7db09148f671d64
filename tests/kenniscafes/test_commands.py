import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kenniscafes.management.commands.anonimiseer_aanmeldingen import maanden_terug

from .factories import AanmeldingFactory, KenniscafeFactory, amsterdam, over_dagen

pytestmark = pytest.mark.django_db


def _run(*args):
    uitvoer = io.StringIO()
    call_command("anonimiseer_aanmeldingen", *args, stdout=uitvoer)
    return uitvoer.getvalue()


@pytest.fixture
def oud_en_recent():
    oud = AanmeldingFactory(kenniscafe=KenniscafeFactory(start=over_dagen(-380), locatie=None))
    recent = AanmeldingFactory(kenniscafe=KenniscafeFactory(start=over_dagen(-200), locatie=None))
    return oud, recent


def test_command_anonymises_after_default_twelve_months(oud_en_recent):
    oud, recent = oud_en_recent
    assert "1 aanmeldingen van kenniscafés van vóór" in _run()
    oud.refresh_from_db()
    recent.refresh_from_db()
    assert (oud.naam, oud.email) == ("", "")
    assert recent.naam != ""


def test_command_follows_the_setting(oud_en_recent, settings):
    settings.KENNISCAFE_ANONIMISEREN_NA_MAANDEN = 6
    _run()
    oud, recent = oud_en_recent
    recent.refresh_from_db()
    assert recent.email == ""


def test_command_dry_run_changes_nothing(oud_en_recent):
    assert "1 aanmeldingen" in _run("--proef")
    oud, _recent = oud_en_recent
    oud.refresh_from_db()
    assert oud.email.endswith("@example.org")


def test_command_second_run_finds_nothing_new(oud_en_recent):
    _run()
    assert _run().startswith("0 aanmeldingen")


def test_command_refuses_negative_months():
    with pytest.raises(CommandError):
        _run("--maanden", "-1")


@pytest.mark.parametrize(
    ("moment", "maanden", "verwacht"),
    [
        (amsterdam(2025, 3, 31, 10), 1, amsterdam(2025, 2, 28, 10)),
        (amsterdam(2024, 3, 31, 10), 1, amsterdam(2024, 2, 29, 10)),
        (amsterdam(2025, 1, 15, 10), 12, amsterdam(2024, 1, 15, 10)),
        (amsterdam(2025, 1, 15, 10), 13, amsterdam(2023, 12, 15, 10)),
    ],
)
def test_maanden_terug(moment, maanden, verwacht):
    assert maanden_terug(moment, maanden) == verwacht
