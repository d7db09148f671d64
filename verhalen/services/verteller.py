"""Writes of the teller's own voice: their meaning and their view of the themes.

Called from the teller's page (app `vertellers`); see verhalen/models/verteller.py.
"""

from dataclasses import dataclass

from django.db import transaction

from verhalen.models import Betekenis, Oordeel, Themaoordeel, Verhaal


@dataclass(frozen=True)
class Themastem:
    thema_id: int
    oordeel: str  # an Oordeel value, or "" for no answer
    toelichting: str = ""


@transaction.atomic
def bewaar_stem_van_verteller(
    *, verhaal: Verhaal, betekenis: str, themastemmen: list[Themastem]
) -> None:
    """Store what the story means to the teller and their answer per theme.

    An empty `betekenis` removes the stored one; a theme without an answer
    (and without text) removes its stored answer; a theme the story does not
    carry is ignored. Only themes of the story count: a teller cannot judge
    codes of another story. No history (the teller's words are theirs to
    change); nothing else changes, the stored counts included.
    """
    betekenis = betekenis.strip()
    if betekenis:
        opgeslagen = Betekenis.objects.filter(verhaal=verhaal).first()
        opgeslagen = opgeslagen or Betekenis(verhaal=verhaal)
        opgeslagen.tekst = betekenis
        opgeslagen.full_clean()
        opgeslagen.save()
    else:
        Betekenis.objects.filter(verhaal=verhaal).delete()

    eigen_themas = set(verhaal.thema_items.values_list("tag_id", flat=True))
    for stem in themastemmen:
        if stem.thema_id not in eigen_themas:
            continue
        bestaand = Themaoordeel.objects.filter(verhaal=verhaal, thema_id=stem.thema_id)
        if stem.oordeel not in Oordeel.values:
            bestaand.delete()
            continue
        oordeel = bestaand.first() or Themaoordeel(verhaal=verhaal, thema_id=stem.thema_id)
        oordeel.oordeel = stem.oordeel
        oordeel.toelichting = stem.toelichting.strip()
        oordeel.full_clean()
        oordeel.save()
