"""Stored counts (verhalen/services/tellingen.py) equal a recount from scratch after every
step of random coding, merging, moving, consent changes, withdrawals, erasures,
collection changes and review-queue steps (a collector's story entered, sent
back, changed, taken in) made through the real services — per audience."""

import contextlib
import io
import os

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennisagenda.models import Thema
from tests.verhalen.factories import VerhaalFactory
from verhalen.models import (
    Codetelling,
    Collectie,
    CollectieItem,
    Fragment,
    FragmentThema,
    Publiek,
    Toestemming,
    Verhaal,
    Verhaaltelling,
    VerhaalThema,
)
from verhalen.models.collectie import zichtbare_items_filter
from verhalen.selectors import codeboek
from verhalen.services import codering, collecties, tellingen, verhalen, wachtrij

pytestmark = pytest.mark.django_db

TEKST = "Ik wachtte maanden op een antwoord van de gemeente. Toen kwam er iemand langs."


# --- The oracle: the queries the pages ran before the counts were stored ------


def _onder(thema):
    return codeboek.afstammelingen(Thema.objects.only("pk", "parent"))[thema.pk]


def oude_codeboektelling(user, onder):
    codes = FragmentThema.objects.filter(tag__in=onder).values("content_object_id")
    return Fragment.objects.zichtbaar_voor(user).filter(pk__in=codes).count()


def oude_themahubtelling(user, codes):
    gecodeerd = FragmentThema.objects.filter(tag__in=codes).values("content_object_id")
    fragmenten = Fragment.objects.zichtbaar_voor(user).filter(pk__in=gecodeerd)
    verhalen_ = Verhaal.objects.zichtbaar_voor(user)
    if not user.has_perm("verhalen.view_verhaal"):
        in_collecties = CollectieItem.objects.leesbaar_voor(user).values("verhaal")
        verhalen_ = verhalen_.filter(pk__in=in_collecties)
        fragmenten = fragmenten.filter(verhaal__in=in_collecties)
    getagd = VerhaalThema.objects.filter(tag__in=codes).values("content_object_id")
    over_thema = verhalen_.filter(Q(pk__in=getagd) | Q(pk__in=fragmenten.values("verhaal")))
    return over_thema.count(), fragmenten.count()


def oude_collectietellingen(user):
    return dict(
        Collectie.objects.annotate(
            n=Count("items", filter=zichtbare_items_filter(user, "items__"), distinct=True)
        ).values_list("pk", "n")
    )


def opgeslagen_collectietellingen(user):
    return dict(
        Collectie.objects.annotate(n=tellingen.aantal_verhalen(user)).values_list("pk", "n")
    )


def verhaaltellingen_opnieuw():
    return {
        pk: (f, c)
        for pk, f, c in Verhaal.objects.annotate(
            f=Count("fragmenten", distinct=True),
            c=Count("fragmenten__thema_items__tag", distinct=True),
        ).values_list("pk", "f", "c")
        if f
    }


def verhaaltellingen_opgeslagen():
    return {
        t.verhaal_id: (t.fragmenten, t.codes)
        for t in Verhaaltelling.objects.all()
        if t.fragmenten or t.codes
    }


def controleer(lezers):
    """Every stored count equals the old recount, for every reader."""
    themas = list(Thema.objects.all())
    onder = codeboek.afstammelingen(themas)
    for user in lezers:
        per_code = tellingen.fragmenten_per_code(user)
        for thema in themas:
            verwacht = oude_themahubtelling(user, onder[thema.pk])
            assert tellingen.voor_code(user, thema) == verwacht, (user, thema)
            if user.has_perm("verhalen.view_fragment"):
                assert per_code.get(thema.pk, 0) == oude_codeboektelling(user, onder[thema.pk])
        assert opgeslagen_collectietellingen(user) == oude_collectietellingen(user), user
    assert verhaaltellingen_opgeslagen() == verhaaltellingen_opnieuw()


# --- The world the random steps act on ------------------------------------------


@pytest.fixture
def wereld(onderzoeker, raadslid, coordinator, verzamelaar):
    hoofd = list(Thema.objects.filter(parent=None).order_by("pk")[:2])
    for nummer, ouder in enumerate(hoofd):
        codering.maak_subcode(naam=f"sub {nummer}", parent=ouder, door=onderzoeker)
    for toestemming in ["onderzoek", "brede_raad", "openbaar", "openbaar"]:
        verhalen.maak_verhaal(
            gegevens={"titel": "Verhaal", "tekst": TEKST, "toestemming": toestemming},
            door=onderzoeker,
        )
    for publiek in Publiek.values:
        collecties.maak_collectie(titel=f"Over {publiek}", publiek=publiek, curator=onderzoeker)
    return {
        "door": onderzoeker,
        "verzamelaar": verzamelaar,
        # One reader per audience, one who sees no story at all, and a collector.
        "lezers": [onderzoeker, raadslid, AnonymousUser(), coordinator, verzamelaar],
    }


def _kies(queryset, nummer):
    rijen = list(queryset.order_by("pk"))
    return rijen[nummer % len(rijen)] if rijen else None


def _codes(nummers):
    themas = list(Thema.objects.order_by("pk"))
    return {themas[n % len(themas)] for n in nummers}


def codeer(door, a, b, c, codes):
    verhaal = _kies(Verhaal.objects.exclude(gewist_op__isnull=False), a)
    start, eind = sorted((b % len(TEKST), c % len(TEKST)))
    if verhaal is None or start == eind or not verhaal.tekst:
        return
    codering.maak_fragment(
        verhaal=verhaal, start=start, eind=eind, codes=_codes(codes), codeur=door
    )


def hercodeer(door, a, codes):
    fragment = _kies(Fragment.objects.select_related("verhaal"), a)
    if fragment is not None and fragment.verhaal.tekst:
        codering.wijzig_fragment(
            fragment=fragment,
            start=fragment.start,
            eind=fragment.eind,
            codes=_codes(codes),
            memo="",
            moet_herzien=False,
            door=door,
        )


def verwijder_fragment(door, a):
    if fragment := _kies(Fragment.objects.all(), a):
        codering.verwijder_fragment(fragment=fragment, door=door)


def zet_fragment_terug(door, a):
    record = _kies(Fragment.history.filter(history_type="-"), a)
    if record is not None:
        codering.zet_fragment_terug(
            verhaal=Verhaal.objects.get(pk=record.verhaal_id),
            history_id=record.history_id,
            door=door,
        )


def wijzig_verhaal(door, a, toestemming, codes):
    verhaal = _kies(Verhaal.objects.filter(gewist_op=None), a)
    if verhaal is not None:
        verhalen.wijzig_verhaal(
            verhaal=verhaal,
            gegevens={"toestemming": toestemming, "themas": list(_codes(codes))},
            verwachte_versie=verhaal.versie,
            door=door,
        )


def nieuw_verhaal(door, toestemming, codes):
    verhalen.maak_verhaal(
        gegevens={
            "titel": "Nieuw",
            "tekst": TEKST,
            "toestemming": toestemming,
            "themas": list(_codes(codes)),
        },
        door=door,
    )


def trek_in(door, a):
    if verhaal := _kies(Verhaal.objects.all(), a):
        verhalen.trek_toestemming_in(verhaal=verhaal, door=door)


def wis(door, a):
    if verhaal := _kies(Verhaal.objects.filter(gewist_op=None), a):
        verhalen.wis_verhaal(verhaal=verhaal, door=door)


def subcode(door, a):
    ouder = _kies(Thema.objects.all(), a)
    codering.maak_subcode(naam=f"nieuw {Thema.objects.count()}", parent=ouder, door=door)


def voeg_samen(door, a, b):
    bron, doel = _kies(Thema.objects.filter(is_kennisagenda=False), a), _kies(Thema.objects, b)
    if bron is not None:
        codering.voeg_codes_samen(bron=bron, doel=doel, door=door)


def verplaats(door, a, b):
    code, ouder = _kies(Thema.objects.filter(is_kennisagenda=False), a), _kies(Thema.objects, b)
    if code is not None and ouder.pk not in _onder(code):
        codering.verplaats_code(code=code, parent=ouder, door=door)


def voeg_toe(door, a, b):
    collectie, verhaal = _kies(Collectie.objects, a), _kies(Verhaal.objects, b)
    if collectie is not None:
        collecties.voeg_verhaal_toe(collectie=collectie, verhaal=verhaal, door=door)


def haal_weg(door, a):
    if item := _kies(CollectieItem.objects.all(), a):
        collecties.verwijder_item(item=item, door=door)


def publiceer(door, a, aan):
    collectie = _kies(Collectie.objects, a)
    if collectie is None:
        return
    if aan:
        collecties.publiceer_collectie(collectie=collectie, door=door)
    else:
        collecties.zet_terug_naar_concept(collectie=collectie, door=door)


def wijzig_publiek(door, a, publiek):
    if collectie := _kies(Collectie.objects, a):
        collecties.wijzig_collectie(
            collectie=collectie, door=door, titel=collectie.titel, publiek=publiek
        )


def verwijder_collectie(door, a):
    if collectie := _kies(Collectie.objects, a):
        collecties.verwijder_collectie(collectie=collectie, door=door)


def breng_in(door, toestemming):
    # The collector of the world enters it; `door` (a researcher) is not used.
    verzamelaar = get_user_model().objects.get(username="verzamelaar")
    wachtrij.breng_in(
        gegevens={"titel": "Ingebracht", "tekst": TEKST, "toestemming": toestemming},
        door=verzamelaar,
    )


def neem_op(door, a, toestemming):
    if verhaal := _kies(Verhaal.objects.in_wachtrij_voor(door), a):
        wachtrij.neem_op(
            verhaal=verhaal,
            gegevens={"toestemming": toestemming},
            verwachte_versie=verhaal.versie,
            door=door,
        )


def stuur_terug(door, a):
    if verhaal := _kies(Verhaal.objects.in_wachtrij_voor(door), a):
        wachtrij.stuur_terug(verhaal=verhaal, notitie="Graag de naam weghalen.", door=door)


def pas_ingebracht_aan(door, a, toestemming):
    verzamelaar = get_user_model().objects.get(username="verzamelaar")
    if verhaal := _kies(Verhaal.objects.in_wachtrij_voor(verzamelaar), a):
        wachtrij.pas_ingebracht_verhaal_aan(
            verhaal=verhaal,
            gegevens={"toestemming": toestemming},
            verwachte_versie=verhaal.versie,
            door=verzamelaar,
        )


getal = st.integers(min_value=0, max_value=50)
codes = st.lists(getal, min_size=1, max_size=3)
toestemming = st.sampled_from(Toestemming.values)
stap = st.one_of(
    st.tuples(st.just(codeer), getal, getal, getal, codes),
    st.tuples(st.just(codeer), getal, getal, getal, codes),
    st.tuples(st.just(hercodeer), getal, codes),
    st.tuples(st.just(verwijder_fragment), getal),
    st.tuples(st.just(zet_fragment_terug), getal),
    st.tuples(st.just(wijzig_verhaal), getal, toestemming, codes),
    st.tuples(st.just(nieuw_verhaal), toestemming, codes),
    st.tuples(st.just(trek_in), getal),
    st.tuples(st.just(wis), getal),
    st.tuples(st.just(subcode), getal),
    st.tuples(st.just(voeg_samen), getal, getal),
    st.tuples(st.just(verplaats), getal, getal),
    st.tuples(st.just(voeg_toe), getal, getal),
    st.tuples(st.just(voeg_toe), getal, getal),
    st.tuples(st.just(haal_weg), getal),
    st.tuples(st.just(publiceer), getal, st.booleans()),
    st.tuples(st.just(wijzig_publiek), getal, st.sampled_from(Publiek.values)),
    st.tuples(st.just(verwijder_collectie), getal),
    st.tuples(st.just(breng_in), toestemming),
    st.tuples(st.just(breng_in), toestemming),
    st.tuples(st.just(neem_op), getal, toestemming),
    st.tuples(st.just(stuur_terug), getal),
    st.tuples(st.just(pas_ingebracht_aan), getal, toestemming),
)


@settings(
    max_examples=int(os.environ.get("TELLINGEN_VOORBEELDEN", "12")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stappen=st.lists(stap, min_size=1, max_size=10))
def test_stored_counts_equal_a_recount_after_every_step(wereld, stappen):
    with transaction.atomic():
        for functie, *argumenten in stappen:
            # A step the service refuses writes nothing: the counts stay right too.
            with contextlib.suppress(ValidationError):
                functie(wereld["door"], *argumenten)
            controleer(wereld["lezers"])
        transaction.set_rollback(True)


def test_a_merge_of_a_code_on_many_stories_recounts_and_stays_right(wereld, monkeypatch):
    # Beyond codering.SAMENVOEGEN_MET_VERSCHIL stories the merge recounts the codes above.
    monkeypatch.setattr(codering, "SAMENVOEGEN_MET_VERSCHIL", 0)
    door = wereld["door"]
    sub_0, sub_1 = Thema.objects.filter(is_kennisagenda=False).order_by("pk")
    onder_sub_1 = codering.maak_subcode(naam="onder sub 1", parent=sub_1, door=door)
    hoofd = Thema.objects.filter(parent=None).order_by("pk")
    for nummer, verhaal in enumerate(Verhaal.objects.order_by("pk")):
        for codes in ([sub_1], [onder_sub_1, hoofd[0]], [sub_0, sub_1]):
            codering.maak_fragment(
                verhaal=verhaal, start=nummer, eind=nummer + 9, codes=codes, codeur=door
            )
    nieuw_verhaal(door, "openbaar", [Thema.objects.count() - 1])  # the story itself: onder sub 1
    controleer(wereld["lezers"])

    codering.voeg_codes_samen(bron=sub_1, doel=sub_0, door=door)
    controleer(wereld["lezers"])
    codering.voeg_codes_samen(bron=sub_0, doel=hoofd[2], door=door)
    controleer(wereld["lezers"])


# --- Rebuilding -----------------------------------------------------------------


def test_the_command_rebuilds_counts_written_around_the_services(wereld, onderzoeker):
    verhaal = Verhaal.objects.filter(toestemming="openbaar").first()
    collectie = Collectie.objects.get(publiek=Publiek.OPENBAAR)
    collecties.voeg_verhaal_toe(collectie=collectie, verhaal=verhaal, door=onderzoeker)
    collecties.publiceer_collectie(collectie=collectie, door=onderzoeker)
    maatwerk = Thema.objects.get(slug="maatwerk")
    VerhaalFactory(themas=[maatwerk], toestemming="onderzoek")
    # Rows written without a service: the stored counts no longer hold ...
    Verhaal.objects.filter(pk=verhaal.pk).update(toestemming=Toestemming.INGETROKKEN)
    Codetelling.objects.update(verhalen=99)

    uitvoer = io.StringIO()
    call_command("herbereken_tellingen", stdout=uitvoer)

    # ... until the command counts them again.
    controleer(wereld["lezers"])
    assert tellingen.voor_code(onderzoeker, maatwerk) == (1, 0)
    assert "Tellingen opnieuw berekend" in uitvoer.getvalue()


def test_a_new_code_counts_zero_until_it_is_used(wereld, onderzoeker):
    code = codering.maak_subcode(
        naam="nog leeg", parent=Thema.objects.get(slug="maatwerk"), door=onderzoeker
    )

    assert tellingen.fragmenten_per_code(onderzoeker).get(code.pk, 0) == 0
    assert tellingen.voor_code(onderzoeker, code) == (0, 0)


# --- The admin writes collections itself --------------------------------------


def _admin_gegevens(collectie, *, verhalen=(), **velden):
    gegevens = {
        "titel": collectie.titel,
        "slug": collectie.slug,
        "themas": "",
        "inleiding": collectie.inleiding,
        "publiek": collectie.publiek,
        "gepubliceerd": "on",
        "gepubliceerd_op_0": "2026-01-01",
        "gepubliceerd_op_1": "12:00:00",
        "curator": "",
        "items-TOTAL_FORMS": str(len(verhalen)),
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        **velden,
    }
    for nummer, verhaal in enumerate(verhalen):
        gegevens[f"items-{nummer}-verhaal"] = str(verhaal.pk)
        gegevens[f"items-{nummer}-volgorde"] = str(nummer + 1)
    return gegevens


def test_counts_follow_collections_changed_and_deleted_in_the_admin(
    wereld, beheerder_client, raadslid
):
    collectie = Collectie.objects.get(publiek=Publiek.BREDE_RAAD)
    verhalen_ = list(Verhaal.objects.filter(toestemming__in=["brede_raad", "openbaar"]))
    url = f"/admin/verhalen/collectie/{collectie.pk}/change/"

    response = beheerder_client.post(url, _admin_gegevens(collectie, verhalen=verhalen_))

    assert response.status_code == 302
    assert opgeslagen_collectietellingen(raadslid)[collectie.pk] == len(verhalen_) == 3
    controleer(wereld["lezers"])

    response = beheerder_client.post(
        f"/admin/verhalen/collectie/{collectie.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Collectie.objects.filter(pk=collectie.pk).exists()
    controleer(wereld["lezers"])


# --- The story list shows each story's coding progress ---------------------------


def test_story_list_shows_fragments_and_codes_per_story(onderzoeker_client, onderzoeker):
    maatwerk = Thema.objects.get(slug="maatwerk")
    sub = codering.maak_subcode(naam="op maat", parent=maatwerk, door=onderzoeker)
    gecodeerd = VerhaalFactory(titel="Gecodeerd", tekst=TEKST)
    VerhaalFactory(titel="Leeg", tekst=TEKST)
    for start in (0, 20):
        codering.maak_fragment(
            verhaal=gecodeerd,
            start=start,
            eind=start + 9,
            codes=[maatwerk, sub],
            codeur=onderzoeker,
        )

    inhoud = onderzoeker_client.get("/verhalen/").content.decode()

    assert "2 fragmenten · 2 codes" in inhoud
    assert inhoud.count('<p class="verhaal-item__codering">Nog niet gecodeerd</p>') == 1


def test_counts_follow_a_code_moved_in_the_admin(wereld, beheerder_client, onderzoeker):
    maatwerk, vertrouwen = Thema.objects.get(slug="maatwerk"), Thema.objects.get(slug="vertrouwen")
    code = codering.maak_subcode(naam="verhuisd", parent=maatwerk, door=onderzoeker)
    verhaal = Verhaal.objects.filter(toestemming="onderzoek").first()
    codering.maak_fragment(verhaal=verhaal, start=0, eind=9, codes=[code], codeur=onderzoeker)
    voor = tellingen.voor_code(onderzoeker, vertrouwen)

    response = beheerder_client.post(
        f"/admin/carelab/thema/{code.pk}/change/",
        {
            "name": code.name,
            "slug": code.slug,
            "parent": vertrouwen.pk,
            "kleur": code.kleur,
            "volgorde": code.volgorde,
            "subcodes-TOTAL_FORMS": "0",
            "subcodes-INITIAL_FORMS": "0",
            "subcodes-MIN_NUM_FORMS": "0",
            "subcodes-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 302, response.content.decode()[-3000:]
    assert tellingen.voor_code(onderzoeker, vertrouwen) == (voor[0] + 1, voor[1] + 1)
    controleer(wereld["lezers"])
