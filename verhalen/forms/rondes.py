"""Forms of coding rounds: set-up, a round coding, settling a difference."""

import random

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kennisagenda.models import Thema
from verhalen.forms.codering import FragmentForm
from verhalen.models import Keuze
from verhalen.selectors import rondes as selectors
from verhalen.selectors.codeboek import codeboom

MEESTE_VERHALEN = 200  # stories offered to tick; a larger set is sampled


class RondeForm(forms.Form):
    """Title, codes, coders and the stories: ticked from the filtered list, or
    a random sample of N from everything the filter selects."""

    titel = forms.CharField(label=_("Titel"), max_length=200)
    toelichting = forms.CharField(
        label=_("Toelichting voor de codeurs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Doel van de ronde en afspraken, bijvoorbeeld over wat een code omvat."),
    )
    codes = forms.ModelMultipleChoiceField(
        label=_("Codes in deze ronde"),
        queryset=Thema.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één code.")},
    )
    codeurs = forms.ModelMultipleChoiceField(
        label=_("Codeurs (minstens twee)"),
        queryset=selectors.onderzoekers(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens twee codeurs.")},
    )
    steekproef = forms.IntegerField(
        label=_("Willekeurige steekproef van zoveel verhalen"),
        required=False,
        min_value=1,
        help_text=_(
            "Laat leeg om zelf verhalen aan te vinken. Ingevuld: zoveel verhalen worden "
            "willekeurig gekozen uit alle verhalen die het filter hierboven selecteert."
        ),
    )
    verhalen = forms.ModelMultipleChoiceField(
        label=_("Of kies de verhalen zelf"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.kandidaten = kandidaten
        self.fields["verhalen"].queryset = kandidaten
        self.fields["verhalen"].label_from_instance = lambda verhaal: verhaal.titel
        self.fields["codeurs"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        # Codes in codebook order, sub-codes after their theme.
        self.fields["codes"].choices = [
            (knoop.thema.pk, f"{'› ' * knoop.diepte}{knoop.thema.name}")
            for knoop in codeboom(Thema.objects.all())
        ]

    def clean_codeurs(self):
        codeurs = self.cleaned_data["codeurs"]
        if len(codeurs) < 2:
            raise ValidationError(_("Kies minstens twee codeurs."), code="te_weinig_codeurs")
        return codeurs

    def clean(self):
        cleaned = super().clean()
        steekproef, gekozen = cleaned.get("steekproef"), cleaned.get("verhalen")
        if "steekproef" in self.errors:
            return cleaned
        if steekproef:
            pks = list(self.kandidaten.order_by().values_list("pk", flat=True))
            if steekproef > len(pks):
                self.add_error(
                    "steekproef",
                    ValidationError(
                        _("Het filter selecteert maar %(aantal)s verhalen."),
                        code="te_groot",
                        params={"aantal": len(pks)},
                    ),
                )
                return cleaned
            cleaned["gekozen"] = random.sample(pks, steekproef)
        elif gekozen:
            cleaned["gekozen"] = [verhaal.pk for verhaal in gekozen]
        else:
            raise ValidationError(
                _("Vink verhalen aan, of vul een steekproef in."), code="geen_verhalen"
            )
        return cleaned


class RondecoderingForm(FragmentForm):
    """The fragment form, limited to the round's codes (no review flag: round
    codings are never re-anchored)."""

    def __init__(self, *args, ronde, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["codes"].queryset = ronde.codes.all()
        self.fields.pop("moet_herzien", None)

    def _controleer_versie(self):
        gezien = self.cleaned_data.get("gewijzigd_op")
        if gezien and gezien != self.fragment.gewijzigd_op.isoformat():
            self.add_error(
                None,
                ValidationError(
                    _("Je hebt deze codering intussen elders gewijzigd. Sla opnieuw op."),
                    code="conflict",
                ),
            )


class BeslissingForm(forms.Form):
    code = forms.IntegerField(widget=forms.HiddenInput)
    verhaal = forms.IntegerField(widget=forms.HiddenInput)
    eenheid = forms.IntegerField(widget=forms.HiddenInput)
    keuze = forms.ChoiceField(
        choices=[(k, label) for k, label in Keuze.choices if k != Keuze.EENS],
        error_messages={"invalid_choice": _("Kies overnemen, samenvoegen of verwerpen.")},
    )
    versie_van = forms.IntegerField(required=False, widget=forms.HiddenInput)
