"""Keyset pages (toolkit/paginering.py): every row reachable once, in a stable
order, forwards and backwards; a link that is not one gives the first page."""

from datetime import timedelta

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from tests.verhalen.factories import VerhaalFactory
from toolkit import paginering
from verhalen.models import Verhaal
from verhalen.views import verhalen as verhalen_views

pytestmark = pytest.mark.django_db

VOLGORDE = ("-aangemaakt_op", "-pk")


@pytest.fixture
def zeven_verhalen():
    """Seven stories, three of them made at the very same moment (a tie)."""
    nu = timezone.now()
    verhalen = VerhaalFactory.create_batch(7)
    for index, verhaal in enumerate(verhalen):
        moment = nu - timedelta(minutes=min(index, 3))
        Verhaal.objects.filter(pk=verhaal.pk).update(aangemaakt_op=moment)
    return list(Verhaal.objects.order_by(*VOLGORDE))


def _pagina(querystring="", per_pagina=3):
    return paginering.blader(
        Verhaal.objects.all(), QueryDict(querystring), volgorde=VOLGORDE, per_pagina=per_pagina
    )


def test_next_links_reach_every_row_once_in_order(zeven_verhalen):
    gezien, pagina = [], _pagina()
    while True:
        gezien += list(pagina)
        if not pagina.volgende:
            break
        pagina = _pagina(pagina.volgende)

    assert gezien == zeven_verhalen
    assert pagina.vorige  # the last page links back


def test_previous_links_walk_back_to_the_first_page(zeven_verhalen):
    pagina = _pagina()
    paginas = [list(pagina)]
    while pagina.volgende:
        pagina = _pagina(pagina.volgende)
        paginas.append(list(pagina))

    terug = [list(pagina)]
    while pagina.vorige:
        pagina = _pagina(pagina.vorige)
        terug.append(list(pagina))

    assert terug[::-1] == paginas
    assert not pagina.vorige and pagina.volgende


def test_links_keep_the_filters_and_drop_old_page_parameters(zeven_verhalen):
    pagina = _pagina("gemeente=rotterdam&pagina=4")

    volgende = QueryDict(pagina.volgende)
    assert volgende["gemeente"] == "rotterdam"
    assert "pagina" not in volgende
    assert pagina.begin == "gemeente=rotterdam"


@pytest.mark.parametrize("sleutel", ["onzin", "W10", "WyIxIl0", "", "eyJhIjogMX0"])
def test_a_key_that_is_not_one_gives_the_first_page(zeven_verhalen, sleutel):
    assert list(_pagina(f"na={sleutel}")) == zeven_verhalen[:3]
    assert list(_pagina(f"voor={sleutel}")) == zeven_verhalen[:3]


def test_a_key_of_a_row_that_is_gone_still_pages_on(zeven_verhalen):
    tweede = _pagina(_pagina().volgende)
    Verhaal.objects.filter(pk=zeven_verhalen[2].pk).delete()  # the key's own row

    assert list(_pagina(_pagina(tweede.vorige).volgende)) == zeven_verhalen[3:6]


def test_an_empty_list_has_no_links():
    pagina = _pagina()
    assert (list(pagina), pagina.vorige, pagina.volgende) == ([], "", "")


def test_numbered_pages_stop_at_the_bound(zeven_verhalen):
    def pagina(nummer):
        return paginering.genummerd(
            Verhaal.objects.order_by(*VOLGORDE),
            QueryDict(f"pagina={nummer}"),
            per_pagina=3,
            grens=6,
        )

    assert list(pagina(2)) == zeven_verhalen[3:6]
    assert pagina(2).start == 4
    assert list(pagina(99)) == zeven_verhalen[3:6]  # not past the bound
    assert list(pagina("x")) == zeven_verhalen[:3]
    assert QueryDict(pagina(1).volgende)["pagina"] == "2"


def test_story_list_past_a_thousand_rows_is_reachable(onderzoeker_client, monkeypatch):
    """GRENS only bounds the count shown and the ranking; the pages go on."""
    monkeypatch.setattr(paginering, "GRENS", 2)
    monkeypatch.setattr(verhalen_views, "VERHALEN_PER_PAGINA", 2)
    verhalen = VerhaalFactory.create_batch(5)
    url = reverse("verhalen:list")

    gezien, response = [], onderzoeker_client.get(url)
    assert "Meer dan 2 verhalen" in response.content.decode()
    while True:
        gezien += [verhaal.pk for verhaal in response.context["pagina"]]
        if not response.context["pagina"].volgende:
            break
        response = onderzoeker_client.get(f"{url}?{response.context['pagina'].volgende}")

    assert sorted(gezien) == sorted(verhaal.pk for verhaal in verhalen)
