"""iCalendar (RFC 5545) for kenniscafés, built with the icalendar library.

- UID: the café's fixed uuid, so a calendar app recognises the same café
  in every feed and every e-mail and updates it instead of adding a copy.
- SEQUENCE: raised by services.bewaar_kenniscafe on every change that
  matters to attendees (time, place, title, status).
- DTSTART/DTEND in Europe/Amsterdam with a VTIMEZONE (IANA name as TZID);
  cafés with only a known date are all-day events.
- STATUS:CANCELLED for cancelled cafés, which stay in the feed.
"""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event

from .models import Status

TIJDZONE = ZoneInfo(settings.TIME_ZONE)
PRODID = "-//CARE lab Rotterdam//Verhalenbank kenniscafes//NL"
UID_DOMEIN = "kenniscafes.verhalenbank.carelab-rotterdam.nl"

ICAL_STATUS = {
    Status.GEPLAND: "CONFIRMED",
    Status.VOL: "CONFIRMED",
    Status.VERPLAATST: "CONFIRMED",
    Status.AFGELAST: "CANCELLED",
}


def uid(kenniscafe):
    return f"{kenniscafe.uid}@{UID_DOMEIN}"


def _locatie(kenniscafe):
    delen = []
    if kenniscafe.locatie:
        delen.append(kenniscafe.locatie.volledig_adres)
    if kenniscafe.online_link:
        delen.append(f"Online: {kenniscafe.online_link}")
    return " — ".join(delen)


def _beschrijving(kenniscafe, url, agenda_url):
    delen = []
    if kenniscafe.is_afgelast:
        delen.append("AFGELAST." + (f" {kenniscafe.mededeling}" if kenniscafe.mededeling else ""))
    elif kenniscafe.mededeling:
        delen.append(kenniscafe.mededeling)
    if kenniscafe.beschrijving:
        delen.append(kenniscafe.beschrijving)
    if kenniscafe.online_link:
        delen.append(f"Online meedoen: {kenniscafe.online_link}")
    if kenniscafe.is_afgelast:
        delen.append(f"Meer informatie: {url}")
        delen.append(f"De volgende kenniscafés: {agenda_url}")
    else:
        delen.append(f"Meer informatie en aanmelden: {url}")
    return "\n\n".join(delen)


def event(kenniscafe, *, basis_url, stamp=None):
    """One VEVENT for a café (which must have a date)."""
    url = basis_url + kenniscafe.get_absolute_url()
    agenda_url = basis_url + reverse("kenniscafes:agenda")
    if kenniscafe.tijd_bekend:
        start = kenniscafe.start.astimezone(TIJDZONE)
        eind = kenniscafe.eind.astimezone(TIJDZONE)
    else:
        start = timezone.localtime(kenniscafe.start, TIJDZONE).date()
        eind = timezone.localtime(kenniscafe.eind, TIJDZONE).date() + timedelta(days=1)
    titel = kenniscafe.titel
    if kenniscafe.is_afgelast:
        titel = f"Afgelast: {titel}"
    vevent = Event.new(
        uid=uid(kenniscafe),
        summary=f"{kenniscafe.get_soort_display().capitalize()}: {titel}",
        start=start,
        end=eind,
        stamp=stamp or kenniscafe.gewijzigd,
        last_modified=kenniscafe.gewijzigd,
        created=kenniscafe.aangemaakt,
        sequence=kenniscafe.sequence,
        status=ICAL_STATUS[kenniscafe.status],
        url=url,
        description=_beschrijving(kenniscafe, url, agenda_url),
        location=_locatie(kenniscafe) or None,
        categories=[thema.name for thema in kenniscafe.themas.all()],
        transparency="OPAQUE",
    )
    if not vevent.categories:
        # RFC 5545 wants at least one category after "CATEGORIES:".
        vevent.pop("CATEGORIES", None)
    return vevent


def kalender(kenniscafes, *, basis_url, naam="Kenniscafés CARE lab Rotterdam", methode=None):
    """The calendar as bytes: one VEVENT per café with a date, plus the VTIMEZONE."""
    cafes = [cafe for cafe in kenniscafes if cafe.start and cafe.eind]
    stamp = timezone.now() if methode else None
    calendar = Calendar.new(
        prodid=PRODID, name=naam, method=methode, uid=f"{slugify(naam)}@{UID_DOMEIN}"
    )
    calendar.add("X-WR-TIMEZONE", settings.TIME_ZONE)
    calendar.refresh_interval = timedelta(hours=6)
    for cafe in cafes:
        calendar.add_component(event(cafe, basis_url=basis_url, stamp=stamp))
    if cafes:
        eerste = min(timezone.localtime(cafe.start).date() for cafe in cafes)
        laatste = max(timezone.localtime(cafe.eind).date() for cafe in cafes)
        calendar.add_missing_timezones(
            first_date=date(eerste.year - 1, 1, 1), last_date=date(laatste.year + 1, 12, 31)
        )
    return calendar.to_ical()
