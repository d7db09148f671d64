"""Every page template of the site, each as the role that sees it.

One table serves the accessibility checks: axe-core in Chromium
(tests/browser/test_toegankelijkheid.py) and the Nu HTML Checker
(tests/carelab/test_html_validiteit.py). A new template belongs here; the
table is the list of what "every page" means.

`bouw_gegevens()` fills the database with the demo content (real facts, made-up
stories) plus what the table needs beyond it: one account per role, a café one
can register for, a registration to cancel, a withdrawn story, a story that a
colleague changed (for the conflict state) and a reflection of the member.

A page is fetched with GET, or — for a form's error or warning state — with a
POST of `post` (filled in over the form's own values in the browser). `pad`
and the values of `post` are format strings over the namespace `bouw_gegevens()`
returns, e.g. "/verhalen/{verhaal.pk}/".
"""

import datetime
from dataclasses import dataclass, field
from io import StringIO
from types import SimpleNamespace

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from adviezen.models import Aanbeveling, Advies, Citaat
from kennisagenda import roles
from kennisagenda.models import Thema
from kenniscafes.models import Kenniscafe
from projecten.models import Project, Publicatie, Werkteam
from tests.factories import UserFactory
from tests.kenniscafes.factories import AanmeldingFactory, KenniscafeFactory, over_dagen
from tests.verhalen.factories import MemoFactory, VerhaalFactory
from tests.verhalen.factories_collecties import ReflectieFactory
from verhalen.models import Collectie, Fragment, Publiek, Toestemming, Verhaal
from verhalen.services import verhalen as verhaal_services
from verhalen.services import wachtrij

ANONIEM = "anoniem"
BREDE_RAAD = roles.BREDE_RAAD
ONDERZOEKER = roles.ONDERZOEKER
COORDINATOR = roles.COORDINATOR
BEHEERDER = "beheerder"
VERZAMELAAR = roles.VERZAMELAAR
# Researchers halfway through logging in (two-factor authentication):
TWEEDE_STAP = "tweede_stap"  # has an authenticator app, code still to type
ZONDER_APP = "zonder_app"  # has no app yet: must set one up first
ROLLEN = [
    ANONIEM,
    BREDE_RAAD,
    ONDERZOEKER,
    COORDINATOR,
    BEHEERDER,
    VERZAMELAAR,
    TWEEDE_STAP,
    ZONDER_APP,
]
# role → (attribute of bouw_gegevens() holding the account, second step passed)
ACCOUNTS = {
    BREDE_RAAD: ("raadslid", True),
    ONDERZOEKER: ("onderzoeker", True),
    COORDINATOR: ("coordinator", True),
    BEHEERDER: ("beheerder", True),
    VERZAMELAAR: ("verzamelaar", True),
    TWEEDE_STAP: ("collega", False),
    ZONDER_APP: ("nieuwkomer", False),
}

# Text with what looks like personal data: the story form warns before saving.
PRIVACY_TEKST = "Verzonnen voorbeeld. Ik belde 06-12345678 en mailde naar iemand@example.nl."


@dataclass(frozen=True)
class Pagina:
    rol: str
    naam: str
    pad: str
    post: dict = field(default_factory=dict)
    status: int = 200
    # "print": checked as printed (the collection's print version);
    # "500"/"503"/"503_bestand": the server error page, the database-down page and
    # the media-folder-unwritable page, which no
    # ordinary request produces: rendered by their handlers (`foutpagina()`).
    soort: str = ""
    # How often the form is sent (the lockout page comes after several tries).
    herhaal: int = 1

    @property
    def id(self):
        return f"{self.rol}-{self.naam}"

    def url(self, gegevens):
        return self.pad.format(**vars(gegevens))

    def formulier(self, gegevens):
        return {sleutel: waarde.format(**vars(gegevens)) for sleutel, waarde in self.post.items()}


def _verhaal_formulier(**overrides):
    return {
        "titel": "Wachten op antwoord",
        "tekst": "Verzonnen voorbeeld. Ik wachtte drie maanden op een brief.",
        "samenvatting": "",
        "verteller_type": "bewoner",
        "pseudoniem": "Moeder uit Zuid",
        "leeftijdscategorie": "27-45",
        "gemeente": "rotterdam",
        "wijk": "",
        "verzamelwijze": "interview",
        "verzameld_op": "2024-03-12",
        "verzameld_door": "",
        "project": "",
        "werkteam": "",
        "toestemming": "onderzoek",
        "toestemming_datum": "",
        "trefwoorden": "wachten, brieven",
        **overrides,
    }


P = Pagina
PAGINAS = [
    # Visitors -----------------------------------------------------------------
    P(ANONIEM, "home", "/"),
    P(ANONIEM, "themas", "/themas/"),
    P(ANONIEM, "themahub", "/themas/maatwerk/"),
    P(ANONIEM, "projecten", "/projecten/"),
    P(ANONIEM, "projecten-gefilterd", "/projecten/?status=afgerond&thema=vertrouwen"),
    P(ANONIEM, "project", "/projecten/{project.slug}/"),
    P(ANONIEM, "werkteams", "/werkteams/"),
    P(ANONIEM, "werkteam", "/werkteams/{werkteam.slug}/"),
    P(ANONIEM, "publicaties", "/publicaties/"),
    P(ANONIEM, "publicatie", "/publicaties/{publicatie.slug}/"),
    P(ANONIEM, "agenda", "/kenniscafes/"),
    P(ANONIEM, "archief", "/kenniscafes/archief/"),
    P(ANONIEM, "kenniscafe", "/kenniscafes/{cafe.slug}/"),
    P(ANONIEM, "kenniscafe-geweest", "/kenniscafes/{oud_cafe.slug}/"),
    P(ANONIEM, "reeks", "/kenniscafes/reeks/{reeks.slug}/"),
    P(ANONIEM, "aanmelden", "/kenniscafes/{cafe.slug}/aanmelden/"),
    P(ANONIEM, "inzenden", "/vertel-je-verhaal/"),
    P(ANONIEM, "inzenden-fout", "/vertel-je-verhaal/", post={"titel": "", "tekst": ""}),
    P(ANONIEM, "inzenden-bedankt", "/vertel-je-verhaal/bedankt/"),
    P(
        ANONIEM,
        "aanmelden-fout",
        "/kenniscafes/{cafe.slug}/aanmelden/",
        post={"naam": "", "email": "geen-adres"},
    ),
    P(ANONIEM, "afmelden", "/kenniscafes/afmelden/{aanmelding.token}/"),
    # The teller's own page: the code (as typed and as a link), then the pages
    # behind it (the right code, posted and followed, opens the session).
    P(ANONIEM, "mijn-verhaal-code", "/mijn-verhaal/"),
    P(ANONIEM, "mijn-verhaal-link", "/mijn-verhaal/{verteller_code}/"),
    P(ANONIEM, "mijn-verhaal-code-fout", "/mijn-verhaal/", post={"code": "ZZZZ"}),
    P(ANONIEM, "mijn-verhaal", "/mijn-verhaal/", post={"code": "{verteller_code}"}),
    P(ANONIEM, "mijn-verhaal-betekenis", "/mijn-verhaal/betekenis/"),
    P(
        ANONIEM,
        "mijn-verhaal-betekenis-fout",
        "/mijn-verhaal/betekenis/",
        post={"betekenis": "x" * 5001},
    ),
    P(ANONIEM, "mijn-verhaal-toestemming", "/mijn-verhaal/toestemming/"),
    P(ANONIEM, "mijn-verhaal-toestemming-fout", "/mijn-verhaal/toestemming/", post={"naar": ""}),
    P(
        ANONIEM,
        "mijn-verhaal-toestemming-bevestigen",
        "/mijn-verhaal/toestemming/",
        post={"naar": "onderzoek"},
    ),
    P(ANONIEM, "mijn-verhaal-wijziging", "/mijn-verhaal/toestemming/bewijs/"),
    P(ANONIEM, "mijn-verhaal-wissen", "/mijn-verhaal/wissen/"),
    P(ANONIEM, "mijn-verhaal-wissen-fout", "/mijn-verhaal/wissen/", post={"bevestigd": ""}),
    P(BREDE_RAAD, "mijn-verhaal-gewist", "/mijn-verhaal/", post={"code": "{gewist_code}"}),
    P(ANONIEM, "feedback", "/kenniscafes/feedback/{aanwezige.token}/"),
    P(
        ANONIEM,
        "feedback-fout",
        "/kenniscafes/feedback/{aanwezige.token}/",
        post={"cijfer": "", "goed": "Fijn"},
    ),
    # After registering: the café's page with the confirmation in the form's place.
    P(
        ANONIEM,
        "aangemeld",
        "/kenniscafes/{cafe.slug}/aanmelden/",
        post={"naam": "Iemand Nieuw", "email": "nieuw@example.org"},
    ),
    P(ANONIEM, "adviezen", "/adviezen/"),
    P(ANONIEM, "advies", "/adviezen/{advies.slug}/"),
    P(ANONIEM, "advies-afdruk", "/adviezen/{advies.slug}/", soort="print"),
    P(ANONIEM, "collecties", "/collecties/"),
    P(ANONIEM, "collectie-openbaar", "/collecties/{openbare_collectie.slug}/"),
    P(ANONIEM, "niet-gevonden", "/bestaat-niet/", status=404),
    # A NUL character in the address (toolkit/invoer.py): a Dutch 400 page.
    P(ANONIEM, "ongeldig-verzoek", "/kenniscafes/?q=%00", status=400),
    P(ANONIEM, "serverfout", "/serverfout/", status=500, soort="500"),
    P(ANONIEM, "database-onbereikbaar", "/database-weg/", status=503, soort="503"),
    P(ANONIEM, "bestand-niet-opgeslagen", "/uploadmap-weg/", status=503, soort="503_bestand"),
    P(ANONIEM, "inloggen", "/accounts/login/"),
    P(
        ANONIEM,
        "inloggen-fout",
        "/accounts/login/",
        post={"username": "niemand", "password": "fout-wachtwoord"},
    ),
    P(ANONIEM, "wachtwoord-vergeten", "/accounts/wachtwoord-vergeten/"),
    P(ANONIEM, "wachtwoord-verstuurd", "/accounts/wachtwoord-vergeten/verstuurd/"),
    P(ANONIEM, "wachtwoord-herstellen", "{herstel_url}"),
    P(ANONIEM, "wachtwoord-link-verlopen", "/accounts/herstel/MQ/ongeldig-token/"),
    P(ANONIEM, "wachtwoord-hersteld", "/accounts/herstel/klaar/"),
    # Last: after this many wrong passwords this account is locked (django-axes).
    P(
        ANONIEM,
        "geblokkeerd",
        "/accounts/login/",
        post={"username": "geblokkeerd", "password": "fout-wachtwoord"},
        status=429,
        herhaal=settings.AXES_FAILURE_LIMIT,
    ),
    # Brede Raad members -------------------------------------------------------
    P(BREDE_RAAD, "home", "/"),
    P(BREDE_RAAD, "voor-jou", "/voor-jou/"),
    P(BREDE_RAAD, "adviezen", "/adviezen/"),
    P(BREDE_RAAD, "advies-nieuw", "/adviezen/nieuw/"),
    P(BREDE_RAAD, "advies-nieuw-fout", "/adviezen/nieuw/", post={"titel": ""}, status=400),
    P(BREDE_RAAD, "advies-werkruimte", "/adviezen/{advies_concept.slug}/werkruimte/"),
    P(BREDE_RAAD, "advies-vastgesteld", "/adviezen/{advies_vastgesteld.slug}/werkruimte/"),
    P(BREDE_RAAD, "advies-aangeboden-werkruimte", "/adviezen/{advies.slug}/werkruimte/"),
    P(
        BREDE_RAAD,
        "aanbeveling",
        "/adviezen/{advies_concept.slug}/aanbevelingen/{aanbeveling.pk}/",
    ),
    P(
        BREDE_RAAD,
        "aanbeveling-fout",
        "/adviezen/{advies_concept.slug}/aanbevelingen/{aanbeveling.pk}/",
        post={"tekst": PRIVACY_TEKST},
        status=400,
    ),
    P(
        BREDE_RAAD,
        "collectie-reageren",
        "/collecties/{raadscollectie.slug}/?passage={passage}",
    ),
    P(BREDE_RAAD, "collecties", "/collecties/"),
    P(BREDE_RAAD, "collectie", "/collecties/{raadscollectie.slug}/"),
    P(BREDE_RAAD, "collectie-afdruk", "/collecties/{raadscollectie.slug}/", soort="print"),
    P(
        BREDE_RAAD,
        "reflectie-fout",
        "/collecties/{raadscollectie.slug}/reflecties/",
        post={"tekst": ""},
        status=400,
    ),
    P(
        BREDE_RAAD,
        "reflectie-bewerken",
        "/collecties/{raadscollectie.slug}/reflecties/{reflectie.pk}/bewerken/",
    ),
    P(
        BREDE_RAAD,
        "reflectie-verwijderen",
        "/collecties/{raadscollectie.slug}/reflecties/{reflectie.pk}/verwijderen/",
    ),
    P(BREDE_RAAD, "themahub", "/themas/maatwerk/"),
    P(BREDE_RAAD, "geen-toegang", "/verhalen/", status=403),
    # Last of the role: logging out (POST) leads to the home page.
    P(BREDE_RAAD, "uitgelogd", "/accounts/logout/", post={"next": "/"}),
    # Researchers --------------------------------------------------------------
    P(ONDERZOEKER, "voor-jou", "/voor-jou/"),
    P(ONDERZOEKER, "verhalen", "/verhalen/"),
    P(
        ONDERZOEKER,
        "verhalen-gefilterd",
        "/verhalen/?thema=vertrouwen&verteller_type=bewoner&toestemming=openbaar",
    ),
    P(ONDERZOEKER, "verhalen-zoeken", "/verhalen/?q=brief"),
    P(ONDERZOEKER, "verhaal-nieuw", "/verhalen/nieuw/"),
    P(ONDERZOEKER, "wachtrij", "/verhalen/wachtrij/"),
    P(ONDERZOEKER, "beoordelen", "/verhalen/wachtrij/{ingebracht.pk}/"),
    P(
        ONDERZOEKER,
        "beoordelen-fout",
        "/verhalen/wachtrij/{ingebracht.pk}/terugsturen/",
        post={"notitie": ""},
    ),
    # Collectors -----------------------------------------------------------------
    P(VERZAMELAAR, "verzamelen", "/verzamelen/"),
    P(VERZAMELAAR, "verzamelen-nieuw", "/verzamelen/nieuw/"),
    P(
        VERZAMELAAR,
        "verzamelen-nieuw-privacy",
        "/verzamelen/nieuw/",
        post={
            "titel": "Wachten op antwoord",
            "tekst": PRIVACY_TEKST,
            "verteller_type": "bewoner",
            "gemeente": "rotterdam",
            "verzamelwijze": "interview",
            "toestemming": "onderzoek",
        },
    ),
    P(VERZAMELAAR, "verzamelen-verhaal", "/verzamelen/{teruggestuurd.pk}/"),
    P(VERZAMELAAR, "verzamelen-aanpassen", "/verzamelen/{teruggestuurd.pk}/aanpassen/"),
    P(ONDERZOEKER, "verhalen-importeren", "/verhalen/importeren/"),
    P(ONDERZOEKER, "refi-importeren", "/uitwisseling/importeren/"),
    P(
        ONDERZOEKER,
        "refi-importeren-fout",
        "/uitwisseling/importeren/",
        post={"bestand": ""},
    ),
    P(
        ONDERZOEKER,
        "verhalen-importeren-fout",
        "/verhalen/importeren/",
        post={"verteller_type": "bewoner", "verzamelwijze": "interview"},
    ),
    P(ONDERZOEKER, "verhaal-nieuw-fout", "/verhalen/nieuw/", post={"titel": "", "tekst": ""}),
    P(
        ONDERZOEKER,
        "verhaal-nieuw-privacy",
        "/verhalen/nieuw/",
        post=_verhaal_formulier(tekst=PRIVACY_TEKST),
    ),
    P(ONDERZOEKER, "verhaal", "/verhalen/{verhaal.pk}/"),
    P(ONDERZOEKER, "verhaal-bewerken", "/verhalen/{verhaal.pk}/bewerken/"),
    P(
        ONDERZOEKER,
        "verhaal-bewerken-conflict",
        "/verhalen/{conflictverhaal.pk}/bewerken/",
        post=_verhaal_formulier(
            titel="Mijn titel", pseudoniem="Bewoner uit Zuid", versie="1", tekst="{conflict_tekst}"
        ),
    ),
    P(ONDERZOEKER, "verhaal-geschiedenis", "/verhalen/{verhaal.pk}/geschiedenis/"),
    P(ONDERZOEKER, "verhaal-intrekken", "/verhalen/{verhaal.pk}/intrekken/"),
    P(ONDERZOEKER, "verhaal-ingetrokken", "/verhalen/{ingetrokken.pk}/", status=410),
    P(ONDERZOEKER, "fragment-nieuw", "/verhalen/{verhaal.pk}/fragmenten/nieuw/"),
    P(
        ONDERZOEKER,
        "fragment-nieuw-fout",
        "/verhalen/{verhaal.pk}/fragmenten/nieuw/",
        post={"start": "", "eind": "", "memo": ""},
    ),
    P(
        ONDERZOEKER,
        "fragment-bewerken",
        "/verhalen/{verhaal.pk}/fragmenten/{fragment.pk}/bewerken/",
    ),
    P(
        ONDERZOEKER,
        "fragment-verwijderen",
        "/verhalen/{verhaal.pk}/fragmenten/{fragment.pk}/verwijderen/",
    ),
    P(ONDERZOEKER, "codeboek", "/codeboek/"),
    P(ONDERZOEKER, "code", "/codeboek/vertrouwen/"),
    P(ONDERZOEKER, "subcode-gefilterd", "/codeboek/{subcode.slug}/?verteller_type=bewoner"),
    P(ONDERZOEKER, "codeboek-geschiedenis", "/codeboek/geschiedenis/"),
    P(ONDERZOEKER, "matrix", "/codeboek/matrix/"),
    P(ONDERZOEKER, "matrix-gemeente", "/codeboek/matrix/?kolom=gemeente"),
    P(ONDERZOEKER, "samenhang", "/codeboek/samenhang/"),
    P(ONDERZOEKER, "code-nieuw", "/codeboek/nieuw/?onder=vertrouwen"),
    P(ONDERZOEKER, "code-nieuw-fout", "/codeboek/nieuw/", post={"name": ""}),
    P(ONDERZOEKER, "code-bewerken", "/codeboek/{subcode.slug}/bewerken/"),
    P(
        ONDERZOEKER,
        "code-hernoemen-bevestigen",
        "/codeboek/{subcode.slug}/bewerken/",
        post={"name": "Nieuwe naam", "beschrijving": "", "kleur": "{subcode.kleur}"},
    ),
    P(ONDERZOEKER, "code-verplaatsen", "/codeboek/{subcode.slug}/verplaatsen/"),
    P(ONDERZOEKER, "code-samenvoegen", "/codeboek/{subcode.slug}/samenvoegen/"),
    P(ONDERZOEKER, "kenmerken", "/verhalen/kenmerken/"),
    P(ONDERZOEKER, "kenmerk-nieuw", "/verhalen/kenmerken/nieuw/"),
    P(
        ONDERZOEKER,
        "kenmerk-nieuw-fout",
        "/verhalen/kenmerken/nieuw/",
        post={"naam": "Hulpvraag", "soort": "keuze", "keuzes": ""},
    ),
    P(ONDERZOEKER, "kenmerk-bewerken", "/verhalen/kenmerken/levensdomein/bewerken/"),
    P(ONDERZOEKER, "verhalen-op-kenmerk", "/verhalen/?kenmerk_levensdomein=wonen"),
    P(ONDERZOEKER, "matrix-kenmerk", "/codeboek/matrix/?kolom=kenmerk_levensdomein"),
    P(ONDERZOEKER, "memos", "/memos/"),
    P(ONDERZOEKER, "memos-gefilterd", "/memos/?soort=verhaal&q=wachten&van=2020-01-01"),
    P(ONDERZOEKER, "memo", "/memos/{memo.pk}/"),
    P(ONDERZOEKER, "memo-nieuw", "/memos/nieuw/?verhaal={verhaal.pk}"),
    P(ONDERZOEKER, "memo-nieuw-fout", "/memos/nieuw/", post={"tekst": ""}),
    P(ONDERZOEKER, "memo-nieuw-privacy", "/memos/nieuw/", post={"tekst": PRIVACY_TEKST}),
    P(ONDERZOEKER, "memo-bewerken", "/memos/{memo.pk}/bewerken/"),
    P(ONDERZOEKER, "memo-verwijderen", "/memos/{memo.pk}/verwijderen/"),
    P(ONDERZOEKER, "mijn-coderingen", "/codeboek/mijn-coderingen/"),
    P(ONDERZOEKER, "rondes", "/codeboek/rondes/"),
    P(ONDERZOEKER, "ronde-nieuw", "/codeboek/rondes/nieuw/?gemeente=rotterdam"),
    P(ONDERZOEKER, "ronde-nieuw-fout", "/codeboek/rondes/nieuw/", post={"titel": ""}),
    P(ONDERZOEKER, "ronde-open", "/codeboek/rondes/{ronde.pk}/"),
    P(ONDERZOEKER, "ronde-gesloten", "/codeboek/rondes/{ronde_gesloten.pk}/"),
    P(ONDERZOEKER, "ronde-verschillen", "/codeboek/rondes/{ronde_gesloten.pk}/verschillen/"),
    P(ONDERZOEKER, "ronde-verhaal", "/codeboek/rondes/{ronde.pk}/verhalen/{verhaal.pk}/"),
    P(
        ONDERZOEKER,
        "ronde-codering-bewerken",
        "/codeboek/rondes/{ronde.pk}/verhalen/{verhaal.pk}/coderingen/{rondecodering.pk}/bewerken/",
    ),
    P(
        ONDERZOEKER,
        "ronde-codering-verwijderen",
        "/codeboek/rondes/{ronde.pk}/verhalen/{verhaal.pk}/coderingen/{rondecodering.pk}/verwijderen/",
    ),
    P(ONDERZOEKER, "collecties", "/collecties/"),
    P(ONDERZOEKER, "collectie", "/collecties/{raadscollectie.slug}/"),
    P(ONDERZOEKER, "collectie-nieuw", "/collecties/nieuw/"),
    P(ONDERZOEKER, "collectie-nieuw-fout", "/collecties/nieuw/", post={"titel": ""}),
    P(ONDERZOEKER, "collectie-bewerken", "/collecties/{raadscollectie.slug}/bewerken/?zoek=brief"),
    P(
        ONDERZOEKER,
        "collectie-item",
        "/collecties/{raadscollectie.slug}/verhalen/{collectie_item.pk}/",
    ),
    P(ONDERZOEKER, "collectie-verwijderen", "/collecties/{raadscollectie.slug}/verwijderen/"),
    P(ONDERZOEKER, "collectie-toevoegen", "/collecties/toevoegen/?verhaal={verhaal.pk}"),
    # Coordinators (the Django admin) ------------------------------------------
    P(COORDINATOR, "beheer", "/admin/"),
    P(COORDINATOR, "kenniscafes", "/admin/kenniscafes/kenniscafe/"),
    P(COORDINATOR, "kenniscafe", "/admin/kenniscafes/kenniscafe/{cafe.pk}/change/"),
    P(COORDINATOR, "kenniscafe-nieuw", "/admin/kenniscafes/kenniscafe/add/"),
    P(
        COORDINATOR,
        "kenniscafe-afgelasten",
        "/admin/kenniscafes/kenniscafe/",
        post={"action": "afgelasten", "_selected_action": "{cafe.pk}"},
    ),
    P(COORDINATOR, "aanmeldingen", "/admin/kenniscafes/aanmelding/"),
    P(COORDINATOR, "voor-jou", "/voor-jou/"),
    P(COORDINATOR, "antwoorden", "/adviezen/{advies.slug}/antwoorden/"),
    P(
        COORDINATOR,
        "antwoorden-fout",
        "/adviezen/{advies.slug}/antwoorden/",
        post={"aanbeveling-1-oordeel": "misschien"},
        status=400,
    ),
    P(COORDINATOR, "aanwezigheid", "/kenniscafes/{cafe.slug}/aanwezigheid/"),
    P(COORDINATOR, "soorten-deelnemers", "/admin/kenniscafes/deelnemersoort/"),
    P(COORDINATOR, "feedbacklijst", "/admin/kenniscafes/feedback/"),
    P(COORDINATOR, "bijdragen", "/admin/projecten/bijdrage/"),
    P(COORDINATOR, "bijdrage-nieuw", "/admin/projecten/bijdrage/add/"),
    P(COORDINATOR, "rapport", "/kenniscafes/{oud_cafe.slug}/rapport/"),
    P(COORDINATOR, "projecten", "/admin/projecten/project/"),
    P(COORDINATOR, "project", "/admin/projecten/project/{project.pk}/change/"),
    P(COORDINATOR, "publicatie", "/admin/projecten/publicatie/{publicatie.pk}/change/"),
    # Superusers ---------------------------------------------------------------
    P(BEHEERDER, "beheer", "/admin/"),
    P(BEHEERDER, "gebruikers", "/admin/auth/user/"),
    P(BEHEERDER, "gebruiker", "/admin/auth/user/{onderzoeker.pk}/change/"),
    P(BEHEERDER, "verhalen", "/admin/verhalen/verhaal/"),
    P(BEHEERDER, "verhaal", "/admin/verhalen/verhaal/{verhaal.pk}/change/"),
    P(BEHEERDER, "thema-geschiedenis", "/admin/carelab/thema/{vertrouwen.pk}/history/"),
    P(BEHEERDER, "inzagelog", "/admin/verhalen/inzage/"),
    P(BEHEERDER, "tweestaps-apps", "/admin/otp_totp/totpdevice/"),
    P(BEHEERDER, "ingetrokken-verhalen", "/verhalen/ingetrokken/"),
    # The consent receipt and the teller's contact details
    P(
        BEHEERDER,
        "toestemmingsbewijs-start",
        "/verhalen/{vertellersverhaal.pk}/toestemmingsbewijs/",
    ),
    P(
        BEHEERDER,
        "toestemmingsbewijs",
        "/verhalen/{ander_vertellersverhaal.pk}/toestemmingsbewijs/",
        post={"x": ""},
    ),
    P(BEHEERDER, "contactgegevens", "/verhalen/{vertellersverhaal.pk}/contactgegevens/"),
    P(
        BEHEERDER,
        "contactgegevens-fout",
        "/verhalen/{vertellersverhaal.pk}/contactgegevens/",
        post={"email": "geen adres"},
    ),
    P(BEHEERDER, "verhaal-wissen", "/verhalen/{ingetrokken.pk}/wissen/"),
    # Two-factor authentication ------------------------------------------------
    P(ONDERZOEKER, "tweestaps", "/accounts/tweestaps/"),
    # Input kept from a session that ended (accounts/sessieduur.py); nothing kept here
    P(ONDERZOEKER, "sessie-bewaard", "/accounts/sessie/bewaard/"),
    P(ONDERZOEKER, "reservecodes", "/accounts/tweestaps/reservecodes/"),
    P(
        ONDERZOEKER,
        "reservecodes-fout",
        "/accounts/tweestaps/reservecodes/",
        post={"nieuw-code": "000000"},
    ),
    P(TWEEDE_STAP, "controleren", "/accounts/tweestaps/controleren/?next=/verhalen/"),
    P(
        TWEEDE_STAP,
        "controleren-fout",
        "/accounts/tweestaps/controleren/",
        post={"app-code": "12"},
    ),
    P(ZONDER_APP, "instellen", "/accounts/tweestaps/instellen/"),
    P(ZONDER_APP, "instellen-fout", "/accounts/tweestaps/instellen/", post={"code": "abc"}),
]


def foutpagina(pagina, gegevens):
    """The response of the handler behind a "500" or "503" page."""
    from django.test import RequestFactory

    from toolkit.foutpaginas import server_error
    from toolkit.middleware import antwoord_503, antwoord_bestand_niet_opgeslagen

    if pagina.soort == "503":
        return antwoord_503()
    if pagina.soort == "503_bestand":
        return antwoord_bestand_niet_opgeslagen()
    return server_error(RequestFactory().get(pagina.url(gegevens)))


def paginas_van(rol):
    return [pagina for pagina in PAGINAS if pagina.rol == rol]


def bouw_gegevens():
    """Demo content plus the accounts and states the table needs. Returns a
    namespace with the objects the page paths refer to."""
    call_command("demo", stdout=StringIO())
    g = SimpleNamespace()
    g.raadslid = UserFactory(username="raadslid", first_name="Rachid", role=roles.BREDE_RAAD)
    g.onderzoeker = UserFactory(username="onderzoeker", first_name="Olga", role=roles.ONDERZOEKER)
    g.coordinator = UserFactory(username="coordinator", first_name="Carla", role=roles.COORDINATOR)
    g.coordinator.is_staff = True
    g.coordinator.save()
    g.beheerder = UserFactory(username="beheerder", first_name="Bram")
    g.beheerder.is_staff = g.beheerder.is_superuser = True
    g.beheerder.save()
    g.collega = UserFactory(username="collega", first_name="Cor", role=roles.ONDERZOEKER)
    g.nieuwkomer = UserFactory(username="nieuwkomer", first_name="Nina", role=roles.ONDERZOEKER)
    g.verzamelaar = UserFactory(username="verzamelaar", first_name="Vera", role=roles.VERZAMELAAR)

    g.vertrouwen = Thema.objects.get(slug="vertrouwen")
    g.subcode = Thema.objects.filter(parent__isnull=False).order_by("pk").first()
    g.project = Project.objects.order_by("pk").first()
    g.werkteam = Werkteam.objects.order_by("pk").first()
    g.publicatie = Publicatie.objects.order_by("pk").first()

    g.cafe = KenniscafeFactory(
        titel="Samen rondkomen in de wijk",
        slug="samen-rondkomen",
        start=over_dagen(21),
        eind=over_dagen(21) + datetime.timedelta(hours=2),
        themas=[g.vertrouwen],
    )
    g.oud_cafe = (
        Kenniscafe.objects.filter(gepubliceerd=True, start__lt=timezone.now())
        .order_by("-start")
        .first()
    )
    g.reeks = Kenniscafe.objects.filter(reeks__isnull=False).first().reeks
    g.aanwezige = AanmeldingFactory(kenniscafe=g.oud_cafe, aanwezig=True)
    g.aanmelding = AanmeldingFactory(kenniscafe=g.cafe)

    g.openbare_collectie = Collectie.objects.filter(publiek=Publiek.OPENBAAR).first()
    g.raadscollectie = (
        Collectie.objects.filter(publiek=Publiek.BREDE_RAAD, items__isnull=False).distinct().first()
    )
    g.collectie_item = g.raadscollectie.items.order_by("pk").first()
    # A passage folded behind its content note on the collection's page.
    g.collectie_item.inhoudswaarschuwingen = ["schulden"]
    g.collectie_item.save()
    g.reflectie = ReflectieFactory(
        collectie=g.raadscollectie, auteur=g.raadslid, tekst="Dit herken ik uit mijn buurt."
    )

    item = g.collectie_item
    eerste = item.verhaal.tekst.find("\n")
    g.passage = f"{item.verhaal_id}-0-{eerste if eerste > 0 else len(item.verhaal.tekst)}"
    # Advice: the demo's offered advice, a draft citing a passage, one fixed.
    g.advies = Advies.objects.get(slug="op-weg-naar-een-onbeperkt-rotterdam")
    g.advies_concept = Advies.objects.create(
        slug="advies-in-de-maak", titel="Advies in de maak", inleiding="Waarom dit advies."
    )
    g.aanbeveling = Aanbeveling.objects.create(
        advies=g.advies_concept, tekst="Bel mensen terug binnen een week.", volgorde=1
    )
    Citaat.objects.create(aanbeveling=g.aanbeveling, verhaal=item.verhaal, start=0, eind=40)
    g.advies_vastgesteld = Advies.objects.create(
        slug="vastgesteld-advies", titel="Vastgesteld advies", status="vastgesteld"
    )
    Aanbeveling.objects.create(advies=g.advies_vastgesteld, tekst="Luister eerst.")

    g.fragment = Fragment.objects.order_by("pk").first()
    g.verhaal = g.fragment.verhaal
    g.memo = MemoFactory(
        auteur=g.onderzoeker,
        verhaal=g.verhaal,
        titel="Wachten als rode draad",
        tekst="Het **wachten** komt terug:\n\n- op de gemeente\n- op de woningcorporatie",
    )
    g.ingetrokken = VerhaalFactory(titel="Ingetrokken verhaal", toestemming=Toestemming.INGETROKKEN)
    # A colleague saved this story after version 1: posting version 1 conflicts.
    g.conflictverhaal = VerhaalFactory(titel="Origineel", pseudoniem="Bewoner uit Zuid")
    verhaal_services.wijzig_verhaal(
        verhaal=g.conflictverhaal,
        gegevens={"titel": "Titel van de ander"},
        verwachte_versie=1,
        door=g.beheerder,
    )
    g.conflict_tekst = g.conflictverhaal.tekst
    _rondes(g)
    # The review queue: a collector's story waiting (with spots the privacy check
    # finds) and one sent back to them with a note.
    g.ingebracht = wachtrij.breng_in(
        gegevens={"titel": "Ingebracht verhaal", "tekst": PRIVACY_TEKST, "toestemming": "openbaar"},
        door=g.verzamelaar,
    )
    g.teruggestuurd = wachtrij.breng_in(
        gegevens={"titel": "Teruggestuurd verhaal", "tekst": "Verzonnen voorbeeld over wachten."},
        door=g.verzamelaar,
    )
    wachtrij.stuur_terug(
        verhaal=g.teruggestuurd, notitie="Noem de straat niet.", door=g.onderzoeker
    )
    g.herstel_url = _herstel_url(g.raadslid)
    _vertellers(g)
    assert Verhaal.objects.filter(pk=g.verhaal.pk).exists()
    return g


def _rondes(g):
    """An open coding round (the researcher has coded in it) and a closed one
    with differences to settle; the researcher and Cor are the coders."""
    from verhalen.services import rondes

    verhalen = [g.verhaal, *Verhaal.objects.exclude(pk=g.verhaal.pk).order_by("pk")[:2]]
    codes = [g.vertrouwen, g.subcode]

    def ronde(titel):
        return rondes.maak_ronde(
            titel=titel,
            verhalen=verhalen,
            codes=codes,
            codeurs=[g.onderzoeker, g.collega],
            door=g.onderzoeker,
        )

    g.ronde = ronde("Proefronde open")
    g.rondecodering = rondes.codeer(
        ronde=g.ronde,
        verhaal=g.verhaal,
        start=0,
        eind=30,
        codes=[g.vertrouwen],
        codeur=g.onderzoeker,
    )
    g.ronde_gesloten = ronde("Proefronde gesloten")
    for codeur, eind in ((g.onderzoeker, 30), (g.collega, 90)):
        rondes.codeer(
            ronde=g.ronde_gesloten,
            verhaal=g.verhaal,
            start=0,
            eind=eind,
            codes=[g.vertrouwen],
            codeur=codeur,
            memo="Verzonnen memo.",
        )
        for verhaal in verhalen:
            rondes.zet_klaar(ronde=g.ronde_gesloten, verhaal=verhaal, codeur=codeur)
    rondes.sluit_ronde(ronde=g.ronde_gesloten, door=g.onderzoeker)


def _vertellers(g):
    """Stories with a consent receipt: one whose teller lowered consent once
    (its code opens the teller's pages), one erased on the teller's request."""
    from tests.verhalen.factories import FragmentFactory
    from vertellers import services as vertellers_services

    g.vertellersverhaal = VerhaalFactory(
        titel="Mijn eigen verhaal", toestemming=Toestemming.OPENBAAR, themas=[g.vertrouwen]
    )
    FragmentFactory(verhaal=g.vertellersverhaal, start=0, eind=25, codes=[g.vertrouwen])
    g.verteller_code = vertellers_services.maak_toestemmingsbewijs(
        verhaal=g.vertellersverhaal, door=g.onderzoeker
    )
    vertellers_services.verander_toestemming(
        verhaal=g.vertellersverhaal, naar=Toestemming.BREDE_RAAD, basis_url="http://testserver"
    )
    g.ander_vertellersverhaal = VerhaalFactory(titel="Nog een eigen verhaal")
    g.gewist_verhaal = VerhaalFactory(titel="Wordt gewist")
    g.gewist_code = vertellers_services.maak_toestemmingsbewijs(
        verhaal=g.gewist_verhaal, door=g.onderzoeker
    )
    vertellers_services.wis_op_verzoek(verhaal=g.gewist_verhaal, basis_url="http://testserver")


def _herstel_url(user):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return f"/accounts/herstel/{uid}/{default_token_generator.make_token(user)}/"


def gebruiker_van(gegevens, rol):
    """(account, whether the second step is passed) of `rol`; (None, False) for visitors."""
    if rol == ANONIEM:
        return None, False
    attribuut, geverifieerd = ACCOUNTS[rol]
    return getattr(gegevens, attribuut), geverifieerd


def log_client_in(client, gegevens, rol):
    """Log the test client in as `rol` (second step passed or not, as the role says)."""
    from tests.helpers import app_device, log_in

    user, geverifieerd = gebruiker_van(gegevens, rol)
    if user is not None:
        log_in(client, user, verified=geverifieerd)
        if rol == TWEEDE_STAP:
            app_device(user)
    return client


def log_browser_in(login, gegevens, rol):
    """Log the browser in through the real forms (login fixture of tests/browser)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, geverifieerd = gebruiker_van(gegevens, rol)
    if user is not None:
        login(user, second_step=geverifieerd)
        if rol == ZONDER_APP:
            TOTPDevice.objects.filter(user=user).delete()
