"""Adding the stories ticked in the story list to one collection."""

from django import forms
from django.utils.translation import gettext_lazy as _

from verhalen.forms.collecties import CollectieKeuzeVeld, collectie_opties
from verhalen.models import Collectie, Verhaal


class AanCollectieForm(forms.Form):
    collectie = CollectieKeuzeVeld(
        label=_("Collectie"),
        queryset=Collectie.objects.none(),
        empty_label=_("Kies een collectie"),
        error_messages={"required": _("Kies een collectie.")},
    )
    verhalen = forms.ModelMultipleChoiceField(
        queryset=Verhaal.objects.none(),
        error_messages={
            "required": _("Vink eerst de verhalen aan die je wilt toevoegen."),
            "invalid_choice": _("Een van de gekozen verhalen bestaat niet (meer)."),
            "invalid_pk_value": _("Een van de gekozen verhalen bestaat niet (meer)."),
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collectie"].queryset = Collectie.objects.leesbaar_voor(user).order_by("titel")
        collectie_opties(self.fields["collectie"])
        self.fields["verhalen"].queryset = Verhaal.objects.zichtbaar_voor(user).only("pk", "titel")
