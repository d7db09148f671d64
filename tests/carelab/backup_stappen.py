"""Steps of the backup round trip (tests/carelab/test_backup.py), run inside
`manage.py shell` against the scratch database, as an operator's process would."""

import json
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kennisagenda import roles
from kennisagenda.models import Thema
from kenniscafes.models import Bijlage, Kenniscafe
from tests.factories import ThemaFactory, UserFactory
from tests.kenniscafes.factories import AanmeldingFactory, KenniscafeFactory, SprekerFactory
from tests.projecten.factories import (
    LidmaatschapFactory,
    ProjectFactory,
    PublicatieFactory,
    WerkteamFactory,
)
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import (
    CollectieFactory,
    CollectieItemFactory,
    ReflectieFactory,
)
from verhalen.models import Publiek, Toestemming, Verhaal

PDF = b"%PDF-1.4\n% een verzonnen rapport\n" + bytes(range(256)) * 40
DIA = b"%PDF-1.4\n% dia's van het kenniscafe\n" + b"\x00\xff" * 500
# Left out of the comparison: what a PostgreSQL dump leaves out on purpose.
NIET_VERGELEKEN = ["sessions", "axes"]


def vul():
    """Something in every app: stories with fragments, themes and history, a
    collection with an item, excerpt and reflection, a project with werkteam and
    publication file, a café with speakers, registrations and an attachment,
    second-step devices, and a live login session."""
    onderzoeker = UserFactory(username="onderzoeker", role=roles.ONDERZOEKER)
    raadslid = UserFactory(username="raadslid", role=roles.BREDE_RAAD)
    maatwerk = Thema.objects.get(slug="maatwerk")
    subcode = ThemaFactory(name="wachttijd", slug="wachttijd", parent=maatwerk)
    verhaal = VerhaalFactory(
        titel="Wachten op de woningcorporatie",
        themas=[maatwerk],
        trefwoorden=["schulden", "wachtlijst"],
        toestemming=Toestemming.OPENBAAR,
        verzameld_door=onderzoeker,
    )
    VerhaalFactory(titel="Het tweede verhaal", verzameld_door=onderzoeker)
    fragment = FragmentFactory(verhaal=verhaal, start=0, eind=30, codes=[subcode])
    verhaal.samenvatting = "Bewerkt: een tweede versie in de geschiedenis."
    verhaal.save()
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR, themas=[maatwerk], curator=onderzoeker)
    CollectieItemFactory(collectie=collectie, verhaal=verhaal, fragmenten=[fragment])
    ReflectieFactory(collectie=collectie, auteur=raadslid, tekst="Dit herken ik.")
    project = ProjectFactory(titel="Samen sterk in Zuid")
    werkteam = WerkteamFactory(project=project)
    LidmaatschapFactory(werkteam=werkteam)
    PublicatieFactory(project=project, bestand=SimpleUploadedFile("rapport.pdf", PDF))
    cafe = KenniscafeFactory(titel="Kenniscafé over wachten", themas=[maatwerk], werkteam=werkteam)
    SprekerFactory(kenniscafe=cafe)
    AanmeldingFactory(kenniscafe=cafe, naam="Fatima")
    Bijlage.objects.create(
        kenniscafe=cafe, titel="Dia's", bestand=SimpleUploadedFile("dias.pdf", DIA)
    )
    TOTPDevice.objects.create(user=onderzoeker, name="telefoon", confirmed=True)
    reserve = StaticDevice.objects.create(user=onderzoeker, name="reservecodes", confirmed=True)
    reserve.token_set.create(token="a1b2c3d4")
    sessie = SessionStore()
    sessie["_auth_user_id"] = str(onderzoeker.pk)
    sessie.create()


def momentopname(pad):
    """Every row (Django's serialisation, by model and key) into a JSON file."""
    call_command("dumpdata", exclude=NIET_VERGELEKEN, output=pad, verbosity=0)


def wijzig():
    """What a backup is for: rows deleted and changed, a new row, files gone or changed."""
    Verhaal.objects.get(titel="Wachten op de woningcorporatie").delete()
    Kenniscafe.objects.update(titel="Per ongeluk overschreven")
    VerhaalFactory(titel="Na de backup geschreven")
    media = Path(settings.MEDIA_ROOT)
    pdf, dia = sorted(p for p in media.rglob("*.pdf"))
    pdf.unlink()
    dia.write_bytes(b"kapot")


def na_herstel():
    """A new story's key (PostgreSQL's sequences must have come back too) and the
    number of login sessions, as JSON."""
    nieuw = VerhaalFactory(titel="Na het herstel")
    json.dump({"nieuw_verhaal": nieuw.pk, "sessies": Session.objects.count()}, sys.stdout)
