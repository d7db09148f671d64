"""The public kenniscafé pages (agenda, archive, agenda.ics and the cafés on
the home page) come from the shared cache (toolkit/cache.py). Any change to
a café, its place, series, speakers, attachments, themes or registrations
(places left and the waiting list are shown) makes them stale at once.

The receivers are connected by KenniscafesConfig.ready().
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from toolkit import cache

from .models import Aanmelding, Bijlage, Kenniscafe, Locatie, Reeks, Spreker, ThemaKenniscafe

NAAM = "kenniscafes"
MODELLEN = (Kenniscafe, Aanmelding, Locatie, Reeks, Spreker, Bijlage, ThemaKenniscafe)


@receiver(post_save, dispatch_uid="kenniscafes.cache.save")
@receiver(post_delete, dispatch_uid="kenniscafes.cache.delete")
def _gewijzigd(sender, **kwargs):
    if sender in MODELLEN:
        cache.verhoog(NAAM)


@receiver(m2m_changed, sender=ThemaKenniscafe, dispatch_uid="kenniscafes.cache.themas")
def _themas_gewijzigd(sender, action, **kwargs):
    if action.startswith("post_"):
        cache.verhoog(NAAM)


def tot_volgend_einde():
    """Seconds until the next published café is over (it then leaves the
    agenda and stops showing places), so a cached page never outlives it."""
    nu = timezone.now()
    eind = (
        Kenniscafe.objects.gepubliceerd()
        .filter(eind__gte=nu)
        .order_by("eind")
        .values_list("eind", flat=True)
        .first()
    )
    if eind is None:
        return cache.STANDAARD_DUUR
    return max(int((eind - nu).total_seconds()), 0) + 1


cache.registreer_levensduur(NAAM, tot_volgend_einde)
