"""Portable full backups: every row of every table and every uploaded file in one archive.

`maak_backup` writes a ``.tar.gz``; `herstel_backup` puts it back into an empty
database on the same migration state, on SQLite or PostgreSQL alike (the rows
are Django's JSON Lines serialisation, not SQL). Layout of the archive::

    manifest.json                          format, time, Django version, source database,
                                           applied migrations, per model the row count and
                                           sha256 of its data file, per file sha256 and size
    data/<app_label>.<model_name>.jsonl    one row per line, ordered by primary key
    bestanden/<opslag>/<path>              uploaded files, per storage ("default" = MEDIA_ROOT)

Rows are streamed (``.iterator()`` into the serializer, line by line back out),
so a database with 100 000 stories is never held in memory. Primary keys are
kept, so links between rows, URLs with ids and history stay as they were.

Not in the archive, on purpose: sessions (live login keys; everyone simply logs
in again) and django-axes login attempts (IP addresses and user names kept
only to throttle logins; short-lived personal data). The full-text search
vector is not stored either: PostgreSQL's trigger computes it on insert.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.color import no_style
from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAAT = "verhalenbank-backup/1"
MANIFEST = "manifest.json"

# Apps whose rows are left out (see the module docstring).
UITGESLOTEN_APPS = frozenset({"sessions", "axes"})

# Tables that `migrate` itself fills: content types and permissions, the role
# groups and their permissions, the kennisagenda themes, Rotterdam's wijken
# and the kinds of participant of a café registration. A freshly migrated
# database holds these and nothing else; a restore replaces them by the
# archive's rows, so every id is the one of the
# backed-up site. (tests/carelab/test_backup.py restores into a freshly
# migrated database: a new data migration that fills another table shows up
# there as "database is niet leeg".)
DOOR_MIGRATE_GEVULD = frozenset(
    {
        "contenttypes.contenttype",
        "auth.permission",
        "auth.group",
        "auth.group_permissions",
        "carelab.thema",
        "projecten.wijk",
        "kenniscafes.deelnemersoort",
    }
)

CHUNK = 2000


class BackupFout(Exception):
    """A backup or restore that cannot go on; the message is Dutch, for the user."""


@dataclass
class Resultaat:
    """What was written or restored: rows per model and files per archive path."""

    rijen: dict[str, int] = field(default_factory=dict)
    bestanden: dict[str, int] = field(default_factory=dict)

    @property
    def totaal_rijen(self) -> int:
        return sum(self.rijen.values())


class _Encoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts times to milliseconds; a backup keeps every microsecond."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class _Serializer(jsonl.Serializer):
    """Django's JSON Lines serializer, minus many-to-many fields and search vectors.

    Many-to-many links are rows of their own (the auto-created through tables
    are dumped like any model), so they stream instead of costing a query per
    object. A search vector is derived data that the database trigger rebuilds.
    """

    def handle_field(self, obj, field):
        if isinstance(field, SearchVectorField):
            return
        super().handle_field(obj, field)

    def handle_m2m_field(self, obj, field):
        return


def modellen() -> list[type[models.Model]]:
    """Every model with a table of its own that goes into the archive, sorted by label."""
    gekozen = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.swapped:
            continue
        if meta.app_label in UITGESLOTEN_APPS:
            continue
        gekozen.append(model)
    return sorted(gekozen, key=lambda model: model._meta.label_lower)


def opslagplaatsen() -> dict[str, Path]:
    """The folders with uploaded files, by name: storage aliases, then fields' own storages."""
    plaatsen: dict[str, Path] = {}
    for alias in storages.backends:
        if alias == "staticfiles":
            continue
        storage = storages[alias]
        if isinstance(storage, FileSystemStorage):
            plaatsen[alias] = Path(storage.location)
    for model in apps.get_models():
        for veld in model._meta.concrete_fields:
            if isinstance(veld, models.FileField) and isinstance(veld.storage, FileSystemStorage):
                plaats = Path(veld.storage.location)
                if plaats not in plaatsen.values():
                    plaatsen[f"{model._meta.label_lower}.{veld.name}"] = plaats
    return plaatsen


def _sha256(pad: Path) -> str:
    digest = hashlib.sha256()
    with pad.open("rb") as bestand:
        for blok in iter(lambda: bestand.read(1024 * 1024), b""):
            digest.update(blok)
    return digest.hexdigest()


def _bestanden_in(plaats: Path) -> Iterator[Path]:
    if not plaats.is_dir():
        return
    for map_, submappen, namen in os.walk(plaats):
        submappen.sort()
        for naam in sorted(namen):
            pad = Path(map_) / naam
            if pad.is_file() and not pad.is_symlink():
                yield pad


def _toegepaste_migraties(using: str) -> list[list[str]]:
    recorder = MigrationRecorder(connections[using])
    return sorted([app, naam] for app, naam in recorder.applied_migrations())


def _geteld(rijen: Iterable, teller: list[int]) -> Iterator:
    for rij in rijen:
        teller[0] += 1
        yield rij


def maak_backup(*, doel: Path, using: str = "default") -> Resultaat:
    """Write every row and every uploaded file into the archive `doel` (.tar.gz).

    Side effects: creates `doel` (mode 0600; first as `<doel>.deel`, renamed
    when complete, so a broken run leaves no half archive under the real name).
    On PostgreSQL, outside a transaction, all tables are read in one
    repeatable-read snapshot, so the archive is consistent while the site runs.
    """
    doel = Path(doel)
    doel.parent.mkdir(parents=True, exist_ok=True)
    resultaat = Resultaat()
    manifest = {
        "formaat": FORMAAT,
        "aangemaakt": timezone.now().isoformat(),
        "django": django.get_version(),
        "database": connections[using].vendor,
        "migraties": _toegepaste_migraties(using),
        "modellen": {},
        "bestanden": {},
    }
    with tempfile.TemporaryDirectory(prefix="backup-", dir=doel.parent) as tijdelijk:
        werkmap = Path(tijdelijk)
        (werkmap / "data").mkdir()
        connection = connections[using]
        with transaction.atomic(using=using):
            if connection.vendor == "postgresql" and len(connection.atomic_blocks) == 1:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            for model in modellen():
                label = model._meta.label_lower
                naam = f"data/{label}.jsonl"
                teller = [0]
                rijen = model._base_manager.using(using).order_by("pk").iterator(chunk_size=CHUNK)
                with (werkmap / naam).open("w", encoding="utf-8") as stroom:
                    _Serializer().serialize(_geteld(rijen, teller), stream=stroom, cls=_Encoder)
                manifest["modellen"][label] = {
                    "rijen": teller[0],
                    "bestand": naam,
                    "sha256": _sha256(werkmap / naam),
                }
                resultaat.rijen[label] = teller[0]

        bronnen: list[tuple[Path, str]] = []
        for opslag, plaats in opslagplaatsen().items():
            for pad in _bestanden_in(plaats):
                naam = f"bestanden/{opslag}/{pad.relative_to(plaats).as_posix()}"
                grootte = pad.stat().st_size
                manifest["bestanden"][naam] = {"sha256": _sha256(pad), "grootte": grootte}
                resultaat.bestanden[naam] = grootte
                bronnen.append((pad, naam))

        (werkmap / MANIFEST).write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        deel = doel.with_name(doel.name + ".deel")
        fd = os.open(deel, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as ruw, tarfile.open(fileobj=ruw, mode="w:gz") as archief:
            archief.add(werkmap / MANIFEST, arcname=MANIFEST)
            for info in manifest["modellen"].values():
                archief.add(werkmap / info["bestand"], arcname=info["bestand"])
            for pad, naam in bronnen:
                archief.add(pad, arcname=naam)
        os.replace(deel, doel)
    return resultaat


def _pak_uit(archief: Path, werkmap: Path) -> dict:
    """Unpack into `werkmap` and check every checksum; return the manifest."""
    try:
        with tarfile.open(archief, mode="r:gz") as tar:
            tar.extractall(werkmap, filter="data")
    except (OSError, tarfile.TarError) as fout:
        raise BackupFout(f"Het archief {archief} kan niet gelezen worden: {fout}") from fout
    try:
        manifest = json.loads((werkmap / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as fout:
        raise BackupFout(f"Het archief {archief} heeft geen leesbaar manifest.json.") from fout
    if manifest.get("formaat") != FORMAAT:
        raise BackupFout(
            f"Dit archief heeft formaat {manifest.get('formaat')!r}; "
            f"deze versie van de Verhalenbank leest alleen {FORMAAT!r}."
        )
    te_controleren = [(info["bestand"], info["sha256"]) for info in manifest["modellen"].values()]
    te_controleren += [(naam, info["sha256"]) for naam, info in manifest["bestanden"].items()]
    for naam, verwacht in te_controleren:
        pad = werkmap / naam
        if not pad.is_file() or _sha256(pad) != verwacht:
            raise BackupFout(
                f"Het archief is beschadigd: {naam} ontbreekt of klopt niet met het manifest."
            )
    return manifest


def controleer_backup(*, archief: Path) -> dict:
    """Check an archive without restoring it: readable, complete, every checksum right.

    Returns the manifest. Side effects: none (unpacks into a temporary folder).
    """
    with tempfile.TemporaryDirectory(prefix="herstel-") as tijdelijk:
        return _pak_uit(Path(archief), Path(tijdelijk))


def _controleer_doel(manifest: dict, using: str) -> None:
    """Refuse a database on another migration state or with data of its own."""
    hier = _toegepaste_migraties(using)
    daar = manifest["migraties"]
    if hier != daar:
        alleen_daar = sorted({tuple(m) for m in daar} - {tuple(m) for m in hier})
        alleen_hier = sorted({tuple(m) for m in hier} - {tuple(m) for m in daar})
        regels = [
            "De database staat niet op dezelfde migraties als de backup.",
            "Maak een lege database en zet die met `manage.py migrate <app> <migratie>` "
            "op de stand van de backup; herstel dan, en draai daarna `manage.py migrate`.",
        ]
        if alleen_daar:
            regels.append(
                "Alleen in de backup: " + ", ".join(f"{app}.{naam}" for app, naam in alleen_daar)
            )
        if alleen_hier:
            regels.append(
                "Alleen in deze database: "
                + ", ".join(f"{app}.{naam}" for app, naam in alleen_hier)
            )
        raise BackupFout("\n".join(regels))
    bekend = {model._meta.label_lower: model for model in modellen()}
    onbekend = sorted(set(manifest["modellen"]) - set(bekend))
    if onbekend:
        raise BackupFout(
            "De backup bevat tabellen die deze versie niet kent: " + ", ".join(onbekend)
        )
    gevuld = [
        label
        for label, model in bekend.items()
        if label not in DOOR_MIGRATE_GEVULD and model._base_manager.using(using).exists()
    ]
    if gevuld:
        genoemd = ", ".join(gevuld[:5]) + (
            f" en {len(gevuld) - 5} andere" if len(gevuld) > 5 else ""
        )
        raise BackupFout(
            f"De database is niet leeg: er staan al gegevens in {genoemd}. "
            "Herstel een backup alleen in een lege database (alleen `manage.py migrate` "
            "gedraaid), zodat er niets door elkaar raakt of overschreven wordt."
        )


def _doelpaden(manifest: dict, werkmap: Path) -> list[tuple[Path, Path, str]]:
    """(source in werkmap, target path, sha256) for every file; refuse overwriting."""
    plaatsen = opslagplaatsen()
    paden = []
    for naam, info in manifest["bestanden"].items():
        _, opslag, relatief = naam.split("/", 2)
        if opslag not in plaatsen:
            raise BackupFout(
                f"De backup bevat bestanden voor opslag {opslag!r}, die hier niet bestaat."
            )
        doel = plaatsen[opslag] / relatief
        if doel.exists() and (not doel.is_file() or _sha256(doel) != info["sha256"]):
            raise BackupFout(
                f"Het bestand {doel} bestaat al met een andere inhoud. Herstel in een lege "
                "omgeving: maak de map met geüploade bestanden eerst leeg."
            )
        paden.append((werkmap / naam, doel, info["sha256"]))
    return paden


def herstel_backup(*, archief: Path, using: str = "default") -> Resultaat:
    """Restore the archive into an empty database and its files into the storages.

    Checks first, changes nothing when a check fails (BackupFout, Dutch message):
    archive checksums, same applied migrations, an empty database (only what
    `migrate` creates), no existing file with other content. Then, in one
    transaction: replaces the rows `migrate` made by the archive's, loads every
    row with its own primary key (no signals act on them: `raw` saves, so no new
    history rows), resets PostgreSQL's sequences (new rows get new ids), checks
    foreign keys, compares the row count of every table with the manifest and
    copies the files (checking their sha256). Any failure rolls the database
    back and removes the files it wrote. The PostgreSQL search vector is filled
    by its trigger on insert. Afterwards every cache is cleared: pages cached
    from other data (a shared Redis outlives the database) would be stale.
    """
    connection = connections[using]
    resultaat = Resultaat()
    with tempfile.TemporaryDirectory(prefix="herstel-") as tijdelijk:
        werkmap = Path(tijdelijk)
        manifest = _pak_uit(Path(archief), werkmap)
        _controleer_doel(manifest, using)
        bestanden = _doelpaden(manifest, werkmap)
        bekend = {model._meta.label_lower: model for model in modellen()}
        geschreven: list[Path] = []
        try:
            with transaction.atomic(using=using):
                with connection.cursor() as cursor:
                    for label in sorted(DOOR_MIGRATE_GEVULD & set(bekend)):
                        tabel = connection.ops.quote_name(bekend[label]._meta.db_table)
                        cursor.execute(f"DELETE FROM {tabel}")  # noqa: S608 (table names only)
                for label, info in manifest["modellen"].items():
                    resultaat.rijen[label] = _laad(werkmap / info["bestand"], using)
                geladen = [bekend[label] for label in manifest["modellen"]]
                with connection.cursor() as cursor:
                    for sql in connection.ops.sequence_reset_sql(no_style(), geladen):
                        cursor.execute(sql)
                connection.check_constraints(
                    table_names=[model._meta.db_table for model in geladen]
                )
                _vergelijk_aantallen(manifest, bekend, using)
                for bron, doel, sha256 in bestanden:
                    if doel.exists():
                        continue
                    doel.parent.mkdir(parents=True, exist_ok=True)
                    geschreven.append(doel)
                    shutil.copyfile(bron, doel)
                    if _sha256(doel) != sha256:
                        raise BackupFout(f"Het bestand {doel} is niet goed teruggezet.")
                    resultaat.bestanden[str(doel)] = doel.stat().st_size
        except Exception:
            for pad in geschreven:
                pad.unlink(missing_ok=True)
            raise
        finally:
            ContentType.objects.clear_cache()
    # Cached pages were made from other data (a shared Redis outlives the database).
    for cache in caches.all(initialized_only=False):
        cache.clear()
    return resultaat


def _laad(pad: Path, using: str) -> int:
    aantal = 0
    with pad.open(encoding="utf-8") as stroom:
        for rij in jsonl.Deserializer(stroom, using=using):
            rij.save(using=using, force_insert=True)
            aantal += 1
    return aantal


def _vergelijk_aantallen(manifest: dict, bekend: dict, using: str) -> None:
    verschillen = []
    for label, info in manifest["modellen"].items():
        aantal = bekend[label]._base_manager.using(using).count()
        if aantal != info["rijen"]:
            verschillen.append(f"{label}: {aantal} in de database, {info['rijen']} in de backup")
    if verschillen:
        raise BackupFout(
            "Na het terugzetten klopt het aantal rijen niet; er is niets veranderd.\n"
            + "\n".join(verschillen)
        )
