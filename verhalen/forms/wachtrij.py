"""Forms of the review queue: what a collector enters, what a reviewer checks
when taking a story in, and the note when sending it back."""

from django import forms
from django.utils.translation import gettext_lazy as _

from verhalen.forms.verhaal import VerhaalForm
from verhalen.models import Toestemming
from verhalen.services.verhalen import BEWERKBARE_VELDEN
from verhalen.services.wachtrij import VELDEN_OPNAME, VELDEN_VERZAMELAAR

ZONDER_INTREKKEN = [keuze for keuze in Toestemming.choices if keuze[0] != Toestemming.INGETROKKEN]


class VerzamelForm(VerhaalForm):
    """A collector's story: no collector, project, themes or keywords to choose
    (they collected it; researchers add the rest after the review)."""

    weggelaten = tuple(
        veld
        for veld in (*BEWERKBARE_VELDEN, "themas", "trefwoorden")
        if veld not in VELDEN_VERZAMELAAR
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["toestemming"].choices = ZONDER_INTREKKEN
        self.fields["toestemming"].help_text = _(
            "Waarvoor gaf de verteller toestemming? Een onderzoeker kijkt dit na."
        )


class OpnameForm(VerhaalForm):
    """Taking a story in: the consent in force from now on, and corrections the
    privacy check asks for. Every spot it finds is shown: nobody checked it yet."""

    weggelaten = tuple(
        veld for veld in (*BEWERKBARE_VELDEN, "themas", "trefwoorden") if veld not in VELDEN_OPNAME
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["toestemming"].choices = ZONDER_INTREKKEN
        self.fields["toestemming"].help_text = _(
            "Kijk na wat de verteller koos. Vanaf het opnemen geldt deze toestemming."
        )

    def onthoud_opgeslagen_teksten(self, instance):
        # Nothing was checked yet: every spot the scan finds is shown.
        self.opgeslagen_teksten = dict.fromkeys(self.GECONTROLEERDE_VELDEN, "")

    @classmethod
    def nagekeken(cls, verhaal):
        """The form filled with the story as it waits, checked: its privacy scan
        (`privacy_controle()`) is what the review page shows first."""
        gegevens = {veld: getattr(verhaal, veld) for veld in VELDEN_OPNAME}
        gegevens["versie"] = verhaal.versie
        form = cls(gegevens, instance=verhaal)
        form.is_valid()
        return form


class TerugstuurForm(forms.Form):
    notitie = forms.CharField(
        label=_("Wat moet de verzamelaar aanpassen?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf erbij wat de verzamelaar moet aanpassen.")},
    )
