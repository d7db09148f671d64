"""Factories for stories and fragments.

    VerhaalFactory(themas=[thema], trefwoorden=["schulden"], toestemming="openbaar")
    FragmentFactory(verhaal=verhaal, start=0, eind=12, codes=[thema])

A fragment's `citaat` is taken from its story's text at [start:eind].
Factories write rows directly, so each one counts the stored counts again at
the end (verhalen/services/tellingen.py), as the demo loader does.
"""

import factory

from tests.factories import UserFactory
from verhalen.models import (
    Fragment,
    Kenmerk,
    KenmerkSoort,
    KenmerkWaarde,
    Memo,
    Toestemming,
    Verhaal,
)
from verhalen.services.tellingen import herbereken


def tel_opnieuw(obj, create, extracted, **kwargs):
    if create:
        herbereken()


class VerhaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verhaal
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Voorbeeldverhaal {n}")
    tekst = factory.Sequence(
        lambda n: (
            f"Dit is verzonnen voorbeeldverhaal {n}. Ik wachtte maanden op een antwoord "
            "van de gemeente.\nToen kwam er eindelijk iemand langs die echt luisterde."
        )
    )
    samenvatting = "Een verzonnen voorbeeld over wachten op hulp."
    verteller_type = "bewoner"
    pseudoniem = "Bewoner uit Zuid"
    gemeente = "rotterdam"
    verzamelwijze = "interview"
    toestemming = Toestemming.ONDERZOEK
    verzameld_door = factory.SubFactory(UserFactory)

    @factory.post_generation
    def themas(verhaal, create, extracted, **kwargs):
        if create and extracted:
            verhaal.themas.set(extracted)

    @factory.post_generation
    def trefwoorden(verhaal, create, extracted, **kwargs):
        if create and extracted:
            verhaal.trefwoorden.set(extracted)

    @factory.post_generation
    def snapshot(verhaal, create, extracted, **kwargs):
        # Record the themes in the story's snapshot (and its history), as the
        # services do.
        if create and (verhaal.thema_items.exists() or verhaal.trefwoord_items.exists()):
            verhaal.save()

    tellingen = factory.PostGeneration(tel_opnieuw)  # last: runs after the others


class FragmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fragment
        skip_postgeneration_save = True

    verhaal = factory.SubFactory(VerhaalFactory)
    start = 0
    eind = 20
    citaat = factory.LazyAttribute(
        lambda fragment: fragment.verhaal.tekst[fragment.start : fragment.eind]
    )
    memo = "Opvallend stuk."
    codeur = factory.SubFactory(UserFactory)

    @factory.post_generation
    def codes(fragment, create, extracted, **kwargs):
        if create and extracted:
            fragment.codes.set(extracted)
            fragment.save()

    tellingen = factory.PostGeneration(tel_opnieuw)  # last: runs after the others


class MemoFactory(factory.django.DjangoModelFactory):
    """A memo; about nothing (the research journal) unless verhaal/code/fragment is given."""

    class Meta:
        model = Memo

    titel = factory.Sequence(lambda n: f"Memo {n}")
    tekst = "Valt op dat wachten steeds terugkomt."
    auteur = factory.SubFactory(UserFactory)


class KenmerkFactory(factory.django.DjangoModelFactory):
    """A research attribute; a choice from a list unless `soort` says otherwise."""

    class Meta:
        model = Kenmerk

    naam = factory.Sequence(lambda n: f"Kenmerk {n}")
    slug = factory.Sequence(lambda n: f"kenmerk-{n}")
    soort = KenmerkSoort.KEUZE
    keuzes = factory.LazyAttribute(
        lambda kenmerk: ["wonen", "werk", "zorg"] if kenmerk.soort == KenmerkSoort.KEUZE else []
    )


def kenmerkwaarde(verhaal, kenmerk, waarde):
    """Store `waarde` in the column of the attribute's kind."""
    return KenmerkWaarde.objects.create(verhaal=verhaal, kenmerk=kenmerk, **{kenmerk.kolom: waarde})
