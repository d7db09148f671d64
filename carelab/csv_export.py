"""CSV downloads that open safely in spreadsheet programs.

Every CSV the site makes goes through `veilige_cel`: a cell that starts with
= + - @, a tab or a carriage return gets a leading apostrophe, so a
spreadsheet shows it as text instead of running it as a formula (OWASP "CSV
injection"). `csv_response` streams the rows as they are made, after a BOM
so spreadsheet programs read the file as UTF-8.
"""

import csv
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse

FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def veilige_cel(waarde) -> str:
    """`waarde` as the text of a cell a spreadsheet will not run as a formula; None is ''."""
    waarde = "" if waarde is None else str(waarde)
    if waarde[:1] in FORMULETEKENS:
        return "'" + waarde
    return waarde


class _Echo:
    """A file-like object whose write() returns the line instead of storing it."""

    def write(self, value):
        return value


def csv_regels(kop: Iterable[str], rijen: Iterable[Iterable]) -> Iterator[str]:
    """The lines of a CSV file: the BOM, the header `kop`, then each row made safe."""
    writer = csv.writer(_Echo())
    yield BOM
    yield writer.writerow(kop)
    for rij in rijen:
        yield writer.writerow([veilige_cel(waarde) for waarde in rij])


def csv_response(bestandsnaam: str, kop: Iterable[str], rijen: Iterable[Iterable]):
    """A streamed CSV download: rows are written as they are read from the database."""
    response = StreamingHttpResponse(csv_regels(kop, rijen), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response
