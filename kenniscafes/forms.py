from django import forms
from django.utils.translation import gettext_lazy as _

from carelab.models import Thema

from .models import Aanmelding


class AanmeldForm(forms.ModelForm):
    """A visitor's registration. The service decides: a place, or the waiting list."""

    class Meta:
        model = Aanmelding
        fields = ["naam", "email", "organisatie", "rol", "behoeften"]
        labels = {
            "naam": _("Je naam"),
            "email": _("Je e-mailadres"),
            "organisatie": _("Organisatie (als je die hebt)"),
            "rol": _("Wat doe je? (als je dat wilt vertellen)"),
            "behoeften": _("Heb je iets nodig om mee te kunnen doen?"),
        }
        help_texts = {
            "email": _("Hier sturen we de bevestiging en een link om je af te melden."),
            "rol": _("Bijvoorbeeld: bewoner, wijkteammedewerker, student, beleidsmaker."),
            "behoeften": _(
                "Bijvoorbeeld een tolk gebarentaal, een plek voor een rolstoel of grote letters. "
                "Alleen de organisatoren lezen dit."
            ),
        }
        widgets = {
            "naam": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisatie": forms.TextInput(attrs={"autocomplete": "organization"}),
            "rol": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "behoeften": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True

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


class ArchiefFilterForm(forms.Form):
    thema = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Thema.objects.filter(kenniscafes_themakenniscafe_items__isnull=False).distinct(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle thema's"),
    )
