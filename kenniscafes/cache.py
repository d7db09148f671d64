"""The public kenniscafé pages (agenda, archive, agenda.ics and the cafés on
the home page) come from the shared cache (toolkit/cache.py). They show a
café's own fields, its place, its themes and its places left and waiting
list (registrations); the filters list the werkteams and projects of
published cafés. A change to any of these makes the pages stale at once;
theme names are "themas" (kennisagenda/cache.py). Speakers, attachments and
series are shown only on a café's own page, which is not cached.
The receivers are connected by KenniscafesConfig.ready().
"""

from django.utils import timezone

from projecten.models import Project, Werkteam
from toolkit import cache

from .models import Aanmelding, Kenniscafe, Locatie, ThemaKenniscafe

NAAM = "kenniscafes"
cache.verhoog_bij_wijziging(
    NAAM,
    (Kenniscafe, Aanmelding, Locatie, ThemaKenniscafe, Werkteam, Project),
    koppeltabel=ThemaKenniscafe,
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
