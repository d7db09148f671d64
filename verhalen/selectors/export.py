"""Streaming exports of stories with their themes and fragments (CSV, JSON).

The stories come from the queryset the view gives (always
`Verhaal.objects.zichtbaar_voor(user)` with the list's filters and order),
read as plain values with `iterator(chunk_size=EXPORT_CHUNK)` (a server-side
cursor on PostgreSQL). Per chunk three more queries read the chunk's themes,
keywords and fragments with their codes, also as plain values: no model
instances are made, which is where the time went (10x slower). Memory stays
flat however many stories are exported, and the response is a
StreamingHttpResponse that sends pieces of about 64 kB as they are made.

Research attributes: JSON `kenmerken` {slug: value}; CSV one column per
attribute, "kenmerk:<slug>" (numbers with a decimal point, dates as
yyyy-mm-dd, ja/nee). Memos (for an exporter who may read them): `memos`,
the memos about the story and about its fragments (each names its fragment).

CSV: one row per story; `fragmenten` and `memos` hold lists as JSON.
Cells that a spreadsheet would run as a formula (starting with = + - @, tab
or carriage return) get a leading apostrophe (OWASP "CSV injection").
"""

import json
from collections import defaultdict
from itertools import islice

from django.db import connection
from django.db.models import Q
from django.http import StreamingHttpResponse
from django.utils import timezone

from kennisagenda.models import Thema
from toolkit import csv_export
from verhalen.models import (
    Fragment,
    FragmentThema,
    Kenmerk,
    KenmerkSoort,
    KenmerkWaarde,
    Memo,
    VerhaalThema,
    VerhaalTrefwoord,
)

EXPORT_CHUNK = 1000

KOLOMMEN = [
    "id",
    "titel",
    "samenvatting",
    "tekst",
    "verteller_type",
    "pseudoniem",
    "leeftijdscategorie",
    "gemeente",
    "wijk",
    "verzamelwijze",
    "verzameld_op",
    "verzameld_door",
    "project",
    "werkteam",
    "themas",
    "trefwoorden",
    "toestemming",
    "toestemming_datum",
    "versie",
    "aangemaakt_op",
    "gewijzigd_op",
    "aantal_fragmenten",
    "fragmenten",
]

# The story's own columns, in the order of KOLOMMEN, then the collector's names.
_VERHAAL_VELDEN = [
    "id",
    "titel",
    "samenvatting",
    "tekst",
    "verteller_type",
    "pseudoniem",
    "leeftijdscategorie",
    "gemeente",
    "wijk__slug",
    "verzamelwijze",
    "verzameld_op",
    "verzameld_door__first_name",
    "verzameld_door__last_name",
    "verzameld_door__username",
    "project__slug",
    "werkteam__slug",
    "toestemming",
    "toestemming_datum",
    "versie",
    "aangemaakt_op",
    "gewijzigd_op",
]
_FRAGMENT_VELDEN = [
    "verhaal_id",
    "id",
    "start",
    "eind",
    "citaat",
    "memo",
    "codeur__first_name",
    "codeur__last_name",
    "codeur__username",
    "moet_herzien",
]


def _datum(waarde):
    return waarde.isoformat() if waarde else None


def _naam(voornaam, achternaam, gebruikersnaam):
    """As User.get_full_name() or get_username(); None without a user."""
    if gebruikersnaam is None:
        return None
    return f"{voornaam} {achternaam}".strip() or gebruikersnaam


def _per_object(rijen):
    """{object id: sorted values} from (object id, value) rows."""
    per = defaultdict(list)
    for object_id, waarde in rijen:
        per[object_id].append(waarde)
    for waarden in per.values():
        waarden.sort()
    return per


def _codes_van_fragmenten(fragment_ids):
    """(fragment id, code id) rows of `fragment_ids`.

    By the fragments' own ids (the index of the through table), not by a join
    on the story: that made PostgreSQL scan all 1.5 M fragment codes for every
    chunk (0.45 s at 100 000 stories). Written as SQL because the ORM prepares
    each of the ~10 000 ids of a chunk one by one (a fifth of the export's
    Python time); on PostgreSQL the ids go as one array (half the time of an
    IN list of 10 000 values).
    """
    if not fragment_ids:
        return []
    if connection.vendor == "postgresql":
        voorwaarde, params = "= ANY(%s)", [fragment_ids]
    else:
        voorwaarde, params = f"IN ({', '.join(['%s'] * len(fragment_ids))})", fragment_ids
    tabel = connection.ops.quote_name(FragmentThema._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT content_object_id, tag_id FROM {tabel} "  # noqa: S608 - placeholders only
            f"WHERE content_object_id {voorwaarde}",
            params,
        )
        return cursor.fetchall()


def _fragmenten_per_verhaal(verhaal_ids, code_slugs):
    rijen = list(Fragment.objects.filter(verhaal_id__in=verhaal_ids).values_list(*_FRAGMENT_VELDEN))
    codes = _per_object(
        (fragment_id, code_slugs[code_id])
        for fragment_id, code_id in _codes_van_fragmenten([rij[1] for rij in rijen])
    )
    per_verhaal = defaultdict(list)
    # Fragment's own ordering: by story, place in the text.
    for verhaal_id, pk, start, eind, citaat, memo, *codeur, herzien in rijen:
        per_verhaal[verhaal_id].append(
            {
                "id": pk,
                "start": start,
                "eind": eind,
                "citaat": citaat,
                "codes": codes.get(pk, []),
                "memo": memo,
                "codeur": _naam(*codeur),
                "moet_herzien": herzien,
            }
        )
    return per_verhaal


def _kenmerken_per_verhaal(verhaal_ids):
    per_verhaal = defaultdict(dict)
    rijen = KenmerkWaarde.objects.filter(verhaal_id__in=verhaal_ids).values_list(
        "verhaal_id", "kenmerk__slug", "kenmerk__soort", "tekst", "getal", "datum", "ja_nee"
    )
    for verhaal_id, slug, soort, tekst, getal, datum, ja_nee in rijen:
        if soort == KenmerkSoort.GETAL:
            waarde = format(getal.normalize(), "f") if getal is not None else None
        elif soort == KenmerkSoort.DATUM:
            waarde = _datum(datum)
        elif soort == KenmerkSoort.JA_NEE:
            waarde = ja_nee
        else:
            waarde = tekst
        per_verhaal[verhaal_id][slug] = waarde
    return per_verhaal


_MEMO_VELDEN = [
    "verhaal_id",
    "fragment__verhaal_id",
    "id",
    "fragment_id",
    "titel",
    "tekst",
    "auteur__first_name",
    "auteur__last_name",
    "auteur__username",
    "aangemaakt_op",
    "gewijzigd_op",
]


def _memos_per_verhaal(verhaal_ids):
    """The memos about each story and its fragments, oldest first. The stories
    were chosen through the visibility rule, so their memos may be read."""
    per_verhaal = defaultdict(list)
    rijen = (
        Memo.objects.filter(Q(verhaal_id__in=verhaal_ids) | Q(fragment__verhaal_id__in=verhaal_ids))
        .order_by("aangemaakt_op", "pk")
        .values_list(*_MEMO_VELDEN)
    )
    for verhaal_id, via_fragment, pk, fragment, titel, tekst, *rest in rijen:
        *auteur, aangemaakt_op, gewijzigd_op = rest
        per_verhaal[verhaal_id or via_fragment].append(
            {
                "id": pk,
                "fragment": fragment,
                "titel": titel,
                "tekst": tekst,
                "auteur": _naam(*auteur),
                "aangemaakt_op": _datum(aangemaakt_op),
                "gewijzigd_op": _datum(gewijzigd_op),
            }
        )
    return per_verhaal


def _chunks(rijen, grootte):
    rijen = iter(rijen)
    while stuk := list(islice(rijen, grootte)):
        yield stuk


def verhalen_als_dicts(verhalen, *, met_memos=False):
    """Each story of `verhalen` as plain data (the shape of a JSON export item),
    in the queryset's order: one query for the codebook's slugs, then 1 + 4
    queries per EXPORT_CHUNK stories (+ 1 for the memos when `met_memos`)."""
    rijen = (
        verhalen.prefetch_related(None)
        .values_list(*_VERHAAL_VELDEN)
        .iterator(chunk_size=EXPORT_CHUNK)
    )
    slugs = dict(Thema.objects.values_list("pk", "slug"))
    for stuk in _chunks(rijen, EXPORT_CHUNK):
        ids = [rij[0] for rij in stuk]
        themas = _per_object(
            (verhaal_id, slugs[thema_id])
            for verhaal_id, thema_id in VerhaalThema.objects.filter(
                content_object_id__in=ids
            ).values_list("content_object_id", "tag_id")
        )
        trefwoorden = _per_object(
            VerhaalTrefwoord.objects.filter(content_object_id__in=ids).values_list(
                "content_object_id", "tag__name"
            )
        )
        fragmenten = _fragmenten_per_verhaal(ids, slugs)
        kenmerken = _kenmerken_per_verhaal(ids)
        memos = _memos_per_verhaal(ids) if met_memos else {}
        for (
            pk,
            titel,
            samenvatting,
            tekst,
            verteller_type,
            pseudoniem,
            leeftijdscategorie,
            gemeente,
            wijk,
            verzamelwijze,
            verzameld_op,
            *verzamelaar,
            project,
            werkteam,
            toestemming,
            toestemming_datum,
            versie,
            aangemaakt_op,
            gewijzigd_op,
        ) in stuk:
            eigen = fragmenten.get(pk, [])
            data = {
                "id": pk,
                "titel": titel,
                "samenvatting": samenvatting,
                "tekst": tekst,
                "verteller_type": verteller_type,
                "pseudoniem": pseudoniem,
                "leeftijdscategorie": leeftijdscategorie,
                "gemeente": gemeente,
                "wijk": wijk,
                "verzamelwijze": verzamelwijze,
                "verzameld_op": _datum(verzameld_op),
                "verzameld_door": _naam(*verzamelaar),
                "project": project,
                "werkteam": werkteam,
                "themas": themas.get(pk, []),
                "trefwoorden": trefwoorden.get(pk, []),
                "toestemming": toestemming,
                "toestemming_datum": _datum(toestemming_datum),
                "versie": versie,
                "aangemaakt_op": _datum(aangemaakt_op),
                "gewijzigd_op": _datum(gewijzigd_op),
                "aantal_fragmenten": len(eigen),
                "fragmenten": eigen,
                "kenmerken": kenmerken.get(pk, {}),
            }
            if met_memos:
                data["memos"] = memos.get(pk, [])
            yield data


def _cel(waarde):
    if isinstance(waarde, list):
        waarde = "; ".join(str(item) for item in waarde)
    return csv_export.veilige_cel(waarde)


def _ja_nee(waarde):
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    return waarde


def _csv_rijen(verhalen, kenmerk_slugs, met_memos):
    kolommen = [*KOLOMMEN, *(["memos"] if met_memos else [])]
    for data in verhalen_als_dicts(verhalen, met_memos=met_memos):
        data["fragmenten"] = json.dumps(data["fragmenten"], ensure_ascii=False)
        if met_memos:
            data["memos"] = json.dumps(data["memos"], ensure_ascii=False)
        kenmerken = data["kenmerken"]
        yield [
            *(_cel(data[kolom]) for kolom in kolommen),
            *(_cel(_ja_nee(kenmerken.get(slug))) for slug in kenmerk_slugs),
        ]


def json_stukken(verhalen, *, met_memos=False):
    yield '{"verhalen": ['
    eerste = True
    for data in verhalen_als_dicts(verhalen, met_memos=met_memos):
        yield ("" if eerste else ",") + "\n" + json.dumps(data, ensure_ascii=False)
        eerste = False
    yield "\n]}\n"


def _bestandsnaam(extensie):
    return f"verhalen-{timezone.localdate():%Y-%m-%d}.{extensie}"


def csv_response(verhalen, *, met_memos=False):
    slugs = list(Kenmerk.objects.values_list("slug", flat=True))
    kop = [*KOLOMMEN, *(["memos"] if met_memos else []), *(f"kenmerk:{slug}" for slug in slugs)]
    return csv_export.csv_response(
        _bestandsnaam("csv"), kop, _csv_rijen(verhalen, slugs, met_memos)
    )


def json_response(verhalen, *, met_memos=False):
    response = StreamingHttpResponse(
        csv_export.in_blokken(json_stukken(verhalen, met_memos=met_memos)),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_bestandsnaam("json")}"'
    return response
