"""Form widgets that render fast.

Django renders every <option> of a <select> through its own template
include (about 0.1 ms each): the story list's filter form, with its themes,
wijken, projects and werkteams, spent more time on that than on all its
queries. `SnelleSelect` writes the same HTML in Python.
"""

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


class SnelleSelect(forms.Select):
    """A Select that renders its options without a template per option."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        delen = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for groep, keuzes, _index in widget["optgroups"]:
            if groep:
                delen.append(format_html('\n  <optgroup label="{}">', groep))
            for optie in keuzes:
                delen.append(
                    format_html(
                        '\n  <option value="{}"{}>{}</option>',
                        optie["value"],
                        _attrs(optie["attrs"]),
                        optie["label"],
                    )
                )
            if groep:
                delen.append("\n  </optgroup>")
        delen.append("\n</select>")
        return mark_safe("".join(delen))  # noqa: S308 — every part built by format_html


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
