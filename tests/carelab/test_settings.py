import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="carelab.settings",
        DJANGO_SECRET_KEY="prod-" + "k3y" * 20,
        DJANGO_ALLOWED_HOSTS="verhalenbank.example.org",
        **extra,
    )
    return env


def test_site_is_dutch_and_in_amsterdam_time():
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"
    assert settings.USE_TZ is True


@pytest.mark.parametrize("extra", [{}, {"DJANGO_BEHIND_PROXY": "1"}], ids=["direct", "proxy"])
def test_check_deploy_is_clean_in_production_settings(extra):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(**extra),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Clean because the settings are right, not because a warning was silenced.
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_no_system_check_is_silenced():
    assert settings.SILENCED_SYSTEM_CHECKS == []


@pytest.mark.parametrize(
    "command",
    [
        # How gunicorn starts the app.
        ["-c", "import carelab.wsgi"],
        # A production shell (database configured) without the key.
        ["manage.py", "check"],
    ],
)
def test_production_refuses_to_start_without_secret_key(command):
    env = production_env(DATABASE_URL="sqlite:////tmp/niet-gebruikt.sqlite3")
    del env["DJANGO_SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is verplicht" in result.stderr


def test_bare_checkout_runs_management_commands_in_development_mode():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


WHITENOISE_PROBE = """
import sys
import django

django.setup()
from django.conf import settings

settings.STATIC_ROOT = sys.argv[1]
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

call_command("collectstatic", interactive=False, verbosity=0)
url = static("css/site.css")
response = Client().get(url, secure=True, HTTP_ACCEPT_ENCODING="gzip")
print(url, response.status_code, response.get("Content-Encoding"), response["Cache-Control"])
"""


def test_whitenoise_serves_compressed_static_files_with_hashed_names(tmp_path):
    env = production_env()
    env["DJANGO_ALLOWED_HOSTS"] = "testserver"
    result = subprocess.run(
        [sys.executable, "-c", WHITENOISE_PROBE, str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    url, status, encoding, cache_control = result.stdout.split(maxsplit=3)
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)
    assert (status, encoding) == ("200", "gzip")
    assert "immutable" in cache_control
