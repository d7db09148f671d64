"""Writes about a story's teller: contact details, the consent receipt, and
what the teller does on their own page.

Keyword-only, one transaction each; side effects named in the docstrings.
Every use is logged in `Gebruik` (which story, what, when; never an IP
address, a code or the teller's words). Mail goes through Django's mail
framework into the outbox (django-mailer) in the same transaction.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from kennisagenda import roles
from verhalen.models import Toestemming, Verhaal, Verwijderverzoek
from verhalen.services import verhalen as verhaal_services
from verhalen.services import verteller as verteller_services
from vertellers import codes
from vertellers.models import Contactgegevens, Gebruik, Toestemmingsbewijs

CONTACTVELDEN = ("naam", "email", "telefoon", "adres")
KENMERK_VERZOEK_VERTELLER = "Verzoek van de verteller (eigen pagina)"


class GeenEmailadres(Exception):  # noqa: N818
    """The story has no e-mail address in its contact details."""


def leg_vast(*, verhaal: Verhaal | None, handeling: str, detail: str = "") -> Gebruik:
    """Log one use (no IP address, no code, no typed text)."""
    return Gebruik.objects.create(verhaal=verhaal, handeling=handeling, detail=detail)


@transaction.atomic
def bewaar_contactgegevens(*, verhaal: Verhaal, gegevens: dict[str, Any]) -> Contactgegevens | None:
    """Store the teller's contact details for `verhaal` (fields of CONTACTVELDEN).

    Empty details are not kept: when every field is empty, an existing record
    is deleted and None returned. No history is written (on purpose: no copies).
    """
    contact = Contactgegevens.objects.filter(verhaal=verhaal).first() or Contactgegevens(
        verhaal=verhaal
    )
    for veld in CONTACTVELDEN:
        if veld in gegevens:
            setattr(contact, veld, (gegevens[veld] or "").strip())
    if contact.is_leeg:
        if contact.pk:
            contact.delete()
        return None
    contact.full_clean()
    contact.save()
    return contact


def wis_contactgegevens(sender, *, verhaal: Verhaal, **kwargs) -> None:
    """Receiver of verhalen.signals.verhaal_gewist: the teller's contact details go
    with the story's content (inside the erasure's transaction)."""
    Contactgegevens.objects.filter(verhaal=verhaal).delete()


# The consent receipt ------------------------------------------------------


@transaction.atomic
def maak_toestemmingsbewijs(*, verhaal: Verhaal, door: AbstractBaseUser) -> str:
    """A new personal code for `verhaal`; returns the code (the only time it exists).

    Side effects: the stored hash is replaced, so an earlier receipt's code and
    every teller's session opened with it stop working; one `Gebruik` row.
    """
    code = codes.nieuwe_code()
    Toestemmingsbewijs.objects.update_or_create(
        verhaal=verhaal,
        defaults={"code_hash": codes.vingerafdruk(code), "aangemaakt_door": door},
    )
    leg_vast(verhaal=verhaal, handeling=Gebruik.Handeling.BEWIJS_GEMAAKT)
    return code


def bewijs_bij_code(code: str) -> Toestemmingsbewijs | None:
    """The receipt whose code this is (typed as on paper), or None."""
    vingerafdruk = codes.vingerafdruk(code)
    if not vingerafdruk:
        return None
    return (
        Toestemmingsbewijs.objects.select_related("verhaal").filter(code_hash=vingerafdruk).first()
    )


def hoort_bij(code: str, verhaal: Verhaal) -> bool:
    bewijs = bewijs_bij_code(code)
    return bewijs is not None and bewijs.verhaal_id == verhaal.pk


@transaction.atomic
def mail_toestemmingsbewijs(*, verhaal: Verhaal, code: str, basis_url: str) -> str:
    """Mail the receipt (text, with link and code) to the teller's contact address.

    Raises GeenEmailadres when the contact details hold no e-mail address.
    Side effects: one mail in the outbox (to that address only); one `Gebruik`
    row. Returns the address it went to.
    """
    contact = Contactgegevens.objects.filter(verhaal=verhaal).exclude(email="").first()
    if contact is None:
        raise GeenEmailadres(verhaal.pk)
    context = bewijs_context(verhaal=verhaal, code=code, basis_url=basis_url)
    context["contact"] = contact
    send_mail(
        _("Uw toestemmingsbewijs van de Verhalenbank"),
        render_to_string("vertellers/mail/toestemmingsbewijs.txt", context),
        None,
        [contact.email],
    )
    leg_vast(verhaal=verhaal, handeling=Gebruik.Handeling.BEWIJS_GEMAILD)
    return contact.email


def bewijs_context(*, verhaal: Verhaal, code: str, basis_url: str) -> dict[str, Any]:
    """What the receipt shows (page, PDF and mail alike)."""
    return {
        "verhaal": verhaal,
        "code": code,
        "link": basis_url + reverse("vertellers:link", kwargs={"code": code}),
        "startpagina": basis_url + reverse("vertellers:start"),
    }


# The teller's own page ----------------------------------------------------


def _onderzoekers() -> list[str]:
    """Addresses of the active researchers (role onderzoeker) and superusers."""
    gebruikers = get_user_model().objects.filter(is_active=True).exclude(email="")
    gebruikers = gebruikers.filter(Q(groups__name=roles.ONDERZOEKER) | Q(is_superuser=True))
    return sorted(set(gebruikers.values_list("email", flat=True)))


def _meld_onderzoekers(*, verhaal: Verhaal, onderwerp: str, sjabloon: str, context, basis_url):
    """One mail to the research team about `verhaal`: its number and a link,
    never its text or the teller's words."""
    ontvangers = _onderzoekers()
    if not ontvangers:
        return
    context = {**context, "verhaal_nummer": verhaal.pk, "basis_url": basis_url}
    context["link"] = basis_url + verhaal.get_absolute_url()
    send_mail(onderwerp, render_to_string(sjabloon, context), None, ontvangers)


@transaction.atomic
def verander_toestemming(*, verhaal: Verhaal, naar: str, basis_url: str) -> Gebruik:
    """The teller narrows (or withdraws) the consent of their own story.

    Raises verhalen' GeenVerlaging when `naar` is not narrower. Side effects:
    through `verhalen.services.verhalen.verlaag_toestemming` — consent, date,
    version, history row ("door de verteller"), stored counts, and at once
    gone from every place the new consent does not allow; one `Gebruik` row
    (the receipt of the change shows it); a mail to the research team.
    """
    vorige, verhaal = verhaal_services.verlaag_toestemming(
        verhaal=verhaal,
        naar=naar,
        door=None,
        reden=_("Toestemming veranderd door de verteller (eigen pagina)"),
    )
    gebruik = leg_vast(
        verhaal=verhaal, handeling=Gebruik.Handeling.TOESTEMMING, detail=f"{vorige}>{naar}"
    )
    _meld_onderzoekers(
        verhaal=verhaal,
        onderwerp=_("Verhaal %(nummer)s: de verteller veranderde de toestemming")
        % {"nummer": verhaal.pk},
        sjabloon="vertellers/mail/toestemming_veranderd.txt",
        context={
            "vorige": Toestemming(vorige).label,
            "nieuw": Toestemming(naar).label,
        },
        basis_url=basis_url,
    )
    return gebruik


@transaction.atomic
def wis_op_verzoek(*, verhaal: Verhaal, basis_url: str) -> Verwijderverzoek:
    """The teller asks for erasure: done at once through the AVG route.

    Side effects: `verhalen.services.verhalen.wis_verhaal` (content, history,
    quotes, notes, memos, the teller's meaning and contact details erased;
    consent withdrawn; a Verwijderverzoek record with the reference
    KENMERK_VERZOEK_VERTELLER); one `Gebruik` row; a mail to the research team.
    The receipt stays, so the teller can see that their story is erased.
    """
    verzoek = verhaal_services.wis_verhaal(
        verhaal=verhaal, door=None, kenmerk=KENMERK_VERZOEK_VERTELLER
    )
    leg_vast(verhaal=verhaal, handeling=Gebruik.Handeling.GEWIST)
    _meld_onderzoekers(
        verhaal=verhaal,
        onderwerp=_("Verhaal %(nummer)s is gewist op verzoek van de verteller")
        % {"nummer": verhaal.pk},
        sjabloon="vertellers/mail/gewist.txt",
        context={"verzoek": verzoek},
        basis_url=basis_url,
    )
    return verzoek


@transaction.atomic
def bewaar_stem(
    *, verhaal: Verhaal, betekenis: str, themastemmen: list[verteller_services.Themastem]
) -> None:
    """The teller's meaning and view of the themes (verhalen.services.verteller);
    one `Gebruik` row (without the words)."""
    verteller_services.bewaar_stem_van_verteller(
        verhaal=verhaal, betekenis=betekenis, themastemmen=themastemmen
    )
    leg_vast(verhaal=verhaal, handeling=Gebruik.Handeling.BETEKENIS)
