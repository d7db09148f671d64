"""The story form: entering and editing a story.

The form only collects and checks input (including the privacy scan and the
pseudonym check); the services in verhalen/services/verhalen.py write.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField
from taggit.utils import edit_string_for_tags

from kennisagenda import roles
from kennisagenda.models import Thema
from projecten.models import Wijk
from toolkit.widgets import DatumInvoer
from verhalen.forms.inhoudswaarschuwing import InhoudKeuze
from verhalen.forms.kenmerken import KenmerkVeldenMixin
from verhalen.forms.privacycontrole import PrivacyControleMixin
from verhalen.models import Toestemming, Verhaal
from verhalen.models.verhaal import BEWERKBARE_VELDEN
from verhalen.services.verhalen import normaliseer_tekst
from verhalen.tekst import privacy


class ThemaKeuze(forms.TypedMultipleChoiceField):
    """All themes as checkboxes, grouped under their main theme (no JS needed).

    The choices are grouped [(main theme, [(pk, name), …]), …]; the template
    shows each group as a fieldset with the checkboxes in columns.
    """

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(coerce=int, **kwargs)

    def laad(self):
        themas = list(Thema.objects.select_related("parent").order_by("volgorde", "name"))
        per_id = {thema.pk: thema for thema in themas}

        def hoofd(thema):
            while thema.parent_id and thema.parent_id in per_id:
                thema = per_id[thema.parent_id]
            return thema

        groepen = {}
        for thema in themas:
            groepen.setdefault(hoofd(thema).pk, []).append(thema)
        keuzes = []
        for hoofd_id, leden in groepen.items():
            leden.sort(key=lambda t: (t.pk != hoofd_id, t.volgorde, t.name.lower()))
            keuzes.append((per_id[hoofd_id].name, [(t.pk, t.name) for t in leden]))
        self.choices = keuzes
        self.themas = per_id


class VerhaalForm(PrivacyControleMixin, KenmerkVeldenMixin, forms.ModelForm):
    # The fields the privacy check scans, in the order they are shown.
    GECONTROLEERDE_VELDEN = ("titel", "samenvatting", "tekst")
    LIDWOORD = {"titel": "de", "samenvatting": "de", "tekst": "het"}
    # Fields a narrower form (a collector's, the review's) leaves out.
    weggelaten = ()

    themas = ThemaKeuze(
        label=_("Thema's"),
        required=False,
        help_text=_("Vink alle thema's en subcodes aan die in dit verhaal spelen."),
    )
    inhoudswaarschuwingen = InhoudKeuze()
    trefwoorden = TagField(
        label=_("Trefwoorden"),
        required=False,
        help_text=Verhaal._meta.get_field("trefwoorden").help_text,
    )
    versie = forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        min_value=1,
        error_messages={
            "min_value": _("Het versienummer klopt niet; open het verhaal opnieuw."),
            "invalid": _("Het versienummer klopt niet; open het verhaal opnieuw."),
        },
    )

    class Meta:
        model = Verhaal
        fields = list(BEWERKBARE_VELDEN)
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 18, "spellcheck": "true"}),
            "samenvatting": forms.Textarea(attrs={"rows": 3}),
            "verzameld_op": DatumInvoer,
            "toestemming_datum": DatumInvoer,
            "toestemming": forms.RadioSelect,
        }
        error_messages = {
            "titel": {"required": _("Geef het verhaal een titel.")},
            "tekst": {"required": _("Het verhaal zelf ontbreekt nog.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.onthoud_opgeslagen_teksten(self.instance)
        self.fields["tekst"].required = True
        for naam in self.weggelaten:
            del self.fields[naam]
        if "themas" in self.fields:  # the researchers' form: themes and attributes
            self.fields["themas"].laad()
            self.voeg_kenmerkvelden_toe(self.instance)
        if "verzameld_door" in self.fields:
            self._verzamelaars()
        if "project" in self.fields:
            self.fields["project"].empty_label = _("Geen project")
            self.fields["werkteam"].empty_label = _("Geen werkteam")
        if "wijk" in self.fields:
            self.fields["wijk"].widget.choices = self._wijk_keuzes()
        if self.instance.pk is None:
            self.fields["toestemming"].choices = [
                keuze for keuze in Toestemming.choices if keuze[0] != Toestemming.INGETROKKEN
            ]
            self.fields["toestemming_datum"].help_text = _(
                "Wanneer de verteller toestemming gaf. Leeg laten voor vandaag."
            )
        else:
            if "themas" in self.fields:
                self.initial["themas"] = [item.tag_id for item in self.instance.thema_items.all()]
                self.initial["trefwoorden"] = edit_string_for_tags(
                    [item.tag for item in self.instance.trefwoord_items.select_related("tag")]
                )
            self.initial["versie"] = self.instance.versie

    def _verzamelaars(self):
        self.fields["verzameld_door"].queryset = (
            get_user_model()
            .objects.filter(
                Q(groups__name__in=[roles.ONDERZOEKER, roles.VERZAMELAAR], is_active=True)
                | Q(is_superuser=True, is_active=True)
                # keep whoever collected this story, even if no longer a researcher
                | Q(pk=self.instance.verzameld_door_id)
            )
            .distinct()
            .order_by("first_name", "username")
        )
        self.fields["verzameld_door"].label_from_instance = lambda user: (
            user.get_full_name() or user.username
        )
        self.fields["verzameld_door"].help_text = _("Leeg laten als je het zelf verzamelde.")
        self.fields["verzameld_door"].empty_label = (
            _("Ikzelf") if self.instance.pk is None else _("Onbekend")
        )

    @staticmethod
    def _wijk_keuzes():
        groepen = {}
        for wijk in Wijk.objects.order_by("gebied", "naam"):
            groepen.setdefault(wijk.gebied, []).append((wijk.pk, wijk.naam))
        return [("", _("Geen of onbekend")), *groepen.items()]

    def clean_pseudoniem(self):
        pseudoniem = " ".join(self.cleaned_data["pseudoniem"].split())
        if privacy.lijkt_op_echte_naam(pseudoniem):
            raise forms.ValidationError(
                _(
                    "Dit lijkt op een echte naam of contactgegeven. Kies een schuilnaam "
                    "zoals 'Moeder uit Zuid' of alleen een voorletter."
                ),
                code="echte_naam",
            )
        return pseudoniem

    def clean_tekst(self):
        return normaliseer_tekst(self.cleaned_data["tekst"]).strip("\n")

    def clean_samenvatting(self):
        return normaliseer_tekst(self.cleaned_data["samenvatting"]).strip()

    def clean_versie(self):
        versie = self.cleaned_data.get("versie")
        if self.instance.pk is not None and versie is None:
            raise forms.ValidationError(
                _("Het versienummer ontbreekt; open het verhaal opnieuw."), code="versie"
            )
        return versie

    # For the services ------------------------------------------------------

    def gegevens(self):
        """The cleaned values the services take (fields, themes, keywords, attributes)."""
        data = {veld: self.cleaned_data[veld] for veld in BEWERKBARE_VELDEN if veld in self.fields}
        if "themas" not in self.fields:
            return data
        themas = self.fields["themas"].themas
        data["themas"] = [themas[pk] for pk in self.cleaned_data["themas"] if pk in themas]
        data["trefwoorden"] = self.cleaned_data["trefwoorden"]
        data["kenmerken"] = self.kenmerkwaarden()
        return data

    def thema_groepen(self):
        """[(main theme checkbox, [its sub-code checkboxes])] for the theme choice."""
        bound = self["themas"]
        per_waarde = {str(sub.data["value"]): sub for sub in bound.subwidgets}
        groepen = []
        for _label, opties in self.fields["themas"].choices:
            vakjes = [per_waarde[str(pk)] for pk, _naam in opties]
            groepen.append((vakjes[0], vakjes[1:]))
        return groepen


class HerstelForm(forms.Form):
    """'Herstel deze versie': which version, and the version the page showed."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class WisForm(forms.Form):
    kenmerk = forms.CharField(
        label=_("Kenmerk van het verzoek"),
        max_length=100,
        required=False,
        help_text=_("Bijvoorbeeld het zaaknummer. Geen namen."),
    )
    bevestig = forms.BooleanField(
        label=_(
            "Ik begrijp dat de inhoud van dit verhaal voorgoed verdwijnt, ook uit de geschiedenis."
        ),
        error_messages={"required": _("Vink aan dat je het wissen begrijpt.")},
    )
