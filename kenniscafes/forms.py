from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kennisagenda.models import Thema
from projecten.models import Project, Werkteam

from .models import Aanmelding, Deelnemersoort, Feedback, Soort


class AanmeldForm(forms.ModelForm):
    """A visitor's registration. The service decides: a place, or the waiting list."""

    class Meta:
        model = Aanmelding
        fields = [
            "naam",
            "email",
            "deelnemersoort",
            "organisatie",
            "rol",
            "behoeften",
            "contact_later",
        ]
        labels = {
            "naam": _("Je naam"),
            "email": _("Je e-mailadres"),
            "deelnemersoort": _("Wat past het best bij jou?"),
            "organisatie": _("Organisatie (als je die hebt)"),
            "rol": _("Wat doe je? (als je dat wilt vertellen)"),
            "behoeften": _("Heb je iets nodig om mee te kunnen doen?"),
            "contact_later": _("Ik wil een e-mail krijgen over volgende activiteiten"),
        }
        help_texts = {
            "email": _("Hier sturen we de bevestiging en een link om je af te melden."),
            "deelnemersoort": _(
                "Zo weten we wie er komen; we tellen dit zonder namen. Je mag het ook openlaten."
            ),
            "rol": _("Bijvoorbeeld: wijkteammedewerker, mantelzorger, docent."),
            "behoeften": _(
                "Bijvoorbeeld een tolk gebarentaal, een plek voor een rolstoel of grote letters. "
                "Alleen de organisatoren lezen dit."
            ),
            "contact_later": _(
                "Dan bewaren we je e-mailadres daarvoor tot we de aanmelding wissen, "
                "een jaar na afloop."
            ),
        }
        widgets = {
            "naam": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisatie": forms.TextInput(attrs={"autocomplete": "organization"}),
            "rol": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "behoeften": forms.Textarea(attrs={"rows": 3}),
            "deelnemersoort": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        # Not required: who would rather not say is counted as "onbekend".
        soort = self.fields["deelnemersoort"]
        soort.empty_label = None
        soort.queryset = Deelnemersoort.objects.filter(actief=True)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def validate_unique(self):
        # The service checks "already registered" under a lock, with a kind message.
        pass


class AfgelastForm(forms.Form):
    mededeling = forms.CharField(
        label=_("Bericht aan de aangemelde mensen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Bijvoorbeeld: ‘De spreker is ziek. "
            "We plannen een nieuwe datum en laten het je weten.’ "
            "Dit bericht staat ook op de website."
        ),
    )


class AgendaFilterForm(forms.Form):
    """What the agenda, the archive and the feeds filter on: ?soort=&thema=&werkteam=&project=.

    Values are slugs, so links read well; the choices are only those that
    published events have.
    """

    soort = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("Alle soorten")), *Soort.choices], required=False
    )
    thema = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Thema.objects.filter(
            kenniscafes_themakenniscafe_items__content_object__gepubliceerd=True
        ).distinct(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle thema's"),
    )
    werkteam = forms.ModelChoiceField(
        label=_("Werkteam"),
        queryset=Werkteam.objects.gepubliceerd()
        .filter(kenniscafes__gepubliceerd=True)
        .distinct()
        .order_by("naam"),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle werkteams"),
    )
    project = forms.ModelChoiceField(
        label=_("Project"),
        queryset=Project.objects.gepubliceerd()
        .filter(Q(kenniscafes__gepubliceerd=True) | Q(werkteams__kenniscafes__gepubliceerd=True))
        .distinct()
        .order_by("titel"),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle projecten"),
    )

    def filter(self, kenniscafes):
        """The events that match; everything when the form is empty or not valid."""
        if not self.is_valid():
            return kenniscafes
        keuze = self.cleaned_data
        if keuze["soort"]:
            kenniscafes = kenniscafes.filter(soort=keuze["soort"])
        if keuze["thema"]:
            kenniscafes = kenniscafes.met_thema(keuze["thema"])
        if keuze["werkteam"]:
            kenniscafes = kenniscafes.filter(werkteam=keuze["werkteam"])
        if keuze["project"]:
            kenniscafes = kenniscafes.van_project(keuze["project"])
        return kenniscafes

    @property
    def gekozen(self):
        """Whether any filter is set (for the 'show all' link and the empty message)."""
        return self.is_valid() and any(self.cleaned_data.values())


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = Feedback
        fields = ["cijfer", "goed", "beter"]
        labels = {
            "cijfer": _("Hoe vond je het?"),
            "goed": _("Wat was goed? (als je wilt)"),
            "beter": _("Wat kan beter? (als je wilt)"),
        }
        widgets = {
            "cijfer": forms.RadioSelect,
            "goed": forms.Textarea(attrs={"rows": 3}),
            "beter": forms.Textarea(attrs={"rows": 3}),
        }
