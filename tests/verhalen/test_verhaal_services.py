"""Writes to stories: create, edit with version check, re-anchoring, withdraw,
erase (AVG) and restore."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from taggit.models import Tag

from kennisagenda.models import Thema
from tests.factories import ThemaFactory, UserFactory
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Fragment, Toestemming, Verhaal, Verwijderverzoek
from verhalen.services import verhalen as services
from verhalen.tekst.posities import dichtstbijzijnd_citaat

pytestmark = pytest.mark.django_db


def gegevens(**overrides):
    data = {
        "titel": "Wachten op de gemeente",
        "tekst": "Verzonnen voorbeeld.\r\nIk wachtte lang.",
        "samenvatting": "",
        "verteller_type": "bewoner",
        "pseudoniem": "Bewoner uit Zuid",
        "gemeente": "rotterdam",
        "verzamelwijze": "interview",
        "toestemming": Toestemming.ONDERZOEK,
    }
    data.update(overrides)
    return data


def test_maak_verhaal_stores_story_with_themes_and_one_creation_record(onderzoeker):
    vertrouwen = Thema.objects.get(slug="vertrouwen")

    verhaal = services.maak_verhaal(
        gegevens=gegevens(themas=[vertrouwen], trefwoorden=["wachtlijst"]), door=onderzoeker
    )

    verhaal.refresh_from_db()
    assert verhaal.tekst == "Verzonnen voorbeeld.\nIk wachtte lang."
    assert verhaal.versie == 1
    assert verhaal.verzameld_door == onderzoeker
    assert verhaal.toestemming_vastgelegd_door == onderzoeker
    assert verhaal.toestemming_datum == timezone.localdate()
    assert [t.slug for t in verhaal.themas.all()] == ["vertrouwen"]
    assert [t.name for t in verhaal.trefwoorden.all()] == ["wachtlijst"]
    records = list(verhaal.history.all())
    assert [(r.history_type, r.history_user) for r in records] == [("+", onderzoeker)]
    assert records[0].themas_snapshot == [{"id": vertrouwen.pk, "naam": "vertrouwen"}]


def test_maak_verhaal_validates_before_saving(onderzoeker):
    with pytest.raises(ValidationError) as fout:
        services.maak_verhaal(gegevens=gegevens(titel=""), door=onderzoeker)
    assert "titel" in fout.value.message_dict
    assert not Verhaal.objects.exists()


def test_wijzig_verhaal_raises_the_version_and_records_who(onderzoeker):
    verhaal = VerhaalFactory()
    collega = UserFactory(username="collega")

    bijgewerkt = services.wijzig_verhaal(
        verhaal=verhaal, gegevens={"titel": "Nieuwe titel"}, verwachte_versie=1, door=collega
    )

    assert (bijgewerkt.titel, bijgewerkt.versie) == ("Nieuwe titel", 2)
    laatste = bijgewerkt.history.first()
    assert (laatste.titel, laatste.versie, laatste.history_user) == ("Nieuwe titel", 2, collega)


def test_wijzig_verhaal_with_an_old_version_raises_conflict_and_writes_nothing(onderzoeker):
    verhaal = VerhaalFactory(titel="Origineel")
    services.wijzig_verhaal(
        verhaal=verhaal, gegevens={"titel": "Eerste"}, verwachte_versie=1, door=onderzoeker
    )

    with pytest.raises(services.VersieConflict) as conflict:
        services.wijzig_verhaal(
            verhaal=verhaal, gegevens={"titel": "Tweede"}, verwachte_versie=1, door=onderzoeker
        )

    assert conflict.value.verhaal.versie == 2
    verhaal.refresh_from_db()
    assert (verhaal.titel, verhaal.versie) == ("Eerste", 2)


def test_wijzig_verhaal_invalid_data_rolls_back_the_version(onderzoeker):
    verhaal = VerhaalFactory()
    with pytest.raises(ValidationError):
        services.wijzig_verhaal(
            verhaal=verhaal, gegevens={"titel": ""}, verwachte_versie=1, door=onderzoeker
        )
    verhaal.refresh_from_db()
    assert verhaal.versie == 1


def test_wijzig_verhaal_records_consent_change(onderzoeker):
    verhaal = VerhaalFactory(toestemming=Toestemming.ONDERZOEK)
    services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"toestemming": Toestemming.OPENBAAR},
        verwachte_versie=1,
        door=onderzoeker,
    )
    verhaal.refresh_from_db()
    assert verhaal.toestemming == Toestemming.OPENBAAR
    assert verhaal.toestemming_vastgelegd_door == onderzoeker
    assert verhaal.toestemming_datum == timezone.localdate()


# Re-anchoring -----------------------------------------------------------


@pytest.mark.parametrize(
    "tekst, citaat, oude_start, verwacht",
    [
        ("aaa wachten bbb wachten ccc", "wachten", 15, (16, 23)),
        ("aaa wachten bbb wachten ccc", "wachten", 2, (4, 11)),
        ("lang\nwachten op hulp", "lang wachten", 0, (0, 12)),
        ("iets heel anders", "wachten", 0, None),
        ("tekst", "", 0, None),
    ],
)
def test_zoek_citaat_finds_the_nearest_occurrence(tekst, citaat, oude_start, verwacht):
    assert dichtstbijzijnd_citaat(tekst, citaat, oude_start) == verwacht


def test_text_edit_reanchors_fragments_and_flags_the_lost_ones(onderzoeker):
    verhaal = VerhaalFactory(tekst="Ik wachtte lang. Toen kwam er hulp. Het was koud.")
    blijft = FragmentFactory(verhaal=verhaal, start=0, eind=16)  # "Ik wachtte lang."
    verschuift = FragmentFactory(verhaal=verhaal, start=17, eind=35)  # "Toen kwam er hulp."
    verdwijnt = FragmentFactory(verhaal=verhaal, start=36, eind=49)  # "Het was koud."

    services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"tekst": "Ik wachtte lang. Dat was zwaar. Toen kwam er hulp."},
        verwachte_versie=1,
        door=onderzoeker,
    )

    blijft.refresh_from_db()
    verschuift.refresh_from_db()
    verdwijnt.refresh_from_db()
    assert (blijft.start, blijft.eind, blijft.moet_herzien) == (0, 16, False)
    assert (verschuift.start, verschuift.eind, verschuift.moet_herzien) == (32, 50, False)
    assert verschuift.citaat == "Toen kwam er hulp."
    assert verdwijnt.moet_herzien is True
    assert verdwijnt.citaat == "Het was koud."
    assert Fragment.objects.filter(verhaal=verhaal).count() == 3
    assert verschuift.history.first().history_change_reason == "Opnieuw verankerd na tekstwijziging"


def test_flagged_fragment_is_cleared_when_its_quote_returns(onderzoeker):
    verhaal = VerhaalFactory(tekst="Het was koud in huis.")
    fragment = FragmentFactory(verhaal=verhaal, start=0, eind=13)
    services.wijzig_verhaal(
        verhaal=verhaal, gegevens={"tekst": "Iets anders."}, verwachte_versie=1, door=onderzoeker
    )
    fragment.refresh_from_db()
    assert fragment.moet_herzien is True

    services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"tekst": "Nu weer: Het was koud in huis."},
        verwachte_versie=2,
        door=onderzoeker,
    )

    fragment.refresh_from_db()
    assert (fragment.start, fragment.eind, fragment.moet_herzien) == (9, 22, False)


# Withdrawal and erasure ---------------------------------------------------


def test_trek_toestemming_in_hides_the_story_everywhere(onderzoeker):
    verhaal = VerhaalFactory(toestemming=Toestemming.OPENBAAR)
    FragmentFactory(verhaal=verhaal)

    services.trek_toestemming_in(verhaal=verhaal, door=onderzoeker)

    verhaal.refresh_from_db()
    assert verhaal.toestemming == Toestemming.INGETROKKEN
    assert verhaal.toestemming_vastgelegd_door == onderzoeker
    assert verhaal.versie == 2
    assert list(Verhaal.objects.zichtbaar_voor(onderzoeker)) == []
    assert list(Verhaal.objects.zichtbaar_voor(None)) == []
    assert list(Fragment.objects.zichtbaar_voor(onderzoeker)) == []
    assert verhaal.history.first().history_change_reason == "Toestemming ingetrokken"


def test_wis_verhaal_removes_content_also_from_history(onderzoeker):
    thema = ThemaFactory()
    verhaal = VerhaalFactory(
        titel="Het verhaal van A.",
        tekst="Geheime tekst met details.",
        samenvatting="Geheime samenvatting",
        pseudoniem="A.",
        themas=[thema],
        trefwoorden=["geheim"],
    )
    fragment = FragmentFactory(verhaal=verhaal, start=0, eind=14, codes=[thema], memo="Notitie")
    services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"tekst": "Geheime tekst met nog meer details."},
        verwachte_versie=1,
        door=onderzoeker,
    )

    verzoek = services.wis_verhaal(verhaal=verhaal, door=onderzoeker, kenmerk="AVG-2024-7")

    verhaal.refresh_from_db()
    fragment.refresh_from_db()
    assert (verhaal.titel, verhaal.tekst, verhaal.samenvatting, verhaal.pseudoniem) == (
        "Gewist verhaal",
        "",
        "",
        "",
    )
    assert list(verhaal.trefwoorden.all()) == []
    assert not Tag.objects.filter(name="geheim").exists()
    assert [t.pk for t in verhaal.themas.all()] == [thema.pk]
    assert verhaal.toestemming == Toestemming.INGETROKKEN
    assert verhaal.gewist_op is not None
    assert (fragment.citaat, fragment.memo) == ("", "")
    for record in verhaal.history.all():
        assert (record.titel, record.tekst, record.samenvatting, record.pseudoniem) == (
            "Gewist verhaal",
            "",
            "",
            "",
        )
        assert record.trefwoorden_snapshot == []
    assert set(Fragment.history.filter(id=fragment.pk).values_list("citaat", "memo")) == {("", "")}
    assert Verwijderverzoek.objects.get() == verzoek
    assert (verzoek.verhaal_nummer, verzoek.uitgevoerd_door, verzoek.kenmerk) == (
        verhaal.pk,
        onderzoeker,
        "AVG-2024-7",
    )


def test_erased_story_cannot_be_edited(onderzoeker):
    verhaal = VerhaalFactory()
    services.wis_verhaal(verhaal=verhaal, door=onderzoeker)
    verhaal.refresh_from_db()
    with pytest.raises(services.VerhaalGewist):
        services.wijzig_verhaal(
            verhaal=verhaal, gegevens={"titel": "Terug"}, verwachte_versie=verhaal.versie,
            door=onderzoeker,
        )  # fmt: skip


# Restore --------------------------------------------------------------------


def test_herstel_versie_brings_back_text_and_themes_but_not_consent(onderzoeker):
    eerst, later = (
        ThemaFactory(name="eerst", slug="eerst"),
        ThemaFactory(name="later", slug="later"),
    )
    verhaal = services.maak_verhaal(
        gegevens=gegevens(tekst="Eerste tekst.", themas=[eerst]), door=onderzoeker
    )
    eerste_versie = verhaal.history.get(versie=1)
    services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"tekst": "Tweede tekst.", "themas": [later], "toestemming": "openbaar"},
        verwachte_versie=1,
        door=onderzoeker,
    )

    hersteld = services.herstel_versie(
        verhaal=verhaal,
        history_id=eerste_versie.history_id,
        verwachte_versie=2,
        door=onderzoeker,
    )

    assert hersteld.tekst == "Eerste tekst."
    assert [t.slug for t in hersteld.themas.all()] == ["eerst"]
    assert hersteld.toestemming == "openbaar"
    assert hersteld.versie == 3
    laatste = hersteld.history.first()
    assert laatste.history_change_reason.startswith("Versie 1 van ")
    assert laatste.history_change_reason.endswith(" hersteld")
    assert hersteld.history.count() == 3


def test_herstel_versie_checks_the_version(onderzoeker):
    verhaal = VerhaalFactory()
    eerste = verhaal.history.last()
    services.wijzig_verhaal(
        verhaal=verhaal, gegevens={"titel": "Anders"}, verwachte_versie=1, door=onderzoeker
    )
    with pytest.raises(services.VersieConflict):
        services.herstel_versie(
            verhaal=verhaal, history_id=eerste.history_id, verwachte_versie=1, door=onderzoeker
        )


def test_wis_verhaal_also_erases_curator_notes_in_collections(onderzoeker):
    from tests.verhalen.factories_collecties import CollectieItemFactory
    from verhalen.models import CollectieItem

    verhaal = VerhaalFactory(toestemming=Toestemming.OPENBAAR)
    item = CollectieItemFactory(
        verhaal=verhaal, notitie="Zij zei letterlijk: ik woon in Crooswijk."
    )
    andere = CollectieItemFactory(notitie="Deze notitie blijft staan.")
    item.notitie = "Zij zei letterlijk: ik woon in Crooswijk, bij de kerk."
    item.save()

    services.wis_verhaal(verhaal=verhaal, door=onderzoeker)

    item.refresh_from_db()
    assert item.notitie == ""
    assert set(CollectieItem.history.filter(id=item.pk).values_list("notitie", flat=True)) == {""}
    andere.refresh_from_db()
    assert andere.notitie == "Deze notitie blijft staan."


def test_wis_verhaal_keeps_a_keyword_other_stories_still_use(onderzoeker):
    verhaal = VerhaalFactory(trefwoorden=["schulden", "eigen-naam"])
    ander = VerhaalFactory(trefwoorden=["schulden"])

    services.wis_verhaal(verhaal=verhaal, door=onderzoeker)

    assert set(Tag.objects.values_list("name", flat=True)) == {"schulden"}
    assert [tag.name for tag in ander.trefwoorden.all()] == ["schulden"]
