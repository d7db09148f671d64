"""Reads for the teller's page: where their story is quoted."""

from verhalen.models import CollectieItem, Publiek, Verhaal
from verhalen.models.verhaal import TOESTEMMING_VOOR_PUBLIEK


def waar_geciteerd(verhaal: Verhaal) -> list[CollectieItem]:
    """The story's places in published collections whose readers its consent
    allows today (so exactly where readers see it), with the collection and
    the chosen passages loaded; titles and passages only are shown."""
    publieken = [
        publiek
        for publiek in Publiek.values
        if verhaal.toestemming in TOESTEMMING_VOOR_PUBLIEK[publiek]
    ]
    return list(
        CollectieItem.objects.filter(
            verhaal=verhaal, collectie__gepubliceerd=True, collectie__publiek__in=publieken
        )
        .select_related("collectie")
        .prefetch_related("fragmenten")
        .order_by("collectie__titel", "pk")
    )
