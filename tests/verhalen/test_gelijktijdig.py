"""Simultaneous edits on PostgreSQL: nothing is silently overwritten or misplaced.

Each thread is a researcher posting a form through the whole stack (view,
form, service) on its own database connection, all at the same moment. The
version compare-and-swap and the story row lock must make exactly one edit of
one version win, and a fragment coded while the text changes must never point
at other words. SQLite serialises all writers, so these run on PostgreSQL only.
"""

import threading
import time

from django.db import transaction
from django.test import Client
from django.urls import reverse

from kennisagenda import roles
from kennisagenda.models import Thema
from tests.factories import UserFactory
from tests.gelijktijdig import ALLEEN_POSTGRES, tegelijk
from tests.helpers import log_in
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.test_verhaal_views import bewerk_data
from verhalen.models import Fragment, Verhaal

pytestmark = ALLEEN_POSTGRES

TEKST = "Ik wachtte maanden op een antwoord. Toen kwam er iemand langs die echt luisterde."


def _onderzoeker_client(naam):
    client = Client()
    log_in(client, UserFactory(username=naam, role=roles.ONDERZOEKER))
    return client


def test_simultaneous_edits_of_one_version_one_wins_the_others_get_the_conflict():
    verhaal = VerhaalFactory(titel="Origineel")
    url = reverse("verhalen:update", args=[verhaal.pk])
    clients = [_onderzoeker_client(f"onderzoeker{i}") for i in range(6)]

    def bewaar(i):
        response = clients[i].post(url, bewerk_data(verhaal, titel=f"Titel {i}"))
        conflict = response.status_code == 200 and "intussen gewijzigd" in response.text
        return "opgeslagen" if response.status_code == 302 else ("conflict" if conflict else "?")

    uitkomsten = tegelijk(6, bewaar)

    assert sorted(uitkomsten) == ["conflict"] * 5 + ["opgeslagen"]
    winnaar = uitkomsten.index("opgeslagen")
    verhaal.refresh_from_db()
    assert (verhaal.titel, verhaal.versie) == (f"Titel {winnaar}", 2)
    assert verhaal.history.filter(history_type="~").count() == 1


def test_coding_while_a_colleague_changes_the_text_never_misplaces_a_fragment():
    verhaal = VerhaalFactory(tekst=TEKST)
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    coder = _onderzoeker_client("coder")
    schrijver = _onderzoeker_client("schrijver")
    citaat = "Toen kwam er iemand langs"
    start = TEKST.index(citaat)

    def codeer(i):
        return coder.post(
            reverse("codeboek:fragment_nieuw", args=[verhaal.pk]),
            {
                "start": start,
                "eind": start + len(citaat),
                "citaat": citaat,
                "codes": [vertrouwen.pk],
                "memo": f"memo {i}",
            },
        ).status_code

    def herschrijf():
        nieuw = Verhaal.objects.get(pk=verhaal.pk)
        data = bewerk_data(nieuw, tekst="Eerst een nieuwe zin. " + TEKST)
        return schrijver.post(reverse("verhalen:update", args=[verhaal.pk]), data).status_code

    uitkomsten = tegelijk(5, lambda i: codeer(i) if i < 4 else herschrijf())

    assert not [u for u in uitkomsten if isinstance(u, Exception)], uitkomsten
    verhaal.refresh_from_db()
    assert verhaal.tekst == "Eerst een nieuwe zin. " + TEKST
    fragmenten = list(Fragment.objects.filter(verhaal=verhaal))
    assert fragmenten
    for fragment in fragmenten:
        assert fragment.citaat == citaat
        assert verhaal.tekst[fragment.start : fragment.eind] == citaat
        assert not fragment.moet_herzien


def test_merging_codes_while_a_colleague_edits_a_tagged_story_keeps_the_edit():
    from verhalen.services import codering
    from verhalen.services import verhalen as verhaal_services

    onderzoeker = UserFactory(username="beheer", role=roles.ONDERZOEKER)
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    bron = codering.maak_subcode(naam="argwaan", parent=vertrouwen, door=onderzoeker)
    verhaal = VerhaalFactory(tekst=TEKST, themas=[bron])
    bewerkt = threading.Event()

    def bewerk():
        # The colleague's edit is saved but not yet committed while the merge starts.
        with transaction.atomic():
            verhaal_services.wijzig_verhaal(
                verhaal=Verhaal.objects.get(pk=verhaal.pk),
                gegevens={"tekst": "Nieuwe tekst van de collega."},
                verwachte_versie=1,
                door=onderzoeker,
            )
            bewerkt.set()
            time.sleep(1)

    def voeg_samen():
        bewerkt.wait(timeout=10)
        return codering.voeg_codes_samen(bron=bron, doel=vertrouwen, door=onderzoeker)

    taken = [bewerk, voeg_samen]
    uitkomsten = tegelijk(len(taken), lambda i: taken[i]())

    assert not [u for u in uitkomsten if isinstance(u, Exception)], uitkomsten
    verhaal.refresh_from_db()
    assert (verhaal.tekst, verhaal.versie) == ("Nieuwe tekst van de collega.", 2)
    assert [thema.slug for thema in verhaal.themas.all()] == ["vertrouwen"]


def test_simultaneous_edits_of_one_fragment_one_wins_the_others_get_the_conflict():
    verhaal = VerhaalFactory(tekst=TEKST)
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    fragment = FragmentFactory(verhaal=verhaal, start=3, eind=34, codes=[vertrouwen])
    url = reverse("codeboek:fragment_bewerken", args=[verhaal.pk, fragment.pk])
    clients = [_onderzoeker_client(f"codeur{i}") for i in range(4)]
    gezien = fragment.gewijzigd_op.isoformat()

    def bewaar(i):
        data = {"start": 3, "eind": 34, "codes": [vertrouwen.pk], "memo": f"Memo {i}"}
        response = clients[i].post(url, {**data, "gewijzigd_op": gezien})
        return "opgeslagen" if response.status_code == 302 else "conflict"

    uitkomsten = tegelijk(4, bewaar)

    assert sorted(uitkomsten) == ["conflict"] * 3 + ["opgeslagen"]
    fragment.refresh_from_db()
    assert fragment.memo == f"Memo {uitkomsten.index('opgeslagen')}"
