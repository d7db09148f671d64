"""Stable GUIDs for what a REFI-QDA export holds.

A GUID is the UUID version 5 of one fixed namespace and "<kind>:<key>"
(for example "verhaal:12", "codering:40:7"), so exporting the same objects
again gives the same GUIDs and no table needs a uuid column. Another tool
that imports the export twice therefore recognises its own earlier import.
Two Verhalenbank installations give the same GUID to their own story 12;
an installation that must tell its exports apart sets REFI_NAMESPACE (a UUID).
"""

import uuid

from django.conf import settings

STANDAARD_NAMESPACE = uuid.UUID("6f0c1a5e-7d43-5b8e-9a55-2c1e0a8f3b10")


def namespace() -> uuid.UUID:
    waarde = getattr(settings, "REFI_NAMESPACE", None)
    return uuid.UUID(str(waarde)) if waarde else STANDAARD_NAMESPACE


def guid(soort: str, *sleutel) -> str:
    """The GUID of one object: `guid("verhaal", 12)`, `guid("codering", 40, 7)`."""
    return str(uuid.uuid5(namespace(), ":".join([soort, *map(str, sleutel)])))
