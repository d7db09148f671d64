"""Demo content of the verhalen app: invented example stories with coded
fragments, researchers' sub-codes applied to them, themed collections
built from them, research attributes and memos, and (demo mode) a closed
coding round. The loaders write some rows directly, so the stored counts
are counted again at the end."""

from verhalen.demo import codeboek as demo_codeboek
from verhalen.demo import collecties as demo_collecties
from verhalen.demo import kenmerken as demo_kenmerken
from verhalen.demo import rondes as demo_rondes
from verhalen.demo import verhalen as demo_verhalen
from verhalen.services import tellingen


def load(stdout):
    demo_verhalen.load(stdout)
    demo_codeboek.load(stdout)
    demo_collecties.load(stdout)
    demo_kenmerken.load(stdout)
    demo_rondes.load(stdout)
    tellingen.herbereken()
