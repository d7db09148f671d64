"""Factories for collections, their items and reflections.

    collectie = CollectieFactory(publiek="openbaar", gepubliceerd=True, themas=[thema])
    CollectieItemFactory(collectie=collectie, verhaal=VerhaalFactory(toestemming="openbaar"))
    ReflectieFactory(collectie=collectie, auteur=raadslid)

Items skip the consent check of `CollectieItem.clean()` (factories do not
call full_clean), so tests can also build the "consent lowered later" case.
"""

import factory
from django.utils import timezone

from tests.factories import UserFactory
from tests.verhalen.factories import VerhaalFactory, tel_opnieuw
from verhalen.models import Collectie, CollectieItem, Publiek, Reflectie, Toestemming


class CollectieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collectie
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Collectie {n}")
    slug = factory.Sequence(lambda n: f"collectie-{n}")
    inleiding = "Verhalen over wachten op hulp, in gewone taal ingeleid."
    publiek = Publiek.BREDE_RAAD
    gepubliceerd = True
    gepubliceerd_op = factory.LazyAttribute(
        lambda collectie: timezone.now() if collectie.gepubliceerd else None
    )
    curator = factory.SubFactory(UserFactory)

    @factory.post_generation
    def themas(collectie, create, extracted, **kwargs):
        if create and extracted:
            collectie.themas.set(extracted)

    tellingen = factory.PostGeneration(tel_opnieuw)  # last: runs after the others


class CollectieItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CollectieItem
        skip_postgeneration_save = True

    collectie = factory.SubFactory(CollectieFactory)
    verhaal = factory.SubFactory(VerhaalFactory, toestemming=Toestemming.OPENBAAR)
    volgorde = factory.Sequence(lambda n: n + 1)
    notitie = ""

    @factory.post_generation
    def fragmenten(item, create, extracted, **kwargs):
        if create and extracted:
            item.fragmenten.set(extracted)

    tellingen = factory.PostGeneration(tel_opnieuw)  # last: runs after the others


class ReflectieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reflectie

    collectie = factory.SubFactory(CollectieFactory)
    auteur = factory.SubFactory(UserFactory)
    tekst = "Dit herken ik uit mijn eigen buurt."
