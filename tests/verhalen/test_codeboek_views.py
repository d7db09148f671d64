"""The codebook pages: index, fragments of a code, matrix, co-occurrence, exports, keeping."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisagenda.models import Thema
from projecten.models import Wijk
from tests.factories import UserFactory
from tests.helpers import log_in
from tests.projecten.factories import ProjectFactory
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Fragment, Toestemming
from verhalen.services import codering as services

pytestmark = pytest.mark.django_db

BEHEER = ["bewerken", "verplaatsen", "samenvoegen"]
TEKST = "Ik wachtte maanden op een antwoord van de gemeente. Toen kwam er iemand langs."


@pytest.fixture
def codes(onderzoeker):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    wantrouwen = services.maak_subcode(naam="wantrouwen", parent=vertrouwen, door=onderzoeker)
    return {"V": vertrouwen, "W": wantrouwen, "M": Thema.objects.get(slug="maatwerk")}


@pytest.fixture
def gegevens(codes):
    """Two visible stories and one withdrawn one, with overlapping coded fragments."""
    cool = Wijk.objects.get(slug="cool")
    project = ProjectFactory(titel="Leernetwerk", slug="leernetwerk")
    s1 = VerhaalFactory(
        titel="Wachten op de gemeente",
        tekst=TEKST,
        verteller_type="bewoner",
        wijk=cool,
        gemeente="rotterdam",
        verzamelwijze="interview",
        project=project,
        verzameld_op=datetime.date(2024, 3, 1),
    )
    s2 = VerhaalFactory(
        titel="Aan de keukentafel",
        tekst=TEKST,
        verteller_type="professional",
        wijk=None,
        gemeente="schiedam",
        verzamelwijze="focusgroep",
        verzameld_op=datetime.date(2025, 1, 10),
        toestemming=Toestemming.OPENBAAR,
    )
    s3 = VerhaalFactory(tekst=TEKST, wijk=cool, toestemming=Toestemming.INGETROKKEN)
    V, W, M = codes["V"], codes["W"], codes["M"]
    f = {
        "f1": FragmentFactory(verhaal=s1, start=0, eind=10, codes=[V]),
        "f2": FragmentFactory(verhaal=s1, start=5, eind=20, codes=[W, M]),
        "f3": FragmentFactory(verhaal=s1, start=30, eind=40, codes=[M]),
        "f4": FragmentFactory(verhaal=s2, start=0, eind=10, codes=[W]),
        "f5": FragmentFactory(verhaal=s2, start=0, eind=10, codes=[V, M], memo="=SOM(1)"),
        "f6": FragmentFactory(verhaal=s3, start=0, eind=10, codes=[V, M]),
    }
    return {"s1": s1, "s2": s2, "s3": s3, "project": project, "cool": cool, **f}


def _csv(response):
    inhoud = b"".join(response.streaming_content).decode("utf-8")
    assert inhoud.startswith("\ufeff")
    return list(csv.reader(io.StringIO(inhoud[1:])))


# --- Permissions --------------------------------------------------------------

LEZEN = [
    ("codeboek:index", []),
    ("codeboek:detail", ["vertrouwen"]),
    ("codeboek:export", ["vertrouwen"]),
    ("codeboek:matrix", []),
    ("codeboek:matrix_export", []),
    ("codeboek:samenhang", []),
    ("codeboek:samenhang_export", []),
    ("codeboek:geschiedenis", []),
    ("codeboek:nieuw", []),
    ("codeboek:bewerken", ["vertrouwen"]),
    ("codeboek:verplaatsen", ["wantrouwen"]),
    ("codeboek:samenvoegen", ["wantrouwen"]),
]


@pytest.mark.parametrize(("naam", "args"), LEZEN)
def test_codebook_pages_send_anonymous_visitors_to_login(client, codes, naam, args):
    response = client.get(reverse(naam, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("gebruiker", ["raadslid", "coordinator", "gewone_gebruiker"])
@pytest.mark.parametrize(("naam", "args"), LEZEN)
def test_codebook_pages_forbidden_without_researcher_role(
    client, request, codes, gebruiker, naam, args
):
    log_in(client, request.getfixturevalue(gebruiker))
    assert client.get(reverse(naam, args=args)).status_code == 403


@pytest.mark.parametrize(
    ("naam", "args", "tekst"),
    [
        ("codeboek:index", [], "<h1>Codeboek</h1>"),
        ("codeboek:detail", ["vertrouwen"], "Wachten op de gemeente"),
        ("codeboek:matrix", [], "<h1>Vergelijkingsmatrix</h1>"),
        ("codeboek:samenhang", [], "<h1>Samenhang van codes</h1>"),
        ("codeboek:geschiedenis", [], "Subcode van &#x27;vertrouwen&#x27; toegevoegd"),
        ("codeboek:nieuw", [], "<h1>Nieuwe subcode</h1>"),
        ("codeboek:bewerken", ["vertrouwen"], "Code “vertrouwen” bewerken"),
        ("codeboek:verplaatsen", ["wantrouwen"], "Code “wantrouwen” verplaatsen"),
        ("codeboek:samenvoegen", ["wantrouwen"], "Code “wantrouwen” samenvoegen"),
    ],
)
def test_codebook_pages_show_researcher_the_content(
    onderzoeker_client, gegevens, naam, args, tekst
):
    response = onderzoeker_client.get(reverse(naam, args=args))
    assert response.status_code == 200
    assert tekst in response.content.decode()


def test_navigation_shows_codeboek_only_to_researchers(onderzoeker_client, client, raadslid):
    assert 'href="/codeboek/"' in onderzoeker_client.get("/").content.decode()
    log_in(client, raadslid)
    assert 'href="/codeboek/"' not in client.get("/").content.decode()


# --- Index ------------------------------------------------------------------


def test_index_counts_visible_fragments_per_code_including_subcodes(onderzoeker_client, gegevens):
    response = onderzoeker_client.get(reverse("codeboek:index"))

    aantallen = {knoop.thema.slug: knoop.aantal for knoop in response.context["boom"]}
    assert (aantallen["vertrouwen"], aantallen["wantrouwen"], aantallen["maatwerk"]) == (4, 2, 3)
    assert aantallen["bestaanszekerheid"] == 0
    volgorde = [knoop.thema.slug for knoop in response.context["boom"]]
    assert volgorde.index("wantrouwen") == volgorde.index("vertrouwen") + 1


def test_index_query_count_does_not_grow_with_codes_or_fragments(
    onderzoeker_client, onderzoeker, gegevens, codes, django_assert_num_queries
):
    url = reverse("codeboek:index")
    # The counts are stored (verhalen/services/tellingen.py): session, user, the second
    # step's authenticator, permissions ×2, codes, counts; the first view
    # after coding costs the same as any other.
    onderzoeker_client.get(url)
    with django_assert_num_queries(7):
        onderzoeker_client.get(url)
    for naam in ["argwaan", "achterdocht", "twijfel"]:
        code = services.maak_subcode(naam=naam, parent=codes["W"], door=onderzoeker)
        verhaal = gegevens["s1"]
        services.maak_fragment(
            verhaal=verhaal, start=1, eind=9, codes=[code, codes["M"]], codeur=onderzoeker
        )
    with django_assert_num_queries(7):
        response = onderzoeker_client.get(url)
    aantallen = {knoop.thema.slug: knoop.aantal for knoop in response.context["boom"]}
    assert (aantallen["vertrouwen"], aantallen["wantrouwen"], aantallen["argwaan"]) == (7, 5, 1)


def _links(html):
    return set(re.findall(r'href="(/codeboek/[^"]*)"', html))


def test_index_links_every_code_and_its_management_pages_for_researchers(onderzoeker_client, codes):
    links = _links(onderzoeker_client.get(reverse("codeboek:index")).content.decode())

    for code in Thema.objects.all():
        assert reverse("codeboek:detail", args=[code.slug]) in links
        assert reverse("codeboek:bewerken", args=[code.slug]) in links
        assert f"{reverse('codeboek:nieuw')}?onder={code.slug}" in links
    # A theme of the kennisagenda stays a main theme: no moving or merging it.
    for naam in ["verplaatsen", "samenvoegen"]:
        assert reverse(f"codeboek:{naam}", args=["wantrouwen"]) in links
        assert reverse(f"codeboek:{naam}", args=["vertrouwen"]) not in links


def test_index_shows_no_management_links_to_a_reader_without_those_rights(client, codes):
    lezer = UserFactory(username="lezer")
    lezer.user_permissions.add(Permission.objects.get(codename="view_fragment"))
    log_in(client, lezer)

    html = client.get(reverse("codeboek:index")).content.decode()

    assert reverse("codeboek:detail", args=["wantrouwen"]) in _links(html)
    beheer = {reverse(f"codeboek:{naam}", args=["wantrouwen"]) for naam in BEHEER}
    assert not beheer & _links(html)
    assert "?onder=" not in html


def test_index_writes_what_researchers_typed_as_text_never_as_markup(
    onderzoeker_client, codes, onderzoeker
):
    services.maak_subcode(
        naam='<b>"argwaan"</b> & co',
        parent=codes["W"],
        definitie="<script>alert(1)</script>",
        voorbeeld="Ik <i>twijfel</i>",
        door=onderzoeker,
    )

    html = onderzoeker_client.get(reverse("codeboek:index")).content.decode()

    assert "&lt;b&gt;&quot;argwaan&quot;&lt;/b&gt; &amp; co" in html
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in html
    assert "<q>Ik &lt;i&gt;twijfel&lt;/i&gt;</q>" in html
    assert "<script>alert" not in html and "<b>" not in html


def test_samenhang_query_count_does_not_grow_with_pairs(
    onderzoeker_client, gegevens, codes, django_assert_num_queries
):
    url = reverse("codeboek:samenhang")
    onderzoeker_client.get(url)
    with CaptureQueriesContext(connection) as eerst:
        onderzoeker_client.get(url)
    integraliteit = Thema.objects.get(slug="integraliteit")
    FragmentFactory(verhaal=gegevens["s1"], start=2, eind=12, codes=[integraliteit, codes["W"]])
    with django_assert_num_queries(len(eerst.captured_queries)):
        response = onderzoeker_client.get(url)
    assert len(response.context["pagina"]) == 6


def test_detail_of_unknown_code_is_not_found(onderzoeker_client):
    assert (
        onderzoeker_client.get(reverse("codeboek:detail", args=["bestaat-niet"])).status_code == 404
    )


# --- Fragments of one code --------------------------------------------------


def test_detail_lists_visible_fragments_of_code_and_subcodes(onderzoeker_client, gegevens):
    response = onderzoeker_client.get(reverse("codeboek:detail", args=["vertrouwen"]))

    assert [f.pk for f in response.context["pagina"]] == [
        gegevens[naam].pk for naam in ["f4", "f5", "f1", "f2"]
    ]
    html = response.content.decode()
    assert f'href="/verhalen/{gegevens["s1"].pk}/#fragment-{gegevens["f1"].pk}"' in html
    assert "Professional · wijk onbekend · Schiedam" in html
    assert "Rotterdammer / bewoner · Cool · Rotterdam · Leernetwerk" in html


def test_detail_rows_show_quote_memo_review_flag_and_escape_what_users_typed(
    onderzoeker_client, gegevens
):
    """The rows are a template loop (codeboek/includes/_fragmenten.html): every typed text
    escaped, line breaks as <br>, and a curator's button back to this very page."""
    Fragment.objects.filter(pk=gegevens["f1"].pk).update(
        citaat="Ik <b>wachtte</b>\nmaanden", memo='Zie "dit" & <i>dat</i>', moet_herzien=True
    )
    url = reverse("codeboek:detail", args=["vertrouwen"])
    html = onderzoeker_client.get(url, {"gemeente": "rotterdam"}).content.decode()
    assert "Ik &lt;b&gt;wachtte&lt;/b&gt;<br>maanden</blockquote>" in html
    assert "<strong>Memo:</strong> Zie &quot;dit&quot; &amp; &lt;i&gt;dat&lt;/i&gt;</p>" in html
    assert '<li class="fragment fragment--herzien">' in html
    assert '<p class="label-herzien">Moet herzien worden</p>' in html
    assert "Cool · Rotterdam · Leernetwerk · 1 maart 2024</p>" in html
    assert f'name="next" value="{url}?gemeente=rotterdam"' in html
    assert "<b>wachtte" not in html and "<i>dat" not in html


@pytest.mark.parametrize(
    ("query", "verwacht"),
    [
        ({"wijk": "cool"}, ["f1", "f2"]),
        ({"wijk": "null"}, ["f4", "f5"]),
        ({"verteller_type": "professional"}, ["f4", "f5"]),
        ({"gemeente": "rotterdam"}, ["f1", "f2"]),
        ({"verzamelwijze": "focusgroep"}, ["f4", "f5"]),
        ({"project": "leernetwerk"}, ["f1", "f2"]),
        ({"van": "2025-01-01"}, ["f4", "f5"]),
        ({"tot": "2024-12-31"}, ["f1", "f2"]),
    ],
)
def test_detail_filters_by_story_attributes(onderzoeker_client, gegevens, query, verwacht):
    if "wijk" in query and query["wijk"] == "cool":
        query = {"wijk": gegevens["cool"].pk}
    if "project" in query:
        query = {"project": gegevens["project"].pk}
    response = onderzoeker_client.get(reverse("codeboek:detail", args=["vertrouwen"]), query)
    assert [f.pk for f in response.context["pagina"]] == [gegevens[n].pk for n in verwacht]


def test_detail_filters_by_coder_named_by_full_name_or_username(onderzoeker_client, gegevens):
    ana = UserFactory(username="ana", first_name="Ana", last_name="de Vries", role="onderzoeker")
    kaal = UserFactory(username="zonder-naam", first_name="", role="onderzoeker")
    Fragment.objects.filter(pk=gegevens["f1"].pk).update(codeur=ana)
    url = reverse("codeboek:detail", args=["vertrouwen"])
    html = onderzoeker_client.get(url).content.decode()
    assert f'<option value="{ana.pk}">Ana de Vries</option>' in html
    assert f'<option value="{kaal.pk}">zonder-naam</option>' in html
    response = onderzoeker_client.get(url, {"codeur": ana.pk})
    assert [f.pk for f in response.context["pagina"]] == [gegevens["f1"].pk]


def test_code_export_query_count_does_not_grow_with_fragments(onderzoeker_client, codes):
    """The export reads each fragment's coder with the fragments (the page does not
    show the coder, so only the export joins it)."""
    url = reverse("codeboek:export", args=["maatwerk"])

    def aantal_queries():
        with CaptureQueriesContext(connection) as queries:
            rijen = _csv(onderzoeker_client.get(url))
        return len(queries.captured_queries), rijen

    FragmentFactory(verhaal=VerhaalFactory(tekst=TEKST), codes=[codes["M"]])
    een, _rijen = aantal_queries()
    for _ in range(3):
        FragmentFactory(verhaal=VerhaalFactory(tekst=TEKST), codes=[codes["M"]])
    vier, rijen = aantal_queries()
    assert vier == een
    kop, *rijen = rijen
    assert len(rijen) == 4 and all(rij[kop.index("codeur")] for rij in rijen)


def test_detail_query_count_does_not_grow_with_fragments(
    onderzoeker_client, codes, django_assert_num_queries
):
    url = reverse("codeboek:detail", args=["maatwerk"])
    FragmentFactory(verhaal=VerhaalFactory(tekst=TEKST), codes=[codes["M"]])
    onderzoeker_client.get(url)
    # session, user, the second step's authenticator, permissions ×2, the
    # code, its sub-codes, the count, the access log's row, the codes to
    # filter on, the filter's wijken, projects and coders, the fragments, their
    # codes, the code's memos, the filter's research attributes
    with django_assert_num_queries(17) as een:
        onderzoeker_client.get(url)
    for _ in range(3):
        FragmentFactory(
            verhaal=VerhaalFactory(tekst=TEKST, wijk=Wijk.objects.first()),
            codes=[codes["M"], codes["W"]],
        )
    with django_assert_num_queries(len(een.captured_queries)):
        response = onderzoeker_client.get(url)
    assert len(response.context["pagina"]) == 4


def test_detail_is_paginated_with_accessible_pager(onderzoeker_client, codes):
    verhaal = VerhaalFactory(tekst=TEKST)
    for start in range(27):
        FragmentFactory(verhaal=verhaal, start=start, eind=start + 5, codes=[codes["M"]])
    url = reverse("codeboek:detail", args=["maatwerk"])
    eerste = onderzoeker_client.get(url)
    assert '<nav aria-label="Bladeren door de fragmenten">' in eerste.content.decode()
    response = onderzoeker_client.get(f"{url}?{eerste.context['pagina'].volgende}")
    assert [f.start for f in response.context["pagina"]] == [25, 26]
    assert 'rel="prev"' in response.content.decode()
    assert 'rel="next"' not in response.content.decode()


def test_export_csv_streams_filtered_fragments_exactly(onderzoeker_client, gegevens):
    response = onderzoeker_client.get(
        reverse("codeboek:export", args=["vertrouwen"]), {"gemeente": "schiedam"}
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="fragmenten-vertrouwen-'
    )
    s2, f4, f5 = gegevens["s2"], gegevens["f4"], gegevens["f5"]
    assert _csv(response) == [
        [
            "fragment",
            "verhaal",
            "titel",
            "wie vertelt",
            "wijk",
            "gemeente",
            "hoe verzameld",
            "verzameld op",
            "project",
            "begin",
            "einde",
            "citaat",
            "codes",
            "memo",
            "codeur",
            "moet herzien",
            "adres",
        ],
        [
            str(f4.pk),
            str(s2.pk),
            "Aan de keukentafel",
            "Professional",
            "",
            "Schiedam",
            "Focusgroep",
            "2025-01-10",
            "",
            "0",
            "10",
            "Ik wachtte",
            "wantrouwen",
            "Opvallend stuk.",
            f4.codeur.username,
            "nee",
            f"http://testserver/verhalen/{s2.pk}/#fragment-{f4.pk}",
        ],
        [
            str(f5.pk),
            str(s2.pk),
            "Aan de keukentafel",
            "Professional",
            "",
            "Schiedam",
            "Focusgroep",
            "2025-01-10",
            "",
            "0",
            "10",
            "Ik wachtte",
            "maatwerk; vertrouwen",
            "'=SOM(1)",
            f5.codeur.username,
            "nee",
            f"http://testserver/verhalen/{s2.pk}/#fragment-{f5.pk}",
        ],
    ]


# --- Matrix -----------------------------------------------------------------


def _rijen(tabel, slugs=("vertrouwen", "wantrouwen", "maatwerk")):
    return {
        rij.knoop.thema.slug: ([cel.aantal for cel in rij.cellen], rij.totaal)
        for rij in tabel.rijen
        if rij.knoop.thema.slug in slugs
    }


def test_matrix_counts_per_code_and_teller_type_exactly(onderzoeker_client, gegevens):
    response = onderzoeker_client.get(reverse("codeboek:matrix"), {"kolom": "verteller_type"})

    tabel = response.context["tabel"]
    assert [(k.label, k.waarde, k.totaal) for k in tabel.kolommen] == [
        ("Professional", "professional", 2),
        ("Rotterdammer / bewoner", "bewoner", 3),
    ]
    assert _rijen(tabel) == {
        "vertrouwen": ([2, 2], 4),
        "wantrouwen": ([1, 1], 2),
        "maatwerk": ([1, 2], 3),
    }
    assert tabel.totaal == 5
    html = response.content.decode()
    assert "<caption>" in html and '<th scope="col"' in html and '<th scope="row">' in html
    assert 'href="/codeboek/vertrouwen/?verteller_type=professional">2</a>' in html


def test_matrix_by_wijk_has_unknown_column_and_links_keep_filters(onderzoeker_client, gegevens):
    response = onderzoeker_client.get(
        reverse("codeboek:matrix"), {"kolom": "wijk", "verzamelwijze": "focusgroep"}
    )
    tabel = response.context["tabel"]
    assert [(k.label, k.waarde) for k in tabel.kolommen] == [("(onbekend)", "null")]
    assert _rijen(tabel) == {"vertrouwen": ([2], 2), "wantrouwen": ([1], 1), "maatwerk": ([1], 1)}
    assert 'href="/codeboek/vertrouwen/?verzamelwijze=focusgroep&amp;wijk=null">2</a>' in (
        response.content.decode()
    )


def test_matrix_uses_one_aggregate_query_whatever_the_data(
    onderzoeker_client, gegevens, django_assert_num_queries
):
    url = reverse("codeboek:matrix")
    onderzoeker_client.get(url, {"kolom": "project"})
    # session, user, the second step's authenticator, permissions ×2, codes,
    # the aggregate, the column's projects, the filter's codes, wijken,
    # projects and coders, the research attributes (as columns and as filters)
    with django_assert_num_queries(14) as eerst:
        onderzoeker_client.get(url, {"kolom": "project"})
    verwacht = len(eerst.captured_queries)  # before the next request empties the log
    FragmentFactory(
        verhaal=VerhaalFactory(tekst=TEKST, project=ProjectFactory()),
        codes=[gegevens["f1"].codes.get()],
    )
    with django_assert_num_queries(verwacht):
        onderzoeker_client.get(url, {"kolom": "project"})


def test_matrix_csv_export_exact(onderzoeker_client, gegevens):
    response = onderzoeker_client.get(
        reverse("codeboek:matrix"), {"kolom": "gemeente", "format": "csv"}
    )
    rijen = _csv(response)
    assert rijen[0] == ["code", "valt onder", "Rotterdam", "Schiedam", "totaal"]
    assert ["vertrouwen", "", "2", "2", "4"] in rijen
    assert ["wantrouwen", "vertrouwen", "1", "1", "2"] in rijen
    assert ["maatwerk", "", "2", "1", "3"] in rijen
    assert len(rijen) == 1 + Thema.objects.count()
    zelfde = onderzoeker_client.get(reverse("codeboek:matrix_export"), {"kolom": "gemeente"})
    assert _csv(zelfde) == rijen


# --- Co-occurrence ----------------------------------------------------------


def _paren(paren):
    return {
        (
            frozenset({p.code_a.slug, p.code_b.slug}),
            p.zelfde_fragment,
            p.overlappend,
            p.zelfde_verhaal,
        )
        for p in paren
    }


def test_samenhang_counts_same_fragment_overlap_and_same_story(onderzoeker_client, gegevens):
    response = onderzoeker_client.get(reverse("codeboek:samenhang"))
    assert _paren(response.context["pagina"]) == {
        (frozenset({"vertrouwen", "wantrouwen"}), 0, 2, 2),
        (frozenset({"vertrouwen", "maatwerk"}), 1, 2, 2),
        (frozenset({"wantrouwen", "maatwerk"}), 1, 2, 2),
    }


def test_samenhang_respects_filters_and_exports_csv(onderzoeker_client, gegevens):
    response = onderzoeker_client.get(reverse("codeboek:samenhang"), {"gemeente": "schiedam"})
    assert _paren(response.context["pagina"]) == {
        (frozenset({"vertrouwen", "wantrouwen"}), 0, 1, 1),
        (frozenset({"vertrouwen", "maatwerk"}), 1, 1, 1),
        (frozenset({"wantrouwen", "maatwerk"}), 0, 1, 1),
    }
    rijen = _csv(
        onderzoeker_client.get(reverse("codeboek:samenhang_export"), {"gemeente": "schiedam"})
    )
    assert rijen[0] == [
        "code A",
        "code B",
        "zelfde fragment",
        "overlappende fragmenten",
        "zelfde verhaal",
    ]
    assert sorted(rijen[1:]) == sorted(
        [
            [
                p.code_a.name,
                p.code_b.name,
                str(p.zelfde_fragment),
                str(p.overlappend),
                str(p.zelfde_verhaal),
            ]
            for p in response.context["pagina"]
        ]
    )
    assert len(rijen) == 4


def test_samenhang_of_nothing_is_empty(onderzoeker_client, codes):
    response = onderzoeker_client.get(reverse("codeboek:samenhang"))
    assert list(response.context["pagina"]) == []
    assert "Er zijn nog geen codes die samen voorkomen" in response.content.decode()


# --- Keeping the codebook ---------------------------------------------------


def test_add_subcode_through_the_form(onderzoeker_client, codes):
    response = onderzoeker_client.post(
        reverse("codeboek:nieuw"),
        {
            "parent": codes["M"].pk,
            "name": "Afwijken van de regel",
            "definitie": "Als een professional bewust van het protocol afwijkt.",
            "voorbeeld": "Ik heb de regel even losgelaten.",
            "kleur": "#8a3b12",
        },
    )
    code = Thema.objects.get(name="Afwijken van de regel")
    assert response.url == reverse("codeboek:detail", args=[code.slug])
    assert (code.parent, code.kleur, code.slug) == (codes["M"], "#8a3b12", "afwijken-van-de-regel")


def test_add_subcode_with_existing_name_is_refused_in_dutch(onderzoeker_client, codes):
    response = onderzoeker_client.post(
        reverse("codeboek:nieuw"),
        {"parent": codes["V"].pk, "name": "WANTROUWEN", "kleur": "#1f5f8b"},
    )
    assert response.context["form"].errors["name"] == [
        "Er is al een code met de naam 'WANTROUWEN'. Kies een andere naam."
    ]


def test_rename_shows_confirmation_before_saving(onderzoeker_client, codes):
    url = reverse("codeboek:bewerken", args=["wantrouwen"])
    data = {
        "name": "achterdocht",
        "kleur": codes["W"].kleur,
        "definitie": "Bij twijfel aan instanties.",
    }

    bevestigen = onderzoeker_client.post(url, data)

    assert "Wijzigingen aan “wantrouwen” opslaan?" in bevestigen.content.decode()
    codes["W"].refresh_from_db()
    assert codes["W"].name == "wantrouwen"
    response = onderzoeker_client.post(url, {**data, "bevestigd": "ja"})
    codes["W"].refresh_from_db()
    assert response.status_code == 302
    assert (codes["W"].name, codes["W"].definitie) == ("achterdocht", "Bij twijfel aan instanties.")


def test_move_shows_confirmation_then_moves(onderzoeker_client, codes):
    url = reverse("codeboek:verplaatsen", args=["wantrouwen"])
    bevestigen = onderzoeker_client.post(url, {"parent": codes["M"].pk})
    assert "“wantrouwen” verplaatsen naar “maatwerk”?" in bevestigen.content.decode()
    onderzoeker_client.post(url, {"parent": codes["M"].pk, "bevestigd": "ja"})
    codes["W"].refresh_from_db()
    assert codes["W"].parent == codes["M"]


def test_move_under_itself_is_refused(onderzoeker_client, codes):
    response = onderzoeker_client.post(
        reverse("codeboek:verplaatsen", args=["wantrouwen"]), {"parent": codes["W"].pk}
    )
    assert response.context["form"].has_error("parent")
    codes["W"].refresh_from_db()
    assert codes["W"].parent == codes["V"]


def test_merge_through_confirmation_keeps_every_fragment(onderzoeker_client, gegevens, codes):
    url = reverse("codeboek:samenvoegen", args=["wantrouwen"])
    voor = set(Fragment.objects.values_list("pk", flat=True))

    bevestigen = onderzoeker_client.post(url, {"doel": codes["M"].pk})

    html = bevestigen.content.decode()
    assert "“wantrouwen” samenvoegen met “maatwerk”?" in html
    assert "2 fragmenten met de code “wantrouwen” krijgen de code “maatwerk”" in html
    assert "1 daarvan had die code al" in html
    assert Thema.objects.filter(slug="wantrouwen").exists()

    response = onderzoeker_client.post(url, {"doel": codes["M"].pk, "bevestigd": "ja"})

    assert response.url == reverse("codeboek:detail", args=["maatwerk"])
    assert not Thema.objects.filter(slug="wantrouwen").exists()
    assert set(Fragment.objects.values_list("pk", flat=True)) == voor
    assert list(gegevens["f2"].codes.values_list("slug", flat=True)) == ["maatwerk"]
    assert list(gegevens["f4"].codes.values_list("slug", flat=True)) == ["maatwerk"]


def test_kennisagenda_theme_cannot_be_merged_or_moved(onderzoeker_client, codes):
    for naam in ["codeboek:samenvoegen", "codeboek:verplaatsen"]:
        response = onderzoeker_client.get(reverse(naam, args=["vertrouwen"]))
        assert response.status_code == 302
    assert Thema.objects.get(slug="vertrouwen").parent is None


def test_kleuren_css_has_a_class_per_code(client, codes):
    response = client.get(reverse("codeboek:kleuren"))
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert (
        f".kleur-{codes['W'].pk} {{ --code-kleur: {codes['W'].kleur}; }}"
        in response.content.decode()
    )


def test_kennisagenda_theme_keeps_name_and_description_but_rules_can_change(
    onderzoeker_client, codes
):
    url = reverse("codeboek:bewerken", args=["vertrouwen"])
    data = {
        "name": "iets anders",
        "beschrijving": "Andere tekst",
        "definitie": "Als de verteller zegt of laat merken dat hij een instantie (niet) gelooft.",
        "voorbeeld": "Ze zeggen van alles, maar er gebeurt niks.",
        "kleur": "#123456",
    }
    onderzoeker_client.post(url, {**data, "bevestigd": "ja"})
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    assert vertrouwen.name == "vertrouwen"
    assert vertrouwen.beschrijving.startswith("Het vertrouwen tussen Rotterdammers")
    assert (vertrouwen.definitie, vertrouwen.voorbeeld, vertrouwen.kleur) == (
        data["definitie"],
        data["voorbeeld"],
        "#123456",
    )


def test_kleuren_css_leaves_out_anything_that_is_not_a_colour(client, codes):
    Thema.objects.filter(pk=codes["W"].pk).update(kleur="red}*{x")
    css = client.get(reverse("codeboek:kleuren")).content.decode()
    assert f".kleur-{codes['W'].pk} " not in css
    assert f".kleur-{codes['V'].pk} {{ --code-kleur: {codes['V'].kleur}; }}" in css


def test_matrix_rows_for_one_theme_and_only_used_codes(onderzoeker_client, gegevens):
    response = onderzoeker_client.get(
        reverse("codeboek:matrix"), {"kolom": "gemeente", "rijen": "vertrouwen"}
    )
    assert [rij.knoop.thema.slug for rij in response.context["tabel"].rijen] == [
        "vertrouwen",
        "wantrouwen",
    ]
    response = onderzoeker_client.get(
        reverse("codeboek:matrix"), {"kolom": "gemeente", "alleen_gebruikt": "on"}
    )
    assert [rij.knoop.thema.slug for rij in response.context["tabel"].rijen] == [
        "maatwerk",
        "vertrouwen",
        "wantrouwen",
    ]


def test_matrix_csv_query_count_does_not_grow_with_codes(
    onderzoeker_client, onderzoeker, codes, django_assert_num_queries
):
    url = reverse("codeboek:matrix_export")
    onderzoeker_client.get(url)
    with CaptureQueriesContext(connection) as eerst:
        b"".join(onderzoeker_client.get(url).streaming_content)
    for naam in ["argwaan", "achterdocht", "twijfel"]:
        services.maak_subcode(naam=naam, parent=codes["W"], door=onderzoeker)
    with django_assert_num_queries(len(eerst.captured_queries)):
        rijen = _csv(onderzoeker_client.get(url))
    assert ["twijfel", "wantrouwen"] in [rij[:2] for rij in rijen]
