"""Reading advice: recommendations with their cited passages, read LIVE.

A citation only says where a passage is; its words are read from the story
through `Verhaal.objects.zichtbaar_voor(viewer)` each time an advice is shown
(page, print, PDF, export). A passage whose story the viewer may no longer
see has fallen away ("vervallen"): the public page and the export leave it
out, and the editors' page says that it fell away.

Everything here runs in a constant number of queries, whatever the number of
recommendations and citations.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch

from verhalen.models import Reflectie, Toestemming, Verhaal, VertellerType

from .models import Aanbeveling, Advies, Citaat

# A recommendation resting on fewer passages, or on one kind of teller, is thin.
MINSTE_PASSAGES = 3
MINSTE_SOORTEN = 2


@dataclass
class Passage:
    citaat: Citaat
    tekst: str = ""
    verhaal: Verhaal | None = None
    vervallen: bool = False
    openbaar: bool = False

    @property
    def verteller(self):
        return self.verhaal.get_verteller_type_display() if self.verhaal else ""


@dataclass
class Basis:
    passages: int
    verhalen: int
    soorten: list[str]

    @property
    def dun(self):
        return self.passages < MINSTE_PASSAGES or len(self.soorten) < MINSTE_SOORTEN


@dataclass
class Onderbouwing:
    aanbeveling: Aanbeveling
    nummer: int
    passages: list[Passage] = field(default_factory=list)
    reflecties: list[Reflectie] = field(default_factory=list)
    vervallen: int = 0
    basis: Basis | None = None

    @property
    def antwoord(self):
        return getattr(self.aanbeveling, "antwoord", None)


def aanbevelingen(advies: Advies, viewer=None) -> list[Onderbouwing]:
    """The recommendations of `advies` with the passages `viewer` may read.

    `viewer` None reads as the public (the anonymous visitor). Reflections are
    shown only to those the reflection rule lets read them.
    """
    viewer = viewer or AnonymousUser()
    rijen = list(
        Aanbeveling.objects.filter(advies=advies)
        .select_related("antwoord")
        .prefetch_related(
            Prefetch(
                "citaten",
                queryset=Citaat.objects.select_related("reflectie__auteur").order_by("pk"),
            )
        )
        .order_by("volgorde", "pk")
    )
    verhaal_ids = {c.verhaal_id for rij in rijen for c in rij.citaten.all() if c.verhaal_id}
    verhalen = {
        verhaal.pk: verhaal
        for verhaal in Verhaal.objects.zichtbaar_voor(viewer)
        .filter(pk__in=verhaal_ids)
        .only("pk", "titel", "tekst", "verteller_type", "toestemming")
    }
    # The reflection rule (ReflectieQuerySet.leesbaar_voor), without a query.
    mag_reflecties = viewer.has_perm("verhalen.view_reflectie")
    resultaat = []
    for nummer, aanbeveling in enumerate(rijen, start=1):
        onderbouwing = Onderbouwing(aanbeveling=aanbeveling, nummer=nummer)
        for citaat in aanbeveling.citaten.all():
            if citaat.reflectie_id:
                if mag_reflecties:
                    onderbouwing.reflecties.append(citaat.reflectie)
                continue
            verhaal = verhalen.get(citaat.verhaal_id)
            tekst = verhaal.tekst[citaat.start : citaat.eind] if verhaal else ""
            if not tekst.strip():
                onderbouwing.vervallen += 1
                onderbouwing.passages.append(Passage(citaat=citaat, vervallen=True))
                continue
            onderbouwing.passages.append(
                Passage(
                    citaat=citaat,
                    tekst=tekst.strip(),
                    verhaal=verhaal,
                    openbaar=verhaal.toestemming == Toestemming.OPENBAAR,
                )
            )
        levend = [passage for passage in onderbouwing.passages if not passage.vervallen]
        soorten = sorted({passage.verhaal.verteller_type for passage in levend})
        onderbouwing.basis = Basis(
            passages=len(levend),
            verhalen=len({passage.verhaal.pk for passage in levend}),
            soorten=[str(VertellerType(soort).label) for soort in soorten],
        )
        resultaat.append(onderbouwing)
    return resultaat


def gepubliceerde_citaten_van(verhaal: Verhaal) -> list[dict]:
    """Where published advice quotes `verhaal`, for the teller's own page:
    [{"advies": Advies, "passages": [str, ...]}], newest advice first.

    Only advice whose public page exists, and only while the story's consent
    lets the public read the quote (as the public page decides).
    """
    if not Verhaal.objects.zichtbaar_voor(AnonymousUser()).filter(pk=verhaal.pk).exists():
        return []
    citaten = (
        Citaat.objects.filter(
            verhaal=verhaal, aanbeveling__advies__in=Advies.objects.gepubliceerd()
        )
        .select_related("aanbeveling__advies")
        .order_by("-aanbeveling__advies__aangeboden_op", "aanbeveling__advies__titel", "pk")
    )
    per_advies: dict[int, dict] = {}
    for citaat in citaten:
        advies = citaat.aanbeveling.advies
        rij = per_advies.setdefault(advies.pk, {"advies": advies, "passages": []})
        passage = verhaal.tekst[citaat.start : citaat.eind].strip()
        if passage and passage not in rij["passages"]:
            rij["passages"].append(passage)
    return list(per_advies.values())


@dataclass(frozen=True)
class Kandidaat:
    """Something an editor may cite: a passage (story + stretch) or a reflection."""

    sleutel: str
    label: str
    verhaal_id: int | None = None
    start: int | None = None
    eind: int | None = None
    reflectie_id: int | None = None


def _kort(tekst, lengte=110):
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else f"{tekst[:lengte].rstrip()}…"


def citeerbaar(user, *, hoogstens: int = 200) -> list[Kandidaat]:
    """What `user` may cite: the passages members reflected on (and those
    reflections), then the excerpts chosen in collections — only where the one
    visibility rule lets `user` read the story in a collection they may open."""
    from verhalen.models import CollectieItem, Fragment

    items = CollectieItem.objects.leesbaar_voor(user)
    kandidaten = []
    reflecties = (
        Reflectie.objects.leesbaar_voor(user)
        .filter(verhaal__isnull=False, verhaal__collectie_items__in=items)
        .distinct()
        .select_related("verhaal", "auteur")
        .order_by("-aangemaakt_op", "-pk")[:hoogstens]
    )
    for reflectie in reflecties:
        verhaal = reflectie.verhaal
        passage = _kort(reflectie.passage_tekst())
        kandidaten.append(
            Kandidaat(
                sleutel=f"p{verhaal.pk}-{reflectie.start}-{reflectie.eind}",
                label=f"Stuk uit “{verhaal.titel}” ({verhaal.get_verteller_type_display()}): "
                f"“{passage}”",
                verhaal_id=verhaal.pk,
                start=reflectie.start,
                eind=reflectie.eind,
            )
        )
        naam = reflectie.auteur.get_full_name() or reflectie.auteur.get_username()
        kandidaten.append(
            Kandidaat(
                sleutel=f"r{reflectie.pk}",
                label=f"Reflectie van {naam} op dat stuk: “{_kort(reflectie.tekst)}”",
                reflectie_id=reflectie.pk,
            )
        )
    fragmenten = (
        Fragment.objects.zichtbaar_voor(user)
        .filter(collectie_items__in=items)
        .distinct()
        .select_related("verhaal")
        .order_by("-pk")[:hoogstens]
    )
    for fragment in fragmenten:
        verhaal = fragment.verhaal
        kandidaten.append(
            Kandidaat(
                sleutel=f"p{verhaal.pk}-{fragment.start}-{fragment.eind}",
                label=f"Gekozen stuk uit “{verhaal.titel}” "
                f"({verhaal.get_verteller_type_display()}): "
                f"“{_kort(verhaal.tekst[fragment.start : fragment.eind])}”",
                verhaal_id=verhaal.pk,
                start=fragment.start,
                eind=fragment.eind,
            )
        )
    gezien, uniek = set(), []
    for kandidaat in kandidaten:
        if kandidaat.sleutel not in gezien:
            gezien.add(kandidaat.sleutel)
            uniek.append(kandidaat)
    return uniek
