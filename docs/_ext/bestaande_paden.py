"""Warn when the manual names a file or folder of the repository that is not there.

Inline code such as `verhalen/services/codering.py` or `tests/carelab/` is taken
for a path of the repository. After a move (e.g. in a restructure) the build
then fails under `-W` until the manual says where the file went. Paths with
placeholders (`<app>`, `…`, `*`), addresses (`/verhalen/`) and the folders
the site writes at run time (`NIET_IN_REPO`) are not paths of the repository.
"""

import re
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)
REPO = Path(__file__).resolve().parents[2]
PAD = re.compile(r"^[A-Za-z_.][\w.-]*/[\w./-]*$")


NIET_IN_REPO = ("var/", ".venv/", "docs/_build/", "bestanden/", "publicaties/", "node_modules/")


def _is_repo_pad(tekst: str) -> bool:
    return bool(PAD.match(tekst)) and "//" not in tekst and not tekst.startswith(NIET_IN_REPO)


def controleer_paden(app, doctree, docname):
    for literal in doctree.findall(nodes.literal):
        tekst = literal.astext().strip()
        if _is_repo_pad(tekst) and not (REPO / tekst).exists():
            logger.warning(
                "%s names %s, which is not in the repository (moved? see the layout)",
                docname,
                tekst,
                location=literal,
                type="verhalenbank",
                subtype="pad",
            )


def setup(app):
    app.connect("doctree-resolved", controleer_paden)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
