"""Reads of the teller's own voice (verhalen/models/verteller.py)."""

from verhalen.models import Betekenis, Themaoordeel


def stem_van_verteller(verhaal):
    """{"betekenis": Betekenis or None, "oordelen": [Themaoordeel, …]} for the
    story page; two queries."""
    return {
        "betekenis": Betekenis.objects.filter(verhaal=verhaal).first(),
        "oordelen": list(Themaoordeel.objects.filter(verhaal=verhaal).select_related("thema")),
    }
