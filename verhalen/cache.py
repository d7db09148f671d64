"""What makes the cached public pages of this app stale (see toolkit/cache.py).

"collecties": the home page, cached for anonymous visitors, shows the latest
public collections with how many stories each has. Stale on any change to a
collection, its items or themes, and to a story (consent). Counts themselves
are stored, not cached (verhalen/services/tellingen.py). The receivers are connected
by VerhalenConfig.ready().
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from toolkit import cache
from verhalen.models import Verhaal
from verhalen.models.collectie import Collectie, CollectieItem, CollectieThema

COLLECTIES = "collecties"
MODELLEN = (Verhaal, Collectie, CollectieItem, CollectieThema)


@receiver(post_save, dispatch_uid="verhalen.cache.save")
@receiver(post_delete, dispatch_uid="verhalen.cache.delete")
def _gewijzigd(sender, **kwargs):
    if sender in MODELLEN:
        cache.verhoog(COLLECTIES)


@receiver(m2m_changed, dispatch_uid="verhalen.cache.m2m")
def _koppeling_gewijzigd(sender, action, **kwargs):
    if sender in MODELLEN and action.startswith("post_"):
        cache.verhoog(COLLECTIES)
