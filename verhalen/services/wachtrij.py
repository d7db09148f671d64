"""The review queue (wachtrij): stories entered by collectors or sent in through
the public form wait here until a researcher takes them into the bank.

A story in the queue is in nobody's bank (see `zichtbaarheid_filter`): its
collector sees it on their own pages, reviewers (perm verhalen.beoordeel_verhaal)
in the queue. Taking it in sets the consent in force and, from then on, the
one visibility rule and the stored counts treat it like any other story.
"""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verhalen.models import Beoordeling, Fragment, Toestemming, Verhaal
from verhalen.services import tellingen
from verhalen.services.verhalen import _bewaar, maak_verhaal, wijzig_verhaal

# What a collector enters and may change while the story waits.
VELDEN_VERZAMELAAR = (
    "titel",
    "tekst",
    "samenvatting",
    "verteller_type",
    "pseudoniem",
    "leeftijdscategorie",
    "gemeente",
    "wijk",
    "verzamelwijze",
    "verzameld_op",
    "toestemming",
    "toestemming_datum",
    "inhoudswaarschuwingen",
    "inhoudswaarschuwing_anders",
)
# What the reviewer may still correct while taking a story in.
VELDEN_OPNAME = (
    "titel",
    "samenvatting",
    "tekst",
    "pseudoniem",
    "toestemming",
    "inhoudswaarschuwingen",
    "inhoudswaarschuwing_anders",
)


def _alleen(gegevens: dict[str, Any], velden) -> dict[str, Any]:
    return {veld: gegevens[veld] for veld in velden if veld in gegevens}


def _moet_wachten(verhaal: Verhaal, *toestanden: str) -> None:
    if verhaal.beoordeling not in toestanden or verhaal.toestemming == Toestemming.INGETROKKEN:
        raise ValidationError(
            _("Dit verhaal staat niet (meer) in de wachtrij."), code="niet_in_wachtrij"
        )


@transaction.atomic
def breng_in(*, gegevens: dict[str, Any], door: AbstractBaseUser) -> Verhaal:
    """A collector enters a story: it waits in the queue, collected by `door`.

    Side effects: as `maak_verhaal` (a history row by `door`); the story is
    counted nowhere until it is taken in.
    """
    gegevens = {**_alleen(gegevens, VELDEN_VERZAMELAAR), "verzameld_door": door}
    return maak_verhaal(
        gegevens=gegevens,
        door=door,
        reden=_("Ingebracht door een verzamelaar"),
        beoordeling=Beoordeling.WACHTRIJ,
    )


@transaction.atomic
def stuur_in(*, gegevens: dict[str, Any]) -> Verhaal:
    """A teller sends in their own story through the public form (no account).

    Side effects: a story in the queue, written down by the teller
    (`schriftelijk`), with a history row without user; counted nowhere.
    """
    gegevens = {**_alleen(gegevens, VELDEN_VERZAMELAAR), "verzamelwijze": "schriftelijk"}
    gegevens.setdefault("verzameld_op", timezone.localdate())
    return maak_verhaal(
        gegevens=gegevens,
        door=None,
        reden=_("Ingestuurd via de website"),
        beoordeling=Beoordeling.WACHTRIJ,
        ingezonden=True,
    )


@transaction.atomic
def pas_ingebracht_verhaal_aan(
    *, verhaal: Verhaal, gegevens: dict[str, Any], verwachte_versie: int, door: AbstractBaseUser
) -> Verhaal:
    """The collector changes a story that waits or was sent back; it (re)enters
    the queue. Raises ValidationError for a story already taken in, and
    VersieConflict as `wijzig_verhaal`.

    Side effects: as `wijzig_verhaal`; the reviewer's note is cleared.
    """
    _moet_wachten(verhaal, Beoordeling.WACHTRIJ, Beoordeling.TERUGGESTUURD)
    # Back in the queue (it counts nowhere either way); the edit's history row records it.
    Verhaal.objects.filter(pk=verhaal.pk).update(
        beoordeling=Beoordeling.WACHTRIJ, beoordeling_notitie=""
    )
    return wijzig_verhaal(
        verhaal=verhaal,
        gegevens=_alleen(gegevens, VELDEN_VERZAMELAAR),
        verwachte_versie=verwachte_versie,
        door=door,
        reden=_("Aangepast door de verzamelaar"),
    )


@transaction.atomic
def neem_op(
    *, verhaal: Verhaal, gegevens: dict[str, Any], verwachte_versie: int, door: AbstractBaseUser
) -> Verhaal:
    """A reviewer takes a waiting story into the bank, with the consent in force
    from now on (recorded as set by `door`, dated today) and any corrections to
    the text the privacy check asked for (`gegevens`, VELDEN_OPNAME).

    Raises ValidationError for a story not waiting, VersieConflict when the
    collector changed it after the reviewer opened it.

    Side effects: a history row ("Opgenomen uit de wachtrij"); from now on the
    story is in lists, search, exports, counts and may go into collections as
    its consent allows; fragments re-anchored if the text changed.
    """
    _moet_wachten(verhaal, Beoordeling.WACHTRIJ)
    # Corrections first, while the story still counts nowhere; then into the bank.
    gecorrigeerd = wijzig_verhaal(
        verhaal=verhaal,
        gegevens=_alleen(gegevens, VELDEN_OPNAME),
        verwachte_versie=verwachte_versie,
        door=door,
        reden=_("Nagekeken voor opname"),
    )
    with tellingen.bijgehouden([verhaal.pk]):
        opgeslagen = Verhaal.objects.select_for_update().get(pk=gecorrigeerd.pk)
        opgeslagen.beoordeling = Beoordeling.OPGENOMEN
        opgeslagen.beoordeling_notitie = ""
        # Consent taken in is consent set now, by the reviewer.
        opgeslagen.toestemming_vastgelegd_door = door
        opgeslagen.toestemming_datum = timezone.localdate()
        opgeslagen.versie += 1
        opgeslagen.full_clean()
        _bewaar(opgeslagen, door=door, reden=_("Opgenomen uit de wachtrij"))
        return opgeslagen


@transaction.atomic
def stuur_terug(*, verhaal: Verhaal, notitie: str, door: AbstractBaseUser) -> Verhaal:
    """A reviewer sends a collector's waiting story back with a note of what to change.

    Raises ValidationError for a story that does not wait, has no collector
    (sent in through the website) or without a note.
    Side effects: a history row; the story waits on the collector's page.
    """
    _moet_wachten(verhaal, Beoordeling.WACHTRIJ)
    if verhaal.ingevoerd_door_id is None:
        raise ValidationError(
            _("Een verhaal van de website kan niet terug: er is geen verzamelaar."),
            code="geen_verzamelaar",
        )
    notitie = notitie.strip()
    if not notitie:
        raise ValidationError(
            _("Schrijf erbij wat de verzamelaar moet aanpassen."), code="notitie_leeg"
        )
    opgeslagen = Verhaal.objects.select_for_update().get(pk=verhaal.pk)
    opgeslagen.beoordeling = Beoordeling.TERUGGESTUURD
    opgeslagen.beoordeling_notitie = notitie
    opgeslagen.versie += 1
    opgeslagen.full_clean()
    _bewaar(opgeslagen, door=door, reden=_("Teruggestuurd naar de verzamelaar"))
    return opgeslagen


@transaction.atomic
def gooi_weg(*, verhaal: Verhaal, door: AbstractBaseUser) -> None:
    """A reviewer throws away a story sent in through the website (spam, or not a
    story): it is deleted with its history and contact details; nothing is kept.

    Raises ValidationError for a story that is not a waiting submission.
    """
    _moet_wachten(verhaal, Beoordeling.WACHTRIJ)
    if not verhaal.ingezonden:
        raise ValidationError(
            _("Alleen verhalen van de website kunnen worden weggegooid."), code="niet_ingezonden"
        )
    with tellingen.bijgehouden([verhaal.pk]):
        pk = verhaal.pk
        Verhaal.objects.filter(pk=pk).delete()
        # Deleting writes a last history row (with the text): that goes too.
        Verhaal.history.filter(id=pk).delete()
        Fragment.history.filter(verhaal_id=pk).delete()
