from django import forms
from django.utils import formats, timezone

from . import services

APP_CODE_ATTRS = {
    "autocomplete": "one-time-code",
    "inputmode": "numeric",
    "pattern": "[0-9 ]*",
    "maxlength": "7",
    "size": "8",
    "spellcheck": "false",
}
RESERVECODE_ATTRS = {
    "autocomplete": "one-time-code",
    "autocapitalize": "none",
    "maxlength": "20",
    "size": "12",
    "spellcheck": "false",
}


def geblokkeerd_melding(tot):
    tijd = formats.time_format(timezone.localtime(tot), "H:i:s") if tot else None
    wanneer = f"tot {tijd}" if tijd else "even"
    return (
        f"Je hebt te vaak een verkeerde code ingevuld. Wacht {wanneer} en probeer het "
        "dan opnieuw. Bij elke verkeerde code wordt de wachttijd langer."
    )


class CodeForm(forms.Form):
    """Checks a code for `user`; after is_valid(), `self.device` is the device
    that matched."""

    veld = "code"
    fout_melding = ""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def controleer(self, code):
        return services.controleer_code(user=self.user, code=code)

    def _clean_met_controle(self):
        code = self.cleaned_data[self.veld]
        controle = self.controleer(code)
        if controle.gelukt:
            self.device = controle.device
            return code
        if controle.geblokkeerd_tot:
            raise forms.ValidationError(geblokkeerd_melding(controle.geblokkeerd_tot))
        raise forms.ValidationError(self.fout_melding)


class AppCodeForm(CodeForm):
    code = forms.CharField(
        label="Code uit je app",
        help_text="De 6 cijfers die je authenticator-app nu laat zien.",
        max_length=7,
        widget=forms.TextInput(attrs=APP_CODE_ATTRS),
        error_messages={"required": "Vul de code uit je app in."},
    )
    fout_melding = (
        "Deze code klopt niet. Vul de code in die je app nu laat zien. Klopt het nog "
        "steeds niet? Kijk dan of de tijd op je telefoon goed staat."
    )

    def clean_code(self):
        code = services.normaliseer(self.cleaned_data["code"])
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Een code uit je app bestaat uit 6 cijfers.")
        self.cleaned_data["code"] = code
        return self._clean_met_controle()


class ReservecodeForm(CodeForm):
    veld = "reservecode"
    reservecode = forms.CharField(
        label="Reservecode",
        help_text="Een van de 10 codes die je hebt geprint of bewaard. Elke code werkt één keer.",
        max_length=20,
        widget=forms.TextInput(attrs=RESERVECODE_ATTRS),
        error_messages={"required": "Vul een reservecode in."},
    )
    fout_melding = (
        "Deze reservecode klopt niet, of je hebt hem al gebruikt. Probeer een andere code."
    )

    def clean_reservecode(self):
        return self._clean_met_controle()


class BevestigAppForm(AppCodeForm):
    """The first code from a new app, checked against that (unconfirmed) app."""

    code = AppCodeForm.base_fields["code"]
    fout_melding = (
        "Deze code klopt niet. Kijk of je de QR-code of de sleutel goed hebt overgenomen, "
        "en vul de code in die je app nu laat zien."
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, user=device.user, **kwargs)
        self.nieuw_device = device

    def controleer(self, code):
        return services.bevestig_app(device=self.nieuw_device, code=code)
