"""Forms of the teller's page and the receipt (all errors in plain Dutch)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from verhalen.models import Oordeel, Verhaal
from verhalen.models.verteller import BETEKENIS_MAX, TOELICHTING_MAX
from verhalen.services.verhalen import lagere_toestemmingen
from verhalen.services.verteller import Themastem
from vertellers import codes
from vertellers.models import Contactgegevens
from vertellers.teksten import TOESTEMMING_KORT, TOESTEMMING_UITLEG


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Uw persoonlijke code"),
        max_length=60,
        help_text=_(
            "De code staat op uw toestemmingsbewijs. Hij heeft 20 letters en cijfers, "
            "bijvoorbeeld ABCD-1234-EFGH-5678-JKMN. Hoofdletters en streepjes maken niet uit."
        ),
        error_messages={
            "required": _("Vul uw code in."),
            "max_length": _("Deze code is te lang. Kijk nog eens op uw toestemmingsbewijs."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not codes.normaliseer(code):
            raise forms.ValidationError(
                _("Deze code klopt niet. Kijk nog eens goed op uw toestemmingsbewijs."),
                code="vorm",
            )
        return code


class ToestemmingForm(forms.Form):
    naar = forms.ChoiceField(
        label=_("Wie mag uw verhaal voortaan lezen?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wie uw verhaal voortaan mag lezen."),
            "invalid_choice": _("Kies een van de mogelijkheden hieronder."),
        },
    )

    def __init__(self, *args, verhaal: Verhaal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar"].choices = [
            (niveau, f"{TOESTEMMING_KORT[niveau]}. {TOESTEMMING_UITLEG[niveau]}")
            for niveau in lagere_toestemmingen(verhaal.toestemming)
        ]


class StemForm(forms.Form):
    """The teller's meaning, and per theme of the story: klopt / klopt niet / ik mis iets."""

    betekenis = forms.CharField(
        label=_("Waar gaat uw verhaal over, voor u?"),
        help_text=_("Schrijf het in uw eigen woorden. Dit mag ook leeg blijven."),
        required=False,
        max_length=BETEKENIS_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": _(
                "Uw tekst is te lang: hier passen %(limit_value)d tekens, u schreef er "
                "%(show_value)d. Maak hem wat korter; er is nog niets bewaard."
            )
        },
    )

    def __init__(self, *args, verhaal: Verhaal, themas, bestaand=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.themas = list(themas)
        bestaand = bestaand or {}
        for thema in self.themas:
            vorig = bestaand.get(thema.pk)
            self.fields[f"oordeel_{thema.pk}"] = forms.ChoiceField(
                label=thema.name,
                required=False,
                widget=forms.RadioSelect,
                choices=[*Oordeel.choices, ("", _("Geen antwoord"))],
                initial=vorig.oordeel if vorig else "",
                error_messages={"invalid_choice": _("Kies een van de mogelijkheden.")},
            )
            self.fields[f"toelichting_{thema.pk}"] = forms.CharField(
                label=_("Wilt u iets uitleggen over “%(thema)s”?") % {"thema": thema.name},
                required=False,
                max_length=TOELICHTING_MAX,
                initial=vorig.toelichting if vorig else "",
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={
                    "max_length": _(
                        "Deze uitleg is te lang: hier passen %(limit_value)d tekens, u schreef "
                        "er %(show_value)d. Er is nog niets bewaard."
                    )
                },
            )

    def per_thema(self):
        """[(thema, oordeel field, toelichting field)] for the template."""
        return [
            (thema, self[f"oordeel_{thema.pk}"], self[f"toelichting_{thema.pk}"])
            for thema in self.themas
        ]

    def themastemmen(self) -> list[Themastem]:
        return [
            Themastem(
                thema_id=thema.pk,
                oordeel=self.cleaned_data[f"oordeel_{thema.pk}"],
                toelichting=self.cleaned_data[f"toelichting_{thema.pk}"],
            )
            for thema in self.themas
        ]


class ContactgegevensForm(forms.ModelForm):
    class Meta:
        model = Contactgegevens
        fields = ["naam", "email", "telefoon", "adres"]
        widgets = {"adres": forms.Textarea(attrs={"rows": 3})}


class BewijsCodeForm(forms.Form):
    """The code shown on the receipt page, posted back for the PDF or the mail."""

    code = forms.CharField(max_length=60, widget=forms.HiddenInput)
