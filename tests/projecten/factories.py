import datetime

import factory

from projecten.models import (
    Bijdrage,
    Bijeenkomst,
    Lidmaatschap,
    Organisatie,
    Persoon,
    Project,
    Projectpartner,
    Publicatie,
    Teamlid,
    Werkteam,
)


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    soort = Organisatie.Soort.ZORG_WELZIJN


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    naam = factory.Sequence(lambda n: f"Persoon {n}")
    toon_naam_publiek = True


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        django_get_or_create = ("slug",)

    titel = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    samenvatting = "Een project om mee te testen."
    startjaar = 2020
    startmaand = 9


class ProjectpartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Projectpartner

    project = factory.SubFactory(ProjectFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)
    rol = Projectpartner.Rol.PARTNER


class TeamlidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Teamlid

    project = factory.SubFactory(ProjectFactory)
    persoon = factory.SubFactory(PersoonFactory)
    rol = Teamlid.Rol.ONDERZOEKER


class WerkteamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werkteam
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Werkteam {n}")
    slug = factory.Sequence(lambda n: f"werkteam-{n}")
    leervraag = "Hoe leren we samen?"
    startjaar = 2018


class LidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    werkteam = factory.SubFactory(WerkteamFactory)
    persoon = factory.SubFactory(PersoonFactory)
    rol = Lidmaatschap.Rol.PROFESSIONAL


class BijeenkomstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bijeenkomst

    werkteam = factory.SubFactory(WerkteamFactory)
    datum = datetime.date(2019, 1, 28)
    soort = Bijeenkomst.Soort.WERKTEAMBIJEENKOMST


class PublicatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publicatie
        django_get_or_create = ("slug",)

    titel = factory.Sequence(lambda n: f"Publicatie {n}")
    slug = factory.Sequence(lambda n: f"publicatie-{n}")
    auteurs = "A. Auteur"
    jaar = 2019
    soort = Publicatie.Soort.RAPPORT


class BijdrageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bijdrage

    organisatie = factory.SubFactory(OrganisatieFactory)
    project = factory.SubFactory(ProjectFactory)
    datum = datetime.date(2019, 3, 14)
    soort = Bijdrage.Soort.UREN
    uren = 4
