"""Slugs for new objects: the one way to find a free one."""

from django.db.models import QuerySet
from django.utils.text import slugify


def vrije_slug(
    tekst: str,
    *,
    bezet: QuerySet,
    standaard: str,
    lengte: int,
    gereserveerd: frozenset[str] = frozenset(),
) -> str:
    """A slug for `tekst` that no row of `bezet` holds and that is not one of
    the `gereserveerd` paths: "wachten-op-hulp", "wachten-op-hulp-2", …

    `bezet` is the queryset of rows whose `slug` a new one may not take
    (exclude the object itself when it is renamed); `standaard` is used when
    `tekst` has no letters or digits; `lengte` leaves room for a "-2" suffix
    within the field's max_length. One query.
    """
    basis = slugify(tekst)[:lengte] or standaard
    genomen = set(bezet.filter(slug__startswith=basis).values_list("slug", flat=True))
    genomen |= gereserveerd
    slug, nummer = basis, 2
    while slug in genomen:
        slug, nummer = f"{basis}-{nummer}", nummer + 1
    return slug
