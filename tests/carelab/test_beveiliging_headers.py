"""Security headers and cookies as production serves them.

The settings are loaded the way production loads them: a separate Python
process with DJANGO_DEBUG unset and only DJANGO_SECRET_KEY and
DJANGO_ALLOWED_HOSTS set (carelab.settings, not the test settings). Inside
it, Django's test client fetches real pages from a fresh database and
prints what came back; the tests below read that report. Nothing here types
the expected values into the settings: a weakened setting fails the test.
"""

import json
import subprocess
import sys

import pytest

from tests.carelab.test_settings import ROOT, production_env
from tests.verhalen.factories import VerhaalFactory

HOST = "verhalenbank.example.org"

PROBE = """
import json
import sys

import django

django.setup()
from django.conf import settings

settings.STATIC_ROOT = sys.argv[2]
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client

call_command("collectstatic", interactive=False, verbosity=0)
connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
get_user_model().objects.create_user("proef", password="een-lang-proefwachtwoord-42")

client = Client(HTTP_HOST=sys.argv[1])


def report(response):
    return {
        "status": response.status_code,
        "location": response.get("Location", ""),
        "headers": {name.lower(): value for name, value in response.headers.items()},
        "cookies": {
            name: {
                "secure": bool(morsel["secure"]),
                "httponly": bool(morsel["httponly"]),
                "samesite": morsel["samesite"],
                "path": morsel["path"],
            }
            for name, morsel in response.cookies.items()
        },
    }


pages = {
    "http": client.get("/"),
    "home": client.get("/", secure=True),
    "login": client.get("/accounts/login/", secure=True),
    "admin": client.get("/admin/login/", secure=True),
    "agenda": client.get("/kenniscafes/", secure=True),
    "404": client.get("/bestaat-niet/", secure=True),
}
pages["ingelogd"] = client.post(
    "/accounts/login/",
    {"username": "proef", "password": "een-lang-proefwachtwoord-42"},
    secure=True,
)
pages["home_ingelogd"] = client.get("/", secure=True)
print(json.dumps({name: report(response) for name, response in pages.items()}))
"""

HTML_PAGINAS = ["home", "login", "admin", "agenda", "404"]


@pytest.fixture(scope="module")
def productie(tmp_path_factory):
    """What production answers, page by page (status, headers, cookies)."""
    map = tmp_path_factory.mktemp("productie")
    database = map / "db.sqlite3"
    # Never the suite's own database (on PostgreSQL a test database of the
    # same name would be clobbered): a file of its own, migrated in memory.
    env = production_env(DATABASE_URL=f"sqlite:///{database}")
    env["DJANGO_ALLOWED_HOSTS"] = HOST
    result = subprocess.run(
        [sys.executable, "-c", PROBE, HOST, str(map / "static")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def directives(policy):
    """{'script-src': ["'self'"], ...} from a Content-Security-Policy header."""
    uitkomst = {}
    for deel in policy.split(";"):
        woorden = deel.split()
        if woorden:
            uitkomst[woorden[0]] = woorden[1:]
    return uitkomst


def test_production_pages_answer_as_expected(productie):
    statussen = {naam: pagina["status"] for naam, pagina in productie.items()}
    assert statussen == {
        "http": 301,
        "home": 200,
        "login": 200,
        "admin": 200,
        "agenda": 200,
        "404": 404,
        "ingelogd": 302,
        "home_ingelogd": 200,
    }


def test_plain_http_is_redirected_to_https(productie):
    assert productie["http"]["location"] == f"https://{HOST}/"


@pytest.mark.parametrize("pagina", HTML_PAGINAS)
def test_content_security_policy_is_strict(productie, pagina):
    policy = productie[pagina]["headers"]["content-security-policy"]
    regels = directives(policy)

    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "unsafe-hashes" not in policy
    assert regels["default-src"] == ["'self'"]
    assert regels["script-src"] == ["'self'"]
    assert regels["style-src"] == ["'self'"]
    assert regels["object-src"] == ["'none'"]
    assert regels["base-uri"] == ["'self'"]
    assert regels["form-action"] == ["'self'"]
    assert regels["frame-ancestors"] == ["'none'"]
    # Nothing from elsewhere: every source is our own origin (or an inline image).
    bronnen = {bron for waarden in regels.values() for bron in waarden}
    assert bronnen <= {"'self'", "'none'", "data:"}


@pytest.mark.parametrize("pagina", HTML_PAGINAS)
def test_transport_and_browser_headers(productie, pagina):
    headers = productie[pagina]["headers"]
    hsts = [deel.strip() for deel in headers["strict-transport-security"].split(";")]

    assert hsts[0] == "max-age=31536000"
    assert "includeSubDomains" in hsts
    assert "preload" in hsts
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    verboden = [deel.strip() for deel in headers["permissions-policy"].split(",")]
    assert {"camera=()", "microphone=()", "geolocation=()"} <= set(verboden)


def test_session_cookie_is_secure_httponly_and_same_site(productie):
    cookie = productie["ingelogd"]["cookies"]["sessionid"]
    assert cookie == {"secure": True, "httponly": True, "samesite": "Lax", "path": "/"}


def test_csrf_cookie_is_secure_httponly_and_same_site(productie):
    cookie = productie["login"]["cookies"]["csrftoken"]
    # No script of ours reads the token (forms carry it), so scripts may not either.
    assert cookie == {"secure": True, "httponly": True, "samesite": "Lax", "path": "/"}


@pytest.mark.parametrize("pagina", ["login", "admin", "home_ingelogd"])
def test_pages_with_personal_data_are_not_stored_by_browsers_or_proxies(productie, pagina):
    """Login forms and every page seen by a logged-in person (ASVS 8.2.1)."""
    cache_control = {
        deel.strip() for deel in productie[pagina]["headers"]["cache-control"].split(",")
    }
    assert {"private", "no-store"} <= cache_control


# --- the same rules in the suite's own settings (fast, every run) ----------------------


@pytest.mark.django_db
def test_a_story_page_is_never_stored(onderzoeker_client):
    response = onderzoeker_client.get(VerhaalFactory().get_absolute_url())

    assert response.status_code == 200
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}


@pytest.mark.django_db
def test_public_pages_for_anonymous_visitors_may_be_cached(client):
    response = client.get("/kenniscafes/")
    assert "no-store" not in response.get("Cache-Control", "")
    assert "camera=()" in response["Permissions-Policy"]
