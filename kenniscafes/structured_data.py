"""schema.org Event for a kenniscafé, as JSON-LD for search engines and agendas."""

import json

from django.utils import timezone
from django.utils.safestring import mark_safe

from .models import Status

EVENT_STATUS = {
    Status.GEPLAND: "https://schema.org/EventScheduled",
    Status.VOL: "https://schema.org/EventScheduled",
    Status.VERPLAATST: "https://schema.org/EventRescheduled",
    Status.AFGELAST: "https://schema.org/EventCancelled",
}

# json.dumps does not escape these; inside <script> they could end the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _moment(kenniscafe, moment):
    lokaal = timezone.localtime(moment)
    return lokaal.isoformat() if kenniscafe.tijd_bekend else lokaal.date().isoformat()


def event(kenniscafe, *, url):
    """The schema.org Event as a dict (JSON-serialisable)."""
    basis = url.removesuffix(kenniscafe.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": kenniscafe.titel,
        "url": url,
        "startDate": _moment(kenniscafe, kenniscafe.start),
        "endDate": _moment(kenniscafe, kenniscafe.eind),
        "eventStatus": EVENT_STATUS[kenniscafe.status],
        "isAccessibleForFree": True,
        "inLanguage": "nl",
    }
    organisatoren = [
        {"@type": "Organization", "name": naam, **({"url": basis + pad} if pad else {})}
        for naam, pad in kenniscafe.organisatoren
    ]
    data["organizer"] = organisatoren[0] if len(organisatoren) == 1 else organisatoren
    if kenniscafe.beschrijving:
        data["description"] = kenniscafe.beschrijving
    plaatsen = []
    if kenniscafe.locatie:
        locatie = kenniscafe.locatie
        plaatsen.append(
            {
                "@type": "Place",
                "name": locatie.naam,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": locatie.adres,
                    "postalCode": locatie.postcode,
                    "addressLocality": locatie.plaats,
                    "addressCountry": "NL",
                },
            }
        )
    if kenniscafe.online_link:
        plaatsen.append({"@type": "VirtualLocation", "url": kenniscafe.online_link})
    if plaatsen:
        data["location"] = plaatsen[0] if len(plaatsen) == 1 else plaatsen
    if kenniscafe.locatie and kenniscafe.online_link:
        data["eventAttendanceMode"] = "https://schema.org/MixedEventAttendanceMode"
    elif kenniscafe.online_link:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
    elif kenniscafe.locatie:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
    if kenniscafe.capaciteit is not None:
        data["maximumAttendeeCapacity"] = kenniscafe.capaciteit
        data["remainingAttendeeCapacity"] = kenniscafe.vrije_plaatsen
    sprekers = [
        spreker.publieke_naam for spreker in kenniscafe.sprekers.all() if spreker.publieke_naam
    ]
    if sprekers:
        data["performer"] = [{"@type": "Person", "name": naam} for naam in sprekers]
    if kenniscafe.reeks:
        data["superEvent"] = {"@type": "EventSeries", "name": kenniscafe.reeks.titel}
    return data


def als_script(data):
    """JSON safe to place inside <script type="application/ld+json">."""
    return mark_safe(json.dumps(data, ensure_ascii=False, indent=2).translate(_SCRIPT_ESCAPES))
