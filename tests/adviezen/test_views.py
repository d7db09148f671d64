"""Advice pages: who may do what (both sides), the live quotes, the basis."""

import datetime
import io
import json

import pytest
from django.contrib.auth.models import AnonymousUser
from pypdf import PdfReader

from adviezen.models import Advies, Citaat, Status
from tests.adviezen.factories import (
    AanbevelingFactory,
    AdviesFactory,
    AntwoordFactory,
    CitaatFactory,
)
from tests.helpers import log_in
from tests.verhalen.factories import VerhaalFactory
from tests.verhalen.factories_collecties import CollectieItemFactory, ReflectieFactory
from verhalen.models import Toestemming

pytestmark = pytest.mark.django_db

QUOTE_A = "Ik wachtte maanden op een antwoord"
QUOTE_B = "Niemand belde terug na mijn aanvraag"


def _verhaal(zin, soort="bewoner", toestemming=Toestemming.OPENBAAR):
    return VerhaalFactory(
        tekst=f"{zin}. Dit is een verzonnen voorbeeld.",
        verteller_type=soort,
        toestemming=toestemming,
    )


def _cite(aanbeveling, verhaal, zin):
    return CitaatFactory(aanbeveling=aanbeveling, verhaal=verhaal, start=0, eind=len(zin))


@pytest.fixture
def gepubliceerd():
    """An offered advice: one recommendation citing two passages of two tellers."""
    advies = AdviesFactory(slug="onbeperkt", titel="Op weg", status=Status.AANGEBODEN)
    aanbeveling = AanbevelingFactory(advies=advies, tekst="Bel mensen terug binnen een week.")
    a = _verhaal(QUOTE_A)
    b = _verhaal(QUOTE_B, soort="professional")
    _cite(aanbeveling, a, QUOTE_A)
    _cite(aanbeveling, b, QUOTE_B)
    advies.verhaal_a, advies.verhaal_b = a, b
    return advies


# ------------------------------------------------------------------ public page


def test_public_page_shows_recommendation_quotes_and_basis(client, gepubliceerd):
    content = client.get("/adviezen/onbeperkt/").content.decode()
    assert "<h1>Op weg</h1>" in content
    assert "Bel mensen terug binnen een week." in content
    assert QUOTE_A in content and QUOTE_B in content
    assert "2 stukken tekst uit 2 verhalen" in content
    assert "verteld door: Rotterdammer / bewoner, Professional." in content
    # two passages: thin (fewer than three)
    assert "Dunne onderbouwing" in content


def test_public_page_of_a_draft_is_not_found_for_anyone(client, onderzoeker_client):
    AdviesFactory(slug="concept")
    assert client.get("/adviezen/concept/").status_code == 404
    assert onderzoeker_client.get("/adviezen/concept/").status_code == 404


def test_public_page_only_quotes_stories_with_public_consent(onderzoeker_client, gepubliceerd):
    gepubliceerd.verhaal_b.toestemming = Toestemming.BREDE_RAAD
    gepubliceerd.verhaal_b.save()
    # Even a researcher reads the public page as the public does.
    content = onderzoeker_client.get("/adviezen/onbeperkt/").content.decode()
    assert QUOTE_A in content
    assert QUOTE_B not in content


def test_basis_not_thin_with_three_passages_of_two_kinds(client, gepubliceerd):
    aanbeveling = gepubliceerd.aanbevelingen.get()
    derde = "Pas bij de derde keer werd ik gehoord"
    _cite(aanbeveling, _verhaal(derde), derde)
    content = client.get("/adviezen/onbeperkt/").content.decode()
    assert "3 stukken tekst uit 3 verhalen" in content
    assert "Dunne onderbouwing" not in content


def test_basis_thin_with_three_passages_of_one_kind(client):
    advies = AdviesFactory(slug="een-soort", status=Status.AANGEBODEN)
    aanbeveling = AanbevelingFactory(advies=advies)
    for zin in ("Eerste verhaal", "Tweede verhaal", "Derde verhaal"):
        _cite(aanbeveling, _verhaal(zin), zin)
    content = client.get("/adviezen/een-soort/").content.decode()
    assert "3 stukken tekst uit 3 verhalen, verteld door: Rotterdammer / bewoner." in content
    assert "Dunne onderbouwing" in content


# ------------------------------------------------- consent lowered: gone everywhere


def _pdf_tekst(response):
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_withdrawn_consent_removes_quote_from_page_pdf_and_exports_at_once(
    client, gepubliceerd, onderzoeker_client
):
    assert QUOTE_B in _pdf_tekst(client.get("/adviezen/onbeperkt/advies.pdf"))

    gepubliceerd.verhaal_b.toestemming = Toestemming.INGETROKKEN
    gepubliceerd.verhaal_b.save()

    pagina = client.get("/adviezen/onbeperkt/").content.decode()
    pdf = client.get("/adviezen/onbeperkt/advies.pdf")
    markdown = client.get("/adviezen/onbeperkt/export.md").content.decode()
    gegevens = json.loads(client.get("/adviezen/onbeperkt/export.json").content)
    assert pdf["Content-Type"] == "application/pdf"
    pdf_tekst = _pdf_tekst(pdf)
    for tekst in (pagina, pdf_tekst, markdown):
        assert QUOTE_A in tekst
        assert QUOTE_B not in tekst
    assert [c["tekst"] for c in gegevens["aanbevelingen"][0]["citaten"]] == [QUOTE_A]
    assert gegevens["aanbevelingen"][0]["basis"]["passages"] == 1
    # The editors see that a quote fell away.
    werk = onderzoeker_client.get("/adviezen/onbeperkt/werkruimte/").content.decode()
    assert "Een citaat is vervallen" in werk
    assert QUOTE_B not in werk


def test_print_stylesheet_on_public_page(client, gepubliceerd):
    content = client.get("/adviezen/onbeperkt/").content.decode()
    assert 'href="/static/css/advies-print.css" media="print"' in content


def test_public_page_query_count_does_not_grow_with_recommendations(
    client, django_assert_num_queries
):
    def bouw(slug, aantal):
        advies = AdviesFactory(slug=slug, status=Status.AANGEBODEN)
        for n in range(aantal):
            aanbeveling = AanbevelingFactory(advies=advies)
            zin = f"Verhaal nummer {n} van {slug}"
            _cite(aanbeveling, _verhaal(zin), zin)
            AntwoordFactory(aanbeveling=aanbeveling)
        return advies

    bouw("een", 1)
    bouw("drie", 3)
    client.get("/adviezen/een/")  # warm up (sessions, content types)
    with django_assert_num_queries(5):
        assert "Verhaal nummer 0 van een" in client.get("/adviezen/een/").content.decode()
    with django_assert_num_queries(5):
        assert "Verhaal nummer 2 van drie" in client.get("/adviezen/drie/").content.decode()


# ------------------------------------------------------------------ workspace


@pytest.mark.parametrize("url", ["/adviezen/nieuw/", "/adviezen/onbeperkt/werkruimte/"])
def test_workspace_asks_anonymous_to_log_in(client, gepubliceerd, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url", ["/adviezen/nieuw/", "/adviezen/onbeperkt/werkruimte/"])
def test_workspace_forbidden_without_role(client, gewone_gebruiker, gepubliceerd, url):
    log_in(client, gewone_gebruiker)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("rol_client", ["onderzoeker", "raadslid"], indirect=True)
def test_members_and_researchers_start_an_advice(rol_client):
    response = rol_client.post(
        "/adviezen/nieuw/", {"titel": "Op weg naar een onbeperkt Rotterdam", "inleiding": "Waarom."}
    )
    advies = Advies.objects.get()
    assert response["Location"] == "/adviezen/op-weg-naar-een-onbeperkt-rotterdam/werkruimte/"
    assert advies.status == Status.CONCEPT
    assert advies.history.count() == 1


def test_coordinator_may_not_start_or_edit_an_advice(coordinator_client):
    AdviesFactory(slug="concept")
    assert coordinator_client.post("/adviezen/nieuw/", {"titel": "X"}).status_code == 403
    response = coordinator_client.post("/adviezen/concept/aanbevelingen/", {"tekst": "Doe iets."})
    assert response.status_code == 403
    assert not Advies.objects.get().aanbevelingen.exists()


def test_coordinator_sees_workspace_without_any_quote(coordinator_client, gepubliceerd):
    content = coordinator_client.get("/adviezen/onbeperkt/werkruimte/").content.decode()
    assert "Bel mensen terug binnen een week." in content
    assert QUOTE_A not in content
    assert "Aanbeveling toevoegen" not in content


def test_privacy_check_stops_personal_data_in_a_recommendation(raadslid_client):
    AdviesFactory(slug="concept")
    tekst = "Bel mevrouw op 06-12345678 terug."
    response = raadslid_client.post("/adviezen/concept/aanbevelingen/", {"tekst": tekst})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Dit lijkt op persoonsgegevens: telefoonnummer" in content
    assert tekst in content  # nothing typed is lost
    assert not Advies.objects.get().aanbevelingen.exists()
    response = raadslid_client.post(
        "/adviezen/concept/aanbevelingen/", {"tekst": tekst, "toch_opslaan": "on"}
    )
    assert response.status_code == 302
    assert Advies.objects.get().aanbevelingen.get().tekst == tekst


def test_member_cites_a_passage_they_reflected_on(raadslid_client, raadslid):
    verhaal = _verhaal(QUOTE_A, toestemming=Toestemming.BREDE_RAAD)
    item = CollectieItemFactory(verhaal=verhaal)
    reflectie = ReflectieFactory(
        collectie=item.collectie, auteur=raadslid, verhaal=verhaal, start=0, eind=len(QUOTE_A)
    )
    aanbeveling = AanbevelingFactory(advies=AdviesFactory(slug="concept"))
    url = f"/adviezen/concept/aanbevelingen/{aanbeveling.pk}/"
    pagina = raadslid_client.get(url).content.decode()
    assert f'value="p{verhaal.pk}-0-{len(QUOTE_A)}"' in pagina

    response = raadslid_client.post(
        url, {"citeer": "1", "keuze": [f"p{verhaal.pk}-0-{len(QUOTE_A)}", f"r{reflectie.pk}"]}
    )

    assert response.status_code == 302
    assert {(c.verhaal_id, c.start, c.eind, c.reflectie_id) for c in Citaat.objects.all()} == {
        (verhaal.pk, 0, len(QUOTE_A), None),
        (None, None, None, reflectie.pk),
    }
    werk = raadslid_client.get("/adviezen/concept/werkruimte/").content.decode()
    assert QUOTE_A in werk
    assert "niet openbaar" in werk  # consent brede_raad: not on the public page


def test_member_cannot_cite_a_story_outside_their_collections(raadslid_client):
    verhaal = _verhaal(QUOTE_A, toestemming=Toestemming.ONDERZOEK)
    aanbeveling = AanbevelingFactory(advies=AdviesFactory(slug="concept"))
    response = raadslid_client.post(
        f"/adviezen/concept/aanbevelingen/{aanbeveling.pk}/",
        {"citeer": "1", "keuze": [f"p{verhaal.pk}-0-10"]},
    )
    assert response.status_code == 400
    assert not Citaat.objects.exists()


# ------------------------------------------------------------- status, answers


def test_status_goes_concept_vastgesteld_aangeboden(onderzoeker_client):
    advies = AdviesFactory(slug="concept")
    url = "/adviezen/concept/status/"
    onderzoeker_client.post(url, {"status": "vastgesteld"})
    advies.refresh_from_db()
    assert advies.status == Status.CONCEPT  # no recommendation yet

    AanbevelingFactory(advies=advies)
    onderzoeker_client.post(url, {"status": "vastgesteld"})
    advies.refresh_from_db()
    assert advies.status == Status.VASTGESTELD

    response = onderzoeker_client.post(url, {"status": "aangeboden", "aangeboden_aan": ""})
    assert response.status_code == 400
    assert "Vul de datum in waarop het advies is aangeboden." in response.content.decode()

    onderzoeker_client.post(
        url,
        {"status": "aangeboden", "aangeboden_op": "2026-11-03", "aangeboden_aan": "de wethouder"},
    )
    advies.refresh_from_db()
    assert (advies.status, advies.aangeboden_op, advies.aangeboden_aan) == (
        Status.AANGEBODEN,
        datetime.date(2026, 11, 3),
        "de wethouder",
    )
    assert [versie.status for versie in advies.history.order_by("history_date")] == [
        "concept",
        "vastgesteld",
        "aangeboden",
    ]


def test_fixed_advice_cannot_be_edited(raadslid_client):
    advies = AdviesFactory(slug="vast", status=Status.VASTGESTELD)
    raadslid_client.post("/adviezen/vast/aanbevelingen/", {"tekst": "Nog een."})
    assert not advies.aanbevelingen.exists()


@pytest.mark.parametrize("rol_client", ["onderzoeker", "coordinator"], indirect=True)
def test_researcher_and_coordinator_record_the_answer(rol_client, gepubliceerd):
    veld = "aanbeveling-1"
    response = rol_client.post(
        "/adviezen/onbeperkt/antwoorden/",
        {
            f"{veld}-oordeel": "deels",
            f"{veld}-tekst": "We beginnen in twee wijken.",
            f"{veld}-datum": "2026-12-01",
        },
    )
    assert response.status_code == 302
    gepubliceerd.refresh_from_db()
    assert gepubliceerd.status == Status.BEANTWOORD
    pagina = rol_client.get("/adviezen/onbeperkt/").content.decode()
    assert "Antwoord van de gemeente: deels overgenomen" in pagina
    assert "We beginnen in twee wijken." in pagina


def test_member_may_not_record_the_answer(raadslid_client, gepubliceerd):
    aanbeveling = gepubliceerd.aanbevelingen.get()
    veld = "aanbeveling-1"
    assert raadslid_client.get("/adviezen/onbeperkt/antwoorden/").status_code == 403
    response = raadslid_client.post(
        "/adviezen/onbeperkt/antwoorden/",
        {f"{veld}-oordeel": "niet", f"{veld}-datum": "2026-12-01"},
    )
    assert response.status_code == 403
    assert not hasattr(type(aanbeveling).objects.get(pk=aanbeveling.pk), "antwoord")


def test_comment_by_a_co_author(raadslid_client):
    AdviesFactory(slug="concept")
    raadslid_client.post(
        "/adviezen/concept/opmerkingen/", {"opmerking-tekst": "Zin twee is te lang."}
    )
    werk = raadslid_client.get("/adviezen/concept/werkruimte/").content.decode()
    assert "Zin twee is te lang." in werk


def test_list_shows_drafts_only_to_editors(client, raadslid, gepubliceerd):
    AdviesFactory(slug="concept", titel="Nog geheim")
    assert "Nog geheim" not in client.get("/adviezen/").content.decode()
    assert "Op weg" in client.get("/adviezen/").content.decode()
    log_in(client, raadslid)
    assert "Nog geheim" in client.get("/adviezen/").content.decode()


# ------------------------------------------------------- the teller's page hook


def test_teller_section_names_published_advice_quoting_the_story(rf, gepubliceerd):
    from kennisagenda import sections

    AdviesFactory(slug="concept")  # a draft never shows
    verzoek = rf.get("/")
    verzoek.user = AnonymousUser()
    secties = sections.render_context("verteller", verzoek, gepubliceerd.verhaal_a)
    assert [(rij["advies"].slug, rij["passages"]) for rij in secties[0]["context"]["adviezen"]] == [
        ("onbeperkt", [QUOTE_A])
    ]

    gepubliceerd.verhaal_a.toestemming = Toestemming.BREDE_RAAD
    gepubliceerd.verhaal_a.save()
    assert sections.render_context("verteller", verzoek, gepubliceerd.verhaal_a) == []


def test_an_advice_called_nieuw_does_not_hide_the_new_advice_page(raadslid_client):
    raadslid_client.post("/adviezen/nieuw/", {"titel": "Nieuw"})
    assert Advies.objects.get().slug == "nieuw-2"
    assert raadslid_client.get("/adviezen/nieuw/").status_code == 200
