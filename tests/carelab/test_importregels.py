"""The direction of imports (pyproject.toml, [tool.importlinter]): the project
package on top, feature apps, shared apps, the toolkit at the bottom; inside
verhalen views -> forms -> services -> selectors -> models. Checked by
import-linter, run here as `make lint` runs it."""

import subprocess
import sys
import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def importregels():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def test_the_import_contracts_hold():
    proces = subprocess.run(
        [Path(sys.executable).with_name("lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert proces.returncode == 0, proces.stdout + proces.stderr
    assert "0 broken" in proces.stdout


def test_every_app_of_ours_is_in_the_contracts():
    """A new app is analysed and has its place among the layers."""
    regels = importregels()
    eigen = {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if Path(config.path).parent == ROOT
    }
    lagen = next(c for c in regels["contracts"] if c["id"] == "apps")["layers"]
    in_lagen = {naam.strip(" ()") for laag in lagen for naam in laag.replace(":", "|").split("|")}

    assert eigen <= set(regels["root_packages"])
    assert eigen <= in_lagen
    assert "carelab" in regels["root_packages"]
