"""The import writes in bulk: its number of queries does not grow with the
stories and fragments of the file, and it keeps history and stored counts
as the one-at-a-time services do."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from kennisagenda.models import Thema
from tests.factories import ThemaFactory
from tests.verhalen.factories import (
    FragmentFactory,
    KenmerkFactory,
    MemoFactory,
    VerhaalFactory,
    kenmerkwaarde,
)
from uitwisseling import export, importeren, lezen
from verhalen.models import (
    Codetelling,
    Collectietelling,
    Fragment,
    Kenmerk,
    KenmerkWaarde,
    Memo,
    Verhaal,
    Verhaaltelling,
)
from verhalen.services import codering, tellingen
from verhalen.tekst.woordvormen import lemmas_van

pytestmark = pytest.mark.django_db

TEKST = "Ik wachtte maanden op een antwoord van de gemeente.\nToen kwam er iemand langs."
REDEN = "Ingevoerd uit REFI-QDA-bestand bulk.qdpx"


def _leeg():
    """An empty bank: no stories, memos, attributes or keywords; only the kennisagenda's themes."""
    Memo.objects.all().delete()
    Verhaal.objects.all().delete()
    Kenmerk.objects.all().delete()
    Tag.objects.all().delete()
    Thema.objects.filter(is_kennisagenda=False).delete()


def _bestand(aantal, door, vertrouwen, maatwerk):
    """A .qdpx of `aantal` stories with two coded fragments, a memo on the story
    and on a fragment, a keyword, a theme and an attribute each; afterwards the
    bank is empty."""
    _leeg()
    sub = ThemaFactory(name="wachten", slug="wachten", parent=vertrouwen)
    domein = KenmerkFactory(naam="Levensdomein", keuzes=["wonen", "werk"])
    for nummer in range(aantal):
        verhaal = VerhaalFactory(
            titel=f"Gesprek {nummer}", tekst=TEKST, themas=[maatwerk], trefwoorden=["brieven"]
        )
        for woorden, codes in [("maanden", [sub]), ("iemand langs", [vertrouwen, maatwerk])]:
            start = TEKST.index(woorden)
            fragment = FragmentFactory(
                verhaal=verhaal, start=start, eind=start + len(woorden), codes=codes
            )
        MemoFactory(verhaal=verhaal, tekst="Over het verhaal.")
        MemoFactory(fragment=fragment, tekst="Over het fragment.")
        kenmerkwaarde(verhaal, domein, "wonen")
    MemoFactory(code=sub, tekst="Over de code.")
    doel = io.BytesIO()
    export.schrijf_qdpx(Verhaal.objects.zichtbaar_voor(door), door=door, doel=doel)
    _leeg()
    return doel.getvalue()


def _importeer(bestand, door):
    plan = importeren.plan(lezen.lees("bulk.qdpx", bestand))
    return importeren.importeer(plan=plan, door=door, bestandsnaam="bulk.qdpx")


def test_the_number_of_queries_does_not_grow_with_stories_and_fragments(
    onderzoeker, vertrouwen, maatwerk
):
    gemeten = {}
    for aantal in (5, 50):
        bestand = _bestand(aantal, onderzoeker, vertrouwen, maatwerk)
        with CaptureQueriesContext(connection) as queries:
            uitslag = _importeer(bestand, onderzoeker)
        assert (uitslag.verhalen, uitslag.fragmenten, uitslag.memos) == (
            aantal,
            2 * aantal,
            2 * aantal + 1,
        )
        assert KenmerkWaarde.objects.count() == aantal
        gemeten[aantal] = [query["sql"].split(" ", 1)[0] for query in queries]

    if connection.vendor == "sqlite":
        # SQLite takes 999 parameters a statement: a bulk INSERT goes in batches.
        gemeten = {aantal: [s for s in sqls if s != "INSERT"] for aantal, sqls in gemeten.items()}
    assert gemeten[5] == gemeten[50]


def test_each_imported_row_has_one_creation_in_its_history(onderzoeker, vertrouwen, maatwerk):
    _importeer(_bestand(3, onderzoeker, vertrouwen, maatwerk), onderzoeker)

    for model in (Verhaal, Fragment, Memo, KenmerkWaarde):
        versies = model.history.filter(id__in=model.objects.values("pk"))
        rijen = versies.values_list("history_type", "history_user", "history_change_reason")
        assert set(rijen) == {("+", onderzoeker.pk, REDEN)}, model
        assert versies.count() == model.objects.count(), model
    verhaal = Verhaal.objects.order_by("titel").first()
    versie = verhaal.history.get()
    assert [t["naam"] for t in versie.themas_snapshot] == ["maatwerk"]
    assert [t["naam"] for t in versie.trefwoorden_snapshot] == ["brieven"]
    assert (verhaal.ingevoerd_door, verhaal.toestemming_vastgelegd_door) == (onderzoeker,) * 2
    # The search lemmas are those save() would compute.
    assert verhaal.zoeklemmas == lemmas_van(verhaal.titel, verhaal.samenvatting, verhaal.tekst)
    fragment = Fragment.objects.filter(verhaal=verhaal).order_by("start").last()
    assert sorted(c["naam"] for c in fragment.history.get().codes_snapshot) == [
        "maatwerk",
        "vertrouwen",
    ]


def _opgeslagen():
    return (
        sorted(Codetelling.objects.values_list("thema_id", "publiek", "verhalen", "fragmenten")),
        sorted(Collectietelling.objects.values_list("collectie_id", "publiek", "verhalen")),
        sorted(Verhaaltelling.objects.values_list("verhaal_id", "fragmenten", "codes")),
    )


def test_stored_counts_equal_a_recount_after_an_import(onderzoeker, vertrouwen, maatwerk):
    bestand = _bestand(4, onderzoeker, vertrouwen, maatwerk)
    # Stories already in the bank keep counting beside the imported ones.
    FragmentFactory(verhaal=VerhaalFactory(themas=[vertrouwen]), codes=[maatwerk])

    _importeer(bestand, onderzoeker)
    na_import = _opgeslagen()
    tellingen.herbereken()

    assert na_import == _opgeslagen()
    assert Verhaaltelling.objects.filter(fragmenten=2, codes=3).count() == 4


@pytest.mark.parametrize(
    ("fragment", "fout"),
    [
        ((0, 999, "vertrouwen"), "buiten_tekst"),
        ((5, 3, "vertrouwen"), "buiten_tekst"),
        ((0, 5, None), "geen_codes"),
    ],
)
def test_the_bulk_path_checks_every_fragment_and_stores_none_on_an_error(
    onderzoeker, vertrouwen, fragment, fout
):
    verhaal = VerhaalFactory(tekst=TEKST)
    start, eind, code = fragment
    goed = (verhaal, 0, 5, [vertrouwen], "")
    fout_fragment = (verhaal, start, eind, [vertrouwen] if code else [], "")

    with pytest.raises(ValidationError) as fouten:
        codering.maak_fragmenten(fragmenten=[goed, fout_fragment], codeur=onderzoeker, reden="x")

    assert fouten.value.code == fout
    assert not Fragment.objects.exists()


def test_the_bulk_path_refuses_positions_in_a_text_that_changed(onderzoeker, vertrouwen):
    verhaal = VerhaalFactory(tekst=TEKST)
    Verhaal.objects.filter(pk=verhaal.pk).update(tekst="Een andere tekst. " + TEKST)

    with pytest.raises(ValidationError) as fout:
        codering.maak_fragmenten(
            fragmenten=[(verhaal, 0, 5, [vertrouwen], "")], codeur=onderzoeker, reden="x"
        )

    assert fout.value.code == "tekst_gewijzigd"
    assert not Fragment.objects.exists()
