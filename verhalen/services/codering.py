"""Writes for coding: fragments and the codebook.

Every change is recorded by django-simple-history: a fragment's historical
row holds its codes (`codes_snapshot`, refreshed by `Fragment.save()` after
the codes changed), and Thema has its own history. `door` becomes the
history's user and `reden` its change reason.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from simple_history.utils import bulk_create_with_history

from kennisagenda.models import Thema, ThemaItemBase
from toolkit.slugs import vrije_slug
from verhalen.models import Fragment, FragmentThema, Verhaal
from verhalen.models.slugs import GERESERVEERDE_SLUGS
from verhalen.selectors.codeboek import subtree_pks
from verhalen.services import tellingen
from verhalen.tekst.posities import dichtstbijzijnd_citaat


def _met_geschiedenis(obj, *, door, reden):
    obj._history_user = door
    obj._change_reason = reden
    return obj


def _controleer_bereik(verhaal, start, eind):
    if not 0 <= start < eind <= len(verhaal.tekst):
        raise ValidationError(
            "Het fragment valt buiten de tekst van het verhaal.", code="buiten_tekst"
        )


def _vergrendel_tekst(verhaal):
    """Lock the story row and check that its text is still `verhaal.tekst`.

    The positions were chosen in `verhaal.tekst`; if a colleague saved another
    text since, they may point at other words. Holding the row lock until the
    fragment is stored means a text edit (and its re-anchoring) waits for us.
    """
    opgeslagen = Verhaal.objects.select_for_update().only("pk", "tekst").get(pk=verhaal.pk)
    if opgeslagen.tekst != verhaal.tekst:
        raise ValidationError(
            "Een collega heeft de tekst van het verhaal net gewijzigd. Hieronder staat de "
            "nieuwe tekst; selecteer het stuk tekst opnieuw.",
            code="tekst_gewijzigd",
        )


def _controleer_codes(codes):
    if not codes:
        raise ValidationError("Een fragment heeft minstens één code.", code="geen_codes")


@transaction.atomic
def maak_fragment(
    *, verhaal: Verhaal, start: int, eind: int, codes, memo: str = "", codeur
) -> Fragment:
    """Code `verhaal.tekst[start:eind]` with `codes`.

    Raises ValidationError when the story's stored text is no longer
    `verhaal.tekst` (the positions would point at other words).

    Side effects: creates the fragment with a copy of the quote, sets its codes
    and records one history row (with the codes) by `codeur`.
    """
    with tellingen.bijgehouden([verhaal.pk]):
        _vergrendel_tekst(verhaal)
        return _nieuw_fragment(verhaal, start, eind, codes, memo, codeur, "Fragment gecodeerd")


# Rows per INSERT when many fragments are stored at once (bounded statements).
BATCH = 1_000


@transaction.atomic
def maak_fragmenten(*, fragmenten, codeur, reden: str) -> list[Fragment]:
    """Code many stretches of one or many stories at once, e.g. from an import:
    `fragmenten` holds (verhaal, start, eind, codes, memo) tuples.

    Each is checked as by `maak_fragment` (the range within the story's text,
    at least one code); raises ValidationError, and stores nothing, when one
    is not right or when a story's stored text is no longer `verhaal.tekst`.
    The number of queries does not grow with the number of fragments or
    stories.

    Side effects: the stories are locked and their stored counts kept once
    for all fragments; each fragment is created with a copy of its quote and
    its codes, and one history row ("+", by `codeur`, with `reden`, holding
    the codes).
    """
    fragmenten = list(fragmenten)
    verhalen = {verhaal.pk: verhaal for verhaal, *_rest in fragmenten}
    with tellingen.bijgehouden(verhalen.keys()):  # locks the stories
        opgeslagen = dict(Verhaal.objects.filter(pk__in=verhalen).values_list("pk", "tekst"))
        if any(opgeslagen.get(pk) != verhaal.tekst for pk, verhaal in verhalen.items()):
            raise ValidationError(
                "De tekst van een verhaal is intussen gewijzigd; de fragmenten zijn niet "
                "opgeslagen.",
                code="tekst_gewijzigd",
            )
        nieuw, koppelingen = [], []
        for verhaal, start, eind, codes, memo in fragmenten:
            _controleer_bereik(verhaal, start, eind)
            codes = _verschillend(codes)
            _controleer_codes(codes)
            fragment = Fragment(
                verhaal=verhaal,
                start=start,
                eind=eind,
                citaat=verhaal.tekst[start:eind],
                memo=memo,
                codeur=codeur,
            )
            # As in _nieuw_fragment: no queries per fragment, the database
            # guards the constraints and keys again.
            fragment.full_clean(exclude=["verhaal", "codeur"], validate_constraints=False)
            fragment.leg_labels_vast(codes)
            nieuw.append(fragment)
            koppelingen += [FragmentThema(content_object=fragment, tag=code) for code in codes]
        bulk_create_with_history(
            nieuw, Fragment, batch_size=BATCH, default_user=codeur, default_change_reason=reden
        )
        FragmentThema.objects.bulk_create(koppelingen, batch_size=BATCH)
        return nieuw


def _nieuw_fragment(verhaal, start, eind, codes, memo, codeur, reden):
    _controleer_bereik(verhaal, start, eind)
    codes = _verschillend(codes)
    _controleer_codes(codes)
    fragment = Fragment(
        verhaal=verhaal,
        start=start,
        eind=eind,
        citaat=verhaal.tekst[start:eind],
        memo=memo,
        codeur=codeur,
    )
    # The range was checked above and the story and coder are loaded objects;
    # the database guards the constraints and keys again (no queries here:
    # an import stores thousands of fragments).
    fragment.full_clean(exclude=["verhaal", "codeur"], validate_constraints=False)
    # Three queries: the fragment and its history row (with the codes it is
    # about to get), then its codes in one INSERT.
    fragment.leg_labels_vast(codes)
    _met_geschiedenis(fragment, door=codeur, reden=reden).save()
    FragmentThema.objects.bulk_create(
        [FragmentThema(content_object=fragment, tag=code) for code in codes]
    )
    return fragment


def _verschillend(codes):
    """The Thema objects `codes`, each once, in their order."""
    return list({code.pk: code for code in codes}.values())


@transaction.atomic
def wijzig_fragment(
    *,
    fragment: Fragment,
    start: int,
    eind: int,
    codes,
    memo: str,
    moet_herzien: bool,
    door,
) -> Fragment:
    """Change the stretch, codes, memo or review flag of `fragment`.

    Raises ValidationError when the story's stored text is no longer
    `fragment.verhaal.tekst` (the text the positions were chosen in), or when
    the stored fragment changed or went since `fragment` was read (a
    colleague's save is never silently overwritten).

    Side effects: the quote is copied again from the story's text; one history
    row records the new state (with the codes) by `door`. The original coder
    stays the coder.
    """
    verhaal = fragment.verhaal
    with tellingen.bijgehouden([verhaal.pk]):
        _vergrendel_tekst(verhaal)  # every write to the story's fragments queues here
        opgeslagen = (
            Fragment.objects.filter(pk=fragment.pk)
            .order_by()
            .values_list("gewijzigd_op", flat=True)
        )
        if list(opgeslagen) != [fragment.gewijzigd_op]:
            raise ValidationError(
                "Een collega heeft dit fragment net gewijzigd of verwijderd. Hieronder zie je hoe "
                "het nu is; sla daarna opnieuw op.",
                code="conflict",
            )
        _controleer_bereik(verhaal, start, eind)
        codes = _verschillend(codes)
        _controleer_codes(codes)
        fragment.start, fragment.eind = start, eind
        fragment.citaat = verhaal.tekst[start:eind]
        fragment.memo = memo
        fragment.moet_herzien = moet_herzien
        # As in _nieuw_fragment: the range is checked, the keys are the loaded ones.
        fragment.full_clean(exclude=["verhaal", "codeur"], validate_constraints=False)
        gekoppeld = FragmentThema.objects.filter(content_object=fragment)
        gekoppeld.exclude(tag__in=codes).delete()
        FragmentThema.objects.bulk_create(
            [FragmentThema(content_object=fragment, tag=code) for code in codes],
            ignore_conflicts=True,
        )
        _met_geschiedenis(fragment, door=door, reden="Fragment gewijzigd").save()
        return fragment


@transaction.atomic
def verwijder_fragment(*, fragment: Fragment, door) -> None:
    """Delete `fragment`. Side effect: its history keeps a row of the deletion by `door`."""
    with tellingen.bijgehouden([fragment.verhaal_id]):
        _met_geschiedenis(fragment, door=door, reden="Fragment verwijderd").delete()


@transaction.atomic
def zet_fragment_terug(*, verhaal: Verhaal, history_id: int, door) -> Fragment:
    """Bring back a deleted fragment of `verhaal` from its deletion record.

    The fragment returns with its own number, quote, memo, coder and the codes
    it had that still exist in the codebook. When the story's text changed
    since, it is re-anchored to its quote (nearest to the old place), or kept
    at its old place and flagged `moet_herzien` when the quote is gone.

    Raises Fragment.history.model.DoesNotExist when `history_id` is not the
    deletion of a fragment of `verhaal`, and ValidationError when the
    fragment exists again or its quote was erased (AVG).

    Side effects: the story row is locked while the fragment is stored; one
    history row ("Verwijderd fragment teruggezet") by `door`.
    """
    with tellingen.bijgehouden([verhaal.pk]):
        record = Fragment.history.get(
            history_id=history_id, verhaal_id=verhaal.pk, history_type="-"
        )
        tekst = Verhaal.objects.select_for_update().only("pk", "tekst").get(pk=verhaal.pk).tekst
        if Fragment.objects.filter(pk=record.id).exists():
            raise ValidationError("Dit fragment is al teruggezet.", code="bestaat_al")
        if not record.citaat:
            raise ValidationError(
                "Het citaat van dit fragment is gewist; het kan niet terug.", code="gewist"
            )
        fragment = Fragment(
            pk=record.id,
            verhaal_id=verhaal.pk,
            start=record.start,
            eind=record.eind,
            citaat=record.citaat,
            memo=record.memo,
            codeur=get_user_model().objects.filter(pk=record.codeur_id).first(),
            moet_herzien=record.moet_herzien,
        )
        if tekst[fragment.start : fragment.eind] != fragment.citaat:
            gevonden = dichtstbijzijnd_citaat(tekst, fragment.citaat, fragment.start)
            if gevonden is None:
                fragment.moet_herzien = True
            else:
                fragment.start, fragment.eind = gevonden
                fragment.citaat = tekst[fragment.start : fragment.eind]
                fragment.moet_herzien = False
        fragment.full_clean(validate_unique=False)
        fragment.save_without_historical_record(force_insert=True)
        fragment.codes.set(Thema.objects.filter(pk__in=[c["id"] for c in record.codes_snapshot]))
        _met_geschiedenis(fragment, door=door, reden="Verwijderd fragment teruggezet").save()
        return fragment


# --- The codebook -----------------------------------------------------------


def unieke_slug(naam: str) -> str:
    """A slug for a new code, free in the codebook and not one of /codeboek/'s own paths."""
    return vrije_slug(
        naam,
        bezet=Thema.objects.all(),
        standaard="code",
        lengte=90,
        gereserveerd=GERESERVEERDE_SLUGS,
    )


@transaction.atomic
def maak_subcode(
    *,
    naam: str,
    parent: Thema,
    beschrijving: str = "",
    definitie: str = "",
    voorbeeld: str = "",
    kleur: str | None = None,
    door,
) -> Thema:
    """Add a sub-code under `parent`. Side effect: a history row by `door`.

    Takes the codebook lock (tellingen.codeboom_vast): codings in progress
    finish first, and count with the new code only after this commit.
    """
    with tellingen.codeboom_vast(exclusief=True):
        return _maak_subcode(
            naam=naam,
            parent=parent,
            beschrijving=beschrijving,
            definitie=definitie,
            voorbeeld=voorbeeld,
            kleur=kleur,
            door=door,
        )


def _maak_subcode(*, naam, parent, beschrijving, definitie, voorbeeld, kleur, door):
    code = Thema(
        name=naam,
        slug=unieke_slug(naam),
        parent=parent,
        beschrijving=beschrijving,
        definitie=definitie,
        voorbeeld=voorbeeld,
        kleur=kleur or parent.kleur,
        volgorde=parent.volgorde,
    )
    code.full_clean()
    _met_geschiedenis(code, door=door, reden=f"Subcode van '{parent.name}' toegevoegd").save()
    return code


@transaction.atomic
def wijzig_code(*, code: Thema, door, **velden) -> Thema:
    """Rename a code or change its rules (definition, example, colour, description).

    The slug stays the same, so links and bookmarks keep working. Side effect:
    a history row by `door`. The name of a kennisagenda theme cannot change.
    """
    if code.is_kennisagenda and "name" in velden and velden["name"] != code.name:
        raise ValidationError(
            "De naam van een thema uit de kennisagenda kan niet veranderen.", code="kennisagenda"
        )
    oude_naam = code.name
    for veld, waarde in velden.items():
        setattr(code, veld, waarde)
    code.full_clean()
    reden = f"Hernoemd van '{oude_naam}'" if code.name != oude_naam else "Code gewijzigd"
    _met_geschiedenis(code, door=door, reden=reden).save()
    return code


@transaction.atomic
def verplaats_code(*, code: Thema, parent: Thema, door) -> Thema:
    """Put `code` (with everything below it) under `parent`.

    Fragments keep their codes. Side effects: a history row by `door`; the
    codes above it, old and new, are counted again (tellingen.herbereken_codes).
    Kennisagenda themes stay where they are.
    """
    if code.is_kennisagenda:
        raise ValidationError(
            "Een thema uit de kennisagenda blijft een hoofdthema.", code="kennisagenda"
        )
    with tellingen.codeboom_vast(exclusief=True):
        oud = code.parent
        oude_bovencodes = tellingen.bovencodes(code.pk)
        code.parent = parent
        code.full_clean()
        reden = f"Verplaatst van '{oud.name if oud else '(geen)'}' naar '{parent.name}'"
        _met_geschiedenis(code, door=door, reden=reden).save()
        tellingen.herbereken_codes(oude_bovencodes | tellingen.bovencodes(code.pk))
    return code


# Up to this many stories carrying the merged code, a merge adds their difference to
# the stored counts (tellingen.bijgehouden reads every fragment of those stories);
# beyond it one set-based recount of the codes above is cheaper (at 100k stories:
# 300 stories ~50 ms, 6 800 stories ~2.6 s, the recount ~2.5 s).
SAMENVOEGEN_MET_VERSCHIL = 300


@dataclass(frozen=True)
class Samenvoeging:
    """What a merge did."""

    fragmenten: int  # fragments that now carry the target code instead
    al_gecodeerd: int  # of those, fragments that already had the target code
    overige_koppelingen: int  # stories, collections, projects … moved to the target
    subcodes: int  # sub-codes moved under the target


def _koppelmodellen():
    """The through models of everything else tagged with a Thema (stories, projects, …)."""
    for relatie in Thema._meta.related_objects:
        model = relatie.related_model
        if issubclass(model, ThemaItemBase) and model is not FragmentThema:
            yield model


def _verplaats_koppelingen(model, *, bron, doel) -> list[int]:
    """Point `model`'s rows from `bron` to `doel`; an object tagged with both keeps one.

    Returns the ids of the tagged objects whose tags changed.
    """
    ids = list(model.objects.filter(tag=bron).values_list("content_object_id", flat=True))
    model.objects.filter(
        tag=bron, content_object_id__in=model.objects.filter(tag=doel).values("content_object_id")
    ).delete()
    model.objects.filter(tag=bron).update(tag=doel)
    return ids


@transaction.atomic
def voeg_codes_samen(*, bron: Thema, doel: Thema, door) -> Samenvoeging:
    """Merge the code `bron` into `doel`, then delete `bron`.

    Every fragment coded `bron` is coded `doel` instead (a fragment that had
    both keeps one `doel`); no fragment is lost or duplicated, whatever its
    story's consent. Stories, collections, projects and other things tagged
    with `bron` are tagged with `doel` instead. Sub-codes of `bron` move under
    `doel`.

    Side effects, all recorded in history by `door`: one history row per
    changed fragment (its new codes) and per re-tagged object that keeps
    history, a row on each moved sub-code, a row on `doel` naming the merge,
    and the deletion of `bron`; the stored counts follow: the difference of
    the stories that carry `bron` or a code below it, or for many such stories
    a recount of the codes above (verhalen/services/tellingen.py).
    """
    if bron.pk == doel.pk:
        raise ValidationError("Een code kan niet met zichzelf samengaan.", code="zelfde")
    if bron.is_kennisagenda:
        raise ValidationError(
            "Een thema uit de kennisagenda kan niet in een andere code opgaan.",
            code="kennisagenda",
        )
    with tellingen.codeboom_vast(exclusief=True):
        onder = subtree_pks(bron)
        if doel.pk in onder:
            raise ValidationError("Samenvoegen met een eigen subcode kan niet.", code="cyclus")
        # Only the stories that carry `bron` or a code below it count differently:
        # add their difference when they are few, else recount the codes above.
        verhalen = tellingen.verhalen_met_codes(onder)
        if len(verhalen) <= SAMENVOEGEN_MET_VERSCHIL:
            with tellingen.bijgehouden(verhalen, nieuwe_boom=True):
                return _voeg_samen(bron=bron, doel=doel, door=door)
        geraakt = tellingen.bovencodes(bron.pk) - {bron.pk}
        samenvoeging = _voeg_samen(bron=bron, doel=doel, door=door)
        tellingen.herbereken_codes(geraakt | tellingen.bovencodes(doel.pk))
        tellingen.herbereken_verhalen(verhalen)
        return samenvoeging


def _voeg_samen(*, bron: Thema, doel: Thema, door) -> "Samenvoeging":
    reden = f"Code '{bron.name}' samengevoegd met '{doel.name}'"
    # Lock both codes: on PostgreSQL a concurrent request that tags something
    # with `bron` now waits for this merge (and then fails loudly, because
    # `bron` is gone) instead of adding a tag that the deletion would drop.
    list(Thema.objects.select_for_update().filter(pk__in=[bron.pk, doel.pk]).order_by("pk"))

    # Fragments: lock them, move the through rows, then save each so its
    # history row holds its new codes.
    fragment_ids = list(
        FragmentThema.objects.filter(tag=bron).values_list("content_object_id", flat=True)
    )
    fragmenten = list(
        Fragment.objects.select_for_update().filter(pk__in=fragment_ids).order_by("pk")
    )
    al_gecodeerd = set(
        FragmentThema.objects.filter(tag=doel, content_object_id__in=fragment_ids).values_list(
            "content_object_id", flat=True
        )
    )
    FragmentThema.objects.filter(tag=bron, content_object_id__in=al_gecodeerd).delete()
    FragmentThema.objects.filter(tag=bron).update(tag=doel)
    for fragment in fragmenten:
        _met_geschiedenis(fragment, door=door, reden=reden).save()

    # Everything else tagged with the code.
    overige = 0
    for model in _koppelmodellen():
        ids = _verplaats_koppelingen(model, bron=bron, doel=doel)
        overige += len(ids)
        eigenaar = model._meta.get_field("content_object").related_model if ids else None
        if eigenaar is not None and hasattr(eigenaar, "leg_labels_vast"):
            # Locked before reading: a story saved by a colleague meanwhile is
            # read after their commit, so this save cannot undo their edit.
            for obj in eigenaar._default_manager.select_for_update().filter(pk__in=ids):
                _met_geschiedenis(obj, door=door, reden=reden).save()

    subcodes = list(bron.subcodes.all())
    for subcode in subcodes:
        subcode.parent = doel
        _met_geschiedenis(subcode, door=door, reden=reden).save()

    _met_geschiedenis(doel, door=door, reden=reden).save()
    try:
        _met_geschiedenis(bron, door=door, reden=reden).delete()
    except ProtectedError as fout:
        raise ValidationError(
            "Deze code wordt nog ergens anders gebruikt en kan daarom niet opgaan in een "
            "andere code.",
            code="beschermd",
        ) from fout
    return Samenvoeging(
        fragmenten=len(fragmenten),
        al_gecodeerd=len(al_gecodeerd),
        overige_koppelingen=overige,
        subcodes=len(subcodes),
    )
