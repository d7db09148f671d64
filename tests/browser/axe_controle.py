"""axe-core in the browser tests: the serious and critical violations of a page."""

from axe_playwright_python.sync_playwright import Axe


def ernstige_overtredingen(page):
    """[(rule, help, the elements it found)] of axe's serious and critical violations."""
    resultaten = Axe().run(page)
    return [
        (v["id"], v["help"], [node["target"] for node in v["nodes"]])
        for v in resultaten.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
