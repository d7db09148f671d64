"""Writing a memo and filling a research attribute in real Chromium, without
our scripts needing to run (plain forms)."""

from playwright.sync_api import expect

from kennisagenda import roles
from tests.browser.axe_controle import ernstige_overtredingen
from tests.factories import UserFactory
from tests.verhalen.factories import KenmerkFactory, VerhaalFactory
from verhalen.models import KenmerkWaarde, Memo


def test_researcher_writes_a_memo_after_the_privacy_warning_and_fills_an_attribute(
    page, live_server, login
):
    onderzoeker = UserFactory(username="olga", first_name="Olga", role=roles.ONDERZOEKER)
    verhaal = VerhaalFactory(titel="Wachten op de gemeente")
    KenmerkFactory(naam="Levensdomein", slug="levensdomein", keuzes=["wonen", "werk", "zorg"])
    page = login(onderzoeker)
    page.goto(f"{live_server.url}{verhaal.get_absolute_url()}")

    page.get_by_role("link", name="Memo schrijven bij dit verhaal").click()
    page.get_by_label("Titel").fill("Rode draad")
    page.get_by_label("Memo (verplicht)").fill("Mevrouw noemde haar nummer 06-12345678.")
    page.get_by_role("button", name="Memo opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Let op: dit lijkt op persoonsgegevens")
    assert not Memo.objects.exists()
    page.get_by_label("Memo (verplicht)").fill("Het **wachten** komt steeds terug.")
    page.get_by_role("button", name="Opnieuw controleren en opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rode draad")
    assert ernstige_overtredingen(page) == []
    page.screenshot(path="/tmp/memo-detail.png")

    page.goto(f"{live_server.url}{verhaal.get_absolute_url()}")
    expect(page.locator(".memos strong")).to_have_text("wachten")

    page.goto(f"{live_server.url}/verhalen/")
    page.get_by_label(f"Kies “{verhaal.titel}”").check()
    page.get_by_label("Kenmerk (verplicht)").select_option("levensdomein")
    page.get_by_label("Waarde").fill("werk")
    page.get_by_role("button", name="Kenmerk zetten").click()
    expect(page.locator(".messages")).to_contain_text("Levensdomein op “werk” gezet voor 1 verhaal")
    page.screenshot(path="/tmp/kenmerk-zetten.png")
    assert list(KenmerkWaarde.objects.values_list("verhaal_id", "tekst")) == [(verhaal.pk, "werk")]
    memo = Memo.objects.get()
    assert (memo.verhaal, memo.auteur, memo.titel) == (verhaal, onderzoeker, "Rode draad")
