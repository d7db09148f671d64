"""Keeping the codebook: sub-codes, renames, moves and merges (verhalen/services/codering.py)."""

import pytest
from django.core.exceptions import ValidationError

from kennisagenda.models import Thema
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Fragment, FragmentThema, Toestemming, Verhaal
from verhalen.services import codering as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def wantrouwen(vertrouwen, onderzoeker):
    return services.maak_subcode(naam="wantrouwen", parent=vertrouwen, door=onderzoeker)


@pytest.fixture
def argwaan(vertrouwen, onderzoeker):
    return services.maak_subcode(naam="argwaan", parent=vertrouwen, door=onderzoeker)


def _codes(fragment):
    return sorted(fragment.codes.values_list("name", flat=True))


def test_maak_subcode_gives_unique_slug_inherits_colour_and_records_history(
    vertrouwen, onderzoeker
):
    eerste = services.maak_subcode(naam="Wachten op antwoord", parent=vertrouwen, door=onderzoeker)
    tweede = services.maak_subcode(
        naam="Wachten: op antwoord!", parent=vertrouwen, door=onderzoeker
    )

    assert (eerste.slug, tweede.slug) == ("wachten-op-antwoord", "wachten-op-antwoord-2")
    assert eerste.parent == vertrouwen
    assert eerste.kleur == vertrouwen.kleur
    versie = eerste.history.get()
    assert (versie.history_user, versie.history_change_reason) == (
        onderzoeker,
        "Subcode van 'vertrouwen' toegevoegd",
    )


def test_maak_subcode_avoids_the_codebook_own_paths(vertrouwen, onderzoeker):
    assert (
        services.maak_subcode(naam="Matrix", parent=vertrouwen, door=onderzoeker).slug == "matrix-2"
    )


def test_wijzig_code_renames_keeps_slug_and_records_old_name(wantrouwen, onderzoeker):
    services.wijzig_code(code=wantrouwen, door=onderzoeker, name="achterdocht")

    wantrouwen.refresh_from_db()
    assert (wantrouwen.name, wantrouwen.slug) == ("achterdocht", "wantrouwen")
    assert wantrouwen.history.first().history_change_reason == "Hernoemd van 'wantrouwen'"


def test_wijzig_code_refuses_to_rename_a_kennisagenda_theme(vertrouwen, onderzoeker):
    with pytest.raises(ValidationError):
        services.wijzig_code(code=vertrouwen, door=onderzoeker, name="iets anders")
    vertrouwen.refresh_from_db()
    assert vertrouwen.name == "vertrouwen"


def test_verplaats_code_keeps_fragments_and_refuses_cycles(wantrouwen, maatwerk, onderzoeker):
    fragment = FragmentFactory(codes=[wantrouwen])
    onder = services.maak_subcode(naam="diep", parent=wantrouwen, door=onderzoeker)

    services.verplaats_code(code=wantrouwen, parent=maatwerk, door=onderzoeker)

    wantrouwen.refresh_from_db()
    assert wantrouwen.parent == maatwerk
    assert _codes(fragment) == ["wantrouwen"]
    assert wantrouwen.history.first().history_change_reason == (
        "Verplaatst van 'vertrouwen' naar 'maatwerk'"
    )
    with pytest.raises(ValidationError):
        services.verplaats_code(code=wantrouwen, parent=onder, door=onderzoeker)


def test_voeg_codes_samen_loses_and_duplicates_no_fragment(
    wantrouwen, argwaan, maatwerk, onderzoeker
):
    verhaal = VerhaalFactory(themas=[argwaan])
    alleen_bron = FragmentFactory(verhaal=verhaal, start=0, eind=10, codes=[argwaan])
    beide = FragmentFactory(
        verhaal=verhaal, start=5, eind=30, codes=[argwaan, wantrouwen, maatwerk]
    )
    alleen_doel = FragmentFactory(verhaal=verhaal, start=8, eind=20, codes=[wantrouwen])
    ingetrokken = FragmentFactory(
        verhaal=VerhaalFactory(toestemming=Toestemming.INGETROKKEN), codes=[argwaan]
    )
    onder_bron = services.maak_subcode(naam="stil wantrouwen", parent=argwaan, door=onderzoeker)
    fragmenten_voor = set(Fragment.objects.values_list("pk", flat=True))
    argwaan_pk = argwaan.pk

    uitkomst = services.voeg_codes_samen(bron=argwaan, doel=wantrouwen, door=onderzoeker)

    assert set(Fragment.objects.values_list("pk", flat=True)) == fragmenten_voor
    assert _codes(alleen_bron) == ["wantrouwen"]
    assert _codes(beide) == ["maatwerk", "wantrouwen"]
    assert _codes(alleen_doel) == ["wantrouwen"]
    assert _codes(ingetrokken) == ["wantrouwen"]
    assert FragmentThema.objects.filter(tag=wantrouwen).count() == 4
    assert not Thema.objects.filter(pk=argwaan_pk).exists()
    assert list(verhaal.themas.values_list("name", flat=True)) == ["wantrouwen"]
    onder_bron.refresh_from_db()
    assert onder_bron.parent == wantrouwen
    assert uitkomst == services.Samenvoeging(
        fragmenten=3, al_gecodeerd=1, overige_koppelingen=1, subcodes=1
    )


def test_voeg_codes_samen_records_everything_in_history(wantrouwen, argwaan, onderzoeker):
    fragment = FragmentFactory(codes=[argwaan])
    argwaan_pk = argwaan.pk
    reden = "Code 'argwaan' samengevoegd met 'wantrouwen'"

    services.voeg_codes_samen(bron=argwaan, doel=wantrouwen, door=onderzoeker)

    versie = fragment.history.first()
    assert (versie.history_user, versie.history_change_reason) == (onderzoeker, reden)
    assert [label["naam"] for label in versie.codes_snapshot] == ["wantrouwen"]
    assert [label["naam"] for label in fragment.history.all()[1].codes_snapshot] == ["argwaan"]
    weg = Thema.history.filter(id=argwaan_pk).first()
    assert (weg.history_type, weg.history_change_reason, weg.history_user) == (
        "-",
        reden,
        onderzoeker,
    )
    assert wantrouwen.history.first().history_change_reason == reden


@pytest.mark.parametrize("geval", ["zelfde", "kennisagenda", "eigen_subcode"])
def test_voeg_codes_samen_refuses_impossible_merges(geval, wantrouwen, vertrouwen, onderzoeker):
    onder = services.maak_subcode(naam="diep", parent=wantrouwen, door=onderzoeker)
    bron, doel = {
        "zelfde": (wantrouwen, wantrouwen),
        "kennisagenda": (vertrouwen, wantrouwen),
        "eigen_subcode": (wantrouwen, onder),
    }[geval]
    fragment = FragmentFactory(codes=[bron])

    with pytest.raises(ValidationError) as fout:
        services.voeg_codes_samen(bron=bron, doel=doel, door=onderzoeker)

    assert fout.value.code == {"zelfde": "zelfde", "kennisagenda": "kennisagenda"}.get(
        geval, "cyclus"
    )
    assert _codes(fragment) == [bron.name]
    assert Thema.objects.filter(pk=bron.pk).exists()


def test_maak_fragment_refuses_range_outside_text_and_no_codes(vertrouwen, onderzoeker):
    verhaal = VerhaalFactory(tekst="Kort verhaal.")
    with pytest.raises(ValidationError):
        services.maak_fragment(
            verhaal=verhaal, start=0, eind=99, codes=[vertrouwen], codeur=onderzoeker
        )
    with pytest.raises(ValidationError):
        services.maak_fragment(verhaal=verhaal, start=0, eind=4, codes=[], codeur=onderzoeker)
    assert Fragment.objects.count() == 0


def test_maak_fragment_refuses_positions_in_a_text_that_changed_meanwhile(vertrouwen, onderzoeker):
    verhaal = VerhaalFactory(tekst="Ik wachtte maanden op een antwoord.")
    geopend = Verhaal.objects.get(pk=verhaal.pk)  # what the researcher's request loaded
    Verhaal.objects.filter(pk=verhaal.pk).update(tekst="Nieuw begin. Ik wachtte maanden.")

    with pytest.raises(ValidationError) as fout:
        services.maak_fragment(
            verhaal=geopend, start=3, eind=10, codes=[vertrouwen], codeur=onderzoeker
        )

    assert fout.value.code == "tekst_gewijzigd"
    assert Fragment.objects.count() == 0


def test_wijzig_fragment_refuses_positions_in_a_text_that_changed_meanwhile(
    vertrouwen, onderzoeker
):
    fragment = FragmentFactory(
        verhaal=VerhaalFactory(tekst="Ik wachtte maanden op een antwoord."), start=3, eind=10
    )
    Verhaal.objects.filter(pk=fragment.verhaal_id).update(tekst="Heel iets anders nu.")

    with pytest.raises(ValidationError) as fout:
        services.wijzig_fragment(
            fragment=fragment,
            start=0,
            eind=4,
            codes=[vertrouwen],
            memo="",
            moet_herzien=False,
            door=onderzoeker,
        )

    assert fout.value.code == "tekst_gewijzigd"
    fragment.refresh_from_db()
    assert (fragment.start, fragment.eind, fragment.citaat) == (3, 10, "wachtte")


def test_wijzig_fragment_refuses_to_overwrite_a_colleagues_save_since_it_was_read(
    vertrouwen, maatwerk, onderzoeker
):
    fragment = FragmentFactory(
        verhaal=VerhaalFactory(tekst="Ik wachtte maanden op een antwoord."), start=3, eind=10
    )
    gelezen = Fragment.objects.select_related("verhaal").get(pk=fragment.pk)
    services.wijzig_fragment(
        fragment=Fragment.objects.get(pk=fragment.pk), start=3, eind=10, codes=[maatwerk],
        memo="Van de collega", moet_herzien=False, door=onderzoeker,
    )  # fmt: skip

    with pytest.raises(ValidationError) as fout:
        services.wijzig_fragment(
            fragment=gelezen, start=3, eind=10, codes=[vertrouwen], memo="Mijn memo",
            moet_herzien=False, door=onderzoeker,
        )  # fmt: skip

    assert fout.value.code == "conflict"
    fragment.refresh_from_db()
    assert (fragment.memo, _codes(fragment)) == ("Van de collega", ["maatwerk"])
