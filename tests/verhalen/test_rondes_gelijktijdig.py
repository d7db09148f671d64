"""Two researchers settling the same difference of a coding round at once."""

from django.core.exceptions import ValidationError

from tests.factories import UserFactory
from tests.gelijktijdig import ALLEEN_POSTGRES, tegelijk
from tests.verhalen.factories import VerhaalFactory
from verhalen.models import Beslissing, Fragment, Keuze
from verhalen.services import rondes as services

pytestmark = ALLEEN_POSTGRES

TEKST = "Ik wachtte lang. De gemeente belde niet. Toen kwam de buurvrouw. Zij hielp echt."


def test_one_unit_decided_twice_at_once_is_decided_once(vertrouwen, maatwerk):
    a, b = (UserFactory(username=f"codeur{i}", role="onderzoeker") for i in (1, 2))
    verhaal = VerhaalFactory(tekst=TEKST)
    ronde = services.maak_ronde(
        titel="Gelijktijdig", verhalen=[verhaal], codes=[vertrouwen], codeurs=[a, b], door=a
    )
    # Only A codes the second sentence (17..40): a difference.
    services.codeer(ronde=ronde, verhaal=verhaal, start=20, eind=30, codes=[vertrouwen], codeur=a)
    for codeur in (a, b):
        services.zet_klaar(ronde=ronde, verhaal=verhaal, codeur=codeur)
    ronde = services.sluit_ronde(ronde=ronde, door=a)

    def beslis(i):
        return services.beslis(
            ronde=ronde,
            code=vertrouwen,
            verhaal=verhaal,
            eenheid_start=17,
            keuze=Keuze.OVERNEMEN,
            versie_van=a,
            door=(a, b)[i],
        )

    uitkomsten = tegelijk(2, beslis)

    geweigerd = [u for u in uitkomsten if isinstance(u, Exception)]
    assert len(geweigerd) == 1, uitkomsten
    assert isinstance(geweigerd[0], ValidationError)
    assert geweigerd[0].code == "al_beslist"
    assert Beslissing.objects.filter(ronde=ronde, eenheid_start=17).count() == 1
    assert list(Fragment.objects.filter(verhaal=verhaal).values_list("start", "eind")) == [(20, 30)]
