"""The teller's own page: the code, what it shows, what the teller can do,
and the threats against it (guessing, injection, oversized input, a code of
another or an erased story)."""

import pytest
from django.core import mail
from django.test import Client

from tests.helpers import log_in
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from tests.vertellers.factories import ContactgegevensFactory
from verhalen.models import Betekenis, Themaoordeel, Verhaal, Verwijderverzoek
from vertellers import rem
from vertellers.models import Contactgegevens, Gebruik
from vertellers.services import KENMERK_VERZOEK_VERTELLER, maak_toestemmingsbewijs
from vertellers.views.verteller import SESSIE

pytestmark = pytest.mark.django_db

PAGINAS = [
    "/mijn-verhaal/verhaal/",
    "/mijn-verhaal/betekenis/",
    "/mijn-verhaal/toestemming/",
    "/mijn-verhaal/wissen/",
]


def _handelingen():
    return list(Gebruik.objects.order_by("pk").values_list("handeling", "verhaal_id"))


# --------------------------------------------------------------- the code


def test_right_code_opens_the_page_and_logs_it_without_ip(client, verhaal, code):
    response = client.post("/mijn-verhaal/", {"code": code.lower().replace("-", " ")})

    assert response.status_code == 302
    assert response["Location"] == "/mijn-verhaal/verhaal/"
    assert client.session[SESSIE]["verhaal"] == verhaal.pk
    assert _handelingen() == [("bewijs_gemaakt", verhaal.pk), ("geopend", verhaal.pk)]
    velden = {veld.name for veld in Gebruik._meta.get_fields()}
    assert velden == {"id", "verhaal", "handeling", "detail", "op"}


def test_link_shows_the_code_filled_in_and_opens_nothing(client, verhaal, code):
    response = client.get(f"/mijn-verhaal/{code}/")

    assert response.status_code == 200
    assert f'value="{code}"' in response.content.decode()
    assert SESSIE not in client.session
    assert _handelingen() == [("bewijs_gemaakt", verhaal.pk)]


def test_wrong_code_gets_a_dutch_message_and_is_logged_without_a_story(client, code):
    response = client.post("/mijn-verhaal/", {"code": "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"})

    assert response.status_code == 200
    assert "Wij kennen deze code niet" in response.content.decode()
    assert SESSIE not in client.session
    assert _handelingen()[-1] == ("code_onbekend", None)


def test_guessing_codes_is_braked_with_429_even_for_the_right_code(client, code):
    for _ in range(rem.POGINGEN):
        assert (
            client.post("/mijn-verhaal/", {"code": "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"}).status_code == 200
        )

    response = client.post("/mijn-verhaal/", {"code": code})

    assert response.status_code == 429
    assert "U heeft te vaak een code ingevuld die niet klopt" in response.content.decode()
    assert SESSIE not in client.session
    assert _handelingen()[-1] == ("geremd", None)


def test_the_brake_is_per_client(code):
    gokker = Client(REMOTE_ADDR="10.0.0.1")
    verteller = Client(REMOTE_ADDR="10.0.0.2")
    for _ in range(rem.POGINGEN):
        gokker.post("/mijn-verhaal/", {"code": "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"})

    assert gokker.post("/mijn-verhaal/", {"code": code}).status_code == 429
    assert verteller.post("/mijn-verhaal/", {"code": code}).status_code == 302


def test_a_right_code_does_not_count_towards_the_brake(client, code):
    for _ in range(rem.POGINGEN + 2):
        assert client.post("/mijn-verhaal/", {"code": code}).status_code == 302


def test_oversized_code_gets_a_dutch_message(client, code):
    response = client.post("/mijn-verhaal/", {"code": "A" * 100_000})

    assert response.status_code == 200
    assert "Deze code is te lang" in response.content.decode()


def test_a_new_receipt_ends_the_old_codes_visit(verteller_client, verhaal, onderzoeker):
    maak_toestemmingsbewijs(verhaal=verhaal, door=onderzoeker)

    response = verteller_client.get("/mijn-verhaal/verhaal/")

    assert response.status_code == 302
    assert response["Location"] == "/mijn-verhaal/"


@pytest.mark.parametrize("url", ["/mijn-verhaal/", *PAGINAS])
def test_every_teller_page_is_private(verteller_client, url):
    response = verteller_client.get(url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_the_link_page_is_private_too(client, code):
    response = client.get(f"/mijn-verhaal/{code}/")

    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


def test_closing_the_page_forgets_the_story(verteller_client):
    verteller_client.post("/mijn-verhaal/afsluiten/")

    assert SESSIE not in verteller_client.session
    assert verteller_client.get("/mijn-verhaal/verhaal/")["Location"] == "/mijn-verhaal/"


# ------------------------------------------------------------ what it shows


def test_page_shows_story_passages_themes_and_where_it_is_quoted(verteller_client, verhaal):
    fragment = verhaal.fragmenten.get()
    br = CollectieFactory(titel="Wachten in Rotterdam", publiek="brede_raad")
    CollectieItemFactory(collectie=br, verhaal=verhaal, fragmenten=[fragment])
    CollectieItemFactory(
        collectie=CollectieFactory(titel="Concept nog niet af", gepubliceerd=False), verhaal=verhaal
    )
    CollectieItemFactory(
        collectie=CollectieFactory(titel="Van een ander"), verhaal=VerhaalFactory()
    )

    html = verteller_client.get("/mijn-verhaal/verhaal/").content.decode()

    assert "Wachten op de gemeente" in html
    assert verhaal.tekst.split("\n")[0] in html
    assert fragment.citaat in html
    assert "Vertrouwen" in html and "Bestaanszekerheid" in html
    assert "Thema: Vertrouwen</p>" in html  # the passage's code
    assert "Wachten in Rotterdam" in html
    assert "Concept nog niet af" not in html
    assert "Van een ander" not in html
    assert "Iedereen mag mijn verhaal lezen" in html


def test_page_never_shows_contact_details(verteller_client, verhaal):
    ContactgegevensFactory(verhaal=verhaal, naam="Anna Jansen", email="anna@example.org")

    html = verteller_client.get("/mijn-verhaal/verhaal/").content.decode()

    assert "Anna Jansen" not in html
    assert "anna@example.org" not in html


# ------------------------------------------------------------ own meaning


def test_meaning_and_a_disagreeing_theme_are_stored_and_shown_to_researchers(
    verteller_client, verhaal, thema_a, thema_b, onderzoeker
):
    response = verteller_client.post(
        "/mijn-verhaal/betekenis/",
        {
            "betekenis": "Het gaat over niet gehoord worden.",
            f"oordeel_{thema_a.pk}": "klopt",
            f"oordeel_{thema_b.pk}": "klopt_niet",
            f"toelichting_{thema_b.pk}": "Geld was niet het probleem.",
        },
    )

    assert response.status_code == 302
    assert Betekenis.objects.get(verhaal=verhaal).tekst == "Het gaat over niet gehoord worden."
    assert set(Themaoordeel.objects.values_list("thema__name", "oordeel", "toelichting")) == {
        ("Vertrouwen", "klopt", ""),
        ("Bestaanszekerheid", "klopt_niet", "Geld was niet het probleem."),
    }
    assert _handelingen()[-1] == ("betekenis", verhaal.pk)
    onderzoeker_client = log_in(Client(), onderzoeker)
    html = onderzoeker_client.get(verhaal.get_absolute_url()).content.decode()
    assert "De verteller over dit verhaal" in html
    assert "Het gaat over niet gehoord worden." in html
    assert "klopt niet — “Geld was niet het probleem.”" in html


def test_story_list_and_codebook_filter_on_stories_whose_teller_disagreed(
    verteller_client, verhaal, thema_a, thema_b, onderzoeker
):
    ander = VerhaalFactory(titel="Een ander verhaal", themas=[thema_a])
    FragmentFactory(verhaal=ander, start=0, eind=20, codes=[thema_a])
    verteller_client.post("/mijn-verhaal/betekenis/", {f"oordeel_{thema_b.pk}": "mis_ik_iets"})
    onderzoeker_client = log_in(Client(), onderzoeker)

    lijst = onderzoeker_client.get("/verhalen/?verteller=oneens").content.decode()
    codeboek = onderzoeker_client.get(f"/codeboek/{thema_a.slug}/?verteller=oneens")

    assert "Wachten op de gemeente" in lijst
    assert "Een ander verhaal" not in lijst
    assert [f.verhaal_id for f in codeboek.context["pagina"]] == [verhaal.pk]
    assert list(Verhaal.objects.verteller_oneens(thema=thema_a)) == []
    assert list(Verhaal.objects.verteller_oneens(thema=thema_b)) == [verhaal]


def test_script_in_the_meaning_is_shown_as_text(verteller_client, verhaal, onderzoeker):
    aanval = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    verteller_client.post("/mijn-verhaal/betekenis/", {"betekenis": aanval})

    eigen = verteller_client.get("/mijn-verhaal/betekenis/").content.decode()
    onderzoeker_html = log_in(Client(), onderzoeker).get(verhaal.get_absolute_url())

    for html in (eigen, onderzoeker_html.content.decode()):
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_oversized_meaning_is_refused_in_dutch_and_nothing_is_stored(verteller_client, verhaal):
    response = verteller_client.post("/mijn-verhaal/betekenis/", {"betekenis": "x" * 5001})

    assert response.status_code == 200
    assert "Uw tekst is te lang: hier passen 5000 tekens, u schreef er 5001" in (
        response.content.decode()
    )
    assert "x" * 5001 in response.content.decode()  # what was typed is kept in the form
    assert not Betekenis.objects.exists()


def test_a_teller_cannot_judge_themes_of_another_story(verteller_client, verhaal, thema_a):
    from tests.factories import ThemaFactory

    vreemd = ThemaFactory(name="Alleen bij een ander")
    ander = VerhaalFactory(themas=[vreemd])

    verteller_client.post(
        "/mijn-verhaal/betekenis/", {f"oordeel_{vreemd.pk}": "klopt_niet", "verhaal": ander.pk}
    )

    assert not Themaoordeel.objects.filter(thema=vreemd).exists()
    assert not Themaoordeel.objects.filter(verhaal=ander).exists()


# ----------------------------------------------------------------- consent


def test_lowering_consent_asks_first_then_changes_it_and_gives_a_receipt(
    verteller_client, verhaal, onderzoeker, raadslid
):
    collectie = CollectieFactory(titel="Voor de raad", publiek="brede_raad")
    CollectieItemFactory(collectie=collectie, verhaal=verhaal)
    raad = log_in(Client(), raadslid)
    assert "Wachten op de gemeente" in raad.get(collectie.get_absolute_url()).content.decode()

    vraag = verteller_client.post("/mijn-verhaal/toestemming/", {"naar": "onderzoek"})
    verhaal.refresh_from_db()
    assert "Klopt dit?" in vraag.content.decode()
    assert verhaal.toestemming == "openbaar"

    response = verteller_client.post(
        "/mijn-verhaal/toestemming/", {"naar": "onderzoek", "bevestigd": "ja"}
    )

    verhaal.refresh_from_db()
    assert response["Location"] == "/mijn-verhaal/toestemming/bewijs/"
    assert verhaal.toestemming == "onderzoek"
    assert verhaal.toestemming_vastgelegd_door is None
    assert verhaal.history.first().history_change_reason == (
        "Toestemming veranderd door de verteller (eigen pagina)"
    )
    assert "Wachten op de gemeente" not in raad.get(collectie.get_absolute_url()).content.decode()
    bewijs = verteller_client.get("/mijn-verhaal/toestemming/bewijs/").content.decode()
    assert "Eerst gold: Iedereen mag mijn verhaal lezen." in bewijs
    assert "Alleen de onderzoekers mogen mijn verhaal lezen" in bewijs
    assert [m.to for m in mail.outbox] == [[onderzoeker.email]]
    assert f"verhaal {verhaal.pk}" in mail.outbox[0].body
    assert verhaal.tekst not in mail.outbox[0].body
    assert _handelingen()[-1] == ("toestemming", verhaal.pk)


def test_consent_cannot_be_raised_through_the_page(verteller_client, verhaal):
    Verhaal.objects.filter(pk=verhaal.pk).update(toestemming="onderzoek")

    response = verteller_client.post(
        "/mijn-verhaal/toestemming/", {"naar": "openbaar", "bevestigd": "ja"}
    )

    verhaal.refresh_from_db()
    assert response.status_code == 200
    assert "Kies een van de mogelijkheden hieronder." in response.content.decode()
    assert verhaal.toestemming == "onderzoek"


def test_a_withdrawn_storys_code_still_shows_it_to_its_teller_and_allows_erasure(
    verteller_client, verhaal
):
    verteller_client.post("/mijn-verhaal/toestemming/", {"naar": "ingetrokken", "bevestigd": "ja"})

    html = verteller_client.get("/mijn-verhaal/verhaal/").content.decode()

    assert "Niemand mag mijn verhaal nog gebruiken" in html
    assert "/mijn-verhaal/toestemming/" not in html
    assert "/mijn-verhaal/wissen/" in html


# ----------------------------------------------------------------- erasure


def test_erasure_needs_the_tick_then_erases_through_the_avg_route(
    verteller_client, verhaal, onderzoeker
):
    ContactgegevensFactory(verhaal=verhaal)
    verteller_client.post("/mijn-verhaal/betekenis/", {"betekenis": "Mijn woorden"})

    zonder = verteller_client.post("/mijn-verhaal/wissen/", {})
    verhaal.refresh_from_db()
    assert "Zet een vinkje" in zonder.content.decode()
    assert not verhaal.is_gewist

    verteller_client.post("/mijn-verhaal/wissen/", {"bevestigd": "ja"})

    verhaal.refresh_from_db()
    assert verhaal.is_gewist
    assert verhaal.tekst == ""
    verzoek = Verwijderverzoek.objects.get(verhaal=verhaal)
    assert verzoek.kenmerk == KENMERK_VERZOEK_VERTELLER
    assert not Contactgegevens.objects.exists()
    assert not Betekenis.objects.exists()
    assert "gewist op verzoek van de verteller" in mail.outbox[-1].subject
    html = verteller_client.get("/mijn-verhaal/verhaal/").content.decode()
    assert "Uw verhaal is gewist" in html
    assert f"Nummer van het verzoek: {verzoek.pk}" in html


def test_an_erased_storys_code_shows_only_that_it_is_erased(verteller_client, verhaal):
    verteller_client.post("/mijn-verhaal/wissen/", {"bevestigd": "ja"})

    for url in PAGINAS[1:]:
        assert verteller_client.get(url)["Location"] == "/mijn-verhaal/verhaal/"
    verteller_client.post("/mijn-verhaal/betekenis/", {"betekenis": "Na het wissen"})
    assert not Betekenis.objects.exists()


def test_a_braked_client_with_rubbish_input_still_gets_the_dutch_429(client):
    for _ in range(rem.POGINGEN):
        client.post("/mijn-verhaal/", {"code": "ZZZZ"})

    response = client.post("/mijn-verhaal/", {"code": "\x00" * 70})

    assert response.status_code == 429
    assert "Wacht een kwartier" in response.content.decode()


def test_an_empty_post_asks_for_the_code(client):
    response = client.post("/mijn-verhaal/", {})

    assert response.status_code == 200
    assert "Vul uw code in." in response.content.decode()
