"""The privacy check (verhalen/tekst/privacy.py) for free text that people write
about stories: reflections and advice. Bad input is never lost: the form
comes back with the text as typed, a Dutch message naming what looks like
personal data, and a box to save it anyway."""

from django import forms
from django.utils.translation import gettext_lazy as _

from verhalen.tekst import privacy


class PersoonsgegevensMixin:
    """Checks `privacy_velden` in clean(); a ticked `toch_opslaan` lets it pass.

    A lighter sibling of PrivacyControleMixin (verhalen/forms/privacycontrole.py):
    for short texts written beside stories, the warning is a field error.
    """

    privacy_velden: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["toch_opslaan"] = forms.BooleanField(
            label=_("Toch opslaan: ik heb gecontroleerd dat er geen persoonsgegevens in staan"),
            required=False,
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("toch_opslaan"):
            return cleaned
        for veld in self.privacy_velden:
            vondsten = privacy.controleer(cleaned.get(veld) or "")
            if vondsten:
                genoemd = ", ".join(
                    f"{vondst.omschrijving} “{vondst.tekst}”"
                    for vondst in vondsten[: privacy.HOOGSTENS_GETOOND]
                )
                self.add_error(
                    veld,
                    forms.ValidationError(
                        _(
                            "Dit lijkt op persoonsgegevens: %(genoemd)s. Haal ze weg, "
                            "of vink hieronder “Toch opslaan” aan als het geen echte "
                            "gegevens zijn."
                        ),
                        code="persoonsgegevens",
                        params={"genoemd": genoemd},
                    ),
                )
        return cleaned
