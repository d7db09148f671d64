"""Factories for stories and fragments.

    VerhaalFactory(themas=[thema], trefwoorden=["schulden"], toestemming="openbaar")
    FragmentFactory(verhaal=verhaal, start=0, eind=12, codes=[thema])

A fragment's `citaat` is taken from its story's text at [start:eind].
Factories write rows directly, so each one counts the stored counts again at
the end (verhalen/tellingen.py), as the demo loader does.
"""

import factory

from tests.factories import UserFactory
from verhalen.models import Fragment, Toestemming, Verhaal
from verhalen.tellingen import herbereken


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
