"""Reading the history of stories and fragments: versions and their changes.

Used by the history page (/verhalen/<pk>/geschiedenis/) and by the conflict
message of the edit form. Read-only; restoring is a service
(services.verhalen.herstel_versie).
"""

import difflib
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils.html import escape
from django.utils.safestring import mark_safe

from projecten.models import Project, Werkteam, Wijk
from verhalen.models import Fragment, Verhaal
from verhalen.models.verhaal import HERSTELBARE_VELDEN

# Story fields shown in a version's changes, in form order: what a version
# restores, its labels, then the consent (which is never restored).
VERHAAL_VELDEN = (
    *HERSTELBARE_VELDEN,
    "themas_snapshot",
    "trefwoorden_snapshot",
    "toestemming",
    "toestemming_datum",
)
FRAGMENT_VELDEN = ("start", "eind", "citaat", "codes_snapshot", "memo", "moet_herzien")
LANGE_TEKSTEN = {"tekst", "samenvatting", "citaat", "memo"}
LABELS = {
    "themas_snapshot": "thema's",
    "trefwoorden_snapshot": "trefwoorden",
    "codes_snapshot": "codes",
}
_FK_MODELLEN = {
    "wijk": Wijk,
    "project": Project,
    "werkteam": Werkteam,
    "verzameld_door": get_user_model(),
}


@dataclass
class Wijziging:
    veld: str
    label: str
    oud: str
    nieuw: str
    tekstverschil: str = ""  # safe HTML for long texts


@dataclass
class Versie:
    record: object
    wijzigingen: list[Wijziging] = field(default_factory=list)
    is_huidig: bool = False

    @property
    def door(self):
        user = self.record.history_user
        if user is None:
            return "onbekend (systeem)"
        return user.get_full_name() or user.get_username()


def label(model, veld):
    if veld in LABELS:
        return LABELS[veld]
    return str(model._meta.get_field(veld).verbose_name)


class Weergave:
    """Turns stored values into readable Dutch text, with FKs looked up in bulk."""

    def __init__(self, model, records, velden):
        self.model = model
        self.namen = {}
        for veld in velden:
            if veld in _FK_MODELLEN:
                ids = {getattr(r, f"{veld}_id") for r in records} - {None}
                objecten = _FK_MODELLEN[veld]._default_manager.filter(pk__in=ids)
                self.namen[veld] = {obj.pk: _naam(obj) for obj in objecten}

    def toon(self, record, veld):
        if veld in _FK_MODELLEN:
            pk = getattr(record, f"{veld}_id")
            if pk is None:
                return "—"
            return self.namen[veld].get(pk, f"(verwijderd, nr. {pk})")
        waarde = getattr(record, veld)
        if veld.endswith("_snapshot"):
            return ", ".join(item["naam"] for item in waarde) or "—"
        model_veld = self.model._meta.get_field(veld)
        if model_veld.choices:
            return str(dict(model_veld.flatchoices).get(waarde, waarde)) or "—"
        if isinstance(waarde, bool):
            return "ja" if waarde else "nee"
        if waarde is None or waarde == "":
            return "—"
        if hasattr(waarde, "strftime"):
            return waarde.strftime("%d-%m-%Y")
        return str(waarde)


def _naam(obj):
    if hasattr(obj, "get_full_name"):
        return obj.get_full_name() or obj.get_username()
    return str(obj)


def tekstverschil(oud: str, nieuw: str) -> str:
    """A word-level diff as safe HTML: <del> for removed, <ins> for added words."""
    oude_woorden = oud.split(" ")
    nieuwe_woorden = nieuw.split(" ")
    stukken = []
    matcher = difflib.SequenceMatcher(a=oude_woorden, b=nieuwe_woorden, autojunk=False)
    for soort, a1, a2, b1, b2 in matcher.get_opcodes():
        if soort == "equal":
            woorden = oude_woorden[a1:a2]
            if len(woorden) > 16:
                woorden = [*woorden[:6], "…", *woorden[-6:]]
            stukken.append(escape(" ".join(woorden)))
            continue
        if a2 > a1:
            stukken.append(f"<del>{escape(' '.join(oude_woorden[a1:a2]))}</del>")
        if b2 > b1:
            stukken.append(f"<ins>{escape(' '.join(nieuwe_woorden[b1:b2]))}</ins>")
    return mark_safe(" ".join(stukken))  # noqa: S308 — every piece escaped


def vergelijk(model, oud, nieuw, velden, weergave) -> list[Wijziging]:
    """The fields whose value differs between two records/instances."""
    wijzigingen = []
    for veld in velden:
        attribuut = f"{veld}_id" if veld in _FK_MODELLEN else veld
        if getattr(oud, attribuut) == getattr(nieuw, attribuut):
            continue
        wijziging = Wijziging(
            veld=veld,
            label=label(model, veld),
            oud=weergave.toon(oud, veld),
            nieuw=weergave.toon(nieuw, veld),
        )
        if veld in LANGE_TEKSTEN:
            wijziging.tekstverschil = tekstverschil(getattr(oud, veld), getattr(nieuw, veld))
        wijzigingen.append(wijziging)
    return wijzigingen


def verhaal_versies(records, ouder=None) -> list[Versie]:
    """Versions (newest first) with what each changed compared with the one before.

    `records` is a page of historical records, newest first; `ouder` the
    record just before the last one on the page (None at the very start).
    """
    records = list(records)
    alle = [*records, ouder] if ouder is not None else records
    weergave = Weergave(Verhaal, alle, VERHAAL_VELDEN)
    versies = []
    for index, record in enumerate(records):
        vorige = alle[index + 1] if index + 1 < len(alle) else None
        versie = Versie(record=record)
        if vorige is not None:
            versie.wijzigingen = vergelijk(Verhaal, vorige, record, VERHAAL_VELDEN, weergave)
        versies.append(versie)
    return versies


def fragment_versies(records) -> list[Versie]:
    """All fragment history rows of one story (newest first), each compared
    with the previous row of the same fragment. Fragment histories are short,
    so they are compared in memory after one query."""
    records = sorted(records, key=lambda r: (r.history_date, r.history_id))
    weergave = Weergave(Fragment, records, FRAGMENT_VELDEN)
    laatste = {}
    versies = []
    for record in records:
        versie = Versie(record=record)
        vorige = laatste.get(record.id)
        if vorige is not None and record.history_type != "-":
            versie.wijzigingen = vergelijk(Fragment, vorige, record, FRAGMENT_VELDEN, weergave)
        laatste[record.id] = record
        versies.append(versie)
    versies.reverse()
    return versies


def conflict_verschillen(verhaal: Verhaal, verwachte_versie: int) -> list[Wijziging]:
    """What others changed since `verwachte_versie`: that version vs. the stored story.

    Falls back to an empty list when that version is not in the history.
    """
    basis = verhaal.history.filter(versie=verwachte_versie).order_by("-history_date").first()
    huidig = verhaal.history.order_by("-history_date").first()
    if basis is None or huidig is None:
        return []
    weergave = Weergave(Verhaal, [basis, huidig], VERHAAL_VELDEN)
    return vergelijk(Verhaal, basis, huidig, VERHAAL_VELDEN, weergave)
