"""The rules of two-factor authentication, in one place.

A user *must* use a second step when they are a superuser or a researcher;
a user *is asked* for one when they must, or when they set it up themselves.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kennisagenda import roles

logger = logging.getLogger(__name__)

AANTAL_RESERVECODES = 10
APP_NAAM = "Authenticator-app"
RESERVE_NAAM = "Reservecodes"


def tweestaps_verplicht(user):
    """Superusers and researchers may not work without a second step."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or roles.has_role(user, roles.ONDERZOEKER)


def tweestaps_nodig(user):
    """Whether this user must pass the second step before anything else:
    they must use it, or they switched it on themselves."""
    return tweestaps_verplicht(user) or (user.is_authenticated and heeft_tweestaps(user))


def bevestigde_apps(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True)


def app_van(user):
    """The user's confirmed authenticator app, or None."""
    return bevestigde_apps(user).first()


def heeft_tweestaps(user):
    return bevestigde_apps(user).exists()


def aantal_reservecodes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def nieuwe_app(*, user) -> TOTPDevice:
    """The unconfirmed app the set-up page shows, made once per user.

    Side effects: creates a TOTPDevice (unconfirmed) on the first call;
    later calls return the same one, so reloading the page keeps the QR code.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice(user=user, name=APP_NAAM, confirmed=False)
        device.full_clean()
        device.save()
    return device


@transaction.atomic
def maak_reservecodes(*, user) -> list[str]:
    """Replace the user's backup codes by ten new ones and return them.

    Side effects: deletes the old codes (they stop working) and creates a
    confirmed StaticDevice for the user if they had none.
    """
    device = StaticDevice.objects.filter(user=user).order_by("pk").first()
    if device is None:
        device = StaticDevice(user=user, name=RESERVE_NAAM, confirmed=True)
        device.full_clean()
        device.save()
    elif not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(AANTAL_RESERVECODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@dataclass(frozen=True)
class Controle:
    """The outcome of checking a code: the device that matched, or why not."""

    device: object = None
    geblokkeerd_tot: datetime | None = None

    @property
    def gelukt(self):
        return self.device is not None


def normaliseer(code):
    """Spaces and dashes people type or copy along do not count; case neither."""
    return "".join(code.split()).replace("-", "").lower()


@transaction.atomic
def controleer_code(*, user, code) -> Controle:
    """Check a six-digit app code or a backup code against the user's devices.

    Six digits go to the app only, anything else to the backup codes only,
    so a typo in one kind does not slow down the other. Every wrong code
    doubles the wait before the next try on that device (django-otp's
    throttling: 1, 2, 4, 8… seconds).

    Side effects: a correct backup code is deleted (it works once), a used
    app code cannot be used again; the device's throttling counters and
    last-used time are saved.
    """
    code = normaliseer(code)
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    # Locked rows: two requests with the same code cannot both succeed.
    devices = model.objects.filter(user=user, confirmed=True).select_for_update()
    geblokkeerd_tot = None
    for device in devices:
        toegestaan, details = device.verify_is_allowed()
        if not toegestaan:
            geblokkeerd_tot = (details or {}).get("locked_until")
            continue
        if device.verify_token(code):
            return Controle(device=device)
    logger.warning(
        "Tweede stap: verkeerde %s voor %s%s",
        "app-code" if model is TOTPDevice else "reservecode",
        user.get_username(),
        " (geblokkeerd)" if geblokkeerd_tot else "",
    )
    return Controle(geblokkeerd_tot=geblokkeerd_tot)


def bevestig_app(*, device, code) -> Controle:
    """Confirm a new app with its first code.

    Side effects: the device becomes confirmed; any older apps of the user
    are deleted (one phone at a time).
    """
    toegestaan, details = device.verify_is_allowed()
    if not toegestaan:
        return Controle(geblokkeerd_tot=(details or {}).get("locked_until"))
    if not device.verify_token(normaliseer(code)):
        return Controle()
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return Controle(device=device)


@transaction.atomic
def zet_tweestaps_uit(*, user):
    """Remove every device of the user (a superuser's reset after a lost phone,
    or a user without the duty switching it off).

    Side effects: deletes the user's apps and backup codes; a user who must
    use a second step is sent to the set-up page at the next request.
    """
    aantal = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        aantal += 1
    return aantal
