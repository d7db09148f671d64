"""Forms for coding fragments and keeping the codebook, and the fragment filter."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kennisagenda.models import Thema
from projecten.models import Project, Wijk
from toolkit.widgets import DatumInvoer, SnelleSelect, opties_uit_rijen
from verhalen.forms.filters import voeg_kenmerk_filters_toe
from verhalen.models import Fragment, Gemeente, Verhaal, VertellerType, Verzamelwijze
from verhalen.selectors import rondes as selectors_rondes
from verhalen.selectors.codeboek import KOLOMSOORTEN, codeboom, kolomsoorten, subtree_pks
from verhalen.tekst.posities import (
    CiteerFout,
    bijgesneden,
    dichtstbijzijnd_citaat,
    zoek_citaat,
)


def _enkel(tekst):
    return " ".join(tekst.split())


class CodeKeuzeMixin:
    """Codes as checkboxes in codebook order, each with its depth (for the template)."""

    @cached_property
    def themas(self):
        """The codes the field offers, in its queryset's order, read once (the
        story page's code picker is made from the same list)."""
        return list(self.fields["codes"].queryset)

    def codekeuzes(self):
        """Per code in codebook order: the code, its depth, the checkbox's id
        (as Django's CheckboxSelectMultiple numbers them: by place in the
        queryset) and whether it is ticked.

        The fragment form's template (codeboek/includes/_fragment_form.html)
        writes the inputs in one loop; Django's own rendering of the widget
        takes three template includes per code."""
        veld = self["codes"]
        gekozen = {str(waarde) for waarde in veld.value() or ()}
        plek = {thema.pk: index for index, thema in enumerate(self.themas)}
        return [
            {
                "thema": knoop.thema,
                "diepte": knoop.diepte,
                "id": f"{veld.auto_id}_{plek[knoop.thema.pk]}",
                "gekozen": str(knoop.thema.pk) in gekozen,
            }
            for knoop in codeboom(self.themas)
        ]


class FragmentForm(CodeKeuzeMixin, forms.Form):
    """Which stretch of the story, which codes, and why.

    The stretch comes from the positions (filled in by selecting text) or,
    without them, from a pasted quote that the form looks up in the text.
    `cleaned_data` then holds the final `start`, `eind` and the `citaat` as
    it stands in the text.
    """

    start = forms.IntegerField(
        label=_("Begin (tekenpositie)"),
        required=False,
        min_value=0,
        help_text=_(
            "Wordt ingevuld als je tekst selecteert. Het eerste teken van het verhaal is 0."
        ),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    eind = forms.IntegerField(
        label=_("Einde (tekenpositie)"),
        required=False,
        min_value=1,
        help_text=_("De positie direct na het laatste teken van het citaat."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    citaat = forms.CharField(
        label=_("Citaat"),
        required=False,
        strip=False,
        help_text=_(
            "Wordt ingevuld als je tekst selecteert. Zonder selectie kun je hier een stuk "
            "tekst uit het verhaal plakken; wij zoeken dan zelf de plek op."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    codes = forms.ModelMultipleChoiceField(
        label=_("Codes"),
        queryset=Thema.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies minstens één code."),
            "invalid_choice": _("Deze code bestaat niet (meer). Kies een andere."),
        },
    )
    memo = forms.CharField(
        label=_("Memo"),
        required=False,
        help_text=_("Waarom deze code? Een gedachte voor later."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    moet_herzien = forms.BooleanField(
        label=_("Moet herzien worden"),
        required=False,
        help_text=_("Laat dit aan staan zolang het fragment nog eens bekeken moet worden."),
    )
    # The version the researcher started from (edit only): the template always
    # renders the fragment's current version, so saving again after a conflict
    # knowingly replaces the colleague's change.
    gewijzigd_op = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, verhaal, fragment=None, **kwargs):
        if fragment is not None:
            kwargs.setdefault(
                "initial",
                {
                    "start": fragment.start,
                    "eind": fragment.eind,
                    "citaat": fragment.citaat,
                    "codes": [code.pk for code in fragment.codes.all()],
                    "memo": fragment.memo,
                    "moet_herzien": fragment.moet_herzien,
                },
            )
        super().__init__(*args, **kwargs)
        self.verhaal = verhaal
        self.fragment = fragment
        # True when the quote no longer stood at the given positions and was
        # found elsewhere in the text (the view tells the researcher).
        self.verplaatst = False
        if fragment is None:
            del self.fields["moet_herzien"]
            del self.fields["gewijzigd_op"]

    def _controleer_versie(self):
        gezien = self.cleaned_data.get("gewijzigd_op")
        if not gezien or gezien == self.fragment.gewijzigd_op.isoformat():
            return
        laatste = self.fragment.history.select_related("history_user").first()
        door = laatste.history_user if laatste else None
        naam = (door.get_full_name() or door.get_username()) if door else _("Een collega")
        self.add_error(
            None,
            ValidationError(
                _(
                    "%(naam)s heeft dit fragment gewijzigd nadat jij het opende. In de lijst "
                    "zie je hoe het nu is; je eigen wijzigingen staan hieronder nog. Sla "
                    "opnieuw op om jouw versie te bewaren."
                ),
                code="conflict",
                params={"naam": naam},
            ),
        )

    def clean(self):
        cleaned = super().clean()
        if self.fragment is not None:
            self._controleer_versie()
        tekst = self.verhaal.tekst
        start, eind = cleaned.get("start"), cleaned.get("eind")
        citaat = cleaned.get("citaat") or ""
        if "start" in self.errors or "eind" in self.errors:
            return cleaned
        if start is not None or eind is not None:
            if start is None or eind is None:
                veld = "start" if start is None else "eind"
                self.add_error(
                    veld,
                    ValidationError(
                        _("Vul zowel het begin als het einde in, of maak ze allebei leeg."),
                        code="half",
                    ),
                )
                return cleaned
            if not 0 <= start < eind <= len(tekst):
                self.add_error(
                    "eind",
                    ValidationError(
                        _(
                            "Dit valt buiten de tekst. Het begin moet vóór het einde liggen, "
                            "en het einde mag hoogstens %(lengte)s zijn."
                        ),
                        code="buiten_tekst",
                        params={"lengte": len(tekst)},
                    ),
                )
                return cleaned
            if citaat.strip() and _enkel(citaat) != _enkel(tekst[start:eind]):
                # The page may show an older text (a colleague edited the story
                # since): the quote is what was selected, so find it again,
                # nearest to where it was, as re-anchoring does.
                gevonden = dichtstbijzijnd_citaat(tekst, citaat.strip(), start)
                if gevonden is None:
                    self.add_error(
                        "citaat",
                        ValidationError(
                            _(
                                "Het citaat past niet bij het begin en einde, en staat ook "
                                "nergens anders in de tekst. Is het verhaal intussen "
                                "gewijzigd? Selecteer de tekst dan opnieuw. Of maak het "
                                "citaat leeg, of begin en einde, en probeer het opnieuw."
                            ),
                            code="past_niet",
                        ),
                    )
                    return cleaned
                start, eind = gevonden
                self.verplaatst = True
            bereik = bijgesneden(tekst, start, eind)
            if bereik.start >= bereik.eind:
                self.add_error(
                    "eind",
                    ValidationError(
                        _("Dit stuk tekst bevat alleen witruimte. Kies een stuk met woorden."),
                        code="leeg",
                    ),
                )
                return cleaned
        elif citaat.strip():
            try:
                bereik = zoek_citaat(tekst, citaat)
            except CiteerFout as fout:
                self.add_error("citaat", ValidationError(str(fout), code=fout.code))
                return cleaned
        else:
            raise ValidationError(
                _(
                    "Selecteer een stuk tekst in het verhaal, vul het begin en einde in, "
                    "of plak het citaat."
                ),
                code="geen_tekst",
            )
        cleaned["start"], cleaned["eind"] = bereik.start, bereik.eind
        cleaned["citaat"] = tekst[bereik.start : bereik.eind]
        return cleaned


# --- The codebook -----------------------------------------------------------


class KleurInvoer(forms.TextInput):
    """A colour picker. HTML allows neither maxlength nor required on it (a
    colour picker always has a value), so it renders without both."""

    input_type = "color"

    def use_required_attribute(self, initial):
        return False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("maxlength", None)
        return context


class CodeForm(forms.ModelForm):
    """Name and coding rules of a code. The name of a kennisagenda theme stays fixed."""

    class Meta:
        model = Thema
        fields = ["name", "beschrijving", "definitie", "voorbeeld", "kleur"]
        labels = {"name": _("Naam")}
        help_texts = {
            "name": _("Kort en duidelijk, bijvoorbeeld 'wachten op antwoord'."),
            "kleur": _("De kleur van de markering in de tekst."),
        }
        widgets = {
            "beschrijving": forms.Textarea(attrs={"rows": 3}),
            "definitie": forms.Textarea(attrs={"rows": 3}),
            "voorbeeld": forms.Textarea(attrs={"rows": 3}),
            "kleur": KleurInvoer,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.is_kennisagenda:
            # Name and description come from the kennisagenda; the coding rules
            # (when to use, example, colour) are the researchers'.
            for veld in ("name", "beschrijving"):
                self.fields[veld].disabled = True
                self.fields[veld].help_text = _(
                    "Dit komt uit de kennisagenda en verandert hier niet."
                )

    def clean_name(self):
        naam = " ".join(self.cleaned_data["name"].split())
        dubbel = Thema.objects.filter(name__iexact=naam).exclude(pk=self.instance.pk)
        if dubbel.exists():
            raise ValidationError(
                _("Er is al een code met de naam '%(naam)s'. Kies een andere naam."),
                code="bestaat_al",
                params={"naam": naam},
            )
        if not slugify(naam):
            raise ValidationError(_("Gebruik letters of cijfers in de naam."), code="geen_letters")
        return naam


class SubcodeForm(CodeForm):
    """A new sub-code: a code always has a theme (or another code) above it."""

    class Meta(CodeForm.Meta):
        fields = ["parent", *CodeForm.Meta.fields]
        labels = {"name": _("Naam"), "parent": _("Valt onder")}
        help_texts = {
            **CodeForm.Meta.help_texts,
            "parent": _("Het thema of de code waar deze subcode onder valt."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].required = True
        self.fields["parent"].error_messages["required"] = _("Kies waar de subcode onder valt.")
        self.fields["parent"].choices = boomkeuzes(Thema.objects.all(), _("Kies een thema"))


def boomkeuzes(queryset, leeg_label=None):
    """Choices for a <select> of codes, indented by depth, in codebook order."""
    keuzes = [("", leeg_label)] if leeg_label else []
    for knoop in codeboom(queryset):
        keuzes.append((knoop.thema.pk, "\u2003" * knoop.diepte + knoop.thema.name))
    return keuzes


class VerplaatsForm(forms.Form):
    parent = forms.TypedChoiceField(
        label=_("Nieuwe plek: valt onder"),
        coerce=int,
        error_messages={"required": _("Kies waar de code onder komt te vallen.")},
    )

    def __init__(self, *args, code, **kwargs):
        super().__init__(*args, **kwargs)
        self.code = code
        eigen = subtree_pks(code)
        self.kandidaten = Thema.objects.exclude(pk__in=eigen)
        self.fields["parent"].choices = boomkeuzes(self.kandidaten, _("Kies een thema of code"))
        self.fields["parent"].initial = code.parent_id

    def clean_parent(self):
        parent = self.kandidaten.filter(pk=self.cleaned_data["parent"]).first()
        if parent is None:
            raise ValidationError(
                _("Een code kan niet onder zichzelf of onder een eigen subcode vallen."),
                code="cyclus",
            )
        if parent.pk == self.code.parent_id:
            raise ValidationError(
                _("De code valt hier al onder. Kies een andere plek."), code="zelfde_plek"
            )
        return parent


class SamenvoegForm(forms.Form):
    doel = forms.TypedChoiceField(
        label=_("Samenvoegen met"),
        coerce=int,
        help_text=_("Alle fragmenten krijgen deze code in plaats van de huidige."),
        error_messages={"required": _("Kies de code waarmee je wilt samenvoegen.")},
    )

    def __init__(self, *args, code, **kwargs):
        super().__init__(*args, **kwargs)
        self.code = code
        eigen = subtree_pks(code)
        self.kandidaten = Thema.objects.exclude(pk__in=eigen)
        self.fields["doel"].choices = boomkeuzes(self.kandidaten, _("Kies een code"))

    def clean_doel(self):
        doel = self.kandidaten.filter(pk=self.cleaned_data["doel"]).first()
        if doel is None:
            raise ValidationError(
                _("Samenvoegen kan niet met de code zelf of met een eigen subcode."),
                code="cyclus",
            )
        return doel


# --- Filtering fragments ----------------------------------------------------


class FragmentFilter(django_filters.FilterSet):
    """Narrow fragments by what is known about their story."""

    verteller_type = django_filters.ChoiceFilter(
        widget=SnelleSelect,
        field_name="verhaal__verteller_type",
        label=_("Wie vertelt"),
        choices=VertellerType.choices,
        empty_label=_("Iedereen"),
    )
    wijk = django_filters.ModelChoiceFilter(
        widget=SnelleSelect,
        field_name="verhaal__wijk",
        label=_("Wijk"),
        queryset=Wijk.objects.all(),
        empty_label=_("Alle wijken"),
        null_label=_("(onbekend)"),
    )
    gemeente = django_filters.ChoiceFilter(
        widget=SnelleSelect,
        field_name="verhaal__gemeente",
        label=_("Gemeente"),
        choices=Gemeente.choices,
        empty_label=_("Alle gemeenten"),
    )
    verzamelwijze = django_filters.ChoiceFilter(
        widget=SnelleSelect,
        field_name="verhaal__verzamelwijze",
        label=_("Hoe verzameld"),
        choices=Verzamelwijze.choices,
        empty_label=_("Alle manieren"),
    )
    project = django_filters.ModelChoiceFilter(
        widget=SnelleSelect,
        field_name="verhaal__project",
        label=_("Project"),
        queryset=Project.objects.all(),
        empty_label=_("Alle projecten"),
        null_label=_("(geen project)"),
    )
    verteller = django_filters.ChoiceFilter(
        widget=SnelleSelect,
        label=_("Reactie van de verteller"),
        choices=[("oneens", _("Verteller vindt een thema niet kloppen"))],
        empty_label=_("Alle verhalen"),
        method="filter_verteller",
    )
    van = django_filters.DateFilter(
        field_name="verhaal__verzameld_op",
        lookup_expr="gte",
        label=_("Verzameld vanaf"),
        widget=DatumInvoer,
    )
    tot = django_filters.DateFilter(
        field_name="verhaal__verzameld_op",
        lookup_expr="lte",
        label=_("Verzameld tot en met"),
        widget=DatumInvoer,
    )
    codeur = django_filters.ModelChoiceFilter(
        widget=SnelleSelect,
        field_name="codeur",
        label=_("Gecodeerd door"),
        queryset=get_user_model().objects.none(),
        empty_label=_("Iedereen"),
    )

    class Meta:
        model = Fragment
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        voeg_kenmerk_filters_toe(self, verhaal_pad="verhaal_id")
        for naam, label in [("wijk", "naam"), ("project", "titel")]:
            veld = self.form.fields[naam]
            opties_uit_rijen(veld, veld.queryset.values_list("pk", label).all)
        veld = self.form.fields["codeur"]
        veld.queryset = selectors_rondes.codeurs()
        # Named as User.get_full_name() or the username, from rows (no user objects).
        opties_uit_rijen(
            veld,
            lambda: (
                (pk, f"{voornaam} {achternaam}".strip() or gebruikersnaam)
                for pk, voornaam, achternaam, gebruikersnaam in veld.queryset.values_list(
                    "pk", "first_name", "last_name", "username"
                )
            ),
        )

    def filter_verteller(self, queryset, name, waarde):
        """Fragments of stories whose teller said a theme does not fit or misses
        something (their own page, verhalen/models/verteller.py)."""
        return queryset.filter(verhaal__in=Verhaal.objects.verteller_oneens().values("pk"))

    def gebruikte_filters(self, *, zonder=None):
        """The query string of the active filters (for links and exports).

        `zonder` leaves one filter out, for links that set it themselves.
        """
        if not self.is_bound:
            return ""
        data = self.form.data.copy()
        for sleutel in list(data):
            if sleutel not in self.filters or sleutel == zonder or data.get(sleutel) == "":
                del data[sleutel]
        return data.urlencode()


class MatrixForm(forms.Form):
    kolom = forms.ChoiceField(
        label=_("Kolommen"),
        choices=[(sleutel, soort.label) for sleutel, soort in KOLOMSOORTEN.items()],
        initial="verteller_type",
        required=False,
    )
    rijen = forms.ModelChoiceField(
        label=_("Rijen"),
        queryset=Thema.objects.hoofdthemas(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle codes"),
        help_text=_("Eén thema met zijn subcodes, of alle codes."),
    )
    alleen_gebruikt = forms.BooleanField(label=_("Alleen codes met fragmenten"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.soorten = kolomsoorten()
        self.fields["kolom"].choices = [
            (sleutel, soort.label) for sleutel, soort in self.soorten.items()
        ]

    def _waarde(self, naam, standaard):
        if not self.is_bound or not self.is_valid():
            return standaard
        return self.cleaned_data.get(naam) or standaard

    def soort(self):
        return self.soorten[self._waarde("kolom", "verteller_type")]

    def themas(self):
        """The codes for the rows (with their parents, for the CSV)."""
        themas = Thema.objects.select_related("parent")
        thema = self._waarde("rijen", None)
        if thema is not None:
            themas = themas.filter(pk__in=subtree_pks(thema))
        return themas

    def zonder_lege_rijen(self):
        return bool(self._waarde("alleen_gebruikt", False))


class SnelleSubcodeForm(SubcodeForm):
    """A sub-code made from the code picker while coding: a name and where it falls
    under; the colour is the parent's, the rules can be written later."""

    class Meta(SubcodeForm.Meta):
        fields = ["parent", "name"]
