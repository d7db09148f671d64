"""Which uploaded publication files a visitor may download (see toolkit/uploads.py)."""

from .models import Publicatie


def mag_downloaden(user, naam):
    """A published publication's file for everyone; any file for who may view the records."""
    publicaties = (
        Publicatie.objects.all()
        if user.has_perm("projecten.view_publicatie")
        else Publicatie.objects.gepubliceerd()
    )
    return publicaties.filter(bestand=naam).exists()
