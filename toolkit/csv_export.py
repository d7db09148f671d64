"""CSV downloads that open safely in spreadsheet programs.

Every CSV the site makes goes through `veilige_cel`: a cell that starts with
= + - @, a tab or a carriage return gets a leading apostrophe, so a
spreadsheet shows it as text instead of running it as a formula (OWASP "CSV
injection"). `csv_response` streams the rows as they are made, after a BOM
so spreadsheet programs read the file as UTF-8, in pieces of about `BLOK`
characters (one write per row would cost a system call per row).
"""

from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse

FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
BLOK = 1 << 16


def veilige_cel(waarde) -> str:
    """`waarde` as the text of a cell a spreadsheet will not run as a formula; None is ''."""
    waarde = "" if waarde is None else str(waarde)
    if waarde[:1] in FORMULETEKENS:
        return "'" + waarde
    return waarde


def _csv_veld(tekst: str) -> str:
    """`tekst` quoted as csv.writer's excel dialect does (QUOTE_MINIMAL)."""
    if '"' in tekst:
        return '"' + tekst.replace('"', '""') + '"'
    if "," in tekst or "\n" in tekst or "\r" in tekst:
        return '"' + tekst + '"'
    return tekst


def csv_regel(cellen: list[str]) -> str:
    """One line as `csv.writer(...).writerow(cellen)` writes it, for cells that
    are already text. Written out because the csv module copies each
    character one by one: a story export of 1 GB spent most of its time there;
    str.replace and `in` are several times faster. A test compares the two."""
    if cellen == [""]:
        return '""\r\n'  # else the line would be empty
    return ",".join(_csv_veld(cel) for cel in cellen) + "\r\n"


def csv_regels(kop: Iterable[str], rijen: Iterable[Iterable]) -> Iterator[str]:
    """The lines of a CSV file: the BOM, the header `kop`, then each row made safe."""
    yield BOM
    yield csv_regel(list(kop))
    for rij in rijen:
        yield csv_regel([veilige_cel(waarde) for waarde in rij])


def in_blokken(stukken: Iterable[str], grootte: int | None = None) -> Iterator[str]:
    """The strings of `stukken` joined into pieces of at least `grootte` (BLOK)
    characters (the last may be shorter); each piece leaves once it is full."""
    grootte = BLOK if grootte is None else grootte
    buffer, lengte = [], 0
    for stuk in stukken:
        buffer.append(stuk)
        lengte += len(stuk)
        if lengte >= grootte:
            yield "".join(buffer)
            buffer, lengte = [], 0
    if buffer:
        yield "".join(buffer)


def csv_response(bestandsnaam: str, kop: Iterable[str], rijen: Iterable[Iterable]):
    """A streamed CSV download: rows are written as they are read from the database."""
    response = StreamingHttpResponse(
        in_blokken(csv_regels(kop, rijen)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response
