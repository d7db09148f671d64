"""What the lab keeps about a story's teller, apart from the story itself.

Contact details (Contactgegevens) are how the lab reaches the teller: to send
the consent receipt, or to answer a story sent in. They are never shown with
the story, never exported with it and have no history (a history row would be
a second copy of someone's address). Only researchers see them
(vertellers.view_contactgegevens), and they are deleted when the story is
erased on request (AVG, see `services.wis_contactgegevens`).
"""

from django.conf import settings
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


class Toestemmingsbewijs(models.Model):
    """The consent receipt's secret: the personal code that opens the teller's page.

    Only a SHA-256 hash of the code is stored (vertellers/codes.py), so a copy
    of the database opens no teller's page; the code itself is shown once, on
    the receipt the researcher prints, downloads or mails. A new receipt
    replaces the hash: the old code stops working.
    """

    verhaal = models.OneToOneField(
        "verhalen.Verhaal",
        verbose_name=_("verhaal"),
        on_delete=models.CASCADE,
        related_name="toestemmingsbewijs",
    )
    code_hash = models.CharField(_("vingerafdruk van de code"), max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("toestemmingsbewijs")
        verbose_name_plural = _("toestemmingsbewijzen")

    def __str__(self):
        return f"Toestemmingsbewijs bij verhaal {self.verhaal_id}"


class Gebruik(models.Model):
    """One use of the teller's page or the receipt: which story, what, when.

    Never an IP address, a code or the text the teller typed: only what kind
    of thing happened and, for a consent change, the levels before and after.
    """

    class Handeling(models.TextChoices):
        BEWIJS_GEMAAKT = "bewijs_gemaakt", _("Toestemmingsbewijs gemaakt")
        BEWIJS_GEMAILD = "bewijs_gemaild", _("Toestemmingsbewijs gemaild")
        CODE_ONBEKEND = "code_onbekend", _("Onbekende code ingevuld")
        GEREMD = "geremd", _("Te vaak een onbekende code: even geweigerd")
        GEOPEND = "geopend", _("Pagina geopend met de code")
        BETEKENIS = "betekenis", _("Betekenis of oordeel over thema's bewaard")
        TOESTEMMING = "toestemming", _("Toestemming verlaagd of ingetrokken")
        GEWIST = "gewist", _("Verhaal gewist op verzoek van de verteller")

    verhaal = models.ForeignKey(
        "verhalen.Verhaal",
        verbose_name=_("verhaal"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    handeling = models.CharField(_("wat"), max_length=20, choices=Handeling.choices)
    detail = models.CharField(_("bijzonderheid"), max_length=100, blank=True)
    op = models.DateTimeField(_("wanneer"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("gebruik van de vertellerspagina")
        verbose_name_plural = _("gebruik van de vertellerspagina")
        ordering = ["-op", "-pk"]
        indexes = [models.Index(fields=["verhaal", "-op"])]

    def __str__(self):
        return f"{self.get_handeling_display()} ({self.op:%d-%m-%Y %H:%M})"
