"""Writing advice: drafting, citing, comments, status and the gemeente's answer.

Every function is keyword-only and atomic. Side effects: history rows
(django-simple-history) for advice, recommendations, citations and answers,
with `door` as the history user. Nothing sends mail.
"""

import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from toolkit.slugs import vrije_slug
from verhalen.models import Reflectie, Verhaal

from .models import Aanbeveling, Advies, Antwoord, Citaat, Opmerking, Status

# Which status may follow which (concept and vastgesteld may go back and forth).
OVERGANGEN = {
    Status.CONCEPT: {Status.VASTGESTELD},
    Status.VASTGESTELD: {Status.CONCEPT, Status.AANGEBODEN},
    Status.AANGEBODEN: set(),
    Status.BEANTWOORD: set(),
}


def _door(obj, door):
    obj._history_user = door  # simple-history's documented way to name the user


# Paths under /adviezen/ that are pages, not advice.
GERESERVEERD = frozenset({"nieuw"})


def _unieke_slug(titel: str) -> str:
    return vrije_slug(
        titel, bezet=Advies.objects.all(), standaard="advies", lengte=180, gereserveerd=GERESERVEERD
    )


def _moet_concept_zijn(advies: Advies):
    if not advies.is_concept:
        raise ValidationError(
            "Dit advies is vastgesteld. Zet het eerst terug naar concept om het te wijzigen.",
            code="niet_concept",
        )


@transaction.atomic
def maak_advies(*, titel: str, inleiding: str, themas, door: AbstractBaseUser) -> Advies:
    """A new advice in status concept; history row by `door`."""
    advies = Advies(titel=titel.strip(), inleiding=inleiding.strip(), aangemaakt_door=door)
    advies.slug = _unieke_slug(advies.titel)
    advies.full_clean()
    _door(advies, door)
    advies.save()
    advies.themas.set(list(themas))
    return advies


@transaction.atomic
def wijzig_advies(
    *, advies: Advies, titel: str, inleiding: str, themas, door: AbstractBaseUser
) -> Advies:
    """Change a draft's title, introduction and themes; history row by `door`."""
    advies = Advies.objects.select_for_update().get(pk=advies.pk)
    _moet_concept_zijn(advies)
    advies.themas.set(list(themas))
    advies.titel, advies.inleiding = titel.strip(), inleiding.strip()
    advies.full_clean()
    _door(advies, door)
    advies.save()
    return advies


@transaction.atomic
def voeg_aanbeveling_toe(*, advies: Advies, tekst: str, door: AbstractBaseUser) -> Aanbeveling:
    """A recommendation at the end of a draft; history row by `door`."""
    _moet_concept_zijn(Advies.objects.select_for_update().get(pk=advies.pk))
    laatste = advies.aanbevelingen.order_by("-volgorde").values_list("volgorde", flat=True)
    aanbeveling = Aanbeveling(
        advies=advies, tekst=tekst.strip(), volgorde=(laatste.first() or 0) + 1
    )
    aanbeveling.full_clean()
    _door(aanbeveling, door)
    aanbeveling.save()
    return aanbeveling


@transaction.atomic
def wijzig_aanbeveling(
    *, aanbeveling: Aanbeveling, tekst: str, door: AbstractBaseUser
) -> Aanbeveling:
    """Change a draft recommendation's text; history row by `door`."""
    _moet_concept_zijn(Advies.objects.select_for_update().get(pk=aanbeveling.advies_id))
    aanbeveling.tekst = tekst.strip()
    aanbeveling.full_clean()
    _door(aanbeveling, door)
    aanbeveling.save()
    return aanbeveling


@transaction.atomic
def verwijder_aanbeveling(*, aanbeveling: Aanbeveling, door: AbstractBaseUser) -> None:
    """Remove a draft recommendation and its citations; history rows by `door`."""
    _moet_concept_zijn(Advies.objects.select_for_update().get(pk=aanbeveling.advies_id))
    _door(aanbeveling, door)
    aanbeveling.delete()


@transaction.atomic
def citeer_passage(
    *, aanbeveling: Aanbeveling, verhaal: Verhaal, start: int, eind: int, door: AbstractBaseUser
) -> Citaat:
    """Cite verhaal.tekst[start:eind] under a draft recommendation.

    PermissionDenied when `door` may not read the story (the one rule);
    ValidationError when the stretch is not inside the text. The same
    passage cited twice is kept once.
    """
    _moet_concept_zijn(Advies.objects.select_for_update().get(pk=aanbeveling.advies_id))
    if not Verhaal.objects.zichtbaar_voor(door).filter(pk=verhaal.pk).exists():
        raise PermissionDenied("Dit verhaal mag je niet lezen.")
    if not 0 <= start < eind <= len(verhaal.tekst):
        raise ValidationError("Dit stuk tekst staat niet (meer) in het verhaal.", code="buiten")
    citaat, _ = Citaat.objects.get_or_create(
        aanbeveling=aanbeveling,
        verhaal=verhaal,
        start=start,
        eind=eind,
        defaults={"toegevoegd_door": door},
    )
    return citaat


@transaction.atomic
def citeer_reflectie(
    *, aanbeveling: Aanbeveling, reflectie: Reflectie, door: AbstractBaseUser
) -> Citaat:
    """Cite a member's reflection under a draft recommendation (kept once)."""
    _moet_concept_zijn(Advies.objects.select_for_update().get(pk=aanbeveling.advies_id))
    if not Reflectie.objects.leesbaar_voor(door).filter(pk=reflectie.pk).exists():
        raise PermissionDenied("Deze reflectie mag je niet lezen.")
    citaat, _ = Citaat.objects.get_or_create(
        aanbeveling=aanbeveling, reflectie=reflectie, defaults={"toegevoegd_door": door}
    )
    return citaat


@transaction.atomic
def haal_citaat_weg(*, citaat: Citaat, door: AbstractBaseUser) -> None:
    """Remove a citation from a draft; history row by `door`."""
    _moet_concept_zijn(Advies.objects.select_for_update().get(pk=citaat.aanbeveling.advies_id))
    _door(citaat, door)
    citaat.delete()


@transaction.atomic
def schrijf_opmerking(*, advies: Advies, tekst: str, door: AbstractBaseUser) -> Opmerking:
    """A co-author's comment on an advice that is not yet offered."""
    if advies.is_gepubliceerd:
        raise ValidationError("Dit advies is al aangeboden.", code="aangeboden")
    opmerking = Opmerking(advies=advies, auteur=door, tekst=tekst.strip())
    opmerking.full_clean()
    opmerking.save()
    return opmerking


@transaction.atomic
def zet_status(
    *,
    advies: Advies,
    status: str,
    door: AbstractBaseUser,
    aangeboden_op: datetime.date | None = None,
    aangeboden_aan: str = "",
) -> Advies:
    """Move an advice to the next status (OVERGANGEN); offering needs a date and
    a recipient, and at least one recommendation. History row by `door`."""
    advies = Advies.objects.select_for_update().get(pk=advies.pk)
    if status not in OVERGANGEN[advies.status]:
        raise ValidationError(
            "Deze stap kan nu niet: het advies is “%(status)s”.",
            code="overgang",
            params={"status": advies.get_status_display()},
        )
    if status == Status.VASTGESTELD and not advies.aanbevelingen.exists():
        raise ValidationError(
            "Een advies zonder aanbevelingen kan niet worden vastgesteld.", code="leeg"
        )
    if status == Status.AANGEBODEN:
        advies.aangeboden_op, advies.aangeboden_aan = aangeboden_op, aangeboden_aan.strip()
    advies.status = status
    advies.full_clean()
    _door(advies, door)
    advies.save()
    return advies


@transaction.atomic
def leg_antwoord_vast(
    *,
    aanbeveling: Aanbeveling,
    oordeel: str,
    tekst: str,
    datum: datetime.date,
    door: AbstractBaseUser,
) -> Antwoord:
    """Record (or correct) the gemeente's answer to one recommendation of an
    offered advice. When every recommendation has an answer, the advice
    becomes 'beantwoord'. History rows by `door`."""
    if not door.has_perm("adviezen.beantwoord_advies"):
        raise PermissionDenied("Alleen onderzoekers en coördinatoren leggen antwoorden vast.")
    advies = Advies.objects.select_for_update().get(pk=aanbeveling.advies_id)
    if not advies.is_gepubliceerd:
        raise ValidationError(
            "Een antwoord kan pas als het advies is aangeboden.", code="niet_aangeboden"
        )
    antwoord = Antwoord.objects.filter(aanbeveling=aanbeveling).first() or Antwoord(
        aanbeveling=aanbeveling
    )
    antwoord.oordeel, antwoord.tekst, antwoord.datum = oordeel, tekst.strip(), datum
    antwoord.vastgelegd_door = door
    antwoord.full_clean()
    _door(antwoord, door)
    antwoord.save()
    open_ = advies.aanbevelingen.filter(antwoord__isnull=True).exists()
    if advies.status == Status.AANGEBODEN and not open_:
        advies.status = Status.BEANTWOORD
        _door(advies, door)
        advies.save()
    return antwoord
