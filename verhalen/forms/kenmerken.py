"""Form fields for research attributes: one field per attribute on the story
form, the attribute definition form, and the bulk form of the story list."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from toolkit.widgets import DatumInvoer
from verhalen.models import Kenmerk, KenmerkSoort, KenmerkWaarde, Verhaal

JA_NEE_KEUZES = [("", _("Onbekend")), ("ja", _("Ja")), ("nee", _("Nee"))]


def _ja_nee(waarde):
    return {"ja": True, "nee": False}.get(waarde)


def kenmerk_veld(kenmerk: Kenmerk) -> forms.Field:
    """The form field for a value of `kenmerk` (never required: unknown is allowed)."""
    opties = {"label": kenmerk.naam, "required": False, "help_text": kenmerk.uitleg}
    if kenmerk.soort == KenmerkSoort.GETAL:
        return forms.DecimalField(
            max_digits=15,
            decimal_places=4,
            localize=True,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            error_messages={"invalid": _("Vul een getal in, zoals 12 of 3,5.")},
            **opties,
        )
    if kenmerk.soort == KenmerkSoort.DATUM:
        return forms.DateField(
            widget=DatumInvoer,
            error_messages={"invalid": _("Vul een datum in, zoals 31-12-2024.")},
            **opties,
        )
    if kenmerk.soort == KenmerkSoort.JA_NEE:
        return forms.TypedChoiceField(
            choices=JA_NEE_KEUZES, coerce=_ja_nee, empty_value=None, **opties
        )
    if kenmerk.soort == KenmerkSoort.KEUZE:
        return forms.ChoiceField(
            choices=[("", _("Onbekend")), *[(keuze, keuze) for keuze in kenmerk.keuzes]],
            error_messages={"invalid_choice": _("Kies een van de waarden uit de lijst.")},
            **opties,
        )
    return forms.CharField(max_length=300, **opties)


def initiele_waarde(kenmerk: Kenmerk, waarde):
    if kenmerk.soort == KenmerkSoort.JA_NEE and waarde is not None:
        return "ja" if waarde else "nee"
    return waarde


class KenmerkVeldenMixin:
    """Adds a field per research attribute to a story form (`kenmerk_<slug>`)."""

    def voeg_kenmerkvelden_toe(self, verhaal: Verhaal | None):
        self.kenmerken = {}
        bestaand = {}
        if verhaal is not None and verhaal.pk:
            bestaand = {
                rij.kenmerk_id: rij
                for rij in KenmerkWaarde.objects.filter(verhaal=verhaal).select_related("kenmerk")
            }
        for kenmerk in Kenmerk.objects.all():
            naam = f"kenmerk_{kenmerk.slug}"
            self.fields[naam] = kenmerk_veld(kenmerk)
            self.kenmerken[naam] = kenmerk
            if kenmerk.pk in bestaand:
                self.initial[naam] = initiele_waarde(kenmerk, bestaand[kenmerk.pk].waarde)

    def kenmerk_velden(self):
        return [self[naam] for naam in self.kenmerken]

    def kenmerkwaarden(self):
        """{Kenmerk: cleaned value} for the services."""
        return {kenmerk: self.cleaned_data.get(naam) for naam, kenmerk in self.kenmerken.items()}


class KenmerkForm(forms.ModelForm):
    """Defining an attribute; the options of a choice one per line."""

    keuzes = forms.CharField(
        label=_("Keuzes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Alleen bij 'Keuze uit een lijst': elke keuze op een eigen regel."),
    )

    field_order = ["naam", "soort", "keuzes", "uitleg", "volgorde"]

    class Meta:
        model = Kenmerk
        fields = ["naam", "soort", "uitleg", "volgorde"]
        error_messages = {
            "naam": {
                "required": _("Geef het kenmerk een naam."),
                "unique": _("Er is al een kenmerk met deze naam."),
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["keuzes"] = "\n".join(self.instance.keuzes)
            if self.instance.waarden.exists():
                self.fields["soort"].disabled = True
                self.fields["soort"].help_text = _(
                    "Dit kenmerk heeft al waarden; de soort ligt daarom vast."
                )

    def clean_naam(self):
        return " ".join(self.cleaned_data["naam"].split())

    def clean_keuzes(self):
        keuzes = []
        for regel in self.cleaned_data["keuzes"].splitlines():
            keuze = " ".join(regel.split())
            if keuze and keuze not in keuzes:
                if len(keuze) > 300:
                    raise ValidationError(
                        _("Een keuze mag hoogstens 300 tekens lang zijn."), code="te_lang"
                    )
                keuzes.append(keuze)
        return keuzes

    def clean(self):
        data = super().clean()
        weg = self._weggehaalde_keuzes_in_gebruik(data.get("keuzes") or [])
        # Kenmerk.clean() checks that a choice has options (the error lands on this field).
        self.instance.keuzes = data.get("keuzes") or []
        if weg:
            self.add_error(
                "keuzes",
                ValidationError(
                    _("Deze keuzes zijn nog in gebruik bij verhalen: %(keuzes)s."),
                    params={"keuzes": ", ".join(weg)},
                    code="keuze_in_gebruik",
                ),
            )
        return data

    def _weggehaalde_keuzes_in_gebruik(self, keuzes):
        if not self.instance.pk or self.instance.soort != KenmerkSoort.KEUZE:
            return []
        weg = set(self.instance.keuzes) - set(keuzes)
        if not weg:
            return []
        return sorted(
            set(self.instance.waarden.filter(tekst__in=weg).values_list("tekst", flat=True))
        )


class KenmerkZettenForm(forms.Form):
    """The story list's bulk action: give the ticked stories one value of one attribute."""

    kenmerk = forms.ModelChoiceField(
        label=_("Kenmerk"),
        queryset=Kenmerk.objects.all(),
        to_field_name="slug",
        empty_label=_("Kies een kenmerk"),
        error_messages={"required": _("Kies een kenmerk.")},
    )
    waarde = forms.CharField(
        label=_("Waarde"),
        required=False,
        max_length=300,
        help_text=_(
            "Bij een keuze: precies een van de keuzes; bij ja/nee: ja of nee; een datum "
            "als 31-12-2024. Leeg laten haalt de waarde weg."
        ),
    )
    verhalen = forms.ModelMultipleChoiceField(
        queryset=Verhaal.objects.none(),
        error_messages={
            "required": _("Vink eerst de verhalen aan die een waarde moeten krijgen."),
            "invalid_choice": _("Een van de gekozen verhalen bestaat niet (meer)."),
            "invalid_pk_value": _("Een van de gekozen verhalen bestaat niet (meer)."),
        },
    )

    # Shares one HTML form with the add-to-collection action (no browser check).
    use_required_attribute = False

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verhalen"].queryset = Verhaal.objects.zichtbaar_voor(user).only("pk")

    def clean(self):
        data = super().clean()
        kenmerk = data.get("kenmerk")
        if kenmerk is None or "waarde" not in data:
            return data
        veld = kenmerk_veld(kenmerk)
        ruw = data["waarde"].strip()
        if kenmerk.soort == KenmerkSoort.JA_NEE:
            ruw = ruw.lower()
        if kenmerk.soort == KenmerkSoort.DATUM and ruw:
            veld = forms.DateField(
                input_formats=["%d-%m-%Y", "%Y-%m-%d"],
                error_messages={"invalid": _("Vul een datum in, zoals 31-12-2024.")},
            )
        try:
            data["waarde"] = veld.clean(ruw) if ruw else None
        except ValidationError as fout:
            self.add_error("waarde", fout)
        return data
