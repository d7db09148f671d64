"""The memo form: title and text, scanned for personal data before saving."""

from django import forms
from django.utils.translation import gettext_lazy as _

from verhalen.forms.privacycontrole import PrivacyControleMixin
from verhalen.models import Memo
from verhalen.services.verhalen import normaliseer_tekst


class MemoForm(PrivacyControleMixin, forms.ModelForm):
    GECONTROLEERDE_VELDEN = ("titel", "tekst")
    LIDWOORD = {"titel": "de", "tekst": "het"}

    class Meta:
        model = Memo
        fields = ["titel", "tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 10, "spellcheck": "true"})}
        error_messages = {"tekst": {"required": _("Het memo is nog leeg.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.onthoud_opgeslagen_teksten(self.instance)

    def clean_titel(self):
        return " ".join(self.cleaned_data["titel"].split())

    def clean_tekst(self):
        tekst = normaliseer_tekst(self.cleaned_data["tekst"]).strip()
        if not tekst:
            raise forms.ValidationError(_("Het memo is nog leeg."), code="required")
        return tekst
