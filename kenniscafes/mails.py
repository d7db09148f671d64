"""E-mails to people who registered for a kenniscafé.

Each builder returns an EmailMessage for one registration; stuur() builds
them and writes them to the outbox (EMAIL_BACKEND is django-mailer's, see
toolkit/postbode.py) in the current transaction: they go out when, and only
if, the change they report is committed — and never from the request itself.
"""

from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse

from . import ical

ICS_TYPE = "text/calendar; charset=utf-8; method=PUBLISH"


def _bericht(onderwerp, template, aanmelding, kenniscafe, basis_url, *, met_agenda, **extra):
    context = {
        "aanmelding": aanmelding,
        "kenniscafe": kenniscafe,
        "cafe_url": basis_url + kenniscafe.get_absolute_url(),
        "agenda_url": basis_url + reverse("kenniscafes:agenda"),
        "afmelden_url": basis_url + aanmelding.get_afmelden_url() if aanmelding.token else "",
        **extra,
    }
    bericht = EmailMessage(
        subject=f"{onderwerp}: {kenniscafe.titel}",
        body=render_to_string(f"kenniscafes/mail/{template}.txt", context),
        to=[aanmelding.email],
    )
    if met_agenda:
        bericht.attach(
            f"{kenniscafe.slug}.ics",
            ical.kalender([kenniscafe], basis_url=basis_url, methode="PUBLISH"),
            ICS_TYPE,
        )
    return bericht


def bevestiging(aanmelding, *, kenniscafe, basis_url):
    return _bericht(
        "Je bent aangemeld", "bevestiging", aanmelding, kenniscafe, basis_url, met_agenda=True
    )


def wachtlijst(aanmelding, *, kenniscafe, basis_url):
    return _bericht(
        "Je staat op de wachtlijst",
        "wachtlijst",
        aanmelding,
        kenniscafe,
        basis_url,
        met_agenda=False,
        positie=aanmelding.positie_op_wachtlijst,
    )


def doorgeschoven(aanmelding, *, kenniscafe, basis_url):
    return _bericht(
        "Er is een plaats voor je",
        "doorgeschoven",
        aanmelding,
        kenniscafe,
        basis_url,
        met_agenda=True,
    )


def afgemeld(aanmelding, *, kenniscafe, basis_url):
    return _bericht(
        "Je bent afgemeld", "afgemeld", aanmelding, kenniscafe, basis_url, met_agenda=False
    )


def afgelast(aanmelding, *, kenniscafe, basis_url):
    return _bericht("Afgelast", "afgelast", aanmelding, kenniscafe, basis_url, met_agenda=True)


def gewijzigd(aanmelding, *, kenniscafe, basis_url, velden):
    return _bericht(
        "Gewijzigd",
        "gewijzigd",
        aanmelding,
        kenniscafe,
        basis_url,
        met_agenda=aanmelding.status == aanmelding.Status.BEVESTIGD,
        velden=velden,
    )


def herinnering(aanmelding, *, kenniscafe, basis_url):
    return _bericht(
        "Herinnering", "herinnering", aanmelding, kenniscafe, basis_url, met_agenda=True
    )


def feedback_vragen(aanmelding, *, kenniscafe, basis_url):
    return _bericht(
        "Wat vond je ervan?",
        "feedback",
        aanmelding,
        kenniscafe,
        basis_url,
        met_agenda=False,
        feedback_url=basis_url + aanmelding.get_feedback_url(),
    )


def stuur(maker, aanmeldingen, **kwargs):
    """Build one message per registration and put them in the outbox, in this transaction."""
    berichten = [maker(aanmelding, **kwargs) for aanmelding in aanmeldingen if aanmelding.email]
    if berichten:
        get_connection().send_messages(berichten)
