"""Backup and restore (`manage.py backup` / `manage.py herstel`, carelab/backup.py).

The round trip: data in every app (made in the test database), a backup, a
restore into a freshly migrated database somewhere else (a SQLite file, through
a subprocess `manage.py` with its own DATABASE_URL), then every table compared
row by row and every uploaded file byte by byte. On PostgreSQL the chain goes
on: PostgreSQL → SQLite → a second PostgreSQL database, so both directions
between the two are covered, plus sequences and the search vector.
"""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.utils import load_backend
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from carelab.backup import BackupFout, controleer_backup, maak_backup, modellen
from kennisagenda import roles
from kennisagenda.models import Thema
from kenniscafes.models import Bijlage
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
from verhalen.models import Publiek, Toestemming

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.4\n% een verzonnen rapport\n" + bytes(range(256)) * 40
DIA = b"%PDF-1.4\n% dia's van het kenniscafe\n" + b"\x00\xff" * 500


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def gevulde_site(media):
    """Something in every app: stories with fragments, themes and history, a
    collection with an item, excerpt and reflection, a project with werkteam
    and publication file, a café with speakers, registrations and an attachment."""
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
    VerhaalFactory(toestemming=Toestemming.ONDERZOEK, verzameld_door=onderzoeker)
    fragment = FragmentFactory(verhaal=verhaal, start=0, eind=30, codes=[subcode])
    verhaal.samenvatting = "Bewerkt: een tweede versie in de geschiedenis."
    verhaal.save()
    collectie = CollectieFactory(
        publiek=Publiek.OPENBAAR, themas=[maatwerk], curator=onderzoeker, titel="Wachten"
    )
    CollectieItemFactory(collectie=collectie, verhaal=verhaal, fragmenten=[fragment])
    ReflectieFactory(collectie=collectie, auteur=raadslid, tekst="Dit herken ik.")
    project = ProjectFactory(titel="Samen sterk in Zuid")
    project.themas.set([maatwerk])
    werkteam = WerkteamFactory(project=project)
    LidmaatschapFactory(werkteam=werkteam)
    PublicatieFactory(project=project, bestand=SimpleUploadedFile("rapport.pdf", PDF))
    cafe = KenniscafeFactory(themas=[maatwerk], werkteam=werkteam)
    SprekerFactory(kenniscafe=cafe)
    AanmeldingFactory(kenniscafe=cafe, naam="Fatima")
    AanmeldingFactory(kenniscafe=cafe, naam="Kees")
    Bijlage.objects.create(
        kenniscafe=cafe, titel="Dia's", bestand=SimpleUploadedFile("dias.pdf", DIA)
    )
    # The second step's secrets go along: without them nobody could log in after a restore.
    TOTPDevice.objects.create(user=onderzoeker, name="telefoon", confirmed=True)
    reserve = StaticDevice.objects.create(user=onderzoeker, name="reservecodes", confirmed=True)
    reserve.token_set.create(token="a1b2c3d4")
    return verhaal


def manage(*args, database_url, media_root):
    """Run manage.py in a subprocess against another database and MEDIA_ROOT."""
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "carelab.settings",
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_ROOT": str(media_root),
    }
    proces = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proces.returncode == 0, f"manage.py {' '.join(args)}:\n{proces.stderr}"
    return proces


def archief_inhoud(pad):
    """{model label: {pk: fields}} and {file name: bytes} from an archive."""
    rijen, bestanden = {}, {}
    with tarfile.open(pad, "r:gz") as tar:
        for lid in tar.getmembers():
            inhoud = tar.extractfile(lid).read()
            if lid.name.startswith("data/"):
                for regel in inhoud.decode().splitlines():
                    rij = json.loads(regel)
                    rijen.setdefault(rij["model"], {})[rij["pk"]] = rij["fields"]
            elif lid.name.startswith("bestanden/"):
                bestanden[lid.name] = inhoud
    return rijen, bestanden


def tabellen():
    return sorted({model._meta.db_table: model._meta.pk.column for model in modellen()}.items())


def alle_rijen(cursor):
    """Every row of every archived table, as Django's backend reads it, ordered by pk."""
    inhoud = {}
    for tabel, pk in tabellen():
        cursor.execute(f'SELECT * FROM "{tabel}" ORDER BY "{pk}"')  # noqa: S608
        kolommen = [kolom[0] for kolom in cursor.description]
        inhoud[tabel] = [dict(zip(kolommen, rij, strict=True)) for rij in cursor.fetchall()]
    return inhoud


def andere_database(**settings_dict):
    """A Django connection to another database of the same kind as the test database."""
    backend = load_backend(connection.settings_dict["ENGINE"])
    return backend.DatabaseWrapper({**connection.settings_dict, **settings_dict}, "vergelijk")


def bestanden_onder(map_):
    return {
        pad.relative_to(map_).as_posix(): pad.read_bytes()
        for pad in Path(map_).rglob("*")
        if pad.is_file()
    }


@pytest.fixture
def heen_en_terug(gevulde_site, media, tmp_path):
    """Back up the test database, restore into a fresh SQLite file, back that up again."""
    eerste = tmp_path / "eerste.tar.gz"
    call_command("backup", str(eerste), stdout=io.StringIO())
    sqlite_pad = tmp_path / "elders.sqlite3"
    elders = {"database_url": f"sqlite:///{sqlite_pad}", "media_root": tmp_path / "media-elders"}
    manage("migrate", "--noinput", "-v0", **elders)
    herstel = manage("herstel", str(eerste), **elders)
    tweede = tmp_path / "tweede.tar.gz"
    manage("backup", str(tweede), **elders)
    return {
        "eerste": eerste,
        "tweede": tweede,
        "sqlite": sqlite_pad,
        "media_elders": elders["media_root"],
        "uitvoer": herstel.stdout,
    }


def test_backup_restored_elsewhere_loses_no_row_and_no_file(heen_en_terug, media):
    assert "alle aantallen en controlegetallen kloppen met het manifest" in heen_en_terug["uitvoer"]
    origineel, origineel_bestanden = archief_inhoud(heen_en_terug["eerste"])
    terug, terug_bestanden = archief_inhoud(heen_en_terug["tweede"])

    # Every table is in the archive, and the data of every app is really there.
    with tarfile.open(heen_en_terug["eerste"], "r:gz") as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert set(manifest["modellen"]) == {model._meta.label_lower for model in modellen()}
    for label in [
        "auth.user",
        "auth.user_groups",
        "auth.group_permissions",
        "carelab.thema",
        "taggit.tag",
        "verhalen.verhaal",
        "verhalen.verhaalthema",
        "verhalen.verhaaltrefwoord",
        "verhalen.fragment",
        "verhalen.fragmentthema",
        "verhalen.historicalverhaal",
        "verhalen.historicalfragment",
        "verhalen.collectie",
        "verhalen.collectiethema",
        "verhalen.collectieitem",
        "verhalen.collectieitem_fragmenten",
        "verhalen.reflectie",
        "projecten.project",
        "projecten.themaproject",
        "projecten.werkteam",
        "projecten.lidmaatschap",
        "projecten.publicatie",
        "projecten.historicalproject",
        "kenniscafes.kenniscafe",
        "kenniscafes.themakenniscafe",
        "kenniscafes.spreker",
        "kenniscafes.aanmelding",
        "kenniscafes.bijlage",
        "otp_totp.totpdevice",
        "otp_static.staticdevice",
        "otp_static.statictoken",
    ]:
        assert origineel.get(label), f"{label} is leeg in de backup"
    assert len(origineel["verhalen.historicalverhaal"]) >= 2

    # Restored elsewhere and backed up again: the same rows, field for field.
    assert terug == origineel
    assert terug_bestanden == origineel_bestanden
    # The uploaded files arrived byte for byte under the other MEDIA_ROOT.
    assert bestanden_onder(heen_en_terug["media_elders"]) == bestanden_onder(media)
    assert sorted(bestanden_onder(media).values()) == sorted([PDF, DIA])
    # Between two SQLite databases also the raw tables, column for column.
    if connection.vendor == "sqlite":
        elders = andere_database(NAME=str(heen_en_terug["sqlite"]))
        try:
            with connection.cursor() as cursor, elders.cursor() as cursor_elders:
                assert alle_rijen(cursor_elders) == alle_rijen(cursor)
        finally:
            elders.close()


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_backup_travels_postgresql_sqlite_postgresql_unchanged(heen_en_terug, tmp_path):
    naam = f"{connection.settings_dict['NAME']}_herstel"
    beheer = andere_database(NAME="postgres")
    beheer.connect()
    beheer.set_autocommit(True)
    with beheer.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{naam}"')
        cursor.execute(f'CREATE DATABASE "{naam}"')
    s = connection.settings_dict
    url = f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{naam}"
    elders = andere_database(NAME=naam)
    try:
        manage("migrate", "--noinput", "-v0", database_url=url, media_root=tmp_path / "m2")
        # The archive that came back from SQLite goes into the second PostgreSQL database.
        manage(
            "herstel", str(heen_en_terug["tweede"]), database_url=url, media_root=tmp_path / "m2"
        )
        with connection.cursor() as cursor, elders.cursor() as cursor_elders:
            assert alle_rijen(cursor_elders) == alle_rijen(cursor)
            # The trigger filled the search vector: the story is found by a word of its title.
            cursor_elders.execute(
                "SELECT titel FROM verhalen_verhaal "
                "WHERE zoekvector @@ plainto_tsquery('pg_catalog.dutch', 'woningcorporatie')"
            )
            assert cursor_elders.fetchall() == [("Wachten op de woningcorporatie",)]
            # Every sequence is past the highest id: new rows get new ids.
            achter = []
            for tabel, pk in tabellen():
                cursor_elders.execute("SELECT pg_get_serial_sequence(%s, %s)", [tabel, pk])
                (reeks,) = cursor_elders.fetchone()
                if reeks is None:
                    continue
                cursor_elders.execute(f'SELECT max("{pk}") FROM "{tabel}"')  # noqa: S608
                (hoogste,) = cursor_elders.fetchone()
                cursor_elders.execute("SELECT nextval(%s)", [reeks])
                (volgende,) = cursor_elders.fetchone()
                if hoogste is not None and volgende <= hoogste:
                    achter.append(tabel)
            assert achter == []
    finally:
        elders.close()
        with beheer.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{naam}"')
        beheer.close()


def test_restore_refuses_a_database_that_is_not_empty(gevulde_site, tmp_path):
    archief = tmp_path / "b.tar.gz"
    maak_backup(doel=archief)
    aantal = type(gevulde_site).objects.count()

    with pytest.raises(CommandError) as fout:
        call_command("herstel", str(archief))

    assert str(fout.value).startswith("De database is niet leeg: er staan al gegevens in ")
    assert "Herstel een backup alleen in een lege database" in str(fout.value)
    assert type(gevulde_site).objects.count() == aantal


def test_restore_refuses_a_damaged_archive_before_touching_anything(gevulde_site, tmp_path):
    archief = tmp_path / "b.tar.gz"
    maak_backup(doel=archief)
    kapot = tmp_path / "kapot.tar.gz"
    with tarfile.open(archief, "r:gz") as bron, tarfile.open(kapot, "w:gz") as doel:
        for lid in bron.getmembers():
            inhoud = bron.extractfile(lid).read()
            if lid.name == "data/verhalen.verhaal.jsonl":
                inhoud = inhoud.replace(
                    b"Wachten op de woningcorporatie", b"Wachten op de woningcorporatiE"
                )
            lid.size = len(inhoud)
            doel.addfile(lid, fileobj=io.BytesIO(inhoud))

    with pytest.raises(BackupFout) as fout:
        controleer_backup(archief=kapot)

    assert str(fout.value) == (
        "Het archief is beschadigd: data/verhalen.verhaal.jsonl ontbreekt of klopt niet "
        "met het manifest."
    )


def test_restore_refuses_a_database_on_other_migrations(tmp_path):
    archief = tmp_path / "b.tar.gz"
    maak_backup(doel=archief)
    ander = tmp_path / "ander.tar.gz"
    with tarfile.open(archief, "r:gz") as bron, tarfile.open(ander, "w:gz") as doel:
        for lid in bron.getmembers():
            inhoud = bron.extractfile(lid).read()
            if lid.name == "manifest.json":
                manifest = json.loads(inhoud)
                manifest["migraties"].append(["verhalen", "9999_uit_de_toekomst"])
                inhoud = json.dumps(manifest).encode()
            lid.size = len(inhoud)
            doel.addfile(lid, fileobj=io.BytesIO(inhoud))

    with pytest.raises(CommandError) as fout:
        call_command("herstel", str(ander))

    assert str(fout.value).splitlines()[0] == (
        "De database staat niet op dezelfde migraties als de backup."
    )
    assert "Alleen in de backup: verhalen.9999_uit_de_toekomst" in str(fout.value)


def test_check_only_reports_the_contents_of_a_good_archive(gevulde_site, tmp_path, capsys):
    archief = tmp_path / "b.tar.gz"
    resultaat = maak_backup(doel=archief)

    call_command("herstel", str(archief), "--alleen-controleren")

    uitvoer = capsys.readouterr().out
    assert uitvoer.startswith(
        f"Archief in orde: {resultaat.totaal_rijen} rijen uit {len(resultaat.rijen)} tabellen "
        "en 2 bestanden, gemaakt op "
    )


def test_backup_archive_is_readable_only_by_its_owner_and_not_overwritten(tmp_path):
    archief = tmp_path / "b.tar.gz"
    call_command("backup", str(archief), stdout=io.StringIO())

    assert archief.stat().st_mode & 0o777 == 0o600
    with pytest.raises(CommandError, match="bestaat al; kies een nieuwe naam"):
        call_command("backup", str(archief))


def test_backup_leaves_out_sessions_and_login_attempts(client, onderzoeker, tmp_path):
    client.force_login(onderzoeker)
    archief = tmp_path / "b.tar.gz"

    maak_backup(doel=archief)

    rijen, _ = archief_inhoud(archief)
    assert "sessions.session" not in rijen
    assert not [label for label in rijen if label.startswith("axes.")]
    assert list(rijen["auth.user"].values())[0]["username"] == "onderzoeker"
