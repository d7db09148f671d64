"""What adviezen shows on shared pages (registered in AdviezenConfig.ready()).

Each function returns the section's context, or None to leave it out."""

from . import selectors
from .models import GEPUBLICEERD, Advies, Status

HOOGSTENS = 5


def voor_jou(request, obj=None):
    """'Voor jou': advice in progress, and what the gemeente did with earlier advice."""
    user = request.user
    if not user.has_perm("adviezen.view_advies"):
        return None
    adviezen = Advies.objects.leesbaar_voor(user)
    bezig = list(
        adviezen.filter(status__in=[Status.CONCEPT, Status.VASTGESTELD]).order_by("-gewijzigd_op")[
            :HOOGSTENS
        ]
    )
    eerder = list(
        adviezen.filter(status__in=GEPUBLICEERD)
        .prefetch_related("aanbevelingen__antwoord")
        .order_by("-aangeboden_op", "pk")[:HOOGSTENS]
    )
    for advies in eerder:
        rijen = list(advies.aanbevelingen.all())
        advies.aantal_aanbevelingen = len(rijen)
        advies.aantal_beantwoord = sum(1 for rij in rijen if hasattr(rij, "antwoord"))
    return {
        "bezig": bezig,
        "eerder": eerder,
        "mag_beginnen": user.has_perm("adviezen.add_advies"),
    }


def verteller(request, verhaal):
    """The teller's own page: the published advice that quotes their story."""
    adviezen = selectors.gepubliceerde_citaten_van(verhaal)
    return {"adviezen": adviezen} if adviezen else None
