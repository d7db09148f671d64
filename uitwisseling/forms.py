"""Forms of the exchange pages: the ticked stories of an export, an uploaded file."""

from django import forms
from django.utils.translation import gettext_lazy as _

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
