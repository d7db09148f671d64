"""The content note as checkboxes (no JavaScript), for every form that sets one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from verhalen.models import Inhoud


class InhoudKeuze(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Inhoudswaarschuwing"))
        kwargs.setdefault(
            "help_text",
            _(
                "Gaat het over iets waar een lezer voor gewaarschuwd wil worden? Vink het "
                "aan. In collecties wordt de tekst dan ingeklapt achter deze waarschuwing."
            ),
        )
        super().__init__(choices=Inhoud.choices, required=False, **kwargs)
