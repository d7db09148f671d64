"""Forms for drafting advice and recording the gemeente's answer; the writes
are in adviezen/services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisagenda.models import Thema
from verhalen.forms.persoonsgegevens import PersoonsgegevensMixin

from .models import Aanbeveling, Advies, Antwoord, Oordeel


class AdviesForm(PersoonsgegevensMixin, forms.ModelForm):
    privacy_velden = ("titel", "inleiding")
    themas = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Thema.objects.filter(parent__isnull=True).order_by("volgorde", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Advies
        fields = ["titel", "inleiding", "themas"]
        widgets = {"inleiding": forms.Textarea(attrs={"rows": 8})}
        error_messages = {"titel": {"required": _("Geef het advies een titel.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("themas", list(self.instance.themas.all()))


class AanbevelingForm(PersoonsgegevensMixin, forms.ModelForm):
    privacy_velden = ("tekst",)

    class Meta:
        model = Aanbeveling
        fields = ["tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"tekst": {"required": _("Schrijf eerst de aanbeveling.")}}


class CiteerForm(forms.Form):
    """Passages to cite, picked from a list (no JavaScript needed): the
    passages members reflected on, and the excerpts chosen in collections."""

    keuze = forms.MultipleChoiceField(
        label=_("Kies de stukken tekst en reflecties die deze aanbeveling onderbouwen"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één stuk tekst of reflectie.")},
    )

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.kandidaten = {kandidaat.sleutel: kandidaat for kandidaat in kandidaten}
        self.fields["keuze"].choices = [
            (kandidaat.sleutel, kandidaat.label) for kandidaat in kandidaten
        ]


class OpmerkingForm(PersoonsgegevensMixin, forms.Form):
    """On the workspace beside the recommendation form: its own prefix."""

    privacy_velden = ("tekst",)
    prefix = "opmerking"
    tekst = forms.CharField(
        label=_("Je opmerking voor de mede-schrijvers"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf eerst je opmerking.")},
    )


class AanbiedenForm(forms.Form):
    aangeboden_op = forms.DateField(
        label=_("Datum van aanbieden"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul de datum in waarop het advies is aangeboden."),
            "invalid": _("Vul een datum in, bijvoorbeeld 2026-12-07."),
        },
    )
    aangeboden_aan = forms.CharField(
        label=_("Aangeboden aan"),
        max_length=200,
        help_text=Advies._meta.get_field("aangeboden_aan").help_text,
        error_messages={"required": _("Vul in aan wie het advies is aangeboden.")},
    )


class AntwoordForm(forms.ModelForm):
    oordeel = forms.ChoiceField(
        label=_("Wat deed de gemeente met deze aanbeveling?"),
        choices=Oordeel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat de gemeente deed.")},
    )

    class Meta:
        model = Antwoord
        fields = ["oordeel", "tekst", "datum"]
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 4}),
            "datum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "datum": {
                "required": _("Vul de datum van het antwoord in."),
                "invalid": _("Vul een datum in, bijvoorbeeld 2026-12-07."),
            }
        }
