"""Counting writes: what the load-test clients saw succeed against what the database holds.

Every write of the load test carries a unique marker (`load-<uuid>`) in a text
field: the fragment's memo, the reflection's text, the registration's e-mail
address, the publication's title (an upload through the admin). A client
records the marker only after the server answered with the redirect that
means "saved". Afterwards the markers in the database are
compared with the reported ones, per kind of write.
"""

from collections import Counter

SOORTEN = ("fragmenten", "reflecties", "aanmeldingen", "publicaties")
# The file every uploaded publication sends: a small real PDF (the upload check
# reads the content, toolkit/uploads.py); a stored file must have all of it.
PDF = b"%PDF-1.4\n% belastingproef\n" + b"0" * 4000 + b"\n%%EOF\n"


def vergelijk(gemeld: dict[str, list[str]], opgeslagen: dict[str, list[str]]) -> dict:
    """Per kind: how many reported, how many stored, which were lost or unexpected.

    `verloren` are reported as saved but missing in the database (a lost
    write); `dubbel` are stored more than once; `onverwacht` are stored but
    never reported (a request that saved but answered with an error).
    """
    uitkomst = {}
    for soort in SOORTEN:
        gezien = list(gemeld.get(soort, []))
        in_db = list(opgeslagen.get(soort, []))
        aantallen = Counter(in_db)
        uitkomst[soort] = {
            "gemeld": len(gezien),
            "opgeslagen": len(in_db),
            "verloren": sorted(set(gezien) - set(in_db)),
            "dubbel": sorted(marker for marker, keer in aantallen.items() if keer > 1),
            "onverwacht": sorted(set(in_db) - set(gezien)),
        }
    return uitkomst


def alles_bewaard(uitkomst: dict) -> bool:
    """True when every reported write is stored exactly once and nothing else was."""
    return all(
        not (telling["verloren"] or telling["dubbel"] or telling["onverwacht"])
        and telling["gemeld"] == telling["opgeslagen"]
        for telling in uitkomst.values()
    )
