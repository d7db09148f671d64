"""Writes to research attributes (verhalen.models.kenmerk): define an
attribute, set a story's values (from the story form), set one value on many
stories at once (from the story list).

Keyword-only, one transaction each, `full_clean()` before saving; every value
change is kept by django-simple-history (who, when, what).
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from toolkit.slugs import vrije_slug
from verhalen.models import Kenmerk, KenmerkSoort, KenmerkWaarde, Verhaal


def is_leeg(waarde: Any) -> bool:
    return waarde is None or waarde == ""


def _unieke_slug(naam: str, *, behalve: int | None = None) -> str:
    bezet = Kenmerk.objects.exclude(pk=behalve)
    return vrije_slug(naam, bezet=bezet, standaard="kenmerk", lengte=70)


@transaction.atomic
def bewaar_kenmerk(
    *,
    kenmerk: Kenmerk | None = None,
    naam: str,
    soort: str,
    keuzes: Iterable[str] = (),
    uitleg: str = "",
    volgorde: int = 100,
    door: AbstractBaseUser,
) -> Kenmerk:
    """Define a new attribute (`kenmerk` None) or change one.

    The kind of an attribute that has values cannot change (the values would
    stand in the wrong column); the form says so before this is called.
    Side effects: one history row of the attribute, by `door`; a new
    attribute gets a slug from its name.
    """
    if kenmerk is None:
        kenmerk = Kenmerk(slug=_unieke_slug(naam))
    kenmerk.naam = naam
    kenmerk.soort = soort
    kenmerk.keuzes = list(keuzes) if soort == KenmerkSoort.KEUZE else []
    kenmerk.uitleg = uitleg
    kenmerk.volgorde = volgorde
    kenmerk.full_clean()
    kenmerk._history_user = door
    kenmerk.save()
    return kenmerk


def _zet(verhaal: Verhaal, kenmerk: Kenmerk, waarde: Any, door, bestaand, reden: str) -> bool:
    """Store one value (or remove it when empty); True when something changed."""
    if is_leeg(waarde):
        if bestaand is None:
            return False
        bestaand._history_user = door
        bestaand._change_reason = reden
        bestaand.delete()
        return True
    rij = bestaand or KenmerkWaarde(verhaal=verhaal, kenmerk=kenmerk)
    if bestaand is not None and bestaand.waarde == waarde:
        return False
    setattr(rij, kenmerk.kolom, waarde)
    rij.full_clean(validate_unique=False)
    rij._history_user = door
    rij._change_reason = reden
    rij.save()
    return True


@transaction.atomic
def zet_kenmerken(
    *,
    verhaal: Verhaal,
    waarden: Mapping[Kenmerk, Any],
    door: AbstractBaseUser,
    reden: str = "",
) -> int:
    """Set the story's value of each attribute in `waarden` (an empty value
    removes it). Values are already cleaned (the story form's fields).

    Side effects: one history row per value that changed, by `door`.
    Returns the number of values that changed.
    """
    bestaande = {
        rij.kenmerk_id: rij
        for rij in KenmerkWaarde.objects.select_related("kenmerk").filter(verhaal=verhaal)
    }
    return sum(
        _zet(verhaal, kenmerk, waarde, door, bestaande.get(kenmerk.pk), reden)
        for kenmerk, waarde in waarden.items()
    )


@transaction.atomic
def maak_waarden(
    *,
    waarden: Iterable[tuple[Verhaal, Mapping[Kenmerk, Any]]],
    door: AbstractBaseUser,
    reden: str = "",
) -> int:
    """Give new stories (that have no values yet) their values, many at once
    (an import): `waarden` holds (verhaal, {Kenmerk: cleaned value}) pairs;
    empty values are left out. The number of queries does not grow with the
    number of stories.

    Side effects: one history row ("+", by `door`, with `reden`) per value.
    Returns the number of values stored.
    """
    rijen = []
    for verhaal, per_kenmerk in waarden:
        for kenmerk, waarde in per_kenmerk.items():
            if is_leeg(waarde):
                continue
            rij = KenmerkWaarde(verhaal=verhaal, kenmerk=kenmerk)
            setattr(rij, kenmerk.kolom, waarde)
            # As _zet, without a query per value: story and attribute are
            # loaded objects, the database checks its constraints again.
            rij.full_clean(exclude=["verhaal", "kenmerk"], validate_constraints=False)
            rijen.append(rij)
    bulk_create_with_history(
        rijen, KenmerkWaarde, batch_size=1_000, default_user=door, default_change_reason=reden
    )
    return len(rijen)


@transaction.atomic
def zet_kenmerk_voor_verhalen(
    *,
    verhalen: Iterable[Verhaal],
    kenmerk: Kenmerk,
    waarde: Any,
    door: AbstractBaseUser,
) -> int:
    """Give every story of `verhalen` the value `waarde` of `kenmerk` (empty:
    remove it). The caller chose the stories through
    `Verhaal.objects.zichtbaar_voor(door)`.

    Side effects: one history row per story whose value changed, by `door`.
    Returns the number of stories whose value changed.
    """
    verhalen = list(verhalen)
    bestaande = {
        rij.verhaal_id: rij
        for rij in KenmerkWaarde.objects.select_related("kenmerk").filter(
            kenmerk=kenmerk, verhaal__in=verhalen
        )
    }
    reden = "In één keer gezet vanuit de verhalenlijst"
    return sum(
        _zet(verhaal, kenmerk, waarde, door, bestaande.get(verhaal.pk), reden)
        for verhaal in verhalen
    )
