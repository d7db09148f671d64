import io
import zipfile
from datetime import date

import pytest
from django.urls import reverse

from kennisagenda.models import Thema
from tests.factories import ThemaFactory
from tests.helpers import log_in
from tests.verhalen.factories import (
    FragmentFactory,
    KenmerkFactory,
    MemoFactory,
    VerhaalFactory,
    kenmerkwaarde,
)
from uitwisseling import importeren, lezen
from verhalen.models import Fragment, Kenmerk, KenmerkSoort, Memo, Toestemming, Verhaal

pytestmark = pytest.mark.django_db

NS = 'xmlns="urn:QDA-XML:project:1.0"'
CODE = "11111111-1111-1111-1111-111111111111"
BRON = "22222222-2222-2222-2222-222222222222"


def qde(bronnen="", codes=None, kop=""):
    codes = codes or f'<Code guid="{CODE}" name="Vertrouwen" isCodable="true"/>'
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{kop}<Project {NS} name="Ander programma">'
        f"<CodeBook><Codes>{codes}</Codes></CodeBook><Sources>{bronnen}</Sources></Project>"
    ).encode()


def bron(start=0, eind=5, pad=f"internal://{BRON}.txt", naam="Gesprek 1"):
    return (
        f'<TextSource guid="{BRON}" name="{naam}" plainTextPath="{pad}">'
        f'<PlainTextSelection guid="33333333-3333-3333-3333-333333333333" '
        f'startPosition="{start}" endPosition="{eind}"><Description>Mijn memo</Description>'
        f'<Coding guid="44444444-4444-4444-4444-444444444444"><CodeRef targetGUID="{CODE}"/>'
        f"</Coding></PlainTextSelection></TextSource>"
    )


def qdpx(project: bytes, bestanden=None, compressie=zipfile.ZIP_DEFLATED):
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", compression=compressie) as archief:
        archief.writestr("project.qde", project)
        for naam, inhoud in (bestanden or {}).items():
            archief.writestr(naam, inhoud)
    return uit.getvalue()


TEKST = "Hallo, dit is een verzonnen gesprek.\r\nTweede regel met vertrouwen."


def test_a_foreign_project_imports_with_codes_memo_and_windows_line_breaks(onderzoeker, vertrouwen):
    start = TEKST.index("vertrouwen")
    inhoud = lezen.lees(
        "ander.qdpx",
        qdpx(qde(bron(start, start + 10)), {f"sources/{BRON}.txt": TEKST.encode("utf-8-sig")}),
    )
    plan = importeren.plan(inhoud)
    assert [codeplan.bestaand for codeplan in plan.codes] == [vertrouwen]
    assert Verhaal.objects.count() == 0  # the dry run wrote nothing

    uitslag = importeren.importeer(plan=plan, door=onderzoeker, bestandsnaam="ander.qdpx")

    assert (uitslag.verhalen, uitslag.fragmenten, uitslag.codes_nieuw) == (1, 1, 0)
    verhaal = Verhaal.objects.get()
    assert verhaal.tekst == TEKST.replace("\r\n", "\n")
    assert verhaal.toestemming == Toestemming.ONDERZOEK
    fragment = Fragment.objects.get()
    assert (fragment.citaat, fragment.memo, list(fragment.codes.all())) == (
        "vertrouwen",
        "Mijn memo",
        [vertrouwen],
    )
    assert (
        verhaal.history.first().history_change_reason == "Ingevoerd uit REFI-QDA-bestand ander.qdpx"
    )
    # Importing the same file again adds nothing.
    opnieuw = importeren.plan(inhoud)
    assert opnieuw.nieuwe_verhalen == []
    assert opnieuw.overgeslagen_bronnen == [("Gesprek 1", "staat al in de Verhalenbank")]


def test_positions_outside_the_text_skip_that_selection(onderzoeker):
    inhoud = lezen.lees(
        "a.qdpx", qdpx(qde(bron(5, 9999)), {f"sources/{BRON}.txt": b"Korte tekst."})
    )
    plan = importeren.plan(inhoud)
    assert plan.overgeslagen_selecties == [
        ("Gesprek 1", "de posities 5-9999 vallen buiten de tekst (12 tekens)")
    ]
    assert plan.aantal_fragmenten == 0


def test_a_source_not_in_utf8_is_skipped_with_its_reason():
    inhoud = lezen.lees(
        "a.qdpx", qdpx(qde(bron()), {f"sources/{BRON}.txt": "Café Één".encode("cp1252")})
    )
    assert importeren.plan(inhoud).overgeslagen_bronnen == [
        ("Gesprek 1", "de tekst is niet in UTF-8 opgeslagen")
    ]


def _weigert(naam, inhoud, woorden):
    with pytest.raises(lezen.OngeldigBestand) as fout:
        lezen.lees(naam, inhoud)
    assert woorden in str(fout.value)


def test_a_zip_bomb_is_refused():
    _weigert("bom.qdpx", qdpx(qde(), {"sources/bom.txt": b"0" * (20 * 1024 * 1024)}), "zip-bom")


def test_paths_outside_the_archive_are_refused():
    _weigert("pad.qdpx", qdpx(qde(), {"../../etc/passwd": b"x"}), "buiten het archief")
    _weigert("pad.qdpx", qdpx(qde(bron(pad="internal://../../etc/passwd"))), "buiten het archief")


def test_xml_entity_tricks_are_refused():
    lachen = (
        '<!DOCTYPE lol [<!ENTITY a "hahahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    _weigert("lach.qdpx", qdpx(qde(kop=lachen)), "DOCTYPE")
    extern = '<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    _weigert(
        "extern.qdc", f'{extern}<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>'.encode(), "DOCTYPE"
    )


def test_broken_and_oversized_files_are_refused(monkeypatch):
    _weigert("kapot.qdpx", b"PK\x03\x04 geen zip", "geen zip-archief")
    _weigert("kapot.qdpx", qdpx(b"<Project"), "geen geldige XML")
    _weigert("leeg.qdpx", qdpx(b""), "geen geldige XML")
    _weigert("iets.docx", b"inhoud", "Kies een REFI-QDA-bestand")
    _weigert("verkeerd.qdc", qde(), "geen REFI-QDA-codeboek")
    monkeypatch.setattr(lezen, "MAX_BESTAND", 100)
    _weigert("groot.qdpx", b"x" * 101, "te groot")


def test_a_foreign_codebook_needs_a_place_for_new_main_codes(onderzoeker, vertrouwen):
    qdc = (
        b'<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0">'
        b'<Codes><Code guid="55555555-5555-5555-5555-555555555555" name="Zorgen" isCodable="true"'
        b' color="#c33"><Description>Over zorgen.</Description>'
        b'<Code guid="66666666-6666-6666-6666-666666666666" name="Geldzorgen" isCodable="true"/>'
        b"</Code></Codes></CodeBook>"
    )
    inhoud = lezen.lees("boek.qdc", qdc)
    assert [plan.pad for plan in importeren.plan(inhoud).codes_zonder_plek] == ["Zorgen"]

    plan = importeren.plan(inhoud, onder=vertrouwen)
    importeren.importeer(plan=plan, door=onderzoeker, onder=vertrouwen, bestandsnaam="boek.qdc")

    zorgen = Thema.objects.get(name="Zorgen")
    assert (zorgen.parent, zorgen.beschrijving, zorgen.kleur) == (
        vertrouwen,
        "Over zorgen.",
        "#cc3333",
    )
    assert Thema.objects.get(name="Geldzorgen").parent == zorgen
    # The second time both codes merge.
    tweede = importeren.plan(inhoud, onder=vertrouwen)
    assert [codeplan.bestaand for codeplan in tweede.codes] == [
        zorgen,
        Thema.objects.get(name="Geldzorgen"),
    ]


# --- The pages -----------------------------------------------------------------


def _upload(client, naam, inhoud):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("uitwisseling:importeren"), {"bestand": SimpleUploadedFile(naam, inhoud)}
    )


def test_dry_run_then_import_through_the_pages(onderzoeker_client, vertrouwen):
    bestand = qdpx(qde(bron(0, 5)), {f"sources/{BRON}.txt": TEKST.encode()})
    proef = _upload(onderzoeker_client, "ander.qdpx", bestand)
    html = proef.content.decode()
    assert "Proefimport van “ander.qdpx”" in html
    assert "1 nieuw verhaal met samen 1 gecodeerde fragment" in html
    assert Verhaal.objects.count() == 0
    sleutel = onderzoeker_client.session["uitwisseling_import"]["sleutel"]

    klaar = onderzoeker_client.post(
        reverse("uitwisseling:importeren_bevestigen"), {"sleutel": sleutel}
    )
    assert "1 nieuw verhaal" in klaar.content.decode()
    assert Verhaal.objects.get().fragmenten.get().citaat == "Hallo"
    # The same confirmation again does nothing.
    nogmaals = onderzoeker_client.post(
        reverse("uitwisseling:importeren_bevestigen"), {"sleutel": sleutel}
    )
    assert nogmaals.url == reverse("uitwisseling:importeren")
    assert Verhaal.objects.count() == 1


def test_a_hostile_upload_gets_a_dutch_message_and_changes_nothing(onderzoeker_client):
    response = _upload(onderzoeker_client, "pad.qdpx", qdpx(qde(), {"../x.txt": b"x"}))
    assert response.status_code == 200
    assert "pad buiten het archief" in response.content.decode()
    assert "uitwisseling_import" not in onderzoeker_client.session
    assert Verhaal.objects.count() == 0


def test_only_researchers_import(client, raadslid, coordinator, gewone_gebruiker):
    for naam in ("importeren", "importeren_bevestigen"):
        url = reverse(f"uitwisseling:{naam}")
        response = client.post(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
        for gebruiker in (raadslid, coordinator, gewone_gebruiker):
            log_in(client, gebruiker)
            assert client.post(url, {"sleutel": "x"}).status_code == 403
        client.logout()


# --- Round trip ------------------------------------------------------------------


def test_round_trip_export_then_import_into_an_empty_bank(
    onderzoeker_client, onderzoeker, vertrouwen, maatwerk
):
    sub = ThemaFactory(
        name="wantrouwen",
        slug="wantrouwen",
        parent=vertrouwen,
        definitie="Als iemand instanties niet vertrouwt.",
        voorbeeld="Ik geloof ze niet meer.",
        kleur="#aa3300",
    )
    tekst = "Eerste zin 😀 met een emoji.\nIk geloof ze niet meer, zei ze.\nEinde."
    verhaal = VerhaalFactory(
        titel="Rondreis",
        tekst=tekst,
        samenvatting="Over wantrouwen.",
        themas=[maatwerk],
        trefwoorden=["brieven", "wachten"],
        leeftijdscategorie="45-67",
        gemeente="schiedam",
        verzamelwijze="focusgroep",
        toestemming=Toestemming.OPENBAAR,
    )
    for woorden, codes, memo in [
        ("Ik geloof ze niet meer", [sub], "Kern van het verhaal."),
        ("emoji", [vertrouwen, maatwerk], ""),
    ]:
        start = tekst.index(woorden)
        FragmentFactory(
            verhaal=verhaal, start=start, eind=start + len(woorden), codes=codes, memo=memo
        )
    fragment = verhaal.fragmenten.get(memo="Kern van het verhaal.")
    MemoFactory(titel="Over het verhaal", tekst="Wantrouwen loopt erdoorheen.", verhaal=verhaal)
    MemoFactory(titel="Over het fragment", tekst="Sterk citaat.", fragment=fragment)
    MemoFactory(titel="Over de code", tekst="Afbakenen tegen angst.", code=sub)
    MemoFactory(titel="Logboek", tekst="Vandaag de eerste ronde gecodeerd.")
    domein = KenmerkFactory(naam="Levensdomein", keuzes=["wonen", "werk", "zorg"])
    kinderen = KenmerkFactory(naam="Aantal kinderen", soort=KenmerkSoort.GETAL)
    hulp = KenmerkFactory(naam="Hulp gevraagd", soort=KenmerkSoort.JA_NEE)
    sinds = KenmerkFactory(naam="In de wijk sinds", soort=KenmerkSoort.DATUM)
    kenmerkwaarde(verhaal, domein, "wonen")
    kenmerkwaarde(verhaal, kinderen, 3)
    kenmerkwaarde(verhaal, hulp, False)
    kenmerkwaarde(verhaal, sinds, date(2019, 5, 1))

    def beeld():
        return [
            (
                v.titel,
                v.tekst,
                v.samenvatting,
                v.leeftijdscategorie,
                v.gemeente,
                v.verzamelwijze,
                sorted(t.name for t in v.themas.all()),
                sorted(t.name for t in v.trefwoorden.all()),
                sorted(
                    (f.start, f.eind, f.citaat, f.memo, sorted(c.name for c in f.codes.all()))
                    for f in v.fragmenten.all()
                ),
            )
            for v in Verhaal.objects.order_by("titel")
        ] + [
            sorted(
                (w.kenmerk.naam, w.kenmerk.soort, w.kenmerk.keuzes, w.weergave)
                for w in v.kenmerkwaarden.select_related("kenmerk")
            )
            for v in Verhaal.objects.all()
        ]

    def memos():
        return sorted(
            (
                m.titel,
                m.tekst,
                m.verhaal.titel if m.verhaal else None,
                m.fragment.citaat if m.fragment else None,
                m.code.name if m.code else None,
            )
            for m in Memo.objects.select_related("verhaal", "fragment", "code")
        )

    def codes():
        return sorted(
            (t.name, t.parent.name if t.parent else None, t.definitie, t.voorbeeld, t.kleur)
            for t in Thema.objects.select_related("parent")
        )

    voor, codes_voor, memos_voor = beeld(), codes(), memos()
    assert len(memos_voor) == 4
    bestand = onderzoeker_client.get(reverse("uitwisseling:export_qdpx")).content

    # An empty bank: no stories, only the kennisagenda's themes.
    Memo.objects.all().delete()
    Verhaal.objects.all().delete()
    Kenmerk.objects.all().delete()
    Thema.objects.filter(is_kennisagenda=False).delete()
    plan = importeren.plan(lezen.lees("rondreis.qdpx", bestand))
    importeren.importeer(plan=plan, door=onderzoeker, bestandsnaam="rondreis.qdpx")

    assert beeld() == voor
    assert codes() == codes_voor
    assert memos() == memos_voor
    # Importing the same file again adds nothing.
    opnieuw = importeren.plan(lezen.lees("rondreis.qdpx", bestand))
    assert (len(opnieuw.nieuwe_verhalen), len(opnieuw.nieuwe_codes), opnieuw.memos) == (0, 0, 0)
    assert Verhaal.objects.get().toestemming == Toestemming.ONDERZOEK
