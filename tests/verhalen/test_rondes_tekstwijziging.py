"""Settling after the text of a story changed since its round closed: the
page says so plainly, and an adopted coding lands where its quote stands
now, or is refused when the quote is gone (never at the old offsets)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import UserFactory
from tests.helpers import log_in
from tests.verhalen.factories import VerhaalFactory
from verhalen.models import Beslissing, Fragment, Keuze, Rondestatus
from verhalen.services import rondes as services
from verhalen.services.verhalen import wijzig_verhaal

pytestmark = pytest.mark.django_db

TEKST = "Ik wachtte lang. De gemeente belde niet. Toen kwam de buurvrouw. Zij hielp echt."
# sentences:  0..16            17..40                 41..64               65..80


@pytest.fixture
def codeurs():
    return [UserFactory(username=f"codeur{i}", role="onderzoeker") for i in (1, 2)]


@pytest.fixture
def gesloten(onderzoeker, codeurs, vertrouwen):
    """A closed round on one story: a difference on sentence 17..40 (only the
    first coder), agreement on sentence 65..80."""
    verhaal = VerhaalFactory(titel="Wachten", tekst=TEKST)
    ronde = services.maak_ronde(
        titel="Proef", verhalen=[verhaal], codes=[vertrouwen], codeurs=codeurs, door=onderzoeker
    )
    for codeur, bereiken in [(codeurs[0], [(17, 40), (65, 80)]), (codeurs[1], [(65, 80)])]:
        for start, eind in bereiken:
            services.codeer(
                ronde=ronde,
                verhaal=verhaal,
                start=start,
                eind=eind,
                codes=[vertrouwen],
                codeur=codeur,
            )
        services.zet_klaar(ronde=ronde, verhaal=verhaal, codeur=codeur)
    services.sluit_ronde(ronde=ronde, door=onderzoeker)
    ronde.refresh_from_db()
    return ronde, verhaal


def _wijzig_tekst(verhaal, tekst, door):
    verhaal.refresh_from_db()
    return wijzig_verhaal(
        verhaal=verhaal, gegevens={"tekst": tekst}, verwachte_versie=verhaal.versie, door=door
    )


def test_the_settling_page_says_plainly_that_the_text_changed(client, gesloten, onderzoeker):
    ronde, verhaal = gesloten
    url = reverse("codeboek:ronde_verschillen", args=[ronde.pk])
    log_in(client, onderzoeker)
    voor = client.get(url).content.decode()
    assert "De zin: <q>De gemeente belde niet.</q>" in voor
    assert "gewijzigd sinds de ronde sloot" not in voor

    _wijzig_tekst(verhaal, "Vooraf. " + TEKST, onderzoeker)

    na = client.get(url).content.decode()
    assert "De tekst van dit verhaal is gewijzigd sinds de ronde sloot" in na
    assert "De zin: <q>" not in na  # the old offsets would show other words
    assert "De gemeente belde niet." in na  # the coder's quote, as coded


def test_adopting_after_a_text_change_codes_where_the_quote_stands_now(
    gesloten, codeurs, onderzoeker, vertrouwen
):
    ronde, verhaal = gesloten
    verhaal = _wijzig_tekst(verhaal, "Vooraf. " + TEKST, onderzoeker)

    services.beslis(
        ronde=ronde,
        code=vertrouwen,
        verhaal=verhaal,
        eenheid_start=17,
        keuze=Keuze.OVERNEMEN,
        versie_van=codeurs[0],
        door=onderzoeker,
    )
    services.rond_af(ronde=ronde, door=onderzoeker)  # adopts the agreement on 65..80

    assert sorted(Fragment.objects.values_list("start", "eind", "citaat")) == [
        (25, 48, "De gemeente belde niet."),
        (73, 88, "Zij hielp echt."),
    ]
    ronde.refresh_from_db()
    assert ronde.status == Rondestatus.BESLECHT


def test_a_quote_gone_from_the_text_cannot_be_adopted_only_discarded(
    gesloten, codeurs, onderzoeker, vertrouwen
):
    ronde, verhaal = gesloten
    verhaal = _wijzig_tekst(
        verhaal, TEKST.replace("De gemeente belde niet.", "Niemand nam op."), onderzoeker
    )
    keuze = {"ronde": ronde, "code": vertrouwen, "verhaal": verhaal, "eenheid_start": 17}

    for poging in (
        {"keuze": Keuze.OVERNEMEN, "versie_van": codeurs[0]},
        {"keuze": Keuze.SAMENVOEGEN},
    ):
        with pytest.raises(ValidationError) as fout:
            services.beslis(**keuze, **poging, door=onderzoeker)
        assert fout.value.code == "citaat_weg"
        assert "staat er niet meer in" in fout.value.messages[0]
    assert not Fragment.objects.exists()
    assert not Beslissing.objects.exists()

    services.beslis(**keuze, keuze=Keuze.VERWERPEN, door=onderzoeker)
    assert Beslissing.objects.get().keuze == Keuze.VERWERPEN
    assert not Fragment.objects.exists()
