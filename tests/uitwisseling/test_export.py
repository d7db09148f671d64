import pytest
from django.urls import reverse

from tests.helpers import log_in
from tests.uitwisseling.refi import NS, bron_tekst, open_qdpx, valideer
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Handeling, Inzage, Toestemming

pytestmark = pytest.mark.django_db

TEKST = (
    "Dit is een verzonnen voorbeeld 😀 over wachten.\n"
    "Ik belde de gemeente — niemand nam op.\nToen kwam er hulp van ’n buurvrouw."
)


@pytest.fixture
def verhaal(vertrouwen, maatwerk):
    verhaal = VerhaalFactory(
        titel="Wachten op hulp",
        tekst=TEKST,
        themas=[maatwerk],
        trefwoorden=["wachten", "gemeente"],
        leeftijdscategorie="27-45",
        toestemming=Toestemming.BREDE_RAAD,
    )
    start = TEKST.index("Ik belde")
    FragmentFactory(
        verhaal=verhaal, start=start, eind=TEKST.index(".", start) + 1, codes=[vertrouwen]
    )
    # After the emoji: code points, not UTF-16 units or bytes.
    FragmentFactory(
        verhaal=verhaal,
        start=TEKST.index("over"),
        eind=TEKST.index("wachten") + 7,
        codes=[vertrouwen, maatwerk],
        memo="Wachten als rode draad.",
    )
    return verhaal


def _export(client, **params):
    response = client.get(reverse("uitwisseling:export_qdpx"), params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Disposition"].startswith('attachment; filename="verhalen-')
    return response.content


def test_qdpx_validates_and_every_selection_points_at_its_quote(onderzoeker_client, verhaal):
    project, bestanden = open_qdpx(_export(onderzoeker_client))

    bronnen = project.findall("q:Sources/q:TextSource", NS)
    assert [bron.get("name") for bron in bronnen] == ["Wachten op hulp"]
    tekst = bron_tekst(bestanden, bronnen[0])
    assert tekst == TEKST
    citaten = {
        tekst[int(sel.get("startPosition")) : int(sel.get("endPosition"))]
        for sel in bronnen[0].findall("q:PlainTextSelection", NS)
    }
    assert citaten == set(verhaal.fragmenten.values_list("citaat", flat=True))
    assert citaten == {"Ik belde de gemeente — niemand nam op.", "over wachten"}


def test_qdpx_holds_codes_memos_themes_and_attributes(onderzoeker_client, verhaal, vertrouwen):
    project, _bestanden = open_qdpx(_export(onderzoeker_client))
    codes = {
        code.get("guid"): code.get("name") for code in project.iterfind(".//q:CodeBook//q:Code", NS)
    }
    assert {"vertrouwen", "maatwerk"} <= set(codes.values())
    bron = project.find("q:Sources/q:TextSource", NS)
    selecties = {
        sel.get("name"): (
            sel.findtext("q:Description", namespaces=NS),
            sorted(codes[ref.get("targetGUID")] for ref in sel.iterfind("q:Coding/q:CodeRef", NS)),
        )
        for sel in bron.iterfind("q:PlainTextSelection", NS)
    }
    assert selecties["over wachten"] == ("Wachten als rode draad.", ["maatwerk", "vertrouwen"])
    assert selecties["Ik belde de gemeente — niemand nam op."][1] == ["vertrouwen"]
    assert [codes[ref.get("targetGUID")] for ref in bron.iterfind("q:Coding/q:CodeRef", NS)] == [
        "maatwerk"
    ]
    variabelen = {
        var.get("guid"): var.get("name") for var in project.iterfind("q:Variables/q:Variable", NS)
    }
    waarden = {
        variabelen[waarde.find("q:VariableRef", NS).get("targetGUID")]: waarde[1].text
        for waarde in bron.iterfind("q:VariableValue", NS)
    }
    assert waarden["Leeftijd"] == "27 tot 45 jaar"
    assert waarden["Trefwoorden"] == "gemeente; wachten"
    assert waarden["Toestemming"] == "Ook Brede Raad 010"


def test_qdpx_holds_only_what_the_exporter_may_see(onderzoeker_client, verhaal):
    VerhaalFactory(titel="Ingetrokken verhaal", toestemming=Toestemming.INGETROKKEN)
    project, bestanden = open_qdpx(_export(onderzoeker_client))
    assert [bron.get("name") for bron in project.iterfind(".//q:TextSource", NS)] == [
        "Wachten op hulp"
    ]
    assert len([naam for naam in bestanden if naam.startswith("sources/")]) == 1


def test_qdpx_follows_the_list_filters(onderzoeker_client, verhaal):
    VerhaalFactory(titel="Ander verhaal", gemeente="schiedam")
    project, _ = open_qdpx(_export(onderzoeker_client, gemeente="schiedam"))
    assert [bron.get("name") for bron in project.iterfind(".//q:TextSource", NS)] == [
        "Ander verhaal"
    ]


def test_qdpx_of_the_ticked_stories(onderzoeker_client, verhaal):
    ander = VerhaalFactory(titel="Ander verhaal")
    VerhaalFactory(titel="Niet aangevinkt")
    response = onderzoeker_client.post(
        reverse("uitwisseling:export_qdpx"), {"verhalen": [verhaal.pk, ander.pk]}
    )
    project, _ = open_qdpx(response.content)
    namen = sorted(bron.get("name") for bron in project.iterfind(".//q:TextSource", NS))
    assert namen == ["Ander verhaal", "Wachten op hulp"]
    inzage = Inzage.objects.get()
    assert (inzage.handeling, inzage.aantal, inzage.onderwerp) == (
        Handeling.EXPORT_QDPX,
        2,
        "aangevinkte verhalen",
    )


def test_ticking_nothing_or_a_withdrawn_story_exports_nothing(onderzoeker_client):
    weg = VerhaalFactory(toestemming=Toestemming.INGETROKKEN)
    for data in ({}, {"verhalen": [weg.pk]}):
        response = onderzoeker_client.post(reverse("uitwisseling:export_qdpx"), data)
        assert response.status_code == 302
        assert response.url == reverse("verhalen:list")
    assert not Inzage.objects.exists()


def test_a_bad_filter_exports_nothing(onderzoeker_client, verhaal):
    response = onderzoeker_client.get(reverse("uitwisseling:export_qdpx"), {"gemeente": "atlantis"})
    assert response.status_code == 400
    assert "er is niets geëxporteerd" in response.content.decode()
    assert not Inzage.objects.exists()


def test_guids_are_stable_across_exports(onderzoeker_client, verhaal):
    eerste, _ = open_qdpx(_export(onderzoeker_client))
    tweede, _ = open_qdpx(_export(onderzoeker_client))

    def guids(project):
        return [element.get("guid") for element in project.iterfind(".//*[@guid]")]

    assert guids(eerste) == guids(tweede)
    assert len(set(guids(eerste))) == len(guids(eerste))


def test_export_is_in_the_access_log(onderzoeker_client, onderzoeker, verhaal):
    _export(onderzoeker_client, thema="maatwerk")
    inzage = Inzage.objects.get()
    assert (inzage.gebruiker, inzage.handeling, inzage.aantal, inzage.filters) == (
        onderzoeker,
        Handeling.EXPORT_QDPX,
        1,
        "thema=maatwerk",
    )


def test_qdc_validates_and_holds_the_code_tree(onderzoeker_client, vertrouwen):
    from tests.factories import ThemaFactory

    ThemaFactory(
        name="wantrouwen",
        slug="wantrouwen",
        parent=vertrouwen,
        definitie="Als iemand instanties niet vertrouwt.",
        kleur="#aa3300",
    )
    response = onderzoeker_client.get(reverse("uitwisseling:codeboek_qdc"))
    assert response["Content-Disposition"].startswith('attachment; filename="codeboek-')
    codeboek = valideer(response.content, "Codebook.xsd")
    sub = codeboek.find(".//c:Code[@name='vertrouwen']/c:Code[@name='wantrouwen']", NS)
    assert sub.get("color") == "#aa3300"
    assert sub.findtext("c:Description", namespaces=NS) == (
        "Een thema om mee te testen.\n\nWanneer gebruiken: Als iemand instanties niet vertrouwt."
    )
    assert Inzage.objects.get().handeling == Handeling.EXPORT_QDC


@pytest.mark.parametrize("naam", ["export_qdpx", "codeboek_qdc"])
def test_only_researchers_export(client, naam, raadslid, coordinator, gewone_gebruiker, verhaal):
    url = reverse(f"uitwisseling:{naam}")
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    for gebruiker in (raadslid, coordinator, gewone_gebruiker):
        log_in(client, gebruiker)
        assert client.get(url).status_code == 403
    assert not Inzage.objects.exists()


def test_a_large_export_streams_from_a_temporary_file(onderzoeker_client, verhaal, monkeypatch):
    from uitwisseling import views

    monkeypatch.setattr(views, "IN_GEHEUGEN", 100)
    response = onderzoeker_client.get(reverse("uitwisseling:export_qdpx"))
    assert response.streaming
    inhoud = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(inhoud)
    project, _ = open_qdpx(inhoud)
    assert project.find(".//q:TextSource", NS).get("name") == "Wachten op hulp"


def test_the_story_list_and_codebook_offer_the_exports(onderzoeker_client, verhaal):
    lijst = onderzoeker_client.get(reverse("verhalen:list"), {"gemeente": "rotterdam"}).content
    assert b'href="/uitwisseling/export.qdpx?gemeente=rotterdam"' in lijst
    assert b'formaction="/uitwisseling/export.qdpx"' in lijst
    assert b'href="/uitwisseling/codeboek.qdc"' in onderzoeker_client.get("/codeboek/").content


def test_memos_go_out_as_notes_and_attributes_as_variables(onderzoeker_client, verhaal, vertrouwen):
    from tests.verhalen.factories import KenmerkFactory, MemoFactory, kenmerkwaarde

    weg = VerhaalFactory(titel="Ingetrokken", toestemming=Toestemming.INGETROKKEN)
    fragment = verhaal.fragmenten.get(memo="Wachten als rode draad.")
    MemoFactory(titel="Verhaal", verhaal=verhaal)
    MemoFactory(titel="Fragment", fragment=fragment)
    MemoFactory(titel="Code", code=vertrouwen)
    MemoFactory(titel="Logboek")
    MemoFactory(titel="Niet mee", verhaal=weg)
    kenmerkwaarde(verhaal, KenmerkFactory(naam="Levensdomein"), "zorg")

    project, _ = open_qdpx(_export(onderzoeker_client))

    notes = {note.get("guid"): note.get("name") for note in project.iterfind("q:Notes/q:Note", NS)}
    assert sorted(notes.values()) == ["Code", "Fragment", "Logboek", "Verhaal"]

    def verwijst(pad):
        return [notes[ref.get("targetGUID")] for ref in project.iterfind(pad, NS)]

    assert verwijst("q:Sources/q:TextSource/q:NoteRef") == ["Verhaal"]
    assert verwijst("q:Sources/q:TextSource/q:PlainTextSelection/q:NoteRef") == ["Fragment"]
    assert verwijst(".//q:Code[@name='vertrouwen']/q:NoteRef") == ["Code"]
    assert verwijst("q:NoteRef") == ["Logboek"]
    variabele = project.find("q:Variables/q:Variable[@name='Levensdomein']", NS)
    assert variabele.findtext("q:Description", namespaces=NS) == "Keuze uit: wonen; werk; zorg"
    waarden = [
        waarde.findtext("q:TextValue", namespaces=NS)
        for waarde in project.iterfind("q:Sources/q:TextSource/q:VariableValue", NS)
        if waarde.find("q:VariableRef", NS).get("targetGUID") == variabele.get("guid")
    ]
    assert waarden == ["zorg"]
