import datetime
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from kenniscafes.models import Aanmelding, Kenniscafe, Locatie, Reeks, Spreker

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def amsterdam(*args):
    """An aware datetime in Amsterdam time: amsterdam(2019, 5, 23, 15)."""
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


def over_dagen(dagen, uur=15):
    """Today + `dagen` at `uur`:00, Amsterdam time."""
    dag = timezone.localdate() + datetime.timedelta(days=dagen)
    return datetime.datetime.combine(dag, datetime.time(uur), tzinfo=AMSTERDAM)


class LocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locatie

    naam = factory.Sequence(lambda n: f"Huis van de Wijk {n}")
    adres = "Gaffelstraat 1"
    postcode = "3014 RA"
    plaats = "Rotterdam"
    drempelvrij = True


class ReeksFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reeks

    titel = factory.Sequence(lambda n: f"Reeks {n}")
    slug = factory.Sequence(lambda n: f"reeks-{n}")


class KenniscafeFactory(factory.django.DjangoModelFactory):
    """A published café two weeks from now, 15.00–17.00, with a place and 20 seats."""

    class Meta:
        model = Kenniscafe
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Kenniscafé {n}")
    slug = factory.Sequence(lambda n: f"kenniscafe-{n}")
    start = factory.LazyFunction(lambda: over_dagen(14))
    eind = factory.LazyAttribute(lambda cafe: cafe.start + datetime.timedelta(hours=2))
    locatie = factory.SubFactory(LocatieFactory)
    beschrijving = "We praten over wat werkt in de wijk."
    capaciteit = 20
    gepubliceerd = True

    @factory.post_generation
    def themas(cafe, create, extracted, **kwargs):
        if create and extracted:
            cafe.themas.set(extracted)


class SprekerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Spreker

    kenniscafe = factory.SubFactory(KenniscafeFactory)
    naam = factory.Sequence(lambda n: f"Spreker {n}")
    rol = "lector"


class AanmeldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanmelding

    kenniscafe = factory.SubFactory(KenniscafeFactory)
    naam = factory.Sequence(lambda n: f"Bezoeker {n}")
    email = factory.Sequence(lambda n: f"bezoeker{n}@example.org")
    organisatie = "Wijkteam Delfshaven"
