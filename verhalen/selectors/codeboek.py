"""Reading the codebook: the tree of codes, fragment counts, the comparison
matrix and the co-occurrence of codes.

Every count starts from `Fragment.objects.zichtbaar_voor(user)` (usually
narrowed further by the filters on the page), so a withdrawn story never adds
to a number. A code counts the fragments coded with it *or with one of its
sub-codes*, each fragment once: the same rule as the list at /codeboek/<slug>/,
so a number and the list behind it always agree.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Q, QuerySet

from kennisagenda.models import Thema
from verhalen.models import (
    Fragment,
    FragmentThema,
    Gemeente,
    Kenmerk,
    KenmerkSoort,
    VertellerType,
    Verzamelwijze,
)
from verhalen.models.kenmerk import weergave
from verhalen.selectors.kenmerken import waarde_van

# --- The tree ---------------------------------------------------------------


@dataclass
class Knoop:
    """One code in the codebook tree, with its depth (0 for a main theme)."""

    thema: Thema
    diepte: int
    aantal: int = 0


def codeboom(themas: Iterable[Thema]) -> list[Knoop]:
    """The codes in reading order: each theme followed by its sub-codes (depth first).

    `themas` are ordered the way siblings should be (Thema's default
    ordering: volgorde, name). A code whose parent is not among `themas`
    starts a tree of its own.
    """
    themas = list(themas)
    bekend = {thema.pk for thema in themas}
    kinderen: dict[int | None, list[Thema]] = {}
    for thema in themas:
        ouder = thema.parent_id if thema.parent_id in bekend else None
        kinderen.setdefault(ouder, []).append(thema)

    boom: list[Knoop] = []

    def voeg_toe(ouder, diepte):
        for thema in kinderen.get(ouder, []):
            boom.append(Knoop(thema, diepte))
            voeg_toe(thema.pk, diepte + 1)

    voeg_toe(None, 0)
    return boom


def afstammelingen(themas: Iterable[Thema]) -> dict[int, set[int]]:
    """For every code: its own pk and the pks of all codes below it."""
    themas = list(themas)
    ouders = {thema.pk: thema.parent_id for thema in themas}
    onder: dict[int, set[int]] = {pk: {pk} for pk in ouders}
    for pk in ouders:
        ouder, gezien = ouders[pk], {pk}
        while ouder is not None and ouder in onder and ouder not in gezien:
            onder[ouder].add(pk)
            gezien.add(ouder)
            ouder = ouders.get(ouder)
    return onder


def subtree_pks(thema: Thema) -> set[int]:
    """The pks of `thema` and every code below it (one query)."""
    return afstammelingen(Thema.objects.only("pk", "parent"))[thema.pk]


# --- Counts -----------------------------------------------------------------


def _per_code(pks_per_code: dict[int, set[int]]) -> dict[str, Count]:
    return {
        f"code_{pk}": Count("pk", filter=Q(thema_items__tag__in=pks), distinct=True)
        for pk, pks in pks_per_code.items()
    }


# --- The comparison matrix --------------------------------------------------


@dataclass(frozen=True)
class Kolomsoort:
    """A story attribute the matrix can use for its columns."""

    sleutel: str  # also the name of the filter that narrows the list to one value
    label: str
    veld: str  # lookup from Fragment
    kenmerk: Kenmerk | None = None  # a research attribute: its value is annotated as `veld`


KOLOMSOORTEN = {
    soort.sleutel: soort
    for soort in [
        Kolomsoort("verteller_type", "Wie vertelt", "verhaal__verteller_type"),
        Kolomsoort("wijk", "Wijk", "verhaal__wijk"),
        Kolomsoort("gemeente", "Gemeente", "verhaal__gemeente"),
        Kolomsoort("verzamelwijze", "Hoe verzameld", "verhaal__verzamelwijze"),
        Kolomsoort("project", "Project", "verhaal__project"),
    ]
}

LEEG = "null"  # the filter value django-filter uses for "no value"
# Research attributes whose values make columns: the categorical ones.
KENMERK_KOLOMMEN = (KenmerkSoort.KEUZE, KenmerkSoort.JA_NEE)


def kolomsoorten() -> dict[str, Kolomsoort]:
    """The fixed column kinds, then one per categorical research attribute (one query)."""
    soorten = dict(KOLOMSOORTEN)
    for kenmerk in Kenmerk.objects.filter(soort__in=KENMERK_KOLOMMEN):
        sleutel = f"kenmerk_{kenmerk.slug}"
        soorten[sleutel] = Kolomsoort(sleutel, kenmerk.naam, "kenmerkwaarde", kenmerk)
    return soorten


@dataclass
class Kolom:
    waarde: str  # the filter value for a link to the fragments of this column
    label: str
    totaal: int = 0


@dataclass
class Cel:
    aantal: int
    kolom: Kolom


@dataclass
class Matrixrij:
    knoop: Knoop
    cellen: list[Cel]
    totaal: int


@dataclass
class Matrix:
    soort: Kolomsoort
    kolommen: list[Kolom]
    rijen: list[Matrixrij]
    totaal: int


def _kolomlabels(soort: Kolomsoort, waarden: Iterable) -> dict:
    waarden = [waarde for waarde in waarden if waarde is not None]
    if soort.kenmerk is not None:
        return {waarde: weergave(soort.kenmerk.soort, waarde) for waarde in waarden}
    if soort.sleutel == "verteller_type":
        return dict(VertellerType.choices)
    if soort.sleutel == "gemeente":
        return dict(Gemeente.choices)
    if soort.sleutel == "verzamelwijze":
        return dict(Verzamelwijze.choices)
    model = (
        Fragment._meta.get_field("verhaal")
        .related_model._meta.get_field(soort.sleutel)
        .related_model
    )
    return {obj.pk: str(obj) for obj in model.objects.filter(pk__in=waarden)}


def matrix(
    fragmenten: QuerySet,
    themas: Iterable[Thema],
    soort: Kolomsoort,
    *,
    zonder_lege_rijen: bool = False,
) -> Matrix:
    """Codes in rows, the values of a story attribute in columns.

    Each cell: the number of `fragmenten` with that code (or a sub-code) whose
    story has that value. All cells, row totals and column totals come from one
    aggregate query (plus one for the names of wijken or projects).
    `zonder_lege_rijen` leaves out codes without any fragment.
    """
    boom = codeboom(themas)
    onder = afstammelingen(knoop.thema for knoop in boom)
    if soort.kenmerk is not None:
        fragmenten = fragmenten.annotate(**{soort.veld: waarde_van(soort.kenmerk)})
    per_waarde = list(
        fragmenten.order_by()
        .values(soort.veld)
        .annotate(fragmenten_totaal=Count("pk", distinct=True), **_per_code(onder))
    )
    labels = _kolomlabels(soort, (rij[soort.veld] for rij in per_waarde))

    def volgorde(rij):
        waarde = rij[soort.veld]
        if soort.kenmerk is not None and soort.kenmerk.soort == KenmerkSoort.KEUZE:
            keuzes = soort.kenmerk.keuzes
            return (waarde is None, keuzes.index(waarde) if waarde in keuzes else len(keuzes))
        return (waarde is None, str(labels.get(waarde, waarde or "")).lower())

    per_waarde.sort(key=volgorde)
    kolommen = [
        Kolom(
            waarde=LEEG
            if rij[soort.veld] in (None, "")
            else str(labels.get(rij[soort.veld], rij[soort.veld]))
            if soort.kenmerk is not None
            else str(rij[soort.veld]),
            label=str(labels.get(rij[soort.veld], rij[soort.veld]))
            if rij[soort.veld] not in (None, "")
            else "(onbekend)",
            totaal=rij["fragmenten_totaal"],
        )
        for rij in per_waarde
    ]
    rijen = []
    for knoop in boom:
        cellen = [
            Cel(aantal=rij[f"code_{knoop.thema.pk}"], kolom=kolom)
            for rij, kolom in zip(per_waarde, kolommen, strict=True)
        ]
        totaal = sum(cel.aantal for cel in cellen)
        if totaal or not zonder_lege_rijen:
            rijen.append(Matrixrij(knoop=knoop, cellen=cellen, totaal=totaal))
    return Matrix(
        soort=soort,
        kolommen=kolommen,
        rijen=rijen,
        totaal=sum(kolom.totaal for kolom in kolommen),
    )


# --- Co-occurrence ----------------------------------------------------------


@dataclass(frozen=True)
class Samenhang:
    """How often two codes meet, counted three ways."""

    code_a: Thema
    code_b: Thema
    zelfde_fragment: int  # fragments coded with both
    overlappend: int  # (fragment with A, fragment with B) pairs whose text overlaps
    zelfde_verhaal: int  # stories in which both codes are used


def samenhang(fragmenten: QuerySet) -> list[Samenhang]:
    """Every pair of codes used together among `fragmenten`, computed in the database.

    Codes count as applied (no roll-up to parent themes). Two fragments
    overlap when they share at least one character; a fragment overlaps
    itself, so two codes on one fragment also count as overlapping.
    Sorted by overlap, then same story, most first.
    """
    try:
        zichtbaar_sql, params = fragmenten.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return []
    q = connection.ops.quote_name
    fragment = Fragment._meta
    koppel = FragmentThema._meta
    fragment_tabel, koppel_tabel = q(fragment.db_table), q(koppel.db_table)
    fragment_id = q(fragment.pk.column)
    verhaal = q(fragment.get_field("verhaal").column)
    start, eind = q(fragment.get_field("start").column), q(fragment.get_field("eind").column)
    object_id = q(koppel.get_field("content_object").column)
    tag = q(koppel.get_field("tag").column)
    sql = f"""
        SELECT a.{tag}, b.{tag},
               COUNT(DISTINCT CASE WHEN f1.{fragment_id} = f2.{fragment_id}
                                   THEN f1.{fragment_id} END),
               SUM(CASE WHEN f1.{start} < f2.{eind} AND f2.{start} < f1.{eind}
                        THEN 1 ELSE 0 END),
               COUNT(DISTINCT f1.{verhaal})
        FROM {koppel_tabel} a
        JOIN {fragment_tabel} f1 ON f1.{fragment_id} = a.{object_id}
        JOIN {fragment_tabel} f2 ON f2.{verhaal} = f1.{verhaal}
        JOIN {koppel_tabel} b ON b.{object_id} = f2.{fragment_id}
        WHERE a.{tag} < b.{tag}
          AND f1.{fragment_id} IN ({zichtbaar_sql})
          AND f2.{fragment_id} IN ({zichtbaar_sql})
        GROUP BY a.{tag}, b.{tag}
    """  # noqa: S608 - only quoted identifiers and Django's own compiled subquery
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *params])
        rijen = cursor.fetchall()
    codes = Thema.objects.in_bulk({pk for rij in rijen for pk in rij[:2]})
    paren = [
        Samenhang(
            code_a=codes[a],
            code_b=codes[b],
            zelfde_fragment=zelfde,
            overlappend=int(overlap or 0),
            zelfde_verhaal=verhalen,
        )
        for a, b, zelfde, overlap, verhalen in rijen
    ]
    paren.sort(
        key=lambda paar: (
            -paar.overlappend,
            -paar.zelfde_verhaal,
            paar.code_a.name.lower(),
            paar.code_b.name.lower(),
        )
    )
    return paren
