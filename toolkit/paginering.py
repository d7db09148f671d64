"""Paging through long lists: keyset ("seek") pages, and a bounded count.

Django's Paginator pages with OFFSET: page 9 000 of a code's 220 000
fragments makes the database read and throw away 225 000 rows first, and its
COUNT(*) reads them all. Here a page starts after (or before) the sort key of
the last (first) row of the page the visitor came from, carried in the link:

    pagina = blader(queryset, request.GET, volgorde=("-aangemaakt_op", "-pk"), per_pagina=20)
    {% for verhaal in pagina %} … {% endfor %}
    {% include "includes/_bladeren.html" %}

With an index that matches `volgorde` the database starts reading at that
key, so the last page costs what the first does. `volgorde` must end with
the primary key (a total order) and name only NOT NULL fields; a field of a
related object (`verhaal__titel`) must be read along (select_related).

`genummerd` pages by number instead, for a list that is bounded by
construction (a search ranked by relevance holds at most GRENS stories; its
rank is computed per row, so a key of it cannot be carried exactly).

`begrensd_aantal` counts at most GRENS + 1 rows: one bounded query at every
size, for "Meer dan 1 000 verhalen".
"""

import base64
import binascii
import json
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q

GRENS = 1000
NA, VOOR, PAGINA = "na", "voor", "pagina"


def begrensd_aantal(queryset, grens=GRENS):
    """How many rows `queryset` holds, counted up to `grens` + 1 (one query)."""
    return queryset.order_by().values("pk")[: grens + 1].count()


@dataclass
class Pagina:
    """The rows of one page and the query strings of the pages around it
    ("" when there is none; `begin` is the list's first page)."""

    rijen: list
    vorige: str = ""
    volgende: str = ""
    begin: str = ""
    start: int = 1  # the number of the first row, when known (numbered pages)
    nummer: int | None = field(default=None)

    def __iter__(self):
        return iter(self.rijen)

    def __len__(self):
        return len(self.rijen)

    @property
    def is_eerste(self):
        return not self.vorige


def querystring(get, **nieuw):
    """`get` (a QueryDict) without any page parameter, plus `nieuw`."""
    kopie = get.copy()
    for naam in (NA, VOOR, PAGINA):
        kopie.pop(naam, None)
    for naam, waarde in nieuw.items():
        kopie[naam] = waarde
    return kopie.urlencode()


# ---------------------------------------------------------------- keyset


def _veld(model, pad):
    """The model field at `pad` ("pk", "start", "verhaal__titel")."""
    *via, naam = pad.split("__")
    for deel in via:
        model = model._meta.get_field(deel).related_model
    return model._meta.pk if naam == "pk" else model._meta.get_field(naam)


def _waarde(rij, pad):
    for deel in pad.split("__"):
        rij = getattr(rij, deel)
    return rij


def sleutel_tekst(rij, volgorde):
    """The sort key of `rij` as carried in a link (`?na=` / `?voor=`)."""
    waarden = [str(_waarde(rij, pad.lstrip("-"))) for pad in volgorde]
    tekst = json.dumps(waarden, ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(tekst).decode().rstrip("=")


def _lees_sleutel(tekst, model, volgorde):
    """The typed sort key carried in a link, or None when it is not one."""
    try:
        waarden = json.loads(base64.urlsafe_b64decode(tekst + "=" * (-len(tekst) % 4)))
        if not isinstance(waarden, list) or len(waarden) != len(volgorde):
            return None
        return [
            _veld(model, pad.lstrip("-")).to_python(waarde)
            for pad, waarde in zip(volgorde, waarden, strict=True)
        ]
    except (ValueError, TypeError, binascii.Error, ValidationError, FieldDoesNotExist):
        return None


def _voorbij(volgorde, sleutel, *, terug):
    """Rows after `sleutel` in `volgorde` (before it with `terug`):
    f0 > v0 OR (f0 = v0 AND f1 > v1) OR …, and f0 >= v0 so that an index
    on f0 can start there."""
    delen, gelijk = [], []
    for pad, waarde in zip(volgorde, sleutel, strict=True):
        naam = pad.lstrip("-")
        oplopend = not pad.startswith("-")
        groter = oplopend != terug
        delen.append(reduce(and_, gelijk, Q(**{f"{naam}__{'gt' if groter else 'lt'}": waarde})))
        gelijk.append(Q(**{naam: waarde}))
    eerste = volgorde[0].lstrip("-")
    groter = (not volgorde[0].startswith("-")) != terug
    return Q(**{f"{eerste}__{'gte' if groter else 'lte'}": sleutel[0]}) & reduce(or_, delen)


def paginanummer_van(queryset, rij, *, volgorde, per_pagina):
    """The number of the page holding `rij` when `queryset` (in `volgorde`) is
    cut into numbered pages of `per_pagina`: one count of the rows before it."""
    sleutel = [_waarde(rij, pad.lstrip("-")) for pad in volgorde]
    return queryset.filter(_voorbij(volgorde, sleutel, terug=True)).count() // per_pagina + 1


def omgekeerd(volgorde):
    return [pad[1:] if pad.startswith("-") else f"-{pad}" for pad in volgorde]


def blader(queryset, get, *, volgorde, per_pagina):
    """The page of `queryset` that the query string `get` asks for (after
    `na`, before `voor`, else the first), in `volgorde`. One query."""
    volgorde = list(volgorde)
    queryset = queryset.order_by(*volgorde)
    model = queryset.model
    na = _lees_sleutel(get.get(NA, ""), model, volgorde) if get.get(NA) else None
    voor = _lees_sleutel(get.get(VOOR, ""), model, volgorde) if get.get(VOOR) else None
    if voor is not None:
        rijen = list(
            queryset.filter(_voorbij(volgorde, voor, terug=True)).order_by(*omgekeerd(volgorde))[
                : per_pagina + 1
            ]
        )
        meer_ervoor = len(rijen) > per_pagina
        rijen = rijen[:per_pagina][::-1]
        meer_erna = True
    else:
        if na is not None:
            queryset = queryset.filter(_voorbij(volgorde, na, terug=False))
        rijen = list(queryset[: per_pagina + 1])
        meer_erna = len(rijen) > per_pagina
        rijen = rijen[:per_pagina]
        meer_ervoor = na is not None
    if not rijen:
        return Pagina(rijen=[], begin=querystring(get))
    return Pagina(
        rijen=rijen,
        vorige=querystring(get, **{VOOR: sleutel_tekst(rijen[0], volgorde)}) if meer_ervoor else "",
        volgende=querystring(get, **{NA: sleutel_tekst(rijen[-1], volgorde)}) if meer_erna else "",
        begin=querystring(get),
    )


# ---------------------------------------------------------------- numbered


def genummerd(queryset, get, *, per_pagina, grens=GRENS):
    """Page `pagina` of a list of at most `grens` rows (OFFSET, bounded). One query."""
    laatste = max(1, -(-grens // per_pagina))
    try:
        nummer = min(max(1, int(get.get(PAGINA, 1))), laatste)
    except ValueError:
        nummer = 1
    begin = (nummer - 1) * per_pagina
    rijen = list(queryset[begin : begin + per_pagina + 1])
    return Pagina(
        rijen=rijen[:per_pagina],
        vorige=querystring(get, **{PAGINA: nummer - 1}) if nummer > 1 else "",
        volgende=querystring(get, **{PAGINA: nummer + 1}) if len(rijen) > per_pagina else "",
        begin=querystring(get),
        start=begin + 1,
        nummer=nummer,
    )
