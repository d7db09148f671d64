"""Streaming exports of stories with their themes and fragments (CSV, JSON).

The stories are read with `iterator(chunk_size=EXPORT_CHUNK)`; Django runs
the prefetches (themes, keywords, fragments with their codes) per chunk, so
memory stays flat however many stories are exported, and the response is a
StreamingHttpResponse that sends each row as soon as it is made.

CSV: one row per story; `fragmenten` holds the story's fragments as JSON.
Cells that a spreadsheet would run as a formula (starting with = + - @, tab
or carriage return) get a leading apostrophe (OWASP "CSV injection").
"""

import json

from django.http import StreamingHttpResponse
from django.utils import timezone

from carelab import csv_export

EXPORT_CHUNK = 500

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


def _datum(waarde):
    return waarde.isoformat() if waarde else None


def _gebruiker(user):
    if user is None:
        return None
    return user.get_full_name() or user.get_username()


def fragment_als_dict(fragment):
    return {
        "id": fragment.pk,
        "start": fragment.start,
        "eind": fragment.eind,
        "citaat": fragment.citaat,
        "codes": sorted(code.slug for code in fragment.codes.all()),
        "memo": fragment.memo,
        "codeur": _gebruiker(fragment.codeur),
        "moet_herzien": fragment.moet_herzien,
    }


def verhaal_als_dict(verhaal):
    """One story as plain data (the shape of a JSON export item)."""
    fragmenten = [fragment_als_dict(fragment) for fragment in verhaal.fragmenten.all()]
    return {
        "id": verhaal.pk,
        "titel": verhaal.titel,
        "samenvatting": verhaal.samenvatting,
        "tekst": verhaal.tekst,
        "verteller_type": verhaal.verteller_type,
        "pseudoniem": verhaal.pseudoniem,
        "leeftijdscategorie": verhaal.leeftijdscategorie,
        "gemeente": verhaal.gemeente,
        "wijk": verhaal.wijk.slug if verhaal.wijk else None,
        "verzamelwijze": verhaal.verzamelwijze,
        "verzameld_op": _datum(verhaal.verzameld_op),
        "verzameld_door": _gebruiker(verhaal.verzameld_door),
        "project": verhaal.project.slug if verhaal.project else None,
        "werkteam": verhaal.werkteam.slug if verhaal.werkteam else None,
        "themas": sorted(thema.slug for thema in verhaal.themas.all()),
        "trefwoorden": sorted(tag.name for tag in verhaal.trefwoorden.all()),
        "toestemming": verhaal.toestemming,
        "toestemming_datum": _datum(verhaal.toestemming_datum),
        "versie": verhaal.versie,
        "aangemaakt_op": _datum(verhaal.aangemaakt_op),
        "gewijzigd_op": _datum(verhaal.gewijzigd_op),
        "aantal_fragmenten": len(fragmenten),
        "fragmenten": fragmenten,
    }


def _cel(waarde):
    if isinstance(waarde, list):
        waarde = "; ".join(str(item) for item in waarde)
    return csv_export.veilige_cel(waarde)


def _csv_rijen(verhalen):
    for verhaal in verhalen.iterator(chunk_size=EXPORT_CHUNK):
        data = verhaal_als_dict(verhaal)
        data["fragmenten"] = json.dumps(data["fragmenten"], ensure_ascii=False)
        yield [_cel(data[kolom]) for kolom in KOLOMMEN]


def json_stukken(verhalen):
    yield '{"verhalen": ['
    eerste = True
    for verhaal in verhalen.iterator(chunk_size=EXPORT_CHUNK):
        yield (
            ("" if eerste else ",")
            + "\n"
            + json.dumps(verhaal_als_dict(verhaal), ensure_ascii=False)
        )
        eerste = False
    yield "\n]}\n"


def _bestandsnaam(extensie):
    return f"verhalen-{timezone.localdate():%Y-%m-%d}.{extensie}"


def csv_response(verhalen):
    return csv_export.csv_response(_bestandsnaam("csv"), KOLOMMEN, _csv_rijen(verhalen))


def json_response(verhalen):
    response = StreamingHttpResponse(
        json_stukken(verhalen), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_bestandsnaam("json")}"'
    return response
