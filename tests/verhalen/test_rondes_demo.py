"""The demo coding round: closed, three coders, agreement equal to the
krippendorff package, a code nobody used, made once."""

import io
import math

import krippendorff
import pytest
from django.core.management import call_command

from verhalen.demo import rondes as demo_rondes
from verhalen.models import Coderingsronde, Fragment, Rondestatus

pytestmark = pytest.mark.django_db


def _referentie(waarden, coders):
    rijen = [[math.nan if rij[i] is None else rij[i] for rij in waarden] for i in range(coders)]
    return krippendorff.alpha(reliability_data=rijen, level_of_measurement="nominal")


def test_demo_round_is_closed_with_agreement_like_the_reference(settings):
    settings.DEMO_MODE = True
    call_command("demo", stdout=io.StringIO())
    fragmenten = Fragment.objects.count()
    call_command("demo", stdout=io.StringIO())  # idempotent

    ronde = Coderingsronde.objects.get(titel=demo_rondes.TITEL)
    assert Coderingsronde.objects.count() == 1
    assert Fragment.objects.count() == fragmenten  # round codings are no fragments
    assert ronde.status == Rondestatus.GESLOTEN
    assert [c["naam"] for c in ronde.uitkomst["codeurs"]] == [
        "Olga (onderzoeker)",
        "Fatima (codeur)",
        "Jan (codeur)",
    ]
    assert len(ronde.uitkomst["verhalen"]) == demo_rondes.AANTAL_VERHALEN
    per_code = {c["naam"]: c for c in ronde.uitkomst["codes"]}
    assert per_code["governance"]["alfa"] is None
    for naam in ("vertrouwen", "bestaanszekerheid", "complexiteit en regeldruk"):
        verwacht = _referentie(per_code[naam]["waarden"], 3)
        assert round(per_code[naam]["alfa"], 3) == round(verwacht, 3)
    # All codes pooled (the table's last row), and the reference has no figure
    # either for the code nobody used.
    alles = [rij for code in ronde.uitkomst["codes"] for rij in code["waarden"]]
    assert round(ronde.uitkomst["totaal"]["alfa"], 3) == round(_referentie(alles, 3), 3)
    with pytest.raises(ValueError, match="more than one value"):
        _referentie(per_code["governance"]["waarden"], 3)
    # Jan left the last story unfinished: missing values there.
    assert any(rij[2] is None for rij in per_code["vertrouwen"]["waarden"])


def test_no_demo_round_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    call_command("demo", stdout=io.StringIO())
    assert not Coderingsronde.objects.exists()
