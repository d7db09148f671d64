"""Logging in from tests, second step included.

Researchers and superusers must pass two-factor authentication (django-otp,
see accounts/tweestaps/); a bare `client.force_login(user)` leaves them at the
second step and every page redirects there. Use instead:

    from tests.helpers import log_in
    log_in(client, user)                  # logged in and verified when needed
    log_in(client, user, verified=False)  # logged in, second step still to do

Outside tests (benchmark, load test) a session is verified the same way:
session[django_otp.DEVICE_ID_SESSION_KEY] = device.persistent_id of a
confirmed device of that user.
"""

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.sessieduur import INGELOGD_OP, LAATST_ACTIEF
from accounts.tweestaps.services import tweestaps_nodig


def app_device(user):
    """The user's confirmed authenticator app, created when they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test-app", confirmed=True)
    return device


def totp_code(device, *, offset=0):
    """The code the user's app shows now (offset: steps later or earlier)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step
    return f"{totp.token():0{device.digits}d}"


def unused_totp_code(device):
    """A code the app shows now, or the next one when the current code was
    just used (an app code works once; the device accepts one step ahead)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return totp_code(device, offset=max(0, device.last_t + 1 - totp.t()))


def verify_session(client, user):
    """Mark the client's session as having passed the second step."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = app_device(user).persistent_id
    session.save()


def log_in(client, user, *, verified=True):
    """force_login plus, for users who need it, a verified second step."""
    client.force_login(user)
    if verified and tweestaps_nodig(user):
        verify_session(client, user)
    elif DEVICE_ID_SESSION_KEY in client.session:
        # logging the same user in again keeps Django's session: drop the step
        session = client.session
        del session[DEVICE_ID_SESSION_KEY]
        session.save()
    return client


def pass_second_step(page, user):
    """In a browser on the second step: type the code `user`'s app shows now.

    The user needs their app (app_device(user)) before the password login,
    or the login leads to the set-up page instead.
    """
    page.get_by_label("Code uit je app").fill(unused_totp_code(app_device(user)))
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_load_state()


def move_clock(client, *, actief_geleden, ingelogd_geleden=None):
    """Pretend the client's last request was `actief_geleden` seconds ago (and
    the login `ingelogd_geleden`, by default as long): accounts/sessieduur.py.
    Returns the moment of that last request."""
    session = client.session
    nu = int(time.time())
    session[LAATST_ACTIEF] = nu - actief_geleden
    session[INGELOGD_OP] = nu - (ingelogd_geleden or actief_geleden)
    session.save()
    return nu - actief_geleden
