"""Invalidation of the public pages that show themes (toolkit/cache.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from toolkit.cache import verhoog

from .models import Thema


@receiver([post_save, post_delete], sender=Thema, dispatch_uid="carelab.cache.themas")
def _thema_gewijzigd(sender, **kwargs):
    verhoog("themas")
