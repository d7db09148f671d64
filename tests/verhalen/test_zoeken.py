"""Full-text search (verhalen/selectors/search.py) on SQLite and PostgreSQL."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from tests.factories import UserFactory
from tests.verhalen.factories import VerhaalFactory
from verhalen.models import Verhaal
from verhalen.selectors import search
from verhalen.services.verhalen import wis_verhaal

pytestmark = pytest.mark.django_db

postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL-only: Dutch full-text search"
)


def titels(queryset):
    return [verhaal.titel for verhaal in queryset]


def test_zoek_finds_words_in_title_summary_and_text():
    VerhaalFactory(titel="Over de huur", tekst="Niets bijzonders.", samenvatting="")
    VerhaalFactory(titel="Iets anders", tekst="De huur was te hoog.", samenvatting="")
    VerhaalFactory(titel="Nog iets", tekst="Geen geld.", samenvatting="Huur en schulden.")
    VerhaalFactory(titel="Los", tekst="Over werk.", samenvatting="")

    gevonden = search.zoek(Verhaal.objects.all(), "huur")

    assert set(titels(gevonden)) == {"Over de huur", "Iets anders", "Nog iets"}
    assert titels(gevonden)[0] == "Over de huur"  # title hits rank first


def test_zoek_requires_every_word():
    VerhaalFactory(titel="A", tekst="De huur en de schulden.")
    VerhaalFactory(titel="B", tekst="Alleen de huur.")
    assert titels(search.zoek(Verhaal.objects.all(), "huur schulden")) == ["A"]


def test_zoek_with_empty_term_changes_nothing():
    VerhaalFactory.create_batch(2)
    assert search.zoek(Verhaal.objects.all(), "   ").count() == 2


def test_zoek_respects_the_queryset_it_is_given():
    VerhaalFactory(titel="Zichtbaar", tekst="wachten op hulp", toestemming="openbaar")
    VerhaalFactory(titel="Verborgen", tekst="wachten op hulp", toestemming="ingetrokken")
    gevonden = search.zoek(Verhaal.objects.zichtbaar_voor(None), "wachten")
    assert titels(gevonden) == ["Zichtbaar"]


def test_fragment_html_marks_hits_and_escapes_the_text():
    VerhaalFactory(titel="X", tekst="Ik schreef <script>alert(1)</script> en wachtte op de huur.")
    verhaal = search.zoek(Verhaal.objects.all(), "huur").get()
    html = search.fragment_html(verhaal, "huur")
    assert "<mark>huur</mark>" in html
    assert "<script>" not in html  # escaped (SQLite) or stripped (PostgreSQL headline)
    assert "alert(1)" in html


def test_fragment_html_without_search_is_empty():
    verhaal = VerhaalFactory()
    assert search.fragment_html(verhaal, "") == ""


def test_list_shows_search_snippet_with_highlight(onderzoeker_client):
    VerhaalFactory(titel="Loketten", tekst="Ik ging langs drie loketten voor één vraag.")
    response = onderzoeker_client.get(reverse("verhalen:list"), {"q": "loketten"})
    html = response.content.decode()
    assert "1 verhaal met “loketten”" in html
    assert "<mark>loketten</mark>" in html


@pytest.mark.postgres
@postgres
def test_postgres_dutch_stemming_finds_related_word_forms():
    VerhaalFactory(titel="Brieven", tekst="Ik ben wantrouwend geworden na al die brieven.")
    VerhaalFactory(titel="Anders", tekst="Het ging over de huur.")
    assert titels(search.zoek(Verhaal.objects.all(), "wantrouwen")) == ["Brieven"]


@pytest.mark.postgres
@postgres
def test_postgres_ranks_title_above_text_and_highlights():
    VerhaalFactory(titel="Over schulden", tekst="Een verhaal.", samenvatting="")
    VerhaalFactory(titel="Iets", tekst="Ook hier speelden schulden een rol.", samenvatting="")
    gevonden = list(search.zoek(Verhaal.objects.all(), "schulden"))
    assert [v.titel for v in gevonden] == ["Over schulden", "Iets"]
    assert "<mark>schulden</mark>" in search.fragment_html(gevonden[1], "schulden")


@pytest.mark.postgres
@postgres
def test_postgres_vector_is_kept_up_to_date_on_every_write_path():
    verhaal = VerhaalFactory(tekst="Over de huur.")
    Verhaal.objects.filter(pk=verhaal.pk).update(tekst="Over de wachtlijst.")  # bulk path
    assert titels(search.zoek(Verhaal.objects.all(), "wachtlijst")) == [verhaal.titel]
    assert titels(search.zoek(Verhaal.objects.all(), "huur")) == []

    Verhaal.objects.bulk_create([Verhaal(titel="Bulk", tekst="Een gesprek over mantelzorg.")])
    assert titels(search.zoek(Verhaal.objects.all(), "mantelzorg")) == ["Bulk"]


@pytest.mark.postgres
@postgres
def test_postgres_search_uses_the_gin_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'verhalen_verhaal_zoekvector_gin'"
        )
        (definitie,) = cursor.fetchone()
    assert "USING gin (zoekvector)" in definitie


# (typed in the search box, as it stands in the story): plurals, diminutive-
# free irregular plurals, verb forms. Each pair is searched both ways where
# the reverse is a different word form.
WOORDVORMEN = [
    ("brieven", "brief"),
    ("brief", "brieven"),
    ("huizen", "huis"),
    ("huis", "huizen"),
    ("wantrouwen", "wantrouwend"),
    ("kinderen", "kind"),
    ("kind", "kinderen"),
    ("steden", "stad"),
    ("stad", "steden"),
    ("gemeenten", "gemeente"),
    ("afspraken", "afspraak"),
    ("afspraak", "afspraken"),
    ("toeslagen", "toeslag"),
    ("schulden", "schuld"),
    ("schuld", "schulden"),
    ("loketten", "loket"),
    ("vrouwen", "vrouw"),
    ("dagen", "dag"),
    ("jaren", "jaar"),
    ("weken", "week"),
    ("woningen", "woning"),
    ("gesprekken", "gesprek"),
    ("formulieren", "formulier"),
    ("problemen", "probleem"),
    ("uitkeringen", "uitkering"),
    ("liep", "lopen"),
    ("lopen", "liep"),
    ("gelopen", "liep"),
    ("schreef", "schrijven"),
    ("schrijven", "schreef"),
    ("kreeg", "krijgen"),
    ("gekregen", "kreeg"),
    ("woonde", "wonen"),
    ("betaalde", "betalen"),
]


@pytest.mark.parametrize(("zoekwoord", "in_tekst"), WOORDVORMEN)
def test_zoek_finds_other_dutch_word_forms(zoekwoord, in_tekst):
    VerhaalFactory(titel="Gevonden", tekst=f"Een voorbeeld: {in_tekst}, zei ze toen.")
    VerhaalFactory(titel="Anders", tekst="Een voorbeeld over iets heel anders.")

    gevonden = search.zoek(Verhaal.objects.all(), zoekwoord)

    assert titels(gevonden) == ["Gevonden"]
    assert f"<mark>{in_tekst}</mark>" in search.fragment_html(gevonden[0], zoekwoord)


def test_zoek_with_several_word_forms_needs_each_of_them():
    VerhaalFactory(titel="Beide", tekst="Na de brieven zochten we andere huizen.")
    VerhaalFactory(titel="Een", tekst="Alleen een brief.")
    assert titels(search.zoek(Verhaal.objects.all(), "brief huis")) == ["Beide"]


def test_fragment_html_shows_the_words_as_written_around_the_first_hit():
    begin = "Een lange inleiding zonder het woord. " * 10
    VerhaalFactory(tekst=f"{begin}Toen kwamen de Brieven, en nog meer brieven.")
    verhaal = search.zoek(Verhaal.objects.all(), "brief").get()

    html = search.fragment_html(verhaal, "brief")

    assert html.startswith("… ")
    assert html.endswith("Toen kwamen de <mark>Brieven</mark>, en nog meer <mark>brieven</mark>.")


def test_save_keeps_the_lemmas_up_to_date_and_erasure_removes_them():
    verhaal = VerhaalFactory(titel="Post", tekst="Er kwamen brieven.", samenvatting="")
    assert verhaal.zoeklemmas == "brief komen"

    verhaal.tekst = "Over de huizen."
    verhaal.save()
    assert Verhaal.objects.get(pk=verhaal.pk).zoeklemmas == "huis"
    assert titels(search.zoek(Verhaal.objects.all(), "brief")) == []
    assert titels(search.zoek(Verhaal.objects.all(), "huis")) == ["Post"]

    wis_verhaal(verhaal=verhaal, door=UserFactory())
    assert Verhaal.objects.get(pk=verhaal.pk).zoeklemmas == "wissen"  # of "Gewist verhaal"


def test_migration_reindexes_existing_stories():
    VerhaalFactory(titel="Oud", tekst="Over de huizen in de straat.")
    Verhaal.objects.update(zoeklemmas="")  # as before the migration
    assert titels(search.zoek(Verhaal.objects.all(), "huis")) == []

    migratie = importlib.import_module("verhalen.migrations.0008_zoeklemmas")
    # What RunPython hands over (a schema editor cannot open inside a test's
    # transaction on SQLite): the connection and a way to execute SQL.
    schema_editor = SimpleNamespace(connection=connection, execute=connection.cursor().execute)
    migratie.herindexeer(apps, schema_editor)

    assert titels(search.zoek(Verhaal.objects.all(), "huis")) == ["Oud"]


def test_list_finds_plural_and_marks_it_as_written(onderzoeker_client):
    VerhaalFactory(titel="Post", tekst="Drie brieven op één dag.")
    html = onderzoeker_client.get(reverse("verhalen:list"), {"q": "brief"}).content.decode()
    assert "1 verhaal met “brief”" in html
    assert "<mark>brieven</mark>" in html
