"""The real writes the benchmark makes before a "first view after a write".

Each kind goes through the service the UI uses (verhalen/services/), in the
harness's own process and transaction, committed before the page is asked:

- coderen: a new fragment of the measured code in a story (`maak_fragment`);
- toestemming: a story's consent switched between research only and the
  Brede Raad (`wijzig_verhaal`, the edit form's service);
- samenvoegen: a new sub-code of the measured code with one fragment, merged
  into an existing sub-code (`maak_subcode`, `maak_fragment`,
  `voeg_codes_samen`), so the codebook keeps its size;
- collectie: a story added to a collection (`voeg_verhaal_toe`); it is taken
  out again (`verwijder_item`) before the next one, outside the timing.

`Schrijver.schrijf(soort)` makes one write and returns its seconds (the
service calls only).
"""

import itertools
import time

from django.contrib.auth import get_user_model

from kennisagenda.models import Thema
from verhalen.models import Collectie, CollectieItem, Toestemming, Verhaal
from verhalen.services import codering, collecties
from verhalen.services import verhalen as verhaal_services

CODEREN, TOESTEMMING, SAMENVOEGEN, COLLECTIE = "coderen", "toestemming", "samenvoegen", "collectie"
SOORTEN = (CODEREN, TOESTEMMING, SAMENVOEGEN, COLLECTIE)
VERHALEN_OM_TE_CODEREN = 50


class Schrijver:
    def __init__(self, meet):
        User = get_user_model()
        self.onderzoeker = User.objects.get(username=meet["onderzoeker"])
        self.code = Thema.objects.get(slug=meet["code"])
        self.doel = Thema.objects.filter(parent=self.code).order_by("pk").first() or self.code
        eerlijk = Verhaal.objects.filter(toestemming=Toestemming.BREDE_RAAD).exclude(
            pk=meet["verhaal"]
        )
        self.verhalen = itertools.cycle(
            list(eerlijk.order_by("pk").only("pk", "tekst")[:VERHALEN_OM_TE_CODEREN])
        )
        self.wisselverhaal = eerlijk.order_by("-pk").first()
        self.collectie, self.nieuw_in_collectie = self._collectie_met_plek(meet)
        self.teller = itertools.count(1)

    def _collectie_met_plek(self, meet):
        """A collection (not the measured one) and a story its audience allows
        (never the story whose consent the writes switch); if the story is in
        it already, the first write takes it out before adding it."""
        collectie = Collectie.objects.exclude(slug=meet["collectie"]).order_by("pk").first()
        toegestaan = [Toestemming.OPENBAAR]
        if collectie.publiek == "brede_raad":
            toegestaan.append(Toestemming.BREDE_RAAD)
        verhaal = (
            Verhaal.objects.filter(toestemming__in=toegestaan)
            .exclude(pk=self.wisselverhaal.pk)
            .order_by("pk")
            .first()
        )
        return collectie, verhaal

    def schrijf(self, soort):
        """One write of `soort`; its seconds."""
        if soort == COLLECTIE:
            self._haal_uit_collectie()
        begin = time.perf_counter()
        getattr(self, f"_{soort}")()
        return time.perf_counter() - begin

    def _fragment(self, codes):
        verhaal = next(self.verhalen)
        start = next(self.teller) % max(1, len(verhaal.tekst) - 40)
        return codering.maak_fragment(
            verhaal=verhaal, start=start, eind=start + 30, codes=codes, codeur=self.onderzoeker
        )

    def _coderen(self):
        self._fragment([self.code])

    def _toestemming(self):
        verhaal = Verhaal.objects.get(pk=self.wisselverhaal.pk)
        nieuw = (
            Toestemming.ONDERZOEK
            if verhaal.toestemming == Toestemming.BREDE_RAAD
            else Toestemming.BREDE_RAAD
        )
        verhaal_services.wijzig_verhaal(
            verhaal=verhaal,
            gegevens={"toestemming": nieuw},
            verwachte_versie=verhaal.versie,
            door=self.onderzoeker,
        )

    def _samenvoegen(self):
        bron = codering.maak_subcode(
            naam=f"bench samen {next(self.teller)}", parent=self.code, door=self.onderzoeker
        )
        self._fragment([bron])
        codering.voeg_codes_samen(bron=bron, doel=self.doel, door=self.onderzoeker)

    def _haal_uit_collectie(self):
        item = CollectieItem.objects.filter(
            collectie=self.collectie, verhaal=self.nieuw_in_collectie
        ).first()
        if item is not None:
            collecties.verwijder_item(item=item, door=self.onderzoeker)

    def _collectie(self):
        collecties.voeg_verhaal_toe(
            collectie=self.collectie, verhaal=self.nieuw_in_collectie, door=self.onderzoeker
        )
