"""A story sent in by its teller through the public form (/vertel-je-verhaal/).

No account, optionally anonymous; the teller chooses the consent in plain words
and may add a content note. The story waits in the review queue
(verhalen/services/wachtrij.py) like a collector's; contact details, if given,
are kept apart from it (Contactgegevens) and shown only to researchers handling
the queue.

Spam is stopped without anything a person using assistive technology has to
solve (no image CAPTCHA):
- a honeypot field, hidden from everyone (display: none, so also from screen
  readers) that only a bot fills in;
- a signed timestamp of when the form was shown: sent back within
  MINIMALE_INVULTIJD it is refused as too fast (a person just sends again);
  older than MAXIMALE_LEEFTIJD it is shown again to send once more;
- at most INZENDINGEN per VENSTER from one client, counted in the cache
  (django-ratelimit) under an HMAC of its address: no IP address is stored.
Every refusal keeps what was typed and says in Dutch what to do.
"""

from django import forms
from django.core import signing
from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage

from verhalen.forms.inhoudswaarschuwing import InhoudKeuze
from verhalen.models import Gemeente, Toestemming, VertellerType
from verhalen.services import wachtrij
from verhalen.tekst.privacy import lijkt_op_echte_naam
from vertellers.models import Contactgegevens

MINIMALE_INVULTIJD = 5  # seconds: nobody writes a story faster
MAXIMALE_LEEFTIJD = 24 * 60 * 60  # a form left open longer is shown again
INZENDINGEN = 5
VENSTER = "1h"
MAX_TEKST = 20_000  # characters: a long story fits, a flood does not
ONDERTEKENING = "vertellers.inzending"

TOESTEMMING_IN_GEWONE_WOORDEN = [
    (Toestemming.ONDERZOEK, _("Alleen de onderzoekers van CARE lab mogen mijn verhaal lezen.")),
    (
        Toestemming.BREDE_RAAD,
        _(
            "Ook de leden van de Brede Raad 010 mogen mijn verhaal lezen. "
            "Zij geven advies aan de gemeente."
        ),
    ),
    (Toestemming.OPENBAAR, _("Iedereen mag mijn verhaal lezen, ook op deze website.")),
]


def begintijd():
    """The signed moment the form is shown (a hidden field)."""
    return signing.TimestampSigner(salt=ONDERTEKENING).sign("formulier")


def _sleutel(group, request):
    return salted_hmac(ONDERTEKENING, request.META.get("REMOTE_ADDR", "")).hexdigest()


def _gebruik(request, *, tel):
    return get_usage(
        request,
        group=ONDERTEKENING,
        key=_sleutel,
        rate=f"{INZENDINGEN}/{VENSTER}",
        increment=tel,
    )


def te_vaak(request) -> bool:
    """True when this client already sent INZENDINGEN stories in the window."""
    gebruik = _gebruik(request, tel=False)
    return gebruik is not None and gebruik["count"] >= gebruik["limit"]


def tel_inzending(request) -> None:
    """Count one story sent from this client."""
    _gebruik(request, tel=True)


class InzendForm(forms.Form):
    titel = forms.CharField(
        label=_("Geef je verhaal een titel"),
        max_length=200,
        help_text=_("Een paar woorden. Bijvoorbeeld: Wachten op hulp."),
        error_messages={"required": _("Geef je verhaal een titel.")},
    )
    tekst = forms.CharField(
        label=_("Je verhaal"),
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "true"}),
        help_text=_(
            "Schrijf op wat je wilt vertellen. Noem geen namen, adressen of telefoonnummers "
            "van jezelf of anderen."
        ),
        error_messages={
            "required": _("Je verhaal is nog leeg."),
            "max_length": _(
                "Je verhaal is te lang: hooguit %(limit_value)s tekens. Het heeft er nu "
                "%(show_value)s. Maak het korter of stuur het in twee delen."
            ),
        },
    )
    verteller_type = forms.ChoiceField(
        label=_("Wie ben je?"),
        choices=[
            (waarde, label)
            for waarde, label in VertellerType.choices
            if waarde != VertellerType.BELEIDSMAKER
        ],
        initial=VertellerType.BEWONER,
    )
    pseudoniem = forms.CharField(
        label=_("Hoe mogen we je noemen bij je verhaal?"),
        max_length=60,
        required=False,
        help_text=_("Een verzonnen naam, zoals 'Moeder uit Zuid'. Leeg laten mag."),
    )
    gemeente = forms.ChoiceField(
        label=_("In welke gemeente speelt je verhaal?"),
        choices=Gemeente.choices,
        initial=Gemeente.ROTTERDAM,
    )
    toestemming = forms.ChoiceField(
        label=_("Wie mag je verhaal lezen?"),
        choices=TOESTEMMING_IN_GEWONE_WOORDEN,
        widget=forms.RadioSelect,
        help_text=_("Je kunt dit later altijd kleiner maken of intrekken."),
        error_messages={"required": _("Kies wie je verhaal mag lezen.")},
    )
    inhoudswaarschuwingen = InhoudKeuze(
        label=_("Moeten lezers eerst gewaarschuwd worden?"),
        help_text=_(
            "Gaat je verhaal over iets zwaars? Vink het aan. Lezers zien dan eerst deze "
            "waarschuwing en kiezen zelf of ze verder lezen."
        ),
    )
    inhoudswaarschuwing_anders = forms.CharField(
        label=_("Iets anders, in een paar woorden"), max_length=100, required=False
    )
    naam = forms.CharField(label=_("Je naam"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        required=False,
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk het na of laat het leeg.")},
    )
    telefoon = forms.CharField(label=_("Je telefoonnummer"), max_length=30, required=False)
    # Spam checks: both hidden (see the module docstring).
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)
    begonnen = forms.CharField(widget=forms.HiddenInput)

    CONTACT = ("naam", "email", "telefoon")

    def clean_pseudoniem(self):
        pseudoniem = " ".join(self.cleaned_data["pseudoniem"].split())
        if lijkt_op_echte_naam(pseudoniem):
            raise forms.ValidationError(
                _(
                    "Dit lijkt op een echte naam of een telefoonnummer. Kies een verzonnen "
                    "naam, of laat het leeg."
                ),
                code="echte_naam",
            )
        return pseudoniem

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                _("Dit veld moet leeg blijven. Maak het leeg en stuur je verhaal opnieuw."),
                code="honingpot",
            )
        return ""

    def clean_begonnen(self):
        signer = signing.TimestampSigner(salt=ONDERTEKENING)
        try:
            signer.unsign(self.cleaned_data["begonnen"], max_age=MAXIMALE_LEEFTIJD)
        except signing.SignatureExpired:
            raise forms.ValidationError(
                _("Deze pagina stond lang open. Kijk je verhaal na en stuur het nog een keer."),
                code="verlopen",
            ) from None
        except signing.BadSignature:
            raise forms.ValidationError(
                _("Er ging iets mis met het formulier. Stuur je verhaal nog een keer."),
                code="ongeldig",
            ) from None
        try:
            signer.unsign(self.cleaned_data["begonnen"], max_age=MINIMALE_INVULTIJD)
        except signing.SignatureExpired:
            return self.cleaned_data["begonnen"]
        raise forms.ValidationError(
            _("Dat ging erg snel. Kijk je verhaal nog even na en stuur het nog een keer."),
            code="te_snel",
        )

    def clean_tekst(self):
        return self.cleaned_data["tekst"].replace("\r\n", "\n").replace("\r", "\n").strip()

    def verhaal(self):
        return {
            veld: self.cleaned_data[veld]
            for veld in (
                "titel",
                "tekst",
                "verteller_type",
                "pseudoniem",
                "gemeente",
                "toestemming",
                "inhoudswaarschuwingen",
                "inhoudswaarschuwing_anders",
            )
        }

    def contact(self):
        return {veld: self.cleaned_data[veld] for veld in self.CONTACT}


@transaction.atomic
def stuur_in(*, verhaal: dict, contact: dict):
    """Store a story sent in, and its teller's contact details apart when given.

    Side effects: a story in the review queue (counted nowhere, seen by
    researchers there); a Contactgegevens row when any contact detail is given.
    """
    opgeslagen = wachtrij.stuur_in(gegevens=verhaal)
    if any(contact.values()):
        Contactgegevens.objects.create(verhaal=opgeslagen, **contact)
    return opgeslagen


def contact_bij_beoordeling(request, verhaal):
    """The teller's contact details on the review page of a story in the queue,
    for researchers who may see them (a section of "wachtrij_beoordeling")."""
    if not request.user.has_perm("vertellers.view_contactgegevens"):
        return None
    return {"contact": Contactgegevens.objects.filter(verhaal=verhaal).first()}
