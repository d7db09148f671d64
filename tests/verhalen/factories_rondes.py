"""Factories for coding rounds.

ronde = CoderingsrondeFactory(verhalen=[v1, v2], codes=[thema], codeurs=[a, b])
RondecoderingFactory(ronde=ronde, codeur=a, verhaal=v1, start=0, eind=20, codes=[thema])
"""

import factory

from tests.factories import UserFactory
from verhalen.models import Coderingsronde, Rondecodering


class CoderingsrondeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coderingsronde
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Proefronde {n}")
    aangemaakt_door = factory.SubFactory(UserFactory, role="onderzoeker")

    @factory.post_generation
    def verhalen(ronde, create, extracted, **kwargs):
        if create and extracted:
            ronde.verhalen.set(extracted)

    @factory.post_generation
    def codes(ronde, create, extracted, **kwargs):
        if create and extracted:
            ronde.codes.set(extracted)

    @factory.post_generation
    def codeurs(ronde, create, extracted, **kwargs):
        if create and extracted:
            ronde.codeurs.set(extracted)


class RondecoderingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rondecodering
        skip_postgeneration_save = True

    ronde = factory.SubFactory(CoderingsrondeFactory)
    codeur = factory.SubFactory(UserFactory, role="onderzoeker")
    verhaal = factory.LazyAttribute(lambda c: c.ronde.verhalen.first())
    start = 0
    eind = 20
    citaat = factory.LazyAttribute(lambda c: c.verhaal.tekst[c.start : c.eind])

    @factory.post_generation
    def codes(rondecodering, create, extracted, **kwargs):
        if create and extracted:
            rondecodering.codes.set(extracted)
