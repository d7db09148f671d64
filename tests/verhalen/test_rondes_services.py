"""Coding rounds: set-up, blind coding, closing with stored agreement, settling."""

import krippendorff
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import UserFactory
from tests.verhalen.factories import VerhaalFactory
from verhalen.models import Beslissing, Fragment, Keuze, Rondestatus, Toestemming
from verhalen.selectors import rondes as selectors
from verhalen.services import rondes as services
from verhalen.services import tellingen
from verhalen.tekst.overeenstemming import zinnen

pytestmark = pytest.mark.django_db

TEKST = "Ik wachtte lang. De gemeente belde niet. Toen kwam de buurvrouw. Zij hielp echt."
# sentences:  0..16            17..40                 41..64               65..80


@pytest.fixture
def codeurs():
    return [UserFactory(username=f"codeur{i}", role="onderzoeker") for i in (1, 2, 3)]


@pytest.fixture
def opzetter():
    return UserFactory(username="opzetter", role="onderzoeker")


@pytest.fixture
def ronde(opzetter, codeurs, vertrouwen, maatwerk):
    verhalen = [VerhaalFactory(tekst=TEKST), VerhaalFactory(tekst=TEKST)]
    return services.maak_ronde(
        titel="Proef",
        verhalen=verhalen,
        codes=[vertrouwen, maatwerk],
        codeurs=codeurs[:2],
        door=opzetter,
    )


def _zin(n):
    eenheid = zinnen(TEKST)[n]
    return eenheid.start, eenheid.eind


def test_units_of_the_test_text_are_its_four_sentences():
    assert [TEKST[e.start : e.eind] for e in zinnen(TEKST)] == [
        "Ik wachtte lang.",
        "De gemeente belde niet.",
        "Toen kwam de buurvrouw.",
        "Zij hielp echt.",
    ]


def test_a_round_needs_two_coders_who_are_researchers(opzetter, vertrouwen):
    verhaal = VerhaalFactory()
    with pytest.raises(ValidationError) as fout:
        services.maak_ronde(
            titel="x", verhalen=[verhaal], codes=[vertrouwen], codeurs=[opzetter], door=opzetter
        )
    assert fout.value.code == "te_weinig_codeurs"
    raadslid = UserFactory(role="brede_raad")
    with pytest.raises(ValidationError) as fout:
        services.maak_ronde(
            titel="x",
            verhalen=[verhaal],
            codes=[vertrouwen],
            codeurs=[opzetter, raadslid],
            door=opzetter,
        )
    assert fout.value.code == "geen_onderzoeker"


def test_coding_a_round_touches_no_fragment_and_no_count(ronde, codeurs, vertrouwen):
    verhaal = ronde.verhalen.first()
    voor = tellingen.fragmenten_per_code(codeurs[0])
    services.codeer(
        ronde=ronde, verhaal=verhaal, start=0, eind=16, codes=[vertrouwen], codeur=codeurs[0]
    )
    assert Fragment.objects.count() == 0
    assert tellingen.fragmenten_per_code(codeurs[0]) == voor


def test_only_the_rounds_coders_code_and_only_with_its_codes(ronde, codeurs, opzetter, vertrouwen):
    verhaal = ronde.verhalen.first()
    with pytest.raises(PermissionDenied):
        services.codeer(
            ronde=ronde, verhaal=verhaal, start=0, eind=5, codes=[vertrouwen], codeur=opzetter
        )
    with pytest.raises(PermissionDenied):
        services.codeer(
            ronde=ronde, verhaal=verhaal, start=0, eind=5, codes=[vertrouwen], codeur=codeurs[2]
        )
    from tests.factories import ThemaFactory

    ander = ThemaFactory()
    with pytest.raises(ValidationError) as fout:
        services.codeer(
            ronde=ronde, verhaal=verhaal, start=0, eind=5, codes=[ander], codeur=codeurs[0]
        )
    assert fout.value.code == "andere_code"
    with pytest.raises(ValidationError) as fout:
        services.codeer(
            ronde=ronde,
            verhaal=VerhaalFactory(),
            start=0,
            eind=5,
            codes=[vertrouwen],
            codeur=codeurs[0],
        )
    assert fout.value.code == "ander_verhaal"


def test_blind_while_open_everyone_after_closing(ronde, codeurs, opzetter, vertrouwen):
    verhaal = ronde.verhalen.first()
    eigen = services.codeer(
        ronde=ronde, verhaal=verhaal, start=0, eind=16, codes=[vertrouwen], codeur=codeurs[0]
    )
    ander = services.codeer(
        ronde=ronde, verhaal=verhaal, start=17, eind=40, codes=[vertrouwen], codeur=codeurs[1]
    )
    assert list(selectors.zichtbare_coderingen(ronde, codeurs[0])) == [eigen]
    assert list(selectors.zichtbare_coderingen(ronde, codeurs[1])) == [ander]
    assert list(selectors.zichtbare_coderingen(ronde, opzetter)) == []
    services.sluit_ronde(ronde=ronde, door=opzetter)
    ronde.refresh_from_db()
    assert set(selectors.zichtbare_coderingen(ronde, codeurs[0])) == {eigen, ander}
    assert set(selectors.zichtbare_coderingen(ronde, codeurs[2])) == {eigen, ander}


def test_only_who_set_it_up_closes_the_round(ronde, codeurs, opzetter):
    with pytest.raises(PermissionDenied):
        services.sluit_ronde(ronde=ronde, door=codeurs[0])
    services.sluit_ronde(ronde=ronde, door=opzetter)
    ronde.refresh_from_db()
    assert ronde.status == Rondestatus.GESLOTEN
    with pytest.raises(PermissionDenied):  # not twice
        services.sluit_ronde(ronde=ronde, door=opzetter)


def test_closed_round_takes_no_more_codings(ronde, codeurs, opzetter, vertrouwen):
    services.sluit_ronde(ronde=ronde, door=opzetter)
    ronde.refresh_from_db()
    with pytest.raises(ValidationError) as fout:
        services.codeer(
            ronde=ronde,
            verhaal=ronde.verhalen.first(),
            start=0,
            eind=5,
            codes=[vertrouwen],
            codeur=codeurs[0],
        )
    assert fout.value.code == "gesloten"


def _codeer_proef(ronde, codeurs, vertrouwen):
    """Story 1: coder A codes sentences 0 and 1, coder B sentences 0 and 2 with
    'vertrouwen'; both done. Story 2: only A done, codes sentence 3."""
    een, twee = ronde.verhalen.order_by("pk")
    a, b = codeurs[:2]
    services.codeer(
        ronde=ronde, verhaal=een, start=0, eind=30, codes=[vertrouwen], codeur=a
    )  # 0 and 1
    services.codeer(ronde=ronde, verhaal=een, start=3, eind=10, codes=[vertrouwen], codeur=b)  # 0
    services.codeer(ronde=ronde, verhaal=een, start=45, eind=50, codes=[vertrouwen], codeur=b)  # 2
    services.codeer(ronde=ronde, verhaal=twee, start=70, eind=75, codes=[vertrouwen], codeur=a)
    services.zet_klaar(ronde=ronde, verhaal=een, codeur=a)
    services.zet_klaar(ronde=ronde, verhaal=een, codeur=b)
    services.zet_klaar(ronde=ronde, verhaal=twee, codeur=a)
    return een, twee


def test_closing_stores_agreement_equal_to_the_krippendorff_package(
    ronde, codeurs, opzetter, vertrouwen, maatwerk
):
    _codeer_proef(ronde, codeurs, vertrouwen)
    services.sluit_ronde(ronde=ronde, door=opzetter)
    ronde.refresh_from_db()
    uitkomst = ronde.uitkomst
    per_code = {c["naam"]: c for c in uitkomst["codes"]}
    # Reliability data (units × coders): story 1 = [1,1],[1,0],[0,1],[0,0]; story 2 = A only.
    assert per_code["vertrouwen"]["waarden"] == [
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
        [0, None],
        [0, None],
        [0, None],
        [1, None],
    ]
    data = per_code["vertrouwen"]["waarden"]
    rijen = [[float("nan") if rij[i] is None else rij[i] for rij in data] for i in range(2)]
    verwacht = krippendorff.alpha(reliability_data=rijen, level_of_measurement="nominal")
    assert round(per_code["vertrouwen"]["alfa"], 3) == round(verwacht, 3)
    assert per_code["vertrouwen"]["percentage"] == 0.5
    assert per_code["vertrouwen"]["eenheden"] == 4
    assert per_code["vertrouwen"]["kappa"] == 0.0
    # Nobody used 'maatwerk': alpha undefined, not 0.
    assert per_code["maatwerk"]["alfa"] is None
    assert per_code["maatwerk"]["oordeel"] == "niet te berekenen"
    assert uitkomst["eenheid"] == "zin"


def test_a_withdrawn_story_drops_out_of_the_agreement(ronde, codeurs, opzetter, vertrouwen):
    een, twee = _codeer_proef(ronde, codeurs, vertrouwen)
    twee.toestemming = Toestemming.INGETROKKEN
    twee.save()
    services.sluit_ronde(ronde=ronde, door=opzetter)
    ronde.refresh_from_db()
    assert [v["id"] for v in ronde.uitkomst["verhalen"]] == [een.pk]
    assert len(ronde.uitkomst["codes"][0]["waarden"]) == 4


def test_settling_adopt_merge_discard_and_finish(ronde, codeurs, opzetter, vertrouwen):
    een, _twee = _codeer_proef(ronde, codeurs, vertrouwen)
    a, b = codeurs[:2]
    services.sluit_ronde(ronde=ronde, door=opzetter)
    ronde.refresh_from_db()
    verschillen = selectors.open_verschillen(ronde, opzetter)
    assert [(p.verhaal.pk, p.eenheid.start) for p in verschillen] == [
        (een.pk, 17),
        (een.pk, 41),
        (_twee.pk, 65),
    ]
    # A third researcher who is no coder and did not set it up may not settle.
    with pytest.raises(PermissionDenied):
        services.beslis(
            ronde=ronde,
            code=vertrouwen,
            verhaal=een,
            eenheid_start=17,
            keuze=Keuze.VERWERPEN,
            door=codeurs[2],
        )
    services.beslis(
        ronde=ronde,
        code=vertrouwen,
        verhaal=een,
        eenheid_start=17,
        keuze=Keuze.OVERNEMEN,
        versie_van=a,
        door=b,
    )
    services.beslis(
        ronde=ronde, code=vertrouwen, verhaal=een, eenheid_start=41, keuze=Keuze.VERWERPEN, door=b
    )
    with pytest.raises(ValidationError) as fout:
        services.rond_af(ronde=ronde, door=opzetter)
    assert fout.value.code == "nog_verschillen"
    services.beslis(
        ronde=ronde,
        code=vertrouwen,
        verhaal=_twee,
        eenheid_start=65,
        keuze=Keuze.SAMENVOEGEN,
        door=a,
    )
    with pytest.raises(ValidationError) as fout:
        services.beslis(
            ronde=ronde,
            code=vertrouwen,
            verhaal=_twee,
            eenheid_start=65,
            keuze=Keuze.VERWERPEN,
            door=a,
        )
    assert fout.value.code == "al_beslist"
    services.rond_af(ronde=ronde, door=opzetter)
    ronde.refresh_from_db()
    assert ronde.status == Rondestatus.BESLECHT
    fragmenten = sorted(
        (f.verhaal_id, f.start, f.eind, f.codeur_id) for f in Fragment.objects.all()
    )
    # Sentence 1: A's version adopted (A's coding spans 0..30). Sentence 0: both
    # agreed, the union of A 0..30 and B 3..10 is 0..30, already a fragment, so
    # not made twice. Story 2, sentence 3: merged (only A coded it), by A.
    assert fragmenten == [(een.pk, 0, 30, a.pk), (_twee.pk, 70, 75, a.pk)]
    assert set(Beslissing.objects.values_list("keuze", flat=True)) == {
        "overnemen",
        "verwerpen",
        "samenvoegen",
        "eens",
    }
    # Every fragment carries the code and counts in the stored counts.
    assert all(list(f.codes.all()) == [vertrouwen] for f in Fragment.objects.all())
    assert tellingen.fragmenten_per_code(opzetter)[vertrouwen.pk] == Fragment.objects.count()
    # The raw round codings stay.
    assert ronde.coderingen.count() == 4
