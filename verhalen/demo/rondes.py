"""Demo content: a closed coding round on the example stories, with its agreement.

Demo mode only (it needs the demo researcher). Three coders: the demo
researcher Olga and two invented colleagues whose accounts cannot log in
(no usable password). Each codes the sentences a simple keyword rule points
at, and departs from it now and then (seeded, so every run gives the same
round); one coder leaves the last story unfinished (missing data) and nobody
uses the code "governance" (alpha undefined). Idempotent: an existing round
with the demo title is left alone.
"""

import random
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from kennisagenda import roles
from kennisagenda.models import Thema
from verhalen.models import Coderingsronde, Toestemming, Verhaal
from verhalen.services import rondes as services
from verhalen.tekst.overeenstemming import zinnen

TITEL = "Demo: proefronde wachten, vertrouwen en regels"
CODES = {
    "vertrouwen": r"vertrouw|wantrouw|luister|doorvroeg|schaam|kende",
    "complexiteit-en-regeldruk": r"loket|formulier|brief|regel|doorgeven|papier",
    "bestaanszekerheid": r"huur|schuld|inkomen|toeslag|rondkomen|geld|voedselbank|uren",
    "governance": None,  # nobody uses it: its alpha cannot be computed
}
COLLEGA_CODEURS = [("demo-codeur-fatima", "Fatima (codeur)"), ("demo-codeur-jan", "Jan (codeur)")]
AANTAL_VERHALEN = 8
AFWIJKING = 0.06  # how often a coder departs from the keyword rule


def _collega(username, naam):
    user, nieuw = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": naam}
    )
    if nieuw:
        user.set_unusable_password()
        user.save()
    user.groups.add(Group.objects.get(name=roles.ONDERZOEKER))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


def load(stdout):
    if not settings.DEMO_MODE or Coderingsronde.objects.filter(titel=TITEL).exists():
        return
    olga = get_user_model().objects.filter(username="onderzoeker").first()
    if olga is None:
        return
    codeurs = [olga] + [_collega(u, n) for u, n in COLLEGA_CODEURS]
    verhalen = list(
        Verhaal.objects.exclude(toestemming=Toestemming.INGETROKKEN)
        .filter(tekst__startswith="(Verzonnen voorbeeld")
        .order_by("pk")[:AANTAL_VERHALEN]
    )
    codes = {thema.slug: thema for thema in Thema.objects.filter(slug__in=CODES)}
    ronde = services.maak_ronde(
        titel=TITEL,
        toelichting="Een verzonnen voorbeeld van een coderingsronde: drie codeurs, acht "
        "voorbeeldverhalen. Codeer elke zin waarin de code speelt.",
        verhalen=verhalen,
        codes=codes.values(),
        codeurs=codeurs,
        door=olga,
    )
    kans = random.Random(15)
    for verhaal in verhalen:
        for eenheid in zinnen(verhaal.tekst):
            zin = verhaal.tekst[eenheid.start : eenheid.eind].lower()
            for slug, patroon in CODES.items():
                regel = bool(patroon and re.search(patroon, zin))
                for codeur in codeurs:
                    if regel != (patroon is not None and kans.random() < AFWIJKING):
                        services.codeer(
                            ronde=ronde,
                            verhaal=verhaal,
                            start=eenheid.start,
                            eind=eenheid.eind,
                            codes=[codes[slug]],
                            codeur=codeur,
                        )
    for codeur in codeurs:
        klaar = verhalen[:-1] if codeur.username == "demo-codeur-jan" else verhalen
        for verhaal in klaar:
            services.zet_klaar(ronde=ronde, verhaal=verhaal, codeur=codeur)
    services.sluit_ronde(ronde=ronde, door=olga)
    stdout.write(f"Demo-coderingsronde gesloten: {TITEL}")
