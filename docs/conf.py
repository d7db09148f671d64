"""Sphinx configuration of the Verhalenbank manual (`make docs`)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "Verhalenbank"
author = "CARE lab Rotterdam"
copyright = "CARE lab Rotterdam"
language = "en"

extensions = [
    "myst_parser",
    "bestaande_paden",
]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
root_doc = "index"

html_theme = "furo"
html_title = "Verhalenbank"
html_static_path = []
