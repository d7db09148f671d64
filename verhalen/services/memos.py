"""Writes to memos: write, change, remove (verhalen.models.memo).

Keyword-only, one transaction each, `full_clean()` before saving. Every
change is kept by django-simple-history (who, when, what). Only a memo's
author (or a superuser) may change or remove it; readers of the research
team see it, they do not rewrite each other's thoughts.
"""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from kennisagenda.models import Thema
from verhalen.models import Fragment, Memo, Verhaal


def mag_wijzigen(memo: Memo, user) -> bool:
    """May `user` change or remove `memo`: its author or a superuser, with the permission."""
    if not user.has_perm("verhalen.change_memo"):
        return False
    return user.is_superuser or (memo.auteur_id is not None and memo.auteur_id == user.pk)


def _bewaar(memo: Memo, *, door, reden: str = "") -> None:
    memo.full_clean()
    memo._history_user = door
    memo._change_reason = reden
    memo.save()


@transaction.atomic
def schrijf_memo(
    *,
    auteur: AbstractBaseUser,
    tekst: str,
    titel: str = "",
    verhaal: Verhaal | None = None,
    code: Thema | None = None,
    fragment: Fragment | None = None,
    reden: str = "",
) -> Memo:
    """A new memo by `auteur` about at most one of `verhaal`, `code`, `fragment`
    (none: the project's research journal).

    Side effects: one history row ("+", by `auteur`, with `reden`, e.g. that
    it was saved despite the privacy warning).
    """
    memo = Memo(
        auteur=auteur, titel=titel, tekst=tekst, verhaal=verhaal, code=code, fragment=fragment
    )
    _bewaar(memo, door=auteur, reden=reden)
    return memo


@transaction.atomic
def schrijf_memos(*, memos: Iterable[Memo], auteur: AbstractBaseUser, reden: str = "") -> int:
    """Store many new memos by `auteur` at once (an import); each unsaved Memo
    has its text and at most one subject (story, code or fragment, all stored
    already). The number of queries does not grow with the number of memos.

    Side effects: one history row ("+", by `auteur`, with `reden`) per memo.
    Returns the number of memos stored.
    """
    memos = list(memos)
    for memo in memos:
        memo.auteur = auteur
        # As _bewaar, without a query per memo: the subjects are loaded
        # objects, the database checks its constraints again.
        memo.full_clean(
            exclude=["auteur", "verhaal", "code", "fragment"], validate_constraints=False
        )
    bulk_create_with_history(
        memos, Memo, batch_size=1_000, default_user=auteur, default_change_reason=reden
    )
    return len(memos)


@transaction.atomic
def wijzig_memo(
    *, memo: Memo, door: AbstractBaseUser, tekst: str, titel: str = "", reden: str = ""
) -> Memo:
    """Change the title and text of `memo`; raises PermissionDenied when `door`
    is not its author (or a superuser).

    Side effects: one history row ("~", by `door`, with `reden`).
    """
    if not mag_wijzigen(memo, door):
        raise PermissionDenied(_("Alleen wie het memo schreef, kan het wijzigen."))
    memo.titel = titel
    memo.tekst = tekst
    _bewaar(memo, door=door, reden=reden)
    return memo


@transaction.atomic
def verwijder_memo(*, memo: Memo, door: AbstractBaseUser) -> None:
    """Remove `memo`; raises PermissionDenied when `door` is not its author
    (or a superuser).

    Side effects: one history row ("-", by `door`) that keeps its last text.
    """
    if not mag_wijzigen(memo, door) or not door.has_perm("verhalen.delete_memo"):
        raise PermissionDenied(_("Alleen wie het memo schreef, kan het verwijderen."))
    memo._history_user = door
    memo.delete()


def wis_memos_van_verhaal(*, verhaal_id: int, door: AbstractBaseUser) -> int:
    """Remove the memos about a story and about its fragments, and empty their
    text in every history row (erasure on request: a memo may describe the
    teller). Called inside `wis_verhaal`'s transaction. Returns how many
    memos were removed; the history keeps that they existed, without text.
    """
    fragment_ids = list(Fragment.objects.filter(verhaal_id=verhaal_id).values_list("pk", flat=True))
    over_verhaal = Q(verhaal_id=verhaal_id) | Q(fragment_id__in=fragment_ids)
    memos = list(Memo.objects.filter(over_verhaal))
    for memo in memos:
        memo._history_user = door
        memo.delete()
    Memo.history.filter(over_verhaal).update(titel="", tekst="")
    return len(memos)
