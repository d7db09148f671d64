"""The options of filter forms, kept in the shared cache until their app changes.

The story and fragment filters offer every theme, wijk, project and werkteam:
hundreds of rows read and turned into <option>s on every list page made
fresh. They change rarely, so the (value, label) pairs are kept (carelab/
cache.py) until a model of the app they come from changes. The field still
validates a chosen value against its queryset.
"""

from . import cache


def onthoud_keuzes(naam, maak, *, apps):
    """`maak()` as a list, kept until a model of one of `apps` changes."""
    return cache.onthoud(
        f"keuzes:{naam}",
        lambda: list(maak()),
        afhankelijk_van=[cache.app_versie(app) for app in apps],
    )


def bewaarde_keuzes(veld, naam, *, apps):
    """Give the widget of model choice field `veld` its options from the cache:
    as the field would list them (its empty and null options first, the
    value of `to_field_name` or the pk, the label from `label_from_instance`)."""

    def maak():
        for obj in veld.queryset:
            waarde = getattr(obj, veld.to_field_name) if veld.to_field_name else obj.pk
            yield str(waarde), str(veld.label_from_instance(obj))

    voor = []
    if veld.empty_label is not None:
        voor.append(("", veld.empty_label))
    if getattr(veld, "null_label", None) is not None:  # django-filter's null option
        voor.append((veld.null_value, veld.null_label))
    veld.widget.choices = [*voor, *onthoud_keuzes(naam, maak, apps=apps)]
