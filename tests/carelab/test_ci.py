"""The CI contract of the browser tests: with CI=true a missing Chromium
fails the run; locally it skips them."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run_login_tests_without_chromium(**extra):
    # A PATH without Chromium; a private SQLite database (the outer run may
    # hold PostgreSQL's test database).
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "DATABASE_URL")}
    env.update(PATH=str(Path(sys.executable).parent), DATABASE_URL="sqlite:///:memory:", **extra)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/browser/test_login.py",
            "-k",
            "skip_link",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_missing_chromium_fails_browser_tests_in_ci():
    result = _run_login_tests_without_chromium(CI="true")
    assert result.returncode != 0, result.stdout
    assert "Chromium ontbreekt" in result.stdout


def test_missing_chromium_skips_browser_tests_locally():
    result = _run_login_tests_without_chromium()
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout
