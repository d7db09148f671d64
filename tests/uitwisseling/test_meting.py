"""Export and import of the benchmark dataset as REFI-QDA: seconds and peak memory.

By default at the bench's tiny scale (40 stories), as a check that the whole
path works on a realistic dataset. The figures of issue 15 (1 000 stories,
~10 000 fragments, on PostgreSQL):

    REFI_METING=1000 DATABASE_URL=postgres://… .venv/bin/python -m pytest \\
        tests/uitwisseling/test_meting.py -s

Peak memory is Python's own allocations (tracemalloc) during each step, in a
second run of the step so the timing run is not slowed by the tracing.
"""

import io
import os
import resource
import time
import tracemalloc

import pytest

from bench.dataset import bouw_dataset
from kennisagenda.models import Thema
from tests.factories import UserFactory
from uitwisseling import export, importeren, lezen
from verhalen.models import Fragment, Kenmerk, Memo, Verhaal

pytestmark = pytest.mark.django_db


def _gemeten(stap):
    begin = time.perf_counter()
    uitkomst = stap()
    seconden = time.perf_counter() - begin
    return uitkomst, seconden


def _rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _piek(stap):
    tracemalloc.start()
    try:
        stap()
        return tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()


def test_export_and_import_of_the_bench_dataset():
    aantal = int(os.environ.get("REFI_METING", "40"))
    bouw_dataset(aantal)
    door = UserFactory(username="meter", is_superuser=True)
    verhalen = Verhaal.objects.zichtbaar_voor(door)
    voor = (verhalen.count(), Fragment.objects.filter(verhaal__in=verhalen).count())

    def exporteer():
        doel = io.BytesIO()
        export.schrijf_qdpx(verhalen, door=door, doel=doel)
        return doel.getvalue()

    bestand, export_s = _gemeten(exporteer)
    export_mb = _piek(exporteer)

    Memo.objects.all().delete()
    Verhaal.objects.all().delete()
    Kenmerk.objects.all().delete()
    onder = Thema.objects.filter(is_kennisagenda=True).first()
    Thema.objects.filter(is_kennisagenda=False).delete()

    def lees_en_plan():
        return importeren.plan(lezen.lees("bench.qdpx", bestand), onder=onder)

    plan, plan_s = _gemeten(lees_en_plan)
    plan_mb = _piek(lees_en_plan)
    uitslag, import_s = _gemeten(
        lambda: importeren.importeer(plan=plan, door=door, onder=onder, bestandsnaam="bench.qdpx")
    )
    na = (Verhaal.objects.count(), Fragment.objects.count())
    print(
        f"\nREFI-QDA, {voor[0]} verhalen, {voor[1]} fragmenten, .qdpx {len(bestand) / 1e6:.1f} MB:"
        f"\n  export {export_s:.1f} s (piek {export_mb:.0f} MB)"
        f"\n  lezen + proefimport {plan_s:.1f} s (piek {plan_mb:.0f} MB)"
        f"\n  import {import_s:.1f} s"
        f"\n  hoogste geheugen van het proces {_rss():.0f} MB"
    )
    assert na == voor
    assert (uitslag.verhalen, uitslag.fragmenten) == voor
