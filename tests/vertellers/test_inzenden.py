"""The public submission form (/vertel-je-verhaal/): anyone sends in their own
story, optionally anonymous; it waits in the review queue, contact details
apart. Threats: spam (honeypot, too fast, too many), script injection,
oversized input — each refused with a Dutch message and nothing lost."""

import re
import time

import pytest
from django.core import signing

from verhalen.models import Beoordeling, Verhaal
from vertellers import inzending
from vertellers.models import Contactgegevens

pytestmark = pytest.mark.django_db

URL = "/vertel-je-verhaal/"


@pytest.fixture(autouse=True)
def _geen_wachttijd(monkeypatch):
    # The minimum fill time is tested on its own below; elsewhere a form is
    # sent as if the teller took their time (a start signed a minute ago).
    monkeypatch.setattr(inzending, "MINIMALE_INVULTIJD", 0)


def _begonnen(seconden_geleden=60):
    """The form's signed start, as if shown `seconden_geleden` ago."""

    class Eerder(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - seconden_geleden)

    return Eerder(salt=inzending.ONDERTEKENING).sign("formulier")


def _formulier(**velden):
    return {
        "titel": "Wachten op hulp",
        "tekst": "Ik wachtte drie maanden op een brief van de gemeente.",
        "verteller_type": "bewoner",
        "pseudoniem": "",
        "gemeente": "rotterdam",
        "toestemming": "brede_raad",
        "inhoudswaarschuwingen": [],
        "inhoudswaarschuwing_anders": "",
        "naam": "",
        "email": "",
        "telefoon": "",
        "website": "",
        "begonnen": _begonnen(),
    } | velden


def test_anyone_can_send_in_a_story_anonymously(client):
    pagina = client.get(URL)
    assert pagina.status_code == 200
    assert pagina["Cache-Control"].startswith("max-age=0")
    response = client.post(URL, _formulier())
    assert response.status_code == 302
    assert response["Location"] == "/vertel-je-verhaal/bedankt/"
    verhaal = Verhaal.objects.get()
    assert (verhaal.beoordeling, verhaal.ingezonden, verhaal.ingevoerd_door) == (
        Beoordeling.WACHTRIJ,
        True,
        None,
    )
    assert (verhaal.toestemming, verhaal.verzamelwijze) == ("brede_raad", "schriftelijk")
    assert not Contactgegevens.objects.exists()
    assert "Dank je wel" in client.get(response["Location"]).content.decode()


def test_contact_details_are_kept_apart_and_shown_only_in_the_review(client, onderzoeker, raadslid):
    from tests.helpers import log_in

    client.post(
        URL,
        _formulier(naam="Fatima", email="fatima@example.org", inhoudswaarschuwingen=["schulden"]),
    )
    verhaal = Verhaal.objects.get()
    contact = Contactgegevens.objects.get(verhaal=verhaal)
    assert (contact.naam, contact.email) == ("Fatima", "fatima@example.org")
    assert "Fatima" not in verhaal.tekst + verhaal.titel + verhaal.pseudoniem
    assert verhaal.inhoudswaarschuwingen == ["schulden"]

    log_in(client, onderzoeker)
    beoordeling = client.get(f"/verhalen/wachtrij/{verhaal.pk}/").content.decode()
    assert "fatima@example.org" in beoordeling
    log_in(client, raadslid)
    assert client.get(f"/verhalen/wachtrij/{verhaal.pk}/").status_code == 403


def test_anonymous_visitors_cannot_see_the_queue(client):
    client.post(URL, _formulier())
    verhaal = Verhaal.objects.get()
    for pad in ("/verhalen/wachtrij/", f"/verhalen/wachtrij/{verhaal.pk}/"):
        response = client.get(pad)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def _fouten(response):
    return re.findall(r'<p class="error" id="[^"]+">([^<]+)</p>', response.content.decode())


def test_a_filled_honeypot_is_refused_and_keeps_the_story(client):
    response = client.post(URL, _formulier(website="http://spam.example"))
    assert response.status_code == 200
    assert not Verhaal.objects.exists()
    assert "Ik wachtte drie maanden op een brief van de gemeente." in response.content.decode()


def test_a_form_sent_too_fast_is_refused_and_can_be_sent_again(client, monkeypatch):
    monkeypatch.setattr(inzending, "MINIMALE_INVULTIJD", 5)
    response = client.post(URL, _formulier(begonnen=_begonnen(seconden_geleden=1)))
    assert response.status_code == 200
    assert "Dat ging erg snel." in response.content.decode()
    assert not Verhaal.objects.exists()
    # The page carries a new start: sent again after the minimum, it is taken.
    nieuw = re.search(r'name="begonnen" value="([^"]+)"', response.content.decode())[1]
    assert nieuw != _formulier()["begonnen"]
    assert client.post(URL, _formulier(begonnen=_begonnen(seconden_geleden=6))).status_code == 302


@pytest.mark.parametrize("begonnen", ["", "geknoeid", "formulier:abc:def"])
def test_a_missing_or_forged_start_is_refused(client, begonnen):
    response = client.post(URL, _formulier(begonnen=begonnen))
    assert response.status_code == 200
    assert not Verhaal.objects.exists()


def test_a_form_open_for_days_is_shown_again(client):
    response = client.post(URL, _formulier(begonnen=_begonnen(seconden_geleden=3 * 86400)))
    assert "Deze pagina stond lang open." in response.content.decode()
    assert not Verhaal.objects.exists()


def test_too_many_stories_from_one_place_are_held_with_their_text(client, settings):
    for nummer in range(inzending.INZENDINGEN):
        assert client.post(URL, _formulier(titel=f"Verhaal {nummer}")).status_code == 302
    response = client.post(URL, _formulier(titel="Nog een"))
    assert response.status_code == 429
    assert "Even wachten" in response.content.decode()
    assert "Ik wachtte drie maanden" in response.content.decode()
    assert Verhaal.objects.count() == inzending.INZENDINGEN
    # Another address is not held.
    assert client.post(URL, _formulier(), REMOTE_ADDR="10.1.2.3").status_code == 302


def test_the_rate_limit_stores_no_address(client):
    from django.core.cache import cache

    client.post(URL, _formulier(), REMOTE_ADDR="192.0.2.77")
    sleutels = [str(k) for k in getattr(cache, "_cache", {})]
    assert sleutels and not any("192.0.2.77" in k for k in sleutels)


def test_an_oversized_story_is_refused_with_its_length_and_kept(client):
    lang = "woord " * 4000  # 24 000 characters
    response = client.post(URL, _formulier(tekst=lang))
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Je verhaal is te lang: hooguit 20000 tekens." in inhoud
    assert lang.strip()[:200] in inhoud
    assert not Verhaal.objects.exists()


def test_a_script_in_a_story_is_stored_as_text_and_shown_escaped(client, onderzoeker):
    from tests.helpers import log_in

    aanval = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client.post(URL, _formulier(titel=aanval, tekst=f"Mijn verhaal {aanval}"))
    verhaal = Verhaal.objects.get()
    assert verhaal.titel == aanval
    log_in(client, onderzoeker)
    inhoud = client.get(f"/verhalen/wachtrij/{verhaal.pk}/").content.decode()
    assert "<script>alert(" not in inhoud
    assert "<img src=x" not in inhoud
    assert "&lt;script&gt;alert(" in inhoud


def test_consent_must_be_chosen_in_plain_words(client):
    pagina = client.get(URL).content.decode()
    assert "Alleen de onderzoekers van CARE lab mogen mijn verhaal lezen." in pagina
    assert "ingetrokken" not in pagina.lower()
    response = client.post(URL, _formulier(toestemming=""))
    assert "Kies wie je verhaal mag lezen." in response.content.decode()
    response = client.post(URL, _formulier(toestemming="ingetrokken"))
    assert not Verhaal.objects.exists()


def test_a_real_name_as_pseudonym_is_refused(client):
    response = client.post(URL, _formulier(pseudoniem="Jan de Vries"))
    assert "Dit lijkt op een echte naam" in response.content.decode()
    assert not Verhaal.objects.exists()


def test_a_submission_reaches_nobody_before_review(client, raadslid):
    from tests.helpers import log_in
    from tests.verhalen.factories_collecties import CollectieFactory

    client.post(URL, _formulier(toestemming="openbaar"))
    verhaal = Verhaal.objects.get()
    log_in(client, raadslid)
    assert not Verhaal.objects.zichtbaar_voor(raadslid).filter(pk=verhaal.pk).exists()
    collectie = CollectieFactory(publiek="openbaar")
    assert "Wachten op hulp" not in client.get(collectie.get_absolute_url()).content.decode()
