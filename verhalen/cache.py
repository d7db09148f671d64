"""What makes the cached results of this app stale (see carelab/cache.py).

- "verhalen": the codebook's fragment counts and the theme hub's story and
  fragment counts. Stale on any change to a story (its consent decides who
  counts it), its themes, a fragment or a fragment's codes.
- "collecties": the collections on the home page and theme hubs, with the
  number of stories each reader may see. Stale on any change to a
  collection, its items or themes, and to a story (consent).

Merging or moving codes saves the codes themselves, which makes everything
that depends on "themas" stale. The receivers are connected by
VerhalenConfig.ready().
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from carelab import cache

from .models import Fragment, FragmentThema, Verhaal, VerhaalThema
from .models.collectie import Collectie, CollectieItem, CollectieThema

VERHALEN = "verhalen"
COLLECTIES = "collecties"

NAMEN = {
    Verhaal: (VERHALEN, COLLECTIES),
    VerhaalThema: (VERHALEN,),
    Fragment: (VERHALEN,),
    FragmentThema: (VERHALEN,),
    Collectie: (COLLECTIES,),
    CollectieItem: (COLLECTIES,),
    CollectieThema: (COLLECTIES,),
}


@receiver(post_save, dispatch_uid="verhalen.cache.save")
@receiver(post_delete, dispatch_uid="verhalen.cache.delete")
def _gewijzigd(sender, **kwargs):
    if sender in NAMEN:
        cache.verhoog(*NAMEN[sender])


@receiver(m2m_changed, dispatch_uid="verhalen.cache.m2m")
def _koppeling_gewijzigd(sender, action, **kwargs):
    if sender in NAMEN and action.startswith("post_"):
        cache.verhoog(*NAMEN[sender])


def niveau(user) -> str:
    """What `user` may see of stories, as a cache key part (one of the
    consent audiences, or "niets")."""
    from .models.verhaal import zichtbaarheidsniveau

    return zichtbaarheidsniveau(user) or "niets"
