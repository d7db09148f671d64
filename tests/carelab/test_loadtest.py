"""The load test's own parts that can run in the suite: counting writes, and the
locustfile's user classes (imported in a subprocess: locust patches sockets with
gevent, which the test process must not get; skipped without locust installed)."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from loadtest.tellen import alles_bewaard, vergelijk

ROOT = Path(__file__).resolve().parents[2]


def test_every_reported_write_stored_once_is_all_kept():
    gemeld = {"fragmenten": ["load-a", "load-b"], "reflecties": ["load-c"], "aanmeldingen": []}
    opgeslagen = {"fragmenten": ["load-b", "load-a"], "reflecties": ["load-c"]}

    uitkomst = vergelijk(gemeld, opgeslagen)

    assert uitkomst["fragmenten"] == {
        "gemeld": 2,
        "opgeslagen": 2,
        "verloren": [],
        "dubbel": [],
        "onverwacht": [],
    }
    assert alles_bewaard(uitkomst)


def test_lost_double_and_unreported_writes_are_named():
    gemeld = {"fragmenten": ["load-a", "load-b"], "aanmeldingen": ["load-x"]}
    opgeslagen = {"fragmenten": ["load-a", "load-a"], "reflecties": ["load-r"]}

    uitkomst = vergelijk(gemeld, opgeslagen)

    assert uitkomst["fragmenten"]["verloren"] == ["load-b"]
    assert uitkomst["fragmenten"]["dubbel"] == ["load-a"]
    assert uitkomst["reflecties"]["onverwacht"] == ["load-r"]
    assert uitkomst["aanmeldingen"]["verloren"] == ["load-x"]
    assert not alles_bewaard(uitkomst)


@pytest.mark.skipif(importlib.util.find_spec("locust") is None, reason="locust ontbreekt")
def test_locustfile_has_the_four_kinds_of_users(tmp_path):
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"verhalen": [], "codes": []}))
    code = (
        "import json; from loadtest import locustfile as l; "
        "print(json.dumps({n: c.weight for n, c in vars(l).items() "
        "if isinstance(c, type) and issubclass(c, l.HttpUser) and c is not l.HttpUser}))"
    )
    proces = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "LOADTEST_PLAN": str(plan)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proces.returncode == 0, proces.stderr
    assert json.loads(proces.stdout.strip().splitlines()[-1]) == {
        "Bezoeker": 5,
        "Raadslid": 2,
        "Onderzoeker": 3,
        "Coordinator": 1,
    }


def test_fault_run_splits_requests_failures_and_writes_per_phase():
    from loadtest.storingen import per_fase

    grenzen = {
        "rustig": (1_765_000_000, 1_765_000_010),
        "postgres-herstart": (1_765_000_010, 1_765_000_020),
        "worker-gedood": (1_765_000_020, 1_765_000_030),
        "smtp-weg": (1_765_000_030, 1_765_000_040),
    }
    # 1_765_000_005 is 06/Dec/2025:05:46:45 UTC
    log = "\n".join(
        [
            '127.0.0.1 - - [06/Dec/2025:05:46:45 +0000] "GET / HTTP/1.1" 200 10 "-" "-"',
            '127.0.0.1 - - [06/Dec/2025:05:46:45 +0000] "GET /healthz HTTP/1.1" 200 1 "-" "-"',
            '127.0.0.1 - - [06/Dec/2025:05:46:55 +0000] "GET / HTTP/1.1" 503 10 "-" "-"',
        ]
    )
    gemeld = {
        "tijden": {"load-a": 1_765_000_001, "load-b": 1_765_000_012, "load-c": 1_765_000_013},
        "fouten": [
            [1_765_000_015, "503"],
            [1_765_000_016, "503"],
            [1_765_000_025, "RemoteDisconnected"],
        ],
    }
    opgeslagen = {"fragmenten": ["load-a", "load-b", "load-b"], "aanmeldingen": ["load-c"]}

    tabel = per_fase(grenzen, log, gemeld, opgeslagen)

    assert {f: (r["verzoeken"], dict(r["fouten"]), r["bevestigd"], r["precies_een_keer"])
            for f, r in tabel.items()} == {
        "rustig": (1, {}, 1, 1),
        "postgres-herstart": (1, {"503": 2}, 2, 1),  # load-b is stored twice
        "worker-gedood": (0, {"RemoteDisconnected": 1}, 0, 0),
        "smtp-weg": (0, {}, 0, 0),
        "media-alleen-lezen": (0, {}, 0, 0),
        "redis-weg": (0, {}, 0, 0),
    }  # fmt: skip


def test_media_check_names_rows_without_their_whole_file_and_files_without_a_row(tmp_path):
    from loadtest.storingen import media_heel

    (tmp_path / "publicaties").mkdir()
    (tmp_path / "publicaties" / "load-a.pdf").write_bytes(b"x" * 10)
    (tmp_path / "publicaties" / "load-b.pdf").write_bytes(b"x" * 4)  # half written
    (tmp_path / "publicaties" / "load-los.pdf").write_bytes(b"x" * 10)  # no row
    (tmp_path / "publicaties" / "rapport.pdf").write_bytes(b"x")  # not the load test's
    rijen = [
        ("load-a", "publicaties/load-a.pdf", 10),
        ("load-b", "publicaties/load-b.pdf", 10),
        ("load-c", "publicaties/load-c.pdf", 10),  # no file at all
    ]

    assert media_heel(tmp_path, rijen) == {"rij zonder heel bestand": 2, "bestand zonder rij": 1}
    assert media_heel(tmp_path, rijen[:1]) == {
        "rij zonder heel bestand": 0,
        "bestand zonder rij": 2,
    }


def test_the_read_only_media_folder_refuses_the_site_also_when_run_as_root(tmp_path):
    from loadtest.storingen import Mediamap

    media = Mediamap(tmp_path / "media")
    (media.map / "publicaties").mkdir()
    schrijf = [
        *media.gunicorn_voorvoegsel(),  # as root: without the capabilities past file modes
        sys.executable,
        "-c",
        f"open({str(media.map / 'publicaties' / 'x.pdf')!r}, 'wb').write(b'x')",
    ]

    media.alleen_lezen()
    tijdens = subprocess.run(schrijf, capture_output=True, text=True, timeout=60)
    media.beschrijfbaar()
    erna = subprocess.run(schrijf, capture_output=True, text=True, timeout=60)

    assert tijdens.returncode != 0
    assert "PermissionError" in tijdens.stderr
    assert erna.returncode == 0, erna.stderr
    assert (media.map / "publicaties" / "x.pdf").read_bytes() == b"x"


def test_fault_run_fails_on_a_failed_check_or_a_user_sent_to_the_login_page():
    from collections import Counter

    from loadtest.storingen import FASEN, controles_geslaagd, na_afloop

    grenzen = {fase: (100 * i, 100 * (i + 1)) for i, fase in enumerate(FASEN)}
    media_eind = grenzen["media-alleen-lezen"][1]
    tabel = {fase: {"fouten": Counter()} for fase in FASEN}
    controles = {fase: {} for fase in FASEN}
    controles["redis-weg"] = {"vers tijdens storing": True, "vers na terugkeer": True}
    controles["media-alleen-lezen"] = {"rij zonder heel bestand": 0, "bestand zonder rij": 0}
    gemeld = {"publicaties": ["load-p"], "tijden": {"load-p": media_eind + 1}}

    na_afloop(controles, tabel, grenzen, gemeld)
    goed = controles_geslaagd(controles, tabel)
    tabel["redis-weg"]["fouten"]["uitgelogd"] = 1
    na_afloop(controles, tabel, grenzen, {**gemeld, "tijden": {"load-p": media_eind - 1}})

    assert goed
    assert controles["redis-weg"]["uitgelogd"] == 1
    assert controles["media-alleen-lezen"]["uploads weer bevestigd erna"] is False
    assert not controles_geslaagd(controles, tabel)
