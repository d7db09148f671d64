"""Coding round pages: who may open what, the blind rule on the pages, the
agreement table, settling by POST, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory
from tests.helpers import log_in
from tests.verhalen.factories import VerhaalFactory
from verhalen.models import (
    Coderingsronde,
    Fragment,
    Handeling,
    Inzage,
    Rondecodering,
    Rondestatus,
)
from verhalen.services import rondes as services

pytestmark = pytest.mark.django_db

TEKST = "Ik wachtte lang. De gemeente belde niet. Toen kwam de buurvrouw. Zij hielp echt."


@pytest.fixture
def codeurs():
    return [
        UserFactory(username=f"codeur{i}", first_name=f"Codeur{i}", role="onderzoeker")
        for i in (1, 2)
    ]


@pytest.fixture
def buitenstaander():
    """A researcher who is no coder of the round and did not set it up."""
    return UserFactory(username="buitenstaander", role="onderzoeker")


@pytest.fixture
def ronde(onderzoeker, codeurs, vertrouwen, maatwerk):
    verhalen = [
        VerhaalFactory(titel="Eerste", tekst=TEKST),
        VerhaalFactory(titel="Tweede", tekst=TEKST),
    ]
    return services.maak_ronde(
        titel="Proefronde",
        verhalen=verhalen,
        codes=[vertrouwen, maatwerk],
        codeurs=codeurs,
        door=onderzoeker,
    )


def _als(client, user):
    log_in(client, user)
    return client


def _codeer(ronde, codeur, code, start, eind, verhaal=None):
    verhaal = verhaal or ronde.verhalen.order_by("titel").first()
    return services.codeer(
        ronde=ronde, verhaal=verhaal, start=start, eind=eind, codes=[code], codeur=codeur
    )


@pytest.mark.parametrize("naam", ["rondes", "ronde_nieuw"])
def test_round_pages_only_for_researchers(client, naam, raadslid, coordinator):
    url = reverse(f"codeboek:{naam}")
    antwoord = client.get(url)
    assert antwoord.status_code == 302 and "/accounts/login/" in antwoord["Location"]
    for user in (raadslid, coordinator, UserFactory(username="zonderrol")):
        client.logout()
        assert _als(client, user).get(url).status_code == 403


def test_round_page_forbidden_to_brede_raad_and_coordinator(client, ronde, raadslid, coordinator):
    for user in (raadslid, coordinator):
        client.logout()
        assert _als(client, user).get(ronde.get_absolute_url()).status_code == 403
    client.logout()
    assert client.get(ronde.get_absolute_url()).status_code == 302


def test_setting_up_a_round_with_a_sample_from_the_filter(client, onderzoeker, codeurs, vertrouwen):
    for i in range(5):
        VerhaalFactory(titel=f"Wachten {i}", tekst=f"Ik wachtte op de gemeente {i}. Lang.")
    VerhaalFactory(titel="Anders", tekst="Iets heel anders.")
    _als(client, onderzoeker)
    url = reverse("codeboek:ronde_nieuw") + "?q=gemeente"
    antwoord = client.get(url)
    assert "Het filter selecteert 5 verhalen" in antwoord.content.decode()
    antwoord = client.post(
        url,
        {
            "titel": "Steekproef",
            "codes": [vertrouwen.pk],
            "codeurs": [c.pk for c in codeurs],
            "steekproef": 3,
        },
    )
    ronde = Coderingsronde.objects.get(titel="Steekproef")
    assert antwoord.status_code == 302 and antwoord["Location"] == ronde.get_absolute_url()
    titels = sorted(ronde.verhalen.values_list("titel", flat=True))
    assert len(titels) == 3 and all(t.startswith("Wachten") for t in titels)
    assert ronde.aangemaakt_door == onderzoeker


def test_setting_up_needs_two_coders_in_dutch(client, onderzoeker, codeurs, vertrouwen):
    verhaal = VerhaalFactory()
    _als(client, onderzoeker)
    antwoord = client.post(
        reverse("codeboek:ronde_nieuw"),
        {
            "titel": "Te klein",
            "codes": [vertrouwen.pk],
            "codeurs": [codeurs[0].pk],
            "verhalen": [verhaal.pk],
        },
    )
    assert antwoord.status_code == 200
    assert "Kies minstens twee codeurs." in antwoord.content.decode()
    assert not Coderingsronde.objects.exists()


def test_blind_story_page_shows_only_own_codings(client, ronde, codeurs, vertrouwen):
    eigen = _codeer(ronde, codeurs[0], vertrouwen, 0, 16)
    _codeer(ronde, codeurs[1], vertrouwen, 17, 40)
    verhaal = eigen.verhaal
    _als(client, codeurs[0])
    html = client.get(
        reverse("codeboek:ronde_verhaal", args=[ronde.pk, verhaal.pk])
    ).content.decode()
    assert f'data-fragment="{eigen.pk}"' in html
    assert "De gemeente belde niet." in html  # the text, yes
    assert html.count('<li id="fragment-') == 1  # but only the own coding in the list
    # Opening the text is in the access log, as the story page is.
    assert Inzage.objects.filter(
        gebruiker=codeurs[0], verhaal=verhaal, handeling=Handeling.VERHAAL_BEKEKEN
    ).exists()


def test_round_story_page_forbidden_to_non_coders(client, ronde, buitenstaander, onderzoeker):
    verhaal = ronde.verhalen.first()
    url = reverse("codeboek:ronde_verhaal", args=[ronde.pk, verhaal.pk])
    for user in (buitenstaander, onderzoeker):  # the setter-up is no coder here either
        client.logout()
        assert _als(client, user).get(url).status_code == 403
    json_url = reverse("codeboek:ronde_codering_nieuw_json", args=[ronde.pk, verhaal.pk])
    antwoord = client.post(json_url, {"start": 0, "eind": 5, "codes": []})
    assert antwoord.status_code == 403
    assert "geen codeur" in antwoord.json()["fouten"][0]


def test_a_coder_cannot_open_another_coders_coding(client, ronde, codeurs, vertrouwen):
    ander = _codeer(ronde, codeurs[1], vertrouwen, 17, 40)
    _als(client, codeurs[0])
    url = reverse("codeboek:ronde_codering_bewerken", args=[ronde.pk, ander.verhaal_id, ander.pk])
    assert client.get(url).status_code == 404
    url = reverse(
        "codeboek:ronde_codering_verwijderen_json", args=[ronde.pk, ander.verhaal_id, ander.pk]
    )
    assert client.post(url).status_code == 404
    assert Rondecodering.objects.filter(pk=ander.pk).exists()


def test_workspace_json_saves_a_round_coding_not_a_fragment(client, ronde, codeurs, vertrouwen):
    verhaal = ronde.verhalen.order_by("titel").first()
    _als(client, codeurs[0])
    url = reverse("codeboek:ronde_codering_nieuw_json", args=[ronde.pk, verhaal.pk])
    antwoord = client.post(
        url, {"start": 0, "eind": 16, "codes": [vertrouwen.pk], "memo": "eerste"}
    )
    assert antwoord.status_code == 201
    codering = Rondecodering.objects.get()
    assert (codering.codeur, codering.citaat) == (codeurs[0], "Ik wachtte lang.")
    assert f'data-fragment="{codering.pk}"' in antwoord.json()["lijst"]
    assert Fragment.objects.count() == 0


def test_open_round_page_shows_progress_not_codings(
    client, ronde, codeurs, vertrouwen, buitenstaander
):
    codering = _codeer(ronde, codeurs[0], vertrouwen, 0, 16)
    services.zet_klaar(ronde=ronde, verhaal=codering.verhaal, codeur=codeurs[0])
    _als(client, buitenstaander)
    html = client.get(ronde.get_absolute_url()).content.decode()
    assert "Ik wachtte lang." not in html
    assert "1 van 2" in html
    assert "Ronde sluiten" not in html
    assert client.get(reverse("codeboek:ronde_verschillen", args=[ronde.pk])).status_code == 403
    assert client.get(reverse("codeboek:ronde_csv", args=[ronde.pk])).status_code == 403


def test_only_who_set_it_up_may_close_by_post(client, ronde, codeurs, onderzoeker):
    _als(client, codeurs[0])
    assert client.post(reverse("codeboek:ronde_sluiten", args=[ronde.pk])).status_code == 403
    ronde.refresh_from_db()
    assert ronde.status == Rondestatus.OPEN
    client.logout()
    _als(client, onderzoeker)
    antwoord = client.post(reverse("codeboek:ronde_sluiten", args=[ronde.pk]))
    assert antwoord.status_code == 302
    ronde.refresh_from_db()
    assert ronde.status == Rondestatus.GESLOTEN


def _gesloten(ronde, codeurs, vertrouwen, onderzoeker):
    een = ronde.verhalen.order_by("titel").first()
    _codeer(ronde, codeurs[0], vertrouwen, 0, 30)  # sentences 0 and 1
    _codeer(ronde, codeurs[1], vertrouwen, 3, 10)  # sentence 0
    for codeur in codeurs:
        services.zet_klaar(ronde=ronde, verhaal=een, codeur=codeur)
    services.sluit_ronde(ronde=ronde, door=onderzoeker)
    ronde.refresh_from_db()
    return een


def test_closed_round_page_shows_the_agreement_table(
    client, ronde, codeurs, vertrouwen, onderzoeker, buitenstaander
):
    _gesloten(ronde, codeurs, vertrouwen, onderzoeker)
    _als(client, buitenstaander)
    html = client.get(ronde.get_absolute_url()).content.decode()
    vertrouwen_rij = ronde.uitkomst["codes"][1]
    assert vertrouwen_rij["naam"] == "vertrouwen"
    alfa = f"{vertrouwen_rij['alfa']:.3f}".replace(".", ",")
    assert f'<th scope="row">vertrouwen</th><td class="getal">{alfa}</td>' in html
    assert '<th scope="row">maatwerk</th><td class="getal">niet te berekenen</td>' in html
    assert "Elk verhaal is opgedeeld in zinnen" in html
    assert "Vanaf 0,800 gelden de codes als <em>betrouwbaar</em>" in html


def test_reliability_csv_has_one_column_per_coder(client, ronde, codeurs, vertrouwen, onderzoeker):
    een = _gesloten(ronde, codeurs, vertrouwen, onderzoeker)
    _als(client, onderzoeker)
    antwoord = client.get(reverse("codeboek:ronde_csv", args=[ronde.pk]))
    regels = (
        b"".join(antwoord.streaming_content if antwoord.streaming else [antwoord.content])
        .decode("utf-8-sig")
        .splitlines()
    )
    assert regels[0] == "code,verhaal,eenheid_begin,eenheid_einde,Codeur1,Codeur2"
    assert f"vertrouwen,{een.pk},0,16,1,1" in regels
    assert f"vertrouwen,{een.pk},17,40,1,0" in regels
    # The second story was not marked done by anyone: missing for both.
    assert any(r.startswith("vertrouwen,") and r.endswith(",,") for r in regels)


def test_the_reliability_csv_is_in_the_access_log(
    client, ronde, codeurs, vertrouwen, onderzoeker, buitenstaander
):
    _gesloten(ronde, codeurs, vertrouwen, onderzoeker)
    _als(client, buitenstaander)  # any researcher may download it, and is logged

    antwoord = client.get(reverse("codeboek:ronde_csv", args=[ronde.pk]))

    assert antwoord.status_code == 200
    rij = Inzage.objects.get()
    assert (rij.gebruiker, rij.handeling, rij.aantal, rij.onderwerp, rij.verhaal) == (
        buitenstaander,
        Handeling.RONDE_EXPORT,
        2,
        "Proefronde",
        None,
    )
    assert Inzage.objects.exports().count() == 1


def test_who_may_not_download_the_reliability_csv_leaves_no_log_row(
    client, ronde, codeurs, vertrouwen, onderzoeker, raadslid, coordinator
):
    url = reverse("codeboek:ronde_csv", args=[ronde.pk])
    _als(client, onderzoeker)
    assert client.get(url).status_code == 403  # an open round: nothing to download yet
    _gesloten(ronde, codeurs, vertrouwen, onderzoeker)
    for user in (raadslid, coordinator):
        client.logout()
        assert _als(client, user).get(url).status_code == 403
    client.logout()
    antwoord = client.get(url)
    assert antwoord.status_code == 302 and "/accounts/login/" in antwoord["Location"]
    assert not Inzage.objects.exists()


def test_settling_by_post_makes_a_fragment_and_logs_it(
    client, ronde, codeurs, vertrouwen, onderzoeker, buitenstaander
):
    een = _gesloten(ronde, codeurs, vertrouwen, onderzoeker)
    url = reverse("codeboek:ronde_verschillen", args=[ronde.pk])
    keuze = {
        "code": vertrouwen.pk,
        "verhaal": een.pk,
        "eenheid": 17,
        "keuze": "overnemen",
        "versie_van": codeurs[0].pk,
    }
    _als(client, buitenstaander)  # a researcher outside the round sees, may not settle
    html = client.get(url).content.decode()
    assert "Ik wachtte lang. De gemeente" in html  # codeur1's quote, now visible
    assert "Samenvoegen" not in html
    assert client.post(url, keuze).status_code == 403
    assert Fragment.objects.count() == 0
    client.logout()
    _als(client, codeurs[1])
    antwoord = client.post(url, keuze)
    assert antwoord.status_code == 302
    fragment = Fragment.objects.get()
    assert (fragment.start, fragment.eind, fragment.codeur) == (0, 30, codeurs[0])
    html = client.get(url).content.decode()
    assert "Beslist:</strong> versie van één codeur overgenomen (Codeur1), door Codeur2" in html
    antwoord = client.post(reverse("codeboek:ronde_afronden", args=[ronde.pk]))
    ronde.refresh_from_db()
    assert ronde.status == Rondestatus.BESLECHT


def _aantal_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_round_list_queries_do_not_grow(
    client, onderzoeker, codeurs, vertrouwen, django_assert_num_queries
):
    verhaal = VerhaalFactory()

    def maak():
        services.maak_ronde(
            titel="R", verhalen=[verhaal], codes=[vertrouwen], codeurs=codeurs, door=onderzoeker
        )

    maak()
    _als(client, onderzoeker)
    url = reverse("codeboek:rondes")
    een = _aantal_queries(client, url)
    maak()
    maak()
    with django_assert_num_queries(een):
        client.get(url)


def test_round_page_and_differences_queries_do_not_grow(
    client, onderzoeker, codeurs, vertrouwen, django_assert_num_queries
):
    verhalen = [VerhaalFactory(titel=f"V{i}", tekst=TEKST) for i in range(3)]

    def gesloten_ronde(aantal):
        ronde = services.maak_ronde(
            titel="R",
            verhalen=verhalen[:aantal],
            codes=[vertrouwen],
            codeurs=codeurs,
            door=onderzoeker,
        )
        for verhaal in verhalen[:aantal]:
            services.codeer(
                ronde=ronde,
                verhaal=verhaal,
                start=0,
                eind=16,
                codes=[vertrouwen],
                codeur=codeurs[0],
            )
            for codeur in codeurs:
                services.zet_klaar(ronde=ronde, verhaal=verhaal, codeur=codeur)
        return services.sluit_ronde(ronde=ronde, door=onderzoeker)

    klein, groot = gesloten_ronde(1), gesloten_ronde(3)
    _als(client, onderzoeker)
    for naam in ("ronde", "ronde_verschillen"):
        een = _aantal_queries(client, reverse(f"codeboek:{naam}", args=[klein.pk]))
        with django_assert_num_queries(een):
            html = client.get(reverse(f"codeboek:{naam}", args=[groot.pk])).content.decode()
        assert "V2" in html


def test_round_story_page_queries_do_not_grow_with_codings(
    client, ronde, codeurs, vertrouwen, maatwerk, django_assert_num_queries
):
    verhaal = ronde.verhalen.order_by("titel").first()
    url = reverse("codeboek:ronde_verhaal", args=[ronde.pk, verhaal.pk])
    _codeer(ronde, codeurs[0], vertrouwen, 0, 16)
    _als(client, codeurs[0])
    een = _aantal_queries(client, url)
    _codeer(ronde, codeurs[0], maatwerk, 17, 40)
    _codeer(ronde, codeurs[0], vertrouwen, 41, 64)
    with django_assert_num_queries(een):
        html = client.get(url).content.decode()
    assert html.count('<li id="fragment-') == 3
