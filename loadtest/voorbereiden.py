"""Accounts and a plan for the load test, in a database that has the demo content.

Run as `python -m loadtest.voorbereiden <plan.json>` with DJANGO_SETTINGS_MODULE=
loadtest.settings and DATABASE_URL set (loadtest/run.py does this). Creates
Brede Raad members (they log in through the real login form), researchers and
coordinators with a confirmed TOTP device and a session that passed the second
step (as after the real two-factor form; see /work/briefing/INTERFACES.md), a
café open for registration and a Brede Raad collection, and writes what the
clients need.
"""

import datetime
import json
import sys

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from kennisagenda import roles  # noqa: E402
from kennisagenda.models import Thema  # noqa: E402
from kenniscafes.models import Kenniscafe  # noqa: E402
from projecten.models import Project  # noqa: E402
from verhalen.models import Collectie, CollectieItem, Publiek, Toestemming, Verhaal  # noqa: E402

WACHTWOORD = "belasting-proef-wachtwoord-010"
AANTAL = 15


def account(naam, rol):
    user, _ = get_user_model().objects.get_or_create(username=naam)
    user.set_password(WACHTWOORD)
    user.is_staff = rol == roles.COORDINATOR  # coordinators work in the admin
    user.save()
    user.groups.add(Group.objects.get(name=rol))
    return user


def geverifieerde_sessie(user):
    """A session as after the login and the two-factor step: the cookie value."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="belastingproef", defaults={"confirmed": True}
    )
    client = Client()
    client.force_login(user)
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = device.persistent_id
    sessie.save()
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def main(plan_pad):
    roles.sync_role_permissions()
    onderzoekers = [account(f"belast-onderzoeker-{i}", roles.ONDERZOEKER) for i in range(AANTAL)]
    raadsleden = [account(f"belast-raadslid-{i}", roles.BREDE_RAAD) for i in range(AANTAL)]
    coordinatoren = [account(f"belast-coordinator-{i}", roles.COORDINATOR) for i in range(3)]

    start = timezone.now() + datetime.timedelta(days=30)
    cafe, _ = Kenniscafe.objects.update_or_create(
        slug="belastingproef-kenniscafe",
        defaults={
            "titel": "Kenniscafé voor de belastingproef",
            "start": start,
            "eind": start + datetime.timedelta(hours=2),
            "online_link": "https://example.org/kenniscafe",
            "capaciteit": 100_000,
            "aanmelden_open": True,
            "gepubliceerd": True,
        },
    )
    verhalen = list(
        Verhaal.objects.exclude(toestemming=Toestemming.INGETROKKEN)
        .exclude(tekst="")
        .order_by("pk")
        .values("pk", "tekst", "toestemming")
    )
    collectie, _ = Collectie.objects.update_or_create(
        slug="belastingproef-collectie",
        defaults={
            "titel": "Collectie voor de belastingproef",
            "inleiding": "Verhalen om te lezen en op te reageren.",
            "publiek": Publiek.BREDE_RAAD,
            "gepubliceerd": True,
            "gepubliceerd_op": timezone.now(),
            "curator": onderzoekers[0],
        },
    )
    leesbaar = [v for v in verhalen if v["toestemming"] in (Toestemming.BREDE_RAAD, "openbaar")]
    for volgorde, verhaal in enumerate(leesbaar[:6], start=1):
        CollectieItem.objects.get_or_create(
            collectie=collectie, verhaal_id=verhaal["pk"], defaults={"volgorde": volgorde}
        )
    plan = {
        "wachtwoord": WACHTWOORD,
        "raadsleden": [user.username for user in raadsleden],
        "sessies": [geverifieerde_sessie(user) for user in onderzoekers],
        "coordinator_sessies": [geverifieerde_sessie(user) for user in coordinatoren],
        "sessie_cookie": settings.SESSION_COOKIE_NAME,
        "verhalen": [{"pk": v["pk"], "lengte": len(v["tekst"])} for v in verhalen],
        "codes": list(Thema.objects.order_by("pk").values_list("pk", flat=True)[:40]),
        "kenniscafes": list(
            Kenniscafe.objects.filter(gepubliceerd=True).values_list("slug", flat=True)
        ),
        "aanmelden_bij": cafe.slug,
        "aanmelden_titel": cafe.titel,
        "collecties": sorted(
            Collectie.objects.filter(gepubliceerd=True).values_list("slug", flat=True)
        ),
        "reflecteren_op": collectie.slug,
        "projecten": list(Project.objects.filter(gepubliceerd=True).values_list("slug", flat=True)),
    }
    with open(plan_pad, "w", encoding="utf-8") as bestand:
        json.dump(plan, bestand, indent=2)
    print(
        f"Plan: {len(plan['verhalen'])} verhalen, {len(onderzoekers)} onderzoekers, "
        f"{len(raadsleden)} raadsleden, {len(plan['kenniscafes'])} kenniscafés."
    )


if __name__ == "__main__":
    main(sys.argv[1])
