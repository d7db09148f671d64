"""Demo content of the verhalen app: invented example stories with coded
fragments, researchers' sub-codes applied to them, then themed collections
built from them."""

from . import demo_codeboek, demo_collecties, demo_verhalen


def load(stdout):
    demo_verhalen.load(stdout)
    demo_codeboek.load(stdout)
    demo_collecties.load(stdout)
