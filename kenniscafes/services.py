"""Writes for kenniscafés: saving, cancelling, duplicating, registering.

Every function is keyword-only and runs in one transaction. E-mails are
written to the outbox in that same transaction (kenniscafes/mails.py), so
nobody is told something the database did not keep, and a request never
waits for the mail server.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.slugs import vrije_slug

from . import mails
from .models import GERESERVEERDE_SLUGS, Aanmelding, Deelnemersoort, Feedback, Kenniscafe, Status


class AanmeldenGesloten(ValidationError):
    """Registration is not possible (closed, cancelled, over)."""


class GeenFeedback(ValidationError):
    """Feedback cannot be given (not present, or already given)."""


class AlAangemeld(ValidationError):
    """This e-mail address already has an active registration for the café."""


def _gewijzigde_agendavelden(kenniscafe: Kenniscafe) -> set[str]:
    if kenniscafe.pk is None:
        return set()
    velden = [veld if veld != "locatie" else "locatie_id" for veld in Kenniscafe.AGENDAVELDEN]
    vorige = Kenniscafe.objects.filter(pk=kenniscafe.pk).values(*velden).first()
    if vorige is None:
        return set()
    return {
        veld.removesuffix("_id") for veld in velden if vorige[veld] != getattr(kenniscafe, veld)
    }


def _vorige_status(kenniscafe: Kenniscafe) -> str | None:
    if kenniscafe.pk is None:
        return None
    return Kenniscafe.objects.filter(pk=kenniscafe.pk).values_list("status", flat=True).first()


@transaction.atomic
def bewaar_kenniscafe(*, kenniscafe: Kenniscafe, basis_url: str) -> set[str]:
    """Validate and save a café; return the attendee-relevant fields that changed.

    Side effects: when title, time, place, online link or status changed on a
    saved café, `sequence` goes up by one (calendar apps then update the event
    instead of adding a second one) and everyone still registered gets an
    e-mail with the new details and calendar file — a cancellation mail when
    the status became "afgelast". Nobody is mailed about cafés that are not
    published or already over. When places came free (more places, no
    maximum any more, or no longer marked "vol"), the people on the waiting
    list get them in order and an e-mail each, before anyone new can register.

    The café's row is locked first, so registrations wait while the capacity
    is checked against them and saved.
    """
    if kenniscafe.pk is not None:
        Kenniscafe.objects.select_for_update().filter(pk=kenniscafe.pk).first()
    gewijzigd = _gewijzigde_agendavelden(kenniscafe)
    vorige_status = _vorige_status(kenniscafe)
    if gewijzigd:
        kenniscafe.sequence += 1
    kenniscafe.full_clean()
    kenniscafe.save()
    if gewijzigd and kenniscafe.gepubliceerd and not kenniscafe.is_voorbij:
        ontvangers = list(kenniscafe.aanmeldingen.actief())
        if kenniscafe.status == Status.AFGELAST and vorige_status != Status.AFGELAST:
            mails.stuur(mails.afgelast, ontvangers, kenniscafe=kenniscafe, basis_url=basis_url)
        elif kenniscafe.status != Status.AFGELAST:
            mails.stuur(
                mails.gewijzigd,
                ontvangers,
                kenniscafe=kenniscafe,
                basis_url=basis_url,
                velden=gewijzigd,
            )
    if kenniscafe.gepubliceerd and kenniscafe.aanmeldingen.wachtlijst().exists():
        while schuif_door(kenniscafe=kenniscafe, basis_url=basis_url):
            pass
    return gewijzigd


@transaction.atomic
def afgelasten(*, kenniscafe: Kenniscafe, mededeling: str = "", basis_url: str) -> int:
    """Cancel a café and tell everyone registered; return how many were mailed.

    Side effects: status becomes "afgelast", registration closes, `sequence`
    goes up, and every confirmed and waiting registrant gets an e-mail with
    the reason and a calendar file that removes the café from their agenda.
    The café stays on the website, clearly marked as cancelled.
    """
    kenniscafe = Kenniscafe.objects.select_for_update().get(pk=kenniscafe.pk)
    if kenniscafe.status == Status.AFGELAST:
        return 0
    kenniscafe.status = Status.AFGELAST
    kenniscafe.aanmelden_open = False
    if mededeling:
        kenniscafe.mededeling = mededeling
    bewaar_kenniscafe(kenniscafe=kenniscafe, basis_url=basis_url)
    if not kenniscafe.gepubliceerd or kenniscafe.is_voorbij:
        return 0
    return kenniscafe.aanmeldingen.actief().count()


def _vrije_slug(basis: str) -> str:
    return vrije_slug(
        basis,
        bezet=Kenniscafe.objects.all(),
        standaard="kenniscafe",
        lengte=180,
        gereserveerd=frozenset(GERESERVEERDE_SLUGS),
    )


@transaction.atomic
def dupliceer_kenniscafe(*, kenniscafe: Kenniscafe) -> Kenniscafe:
    """Copy a café as the start of a new one and return the copy.

    The copy keeps title, description, place, online link, capacity, series,
    werkteam, project, themes and speakers. It gets no date, no report,
    attachments or registrations, a new calendar id, and is not published.
    """
    kopie = Kenniscafe(
        titel=kenniscafe.titel,
        slug=_vrije_slug(f"{kenniscafe.slug}-kopie"),
        beschrijving=kenniscafe.beschrijving,
        locatie=kenniscafe.locatie,
        online_link=kenniscafe.online_link,
        capaciteit=kenniscafe.capaciteit,
        aanmelden_open=kenniscafe.aanmelden_open,
        reeks=kenniscafe.reeks,
        werkteam=kenniscafe.werkteam,
        project=kenniscafe.project,
        is_voorbeeld=kenniscafe.is_voorbeeld,
        gepubliceerd=False,
    )
    kopie.full_clean()
    kopie.save()
    kopie.themas.set(list(kenniscafe.themas.all()))
    for spreker in kenniscafe.sprekers.all():
        spreker.pk = None
        spreker.kenniscafe = kopie
        spreker.save()
    return kopie


@transaction.atomic
def meld_aan(
    *,
    kenniscafe: Kenniscafe,
    naam: str,
    email: str,
    organisatie: str = "",
    rol: str = "",
    behoeften: str = "",
    deelnemersoort: Deelnemersoort | None = None,
    contact_later: bool = False,
    basis_url: str,
    nu: datetime | None = None,
) -> Aanmelding:
    """Register someone: a confirmed place while there is one, else the waiting list.

    The café's row is locked (SELECT … FOR UPDATE) while places are counted,
    so simultaneous registrations queue up and never exceed the capacity.

    Raises AanmeldenGesloten when registration is closed and AlAangemeld when
    the address already has an active registration for this café.
    Side effect: a confirmation e-mail (with calendar file and a personal
    cancel link) or a waiting-list e-mail, in the outbox.
    """
    kenniscafe = Kenniscafe.objects.select_for_update().get(pk=kenniscafe.pk)
    if not kenniscafe.aanmelden_mogelijk(nu):
        raise AanmeldenGesloten(_("Aanmelden voor dit kenniscafé kan niet meer."), code="gesloten")
    email = email.strip().lower()
    if kenniscafe.aanmeldingen.actief().filter(email=email).exists():
        raise AlAangemeld(
            _("Je bent met dit e-mailadres al aangemeld. Kijk in je e-mail voor de bevestiging."),
            code="al_aangemeld",
        )
    bevestigd = kenniscafe.aanmeldingen.bevestigd().count()
    vol = kenniscafe.status == Status.VOL or (
        kenniscafe.capaciteit is not None and bevestigd >= kenniscafe.capaciteit
    )
    aanmelding = Aanmelding(
        kenniscafe=kenniscafe,
        naam=naam.strip(),
        email=email,
        organisatie=organisatie.strip(),
        rol=rol.strip(),
        behoeften=behoeften.strip(),
        deelnemersoort=deelnemersoort,
        contact_later=contact_later,
        status=Aanmelding.Status.WACHTLIJST if vol else Aanmelding.Status.BEVESTIGD,
    )
    aanmelding.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            aanmelding.save()
    except IntegrityError as error:  # the partial unique constraint, on a race
        raise AlAangemeld(
            _("Je bent met dit e-mailadres al aangemeld. Kijk in je e-mail voor de bevestiging."),
            code="al_aangemeld",
        ) from error
    if aanmelding.status == Aanmelding.Status.BEVESTIGD:
        mails.stuur(mails.bevestiging, [aanmelding], kenniscafe=kenniscafe, basis_url=basis_url)
    else:
        mails.stuur(mails.wachtlijst, [aanmelding], kenniscafe=kenniscafe, basis_url=basis_url)
    return aanmelding


@transaction.atomic
def meld_af(*, aanmelding: Aanmelding, basis_url: str) -> Aanmelding | None:
    """Cancel a registration; return the registration promoted from the waiting list, if any.

    Side effects: an e-mail confirming the cancellation; when a confirmed
    place came free for a café that has not started, the first person on the
    waiting list gets it and an e-mail with the calendar file.
    """
    kenniscafe = Kenniscafe.objects.select_for_update().get(pk=aanmelding.kenniscafe_id)
    aanmelding = Aanmelding.objects.select_for_update().get(pk=aanmelding.pk)
    if aanmelding.status == Aanmelding.Status.AFGEMELD:
        return None
    had_plaats = aanmelding.status == Aanmelding.Status.BEVESTIGD
    aanmelding.status = Aanmelding.Status.AFGEMELD
    aanmelding.afgemeld_op = timezone.now()
    aanmelding.save(update_fields=["status", "afgemeld_op"])
    mails.stuur(mails.afgemeld, [aanmelding], kenniscafe=kenniscafe, basis_url=basis_url)
    if had_plaats:
        return schuif_door(kenniscafe=kenniscafe, basis_url=basis_url)
    return None


@transaction.atomic
def schuif_door(*, kenniscafe: Kenniscafe, basis_url: str) -> Aanmelding | None:
    """Give a free place to the first person on the waiting list, if there is one.

    Only for cafés that have not started and are not cancelled or marked full.
    Side effect: that person gets an e-mail with the calendar file.
    """
    kenniscafe = Kenniscafe.objects.select_for_update().get(pk=kenniscafe.pk)
    if kenniscafe.status in (Status.AFGELAST, Status.VOL) or kenniscafe.start is None:
        return None
    if kenniscafe.start <= timezone.now():
        return None
    bevestigd = kenniscafe.aanmeldingen.bevestigd().count()
    if kenniscafe.capaciteit is not None and bevestigd >= kenniscafe.capaciteit:
        return None
    eerste = kenniscafe.aanmeldingen.wachtlijst().select_for_update().first()
    if eerste is None:
        return None
    eerste.status = Aanmelding.Status.BEVESTIGD
    eerste.save(update_fields=["status"])
    mails.stuur(mails.doorgeschoven, [eerste], kenniscafe=kenniscafe, basis_url=basis_url)
    return eerste


@transaction.atomic
def markeer_aanwezigheid(*, aanmeldingen, aanwezig: bool | None) -> int:
    """Record who came (True), who did not (False) or reset (None); return the count."""
    return aanmeldingen.update(aanwezig=aanwezig)


@transaction.atomic
def neem_aanwezigheid_over(*, kenniscafe: Kenniscafe) -> Kenniscafe:
    """Fill the report's figures from the attendance: number of visitors and organisations.

    Only registrations marked as present count; organisations are listed once each
    (spelled as the first registration spelled them, regardless of capitals).
    """
    aanwezigen = kenniscafe.aanmeldingen.filter(aanwezig=True)
    organisaties = {}  # casefolded name → first spelling seen
    for naam in aanwezigen.order_by("aangemeld_op", "pk").values_list("organisatie", flat=True):
        if naam.strip():
            organisaties.setdefault(naam.strip().casefold(), naam.strip())
    organisaties = sorted(organisaties.values(), key=str.casefold)
    kenniscafe.aantal_bezoekers = aanwezigen.count()
    kenniscafe.organisaties_aanwezig = "\n".join(organisaties)
    kenniscafe.save(update_fields=["aantal_bezoekers", "organisaties_aanwezig", "gewijzigd"])
    return kenniscafe


@transaction.atomic
def anonimiseer_aanmeldingen(*, voor: datetime) -> int:
    """Wipe the personal data of registrations for cafés that ended before `voor`.

    Name, e-mail address, role, needs, the consent to be mailed later and the
    cancel link are removed; the organisation, kind of participant, status and
    attendance stay for the report's figures.
    Returns the number of registrations anonymised.
    """
    return Aanmelding.objects.te_anonimiseren(voor).update(
        naam="",
        email="",
        rol="",
        behoeften="",
        contact_later=False,
        token=None,
        geanonimiseerd_op=timezone.now(),
    )


@transaction.atomic
def stuur_herinneringen(*, basis_url: str, nu: datetime | None = None) -> int:
    """Send the reminders that are due (Kenniscafe.herinnering_vanaf); return how many.

    Safe to run from several processes at once, e.g. from cron every few
    minutes: each registration is claimed with SELECT … FOR UPDATE SKIP LOCKED
    and marked as reminded in the same transaction in which its mail is handed
    to the mail backend, so nobody is mailed twice (and, with the outbox
    backend, nobody is marked without a queued mail).
    Side effect: one e-mail per confirmed registration with an address.
    """
    nu = nu or timezone.now()
    verstuurd = 0
    for kenniscafe in Kenniscafe.objects.herinnering_nu(nu):
        aanmeldingen = list(
            kenniscafe.aanmeldingen.te_herinneren().select_for_update(skip_locked=True)
        )
        if not aanmeldingen:
            continue
        Aanmelding.objects.filter(pk__in=[a.pk for a in aanmeldingen]).update(herinnering_op=nu)
        mails.stuur(mails.herinnering, aanmeldingen, kenniscafe=kenniscafe, basis_url=basis_url)
        verstuurd += len(aanmeldingen)
    return verstuurd


@transaction.atomic
def vraag_feedback(*, kenniscafe: Kenniscafe, basis_url: str) -> int:
    """Ask everyone who came (aanwezig) for feedback, once each; return how many were asked.

    Side effect: an e-mail with a personal link to the feedback form.
    Nobody who was not marked as present is asked.
    """
    aanmeldingen = list(
        kenniscafe.aanmeldingen.filter(
            aanwezig=True, feedback_gevraagd_op__isnull=True, token__isnull=False
        )
        .exclude(email="")
        .select_for_update()
    )
    Aanmelding.objects.filter(pk__in=[a.pk for a in aanmeldingen]).update(
        feedback_gevraagd_op=timezone.now()
    )
    mails.stuur(mails.feedback_vragen, aanmeldingen, kenniscafe=kenniscafe, basis_url=basis_url)
    return len(aanmeldingen)


@transaction.atomic
def geef_feedback(*, aanmelding: Aanmelding, cijfer: int, goed: str = "", beter: str = ""):
    """Keep the feedback of someone who came; once per registration.

    Raises GeenFeedback when this registration was not marked as present or
    already gave feedback.
    """
    aanmelding = Aanmelding.objects.select_for_update().get(pk=aanmelding.pk)
    if not aanmelding.aanwezig:
        raise GeenFeedback(_("Alleen wie er was, kan feedback geven."), code="niet_aanwezig")
    if Feedback.objects.filter(aanmelding=aanmelding).exists():
        raise GeenFeedback(_("Je hebt al feedback gegeven. Dank je wel!"), code="al_gegeven")
    feedback = Feedback(
        aanmelding=aanmelding, cijfer=cijfer, goed=goed.strip(), beter=beter.strip()
    )
    feedback.full_clean()
    feedback.save()
    return feedback


@transaction.atomic
def markeer_aanwezigen(*, kenniscafe: Kenniscafe, aanwezig_ids: set[int]) -> int:
    """Tick the attendance list: the registrations in `aanwezig_ids` came, the other
    confirmed ones did not. Return how many came."""
    bevestigd = kenniscafe.aanmeldingen.bevestigd()
    bevestigd.filter(pk__in=aanwezig_ids).update(aanwezig=True)
    bevestigd.exclude(pk__in=aanwezig_ids).update(aanwezig=False)
    return bevestigd.filter(aanwezig=True).count()
