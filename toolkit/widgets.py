"""Form widgets that render fast.

Django renders every <option> of a <select> through its own template
include (about 0.1 ms each): the story list's filter form, with its themes,
wijken, projects and werkteams, spent more time on that than on all its
queries. `SnelleSelect` writes the same HTML in Python.
"""

from html import escape

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class DatumInvoer(forms.DateInput):
    """A browser date picker; its value is always yyyy-mm-dd, whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _attrs(attrs):
    """As django/forms/widgets/attrs.html: False leaves an attribute out, True
    writes just its name."""
    delen = []
    for naam, waarde in attrs.items():
        if waarde is False:
            continue
        if waarde is True:
            delen.append(format_html(" {}", naam))
        else:
            delen.append(format_html(' {}="{}"', naam, waarde))
    return mark_safe("".join(delen))  # noqa: S308 — every part built by format_html


def _escape(tekst):
    """As Django's conditional_escape, without its lazy-string wrapper per call."""
    if hasattr(tekst, "__html__"):
        return tekst.__html__()
    return escape(str(tekst))


class SnelleSelect(forms.Select):
    """A Select that renders its options without a template per option.

    The options are written straight from `choices`, each label made a
    string once and escaped as Django escapes it (html.escape): the story
    list's filter form has about 700 options, and Django's option dicts and
    format_html per option cost more than all of the page's queries."""

    def render(self, name, value, attrs=None, renderer=None):
        gekozen = set(self.format_value(value))
        delen = [
            format_html('<select name="{}"{}>', name, _attrs(self.build_attrs(self.attrs, attrs)))
        ]
        for optie_waarde, optie_label in self.choices:
            if not isinstance(optie_label, (list, tuple)):
                gekozen = self._opties(delen, [(optie_waarde, optie_label)], gekozen)
                continue
            if optie_waarde:
                delen.append(f'\n  <optgroup label="{_escape(optie_waarde)}">')
            gekozen = self._opties(delen, optie_label, gekozen)
            if optie_waarde:
                delen.append("\n  </optgroup>")
        delen.append("\n</select>")
        return mark_safe("".join(delen))  # noqa: S308 — every value and label escaped

    @staticmethod
    def _opties(delen, keuzes, gekozen):
        """Append the <option>s of `keuzes`; as Django's Select, only the first
        option with a chosen value is selected. Returns the values still to select."""
        for waarde, label in keuzes:
            waarde = "" if waarde is None else str(waarde)
            selected = ""
            if waarde in gekozen:
                selected = " selected"
                gekozen = set()
            delen.append(
                f'\n  <option value="{escape(waarde)}"{selected}>{_escape(label)}</option>'
            )
        return gekozen


class Opties(BaseChoiceIterator):
    """Options of a <select>: the fixed ones (`voor`), then `rijen()`, read
    each time they are iterated; a look at the first option (Django's
    Select.use_required_attribute) reads no rows."""

    def __init__(self, voor, rijen):
        self.voor = voor
        self.rijen = rijen

    def __iter__(self):
        yield from self.voor
        yield from self.rijen()


def opties_uit_rijen(veld, rijen):
    """Give the <select> of model choice field `veld` its options from
    `rijen()`: (value, label) pairs, read when the form is rendered.

    One query without a model object per row: the story list's filter form,
    with hundreds of themes, projects and werkteams, spent more time making
    model objects for its options than on the rest of the page's queries.
    The field still validates a chosen value against its own queryset.
    """
    voor = []
    if veld.empty_label is not None:
        voor.append(("", veld.empty_label))
    if getattr(veld, "null_label", None) is not None:  # django-filter's null option
        voor.append((veld.null_value, veld.null_label))
    veld.widget.choices = Opties(voor, rijen)
