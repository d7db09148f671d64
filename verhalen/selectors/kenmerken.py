"""Reading research attributes: the value of one attribute of a story as an
expression (a column of the code × attribute matrix). The filters per
attribute are in verhalen/forms/filters.py."""

from django.db.models import OuterRef, Subquery

from verhalen.models import Kenmerk, KenmerkWaarde


def waarde_van(kenmerk: Kenmerk, verhaal_pad: str = "verhaal_id") -> Subquery:
    """The value of `kenmerk` of the story at `verhaal_pad`, as an expression."""
    return Subquery(
        KenmerkWaarde.objects.filter(verhaal=OuterRef(verhaal_pad), kenmerk=kenmerk).values(
            kenmerk.kolom
        )[:1]
    )
