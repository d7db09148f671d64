"""Forms for curating collections and writing reflections.

The forms only collect and check input; the services in
verhalen/services/collecties.py do the writing.
"""

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from kennisagenda.models import Thema
from toolkit.widgets import SnelleSelect, opties_uit_rijen
from verhalen.forms.inhoudswaarschuwing import InhoudKeuze
from verhalen.forms.persoonsgegevens import PersoonsgegevensMixin
from verhalen.models import Fragment, Verhaal
from verhalen.models.collectie import Collectie, CollectieItem, Publiek, Reflectie


class ThemaKeuzeVeld(forms.ModelMultipleChoiceField):
    def label_from_instance(self, thema):
        return thema.volledige_naam


class CollectieForm(forms.ModelForm):
    themas = ThemaKeuzeVeld(
        label=_("Thema's"),
        queryset=Thema.objects.select_related("parent").order_by(
            "parent__volgorde", "volgorde", "name"
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies één of meer thema's. Fragmenten met deze thema's worden gemarkeerd."),
    )
    publiek = forms.ChoiceField(
        label=_("Voor wie is deze collectie?"),
        choices=Publiek.choices,
        widget=forms.RadioSelect,
        help_text=Collectie._meta.get_field("publiek").help_text,
    )

    class Meta:
        model = Collectie
        fields = ["titel", "slug", "publiek", "themas", "inleiding"]
        widgets = {"inleiding": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        if self.instance.pk:
            self.initial.setdefault("themas", list(self.instance.themas.all()))

    def validate_unique(self):
        # An empty slug is filled in by the service; only check a typed one.
        if self.cleaned_data.get("slug"):
            super().validate_unique()


class CollectieItemForm(forms.ModelForm):
    """The curator's note, the chosen excerpt of one story and its content note."""

    inhoudswaarschuwingen = InhoudKeuze(
        help_text=_(
            "Vink aan waar een lezer voor gewaarschuwd wil worden. De lezer ziet eerst "
            "alleen de waarschuwing en kiest zelf of hij verder leest."
        )
    )

    class Meta:
        model = CollectieItem
        fields = ["notitie", "fragmenten", "inhoudswaarschuwingen", "inhoudswaarschuwing_anders"]
        widgets = {
            "notitie": forms.Textarea(attrs={"rows": 5}),
            "fragmenten": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fragmenten"].queryset = (
            Fragment.objects.zichtbaar_voor(user)
            .filter(verhaal=self.instance.verhaal)
            .prefetch_related(Prefetch("codes", to_attr="codes_lijst"))
            .order_by("start", "eind")
        )
        self.fields["fragmenten"].label_from_instance = fragment_label


def fragment_label(fragment):
    codes = ", ".join(code.name for code in fragment.codes_lijst)
    citaat = fragment.citaat if len(fragment.citaat) <= 160 else f"{fragment.citaat[:157]}…"
    return f"“{citaat}” ({codes})" if codes else f"“{citaat}”"


def collectie_label(titel, voor, gepubliceerd):
    """A collection as a choice: "Titel (voor iedereen, concept)"; `voor` is
    its audience as Publiek.in_zin names it."""
    status = "" if gepubliceerd else ", concept"
    return f"{titel} (voor {voor}{status})"


def collectie_opties(veld):
    """Give `veld` (a CollectieKeuzeVeld) its options from rows of its own
    queryset, without a model object per collection (a researcher may choose
    from every one: 200 in the bench at 100k)."""
    rijen = veld.queryset.values_list("pk", "titel", "publiek", "gepubliceerd")

    def opties():
        # Each audience translated once, not once per collection.
        voor = {publiek: str(Publiek.in_zin(publiek)) for publiek in Publiek.values}
        for pk, titel, publiek, gepubliceerd in rijen.all():
            yield pk, collectie_label(titel, voor[publiek], gepubliceerd)

    opties_uit_rijen(veld, opties)


class CollectieKeuzeVeld(forms.ModelChoiceField):
    # No template include per option (toolkit/widgets.py).
    widget = SnelleSelect

    def label_from_instance(self, collectie):
        return collectie_label(
            collectie.titel, Publiek.in_zin(collectie.publiek), collectie.gepubliceerd
        )


class VoegToeForm(forms.Form):
    """Add one story to one of the collections a researcher curates."""

    collectie = CollectieKeuzeVeld(
        label=_("Aan welke collectie?"),
        queryset=Collectie.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Kies een collectie.")},
        help_text=_(
            "Een verhaal kan alleen in een collectie waarvan het publiek past bij de "
            "toestemming van de verteller."
        ),
    )
    verhaal = forms.ModelChoiceField(queryset=Verhaal.objects.none(), widget=forms.HiddenInput)
    fragmenten = forms.ModelMultipleChoiceField(
        label=_("Welke fragmenten laat je zien?"),
        queryset=Fragment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets gekozen: de lezer ziet het hele verhaal."),
    )
    notitie = forms.CharField(
        label=_("Notitie van de samensteller"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=CollectieItem._meta.get_field("notitie").help_text,
    )

    def __init__(self, *args, user, verhaal=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collectie"].queryset = Collectie.objects.leesbaar_voor(user).order_by("titel")
        self.fields["verhaal"].queryset = Verhaal.objects.zichtbaar_voor(user)
        if verhaal is not None:
            self.fields["fragmenten"].queryset = (
                Fragment.objects.zichtbaar_voor(user)
                .filter(verhaal=verhaal)
                .prefetch_related(Prefetch("codes", to_attr="codes_lijst"))
                .order_by("start", "eind")
            )
            self.fields["fragmenten"].label_from_instance = fragment_label


class ZoekVerhaalForm(forms.Form):
    zoek = forms.CharField(
        label=_("Zoek een verhaal op titel"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class ReflectieForm(PersoonsgegevensMixin, forms.ModelForm):
    """A reflection on the collection, or (new ones) on one paragraph of a
    story in it, picked from a list: no JavaScript needed."""

    privacy_velden = ("tekst",)

    class Meta:
        model = Reflectie
        fields = ["tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 6})}
        error_messages = {"tekst": {"required": _("Schrijf eerst je reflectie.")}}

    def __init__(self, *args, leesitems=None, **kwargs):
        super().__init__(*args, **kwargs)
        if leesitems is None:
            return
        keuzes = [("", _("De collectie als geheel"))]
        for leesitem in leesitems:
            opties = [
                (
                    alinea.sleutel,
                    _("Alinea %(nummer)s: “%(begin)s”")
                    % {"nummer": nummer, "begin": _begin(leesitem.item.verhaal.tekst, alinea)},
                )
                for nummer, alinea in enumerate(leesitem.alineas, start=1)
            ]
            keuzes.append((f"{leesitem.nummer}. {leesitem.item.verhaal.titel}", opties))
        self.fields["passage"] = forms.ChoiceField(
            label=_("Over welk stuk gaat het?"),
            choices=keuzes,
            required=False,
            help_text=_("Kies een alinea van een verhaal, of de collectie als geheel."),
            # One option per paragraph: 1 300 for the bench's 100-story collection.
            widget=SnelleSelect,
        )
        self.order_fields(["passage", "tekst", "toch_opslaan"])

    def clean_passage(self):
        waarde = self.cleaned_data.get("passage") or ""
        return tuple(int(deel) for deel in waarde.split("-")) if waarde else None


def _begin(tekst, alinea, lengte=70):
    stuk = tekst[alinea.start : alinea.eind]
    return stuk if len(stuk) <= lengte else f"{stuk[:lengte].rstrip()}…"
