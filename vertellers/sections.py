"""What vertellers adds to shared pages (kennisagenda/sections.py)."""

from vertellers.models import Toestemmingsbewijs

PERMISSIES = ("verhalen.change_verhaal", "vertellers.view_contactgegevens")


def op_verhaalpagina(request, verhaal):
    """The story page: a link to the receipt and contact details, for researchers."""
    if verhaal.is_gewist or not request.user.has_perms(PERMISSIES):
        return None
    return {
        "verhaal": verhaal,
        "bewijs": Toestemmingsbewijs.objects.filter(verhaal=verhaal).first(),
    }
