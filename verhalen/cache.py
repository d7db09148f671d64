"""What makes the cached public pages of this app stale (see toolkit/cache.py).

"collecties": the home page, cached for anonymous visitors, shows the latest
public collections (title, audience, introduction, publication date, themes)
with how many stories each has. Stale on any change to a collection, its
items or themes, and to a story (consent). Counts themselves are stored, not
cached (verhalen/services/tellingen.py); theme names are "themas"
(kennisagenda/cache.py). The receivers are connected by VerhalenConfig.ready().

Each receiver names its sender: a delete receiver without one would be a
listener on every model, and Django's Collector then loads every row of every
cascade (fragments, codes, history) to send signals instead of deleting them
in one query.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from toolkit import cache
from verhalen.models import Verhaal
from verhalen.models.collectie import Collectie, CollectieItem, CollectieThema

COLLECTIES = "collecties"
MODELLEN = (Verhaal, Collectie, CollectieItem, CollectieThema)


def _gewijzigd(sender, **kwargs):
    cache.verhoog(COLLECTIES)


def _themas_gewijzigd(sender, action, **kwargs):
    if action.startswith("post_"):
        cache.verhoog(COLLECTIES)


for model in MODELLEN:
    post_save.connect(
        _gewijzigd, sender=model, dispatch_uid=f"verhalen.cache.save.{model.__name__}"
    )
    post_delete.connect(
        _gewijzigd, sender=model, dispatch_uid=f"verhalen.cache.delete.{model.__name__}"
    )
m2m_changed.connect(_themas_gewijzigd, sender=CollectieThema, dispatch_uid="verhalen.cache.themas")
