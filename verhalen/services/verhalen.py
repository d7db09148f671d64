"""Writes to stories: create, edit (with the version check and re-anchoring),
withdraw consent, erase on request (AVG), restore an earlier version.

Every service is keyword-only, runs in one transaction, validates with
`full_clean()` before saving, and lists its side effects. History rows are
written by django-simple-history on each save; `_change_reason` says why.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history
from taggit.models import Tag

from kennisagenda.models import Thema
from verhalen.models import (
    Beoordeling,
    Betekenis,
    CollectieItem,
    Fragment,
    KenmerkSoort,
    KenmerkWaarde,
    Themaoordeel,
    Toestemming,
    Verhaal,
    VerhaalThema,
    VerhaalTrefwoord,
    Verwijderverzoek,
)
from verhalen.models.verhaal import BEWERKBARE_VELDEN, HERSTELBARE_VELDEN, labels_van
from verhalen.services import kenmerken, memos, tellingen
from verhalen.signals import verhaal_gewist
from verhalen.tekst.posities import dichtstbijzijnd_citaat

GEWIST_TITEL = "Gewist verhaal"


class VersieConflict(Exception):  # noqa: N818 (a domain word, not an "Error")
    """Someone else saved the story after the editor opened it."""

    def __init__(self, verhaal: Verhaal, verwachte_versie: int):
        super().__init__(
            f"Verhaal {verhaal.pk}: versie {verhaal.versie}, verwacht {verwachte_versie}"
        )
        self.verhaal = verhaal
        self.verwachte_versie = verwachte_versie


class VerhaalGewist(Exception):  # noqa: N818
    """The story's content was erased; it cannot be edited or restored."""


@dataclass(frozen=True)
class Herankering:
    verplaatst: int = 0
    moet_herzien: int = 0


def normaliseer_tekst(tekst: str) -> str:
    """Line breaks as "\\n" only, so offsets are the same in every browser."""
    return tekst.replace("\r\n", "\n").replace("\r", "\n")


def _pas_toe(verhaal: Verhaal, gegevens: dict[str, Any], velden) -> None:
    for veld in velden:
        if veld in gegevens:
            waarde = gegevens[veld]
            if veld in ("tekst", "samenvatting") and waarde:
                waarde = normaliseer_tekst(waarde)
            setattr(verhaal, veld, waarde)


def _bewaar(obj, *, door, reden: str) -> None:
    """Save with the history row attributed to `door` and explained by `reden`."""
    obj._history_user = door
    obj._change_reason = reden
    obj.save()


def _zet_labels(verhaal: Verhaal, gegevens: dict[str, Any], *, door, reden: str = "") -> None:
    if "kenmerken" in gegevens:
        kenmerken.zet_kenmerken(
            verhaal=verhaal, waarden=gegevens["kenmerken"], door=door, reden=reden
        )
    if "themas" in gegevens:
        verhaal.themas.set(list(gegevens["themas"]))
    if "trefwoorden" in gegevens:
        verhaal.trefwoorden.set(list(gegevens["trefwoorden"]))


@transaction.atomic
def maak_verhaal(
    *,
    gegevens: dict[str, Any],
    door: AbstractBaseUser | None,
    reden: str = "",
    beoordeling: str = Beoordeling.OPGENOMEN,
    ingezonden: bool = False,
) -> Verhaal:
    """Store a new story from `gegevens` (field values plus "themas", "trefwoorden",
    and "kenmerken": {Kenmerk: cleaned value}).

    `beoordeling` WACHTRIJ puts it in the review queue instead of the bank
    (verhalen/services/wachtrij.py); `door` is None for a story sent in
    through the public form (`ingezonden`).

    Side effects: one history row ("+", by `door`, with `reden`); the consent
    is recorded as set by `door` (date today unless given); the collector is
    `door` unless given, and `door` is recorded as who entered it; on
    PostgreSQL the search vector is filled by trigger.
    """
    with tellingen.bijgehouden() as nieuw:
        verhaal = Verhaal(beoordeling=beoordeling, ingezonden=ingezonden, ingevoerd_door=door)
        _pas_toe(verhaal, gegevens, BEWERKBARE_VELDEN)
        if verhaal.verzameld_door_id is None:
            verhaal.verzameld_door = door
        verhaal.toestemming_vastgelegd_door = door
        if verhaal.toestemming_datum is None:
            verhaal.toestemming_datum = timezone.localdate()
        verhaal.full_clean()
        # The first row is written without history: themes need the primary key,
        # and one complete version (with its themes) is recorded right after.
        verhaal.skip_history_when_saving = True
        verhaal.save()
        del verhaal.skip_history_when_saving
        _zet_labels(verhaal, gegevens, door=door, reden=reden)
        _bewaar(verhaal, door=door, reden=reden or _("Verhaal ingevoerd"))
        _maak_eerste_historie_toevoeging(verhaal)
        nieuw.add(verhaal.pk)
        return verhaal


# Rows per INSERT when many are written at once (bounded statements).
BATCH = 1_000


@transaction.atomic
def maak_verhalen(
    *, gegevens: Sequence[dict[str, Any]], door: AbstractBaseUser, reden: str
) -> list[Verhaal]:
    """Store many new stories at once (an import), each as `maak_verhaal` would
    with `beoordeling` OPGENOMEN: `gegevens` holds one dict per story (field
    values plus "themas", "trefwoorden" and "kenmerken").

    The number of queries does not grow with the number of stories (keywords
    not yet known cost one query each to create).

    Side effects: per story one history row ("+", by `door`, with `reden`)
    that holds its themes and keywords; the consent recorded as set by `door`
    (date today unless given), `door` as collector unless given and as who
    entered it; its search lemmas (`Verhaal.leg_zoeklemmas_vast`) and, on
    PostgreSQL, its search vector by trigger; one history row per research
    attribute value; the stored counts (one `tellingen.bijgehouden`).
    """
    uitgesloten = [veld.name for veld in Verhaal._meta.concrete_fields if veld.is_relation]
    trefwoorden = _trefwoorden({woord for rij in gegevens for woord in rij.get("trefwoorden", ())})
    with tellingen.bijgehouden() as nieuw:
        verhalen = []
        for rij in gegevens:
            verhaal = Verhaal(beoordeling=Beoordeling.OPGENOMEN, ingevoerd_door=door)
            _pas_toe(verhaal, rij, BEWERKBARE_VELDEN)
            if verhaal.verzameld_door_id is None:
                verhaal.verzameld_door = door
            verhaal.toestemming_vastgelegd_door = door
            if verhaal.toestemming_datum is None:
                verhaal.toestemming_datum = timezone.localdate()
            # Related objects are loaded ones and the database checks its
            # constraints again: no queries per story here.
            verhaal.full_clean(exclude=uitgesloten, validate_constraints=False)
            verhaal.themas_snapshot = labels_van(rij.get("themas", ()))
            verhaal.trefwoorden_snapshot = labels_van(
                trefwoorden[woord.lower()] for woord in rij.get("trefwoorden", ())
            )
            verhaal.leg_zoeklemmas_vast()
            verhalen.append(verhaal)
        bulk_create_with_history(
            verhalen,
            Verhaal,
            batch_size=BATCH,
            default_user=door,
            default_change_reason=reden or _("Verhaal ingevoerd"),
        )
        VerhaalThema.objects.bulk_create(
            [
                VerhaalThema(content_object=verhaal, tag=thema)
                for verhaal, rij in zip(verhalen, gegevens, strict=True)
                for thema in {thema.pk: thema for thema in rij.get("themas", ())}.values()
            ],
            batch_size=BATCH,
        )
        VerhaalTrefwoord.objects.bulk_create(
            [
                VerhaalTrefwoord(content_object=verhaal, tag=tag)
                for verhaal, rij in zip(verhalen, gegevens, strict=True)
                for tag in {trefwoorden[woord.lower()] for woord in rij.get("trefwoorden", ())}
            ],
            batch_size=BATCH,
        )
        kenmerken.maak_waarden(
            waarden=[
                (verhaal, rij["kenmerken"])
                for verhaal, rij in zip(verhalen, gegevens, strict=True)
                if rij.get("kenmerken")
            ],
            door=door,
            reden=reden,
        )
        nieuw.update(verhaal.pk for verhaal in verhalen)
    return verhalen


def _trefwoorden(woorden) -> dict[str, Tag]:
    """{word lower-cased: Tag} for `woorden`, made where new (keywords ignore
    case, settings.TAGGIT_CASE_INSENSITIVE)."""
    tags = {}
    bestaand = Tag.objects.annotate(klein=Lower("name")).filter(
        klein__in={woord.lower() for woord in woorden}
    )
    for tag in bestaand.order_by("pk"):
        tags.setdefault(tag.klein, tag)
    for woord in sorted(woorden):
        if woord.lower() not in tags:
            tags[woord.lower()] = Tag.objects.create(name=woord)
    return tags


def _maak_eerste_historie_toevoeging(verhaal: Verhaal) -> None:
    # The save above is an update, so simple-history recorded "~"; it is the
    # first version, so mark it as the creation.
    verhaal.history.filter(history_type="~").update(history_type="+")


@transaction.atomic
def wijzig_verhaal(
    *,
    verhaal: Verhaal,
    gegevens: dict[str, Any],
    verwachte_versie: int,
    door: AbstractBaseUser,
    reden: str = "",
) -> Verhaal:
    """Save an edit, unless someone else saved the story in the meantime.

    `verwachte_versie` is the version the editor started from (hidden field).
    Raises VersieConflict (nothing is written) when the stored version differs;
    raises VerhaalGewist for an erased story.

    Side effects: the version number goes up by one; one history row (by
    `door`); when the consent changes it is recorded as set by `door` (date
    today unless given); when the text changes the story's fragments are
    re-anchored (each fragment saved, with its own history row, or flagged
    `moet_herzien`); on PostgreSQL the search vector is refreshed by trigger;
    a history row per research attribute value that changed.
    """
    with tellingen.bijgehouden([verhaal.pk]):
        if verhaal.gewist_op is not None:
            raise VerhaalGewist(verhaal.pk)
        # Compare-and-swap on the version: works the same on SQLite and PostgreSQL
        # and leaves the row locked until the end of this transaction.
        bijgewerkt = Verhaal.objects.filter(pk=verhaal.pk, versie=verwachte_versie).update(
            versie=F("versie") + 1
        )
        if not bijgewerkt:
            raise VersieConflict(Verhaal.objects.get(pk=verhaal.pk), verwachte_versie)
        opgeslagen = Verhaal.objects.get(pk=verhaal.pk)
        oude_tekst = opgeslagen.tekst
        oude_toestemming = (opgeslagen.toestemming, opgeslagen.toestemming_datum)
        _pas_toe(opgeslagen, gegevens, BEWERKBARE_VELDEN)
        if (opgeslagen.toestemming, opgeslagen.toestemming_datum) != oude_toestemming:
            opgeslagen.toestemming_vastgelegd_door = door
            if (
                opgeslagen.toestemming_datum == oude_toestemming[1]
                or not opgeslagen.toestemming_datum
            ):
                opgeslagen.toestemming_datum = timezone.localdate()
        opgeslagen.full_clean()
        _zet_labels(opgeslagen, gegevens, door=door, reden=reden)
        _bewaar(opgeslagen, door=door, reden=reden or _("Verhaal bewerkt"))
        if opgeslagen.tekst != oude_tekst:
            veranker_fragmenten(verhaal=opgeslagen, door=door)
        return opgeslagen


# From wide to narrow: a teller may move their consent only to the right.
TOESTEMMING_VOLGORDE = (
    Toestemming.OPENBAAR,
    Toestemming.BREDE_RAAD,
    Toestemming.ONDERZOEK,
    Toestemming.INGETROKKEN,
)


class GeenVerlaging(Exception):  # noqa: N818
    """The requested consent is not narrower than the current one."""


def lagere_toestemmingen(huidig: str) -> tuple[str, ...]:
    """The consent levels narrower than `huidig`, widest first."""
    return TOESTEMMING_VOLGORDE[TOESTEMMING_VOLGORDE.index(huidig) + 1 :]


@transaction.atomic
def verlaag_toestemming(
    *, verhaal: Verhaal, naar: str, door: AbstractBaseUser | None, reden: str
) -> tuple[str, Verhaal]:
    """Narrow the story's consent to `naar` (as the teller asks): never wider.

    Raises GeenVerlaging (nothing written) when `naar` is not narrower than the
    stored consent (read under a row lock), or the story is erased. Returns
    (the consent before, the story).

    Side effects: consent, its date (today) and who recorded it (`door`, None
    for the teller themself) change, the version goes up, one history row with
    `reden`; the stored counts follow in this transaction; every list, search,
    export and collection stops showing the story where it may no longer be,
    because they select through `zichtbaar_voor`.
    """
    with tellingen.bijgehouden([verhaal.pk]):
        opgeslagen = Verhaal.objects.select_for_update().get(pk=verhaal.pk)
        vorige = opgeslagen.toestemming
        if opgeslagen.is_gewist or naar not in lagere_toestemmingen(vorige):
            raise GeenVerlaging(naar)
        opgeslagen.toestemming = naar
        opgeslagen.toestemming_datum = timezone.localdate()
        opgeslagen.toestemming_vastgelegd_door = door
        opgeslagen.versie += 1
        opgeslagen.full_clean()
        _bewaar(opgeslagen, door=door, reden=reden)
        return vorige, opgeslagen


@transaction.atomic
def trek_toestemming_in(
    *, verhaal: Verhaal, door: AbstractBaseUser, datum: date | None = None
) -> Verhaal:
    """Record that the teller withdrew consent: the story disappears everywhere.

    Side effects: consent becomes `ingetrokken` (date `datum` or today,
    recorded as set by `door`), the version goes up, one history row. Every
    list, search, export and collection stops showing the story at once,
    because they all select through `zichtbaar_voor`.
    """
    with tellingen.bijgehouden([verhaal.pk]):
        opgeslagen = Verhaal.objects.select_for_update().get(pk=verhaal.pk)
        opgeslagen.toestemming = Toestemming.INGETROKKEN
        opgeslagen.toestemming_datum = datum or timezone.localdate()
        opgeslagen.toestemming_vastgelegd_door = door
        opgeslagen.versie += 1
        opgeslagen.full_clean()
        _bewaar(opgeslagen, door=door, reden=_("Toestemming ingetrokken"))
        return opgeslagen


@transaction.atomic
def wis_verhaal(*, verhaal: Verhaal, door: AbstractBaseUser, kenmerk: str = "") -> Verwijderverzoek:
    """Erase a story's content on request (AVG), keeping only a record of it.

    Removes the title (replaced by "Gewist verhaal"), text, summary, pseudonym
    and keywords of the story (a keyword no other story uses is deleted),
    the quote and memo of each of its fragments, the memos about the story
    or its fragments (verhalen/services/memos.py), its free-text research
    attribute values, and the curators' notes on it in collections (a note may quote the
    story) — in the live tables AND in every history row. Themes, codes,
    offsets and non-personal metadata stay, so counts remain meaningful.

    Side effects: consent becomes `ingetrokken`, `gewist_op` is set, the
    teller's own meaning and view of the themes are deleted, the
    signal `verhaal_gewist` lets other apps erase what they keep about the
    teller (the contact details in `vertellers`), a
    Verwijderverzoek (story number, who, when, `kenmerk`) is created; the
    story disappears everywhere. Callers check the permission
    `verhalen.wis_verhaal`.
    """
    with tellingen.bijgehouden([verhaal.pk]):
        opgeslagen = Verhaal.objects.select_for_update().get(pk=verhaal.pk)
        leeg = {"tekst": "", "samenvatting": "", "pseudoniem": ""}

        trefwoord_ids = list(opgeslagen.trefwoord_items.values_list("tag_id", flat=True))
        opgeslagen.trefwoorden.clear()
        # A keyword only this story used may itself say too much: it goes too.
        Tag.objects.filter(
            pk__in=trefwoord_ids,
            verhalen_verhaaltrefwoord_items__isnull=True,
            taggit_taggeditem_items__isnull=True,
        ).delete()
        for veld, waarde in leeg.items():
            setattr(opgeslagen, veld, waarde)
        opgeslagen.titel = GEWIST_TITEL
        if opgeslagen.toestemming != Toestemming.INGETROKKEN:
            opgeslagen.toestemming = Toestemming.INGETROKKEN
            opgeslagen.toestemming_datum = timezone.localdate()
            opgeslagen.toestemming_vastgelegd_door = door
        opgeslagen.gewist_op = timezone.now()
        opgeslagen.versie += 1
        opgeslagen.full_clean()
        _bewaar(opgeslagen, door=door, reden=_("Inhoud gewist op verzoek (AVG)"))

        for fragment in opgeslagen.fragmenten.all():
            fragment.citaat = ""
            fragment.memo = ""
            _bewaar(fragment, door=door, reden=_("Citaat gewist op verzoek (AVG)"))

        # History keeps no content either.
        Verhaal.history.filter(id=opgeslagen.pk).update(
            titel=GEWIST_TITEL, trefwoorden_snapshot=[], **leeg
        )
        Fragment.history.filter(verhaal_id=opgeslagen.pk).update(citaat="", memo="")
        CollectieItem.objects.filter(verhaal=opgeslagen).update(notitie="")
        memos.wis_memos_van_verhaal(verhaal_id=opgeslagen.pk, door=door)
        vrije_tekst = {"verhaal_id": opgeslagen.pk, "kenmerk__soort": KenmerkSoort.TEKST}
        KenmerkWaarde.objects.filter(**vrije_tekst).delete()
        KenmerkWaarde.history.filter(
            verhaal_id=opgeslagen.pk, kenmerk__soort=KenmerkSoort.TEKST
        ).update(tekst="")
        CollectieItem.history.filter(verhaal_id=opgeslagen.pk).update(notitie="")
        # The teller's own words about the story (verhalen/models/verteller.py).
        Betekenis.objects.filter(verhaal=opgeslagen).delete()
        Themaoordeel.objects.filter(verhaal=opgeslagen).delete()
        # What other apps keep about the teller (contact details) goes too.
        verhaal_gewist.send(sender=Verhaal, verhaal=opgeslagen)

        return Verwijderverzoek.objects.create(
            verhaal=opgeslagen, verhaal_nummer=opgeslagen.pk, uitgevoerd_door=door, kenmerk=kenmerk
        )


@transaction.atomic
def herstel_versie(
    *, verhaal: Verhaal, history_id: int, verwachte_versie: int, door: AbstractBaseUser
) -> Verhaal:
    """Bring back an earlier version's text, metadata, themes and keywords.

    Consent is not restored (it records the teller's current wishes). Raises
    VersieConflict when the story changed since the page was opened,
    VerhaalGewist for an erased story, and Verhaal.history.model.DoesNotExist
    for a version of another story.

    Side effects: like wijzig_verhaal — version +1, one history row whose
    reason names the restored version (so a restore is itself recorded and
    can be undone), fragments re-anchored when the text differs. Themes that
    were deleted from the codebook since are skipped.
    """
    oud = verhaal.history.get(history_id=history_id)
    bestaande_themas = Thema.objects.filter(pk__in=[t["id"] for t in oud.themas_snapshot])
    gegevens = {veld: getattr(oud, veld) for veld in HERSTELBARE_VELDEN if not _is_fk(veld)}
    for veld in HERSTELBARE_VELDEN:
        if _is_fk(veld):
            gegevens[veld] = _bestaand(veld, getattr(oud, f"{veld}_id"))
    gegevens["themas"] = list(bestaande_themas)
    gegevens["trefwoorden"] = [t["naam"] for t in oud.trefwoorden_snapshot]
    moment = timezone.localtime(oud.history_date).strftime("%d-%m-%Y %H:%M")
    return wijzig_verhaal(
        verhaal=verhaal,
        gegevens=gegevens,
        verwachte_versie=verwachte_versie,
        door=door,
        reden=_("Versie %(versie)s van %(moment)s hersteld")
        % {"versie": oud.versie, "moment": moment},
    )


def _is_fk(veld: str) -> bool:
    return Verhaal._meta.get_field(veld).is_relation


def _bestaand(veld: str, pk: int | None):
    if pk is None:
        return None
    model = Verhaal._meta.get_field(veld).related_model
    return model._default_manager.filter(pk=pk).first()


# Re-anchoring -------------------------------------------------------------


def veranker_fragmenten(*, verhaal: Verhaal, door: AbstractBaseUser | None = None) -> Herankering:
    """Re-anchor every fragment of `verhaal` to its quote in the current text.

    A fragment whose quote is found again gets the new offsets (nearest to the
    old start; the quote is updated when only whitespace differed); one that
    cannot be found keeps its offsets and quote and is flagged `moet_herzien`.
    Nothing is deleted. Side effects: each changed fragment is saved (a
    history row with the reason).
    """
    tekst = verhaal.tekst
    verplaatst = herzien = 0
    for fragment in verhaal.fragmenten.all():
        if tekst[fragment.start : fragment.eind] == fragment.citaat and fragment.citaat:
            if fragment.moet_herzien:
                fragment.moet_herzien = False
                _bewaar(fragment, door=door, reden=_("Citaat weer op zijn plek"))
            continue
        gevonden = dichtstbijzijnd_citaat(tekst, fragment.citaat, fragment.start)
        if gevonden is None:
            if not fragment.moet_herzien:
                fragment.moet_herzien = True
                _bewaar(fragment, door=door, reden=_("Citaat niet teruggevonden na tekstwijziging"))
                herzien += 1
            continue
        fragment.start, fragment.eind = gevonden
        fragment.citaat = tekst[fragment.start : fragment.eind]
        fragment.moet_herzien = False
        fragment.full_clean()
        _bewaar(fragment, door=door, reden=_("Opnieuw verankerd na tekstwijziging"))
        verplaatst += 1
    return Herankering(verplaatst=verplaatst, moet_herzien=herzien)
