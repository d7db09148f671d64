"""Forms of the exchange pages: the ticked stories of an export, an uploaded file."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisagenda.models import Thema
from verhalen.models import Verhaal


class SelectieForm(forms.Form):
    """The stories ticked in the story list (their checkboxes send `verhalen`)."""

    verhalen = forms.ModelMultipleChoiceField(
        queryset=Verhaal.objects.none(),
        error_messages={
            "required": _("Vink eerst de verhalen aan die je wilt exporteren."),
            "invalid_choice": _("Een van de gekozen verhalen bestaat niet (meer)."),
            "invalid_pk_value": _("Een van de gekozen verhalen bestaat niet (meer)."),
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verhalen"].queryset = Verhaal.objects.zichtbaar_voor(user)


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("REFI-QDA-bestand"),
        help_text=_(
            "Een project (.qdpx) of een codeboek (.qdc) uit ATLAS.ti, NVivo, MAXQDA, QualCoder "
            "of een ander programma dat REFI-QDA kent."
        ),
        error_messages={"required": _("Kies een bestand.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".qdpx,.qdc"}),
    )


class BevestigForm(forms.Form):
    """The dry run's button: the file waits on the server under `sleutel`."""

    sleutel = forms.CharField(widget=forms.HiddenInput, max_length=64)
    onder = forms.ModelChoiceField(
        label=_("Nieuwe hoofdcodes komen onder"),
        queryset=Thema.objects.order_by("volgorde", "name"),
        required=False,
        empty_label=_("Kies een thema of code"),
        help_text=_(
            "Codes die in het andere programma bovenaan staan en hier geen hoofdthema zijn, "
            "worden subcodes van de code die je hier kiest."
        ),
    )
