"""Demo accounts: in demo mode only, one account per role."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from kennisagenda import roles

from .tweestaps.services import heeft_tweestaps, maak_reservecodes, tweestaps_verplicht

DEMO_ACCOUNTS = [
    # (username, password, first name, role or None for the superuser)
    ("onderzoeker", "demo-onderzoeker-010", "Olga (onderzoeker)", roles.ONDERZOEKER),
    ("raadslid", "demo-raadslid-010", "Rachid (Brede Raad)", roles.BREDE_RAAD),
    ("coordinator", "demo-coordinator-010", "Carla (coördinator)", roles.COORDINATOR),
    ("verzamelaar", "demo-verzamelaar-010", "Vera (verzamelaar)", roles.VERZAMELAAR),
    ("beheerder", "demo-beheerder-010", "Bram (beheerder)", None),
]


def load(stdout):
    if settings.DEMO_MODE:
        create_demo_accounts(stdout)
    else:
        stdout.write("Geen demo-accounts aangemaakt: dat gebeurt alleen met DJANGO_DEBUG=1.")


def create_demo_accounts(stdout):
    User = get_user_model()
    stdout.write("Demo-accounts (alleen voor deze demo-omgeving):")
    for username, password, first_name, role in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name = first_name
        user.email = f"{username}@carelab.example"
        user.is_staff = role in (roles.COORDINATOR, None)
        user.is_superuser = role is None
        user.set_password(password)
        user.save()
        if role:
            user.groups.set([Group.objects.get(name=role)])
        stdout.write(f"  {username:<12} wachtwoord: {password}")
        if tweestaps_verplicht(user):
            codes = demo_tweede_stap(user)
            stdout.write(f"  {'':<12} tweede stap, reservecodes (elk één keer): {' '.join(codes)}")
    stdout.write(
        "  De tweede stap: een reservecode hierboven, of de code van nu met\n"
        "  DJANGO_DEBUG=1 .venv/bin/python manage.py democode onderzoeker  (of beheerder)."
    )


def demo_tweede_stap(user):
    """A confirmed authenticator app for a demo account, and fresh backup codes.

    The app's key stays the same between runs (someone may have added it to
    their phone); `manage.py democode` prints its current code in demo mode.
    """
    if not heeft_tweestaps(user):
        TOTPDevice.objects.create(user=user, name="Demo-app", confirmed=True)
    return maak_reservecodes(user=user)
