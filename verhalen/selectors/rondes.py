"""Reads for coding rounds: who sees which round codings, the reliability data,
and the differences to settle.

The blind rule lives here: while a round is open a coder sees only their own
round codings (`zichtbare_coderingen`); once closed, every researcher sees all.
Stories are read through `Verhaal.objects.zichtbaar_voor(user)`.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q

from kennisagenda.models import Thema
from verhalen.models import Beslissing, Rondecodering, RondeKlaar, Verhaal
from verhalen.tekst.overeenstemming import (
    Eenheid,
    cohens_kappa,
    krippendorff_alfa,
    oordeel,
    overlapt,
    percentage_overeenstemming,
    zinnen,
)
from verhalen.tekst.posities import nummering


def onderzoekers():
    """The accounts that may code in a round (researchers), by name."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True, groups__name="onderzoeker")
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def codeurs():
    """Everyone who may code: researchers and superusers (the fragment lists' coder filter)."""
    User = get_user_model()
    return (
        User.objects.filter(Q(groups__name="onderzoeker") | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def verhalen_van(ronde, user):
    """The round's stories `user` may see (withdrawn ones drop out), by title."""
    return (
        Verhaal.objects.zichtbaar_voor(user)
        .filter(coderingsrondes=ronde)
        .order_by("titel", "pk")
        .defer("zoekvector", "zoeklemmas", "zoeklemmas_bron")
    )


def zichtbare_coderingen(ronde, user):
    """The round codings `user` may see: their own while the round is open, all after."""
    coderingen = Rondecodering.objects.filter(
        ronde=ronde, verhaal__in=verhalen_van(ronde, user).values("pk")
    )
    if ronde.is_open:
        coderingen = coderingen.filter(codeur=user)
    return coderingen.select_related("codeur").prefetch_related(
        Prefetch("codes", queryset=Thema.objects.order_by("name"))
    )


def eigen_coderingen(ronde, verhaal, user):
    """`user`'s round codings of `verhaal`, numbered in reading order (for the workspace)."""
    coderingen = list(
        Rondecodering.objects.filter(ronde=ronde, verhaal=verhaal, codeur=user)
        .select_related("codeur")
        .prefetch_related(Prefetch("codes", to_attr="codes_lijst"))
    )
    nummers = nummering(coderingen)
    for rondecodering in coderingen:
        rondecodering.nummer = nummers[rondecodering.pk]
    coderingen.sort(key=lambda c: c.nummer)
    return coderingen


def voortgang(ronde, user):
    """Per visible story of the round: which coders marked it done (a set of user pks)."""
    klaar = defaultdict(set)
    for verhaal_id, codeur_id in RondeKlaar.objects.filter(ronde=ronde).values_list(
        "verhaal_id", "codeur_id"
    ):
        klaar[verhaal_id].add(codeur_id)
    return [(verhaal, klaar[verhaal.pk]) for verhaal in verhalen_van(ronde, user).only("titel")]


def _naam(user):
    return user.get_full_name() or user.get_username()


def _cijfers(data, *, twee):
    alfa = krippendorff_alfa(data)
    return {
        "alfa": alfa,
        "oordeel": oordeel(alfa),
        "percentage": percentage_overeenstemming(data),
        "kappa": cohens_kappa(data) if twee else None,
        "eenheden": sum(1 for eenheid in data if sum(w is not None for w in eenheid) >= 2),
    }


def bereken_uitkomst(ronde, user) -> dict:
    """The round's reliability data and agreement, as stored when it closes.

    Units are the sentences of each story (verhalen/tekst/overeenstemming.py).
    For a code, a unit and a coder the value is 1 when one of that coder's
    round codings with the code overlaps the unit, 0 when it does not, and
    missing (None) when the coder did not mark the story done. "Overall"
    pools every unit × code. Only story ids, offsets and a fingerprint of
    each story's text are stored, never text: an erased story takes its words
    with it.
    """
    codeurs = list(ronde.codeurs.order_by("pk"))
    codes = list(ronde.codes.order_by("name"))
    verhalen = [v for v in verhalen_van(ronde, user).only("titel", "tekst") if v.tekst]
    klaar = set(RondeKlaar.objects.filter(ronde=ronde).values_list("verhaal_id", "codeur_id"))
    per_plek = defaultdict(list)  # (verhaal, codeur, code) -> [(start, eind)]
    for rondecodering in Rondecodering.objects.filter(ronde=ronde).prefetch_related("codes"):
        for code in rondecodering.codes.all():
            per_plek[(rondecodering.verhaal_id, rondecodering.codeur_id, code.pk)].append(
                (rondecodering.start, rondecodering.eind)
            )

    eenheden = [(verhaal, zinnen(verhaal.tekst)) for verhaal in verhalen]
    twee = len(codeurs) == 2
    per_code, alles = [], []
    for code in codes:
        data = []
        for verhaal, zinslijst in eenheden:
            for eenheid in zinslijst:
                rij = []
                for codeur in codeurs:
                    if (verhaal.pk, codeur.pk) not in klaar:
                        rij.append(None)
                        continue
                    bereiken = per_plek.get((verhaal.pk, codeur.pk, code.pk), ())
                    rij.append(int(any(overlapt(eenheid, s, e) for s, e in bereiken)))
                data.append(rij)
        alles.extend(data)
        per_code.append(
            {
                "id": code.pk,
                "naam": code.name,
                "waarden": data,
                "toegepast": sum(1 for rij in data if 1 in rij),
                **_cijfers(data, twee=twee),
            }
        )
    return {
        "eenheid": "zin",
        "codeurs": [{"id": c.pk, "naam": _naam(c)} for c in codeurs],
        "verhalen": [
            {
                "id": v.pk,
                "titel": v.titel,
                "eenheden": [[e.start, e.eind] for e in zinslijst],
                "tekst": vingerafdruk(v.tekst),
            }
            for v, zinslijst in eenheden
        ],
        "codes": per_code,
        "totaal": _cijfers(alles, twee=twee),
    }


def vingerafdruk(tekst: str) -> str:
    """A fingerprint of a story's text (not the text): did it change since?"""
    return hashlib.sha256(tekst.encode()).hexdigest()[:32]


def tekst_gewijzigd(ronde, verhaal) -> bool:
    """Has `verhaal`'s text changed since the round closed? Its units were formed
    in the old text. (A round closed before fingerprints were stored: when the
    sentences of the text are no longer the stored units.)"""
    for item in ronde.uitkomst.get("verhalen", []):
        if item["id"] == verhaal.pk:
            if "tekst" in item:
                return item["tekst"] != vingerafdruk(verhaal.tekst)
            return item["eenheden"] != [[e.start, e.eind] for e in zinnen(verhaal.tekst)]
    return False


def eenheid_van(ronde, verhaal, start):
    """The stored unit of `verhaal` that starts at `start`, or None."""
    for item in ronde.uitkomst.get("verhalen", []):
        if item["id"] == verhaal.pk:
            for s, e in item["eenheden"]:
                if s == start:
                    return Eenheid(s, e)
    return None


def coderingen_op(ronde, verhaal, code, eenheid):
    """Every coder's round codings of `verhaal` with `code` that overlap `eenheid`."""
    return list(
        Rondecodering.objects.filter(
            ronde=ronde,
            verhaal=verhaal,
            codes=code,
            start__lt=eenheid.eind,
            eind__gt=eenheid.start,
        ).select_related("codeur")
    )


@dataclass
class Punt:
    """One unit × code of a closed round, with each coder's value and quotes."""

    code: Thema
    verhaal: Verhaal
    eenheid: Eenheid
    waarden: list  # per coder (ronde.uitkomst["codeurs"] order): 1, 0 or None
    versies: list = field(default_factory=list)  # per coder: [(codeur, [Rondecodering])]
    beslissing: Beslissing | None = None
    tekst_gewijzigd: bool = False  # the story's text changed since the round closed

    @property
    def is_verschil(self):
        gegeven = [w for w in self.waarden if w is not None]
        return 1 in gegeven and (0 in gegeven or len(gegeven) < 2)

    @property
    def is_overeenstemming(self):
        gegeven = [w for w in self.waarden if w is not None]
        return len(gegeven) >= 2 and set(gegeven) == {1}

    @property
    def eenheidtekst(self):
        """The unit's sentence; None when the text changed (the offsets are the old text's)."""
        if self.tekst_gewijzigd:
            return None
        return self.verhaal.tekst[self.eenheid.start : self.eenheid.eind]


def punten(ronde, user):
    """Every unit × code where at least one coder applied the code, in code and
    reading order, each with its quotes per coder and any decision (one pass;
    the number of queries does not grow with the units)."""
    uitkomst = ronde.uitkomst
    if not uitkomst:
        return []
    verhalen = {v.pk: v for v in verhalen_van(ronde, user).only("titel", "tekst")}
    codes = Thema.objects.in_bulk([c["id"] for c in uitkomst["codes"]])
    codeurs = get_user_model().objects.in_bulk([c["id"] for c in uitkomst["codeurs"]])
    beslissingen = {
        (b.code_id, b.verhaal_id, b.eenheid_start): b
        for b in Beslissing.objects.filter(ronde=ronde).select_related("door", "versie_van")
    }
    per_plek = defaultdict(list)
    for rondecodering in Rondecodering.objects.filter(ronde=ronde).prefetch_related("codes"):
        for code in rondecodering.codes.all():
            per_plek[(rondecodering.verhaal_id, code.pk)].append(rondecodering)
    gewijzigd = {pk for pk, verhaal in verhalen.items() if tekst_gewijzigd(ronde, verhaal)}
    resultaat = []
    for code_item in uitkomst["codes"]:
        code = codes.get(code_item["id"])
        if code is None:
            continue
        rijen = iter(code_item["waarden"])
        for verhaal_item in uitkomst["verhalen"]:
            for start, eind in verhaal_item["eenheden"]:
                waarden = next(rijen)
                verhaal = verhalen.get(verhaal_item["id"])
                if verhaal is None or 1 not in waarden:
                    continue
                eenheid = Eenheid(start, eind)
                versies = []
                for codeur_item, waarde in zip(uitkomst["codeurs"], waarden, strict=True):
                    citaten = [
                        c
                        for c in per_plek[(verhaal.pk, code.pk)]
                        if c.codeur_id == codeur_item["id"] and overlapt(eenheid, c.start, c.eind)
                    ]
                    versies.append((codeurs.get(codeur_item["id"]), waarde, citaten))
                resultaat.append(
                    Punt(
                        code=code,
                        verhaal=verhaal,
                        eenheid=eenheid,
                        waarden=waarden,
                        versies=versies,
                        beslissing=beslissingen.get((code.pk, verhaal.pk, start)),
                        tekst_gewijzigd=verhaal.pk in gewijzigd,
                    )
                )
    return resultaat


def open_verschillen(ronde, user):
    return [p for p in punten(ronde, user) if p.is_verschil and not p.beslissing]


def open_overeenstemmingen(ronde, user):
    return [p for p in punten(ronde, user) if p.is_overeenstemming and not p.beslissing]
