"""The public kenniscafé pages (agenda, archive, agenda.ics and the cafés on
the home page) come from the shared cache (toolkit/cache.py). They show a
café's own fields, its place, its themes and its places left and waiting
list (registrations); the filters list the werkteams and projects of
published cafés. A change to any of these makes the pages stale at once;
theme names are "themas" (kennisagenda/cache.py). Speakers, attachments and
series are shown only on a café's own page, which is not cached.

Each receiver names its sender: a delete receiver without one would be a
listener on every model, and Django's Collector then loads every row of every
cascade to send signals instead of deleting them in one query.
The receivers are connected by KenniscafesConfig.ready().
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from projecten.models import Project, Werkteam
from toolkit import cache

from .models import Aanmelding, Kenniscafe, Locatie, ThemaKenniscafe

NAAM = "kenniscafes"
MODELLEN = (Kenniscafe, Aanmelding, Locatie, ThemaKenniscafe, Werkteam, Project)


def _gewijzigd(sender, **kwargs):
    cache.verhoog(NAAM)


def _themas_gewijzigd(sender, action, **kwargs):
    if action.startswith("post_"):
        cache.verhoog(NAAM)


for model in MODELLEN:
    post_save.connect(
        _gewijzigd, sender=model, dispatch_uid=f"kenniscafes.cache.save.{model.__name__}"
    )
    post_delete.connect(
        _gewijzigd, sender=model, dispatch_uid=f"kenniscafes.cache.delete.{model.__name__}"
    )
m2m_changed.connect(
    _themas_gewijzigd, sender=ThemaKenniscafe, dispatch_uid="kenniscafes.cache.themas"
)


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
