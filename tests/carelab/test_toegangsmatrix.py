"""The permission matrix: every URL of the URL configuration, for every role.

Each row of TABEL (site pages) and of ADMIN_MODELLEN (the Django admin)
declares, per role, what a GET answers:

    200 / 400 / 403 / 404 / 405 / 410    that status
    LOGIN                                 302 to the login page (or the 2FA step), nothing else
    Naar("/pad/")                         302 to that page (a redirect that is the page's job)

and, for every view that takes a POST (forms, buttons, admin actions), what a
POST answers for the roles that may NOT use it — with nothing changed in the
database. `test_elke_url_heeft_een_besluit` fails when a URL of the resolver
has no row: a new view without a decision on who may open it fails the suite.

The world (users, stories of each consent level, collections, cafés, one
object of every admin model) is built once for the module, in a transaction
rolled back at its end; each case runs in its own savepoint.

Count of URL × role checks: `pytest tests/carelab/test_toegangsmatrix.py --collect-only -q`.
"""

import copy
import dataclasses
import operator
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from taggit.models import Tag

from tests.carelab.toegang_wereld import ROLLEN, bouw_wereld
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

LOGIN = "login"


@dataclasses.dataclass(frozen=True)
class Naar:
    """A 302 to this path (compared without the query string)."""

    pad: str


TWEESTAPS = Naar("/accounts/tweestaps/controleren/")


@dataclasses.dataclass(frozen=True)
class Toegang:
    """What each role gets; one field per column of the matrix.

    The last column, a researcher logged in who has not yet passed the
    second step (two-factor authentication), is sent to that step on every
    page except the few that lead to it, out, or are public files.
    """

    anoniem: Any
    zonder_rol: Any
    onderzoeker: Any
    brede_raad: Any
    coordinator: Any
    beheerder: Any
    zonder_tweede_stap: Any = TWEESTAPS

    def voor(self, rol):
        return getattr(self, rol)


NIET_AANGEBODEN = "niet aangeboden"  # admin action: the changelist (200 or 302 back to it)
MAG = "mag"  # in a POST row: this role may use the form (not posted by the matrix)

IEDEREEN = Toegang(200, 200, 200, 200, 200, 200)
ONDERZOEKERS = Toegang(LOGIN, 403, 200, 403, 403, 200)
ONDERZOEKERS_POST = Toegang(LOGIN, 403, MAG, 403, 403, MAG)
ALLEEN_BEHEERDER = Toegang(LOGIN, 403, 403, 403, 403, 200)
COORDINATOREN = Toegang(LOGIN, 403, 403, 403, 200, 200)
ALLEEN_POST = Toegang(405, 405, 405, 405, 405, 405)
# The coding workspace's JSON endpoints: POST only, refusals as JSON (401/403).
JSON_POST = Toegang(401, 403, MAG, 403, 403, MAG)
# The pages an unverified user may still open (accounts/tweestaps/middleware.py).
VRIJ = Toegang(200, 200, 200, 200, 200, 200, 200)


@dataclasses.dataclass(frozen=True)
class Rij:
    """One URL (by name, or by route when it has none) in one situation.

    kwargs/args name attributes of the world ("verhaal_openbaar.pk") or are
    literals (int, or a str starting with "="). `pad` replaces reverse() for
    unnamed routes: a format string over the resolved kwargs.
    """

    sleutel: str
    get: Toegang | None  # None: POST only (an admin action on the changelist)
    variant: str = ""
    kwargs: dict = dataclasses.field(default_factory=dict)
    args: tuple = ()
    query: str = ""
    pad: str = ""
    post: Toegang | None = None
    data: dict | Callable | None = None

    @property
    def id(self):
        return f"{self.sleutel}[{self.variant}]" if self.variant else self.sleutel

    def url(self, wereld):
        waarden = {naam: _waarde(wereld, w) for naam, w in self.kwargs.items()}
        if self.pad:
            url = self.pad.format(**waarden)
        else:
            url = reverse(
                self.sleutel,
                kwargs=waarden or None,
                args=[_waarde(wereld, w) for w in self.args] or None,
            )
        return f"{url}?{self.query.format(w=wereld)}" if self.query else url


def _waarde(wereld, verwijzing):
    if callable(verwijzing):
        return verwijzing(wereld)
    if isinstance(verwijzing, str):
        if verwijzing.startswith("="):
            return verwijzing[1:]
        return operator.attrgetter(verwijzing)(wereld)
    return verwijzing


def r(sleutel, get, **opties):
    return Rij(sleutel, get, **opties)


# ----------------------------------------------------------------- the site
#                          anoniem  zonder_rol  onderzoeker  brede_raad  coordinator  beheerder

CAFE_CONCEPT = Toegang(404, 404, 404, 404, 200, 200)
COLLECTIE_BREDE_RAAD = Toegang(404, 404, 200, 200, 404, 200)
COLLECTIE_CONCEPT = Toegang(404, 404, 200, 404, 404, 200)
INGETROKKEN = Toegang(LOGIN, 403, 410, 403, 403, 410)
# The teller's pages without a code in the session.
NAAR_CODE = Naar("/mijn-verhaal/")
ZONDER_CODE = Toegang(NAAR_CODE, NAAR_CODE, NAAR_CODE, NAAR_CODE, NAAR_CODE, NAAR_CODE)
EIGEN_REFLECTIE = Toegang(LOGIN, 403, 403, 200, 403, 403)
EIGEN_REFLECTIE_POST = Toegang(LOGIN, 403, 403, MAG, 403, 403)
FRAGMENT_TERUGZETTEN = Toegang(LOGIN, 403, 405, 403, 403, 405)
# A coding round's coder pages: the researcher codes in it, the superuser does not.
RONDE_CODEUR = Toegang(LOGIN, 403, 200, 403, 403, 403)
RONDE_CODEUR_POST = Toegang(LOGIN, 403, MAG, 403, 403, 403)
RONDE_CODEUR_JSON = Toegang(401, 403, MAG, 403, 403, 403)

VERHAAL = {"pk": "verhaal_onderzoek.pk"}
FRAGMENT = {"verhaal_pk": "verhaal_onderzoek.pk", "pk": "fragment.pk"}
SUBCODE = {"slug": "subcode.slug"}
RONDE = {"pk": "ronde.pk"}
RONDE_GESLOTEN = {"pk": "ronde_gesloten.pk"}
RONDEVERHAAL = {"pk": "ronde.pk", "verhaal_pk": "verhaal_onderzoek.pk"}
RONDECODERING = {**RONDEVERHAAL, "codering_pk": "rondecodering.pk"}
BR = {"slug": "collectie_brede_raad.slug"}
ITEM = {"slug": "collectie_brede_raad.slug", "pk": "item.pk"}
REFLECTIE = {"slug": "collectie_brede_raad.slug", "pk": "reflectie.pk"}
CAFE = {"slug": "cafe.slug"}
INSTELLEN = Naar("/accounts/tweestaps/instellen/")
STATUS = Naar("/accounts/tweestaps/")
THUIS = Naar("/")
VOOR_JOU = Naar("/voor-jou/")  # LOGIN_REDIRECT_URL
ZET_WACHTWOORD = Naar("/accounts/herstel/{uidb64}/set-password/")
CAFE_CONCEPT_SLUG = {"slug": "cafe_concept.slug"}
NAAR_CONCEPT_CAFE = Naar("/kenniscafes/matrix-concept-cafe/")
VERHAAL_BR = {"pk": "verhaal_brede_raad.pk"}
VERHAAL_OPENBAAR = {"pk": "verhaal_openbaar.pk"}
VERHAAL_INGETROKKEN = {"pk": "verhaal_ingetrokken.pk"}
OPENBAAR = {"slug": "collectie_openbaar.slug"}
CONCEPT = {"slug": "collectie_concept.slug"}
OP = ONDERZOEKERS_POST
MEMO = {"pk": "memo.pk"}
MEMO_INGETROKKEN = {"pk": "memo_ingetrokken.pk"}
VERBORGEN_VERHAAL = Toegang(LOGIN, 403, 404, 403, 403, 404)
LEZERS_MET_REFLECTIES = Toegang(LOGIN, 403, 200, 200, 403, 200)
REFLECTERENDEN = Toegang(LOGIN, 403, 403, 200, 403, 200)
ADVIES = {"slug": "advies_aangeboden.slug"}
ADVIES_CONCEPT = {"slug": "advies_concept.slug"}
AANBEVELING = {"slug": "advies_concept.slug", "pk": "aanbeveling.pk"}
ADVIES_SCHRIJVERS = Toegang(LOGIN, 403, 200, 200, 403, 200)
ADVIES_SCHRIJVERS_POST = Toegang(LOGIN, 403, MAG, MAG, 403, MAG)
ADVIES_LEZERS = Toegang(LOGIN, 403, 200, 200, 200, 200)
ANTWOORDERS = Toegang(LOGIN, 403, 200, 403, 200, 200)
ANTWOORDERS_POST = Toegang(LOGIN, 403, MAG, 403, MAG, MAG)

TABEL = [
    r("home", IEDEREEN),
    r("healthz", VRIJ),
    r("favicon", Toegang(*[Naar("/static/img/favicon.ico")] * 6)),
    r("themas:list", IEDEREEN),
    r("themas:detail", IEDEREEN, kwargs={"slug": "thema.slug"}),
    r("themas:detail", IEDEREEN, variant="subcode", kwargs=SUBCODE),
    # Accounts
    r("login", VRIJ),
    r("logout", Toegang(*[405] * 7)),
    r("password_reset", VRIJ),
    r("password_reset_done", VRIJ),
    r(
        "password_reset_confirm",
        VRIJ,
        variant="ongeldig",
        kwargs={"uidb64": "herstel_uid", "token": "=ongeldig-token"},
    ),
    r(
        "password_reset_confirm",
        Toegang(*[ZET_WACHTWOORD] * 7),
        variant="geldig",
        kwargs={"uidb64": "herstel_uid", "token": "herstel_token"},
    ),
    r("password_reset_complete", VRIJ),
    # Uploaded files: only registered, visible ones (none here) — never a listing.
    r("bestand", Toegang(*[404] * 7), variant="onbekend", kwargs={"naam": "=publicaties/geen.pdf"}),
    r("bestand", Toegang(*[404] * 7), variant="buiten_bron", kwargs={"naam": "=../settings.py"}),
    # The second step of logging in (two-factor authentication)
    r("tweestaps:status", Toegang(LOGIN, 200, 200, 200, 200, 200)),
    # Who has no app yet is sent to set one up; who passed the step, onwards.
    r(
        "tweestaps:controleren",
        Toegang(LOGIN, INSTELLEN, VOOR_JOU, INSTELLEN, INSTELLEN, VOOR_JOU, 200),
    ),
    r("tweestaps:instellen", Toegang(LOGIN, 200, STATUS, 200, 200, STATUS)),
    r("tweestaps:reservecodes", Toegang(LOGIN, INSTELLEN, 200, INSTELLEN, INSTELLEN, 200)),
    r("tweestaps:reservecodes_download", Toegang(LOGIN, 404, 404, 404, 404, 404)),
    r(
        "tweestaps:uitzetten",
        Toegang(LOGIN, 405, 405, 405, 405, 405),
        post=Toegang(LOGIN, MAG, 302, MAG, MAG, 302),
        data={},
    ),
    # Staying logged in (static/js/sessie.js) and input kept from an ended
    # session (accounts/sessieduur.py)
    r("sessie:verlengen", ALLEEN_POST, post=Toegang(LOGIN, 204, 204, 204, 204, 204), data={}),
    r(
        "sessie:bewaard",
        Toegang(LOGIN, 200, 200, 200, 200, 200),
        post=Toegang(LOGIN, THUIS, THUIS, THUIS, THUIS, THUIS),
        data={},
    ),
    # Projects, werkteams, publications: public
    r("projecten:list", IEDEREEN),
    r("projecten:detail", IEDEREEN, kwargs={"slug": "project.slug"}),
    r("projecten:werkteam_list", IEDEREEN),
    r("projecten:werkteam_detail", IEDEREEN, kwargs={"slug": "werkteam.slug"}),
    r("projecten:publicatie_list", IEDEREEN),
    r("projecten:publicatie_detail", IEDEREEN, kwargs={"slug": "publicatie.slug"}),
    # Kenniscafés: public, drafts for coordinators only
    r("kenniscafes:agenda", IEDEREEN),
    r("kenniscafes:archief", IEDEREEN),
    r("kenniscafes:agenda_ics", IEDEREEN),
    r("kenniscafes:feed", IEDEREEN),
    r("kenniscafes:feed_atom", IEDEREEN),
    r("kenniscafes:thema_ics", IEDEREEN, kwargs={"slug": "thema.slug"}),
    r("kenniscafes:werkteam_ics", IEDEREEN, kwargs={"slug": "werkteam.slug"}),
    r("kenniscafes:reeks", IEDEREEN, kwargs={"slug": "reeks.slug"}),
    r("kenniscafes:afmelden", IEDEREEN, kwargs={"token": "aanmelding.token"}),
    r("kenniscafes:detail", IEDEREEN, kwargs=CAFE),
    r("kenniscafes:detail", CAFE_CONCEPT, variant="concept", kwargs=CAFE_CONCEPT_SLUG),
    r("kenniscafes:detail", IEDEREEN, variant="voorbij", kwargs={"slug": "cafe_voorbij.slug"}),
    r("kenniscafes:aanmelden", IEDEREEN, kwargs=CAFE),
    r(
        "kenniscafes:aanmelden",
        Toegang(404, 404, 404, 404, NAAR_CONCEPT_CAFE, NAAR_CONCEPT_CAFE),
        variant="concept",
        kwargs=CAFE_CONCEPT_SLUG,
        post=Toegang(404, 404, 404, 404, MAG, MAG),
        data={"naam": "Iemand", "email": "iemand@example.org"},
    ),
    r("kenniscafes:feedback", IEDEREEN, kwargs={"token": "aanwezige.token"}),
    # Before and after an event: coordinators (registrations are personal data)
    r(
        "kenniscafes:aanwezigheid",
        COORDINATOREN,
        kwargs=CAFE,
        post=Toegang(LOGIN, 403, 403, 403, MAG, MAG),
        data=lambda w: {"aanwezig": [w.aanmelding.pk]},
    ),
    r("kenniscafes:rapport", COORDINATOREN, kwargs={"slug": "cafe_voorbij.slug"}),
    r("kenniscafes:ics", IEDEREEN, kwargs=CAFE),
    r(
        "kenniscafes:ics",
        Toegang(*[404] * 6),
        variant="concept",
        kwargs=CAFE_CONCEPT_SLUG,
    ),
    # Stories: researchers
    r("verhalen:list", ONDERZOEKERS),
    r(
        "verhalen:create",
        ONDERZOEKERS,
        post=ONDERZOEKERS_POST,
        data=lambda w: {
            "titel": "Een nieuw verhaal",
            "tekst": "Dit is een verzonnen verhaal.",
            "verteller_type": "bewoner",
            "pseudoniem": "Bewoner",
            "gemeente": "rotterdam",
            "verzamelwijze": "interview",
            "toestemming": "onderzoek",
        },
    ),
    r(
        "verhalen:importeren",
        ONDERZOEKERS,
        post=ONDERZOEKERS_POST,
        data=lambda w: {
            "bestanden": SimpleUploadedFile("gesprek.txt", b"R: Een verzonnen verhaal."),
            "verteller_type": "bewoner",
            "verzamelwijze": "interview",
        },
    ),
    r(
        "verhalen:aan_collectie",
        ALLEEN_POST,
        post=ONDERZOEKERS_POST,
        data=lambda w: {"collectie": w.collectie_openbaar.pk, "verhalen": [w.verhaal_openbaar.pk]},
    ),
    r("verhalen:kenmerken", ONDERZOEKERS),
    r(
        "verhalen:kenmerk_nieuw",
        ONDERZOEKERS,
        post=OP,
        data={"naam": "Hulpvraag", "soort": "ja_nee", "keuzes": "", "volgorde": "5"},
    ),
    r(
        "verhalen:kenmerk_bewerken",
        ONDERZOEKERS,
        kwargs={"slug": "kenmerk.slug"},
        post=OP,
        data={"naam": "Anders", "soort": "keuze", "keuzes": "wonen", "volgorde": "5"},
    ),
    r(
        "verhalen:kenmerk_zetten",
        ALLEEN_POST,
        post=OP,
        data=lambda w: {
            "kenmerk": w.kenmerk.slug,
            "waarde": "wonen",
            "verhalen": [w.verhaal_openbaar.pk],
        },
    ),
    r("verhalen:export_csv", ONDERZOEKERS),
    r("verhalen:export_json", ONDERZOEKERS),
    # REFI-QDA exchange (uitwisseling/): researchers
    r(
        "uitwisseling:export_qdpx",
        ONDERZOEKERS,
        post=ONDERZOEKERS_POST,
        data=lambda w: {"verhalen": [w.verhaal_openbaar.pk]},
    ),
    r("uitwisseling:codeboek_qdc", ONDERZOEKERS),
    r(
        "uitwisseling:importeren",
        ONDERZOEKERS,
        post=ONDERZOEKERS_POST,
        data=lambda w: {
            "bestand": SimpleUploadedFile(
                "boek.qdc", b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>'
            )
        },
    ),
    r(
        "uitwisseling:importeren_bevestigen",
        ALLEEN_POST,
        post=ONDERZOEKERS_POST,
        data={"sleutel": "onbekend"},
    ),
    r("verhalen:ingetrokken", ALLEEN_BEHEERDER),
    # The review queue (researchers) and a collector's own pages (perm
    # verhalen.verzamel_verhaal: only superusers among these columns; the
    # collector's side is tested in tests/verhalen/test_wachtrij_views.py).
    r("verhalen:wachtrij", ONDERZOEKERS),
    # A teller sends in their own story: public.
    r("inzenden:formulier", IEDEREEN),
    r("inzenden:bedankt", IEDEREEN),
    r(
        "verhalen:beoordelen",
        ONDERZOEKERS,
        kwargs={"pk": "verhaal_wachtrij.pk"},
        post=ONDERZOEKERS_POST,
        data=lambda w: {
            "titel": "Opgenomen",
            "tekst": "Een verzonnen verhaal.",
            "toestemming": "openbaar",
            "versie": w.verhaal_wachtrij.versie,
        },
    ),
    r(
        "verhalen:beoordelen",
        Toegang(LOGIN, 403, 404, 403, 403, 404),
        variant="opgenomen",
        kwargs=VERHAAL_OPENBAAR,
    ),
    r(
        "verhalen:terugsturen",
        ALLEEN_POST,
        kwargs={"pk": "verhaal_wachtrij.pk"},
        post=ONDERZOEKERS_POST,
        data={"notitie": "Graag aanpassen."},
    ),
    r(
        "verhalen:weggooien",
        ALLEEN_POST,
        kwargs={"pk": "verhaal_ingezonden.pk"},
        post=ONDERZOEKERS_POST,
        data={"bevestig": "1"},
    ),
    r("verhalen:verzamelen", ALLEEN_BEHEERDER),
    r(
        "verhalen:verzamelen_nieuw",
        ALLEEN_BEHEERDER,
        post=Toegang(LOGIN, 403, 403, 403, 403, MAG),
        data={"titel": "Ingebracht", "tekst": "Een verzonnen verhaal.", "toestemming": "onderzoek"},
    ),
    r(
        "verhalen:verzamelen_detail",
        Toegang(LOGIN, 403, 403, 403, 403, 404),
        kwargs={"pk": "verhaal_wachtrij.pk"},
    ),
    r(
        "verhalen:verzamelen_aanpassen",
        Toegang(LOGIN, 403, 403, 403, 403, 404),
        kwargs={"pk": "verhaal_wachtrij.pk"},
        post=Toegang(LOGIN, 403, 403, 403, 403, MAG),
        data={"titel": "Overschreven"},
    ),
    r("verhalen:detail", ONDERZOEKERS, variant="onderzoek", kwargs=VERHAAL),
    r(
        "verhalen:detail",
        ONDERZOEKERS,
        variant="brede_raad",
        kwargs=VERHAAL_BR,
    ),
    r("verhalen:detail", ONDERZOEKERS, variant="openbaar", kwargs=VERHAAL_OPENBAAR),
    r(
        "verhalen:detail",
        INGETROKKEN,
        variant="ingetrokken",
        kwargs=VERHAAL_INGETROKKEN,
    ),
    r(
        "verhalen:update",
        ONDERZOEKERS,
        kwargs=VERHAAL,
        post=ONDERZOEKERS_POST,
        data=lambda w: {"titel": "Overschreven", "versie": w.verhaal_onderzoek.versie},
    ),
    r(
        "verhalen:update",
        INGETROKKEN,
        variant="ingetrokken",
        kwargs=VERHAAL_INGETROKKEN,
    ),
    r("verhalen:geschiedenis", ONDERZOEKERS, kwargs=VERHAAL),
    r(
        "verhalen:geschiedenis",
        Toegang(LOGIN, 403, 404, 403, 403, 404),
        variant="ingetrokken",
        kwargs=VERHAAL_INGETROKKEN,
    ),
    r(
        "verhalen:herstel",
        ALLEEN_POST,
        kwargs={"pk": "verhaal_onderzoek.pk", "history_id": "verhaal_versie.history_id"},
        post=ONDERZOEKERS_POST,
        data=lambda w: {"versie": w.verhaal_onderzoek.versie},
    ),
    r("verhalen:intrekken", ONDERZOEKERS, kwargs=VERHAAL, post=ONDERZOEKERS_POST, data={}),
    r(
        "verhalen:wissen",
        ALLEEN_BEHEERDER,
        kwargs=VERHAAL_INGETROKKEN,
        post=Toegang(LOGIN, 403, 403, 403, 403, MAG),
        data={"kenmerk": "verzoek 1", "bevestig": "on"},
    ),
    # Coding
    r(
        "codeboek:fragment_nieuw",
        ONDERZOEKERS,
        kwargs={"verhaal_pk": "verhaal_onderzoek.pk"},
        post=ONDERZOEKERS_POST,
        data=lambda w: {"start": 0, "eind": 10, "codes": [w.thema.pk], "memo": "x"},
    ),
    r(
        "codeboek:fragment_bewerken",
        ONDERZOEKERS,
        kwargs=FRAGMENT,
        post=ONDERZOEKERS_POST,
        data=lambda w: {"start": 0, "eind": 5, "codes": [w.thema.pk], "memo": "anders"},
    ),
    r(
        "codeboek:fragment_verwijderen",
        ONDERZOEKERS,
        kwargs=FRAGMENT,
        post=ONDERZOEKERS_POST,
        data={},
    ),
    r(
        "codeboek:fragment_terugzetten",
        FRAGMENT_TERUGZETTEN,
        kwargs={
            "verhaal_pk": "verhaal_onderzoek.pk",
            "history_id": "fragment_weg.history_id",
        },
        post=ONDERZOEKERS_POST,
        data={},
    ),
    r(
        "codeboek:fragment_nieuw_json",
        ALLEEN_POST,
        kwargs={"verhaal_pk": "verhaal_onderzoek.pk"},
        post=JSON_POST,
        data=lambda w: {"start": 0, "eind": 10, "codes": [w.thema.pk], "memo": "x"},
    ),
    r(
        "codeboek:fragment_bewerken_json",
        ALLEEN_POST,
        kwargs=FRAGMENT,
        post=JSON_POST,
        data=lambda w: {"start": 0, "eind": 5, "codes": [w.thema.pk], "memo": "anders"},
    ),
    r("codeboek:fragment_verwijderen_json", ALLEEN_POST, kwargs=FRAGMENT, post=JSON_POST, data={}),
    r(
        "codeboek:nieuw_json",
        ALLEEN_POST,
        post=JSON_POST,
        data=lambda w: {"name": "Snelle subcode", "parent": w.thema.pk},
    ),
    r("codeboek:index", ONDERZOEKERS),
    r("codeboek:mijn_coderingen", ONDERZOEKERS),
    # Coding rounds
    r("codeboek:rondes", ONDERZOEKERS),
    r(
        "codeboek:ronde_nieuw",
        ONDERZOEKERS,
        post=ONDERZOEKERS_POST,
        data=lambda w: {
            "titel": "Matrix",
            "codes": [w.thema.pk],
            "codeurs": [w.gebruikers["onderzoeker"].pk],
            "steekproef": 1,
        },
    ),
    r("codeboek:ronde", ONDERZOEKERS, kwargs=RONDE),
    r("codeboek:ronde", ONDERZOEKERS, variant="gesloten", kwargs=RONDE_GESLOTEN),
    r("codeboek:ronde_sluiten", FRAGMENT_TERUGZETTEN, kwargs=RONDE, post=OP, data={}),
    r("codeboek:ronde_csv", ONDERZOEKERS, kwargs=RONDE_GESLOTEN),
    r(
        "codeboek:ronde_csv",
        Toegang(LOGIN, 403, 403, 403, 403, 403),
        variant="open",
        kwargs=RONDE,
    ),
    r(
        "codeboek:ronde_verschillen",
        ONDERZOEKERS,
        kwargs=RONDE_GESLOTEN,
        post=OP,
        data=lambda w: {
            "code": w.thema.pk,
            "verhaal": w.verhaal_onderzoek.pk,
            "eenheid": 0,
            "keuze": "verwerpen",
        },
    ),
    r("codeboek:ronde_afronden", FRAGMENT_TERUGZETTEN, kwargs=RONDE_GESLOTEN, post=OP, data={}),
    r(
        "codeboek:ronde_verhaal",
        RONDE_CODEUR,
        kwargs=RONDEVERHAAL,
        post=RONDE_CODEUR_POST,
        data=lambda w: {"start": 0, "eind": 10, "codes": [w.thema.pk]},
    ),
    r(
        "codeboek:ronde_klaar",
        FRAGMENT_TERUGZETTEN,
        kwargs=RONDEVERHAAL,
        post=RONDE_CODEUR_POST,
        data={"klaar": "ja"},
    ),
    r(
        "codeboek:ronde_codering_nieuw_json",
        ALLEEN_POST,
        kwargs=RONDEVERHAAL,
        post=RONDE_CODEUR_JSON,
        data=lambda w: {"start": 0, "eind": 10, "codes": [w.thema.pk]},
    ),
    r(
        "codeboek:ronde_codering_bewerken",
        RONDE_CODEUR,
        kwargs=RONDECODERING,
        post=RONDE_CODEUR_POST,
        data=lambda w: {"start": 0, "eind": 5, "codes": [w.thema.pk]},
    ),
    r(
        "codeboek:ronde_codering_bewerken_json",
        ALLEEN_POST,
        kwargs=RONDECODERING,
        post=RONDE_CODEUR_JSON,
        data=lambda w: {"start": 0, "eind": 5, "codes": [w.thema.pk]},
    ),
    r(
        "codeboek:ronde_codering_verwijderen",
        RONDE_CODEUR,
        kwargs=RONDECODERING,
        post=RONDE_CODEUR_POST,
        data={},
    ),
    r(
        "codeboek:ronde_codering_verwijderen_json",
        ALLEEN_POST,
        kwargs=RONDECODERING,
        post=RONDE_CODEUR_JSON,
        data={},
    ),
    r("codeboek:kleuren", IEDEREEN),
    r(
        "codeboek:nieuw",
        ONDERZOEKERS,
        post=ONDERZOEKERS_POST,
        data=lambda w: {"name": "Nieuwe subcode", "parent": w.thema.pk, "kleur": "#112233"},
    ),
    r("codeboek:geschiedenis", ONDERZOEKERS),
    r("codeboek:matrix", ONDERZOEKERS),
    r("codeboek:matrix_export", ONDERZOEKERS),
    r("codeboek:samenhang", ONDERZOEKERS),
    r("codeboek:samenhang_export", ONDERZOEKERS),
    r("codeboek:detail", ONDERZOEKERS, kwargs=SUBCODE),
    r("codeboek:export", ONDERZOEKERS, kwargs=SUBCODE),
    r(
        "codeboek:bewerken",
        ONDERZOEKERS,
        kwargs=SUBCODE,
        post=ONDERZOEKERS_POST,
        data={"name": "Hernoemd", "bevestigd": "ja"},
    ),
    r(
        "codeboek:verplaatsen",
        ONDERZOEKERS,
        kwargs=SUBCODE,
        post=ONDERZOEKERS_POST,
        data=lambda w: {"parent": w.thema.pk, "bevestigd": "ja"},
    ),
    r(
        "codeboek:samenvoegen",
        ONDERZOEKERS,
        kwargs=SUBCODE,
        post=ONDERZOEKERS_POST,
        data=lambda w: {"doel": w.thema.pk, "bevestigd": "ja"},
    ),
    # Memos: research team only; changing one is for its author (and superusers)
    r("memos:list", ONDERZOEKERS),
    r("memos:nieuw", ONDERZOEKERS, post=OP, data={"tekst": "Een nieuw memo."}),
    r(
        "memos:nieuw",
        VERBORGEN_VERHAAL,
        variant="ingetrokken",
        query="verhaal={w.verhaal_ingetrokken.pk}",
    ),
    r("memos:export", ONDERZOEKERS),
    r("memos:detail", ONDERZOEKERS, kwargs=MEMO),
    r("memos:detail", VERBORGEN_VERHAAL, variant="ingetrokken", kwargs=MEMO_INGETROKKEN),
    r("memos:bewerken", ONDERZOEKERS, kwargs=MEMO, post=OP, data={"tekst": "Overschreven."}),
    r(
        "memos:bewerken",
        ALLEEN_BEHEERDER,
        variant="van-een-ander",
        kwargs={"pk": "memo_beheerder.pk"},
        post=Toegang(LOGIN, 403, 403, 403, 403, MAG),
        data={"tekst": "Overschreven."},
    ),
    r("memos:verwijderen", ONDERZOEKERS, kwargs=MEMO, post=OP, data={}),
    r(
        "memos:verwijderen",
        ALLEEN_BEHEERDER,
        variant="van-een-ander",
        kwargs={"pk": "memo_beheerder.pk"},
        post=Toegang(LOGIN, 403, 403, 403, 403, MAG),
        data={},
    ),
    # Collections
    r("collecties:list", IEDEREEN),
    r(
        "collecties:nieuw",
        ONDERZOEKERS,
        post=ONDERZOEKERS_POST,
        data={"titel": "Nieuwe collectie", "publiek": "openbaar", "inleiding": "x"},
    ),
    r(
        "collecties:voeg_toe",
        ONDERZOEKERS,
        query="verhaal={w.verhaal_openbaar.pk}",
        post=ONDERZOEKERS_POST,
        data=lambda w: {
            "verhaal": w.verhaal_openbaar.pk,
            "collectie": w.collectie_openbaar.pk,
            "bevestig": "1",
        },
    ),
    r(
        "collecties:tekstgrootte",
        ALLEEN_POST,
        post=Toegang(*[Naar("/")] * 6),
        data={"grootte": "groot"},
    ),
    r(
        "collecties:detail",
        IEDEREEN,
        variant="openbaar",
        kwargs=OPENBAAR,
    ),
    r("collecties:detail", COLLECTIE_BREDE_RAAD, variant="brede_raad", kwargs=BR),
    r(
        "collecties:detail",
        COLLECTIE_CONCEPT,
        variant="concept",
        kwargs=CONCEPT,
    ),
    r(
        "collecties:bewerken",
        ONDERZOEKERS,
        kwargs=BR,
        post=ONDERZOEKERS_POST,
        data={"titel": "Overschreven", "publiek": "openbaar"},
    ),
    r(
        "collecties:publiceren",
        ALLEEN_POST,
        kwargs=BR,
        post=ONDERZOEKERS_POST,
        data={"actie": "concept"},
    ),
    r("collecties:verwijderen", ONDERZOEKERS, kwargs=BR, post=ONDERZOEKERS_POST, data={}),
    r(
        "collecties:voeg_toe_snel",
        ALLEEN_POST,
        kwargs=OPENBAAR,
        post=ONDERZOEKERS_POST,
        data=lambda w: {"verhaal": w.verhaal_openbaar.pk},
    ),
    # Who reads a collection with its reflections may download it (members too).
    r("collecties:export_json", LEZERS_MET_REFLECTIES, kwargs=BR),
    r("collecties:export_md", LEZERS_MET_REFLECTIES, kwargs=BR),
    r("collecties:eigen_reflecties_md", REFLECTERENDEN),
    r("collecties:eigen_reflecties_json", REFLECTERENDEN),
    r(
        "collecties:item_bewerken",
        ONDERZOEKERS,
        kwargs=ITEM,
        post=ONDERZOEKERS_POST,
        data={"notitie": "Overschreven"},
    ),
    r(
        "collecties:item_verplaatsen",
        ALLEEN_POST,
        kwargs=ITEM,
        post=ONDERZOEKERS_POST,
        data={"richting": "omlaag"},
    ),
    r("collecties:item_verwijderen", ALLEEN_POST, kwargs=ITEM, post=ONDERZOEKERS_POST, data={}),
    r(
        "collecties:reflectie_nieuw",
        ALLEEN_POST,
        kwargs=BR,
        post=Toegang(LOGIN, 403, 403, MAG, 403, MAG),
        data={"tekst": "Een reflectie die er niet mag komen."},
    ),
    r(
        "collecties:reflectie_bewerken",
        EIGEN_REFLECTIE,
        kwargs=REFLECTIE,
        post=EIGEN_REFLECTIE_POST,
        data={"tekst": "Overschreven"},
    ),
    r(
        "collecties:reflectie_verwijderen",
        EIGEN_REFLECTIE,
        kwargs=REFLECTIE,
        post=EIGEN_REFLECTIE_POST,
        data={},
    ),
    # The consent receipt and the teller's contact details: researchers
    r("vertellers:bewijs", ONDERZOEKERS, kwargs=VERHAAL, post=ONDERZOEKERS_POST, data={}),
    r(
        "vertellers:bewijs",
        Toegang(LOGIN, 403, 404, 403, 403, 404),
        variant="ingetrokken",
        kwargs=VERHAAL_INGETROKKEN,
    ),
    r(
        "vertellers:bewijs_pdf",
        ALLEEN_POST,
        kwargs=VERHAAL,
        post=ONDERZOEKERS_POST,
        data={"code": "0000-0000-0000-0000-0000"},
    ),
    r(
        "vertellers:bewijs_mailen",
        ALLEEN_POST,
        kwargs=VERHAAL,
        post=ONDERZOEKERS_POST,
        data={"code": "0000-0000-0000-0000-0000"},
    ),
    r(
        "vertellers:contactgegevens",
        ONDERZOEKERS,
        kwargs=VERHAAL,
        post=ONDERZOEKERS_POST,
        data={"naam": "Iemand", "email": "iemand@example.org"},
    ),
    # The teller's page: open to anyone with the code; without it, back to the code form
    r("vertellers:start", IEDEREEN),
    r("vertellers:link", IEDEREEN, kwargs={"code": "=ABCD-EFGH-JKMN-PQRS-TVWX"}),
    r("vertellers:verhaal", ZONDER_CODE),
    r("vertellers:betekenis", ZONDER_CODE, post=ZONDER_CODE, data={"betekenis": "Overschreven"}),
    r(
        "vertellers:toestemming",
        ZONDER_CODE,
        post=ZONDER_CODE,
        data={"naar": "ingetrokken", "bevestigd": "ja"},
    ),
    r("vertellers:wijziging", ZONDER_CODE),
    r("vertellers:wissen", ZONDER_CODE, post=ZONDER_CODE, data={"bevestigd": "ja"}),
    r("vertellers:afsluiten", ALLEEN_POST),
    # The start page after login
    r("voor_jou", Toegang(LOGIN, 200, 200, 200, 200, 200)),
    # Advice: members and researchers write, researchers and coordinators record answers.
    r("adviezen:list", IEDEREEN),
    r(
        "adviezen:nieuw",
        ADVIES_SCHRIJVERS,
        post=ADVIES_SCHRIJVERS_POST,
        data={"titel": "Een advies dat er niet mag komen"},
    ),
    r("adviezen:detail", IEDEREEN, variant="aangeboden", kwargs=ADVIES),
    r("adviezen:detail", Toegang(*[404] * 6), variant="concept", kwargs=ADVIES_CONCEPT),
    r("adviezen:pdf", IEDEREEN, kwargs=ADVIES),
    r("adviezen:json", IEDEREEN, kwargs=ADVIES),
    r("adviezen:md", IEDEREEN, kwargs=ADVIES),
    r("adviezen:pdf", Toegang(*[404] * 6), variant="concept", kwargs=ADVIES_CONCEPT),
    r("adviezen:werkruimte", ADVIES_LEZERS, kwargs=ADVIES_CONCEPT),
    r(
        "adviezen:bewerken",
        ALLEEN_POST,
        kwargs=ADVIES_CONCEPT,
        post=ADVIES_SCHRIJVERS_POST,
        data={"titel": "Overschreven"},
    ),
    r(
        "adviezen:status",
        ALLEEN_POST,
        kwargs=ADVIES_CONCEPT,
        post=ADVIES_SCHRIJVERS_POST,
        data={"status": "vastgesteld"},
    ),
    r(
        "adviezen:opmerking_nieuw",
        ALLEEN_POST,
        kwargs=ADVIES_CONCEPT,
        post=ADVIES_SCHRIJVERS_POST,
        data={"opmerking-tekst": "Een opmerking die er niet mag komen."},
    ),
    r(
        "adviezen:aanbeveling_nieuw",
        ALLEEN_POST,
        kwargs=ADVIES_CONCEPT,
        post=ADVIES_SCHRIJVERS_POST,
        data={"tekst": "Een aanbeveling die er niet mag komen."},
    ),
    r(
        "adviezen:aanbeveling",
        ADVIES_SCHRIJVERS,
        kwargs=AANBEVELING,
        post=ADVIES_SCHRIJVERS_POST,
        data={"tekst": "Overschreven"},
    ),
    r(
        "adviezen:aanbeveling_verwijderen",
        ALLEEN_POST,
        kwargs=AANBEVELING,
        post=ADVIES_SCHRIJVERS_POST,
        data={},
    ),
    r(
        "adviezen:citaat_weghalen",
        ALLEEN_POST,
        kwargs={"slug": "advies_concept.slug", "pk": "citaat.pk"},
        post=ADVIES_SCHRIJVERS_POST,
        data={},
    ),
    r(
        "adviezen:antwoorden",
        ANTWOORDERS,
        kwargs=ADVIES,
        post=ANTWOORDERS_POST,
        data={"aanbeveling-1-oordeel": "niet", "aanbeveling-1-datum": "2026-12-01"},
    ),
]


# ---------------------------------------------------------------- the admin
# Per registered model: the world's object and what coordinators and
# superusers may do there — z(ien), t(oevoegen), w(ijzigen), v(erwijderen).
# Everyone else (not staff) is sent to the login page on every admin URL.
# From this the rows of changelist/add/change/delete/history/object-link
# (and the history version page of SimpleHistoryAdmin) are derived.

ADMIN_MODELLEN = {
    #  model                       object in the world    coordinator  beheerder
    "carelab.thema": ("subcode", "z", "ztwv"),
    "carelab.kennislijn": ("kennislijn", "z", "ztwv"),
    "projecten.organisatie": ("organisatie", "ztwv", "ztwv"),
    "projecten.persoon": ("persoon", "ztwv", "ztwv"),
    "projecten.wijk": ("wijk", "ztwv", "ztwv"),
    "projecten.project": ("project", "ztwv", "ztwv"),
    "projecten.werkteam": ("werkteam", "ztwv", "ztwv"),
    "projecten.bijeenkomst": ("bijeenkomst", "ztwv", "ztwv"),
    "projecten.publicatie": ("publicatie", "ztwv", "ztwv"),
    "projecten.bijdrage": ("bijdrage", "ztwv", "ztwv"),
    "kenniscafes.locatie": ("locatie", "ztwv", "ztwv"),
    "kenniscafes.reeks": ("reeks", "ztwv", "ztwv"),
    "kenniscafes.deelnemersoort": ("deelnemersoort", "ztwv", "ztwv"),
    "kenniscafes.feedback": ("feedback", "zv", "zv"),
    "kenniscafes.kenniscafe": ("cafe", "ztwv", "ztwv"),
    "kenniscafes.aanmelding": ("aanmelding", "zwv", "zwv"),
    # Story text never reaches coordinators; superusers only read it here.
    "verhalen.verhaal": ("verhaal_openbaar", "", "z"),
    "verhalen.fragment": ("fragment", "", "z"),
    "verhalen.verwijderverzoek": ("verwijderverzoek", "", "z"),
    "verhalen.inzage": ("inzage", "", "z"),
    "verhalen.collectie": ("collectie_brede_raad", "", "ztwv"),
    "verhalen.reflectie": ("reflectie", "", "zv"),
    # Advice is written on the site; superusers may correct it here.
    "adviezen.advies": ("advies_aangeboden", "z", "ztwv"),
    "adviezen.antwoord": ("antwoord", "", "ztwv"),
    "auth.group": ("groep", "", "ztwv"),
    "auth.user": ("gebruiker", "", "ztwv"),
    "taggit.tag": ("tag", "", "ztwv"),
    "axes.accessattempt": ("toegangspoging", "", "zwv"),
    "axes.accesslog": ("toegangslog", "", "zwv"),
    "axes.accessfailurelog": ("mislukte_login", "", "zwv"),
    # The second step's devices: only superusers (e.g. to remove a lost phone).
    "otp_totp.totpdevice": ("app", "", "ztwv"),
    "otp_static.staticdevice": ("reservecodes", "", "ztwv"),
    # The outbox: coordinators see the queue and the log (never a body) and may
    # requeue; nobody adds mail by hand; the don't-send list is the superuser's.
    "mailer.message": ("postbericht", "zw", "zwv"),
    "mailer.messagelog": ("postlog", "z", "zv"),
    "mailer.dontsendentry": ("niet_mailen", "", "ztwv"),
}

# The admin actions besides "delete selected" (which follows v above):
# may the coordinator, may the superuser run it?
ADMIN_ACTIES = {
    ("kenniscafes.kenniscafe", "afgelasten"): (True, True),
    ("kenniscafes.kenniscafe", "dupliceren"): (True, True),
    ("kenniscafes.kenniscafe", "exporteer_aanmeldingen"): (True, True),
    ("kenniscafes.kenniscafe", "neem_aanwezigheid_over"): (True, True),
    ("kenniscafes.kenniscafe", "vraag_feedback"): (True, True),
    ("projecten.bijdrage", "jaaroverzicht"): (True, True),
    ("kenniscafes.aanmelding", "markeer_aanwezig"): (True, True),
    ("kenniscafes.aanmelding", "markeer_afwezig"): (True, True),
    ("kenniscafes.aanmelding", "afmelden"): (True, True),
    ("verhalen.verhaal", "wis_op_verzoek"): (False, True),
    ("auth.user", "reset_tweestaps"): (False, True),
    ("taggit.tag", "render_tag_form"): (False, True),
    ("axes.accessattempt", "cleanup_expired_attempts"): (False, True),
    ("mailer.message", "opnieuw_versturen"): (True, True),
}

NIET_STAF = {"anoniem": LOGIN, "zonder_rol": LOGIN, "onderzoeker": LOGIN, "brede_raad": LOGIN}


def staf(coordinator, beheerder):
    return Toegang(**NIET_STAF, coordinator=coordinator, beheerder=beheerder)


# Admin pages that belong to no single model.
ADMIN_TABEL = [
    r("admin:index", staf(200, 200)),
    r("admin:login", Toegang(200, 200, 200, 200, Naar("/admin/"), Naar("/admin/"))),
    # Logging out of the admin is a POST; who is not staff is sent to the admin's index.
    r("admin:logout", Toegang(*[Naar("/admin/")] * 4, 405, 405, Naar("/admin/"))),
    r("admin:password_change", staf(200, 200)),
    r("admin:password_change_done", staf(200, 200)),
    r("admin:jsi18n", staf(200, 200)),
    r("admin:autocomplete", staf(403, 403), variant="zonder_veld"),
    r(
        "admin:autocomplete",
        staf(200, 200),
        variant="werkteam",
        query="app_label=kenniscafes&model_name=kenniscafe&field_name=werkteam&term=matrix",
    ),
    r(
        "admin:autocomplete",
        staf(200, 200),
        variant="project",
        query="app_label=kenniscafes&model_name=kenniscafe&field_name=project&term=matrix",
    ),
    r(
        "admin:autocomplete",
        staf(200, 200),
        variant="organisatie",
        query="app_label=projecten&model_name=persoon&field_name=organisatie&term=o",
    ),
    r(
        "admin:view_on_site",
        staf(Naar("/kenniscafes/matrix-cafe/"), Naar("/kenniscafes/matrix-cafe/")),
        kwargs={"content_type_id": "cafe_type.pk", "object_id": "cafe.pk"},
    ),
    r("admin:auth_user_password_change", staf(403, 200), kwargs={"id": "gebruiker.pk"}),
    # The secret of an app is shown to nobody (OTP_ADMIN_HIDE_SENSITIVE_DATA).
    r("admin:otp_totp_totpdevice_config", staf(403, 403), kwargs={"pk": "app.pk"}),
    r("admin:otp_totp_totpdevice_qrcode", staf(403, 403), kwargs={"pk": "app.pk"}),
    # Without keywords chosen, the merge page sends back to the keyword list.
    r(
        "admin:taggit_tag_merge_tags",
        staf(403, Naar("/admin/taggit/tag/")),
        post=staf(403, MAG),
        data={"new_tag_name": "samengevoegd"},
    ),
    r("admin/(?P<url>.*)$", staf(404, 404), pad="/admin/bestaat-niet/"),
    *[
        r(
            "admin:app_list",
            staf(200 if app in ("carelab", "projecten", "kenniscafes") else 404, 200),
            variant=app,
            kwargs={"app_label": f"={app}"},
        )
        for app in ("carelab", "projecten", "kenniscafes", "verhalen", "auth", "taggit", "axes")
    ],
]


def _status(rechten, letters, mag=200, niet=403):
    return mag if set(letters) & set(rechten) else niet


def _actie(rechten, mag):
    """POST of an action on the changelist: 403 without the changelist; when
    the action is not offered, the changelist again and nothing done."""
    if not set(rechten) & set("zw"):
        return 403
    return MAG if mag else NIET_AANGEBODEN


def _actie_data(actie, object_naam):
    return lambda w: {
        "action": actie,
        "_selected_action": [getattr(w, object_naam).pk],
        "post": "yes",
        "index": 0,
    }


def _admin_rijen():
    rijen = []
    for label, (naam, coordinator, beheerder) in ADMIN_MODELLEN.items():
        app_label, model_name = label.split(".")
        model_admin = admin.site._registry[apps.get_model(label)]
        prefix = f"admin:{app_label}_{model_name}"
        obj = {"object_id": f"{naam}.pk"}

        def rechten(letters, *, mag=200, coordinator=coordinator, beheerder=beheerder):
            return staf(_status(coordinator, letters, mag), _status(beheerder, letters, mag))

        rijen += [
            r(f"{prefix}_changelist", rechten("zw")),
            r(f"{prefix}_add", rechten("t")),
            r(f"{prefix}_change", rechten("zw"), kwargs=obj),
            r(
                f"{prefix}_delete",
                rechten("v"),
                kwargs=obj,
                post=rechten("v", mag=MAG),
                data={"post": "yes"},
            ),
            r(f"{prefix}_history", rechten("zw"), kwargs=obj),
            r(
                f"admin/{app_label}/{model_name}/<path:object_id>/",
                # The short object link forwards staff to the change page,
                # which decides (403 above for who may not see the model).
                staf(*[Naar(f"/admin/{app_label}/{model_name}/{{object_id}}/change/")] * 2),
                kwargs=obj,
                pad=f"/admin/{app_label}/{model_name}/{{object_id}}/",
            ),
            r(
                f"{prefix}_changelist",
                None,
                variant="delete_selected",
                post=staf(
                    _actie(coordinator, "v" in coordinator),
                    _actie(beheerder, "v" in beheerder),
                ),
                data=_actie_data("delete_selected", naam),
            ),
        ]
        if hasattr(model_admin, "history_form_view"):
            rijen.append(
                r(
                    f"{prefix}_simple_history",
                    rechten("zw"),
                    args=(f"{naam}.pk", lambda w, naam=naam: _laatste_versie(w, naam)),
                )
            )
        for actie in _acties(model_admin):
            if (label, actie) not in ADMIN_ACTIES:
                continue  # test_elk_admin_model_en_elke_actie_heeft_een_besluit says so
            coordinator_mag, beheerder_mag = ADMIN_ACTIES[(label, actie)]
            rijen.append(
                r(
                    f"{prefix}_changelist",
                    None,
                    variant=actie,
                    post=staf(
                        _actie(coordinator, coordinator_mag),
                        _actie(beheerder, beheerder_mag),
                    ),
                    data=_actie_data(actie, naam),
                )
            )
    return rijen


def _acties(model_admin):
    return [getattr(actie, "__name__", actie) for actie in model_admin.actions or ()]


def _laatste_versie(wereld, naam):
    return getattr(wereld, naam).history.order_by("-history_id").first().history_id


ALLE_RIJEN = [*TABEL, *ADMIN_TABEL, *_admin_rijen()]


# --------------------------------------------------------------- machinery


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    """The world, built once for this module and rolled back after it."""
    with django_db_blocker.unblock():
        buitenste = transaction.atomic()
        buitenste.__enter__()
        try:
            wereld = bouw_wereld()
            wereld.sessies = _sessies(wereld)
            # Logging in changed last_login, which ends older reset links.
            wereld.herstel_token = default_token_generator.make_token(wereld.gebruiker)
            yield wereld
        finally:
            transaction.set_rollback(True)
            buitenste.__exit__(None, None, None)
            cache.clear()
            print(
                f"\nToegangsmatrix: {len(_routes_lijst())} URL-patronen, "
                f"{len(_get_gevallen())} GET- en {len(_post_gevallen())} POST-controles "
                f"(URL × rol)."
            )


def _sessies(wereld):
    """One logged-in session per role, made once for the module (its cookies)."""
    sessies = {}
    for rol, gebruiker in wereld.gebruikers.items():
        client = Client()
        if gebruiker is not None:
            # second step passed where required, except in the last column
            log_in(client, gebruiker, verified=rol != "zonder_tweede_stap")
        sessies[rol] = client.cookies
    return sessies


def _client(wereld, rol):
    """A client with the role's session; what a request changes in it is rolled back."""
    client = Client(raise_request_exception=True)
    client.cookies = copy.deepcopy(wereld.sessies[rol])
    return client


LOGIN_PADEN = ("/accounts/login/", "/admin/login/")


def _controleer(response, verwacht, wereld, rij):
    status = response.status_code
    if verwacht == LOGIN:
        assert status == 302, f"verwacht doorsturen naar inloggen, kreeg {status}"
        doel = urlsplit(response["Location"])
        assert doel.path in LOGIN_PADEN, f"doorgestuurd naar {response['Location']}"
        assert doel.netloc in ("", "testserver")
    elif verwacht == NIET_AANGEBODEN:
        assert status in (200, 302), f"verwacht de lijst terug, kreeg {status}"
        if status == 302:
            assert urlsplit(response["Location"]).path == urlsplit(rij.url(wereld)).path
    elif isinstance(verwacht, Naar):
        assert status == 302, f"verwacht doorsturen naar {verwacht.pad}, kreeg {status}"
        waarden = {naam: _waarde(wereld, w) for naam, w in rij.kwargs.items()}
        assert urlsplit(response["Location"]).path == verwacht.pad.format(**waarden)
    else:
        naar = response.get("Location", "")
        assert status == verwacht, f"verwacht {verwacht}, kreeg {status} {naar}"


def _get_gevallen():
    return [
        pytest.param(rij, rol, id=f"GET {rij.id} {rol}")
        for rij in ALLE_RIJEN
        if rij.get is not None
        for rol in ROLLEN
    ]


def _post_gevallen():
    return [
        pytest.param(rij, rol, id=f"POST {rij.id} {rol}")
        for rij in ALLE_RIJEN
        if rij.post is not None
        for rol in ROLLEN
        if rij.post.voor(rol) != MAG
    ]


# ------------------------------------------------------------------- tests


@pytest.mark.parametrize(("rij", "rol"), _get_gevallen())
def test_get_geeft_de_afgesproken_status(wereld, rij, rol):
    response = _client(wereld, rol).get(rij.url(wereld))

    _controleer(response, rij.get.voor(rol), wereld, rij)


def _tellingen():
    """Rows per model of our apps, auth and the history tables: any save shows."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {
            "carelab",
            "verhalen",
            "vertellers",
            "projecten",
            "kenniscafes",
            "auth",
            "taggit",
            "axes",
        }
    }


@pytest.mark.parametrize(("rij", "rol"), _post_gevallen())
def test_post_van_wie_niet_mag_verandert_niets(wereld, rij, rol):
    data = rij.data(wereld) if callable(rij.data) else rij.data
    client = _client(wereld, rol)
    voor = _tellingen()

    response = client.post(rij.url(wereld), data)

    _controleer(response, rij.post.voor(rol), wereld, rij)
    assert _tellingen() == voor


def _routes(resolver=None, prefix="", namespace=""):
    """(key, route) of every URL pattern: its full name, or its route when unnamed."""
    for patroon in (resolver or get_resolver()).url_patterns:
        if isinstance(patroon, URLResolver):
            ns = f"{namespace}{patroon.namespace}:" if patroon.namespace else namespace
            yield from _routes(patroon, prefix + str(patroon.pattern), ns)
        elif isinstance(patroon, URLPattern):
            route = prefix + str(patroon.pattern)
            yield (f"{namespace}{patroon.name}" if patroon.name else route), route


def _routes_lijst():
    return list(_routes())


def test_elke_url_heeft_een_besluit():
    """A new URL (view, admin model, admin page) without a row fails here."""
    besloten = {rij.sleutel for rij in ALLE_RIJEN}

    zonder_besluit = sorted(route for sleutel, route in _routes() if sleutel not in besloten)

    assert zonder_besluit == []


def test_elke_rij_hoort_bij_een_url():
    bestaand = {sleutel for sleutel, _route in _routes()}

    assert sorted({rij.sleutel for rij in ALLE_RIJEN} - bestaand) == []


def test_elk_admin_model_en_elke_actie_heeft_een_besluit():
    geregistreerd = {model._meta.label_lower for model in admin.site._registry}
    acties = {
        (model._meta.label_lower, actie)
        for model, model_admin in admin.site._registry.items()
        for actie in _acties(model_admin)
    }

    assert geregistreerd == set(ADMIN_MODELLEN)
    assert acties == set(ADMIN_ACTIES)


def test_trefwoorden_samenvoegen_mag_alleen_wie_trefwoorden_wijzigt(wereld):
    """taggit's merge page asked only for staff status; a coordinator could merge keywords."""
    client = _client(wereld, "coordinator")
    session = client.session
    session["selected_tag_ids"] = str(wereld.tag.pk)
    session.save()

    response = client.post("/admin/taggit/tag/merge-tags/", {"new_tag_name": "samen"})

    assert response.status_code == 403
    assert not Tag.objects.filter(name="samen").exists()


def test_trefwoorden_samenvoegen_zonder_geldige_keuze_gaat_terug_naar_de_lijst(wereld):
    """A chosen id that is gone (or no number) made taggit's merge page fail with a 500."""
    client = _client(wereld, "beheerder")
    session = client.session
    session["selected_tag_ids"] = ",999999,x"
    session.save()

    response = client.post("/admin/taggit/tag/merge-tags/", {"new_tag_name": "samen"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/taggit/tag/"
    assert not Tag.objects.filter(name="samen").exists()


def test_werkteam_autocomplete_is_geordend(wereld):
    """The member count groups the rows, which dropped the ordering: pages of the
    autocomplete could repeat or skip a werkteam (UnorderedObjectListWarning)."""
    response = _client(wereld, "coordinator").get(
        "/admin/autocomplete/",
        {"app_label": "kenniscafes", "model_name": "kenniscafe", "field_name": "werkteam"},
    )

    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Werkteam matrix"]
