"""Which uploaded café attachments a visitor may download (see toolkit/uploads.py)."""

from .models import Bijlage, Kenniscafe


def mag_downloaden(user, naam):
    """The attachments of the cafés the visitor may see (coordinators: drafts too)."""
    return Bijlage.objects.filter(
        bestand=naam, kenniscafe__in=Kenniscafe.objects.gepubliceerd_of_voorbeeld(user)
    ).exists()
