"""What verhalen shows on 'Voor jou', the start page after login
(registered in VerhalenConfig.ready(); kennisagenda/sections.py).

Brede Raad members: the collections they may read, those they have not
opened yet first ("nieuw": no reading of it in the access log), and their
own reflections. Researchers: recent and not yet coded stories. Every list
goes through the one visibility rule.
"""

from django.db.models import Exists, OuterRef, Q

from verhalen.models import Handeling, Inzage, Verhaal
from verhalen.models.collectie import Collectie, Publiek, Reflectie
from verhalen.services import tellingen

HOOGSTENS = 6


def brede_raad(request, obj=None):
    user = request.user
    if not user.has_perm("verhalen.add_reflectie"):
        return None
    gelezen = Inzage.objects.filter(
        gebruiker=user, handeling=Handeling.COLLECTIE_GELEZEN, onderwerp=OuterRef("slug")
    )
    collecties = list(
        Collectie.objects.leesbaar_voor(user)
        .filter(gepubliceerd=True)
        .annotate(gelezen=Exists(gelezen), aantal_verhalen=tellingen.aantal_verhalen(user))
        .order_by("gelezen", "-gepubliceerd_op", "titel")[:HOOGSTENS]
    )
    reflecties = list(
        Reflectie.objects.filter(auteur=user)
        .select_related("collectie")
        .order_by("-aangemaakt_op", "-pk")[:HOOGSTENS]
    )
    return {
        "collecties": collecties,
        "nieuw": sum(1 for collectie in collecties if not collectie.gelezen),
        "reflecties": reflecties,
        "publiek_brede_raad": Publiek.BREDE_RAAD,
    }


def onderzoeker(request, obj=None):
    user = request.user
    if not user.has_perm("verhalen.view_verhaal"):
        return None
    zichtbaar = Verhaal.objects.zichtbaar_voor(user).only("pk", "titel", "aangemaakt_op")
    return {
        "recent": list(zichtbaar.order_by("-aangemaakt_op", "-pk")[:HOOGSTENS]),
        # Stored per-story counts (verhalen/services/tellingen.py), as the list's filter.
        "ongecodeerd": list(
            zichtbaar.filter(~Q(telling__fragmenten__gt=0)).order_by("-aangemaakt_op", "-pk")[
                :HOOGSTENS
            ]
        ),
    }
