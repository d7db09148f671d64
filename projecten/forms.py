"""Forms used by the admin of projecten.

Themes come from the one vocabulary (carelab.Thema): coordinators choose from
it and cannot create new themes by typing, as taggit's text field would allow.
"""

from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.utils.translation import gettext_lazy as _

from kennisagenda.models import Thema

from .models import Project, Werkteam


class ThemaKeuzeField(forms.ModelMultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Thema.objects.select_related("parent"),
            required=False,
            label=_("Thema's"),
            widget=FilteredSelectMultiple(_("thema's"), is_stacked=False),
            help_text=_("Kies de thema's van de kennisagenda waar dit over gaat."),
            **kwargs,
        )

    def label_from_instance(self, obj):
        return obj.volledige_naam


class ProjectAdminForm(forms.ModelForm):
    themas = ThemaKeuzeField()

    class Meta:
        model = Project
        fields = [
            "titel",
            "slug",
            "samenvatting",
            "gepubliceerd",
            "achtergrond",
            "doelstelling",
            "opzet",
            "resultaten",
            "startjaar",
            "startmaand",
            "eindjaar",
            "eindmaand",
            "financier",
            "dossiernummer",
            "subsidiebedrag",
            "wijken",
            "themas",
        ]


class WerkteamAdminForm(forms.ModelForm):
    themas = ThemaKeuzeField()

    class Meta:
        model = Werkteam
        fields = [
            "naam",
            "slug",
            "leervraag",
            "project",
            "gepubliceerd",
            "beschrijving",
            "resultaten",
            "themas",
            "wijken",
            "startjaar",
            "startmaand",
            "eindjaar",
            "eindmaand",
        ]
