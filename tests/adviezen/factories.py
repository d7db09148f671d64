"""Factories for advice, recommendations, citations and answers.

advies = AdviesFactory(status="aangeboden")  # with date and recipient
aanbeveling = AanbevelingFactory(advies=advies)
CitaatFactory(aanbeveling=aanbeveling, verhaal=verhaal, start=0, eind=30)
AntwoordFactory(aanbeveling=aanbeveling, oordeel="deels")
"""

import datetime

import factory

from adviezen.models import GEPUBLICEERD, Aanbeveling, Advies, Antwoord, Citaat, Status


class AdviesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Advies

    titel = factory.Sequence(lambda n: f"Advies {n}")
    slug = factory.Sequence(lambda n: f"advies-{n}")
    inleiding = "Een verzonnen voorbeeld van een advies aan de gemeente."
    status = Status.CONCEPT
    aangeboden_op = factory.LazyAttribute(
        lambda advies: datetime.date(2026, 11, 3) if advies.status in GEPUBLICEERD else None
    )
    aangeboden_aan = factory.LazyAttribute(
        lambda advies: "de wethouder Zorg" if advies.status in GEPUBLICEERD else ""
    )


class AanbevelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanbeveling

    advies = factory.SubFactory(AdviesFactory)
    volgorde = factory.Sequence(lambda n: n + 1)
    tekst = factory.Sequence(lambda n: f"Aanbeveling {n}: geef mensen één vast aanspreekpunt.")


class CitaatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citaat

    aanbeveling = factory.SubFactory(AanbevelingFactory)
    verhaal = None
    start = factory.LazyAttribute(lambda citaat: 0 if citaat.verhaal else None)
    eind = factory.LazyAttribute(lambda citaat: 30 if citaat.verhaal else None)


class AntwoordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Antwoord

    aanbeveling = factory.SubFactory(AanbevelingFactory)
    oordeel = "deels"
    tekst = "De gemeente neemt dit mee in het nieuwe beleid."
    datum = datetime.date(2026, 12, 1)
