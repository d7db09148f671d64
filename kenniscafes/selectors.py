"""Reads for the report page of an event."""

from django.db.models import Avg, Count, Q

from .models import Aanmelding, Feedback

ONBEKEND = "Onbekend"


def rapport(kenniscafe):
    """The report's figures: per kind of participant how many registered
    (confirmed), came and did not come; the feedback and its average mark.

    Returns {"per_soort": [{"soort", "aangemeld", "aanwezig", "afwezig"}…],
    "totaal": {…}, "feedback": [Feedback…], "gemiddeld_cijfer": float | None}.
    """
    rijen = (
        Aanmelding.objects.filter(kenniscafe=kenniscafe)
        .bevestigd()
        .values("deelnemersoort__naam", "deelnemersoort__volgorde")
        .annotate(
            # Not named after the field "aanwezig": the filter would count the count.
            n_aangemeld=Count("pk"),
            n_aanwezig=Count("pk", filter=Q(aanwezig=True)),
            n_afwezig=Count("pk", filter=Q(aanwezig=False)),
        )
        .order_by("deelnemersoort__volgorde", "deelnemersoort__naam")
    )
    per_soort = sorted(
        (
            {
                "soort": rij["deelnemersoort__naam"] or ONBEKEND,
                "aangemeld": rij["n_aangemeld"],
                "aanwezig": rij["n_aanwezig"],
                "afwezig": rij["n_afwezig"],
            }
            for rij in rijen
        ),
        key=lambda rij: rij["soort"] == ONBEKEND,  # "onbekend" last, the rest as ordered
    )
    totaal = {
        sleutel: sum(rij[sleutel] for rij in per_soort)
        for sleutel in ("aangemeld", "aanwezig", "afwezig")
    }
    feedback = Feedback.objects.filter(aanmelding__kenniscafe=kenniscafe)
    return {
        "per_soort": per_soort,
        "totaal": totaal,
        "feedback": list(feedback),
        "gemiddeld_cijfer": feedback.aggregate(gemiddeld=Avg("cijfer"))["gemiddeld"],
    }
