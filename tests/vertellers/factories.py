"""Factories for what the lab keeps about a story's teller.

ContactgegevensFactory(verhaal=verhaal, email="verteller@example.org")
"""

import factory

from tests.verhalen.factories import VerhaalFactory
from vertellers.models import Contactgegevens


class ContactgegevensFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contactgegevens

    verhaal = factory.SubFactory(VerhaalFactory)
    naam = "Verzonnen Verteller"
    email = factory.Sequence(lambda n: f"verteller{n}@example.org")
    telefoon = "06-00000000"
    adres = ""
