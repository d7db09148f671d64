"""Writes for coding rounds: set up, code blind, mark stories done, close, settle.

Rules (tested both ways in tests/verhalen/test_rondes_services.py):
- Any researcher (perm verhalen.add_coderingsronde) may set up a round; it
  needs at least two coders, who must be researchers, one story and one code.
- Only the round's coders code in it, only while it is open, only its stories
  and only with its codes.
- Only the researcher who set the round up (or a superuser) closes it: they
  decide when the coders are done. Closing computes and stores the agreement.
- Settling: the set-up researcher and the round's coders (or a superuser).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from verhalen.models import (
    Beslissing,
    Coderingsronde,
    Fragment,
    Keuze,
    Rondecodering,
    RondeKlaar,
    Rondestatus,
    Verhaal,
)
from verhalen.selectors import rondes as selectors
from verhalen.services import codering
from verhalen.tekst.posities import dichtstbijzijnd_citaat


def is_researcher(user) -> bool:
    return user.is_active and user.has_perms(["verhalen.view_verhaal", "verhalen.add_fragment"])


def mag_sluiten(ronde: Coderingsronde, user) -> bool:
    return ronde.is_open and (user.is_superuser or ronde.aangemaakt_door_id == user.pk)


def mag_beslechten(ronde: Coderingsronde, user) -> bool:
    if ronde.status != Rondestatus.GESLOTEN or not is_researcher(user):
        return False
    return (
        user.is_superuser
        or ronde.aangemaakt_door_id == user.pk
        or ronde.codeurs.filter(pk=user.pk).exists()
    )


@transaction.atomic
def maak_ronde(*, titel: str, toelichting: str = "", verhalen, codes, codeurs, door):
    """Set up an open round. Raises ValidationError (Dutch) on a bad set-up.

    Side effects: creates the round with its stories, codes and coders."""
    codeurs = list(codeurs)
    if len(codeurs) < 2:
        raise ValidationError("Kies minstens twee codeurs.", code="te_weinig_codeurs")
    niet = [c for c in codeurs if not is_researcher(c)]
    if niet:
        raise ValidationError(
            "Alleen onderzoekers kunnen coderen: %(namen)s niet.",
            code="geen_onderzoeker",
            params={"namen": ", ".join(c.get_username() for c in niet)},
        )
    verhalen, codes = list(verhalen), list(codes)
    if not verhalen:
        raise ValidationError("Kies minstens één verhaal.", code="geen_verhalen")
    if not codes:
        raise ValidationError("Kies minstens één code.", code="geen_codes")
    ronde = Coderingsronde(titel=titel, toelichting=toelichting, aangemaakt_door=door)
    ronde.full_clean()
    ronde.save()
    ronde.verhalen.set(verhalen)
    ronde.codes.set(codes)
    ronde.codeurs.set(codeurs)
    return ronde


def _controleer_codeur(ronde, verhaal, codeur):
    if not ronde.is_open:
        raise ValidationError(
            "Deze ronde is gesloten; er kan niet meer in gecodeerd worden.", code="gesloten"
        )
    if not ronde.codeurs.filter(pk=codeur.pk).exists():
        raise PermissionDenied("Je bent geen codeur in deze ronde.")
    if not ronde.verhalen.filter(pk=verhaal.pk).exists():
        raise ValidationError("Dit verhaal hoort niet bij deze ronde.", code="ander_verhaal")


def _controleer(ronde, verhaal, start, eind, codes):
    if not 0 <= start < eind <= len(verhaal.tekst):
        raise ValidationError("Dit valt buiten de tekst van het verhaal.", code="buiten_tekst")
    if not codes:
        raise ValidationError("Kies minstens één code.", code="geen_codes")
    toegestaan = set(ronde.codes.values_list("pk", flat=True))
    if any(code.pk not in toegestaan for code in codes):
        raise ValidationError(
            "Gebruik in deze ronde alleen de codes van de ronde.", code="andere_code"
        )


@transaction.atomic
def codeer(*, ronde, verhaal: Verhaal, start: int, eind: int, codes, memo: str = "", codeur):
    """One coder's round coding of `verhaal.tekst[start:eind]` (not a normal fragment).

    Side effects: creates a Rondecodering; nothing else changes (no counts, no history)."""
    codes = list(codes)
    _controleer_codeur(ronde, verhaal, codeur)
    _controleer(ronde, verhaal, start, eind, codes)
    rondecodering = Rondecodering.objects.create(
        ronde=ronde,
        codeur=codeur,
        verhaal=verhaal,
        start=start,
        eind=eind,
        citaat=verhaal.tekst[start:eind],
        memo=memo,
    )
    rondecodering.codes.set(codes)
    return rondecodering


@transaction.atomic
def wijzig_codering(*, rondecodering, start: int, eind: int, codes, memo: str, door):
    """Change one's own round coding. Side effect: updates that row only."""
    codes = list(codes)
    ronde, verhaal = rondecodering.ronde, rondecodering.verhaal
    _controleer_codeur(ronde, verhaal, door)
    if rondecodering.codeur_id != door.pk:
        raise PermissionDenied("Dit is niet jouw codering.")
    _controleer(ronde, verhaal, start, eind, codes)
    rondecodering.start, rondecodering.eind = start, eind
    rondecodering.citaat = verhaal.tekst[start:eind]
    rondecodering.memo = memo
    rondecodering.save()
    rondecodering.codes.set(codes)
    return rondecodering


@transaction.atomic
def verwijder_codering(*, rondecodering, door) -> None:
    """Remove one's own round coding while the round is open."""
    _controleer_codeur(rondecodering.ronde, rondecodering.verhaal, door)
    if rondecodering.codeur_id != door.pk:
        raise PermissionDenied("Dit is niet jouw codering.")
    rondecodering.delete()


@transaction.atomic
def zet_klaar(*, ronde, verhaal: Verhaal, codeur, klaar: bool = True) -> None:
    """Mark (or unmark) `verhaal` as finished by `codeur` in `ronde`.

    A story a coder did not mark counts as missing data for that coder."""
    _controleer_codeur(ronde, verhaal, codeur)
    if klaar:
        RondeKlaar.objects.get_or_create(ronde=ronde, codeur=codeur, verhaal=verhaal)
    else:
        RondeKlaar.objects.filter(ronde=ronde, codeur=codeur, verhaal=verhaal).delete()


@transaction.atomic
def sluit_ronde(*, ronde, door) -> Coderingsronde:
    """Close an open round and store its agreement (computed once, here).

    Side effects: status "gesloten", `gesloten_op`, and `uitkomst` with the
    units, the reliability data per code and the figures. Stories that were
    withdrawn meanwhile are left out (read through the visibility rule)."""
    ronde = Coderingsronde.objects.select_for_update().get(pk=ronde.pk)
    if not mag_sluiten(ronde, door):
        raise PermissionDenied("Alleen wie de ronde opzette, sluit haar.")
    ronde.uitkomst = selectors.bereken_uitkomst(ronde, door)
    ronde.status = Rondestatus.GESLOTEN
    ronde.gesloten_op = timezone.now()
    ronde.save(update_fields=["uitkomst", "status", "gesloten_op"])
    return ronde


def _spannen(bereiken):
    """The union of (start, eind) stretches: overlapping or touching ones merged."""
    samen = []
    for start, eind in sorted(bereiken):
        if samen and start <= samen[-1][1]:
            samen[-1][1] = max(samen[-1][1], eind)
        else:
            samen.append([start, eind])
    return [tuple(b) for b in samen]


def _in_huidige_tekst(verhaal, coderingen):
    """The (start, eind) of each round coding in the story's current text.

    The text may have changed since the round closed: a coding whose quote no
    longer stands at its offsets is found again by its quote, nearest to its
    old place (as fragments are re-anchored). Raises ValidationError when a
    quote is gone from the text: that coding cannot be adopted."""
    bereiken = []
    for rondecodering in coderingen:
        if verhaal.tekst[rondecodering.start : rondecodering.eind] == rondecodering.citaat:
            bereiken.append((rondecodering.start, rondecodering.eind))
            continue
        gevonden = dichtstbijzijnd_citaat(verhaal.tekst, rondecodering.citaat, rondecodering.start)
        if gevonden is None:
            raise ValidationError(
                "De tekst van “%(titel)s” is gewijzigd sinds de ronde sloot, en het citaat "
                "“%(citaat)s” staat er niet meer in. Verwerp deze zin en codeer de plek zo "
                "nodig opnieuw op de verhaalpagina.",
                code="citaat_weg",
                params={"titel": verhaal.titel, "citaat": rondecodering.citaat},
            )
        bereiken.append(gevonden)
    return bereiken


def _maak_fragmenten(*, verhaal, code, bereiken, codeur, memo, door):
    fragmenten = []
    for start, eind in _spannen(bereiken):
        bestaand = Fragment.objects.filter(
            verhaal=verhaal, start=start, eind=eind, codes=code
        ).first()
        fragmenten.append(
            bestaand
            or codering.maak_fragment(
                verhaal=verhaal, start=start, eind=eind, codes=[code], memo=memo, codeur=codeur
            )
        )
    return fragmenten


def _vergrendel(ronde) -> None:
    """Settle one round's units one request at a time: two researchers deciding the
    same unit at once would otherwise both pass the "already decided" check, and the
    second would end in the database's unique constraint (a 500)."""
    Coderingsronde.objects.select_for_update().only("pk").get(pk=ronde.pk)


@transaction.atomic
def beslis(*, ronde, code, verhaal: Verhaal, eenheid_start: int, keuze: str, versie_van=None, door):
    """Settle one difference (or adopt one agreement): unit at `eenheid_start` of
    `verhaal`, for `code`.

    - "overnemen": `versie_van`'s round codings with `code` that overlap the
      unit become normal fragments (none when that coder did not code it);
    - "samenvoegen": the union of every coder's such codings;
    - "verwerpen": nothing is coded;
    - "eens": the agreed codings (the union) are adopted.
    When the story's text changed since the round closed, each coding is
    adopted where its quote stands now (found again by its quote).
    Raises ValidationError when the unit was already decided or is not a
    unit, or when an adopted coding's quote is no longer in the text.

    Side effects: a Beslissing row (the decision log) and the normal fragments
    through codering.maak_fragment (stored counts and history included)."""
    if not mag_beslechten(ronde, door):
        raise PermissionDenied("Je mag de verschillen van deze ronde niet beslechten.")
    _vergrendel(ronde)
    eenheid = selectors.eenheid_van(ronde, verhaal, eenheid_start)
    if eenheid is None:
        raise ValidationError("Deze eenheid bestaat niet in de ronde.", code="geen_eenheid")
    if Beslissing.objects.filter(
        ronde=ronde, code=code, verhaal=verhaal, eenheid_start=eenheid_start
    ).exists():
        raise ValidationError("Over deze eenheid is al beslist.", code="al_beslist")
    coderingen = selectors.coderingen_op(ronde, verhaal, code, eenheid)
    if keuze == Keuze.OVERNEMEN:
        if versie_van is None:
            raise ValidationError("Kies wiens versie je overneemt.", code="geen_versie")
        coderingen = [c for c in coderingen if c.codeur_id == versie_van.pk]
    elif keuze == Keuze.VERWERPEN:
        coderingen = []
    memo = f"Overgenomen uit coderingsronde “{ronde.titel}”."
    fragmenten = _maak_fragmenten(
        verhaal=verhaal,
        code=code,
        bereiken=_in_huidige_tekst(verhaal, coderingen),
        codeur=(versie_van if keuze == Keuze.OVERNEMEN else door),
        memo=memo,
        door=door,
    )
    beslissing = Beslissing.objects.create(
        ronde=ronde,
        code=code,
        verhaal=verhaal,
        eenheid_start=eenheid.start,
        eenheid_eind=eenheid.eind,
        keuze=keuze,
        versie_van=versie_van if keuze == Keuze.OVERNEMEN else None,
        door=door,
    )
    beslissing.fragmenten.set(fragmenten)
    return beslissing


@transaction.atomic
def rond_af(*, ronde, door) -> Coderingsronde:
    """Finish settling: adopt every agreed unit not yet decided, then mark the round
    "beslecht". Raises ValidationError while differences are undecided.

    Side effects: Beslissing rows ("eens") and normal fragments for the agreed
    codings; the round's status."""
    if not mag_beslechten(ronde, door):
        raise PermissionDenied("Je mag deze ronde niet afronden.")
    _vergrendel(ronde)
    open_verschillen = selectors.open_verschillen(ronde, door)
    if open_verschillen:
        raise ValidationError(
            "Er zijn nog %(aantal)s verschillen zonder beslissing.",
            code="nog_verschillen",
            params={"aantal": len(open_verschillen)},
        )
    for punt in selectors.open_overeenstemmingen(ronde, door):
        beslis(
            ronde=ronde,
            code=punt.code,
            verhaal=punt.verhaal,
            eenheid_start=punt.eenheid.start,
            keuze=Keuze.EENS,
            door=door,
        )
    ronde.status = Rondestatus.BESLECHT
    ronde.save(update_fields=["status"])
    return ronde
