"""REFI-QDA Cases and Sets: each exported story is also a Case with its
values (tools such as NVivo cross-tabulate codes by the attributes of
cases); collections and coding rounds go out as Sets of their exported
stories. On import a Case's values reach its sources; Sets are read and
named in the dry run, and change nothing."""

import pytest
from django.urls import reverse

from tests.uitwisseling.refi import NS, open_qdpx
from tests.uitwisseling.test_importeren import _upload, qdpx
from tests.verhalen.factories import KenmerkFactory, VerhaalFactory, kenmerkwaarde
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from tests.verhalen.factories_rondes import CoderingsrondeFactory
from uitwisseling import importeren, lezen
from uitwisseling.guids import guid
from verhalen.models import Collectie, Toestemming, Verhaal

pytestmark = pytest.mark.django_db


def _waarden(element):
    return sorted(
        (
            waarde.find("q:VariableRef", NS).get("targetGUID"),
            waarde[1].text,
        )
        for waarde in element.iterfind("q:VariableValue", NS)
    )


def test_each_story_is_a_case_with_the_values_of_its_source(onderzoeker_client):
    verhaal = VerhaalFactory(titel="Wachten", leeftijdscategorie="27-45", trefwoorden=["brief"])
    kenmerkwaarde(verhaal, KenmerkFactory(naam="Levensdomein"), "zorg")
    VerhaalFactory(titel="Ingetrokken", toestemming=Toestemming.INGETROKKEN)

    project, _ = open_qdpx(onderzoeker_client.get(reverse("uitwisseling:export_qdpx")).content)

    cases = project.findall("q:Cases/q:Case", NS)
    assert [case.get("name") for case in cases] == ["Wachten"]
    bron = project.find("q:Sources/q:TextSource", NS)
    assert [ref.get("targetGUID") for ref in cases[0].iterfind("q:SourceRef", NS)] == [
        bron.get("guid")
    ]
    assert _waarden(cases[0]) == _waarden(bron)
    assert {"27 tot 45 jaar", "brief", "zorg"} <= {waarde for _ref, waarde in _waarden(cases[0])}


def test_collections_and_rounds_are_sets_of_the_exported_stories(onderzoeker_client):
    een = VerhaalFactory(titel="Een", toestemming=Toestemming.OPENBAAR)
    twee = VerhaalFactory(titel="Twee", toestemming=Toestemming.OPENBAAR)
    weg = VerhaalFactory(titel="Weg", toestemming=Toestemming.OPENBAAR)
    collectie = CollectieFactory(titel="Over wachten", inleiding="Wachten op hulp.")
    for verhaal in (twee, een, weg):
        CollectieItemFactory(collectie=collectie, verhaal=verhaal)
    CoderingsrondeFactory(titel="Proefronde", verhalen=[een, weg])
    weg.toestemming = Toestemming.INGETROKKEN  # withdrawn: in no export, in no set
    weg.save()

    project, _ = open_qdpx(onderzoeker_client.get(reverse("uitwisseling:export_qdpx")).content)

    sets = {
        groep.get("name"): (
            groep.findtext("q:Description", namespaces=NS),
            [lid.get("targetGUID") for lid in groep.iterfind("q:MemberSource", NS)],
        )
        for groep in project.iterfind("q:Sets/q:Set", NS)
    }
    assert sets == {
        "Collectie: Over wachten": (
            "Wachten op hulp.",
            [guid("verhaal", twee.pk), guid("verhaal", een.pk)],  # the collection's order
        ),
        "Coderingsronde: Proefronde": (None, [guid("verhaal", een.pk)]),
    }


def test_an_export_without_collections_or_rounds_has_no_sets(onderzoeker_client):
    VerhaalFactory()
    project, _ = open_qdpx(onderzoeker_client.get(reverse("uitwisseling:export_qdpx")).content)
    assert project.find("q:Sets", NS) is None


BRON_A = "22222222-2222-2222-2222-222222222222"
BRON_B = "55555555-5555-5555-5555-555555555555"
VARIABELE = "66666666-6666-6666-6666-666666666666"


def _project():
    bronnen = "".join(
        f'<TextSource guid="{guid_}" name="{naam}" plainTextPath="internal://{guid_}.txt">'
        + (eigen or "")
        + "</TextSource>"
        for guid_, naam, eigen in [
            (BRON_A, "Gesprek A", ""),
            (
                BRON_B,
                "Gesprek B",
                f'<VariableValue><VariableRef targetGUID="{VARIABELE}"/>'
                "<TextValue>werk</TextValue></VariableValue>",
            ),
        ]
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" '
        'name="NVivo-project"><Variables>'
        f'<Variable guid="{VARIABELE}" name="Levensdomein" typeOfVariable="Text"/></Variables>'
        '<Cases><Case guid="77777777-7777-7777-7777-777777777777" name="Bewoner 1">'
        f'<VariableValue><VariableRef targetGUID="{VARIABELE}"/><TextValue>wonen</TextValue>'
        f'</VariableValue><SourceRef targetGUID="{BRON_A}"/><SourceRef targetGUID="{BRON_B}"/>'
        f"</Case></Cases><Sources>{bronnen}</Sources>"
        '<Sets><Set guid="88888888-8888-8888-8888-888888888888" name="Eerste ronde">'
        f'<MemberSource targetGUID="{BRON_A}"/><MemberSource targetGUID="{BRON_B}"/></Set></Sets>'
        "</Project>"
    ).encode()


def _bestand():
    return qdpx(
        _project(),
        {
            f"sources/{BRON_A}.txt": b"Eerste verzonnen gesprek.",
            f"sources/{BRON_B}.txt": b"Tweede verzonnen gesprek.",
        },
    )


def test_a_cases_values_reach_its_sources_unless_they_have_their_own(onderzoeker):
    inhoud = lezen.lees("nvivo.qdpx", _bestand())
    assert [bron.waarden for bron in inhoud.bronnen] == [
        {"Levensdomein": "wonen"},
        {"Levensdomein": "werk"},
    ]

    importeren.importeer(plan=importeren.plan(inhoud), door=onderzoeker, bestandsnaam="n.qdpx")

    assert sorted(Verhaal.objects.values_list("titel", "kenmerkwaarden__tekst")) == [
        ("Gesprek A", "wonen"),
        ("Gesprek B", "werk"),
    ]


def test_sets_are_named_in_the_dry_run_and_import_nothing(onderzoeker_client, onderzoeker):
    response = _upload(onderzoeker_client, "nvivo.qdpx", _bestand())

    assert "Groepen van bronnen (sets)" in response.text
    assert "Eerste ronde: 2 bronnen" in response.text
    aantal = Collectie.objects.count()
    inhoud = lezen.lees("nvivo.qdpx", _bestand())
    importeren.importeer(plan=importeren.plan(inhoud), door=onderzoeker, bestandsnaam="n.qdpx")
    assert Collectie.objects.count() == aantal
