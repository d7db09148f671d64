"""Demo content of the shared vocabulary: the lines of the kennisagenda (the
themes come from a data migration), and helpers the apps' demos share."""

from .data import KENNISLIJNEN
from .models import Kennislijn, Thema


def themas_met_slug(slugs):
    """The themes with these slugs; a ValueError names any slug that does not exist."""
    gevonden = list(Thema.objects.filter(slug__in=slugs))
    ontbrekend = set(slugs) - {thema.slug for thema in gevonden}
    if ontbrekend:
        raise ValueError(f"Onbekende thema's in de demo-data: {sorted(ontbrekend)}")
    return gevonden


def opslaan(model, *, lookup, values):
    """update_or_create, validated with full_clean like every other write."""
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    for field, value in values.items():
        setattr(obj, field, value)
    obj.full_clean()
    obj.save()
    return obj


def load(stdout):
    for nummer, titel, toelichting in KENNISLIJNEN:
        Kennislijn.objects.update_or_create(
            nummer=nummer, defaults={"titel": titel, "toelichting": toelichting}
        )
