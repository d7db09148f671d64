"""Browser journeys for stories: entering one (privacy warning), two
researchers editing at once (conflict), restoring from history, and the
accessibility of the story pages."""

import pytest
from playwright.sync_api import expect

from kennisagenda import roles
from tests.browser.axe_controle import ernstige_overtredingen
from tests.factories import DEFAULT_PASSWORD, ThemaFactory, UserFactory
from tests.helpers import app_device, pass_second_step
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Verhaal
from verhalen.services import verhalen as services


@pytest.fixture
def olga(db):
    return UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)


@pytest.fixture
def themas(db):
    """The themes these journeys use (made by a data migration; matched on slug,
    so this also works when a transactional test flushed the migration data)."""
    return {
        slug: ThemaFactory(name=slug, slug=slug, is_kennisagenda=True)
        for slug in ("vertrouwen", "bestaanszekerheid")
    }


def inloggen(page, live_server, user):
    app_device(user)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    pass_second_step(page, user)


def test_entering_a_story_warns_about_personal_data_then_saves(
    page, live_server, login, olga, themas
):
    login(olga)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Verhalen").click()
    page.get_by_role("link", name="Nieuw verhaal invoeren").click()
    assert ernstige_overtredingen(page) == []

    page.get_by_label("Titel").fill("Wachten op de brief")
    page.get_by_label("Verhaal (verplicht)").fill(
        "Verzonnen voorbeeld.\nIk belde 06-12345678 maar niemand nam op."
    )
    page.get_by_label("Schuilnaam").fill("Moeder uit Zuid")
    page.get_by_label("Vertrouwen", exact=True).check()
    page.get_by_label("Ook Brede Raad 010").check()
    page.get_by_role("button", name="Verhaal opslaan").click()

    waarschuwing = page.get_by_role("alert").filter(has_text="persoonsgegevens")
    expect(waarschuwing).to_contain_text("Let op: dit lijkt op persoonsgegevens")
    expect(waarschuwing.locator("mark.privacy-vondst").first).to_have_text("06-12345678")
    assert Verhaal.objects.count() == 0
    # Nothing typed is lost.
    expect(page.get_by_label("Titel")).to_have_value("Wachten op de brief")
    expect(page.get_by_label("Vertrouwen", exact=True)).to_be_checked()
    expect(page.get_by_label("Ook Brede Raad 010")).to_be_checked()
    assert ernstige_overtredingen(page) == []

    page.get_by_role("button", name="Toch opslaan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Wachten op de brief")
    expect(page.locator("#verhaaltekst")).to_contain_text("Ik belde 06-12345678")
    verhaal = Verhaal.objects.get()
    assert verhaal.toestemming == "brede_raad"
    assert [t.slug for t in verhaal.themas.all()] == ["vertrouwen"]
    assert verhaal.tekst == "Verzonnen voorbeeld.\nIk belde 06-12345678 maar niemand nam op."


def test_fixing_the_text_after_the_warning_saves_without_confirmation(
    page, live_server, login, olga
):
    login(olga)
    page.goto(f"{live_server.url}/verhalen/nieuw/")
    page.get_by_label("Titel").fill("Een brief")
    page.get_by_label("Verhaal (verplicht)").fill("Mail mij op iemand@example.nl graag.")
    page.get_by_role("button", name="Verhaal opslaan").click()
    expect(page.get_by_role("alert").filter(has_text="persoonsgegevens")).to_be_visible()

    page.get_by_label("Verhaal (verplicht)").fill("Mail mij op [e-mailadres] graag.")
    page.get_by_role("button", name="Opnieuw controleren en opslaan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Een brief")
    assert Verhaal.objects.get().tekst == "Mail mij op [e-mailadres] graag."


def test_pseudonym_that_looks_like_a_real_name_is_refused(page, live_server, login, olga):
    login(olga)
    page.goto(f"{live_server.url}/verhalen/nieuw/")
    page.get_by_label("Titel").fill("Een verhaal")
    page.get_by_label("Verhaal (verplicht)").fill("Een verzonnen voorbeeld.")
    page.get_by_label("Schuilnaam").fill("Jan de Vries")
    page.get_by_role("button", name="Verhaal opslaan").click()
    expect(page.locator("#id_pseudoniem_error")).to_contain_text("Dit lijkt op een echte naam")
    expect(page.get_by_label("Verhaal (verplicht)")).to_have_value("Een verzonnen voorbeeld.")


def test_two_researchers_editing_at_once_get_a_conflict_not_a_silent_overwrite(
    browser, live_server, olga
):
    piet = UserFactory(username="piet", first_name="Piet", role=roles.ONDERZOEKER)
    verhaal = VerhaalFactory(titel="Origineel", samenvatting="Oude samenvatting")
    url = f"{live_server.url}/verhalen/{verhaal.pk}/bewerken/"
    context_olga, context_piet = browser.new_context(), browser.new_context()
    pagina_olga, pagina_piet = context_olga.new_page(), context_piet.new_page()
    try:
        inloggen(pagina_olga, live_server, olga)
        inloggen(pagina_piet, live_server, piet)
        pagina_olga.goto(url)
        pagina_piet.goto(url)

        pagina_piet.get_by_label("Titel").fill("Aangepaste titel")
        pagina_piet.get_by_role("button", name="Wijzigingen opslaan").click()
        expect(pagina_piet.get_by_role("heading", level=1)).to_have_text("Aangepaste titel")

        pagina_olga.get_by_label("Samenvatting").fill("Een betere samenvatting")
        pagina_olga.get_by_role("button", name="Wijzigingen opslaan").click()

        conflict = pagina_olga.locator("#conflict")
        expect(conflict).to_contain_text("Iemand anders heeft dit verhaal intussen gewijzigd")
        expect(conflict).to_contain_text("Piet heeft dit verhaal op ")
        rij = conflict.get_by_role("row", name="Titel")
        expect(rij).to_contain_text("Origineel")
        expect(rij).to_contain_text("Aangepaste titel")
        expect(pagina_olga.get_by_label("Samenvatting")).to_have_value("Een betere samenvatting")
        verhaal.refresh_from_db()
        assert (verhaal.titel, verhaal.samenvatting) == ("Aangepaste titel", "Oude samenvatting")
        assert ernstige_overtredingen(pagina_olga) == []

        # Olga takes over Piet's title and saves again.
        pagina_olga.get_by_label("Titel").fill("Aangepaste titel")
        pagina_olga.get_by_role("button", name="Wijzigingen opslaan").click()
        expect(pagina_olga.get_by_role("heading", level=1)).to_have_text("Aangepaste titel")
        verhaal.refresh_from_db()
        assert (verhaal.titel, verhaal.samenvatting, verhaal.versie) == (
            "Aangepaste titel",
            "Een betere samenvatting",
            3,
        )
    finally:
        context_olga.close()
        context_piet.close()


def test_restoring_an_earlier_version_from_history(page, live_server, login, olga, themas):
    verhaal = services.maak_verhaal(
        gegevens={
            "titel": "Eerste versie",
            "tekst": "Het was koud in huis. Toen kwam er hulp.",
            "verteller_type": "bewoner",
            "gemeente": "rotterdam",
            "verzamelwijze": "interview",
            "themas": [themas["bestaanszekerheid"]],
        },
        door=olga,
    )
    FragmentFactory(verhaal=verhaal, start=0, eind=21)
    services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"titel": "Tweede versie", "tekst": "Toen kwam er hulp."},
        verwachte_versie=1,
        door=olga,
    )
    login(olga)
    page.goto(f"{live_server.url}{verhaal.get_absolute_url()}")
    melding = page.locator(".melding--waarschuwing")
    expect(melding).to_contain_text("1 fragment moet herzien worden")
    page.get_by_role("link", name="Geschiedenis").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Geschiedenis van “Tweede versie”")
    assert ernstige_overtredingen(page) == []

    page.get_by_role("button", name="Herstel deze versie (1 van").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Eerste versie")
    expect(page.locator("#verhaaltekst")).to_contain_text("Het was koud in huis.")
    expect(melding).to_have_count(0)  # the fragment is found again
    page.get_by_role("link", name="Geschiedenis").click()
    expect(page.locator(".versie").first).to_contain_text("Versie 3 (huidige versie)")
    expect(page.locator(".versie").first).to_contain_text("Versie 1 van")


def test_story_list_search_and_filter_are_accessible(page, live_server, login, olga):
    VerhaalFactory(titel="Over de huur", tekst="De huur was te hoog.")
    VerhaalFactory(titel="Over werk", tekst="Twee banen.")
    login(olga)
    page.goto(f"{live_server.url}/verhalen/")
    assert ernstige_overtredingen(page) == []
    page.get_by_label("Zoek in de verhalen").fill("huur")
    page.get_by_role("button", name="Toon verhalen").click()
    expect(page.locator("#resultaten")).to_have_text("1 verhaal met “huur”")
    expect(page.locator(".verhaal-item__fragment mark").first).to_have_text("huur")
    assert ernstige_overtredingen(page) == []
