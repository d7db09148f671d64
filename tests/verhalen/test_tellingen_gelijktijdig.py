"""Stored counts under simultaneous writes on PostgreSQL: researchers coding the
same story, other stories, merging codes and changing consent at the same
moment, each on its own connection, leave every count equal to a recount."""

from django.contrib.auth.models import AnonymousUser

from kennisagenda import roles
from kennisagenda.models import Thema
from tests.factories import UserFactory
from tests.gelijktijdig import ALLEEN_POSTGRES, tegelijk
from tests.verhalen.factories import VerhaalFactory
from tests.verhalen.test_tellingen import controleer
from verhalen.services import codering, tellingen, verhalen

pytestmark = ALLEEN_POSTGRES

TEKST = "Ik wachtte maanden op een antwoord. Toen kwam er iemand langs die echt luisterde."


def test_simultaneous_codings_of_one_story_are_each_counted_once():
    onderzoeker = UserFactory(role=roles.ONDERZOEKER)
    verhaal = VerhaalFactory(tekst=TEKST)
    maatwerk = Thema.objects.get(slug="maatwerk")
    sub = codering.maak_subcode(naam="op maat", parent=maatwerk, door=onderzoeker)

    def codeer(i):
        return codering.maak_fragment(
            verhaal=verhaal, start=i, eind=i + 10, codes=[maatwerk, sub], codeur=onderzoeker
        )

    uitkomsten = tegelijk(8, codeer)

    assert [type(u).__name__ for u in uitkomsten] == ["Fragment"] * 8
    assert tellingen.voor_code(onderzoeker, maatwerk) == (1, 8)
    assert tellingen.fragmenten_per_code(onderzoeker)[sub.pk] == 8
    assert (verhaal.telling.fragmenten, verhaal.telling.codes) == (8, 2)


def test_coding_merging_and_withdrawing_at_once_leave_every_count_right():
    onderzoeker = UserFactory(role=roles.ONDERZOEKER)
    raadslid = UserFactory(role=roles.BREDE_RAAD)
    maatwerk = Thema.objects.get(slug="maatwerk")
    bron = codering.maak_subcode(naam="bron", parent=maatwerk, door=onderzoeker)
    doel = codering.maak_subcode(
        naam="doel", parent=Thema.objects.get(slug="vertrouwen"), door=onderzoeker
    )
    verhalen_ = [VerhaalFactory(tekst=TEKST, toestemming="openbaar") for _ in range(6)]

    def werk(i):
        if i == 6:
            return codering.voeg_codes_samen(bron=bron, doel=doel, door=onderzoeker)
        if i == 7:
            return verhalen.trek_toestemming_in(verhaal=verhalen_[0], door=onderzoeker)
        return codering.maak_fragment(
            verhaal=verhalen_[i], start=0, eind=10, codes=[doel, maatwerk], codeur=onderzoeker
        )

    uitkomsten = tegelijk(8, werk)

    assert not [u for u in uitkomsten if isinstance(u, Exception)]
    controleer([onderzoeker, raadslid, AnonymousUser()])
