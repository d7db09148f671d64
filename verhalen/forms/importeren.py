"""The import form: one or many transcript files plus what they share."""

from django import forms
from django.utils.translation import gettext_lazy as _

from projecten.models import Project
from verhalen.models import Verhaal
from verhalen.services.importeren import MAX_BESTAND, SOORTEN

MAX_BESTANDEN = 100  # files in one batch (Django's DATA_UPLOAD_MAX_NUMBER_FILES too)


class MeerdereBestandenInvoer(forms.ClearableFileInput):
    allow_multiple_selected = True


class MeerdereBestanden(forms.FileField):
    """A file field that takes several files; each is checked when it is read
    (verhalen/services/importeren.py), so one bad file never stops the others."""

    widget = MeerdereBestandenInvoer

    def clean(self, data, initial=None):
        lijst = data if isinstance(data, list | tuple) else [data]
        bestanden = [bestand for bestand in lijst if bestand]
        if not bestanden and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(bestanden) > MAX_BESTANDEN:
            raise forms.ValidationError(
                _("Kies hooguit %(aantal)s bestanden tegelijk."),
                code="te_veel",
                params={"aantal": MAX_BESTANDEN},
            )
        return bestanden


class ImportForm(forms.Form):
    bestanden = MeerdereBestanden(
        label=_("Bestanden"),
        help_text=_(
            "Een of meer transcripten: %(soorten)s, elk hooguit %(mb)s MB. Alinea's en "
            "sprekers (zoals “I:” en “R:”) blijven behouden. De titel wordt de bestandsnaam."
        )
        % {"soorten": ", ".join(SOORTEN), "mb": MAX_BESTAND // (1024 * 1024)},
        error_messages={"required": _("Kies een of meer bestanden.")},
        widget=MeerdereBestandenInvoer(attrs={"accept": ",".join(SOORTEN)}),
    )
    verteller_type = forms.ChoiceField(
        label=Verhaal._meta.get_field("verteller_type").verbose_name.capitalize(),
        choices=Verhaal._meta.get_field("verteller_type").choices,
        initial=Verhaal._meta.get_field("verteller_type").default,
    )
    verzamelwijze = forms.ChoiceField(
        label=Verhaal._meta.get_field("verzamelwijze").verbose_name.capitalize(),
        choices=Verhaal._meta.get_field("verzamelwijze").choices,
        initial=Verhaal._meta.get_field("verzamelwijze").default,
    )
    project = forms.ModelChoiceField(
        label=_("Project"),
        queryset=Project.objects.order_by("titel"),
        required=False,
        empty_label=_("Geen project"),
    )

    def gegevens(self) -> dict:
        """The field values every story of the batch gets."""
        return {
            naam: self.cleaned_data[naam] for naam in ("verteller_type", "verzamelwijze", "project")
        }
