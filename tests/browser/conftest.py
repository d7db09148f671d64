"""Browser journeys in real Chromium (Debian's package) driven by Playwright.

Locally a missing Chromium skips these tests; with CI=true it fails them.
Every browser test is transactional (the live server runs in another
thread) and restores the migration data (themes, groups) afterwards.
"""

import os
import shutil

import pytest

from accounts.tweestaps.services import tweestaps_nodig
from tests.factories import DEFAULT_PASSWORD
from tests.helpers import app_device, pass_second_step

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" not in item.nodeid.replace(os.sep, "/"):
            continue
        item.add_marker(pytest.mark.browser)
        item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
        # In CI the tests run anyway and fail in browser_type_launch_args.
        if CHROMIUM is None and os.environ.get("CI") != "true":
            item.add_marker(pytest.mark.skip(reason="Chromium is niet geïnstalleerd"))


@pytest.fixture(scope="session", autouse=True)
def _share_serialized_contents(django_db_setup):
    """Let every connection object restore the migration data.

    Playwright's sync API runs the test in another async context, where
    Django hands out a new connection object that lacks the serialized
    contents taken at database setup; serialized_rollback would then
    silently restore nothing. The contents live on the class instead.
    """
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def _lege_gedeelde_cache(transactional_db):
    """The flush between transactional tests empties the models' tables, not
    the shared cache's table (toolkit/cache.py): start every browser test
    with an empty cache, so no page cached by an earlier test is served."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if CHROMIUM is None and os.environ.get("CI") == "true":
        pytest.fail("Chromium ontbreekt: installeer het Debian-pakket chromium.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}


@pytest.fixture
def login(page, live_server):
    """Log in through the real login form: login(user) → the page after login.

    Users who need two-factor authentication (researchers, superusers) get a
    confirmed authenticator app and type its current code on the real second
    step; login(user, second_step=False) stops at that step. A test that
    fills the login form itself calls tests.helpers.pass_second_step(page, user).
    """

    def _login(user, password=DEFAULT_PASSWORD, *, second_step=True):
        device = app_device(user) if tweestaps_nodig(user) else None
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        if device is not None and second_step:
            pass_second_step(page, user)
        return page

    return _login
