"""Importing transcripts (.docx, .odt, .pdf, .txt) into stories."""

import contextlib
import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.verhalen.transcripten import (
    docx_bestand,
    odt_bestand,
    pdf_alleen_beeld,
    pdf_bestand,
    pdf_versleuteld,
    txt_bestand,
    zipbom_docx,
)
from verhalen.models import Verhaal
from verhalen.services.importeren import (
    MAX_BESTAND,
    OnleesbaarBestand,
    importeer_bestand,
    lees_tekst,
)

pytestmark = pytest.mark.django_db

URL = reverse("verhalen:importeren")
TRANSCRIPT = [
    "I: Hoe ging het met de brieven van de gemeente?",
    "R: Ik kreeg er drie in een week. Ik begreep ze niet.",
    "Interviewer: En toen?",
    "R: Toen ben ik naar het wijkteam gegaan.",
]
VERWACHT = "\n\n".join(TRANSCRIPT)


def upload(naam, inhoud):
    return SimpleUploadedFile(naam, inhoud)


# Reading each format -------------------------------------------------------------


def test_docx_keeps_paragraphs_and_speaker_turns():
    inhoud = docx_bestand([TRANSCRIPT[0], "", *TRANSCRIPT[1:]])
    assert lees_tekst("gesprek.docx", inhoud) == VERWACHT


def test_docx_transcript_in_a_table_keeps_its_speakers():
    inhoud = docx_bestand(["Gesprek 3"], tabel=[["I", "Hoe ging het?"], ["R", "Goed, dank je."]])
    verwacht = "Gesprek 3\n\nI: Hoe ging het?\n\nR: Goed, dank je."
    assert lees_tekst("gesprek.docx", inhoud) == verwacht


def test_odt_keeps_paragraphs_and_speaker_turns():
    assert lees_tekst("gesprek.odt", odt_bestand(TRANSCRIPT)) == VERWACHT


def test_pdf_joins_layout_lines_and_keeps_speaker_turns():
    regels = [
        "I: Hoe ging het met de brieven van de gemeente?",
        "R: Ik kreeg er drie in een week.",
        "Ik begreep ze niet.",
        "Interviewer: En toen?",
        "R: Toen ben ik naar het wijkteam gegaan.",
    ]
    assert lees_tekst("gesprek.pdf", pdf_bestand(regels)) == VERWACHT


def test_txt_in_utf8_or_windows_encoding_keeps_lines_and_turns():
    regels = ["I: Hoe gaat het?", "R: Het gaat.", "Maar het café is dicht.", "", "Einde."]
    verwacht = "I: Hoe gaat het?\n\nR: Het gaat.\nMaar het café is dicht.\n\nEinde."
    assert lees_tekst("a.txt", txt_bestand(regels)) == verwacht
    assert lees_tekst("a.txt", txt_bestand(regels, codering="cp1252")) == verwacht


SLECHTE_BESTANDEN = [
    ("leeg.txt", b"", "Het bestand is leeg."),
    ("foto.jpg", b"\xff\xd8\xff\xe0", "Dit soort bestand kan niet worden ingelezen (.jpg)"),
    ("oud.doc", b"\xd0\xcf\x11\xe0", "het oude Word-formaat (.doc)"),
    ("kapot.docx", b"PK\x03\x04 dit is geen zip", "geen geldig Word-bestand"),
    ("geen-word.docx", odt_bestand(["Hallo"]), "geen geldig Word-bestand"),
    ("kapot.odt", b"niets", "geen geldig OpenDocument-bestand"),
    ("bom.docx", zipbom_docx(), "uitgepakt te groot"),
    ("nep.pdf", b"<html>geen pdf</html>", "Dit is geen geldig PDF-bestand."),
    ("kapot.pdf", b"%PDF-1.4\nrommel", "De PDF kon niet worden gelezen"),
    ("scan.pdf", pdf_alleen_beeld(), "alleen afbeeldingen"),
    ("beveiligd.pdf", pdf_versleuteld(), "beveiligd met een wachtwoord"),
    ("binair.txt", b"abc\x00\x01\x02", "geen tekstbestand"),
    ("wit.txt", b"  \n\n\t \n", "Er staat geen tekst in het bestand."),
    ("leeg.docx", docx_bestand([]), "Er staat geen tekst in het bestand."),
]


@pytest.mark.parametrize(("naam", "inhoud", "melding"), SLECHTE_BESTANDEN)
def test_bad_file_gets_a_clear_dutch_message(naam, inhoud, melding):
    with pytest.raises(OnleesbaarBestand) as fout:
        lees_tekst(naam, inhoud)
    assert melding in str(fout.value)


# Real headers with rubbish after them: the readers' own errors must all
# become a message, never an exception.
BEGIN = {
    ".docx": docx_bestand(["Hallo"])[:300],
    ".odt": odt_bestand(["Hallo"])[:300],
    ".pdf": pdf_bestand(["Hallo"])[:200],
    ".txt": b"",
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extensie=st.sampled_from(sorted(BEGIN)), rommel=st.binary(max_size=2000))
def test_rubbish_after_a_real_header_never_raises_anything_else(extensie, rommel):
    with contextlib.suppress(OnleesbaarBestand):
        lees_tekst(f"bestand{extensie}", BEGIN[extensie] + rommel)


def test_too_large_file_is_refused_before_it_is_read(onderzoeker):
    class NietTeLezen(SimpleUploadedFile):
        def read(self, *args):
            raise AssertionError("a file that is too large must not be read")

    bestand = NietTeLezen("groot.txt", b"x")
    bestand.size = MAX_BESTAND + 1

    uitslag = importeer_bestand(bestand=bestand, door=onderzoeker, gegevens={})

    assert uitslag.fout == "Het bestand is te groot (10,0 MB; hooguit 10,0 MB)."
    assert not Verhaal.objects.exists()


# The page ------------------------------------------------------------------------


def gemeld(html, naam, melding):
    """Whether the results list says `naam` was not imported, with `melding`."""
    patroon = rf"<strong>{re.escape(naam)}</strong>:\s+niet ingevoerd\. [^<]*{re.escape(melding)}"
    return re.search(patroon, html) is not None


def gedeeld(**extra):
    return {"verteller_type": "professional", "verzamelwijze": "focusgroep", **extra}


def test_batch_imports_good_files_and_reports_each_bad_one(onderzoeker_client, onderzoeker):
    bestanden = [
        upload("interview_03 zuid.docx", docx_bestand(TRANSCRIPT)),
        upload("foto.jpg", b"\xff\xd8\xff"),
        upload("gesprek-odt.odt", odt_bestand(TRANSCRIPT)),
    ]

    response = onderzoeker_client.post(URL, {**gedeeld(), "bestanden": bestanden})

    html = response.content.decode()
    verhalen = {verhaal.titel: verhaal for verhaal in Verhaal.objects.all()}
    assert set(verhalen) == {"interview 03 zuid", "gesprek-odt"}
    verhaal = verhalen["interview 03 zuid"]
    assert verhaal.tekst == VERWACHT
    assert (verhaal.toestemming, verhaal.verteller_type, verhaal.verzamelwijze) == (
        "onderzoek",
        "professional",
        "focusgroep",
    )
    assert verhaal.verzameld_door == onderzoeker
    assert verhaal.history.get().history_change_reason == (
        "Ingevoerd uit bestand interview_03 zuid.docx"
    )
    assert "2 van 3 bestanden ingevoerd" in html
    assert f'ingevoerd als <a href="{verhaal.get_absolute_url()}">interview 03 zuid</a>' in html
    assert gemeld(html, "foto.jpg", "Dit soort bestand kan niet worden ingelezen (.jpg).")


def test_personal_data_saves_nothing_and_hands_the_text_to_the_story_form(
    onderzoeker_client,
):
    tekst = ["I: Hoe kunnen we je bereiken?", "R: Bel me op 06-12345678."]
    response = onderzoeker_client.post(
        URL, {**gedeeld(), "bestanden": [upload("gesprek.txt", txt_bestand(tekst))]}
    )

    html = response.content.decode()
    assert not Verhaal.objects.exists()
    assert "0 van 1 bestand ingevoerd" in html
    assert '<mark class="privacy-vondst">06-12345678</mark> (telefoonnummer)' in html
    assert f'action="{reverse("verhalen:create")}"' in html
    assert 'name="tekst" value="I: Hoe kunnen we je bereiken?\n\nR: Bel me op 06-12345678."' in html

    # The form the button sends: the story form shows its privacy warning.
    nakijken = onderzoeker_client.post(
        reverse("verhalen:create"),
        {
            "titel": "gesprek",
            "tekst": "\n\n".join(tekst),
            "verteller_type": "professional",
            "verzamelwijze": "focusgroep",
            "project": "",
            "gemeente": "rotterdam",
            "toestemming": "onderzoek",
        },
    )
    assert "Let op: dit lijkt op persoonsgegevens" in nakijken.content.decode()
    assert not Verhaal.objects.exists()


def test_one_file_request_answers_with_its_outcome_only(onderzoeker_client):
    response = onderzoeker_client.post(
        URL,
        {**gedeeld(), "bestanden": [upload("kort.txt", b"R: Het ging goed.")]},
        headers={"X-Import": "bestand"},
    )

    html = response.content.decode().strip()
    assert response["X-Import-Uitslag"] == "1"
    assert html.startswith('<li class="import-uitslag__bestand import-uitslag__bestand--ingevoerd')
    assert html.endswith("</li>")
    assert Verhaal.objects.get().tekst == "R: Het ging goed."


def test_form_without_files_says_so(onderzoeker_client):
    response = onderzoeker_client.post(URL, gedeeld())
    assert "Kies een of meer bestanden." in response.content.decode()
    assert not Verhaal.objects.exists()


def test_researcher_sees_the_form(onderzoeker_client):
    html = onderzoeker_client.get(URL).content.decode()
    assert 'type="file" name="bestanden"' in html
    assert "multiple" in html
    assert 'enctype="multipart/form-data"' in html


def test_anonymous_goes_to_login(client):
    response = client.post(URL, {**gedeeld(), "bestanden": [upload("a.txt", b"Tekst.")]})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not Verhaal.objects.exists()


@pytest.mark.parametrize("rol", ["raadslid_client", "coordinator_client"])
def test_other_roles_may_not_import(request, rol):
    client = request.getfixturevalue(rol)
    assert client.get(URL).status_code == 403
    response = client.post(URL, {**gedeeld(), "bestanden": [upload("a.txt", b"Tekst.")]})
    assert response.status_code == 403
    assert not Verhaal.objects.exists()


def test_fifty_mixed_files_in_one_batch(onderzoeker_client, capsys):
    """The measurement for the closing note: 50 files, every bad one reported."""
    goed = [
        ("docx", docx_bestand(TRANSCRIPT * 40)),
        ("odt", odt_bestand(TRANSCRIPT * 40)),
        ("pdf", pdf_bestand(TRANSCRIPT * 12)),
        ("txt", txt_bestand(TRANSCRIPT * 40)),
    ]
    slecht = [(naam, inhoud) for naam, inhoud, _melding in SLECHTE_BESTANDEN]
    bestanden = [upload(f"gesprek {i}.{soort}", inhoud) for i in range(9) for soort, inhoud in goed]
    bestanden += [upload(naam, inhoud) for naam, inhoud in slecht]
    assert len(bestanden) == 50

    begin = time.perf_counter()
    response = onderzoeker_client.post(URL, {**gedeeld(), "bestanden": bestanden})
    duur = time.perf_counter() - begin

    html = response.content.decode()
    assert Verhaal.objects.count() == 36
    assert "36 van 50 bestanden ingevoerd" in html
    for naam, _inhoud, melding in SLECHTE_BESTANDEN:
        assert gemeld(html, naam, melding)
    with capsys.disabled():
        print(f"\nimport: 50 bestanden (36 goed, 14 slecht) in {duur:.2f} s")
