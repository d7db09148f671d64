"""Keeping the stored counts right (verhalen/models/telling.py).

Every service that changes what is counted runs its change inside
`bijgehouden(verhaal_ids)`: the stories are locked, what they contribute to
every count is taken before and after the change, and the difference is added
with F() updates in the same transaction (as pretix keeps its quota figures).
A story contributes, per audience that may count it:
- to a code: one story when the story or one of its fragments carries the
  code or a sub-code of it, and one fragment per fragment that carries the
  code or a sub-code (each fragment once, however many of those codes it has);
- to a collection: one story per item whose story the audience may read there.

Changes to the code tree itself (a new sub-code, moving or merging codes) take
the codebook lock exclusively (`codeboom_vast`); every coding takes it shared,
so a coding never computes its difference over a tree that changes under it
(PostgreSQL; SQLite writes one transaction at a time anyway). Moving a code
recounts the codes it touches (`herbereken_codes`); merging adds the
difference of the stories that carry the merged code or a sub-code of it
(`bijgehouden(..., nieuwe_boom=True)`), so a small merge costs what those
stories cost, not what the codes above hold; a merge touching many stories
recounts like a move.

`herbereken()` rebuilds everything from scratch with a few set-based queries
(`manage.py herbereken_tellingen`; the demo loader and the benchmark's dataset
builder call it after writing rows directly).
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce

from kennisagenda.models import Thema
from verhalen.models import (
    Beoordeling,
    Codetelling,
    Collectie,
    CollectieItem,
    Collectietelling,
    Fragment,
    FragmentThema,
    Publiek,
    Verhaal,
    Verhaaltelling,
    VerhaalThema,
)
from verhalen.models.telling import PUBLIEKEN
from verhalen.models.verhaal import TOESTEMMING_VOOR_PUBLIEK, zichtbaarheidsniveau

ONDERZOEK = "onderzoek"
# Any fixed number: the key of the PostgreSQL advisory lock on the code tree.
CODEBOOM_SLOT = 140_000_014


# --- Who counts what ----------------------------------------------------------


def _leest_collectie(publiek, collectie_publiek):
    """Readers of `publiek` open published collections written for them or for a
    wider audience (CollectieQuerySet.leesbaar_voor for our roles)."""
    return set(TOESTEMMING_VOOR_PUBLIEK[collectie_publiek]) <= set(
        TOESTEMMING_VOOR_PUBLIEK[publiek]
    )


def _mag_lezen(publiek, collectie_publiek, toestemming):
    """A reader of `publiek` may read a story with `toestemming` in a collection
    for `collectie_publiek` (the one visibility rule, `Collectie.zichtbare_items`)."""
    return (
        toestemming in TOESTEMMING_VOOR_PUBLIEK[publiek]
        and toestemming in TOESTEMMING_VOOR_PUBLIEK[collectie_publiek]
    )


def _tellers(toestemming, items):
    """The audiences that count a story on the codes (`items`: its collections as
    (publiek, gepubliceerd)). Researchers count every visible story; others only
    stories they may read in a published collection they may open."""
    if toestemming not in TOESTEMMING_VOOR_PUBLIEK[ONDERZOEK]:
        return []
    return [ONDERZOEK] + [
        publiek
        for publiek in PUBLIEKEN
        if publiek != ONDERZOEK
        and any(
            gepubliceerd
            and _leest_collectie(publiek, collectie_publiek)
            and _mag_lezen(publiek, collectie_publiek, toestemming)
            for collectie_publiek, gepubliceerd in items
        )
    ]


# --- Reading ------------------------------------------------------------------


def fragmenten_per_code(user) -> dict[int, int]:
    """{code pk: fragments on it or a sub-code} that `user` may count (one query)."""
    publiek = zichtbaarheidsniveau(user)
    if publiek is None:
        return {}
    return dict(Codetelling.objects.filter(publiek=publiek).values_list("thema_id", "fragmenten"))


def voor_code(user, thema) -> tuple[int, int]:
    """(stories, fragments) on `thema` or its sub-codes that `user` may count."""
    publiek = zichtbaarheidsniveau(user)
    rij = (
        Codetelling.objects.filter(thema=thema, publiek=publiek)
        .values_list("verhalen", "fragmenten")
        .first()
        if publiek
        else None
    )
    return rij or (0, 0)


def aantal_verhalen(user):
    """Annotation on Collectie: how many of its stories `user` may read there."""
    publiek = zichtbaarheidsniveau(user)
    if publiek is None:
        return Value(0, output_field=IntegerField())
    telling = Collectietelling.objects.filter(collectie=OuterRef("pk"), publiek=publiek)
    return Coalesce(Subquery(telling.values("verhalen")[:1]), 0)


# --- Keeping them right -------------------------------------------------------


@contextmanager
def codeboom_vast(*, exclusief=False):
    """Hold the codebook lock until the transaction ends (PostgreSQL; elsewhere a no-op).

    Shared by every change of counted data; exclusive for changes to the tree.
    """
    if connection.vendor == "postgresql":
        functie = "pg_advisory_xact_lock" if exclusief else "pg_advisory_xact_lock_shared"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {functie}(%s)", [CODEBOOM_SLOT])
    yield


def _voorouders() -> dict[int, set[int]]:
    """For every code: its own pk and the pks of every code above it."""
    ouders = dict(Thema.objects.order_by().values_list("pk", "parent_id"))
    boven = {}
    for pk in ouders:
        keten, ouder = {pk}, ouders[pk]
        while ouder is not None and ouder not in keten:
            keten.add(ouder)
            ouder = ouders.get(ouder)
        boven[pk] = keten
    return boven


def bovencodes(thema_pk) -> set[int]:
    """`thema_pk` and every code above it: the codes whose counts it adds to."""
    return _voorouders().get(thema_pk, {thema_pk})


# Stories per query of `_stand` (four IN lists each: SQLite allows 32 766 parameters).
STAND_PER_KEER = 2_000


def _stand(verhaal_ids):
    """Everything the counts of `verhaal_ids` depend on, in one query per 2 000 stories.

    Rows of (soort, verhaal, a, b, tekst, vlag):
    - ("v", story, -, -, its consent, -): the consent is None for a story not
      (yet) taken into the bank, which has no consent in force and counts nowhere;
    - ("c", story, collection, -, the collection's audience, published?);
    - ("t", story, code, -, -, -): a code on the story itself;
    - ("f", story, fragment, code or None, -, -): a fragment and each of its codes.
    """
    geen_getal, geen_tekst = "CAST(NULL AS integer)", "CAST(NULL AS varchar)"
    geen_vlag = "CAST(NULL AS boolean)"
    ids = sorted(verhaal_ids)
    for begin in range(0, len(ids), STAND_PER_KEER):
        plekken, deel = _lijst(ids[begin : begin + STAND_PER_KEER])
        sql = f"""
            SELECT 'v', v.id, {geen_getal}, {geen_getal},
                   CASE WHEN v.beoordeling = %s THEN v.toestemming ELSE {geen_tekst} END,
                   {geen_vlag}
            FROM {_tabel(Verhaal)} v WHERE v.id IN ({plekken})
            UNION ALL
            SELECT 'c', i.verhaal_id, i.collectie_id, {geen_getal}, c.publiek, c.gepubliceerd
            FROM {_tabel(CollectieItem)} i JOIN {_tabel(Collectie)} c ON c.id = i.collectie_id
            WHERE i.verhaal_id IN ({plekken})
            UNION ALL
            SELECT 't', vt.content_object_id, vt.tag_id, {geen_getal}, {geen_tekst}, {geen_vlag}
            FROM {_tabel(VerhaalThema)} vt WHERE vt.content_object_id IN ({plekken})
            UNION ALL
            SELECT 'f', f.verhaal_id, f.id, ft.tag_id, {geen_tekst}, {geen_vlag}
            FROM {_tabel(Fragment)} f
            LEFT JOIN {_tabel(FragmentThema)} ft ON ft.content_object_id = f.id
            WHERE f.verhaal_id IN ({plekken})
        """  # noqa: S608 - quoted table names and placeholders only
        with connection.cursor() as cursor:
            cursor.execute(sql, [Beoordeling.OPGENOMEN, *deel, *deel, *deel, *deel])
            yield from cursor.fetchall()


class Bijdrage:
    """What a set of stories contributes to every stored count."""

    def __init__(self, verhaal_ids, voorouders):
        self.codes = defaultdict(lambda: [0, 0])  # (thema, publiek) -> [verhalen, fragmenten]
        self.collecties = defaultdict(lambda: [0])  # (collectie, publiek) -> [verhalen]
        self.verhalen = {}  # verhaal -> (fragmenten, codes)
        toestemming, items = {}, defaultdict(list)
        themas, fragmenten = defaultdict(set), defaultdict(lambda: defaultdict(set))
        for soort, verhaal, a, b, tekst, gepubliceerd in _stand(verhaal_ids):
            if soort == "v":
                toestemming[verhaal] = tekst
            elif soort == "c":
                items[verhaal].append((a, tekst, gepubliceerd))
            elif soort == "t":
                themas[verhaal].add(a)
            else:
                codes = fragmenten[verhaal][a]
                if b is not None:
                    codes.add(b)
        for verhaal, stand in toestemming.items():
            self._verhaal(
                verhaal, stand, items[verhaal], themas[verhaal], fragmenten[verhaal], voorouders
            )

    def _verhaal(self, verhaal, toestemming, items, themas, fragmenten, voorouders):
        def boven(codes):
            return set().union(*(voorouders.get(code, {code}) for code in codes))

        per_code = defaultdict(int)
        for codes in fragmenten.values():
            for code in boven(codes):
                per_code[code] += 1
        over = set(per_code) | boven(themas)
        for publiek in _tellers(toestemming, [(p, g) for _c, p, g in items]):
            for code in over:
                telling = self.codes[(code, publiek)]
                telling[0] += 1
                telling[1] += per_code[code]
        for collectie, collectie_publiek, _gepubliceerd in items:
            for publiek in PUBLIEKEN:
                if _mag_lezen(publiek, collectie_publiek, toestemming):
                    self.collecties[(collectie, publiek)][0] += 1
        gebruikt = set().union(*fragmenten.values()) if fragmenten else set()
        self.verhalen[verhaal] = (len(fragmenten), len(gebruikt))


def _verschil(voor, na):
    verschil = {}
    for sleutel in set(voor) | set(na):
        oud, nieuw = voor.get(sleutel, [0] * len(na.get(sleutel, ()))), na.get(sleutel)
        if nieuw is None:
            nieuw = [0] * len(oud)
        delta = tuple(n - o for n, o in zip(nieuw, oud, strict=True))
        if any(delta):
            verschil[sleutel] = delta
    return verschil


def _tel_bij(model, veld, waarden, verschil):
    """Add `verschil` {(object pk, publiek): deltas} to `model`'s rows with F().

    Three queries at most: lock the rows, make the missing ones (rare: something
    starts to count), one UPDATE for all of them.
    """
    if not verschil:
        return
    kolom = f"{veld}_id"

    def vergrendel():
        # In one order, so two writers never wait for each other in a circle.
        return {
            (obj, publiek): pk
            for pk, obj, publiek in model.objects.select_for_update()
            .filter(**{f"{kolom}__in": {obj for obj, _p in verschil}})
            .filter(publiek__in={publiek for _obj, publiek in verschil})
            .order_by(kolom, "publiek")
            .values_list("pk", kolom, "publiek")
        }

    rijen = vergrendel()
    # A row is made when something starts to count; a missing row with a negative
    # difference belongs to an object deleted in this transaction (its rows went with it).
    ontbreekt = sorted(
        sleutel for sleutel, delta in verschil.items() if sleutel not in rijen and min(delta) >= 0
    )
    if ontbreekt:
        model.objects.bulk_create(
            [model(**{kolom: obj, "publiek": publiek}) for obj, publiek in ontbreekt],
            ignore_conflicts=True,
        )
        rijen = vergrendel()
    te_wijzigen = {rijen[sleutel]: delta for sleutel, delta in verschil.items() if sleutel in rijen}
    nieuwe_waarden = {
        naam: F(naam)
        + Case(
            *(When(pk=pk, then=Value(delta[i])) for pk, delta in te_wijzigen.items()),
            default=Value(0),
        )
        for i, naam in enumerate(waarden)
        if any(delta[i] for delta in te_wijzigen.values())
    }
    if nieuwe_waarden:
        model.objects.filter(pk__in=te_wijzigen).update(**nieuwe_waarden)


def _zet_verhalen(voor, na):
    gewijzigd = [
        Verhaaltelling(verhaal_id=verhaal, fragmenten=stand[0], codes=stand[1])
        for verhaal, stand in sorted(na.items())
        if stand != voor.get(verhaal, (0, 0))
    ]
    if gewijzigd:
        Verhaaltelling.objects.bulk_create(
            gewijzigd,
            update_conflicts=True,
            unique_fields=["verhaal"],
            update_fields=["fragmenten", "codes"],
        )


@contextmanager
def bijgehouden(verhaal_ids=(), *, nieuwe_boom=False):
    """Keep every stored count right for a change to the stories `verhaal_ids`.

    Inside a transaction only. Locks the codebook (shared) and the stories, in
    that order; yields a set to which the caller adds the pks of stories it
    creates inside the block (they contributed nothing before). With
    `nieuwe_boom` the block also changes the code tree (the caller holds the
    codebook lock exclusively): the stories count again under the new tree, so
    `verhaal_ids` must hold every story that carries a code that moves or goes.
    Side effects: F() updates of Codetelling, Collectietelling and
    Verhaaltelling rows.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Tellingen worden alleen binnen een transactie bijgehouden.")
    ids = set(verhaal_ids)
    with codeboom_vast():
        if ids:
            list(
                Verhaal.objects.select_for_update()
                .filter(pk__in=ids)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
        voorouders = _voorouders()
        voor = Bijdrage(ids, voorouders)
        nieuw = set()
        yield nieuw
        na = Bijdrage(ids | nieuw, _voorouders() if nieuwe_boom else voorouders)
        _tel_bij(Codetelling, "thema", ("verhalen", "fragmenten"), _verschil(voor.codes, na.codes))
        _tel_bij(
            Collectietelling, "collectie", ("verhalen",), _verschil(voor.collecties, na.collecties)
        )
        _zet_verhalen(voor.verhalen, na.verhalen)


def verhalen_met_codes(thema_ids):
    """The pks of the stories that carry one of `thema_ids`, themselves or on a
    fragment (for `bijgehouden`; one query)."""
    op_fragment = (
        Fragment.objects.filter(thema_items__tag__in=thema_ids)
        .order_by()
        .values_list("verhaal_id", flat=True)
    )
    op_verhaal = (
        VerhaalThema.objects.filter(tag__in=thema_ids)
        .order_by()
        .values_list("content_object_id", flat=True)
    )
    return set(op_fragment.union(op_verhaal))


def verhalen_in_collecties(*collecties):
    """The pks of the stories in `collecties` (for `bijgehouden`)."""
    return set(
        CollectieItem.objects.filter(collectie__in=collecties).values_list("verhaal_id", flat=True)
    )


# --- Counting from scratch ------------------------------------------------------


def _tabel(model):
    return connection.ops.quote_name(model._meta.db_table)


def _lijst(waarden):
    return ", ".join(["%s"] * len(waarden)), list(waarden)


def _leesbare_items(publiek, collectie_publiek):
    """FROM … WHERE of the items in collections for `collectie_publiek` whose
    story a reader of `publiek` may read there, and its parameters."""
    toegestaan = [
        t
        for t in TOESTEMMING_VOOR_PUBLIEK[collectie_publiek]
        if _mag_lezen(publiek, collectie_publiek, t)
    ]
    plekken, waarden = _lijst(toegestaan)
    sql = (
        f"FROM {_tabel(CollectieItem)} i "
        f"JOIN {_tabel(Collectie)} c ON c.id = i.collectie_id "
        f"JOIN {_tabel(Verhaal)} v ON v.id = i.verhaal_id "
        f"WHERE c.publiek = %s AND v.beoordeling = %s AND v.toestemming IN ({plekken})"
    )
    return sql, [collectie_publiek, Beoordeling.OPGENOMEN, *waarden]


def _lezers_sql():
    """SQL of (verhaal_id, publiek): which audiences count which story on the codes."""
    plekken, params = _lijst(TOESTEMMING_VOOR_PUBLIEK[ONDERZOEK])
    delen = [
        f"SELECT v.id, %s FROM {_tabel(Verhaal)} v "
        f"WHERE v.beoordeling = %s AND v.toestemming IN ({plekken})"
    ]
    params = [ONDERZOEK, Beoordeling.OPGENOMEN, *params]
    for publiek in PUBLIEKEN:
        for collectie_publiek in Publiek.values:
            if publiek == ONDERZOEK or not _leest_collectie(publiek, collectie_publiek):
                continue
            items, waarden = _leesbare_items(publiek, collectie_publiek)
            delen.append(f"SELECT i.verhaal_id, %s {items} AND c.gepubliceerd = %s")
            params += [publiek, *waarden, True]
    return " UNION ".join(delen), params


def _codes_sql(thema_ids=None):
    """INSERT … SELECT of every Codetelling row (of `thema_ids` only, if given)."""
    lezers, params = _lezers_sql()
    thema, fragment = _tabel(Thema), _tabel(Fragment)
    fragmentthema, verhaalthema = _tabel(FragmentThema), _tabel(VerhaalThema)
    alleen = ""
    if thema_ids is not None:
        plekken, waarden = _lijst(sorted(thema_ids))
        alleen = f"WHERE a.boven IN ({plekken})"
    else:
        waarden = []
    sql = f"""
        INSERT INTO {_tabel(Codetelling)} (thema_id, publiek, verhalen, fragmenten)
        WITH RECURSIVE afstamming(boven, onder) AS (
            SELECT id, id FROM {thema}
            UNION
            SELECT a.boven, t.id FROM afstamming a JOIN {thema} t ON t.parent_id = a.onder
        ),
        gekozen(boven, onder) AS (SELECT a.boven, a.onder FROM afstamming a {alleen}),
        lezers(verhaal_id, publiek) AS ({lezers}),
        fragmentcodes(boven, fragment_id, verhaal_id) AS (
            SELECT DISTINCT a.boven, f.id, f.verhaal_id
            FROM {fragmentthema} ft
            JOIN {fragment} f ON f.id = ft.content_object_id
            JOIN gekozen a ON a.onder = ft.tag_id
        ),
        verhaalcodes(boven, verhaal_id) AS (
            SELECT boven, verhaal_id FROM fragmentcodes
            UNION
            SELECT a.boven, vt.content_object_id
            FROM {verhaalthema} vt JOIN gekozen a ON a.onder = vt.tag_id
        )
        SELECT boven, publiek, SUM(verhalen), SUM(fragmenten) FROM (
            SELECT vc.boven, l.publiek, COUNT(*) AS verhalen, 0 AS fragmenten
            FROM verhaalcodes vc JOIN lezers l ON l.verhaal_id = vc.verhaal_id
            GROUP BY vc.boven, l.publiek
            UNION ALL
            SELECT fc.boven, l.publiek, 0, COUNT(*)
            FROM fragmentcodes fc JOIN lezers l ON l.verhaal_id = fc.verhaal_id
            GROUP BY fc.boven, l.publiek
        ) per_soort
        GROUP BY boven, publiek
    """  # noqa: S608 - quoted table names and placeholders only
    return sql, [*waarden, *params]


def _collecties_sql():
    delen, params = [], []
    for publiek in PUBLIEKEN:
        for collectie_publiek in Publiek.values:
            items, waarden = _leesbare_items(publiek, collectie_publiek)
            delen.append(f"SELECT i.collectie_id, %s, COUNT(*) {items} GROUP BY i.collectie_id")
            params += [publiek, *waarden]
    sql = (
        f"INSERT INTO {_tabel(Collectietelling)} (collectie_id, publiek, verhalen) "
        + " UNION ALL ".join(delen)
    )
    return sql, params


def _verhalen_sql(verhaal_ids=None):
    alleen, waarden = "", []
    if verhaal_ids is not None:
        plekken, waarden = _lijst(sorted(verhaal_ids))
        alleen = f"WHERE f.verhaal_id IN ({plekken})"
    sql = f"""
        INSERT INTO {_tabel(Verhaaltelling)} (verhaal_id, fragmenten, codes)
        SELECT f.verhaal_id, COUNT(DISTINCT f.id), COUNT(DISTINCT ft.tag_id)
        FROM {_tabel(Fragment)} f
        LEFT JOIN {_tabel(FragmentThema)} ft ON ft.content_object_id = f.id
        {alleen}
        GROUP BY f.verhaal_id
    """  # noqa: S608 - quoted table names and placeholders only
    return sql, waarden


def _voer_uit(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@transaction.atomic
def herbereken_codes(thema_ids=None):
    """Count the codes `thema_ids` (all codes if None) from scratch.

    Side effects: takes the codebook lock exclusively (every coding in
    progress finishes first), replaces their Codetelling rows.
    """
    with codeboom_vast(exclusief=True):
        rijen = Codetelling.objects.all()
        if thema_ids is not None:
            rijen = rijen.filter(thema_id__in=thema_ids)
        rijen.delete()
        if thema_ids is None or thema_ids:
            _voer_uit(*_codes_sql(thema_ids))


@transaction.atomic
def herbereken_verhalen(verhaal_ids):
    """Count the fragments and codes of the stories `verhaal_ids` from scratch.
    Side effect: replaces their Verhaaltelling rows."""
    if verhaal_ids:
        Verhaaltelling.objects.filter(verhaal_id__in=verhaal_ids).delete()
        _voer_uit(*_verhalen_sql(verhaal_ids))


@transaction.atomic
def herbereken():
    """Rebuild every stored count from the data (a few set-based queries).

    Side effects: the codebook lock (exclusive); all Codetelling,
    Collectietelling and Verhaaltelling rows replaced.
    """
    herbereken_codes()
    Collectietelling.objects.all().delete()
    _voer_uit(*_collecties_sql())
    Verhaaltelling.objects.all().delete()
    _voer_uit(*_verhalen_sql())
