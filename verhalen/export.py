"""Streaming exports of stories with their themes and fragments (CSV, JSON).

The stories come from the queryset the view gives (always
`Verhaal.objects.zichtbaar_voor(user)` with the list's filters and order),
read as plain values with `iterator(chunk_size=EXPORT_CHUNK)` (a server-side
cursor on PostgreSQL). Per chunk three more queries read the chunk's themes,
keywords and fragments with their codes, also as plain values: no model
instances are made, which is where the time went (10x slower). Memory stays
flat however many stories are exported, and the response is a
StreamingHttpResponse that sends pieces of about 64 kB as they are made.

CSV: one row per story; `fragmenten` holds the story's fragments as JSON.
Cells that a spreadsheet would run as a formula (starting with = + - @, tab
or carriage return) get a leading apostrophe (OWASP "CSV injection").
"""

import json
from collections import defaultdict
from itertools import islice

from django.http import StreamingHttpResponse
from django.utils import timezone

from kennisagenda.models import Thema
from toolkit import csv_export
from verhalen.models import Fragment, FragmentThema, VerhaalThema, VerhaalTrefwoord

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


def _fragmenten_per_verhaal(verhaal_ids, code_slugs):
    rijen = list(Fragment.objects.filter(verhaal_id__in=verhaal_ids).values_list(*_FRAGMENT_VELDEN))
    # By the fragments' own ids (the index of the through table), not by a join
    # on the story: that made PostgreSQL scan all fragment codes for every chunk.
    codes = _per_object(
        (fragment_id, code_slugs[code_id])
        for fragment_id, code_id in FragmentThema.objects.filter(
            content_object_id__in=[rij[1] for rij in rijen]
        ).values_list("content_object_id", "tag_id")
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


def _chunks(rijen, grootte):
    rijen = iter(rijen)
    while stuk := list(islice(rijen, grootte)):
        yield stuk


def verhalen_als_dicts(verhalen):
    """Each story of `verhalen` as plain data (the shape of a JSON export item),
    in the queryset's order: one query for the codebook's slugs, then 1 + 3
    queries per EXPORT_CHUNK stories."""
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
            yield {
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
            }


def _cel(waarde):
    if isinstance(waarde, list):
        waarde = "; ".join(str(item) for item in waarde)
    return csv_export.veilige_cel(waarde)


def _csv_rijen(verhalen):
    for data in verhalen_als_dicts(verhalen):
        data["fragmenten"] = json.dumps(data["fragmenten"], ensure_ascii=False)
        yield [_cel(data[kolom]) for kolom in KOLOMMEN]


def json_stukken(verhalen):
    yield '{"verhalen": ['
    eerste = True
    for data in verhalen_als_dicts(verhalen):
        yield ("" if eerste else ",") + "\n" + json.dumps(data, ensure_ascii=False)
        eerste = False
    yield "\n]}\n"


def _bestandsnaam(extensie):
    return f"verhalen-{timezone.localdate():%Y-%m-%d}.{extensie}"


def csv_response(verhalen):
    return csv_export.csv_response(_bestandsnaam("csv"), KOLOMMEN, _csv_rijen(verhalen))


def json_response(verhalen):
    response = StreamingHttpResponse(
        csv_export.in_blokken(json_stukken(verhalen)),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_bestandsnaam("json")}"'
    return response
