"""What the lab keeps about a story's teller, apart from the story itself.

Contact details (Contactgegevens) are how the lab reaches the teller: to send
the consent receipt, or to answer a story sent in. They are never shown with
the story, never exported with it and have no history (a history row would be
a second copy of someone's address). Only researchers see them
(vertellers.view_contactgegevens), and they are deleted when the story is
erased on request (AVG, see `services.wis_contactgegevens`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Contactgegevens(models.Model):
    verhaal = models.OneToOneField(
        "verhalen.Verhaal",
        verbose_name=_("verhaal"),
        on_delete=models.CASCADE,
        related_name="contactgegevens",
    )
    naam = models.CharField(
        _("naam"),
        max_length=200,
        blank=True,
        help_text=_("Hoe de verteller aangesproken wil worden. Staat nooit bij het verhaal."),
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    adres = models.TextField(
        _("adres"), blank=True, help_text=_("Alleen nodig om iets op papier te sturen.")
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("contactgegevens")
        verbose_name_plural = _("contactgegevens")

    def __str__(self):
        # Never the name or address: this string can end up in logs and the admin's history.
        return f"Contactgegevens bij verhaal {self.verhaal_id}"

    @property
    def is_leeg(self):
        return not (self.naam or self.email or self.telefoon or self.adres)
