"""Writing and pruning the access log (verhalen.models.Inzage).

The views that show a story's text or export stories call `leg_vast` once
per request, after they found what they show (a 404, 403 or 410 writes
nothing). If the row cannot be written the request fails: nothing is shown
without a trace.
"""

from datetime import datetime

from django.db import transaction
from django.http import HttpRequest

from verhalen.models import Handeling, Inzage, Verhaal

# Long enough for every filter of the story list; a longer query string is cut.
MAX_FILTERLENGTE = 2000
MAX_PADLENGTE = Inzage._meta.get_field("pad").max_length
MAX_ONDERWERPLENGTE = Inzage._meta.get_field("onderwerp").max_length


def leg_vast(
    *,
    request: HttpRequest,
    handeling: Handeling,
    verhaal: Verhaal | None = None,
    aantal: int | None = None,
    onderwerp: str = "",
) -> Inzage | None:
    """Write one log row: who (request.user), what, which story or how many,
    the page's path and its query string (the filters of an export).

    Anonymous visitors are not logged (they only read public collections,
    and logging them would collect data about the public); returns None then.

    Side effects: one INSERT. Deliberately without `transaction.atomic` (a
    single INSERT is atomic by itself) and without the database round trips
    `full_clean` would spend on the foreign keys and constraints, which the
    database enforces anyway: the log costs every story page one query.
    """
    user = request.user
    if not user.is_authenticated:
        return None
    inzage = Inzage(
        gebruiker=user,
        gebruikersnaam=user.get_username(),
        handeling=handeling,
        verhaal=verhaal,
        verhaal_nummer=verhaal.pk if verhaal is not None else None,
        aantal=aantal,
        onderwerp=onderwerp[:MAX_ONDERWERPLENGTE],
        filters=request.GET.urlencode()[:MAX_FILTERLENGTE],
        pad=request.path.replace("\x00", "")[:MAX_PADLENGTE],
    )
    inzage.full_clean(
        exclude=["gebruiker", "verhaal"], validate_unique=False, validate_constraints=False
    )
    inzage.save(force_insert=True)
    return inzage


@transaction.atomic
def ruim_op(*, voor: datetime) -> int:
    """Delete the log rows written before `voor`; returns how many.

    Side effects: deletes rows of verhalen.Inzage (nothing else refers to them).
    """
    aantal, _per_model = Inzage.objects.ouder_dan(voor).delete()
    return aantal
