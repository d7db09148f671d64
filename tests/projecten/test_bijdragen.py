"""Partners' contributions per project or event, and the yearly overview per partner."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from projecten.models import Bijdrage
from tests.kenniscafes.factories import KenniscafeFactory, amsterdam

from .factories import BijdrageFactory, OrganisatieFactory, ProjectFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/projecten/bijdrage/"


def test_contribution_is_for_a_project_or_an_activity():
    bijdrage = Bijdrage(
        organisatie=OrganisatieFactory(), datum=datetime.date(2019, 1, 1), soort="ruimte"
    )
    with pytest.raises(ValidationError) as fout:
        bijdrage.full_clean()
    assert fout.value.messages == ["Kies een project of een activiteit (of allebei)."]
    with pytest.raises(IntegrityError), transaction.atomic():
        bijdrage.save()


def test_negative_hours_are_refused():
    bijdrage = BijdrageFactory.build(
        organisatie=OrganisatieFactory(), project=ProjectFactory(), uren=Decimal("-1")
    )
    with pytest.raises(ValidationError) as fout:
        bijdrage.full_clean()
    assert "uren" in fout.value.message_dict


def test_yearly_overview_per_partner_as_csv(coordinator_client):
    vivenz = OrganisatieFactory(naam="Vivenz")
    gemeente = OrganisatieFactory(naam="Gemeente Schiedam")
    werkplaats = ProjectFactory(titel="Werkplaats")
    cafe = KenniscafeFactory(titel="Ontmoeting in de wijk", start=amsterdam(2019, 6, 3, 15))
    BijdrageFactory(organisatie=vivenz, project=werkplaats, datum=datetime.date(2019, 2, 1), uren=8)
    BijdrageFactory(
        organisatie=vivenz,
        project=None,
        kenniscafe=cafe,
        datum=datetime.date(2019, 6, 3),
        uren=Decimal("2.5"),
    )
    BijdrageFactory(
        organisatie=vivenz,
        project=None,
        kenniscafe=cafe,
        datum=datetime.date(2019, 6, 3),
        soort="ruimte",
        uren=None,
        omschrijving="Zaal voor 40 mensen",
    )
    BijdrageFactory(
        organisatie=gemeente, project=werkplaats, datum=datetime.date(2018, 5, 1), uren=6
    )
    BijdrageFactory(organisatie=vivenz, project=werkplaats, datum=datetime.date(2020, 1, 9), uren=1)

    response = coordinator_client.post(
        CHANGELIST,
        {
            "action": "jaaroverzicht",
            "_selected_action": list(Bijdrage.objects.values_list("pk", flat=True)),
        },
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    inhoud = b"".join(response.streaming_content).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(inhoud))) == [
        ["partner", "jaar", "soort", "aantal keer", "uren", "waarvoor"],
        ["Gemeente Schiedam", "2018", "uren inzet", "1", "6.0", "Werkplaats"],
        ["Vivenz", "2019", "ruimte", "1", "0.0", "Ontmoeting in de wijk"],
        ["Vivenz", "2019", "uren inzet", "2", "10.5", "Werkplaats; Ontmoeting in de wijk"],
        ["Vivenz", "2020", "uren inzet", "1", "1.0", "Werkplaats"],
    ]


def test_contributions_are_entered_under_the_activity_in_the_admin(coordinator_client):
    cafe = KenniscafeFactory()
    partner = OrganisatieFactory(naam="Vivenz")
    response = coordinator_client.get(f"/admin/kenniscafes/kenniscafe/{cafe.pk}/change/")
    assert 'name="bijdragen-TOTAL_FORMS"' in response.content.decode()
    BijdrageFactory(organisatie=partner, project=None, kenniscafe=cafe)
    assert list(cafe.bijdragen.values_list("organisatie__naam", flat=True)) == ["Vivenz"]
