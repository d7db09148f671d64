"""The privacy scan of a form's free-text fields (verhalen/tekst/privacy.py), shared by
the story form and the memo form: what looks like personal data is shown
before anything is stored, and "Toch opslaan" confirms exactly those texts."""

from dataclasses import dataclass, field

from verhalen.tekst import privacy


@dataclass
class PrivacyControle:
    """What the privacy scan found, per field, for the warning panel."""

    velden: list[dict] = field(default_factory=list)
    vingerafdruk: str = ""

    @property
    def aantal(self):
        return sum(veld["aantal"] for veld in self.velden)

    def __bool__(self):
        return self.aantal > 0


class PrivacyControleMixin:
    """For a form whose `GECONTROLEERDE_VELDEN` are scanned; `LIDWOORD` gives
    each field's article ("in het verhaal", "in de titel")."""

    GECONTROLEERDE_VELDEN: tuple[str, ...] = ()
    LIDWOORD: dict[str, str] = {}

    def onthoud_opgeslagen_teksten(self, instance):
        # What is stored now: spots already in it were checked when it was saved.
        self.opgeslagen_teksten = {
            naam: getattr(instance, naam) or "" for naam in self.GECONTROLEERDE_VELDEN
        }

    def privacy_controle(self) -> PrivacyControle:
        """Scan the checked fields of a valid form for personal data.

        When editing, a spot whose text already stood in the stored field is
        not reported again: it was shown (and confirmed) when it was saved.
        """
        teksten = [self.cleaned_data.get(naam, "") or "" for naam in self.GECONTROLEERDE_VELDEN]
        controle = PrivacyControle(vingerafdruk=privacy.vingerafdruk(*teksten))
        for naam, tekst in zip(self.GECONTROLEERDE_VELDEN, teksten, strict=True):
            opgeslagen = self.opgeslagen_teksten[naam]
            vondsten = privacy.nieuw_ten_opzichte_van(privacy.controleer(tekst), opgeslagen)
            if vondsten:
                getoond = vondsten[: privacy.HOOGSTENS_GETOOND]
                controle.velden.append(
                    {
                        "naam": naam,
                        "label": self.fields[naam].label,
                        "lidwoord": self.LIDWOORD.get(naam, "de"),
                        "aantal": len(vondsten),
                        "vondsten": getoond,
                        "segmenten": privacy.segmenten(tekst, getoond),
                    }
                )
        return controle
