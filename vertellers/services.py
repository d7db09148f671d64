"""Writes about a story's teller: contact details.

Keyword-only, one transaction each; side effects named in the docstrings.
"""

from typing import Any

from django.db import transaction

from verhalen.models import Verhaal
from vertellers.models import Contactgegevens

CONTACTVELDEN = ("naam", "email", "telefoon", "adres")


@transaction.atomic
def bewaar_contactgegevens(*, verhaal: Verhaal, gegevens: dict[str, Any]) -> Contactgegevens | None:
    """Store the teller's contact details for `verhaal` (fields of CONTACTVELDEN).

    Empty details are not kept: when every field is empty, an existing record
    is deleted and None returned. No history is written (on purpose: no copies).
    """
    contact = Contactgegevens.objects.filter(verhaal=verhaal).first() or Contactgegevens(
        verhaal=verhaal
    )
    for veld in CONTACTVELDEN:
        if veld in gegevens:
            setattr(contact, veld, (gegevens[veld] or "").strip())
    if contact.is_leeg:
        if contact.pk:
            contact.delete()
        return None
    contact.full_clean()
    contact.save()
    return contact


def wis_contactgegevens(sender, *, verhaal: Verhaal, **kwargs) -> None:
    """Receiver of verhalen.signals.verhaal_gewist: the teller's contact details go
    with the story's content (inside the erasure's transaction)."""
    Contactgegevens.objects.filter(verhaal=verhaal).delete()
