"""A clean browser console: no warnings, errors or uncaught exceptions on any page.

`bewaak(context)` listens on a whole browser context (every page and
navigation in it) and returns the list it fills; a test asserts it is empty.
"""


def bewaak(context):
    meldingen = []
    context.on(
        "console",
        lambda bericht: (
            meldingen.append(f"{bericht.type}: {bericht.text} ({bericht.page.url})")
            if bericht.type in ("warning", "error")
            else None
        ),
    )
    context.on("weberror", lambda fout: meldingen.append(f"exception: {fout.error}"))
    return meldingen


def rustig_af(page):
    """Leave the page and let the live server finish what the browser still asked
    (an icon, a stylesheet): a request in flight when the test ends makes the
    live server close a database connection from the wrong thread."""
    page.goto("about:blank")
    page.wait_for_timeout(300)
