"""Demo content of the verhalen app: invented example stories with coded
fragments, researchers' sub-codes applied to them, themed collections
built from them, research attributes and memos, and (demo mode) a closed
coding round. The loaders write some rows directly, so the stored counts
are counted again at the end."""

from . import (
    demo_codeboek,
    demo_collecties,
    demo_kenmerken,
    demo_rondes,
    demo_verhalen,
    tellingen,
)


def load(stdout):
    demo_verhalen.load(stdout)
    demo_codeboek.load(stdout)
    demo_collecties.load(stdout)
    demo_kenmerken.load(stdout)
    demo_rondes.load(stdout)
    tellingen.herbereken()
