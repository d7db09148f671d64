"""Fuzzing every form and every query parameter: no input gives a server error.

Hypothesis sends, as a role that may use the page, values of every kind to
each field of each form (taken from the form or filter class itself, so a
new field is fuzzed too) and to each query parameter of the lists, searches,
exports and feeds: unicode of every plane, NUL characters (PostgreSQL
refuses them in text), lone surrogates (sent as the invalid UTF-8 bytes a
client would send), very long strings, negative and huge numbers, invalid
dates, several values for one field, unknown choices — mixed with valid
values, so the checks behind the first field are reached too.

Every example runs in a savepoint that is rolled back. The answer must be
below 500 and no exception may have been raised.

Examples per target: 25, or FUZZ_VOORBEELDEN (e.g. FUZZ_VOORBEELDEN=1000).
The number of requests sent is printed at the end of the module (pytest -s).
"""

import dataclasses
import os
from collections.abc import Callable
from urllib.parse import quote

import pytest
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.tweestaps.forms import AppCodeForm, BevestigAppForm, ReservecodeForm
from adviezen.forms import AanbevelingForm, AanbiedenForm, AdviesForm, AntwoordForm
from kenniscafes.forms import AanmeldForm, AgendaFilterForm
from projecten.filters import ProjectFilter, PublicatieFilter, WerkteamFilter
from tests.carelab.toegang_wereld import bouw_wereld
from tests.helpers import log_in
from verhalen.forms.codering import (
    CodeForm,
    FragmentFilter,
    FragmentForm,
    MatrixForm,
    SamenvoegForm,
    SubcodeForm,
    VerplaatsForm,
)
from verhalen.forms.collecties import (
    CollectieForm,
    CollectieItemForm,
    ReflectieForm,
    VoegToeForm,
    ZoekVerhaalForm,
)
from verhalen.forms.filters import VerhaalFilter
from verhalen.forms.importeren import ImportForm
from verhalen.forms.kenmerken import KenmerkForm, KenmerkZettenForm
from verhalen.forms.memos import MemoForm
from verhalen.forms.rondes import BeslissingForm, RondecoderingForm, RondeForm
from verhalen.forms.selectie import AanCollectieForm
from verhalen.forms.verhaal import HerstelForm, VerhaalForm, WisForm
from verhalen.forms.wachtrij import OpnameForm, TerugstuurForm, VerzamelForm
from verhalen.selectors.memos import MemoFilter
from vertellers.forms import CodeForm as VertellerCodeForm
from vertellers.forms import ContactgegevensForm, StemForm, ToestemmingForm
from vertellers.inzending import InzendForm
from vertellers.services import maak_toestemmingsbewijs

pytestmark = pytest.mark.django_db

VOORBEELDEN = int(os.environ.get("FUZZ_VOORBEELDEN", "25"))
VERZONDEN = {"aantal": 0}

# ---------------------------------------------------------------- values

tekst = st.text(max_size=40)  # every plane, lone surrogates included
met_nul = st.builds(lambda a, b: f"{a}\x00{b}", tekst, tekst)
lang = st.integers(1_000, 10_000).map(lambda n: "ë" * n)
getal = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["-1", "0", "1e309", "NaN", "inf", "0x1f", "１２", " 7 ", "9" * 50, "1.5"]),
)
datum = st.one_of(
    st.dates().map(str),
    st.sampled_from(
        ["2023-02-30", "0000-00-00", "9999-12-31", "10000-01-01", "2024-13-01", "31-12-2024"]
    ),
)
rommel = st.one_of(tekst, met_nul, lang, getal, datum, st.just(""))


def veldwaarde(geldig=None):
    """A value for one field: rubbish, several values, or (when known) a valid one."""
    keuzes = [rommel, st.lists(rommel, min_size=2, max_size=3), st.none()]
    if geldig is not None:
        keuzes.append(st.just(geldig))
    return st.one_of(*keuzes)


def _codeer(waarde):
    # Lone surrogates go out as the invalid UTF-8 bytes a client would send.
    return quote(str(waarde).encode("utf-8", "surrogatepass"), safe="")


def urlencode(gegevens):
    delen = []
    for naam, waarde in gegevens.items():
        if waarde is None:
            continue
        for enkel in waarde if isinstance(waarde, list) else [waarde]:
            delen.append(f"{_codeer(naam)}={_codeer(enkel)}")
    return "&".join(delen)


# --------------------------------------------------------------- targets


def velden(*klassen, extra=()):
    """The field names of forms and filtersets, plus `extra` (buttons, hidden values)."""
    namen = []
    for klasse in klassen:
        basis = getattr(klasse, "base_filters", None) or klasse.base_fields
        namen += [naam for naam in basis if naam not in namen]
    return [*namen, *extra]


@dataclasses.dataclass(frozen=True)
class Doel:
    naam: str
    rol: str
    methode: str
    url: Callable
    velden: list
    geldig: Callable = lambda w: {}
    voorbereiding: Callable | None = None  # e.g. open the reset link first

    def strategie(self, wereld):
        geldig = self.geldig(wereld)
        return st.fixed_dictionaries(
            {veld: veldwaarde(geldig.get(veld)) for veld in self.velden},
            optional={"onbekend_veld": rommel},
        )


def _verhaal(w):
    return {
        "titel": "Een verhaal",
        "tekst": "Dit is een verzonnen verhaal over wachten.",
        "verteller_type": "bewoner",
        "pseudoniem": "Bewoner",
        "gemeente": "rotterdam",
        "verzamelwijze": "interview",
        "toestemming": "onderzoek",
        "themas": str(w.thema.pk),
        "versie": str(w.verhaal_onderzoek.versie),
    }


def _fragment(w):
    return {"start": "0", "eind": "10", "codes": str(w.thema.pk), "memo": "memo"}


def _code(w):
    return {"name": "Een code", "parent": str(w.thema.pk), "kleur": "#112233", "bevestigd": "ja"}


def _collectie(w):
    return {"titel": "Een collectie", "publiek": "openbaar", "inleiding": "Inleiding"}


def _herstel_openen(client, w):
    client.get(
        reverse(
            "password_reset_confirm",
            kwargs={"uidb64": w.herstel_uid, "token": w.herstel_token},
        )
    )


def _verteller_openen(client, w):
    """Open the teller's page of the public story (a new code, in the savepoint)."""
    code = maak_toestemmingsbewijs(verhaal=w.verhaal_openbaar, door=None)
    client.post(reverse("vertellers:start"), {"code": code})


ITEM = {"slug": "matrix-brede-raad"}

FORMULIEREN = [
    Doel(
        "mijn verhaal: code",
        "anoniem",
        "POST",
        lambda w: reverse("vertellers:start"),
        velden(VertellerCodeForm),
        lambda w: {"code": "ABCD-EFGH-JKMN-PQRS-TVWX"},
    ),
    Doel(
        "mijn verhaal: betekenis",
        "anoniem",
        "POST",
        lambda w: reverse("vertellers:betekenis"),
        velden(StemForm, extra=[f"oordeel_{n}" for n in range(1, 4)] + ["toelichting_1"]),
        lambda w: {"betekenis": "Mijn woorden"},
        voorbereiding=_verteller_openen,
    ),
    Doel(
        "mijn verhaal: toestemming",
        "anoniem",
        "POST",
        lambda w: reverse("vertellers:toestemming"),
        velden(ToestemmingForm, extra=["bevestigd"]),
        lambda w: {"naar": "onderzoek"},
        voorbereiding=_verteller_openen,
    ),
    Doel(
        "mijn verhaal: wissen",
        "anoniem",
        "POST",
        lambda w: reverse("vertellers:wissen"),
        ["bevestigd"],
        lambda w: {"bevestigd": ""},
        voorbereiding=_verteller_openen,
    ),
    Doel(
        "contactgegevens",
        "onderzoeker",
        "POST",
        lambda w: reverse("vertellers:contactgegevens", args=[w.verhaal_onderzoek.pk]),
        velden(ContactgegevensForm),
        lambda w: {"naam": "Iemand", "email": "iemand@example.org"},
    ),
    Doel(
        "toestemmingsbewijs als pdf",
        "onderzoeker",
        "POST",
        lambda w: reverse("vertellers:bewijs_pdf", args=[w.verhaal_onderzoek.pk]),
        ["code"],
    ),
    Doel(
        "verhaal nieuw",
        "onderzoeker",
        "POST",
        lambda w: reverse("verhalen:create"),
        velden(VerhaalForm, extra=["privacy_akkoord", "kenmerk_levensdomein"]),
        _verhaal,
    ),
    Doel(
        "verhaal bewerken",
        "onderzoeker",
        "POST",
        lambda w: reverse("verhalen:update", args=[w.verhaal_onderzoek.pk]),
        velden(VerhaalForm, extra=["privacy_akkoord", "kenmerk_levensdomein"]),
        _verhaal,
    ),
    Doel(
        "verhalen importeren",
        "onderzoeker",
        "POST",
        lambda w: reverse("verhalen:importeren"),
        velden(ImportForm),
        lambda w: {"verteller_type": "bewoner", "verzamelwijze": "interview"},
    ),
    Doel(
        "verhalen aan collectie",
        "onderzoeker",
        "POST",
        lambda w: reverse("verhalen:aan_collectie"),
        velden(AanCollectieForm, extra=["next"]),
        lambda w: {
            "collectie": str(w.collectie_openbaar.pk),
            "verhalen": str(w.verhaal_openbaar.pk),
            "next": "/verhalen/",
        },
    ),
    Doel(
        "verhaal herstellen",
        "onderzoeker",
        "POST",
        lambda w: reverse(
            "verhalen:herstel", args=[w.verhaal_onderzoek.pk, w.verhaal_versie.history_id]
        ),
        velden(HerstelForm),
        lambda w: {"versie": str(w.verhaal_onderzoek.versie)},
    ),
    Doel(
        "verhaal wissen",
        "beheerder",
        "POST",
        lambda w: reverse("verhalen:wissen", args=[w.verhaal_ingetrokken.pk]),
        velden(WisForm),
        lambda w: {"kenmerk": "verzoek 12", "bevestig": "on"},
    ),
    Doel(
        "fragment nieuw",
        "onderzoeker",
        "POST",
        lambda w: reverse("codeboek:fragment_nieuw", args=[w.verhaal_onderzoek.pk]),
        velden(FragmentForm),
        _fragment,
    ),
    Doel(
        "fragment bewerken",
        "onderzoeker",
        "POST",
        lambda w: reverse(
            "codeboek:fragment_bewerken", args=[w.verhaal_onderzoek.pk, w.fragment.pk]
        ),
        velden(FragmentForm),
        _fragment,
    ),
    Doel(
        "kenmerk nieuw",
        "onderzoeker",
        "POST",
        lambda w: reverse("verhalen:kenmerk_nieuw"),
        velden(KenmerkForm),
        lambda w: {"naam": "Hulpvraag", "soort": "keuze", "keuzes": "ja\nnee", "volgorde": "5"},
    ),
    Doel(
        "kenmerk bewerken",
        "onderzoeker",
        "POST",
        lambda w: reverse("verhalen:kenmerk_bewerken", args=[w.kenmerk.slug]),
        velden(KenmerkForm),
        lambda w: {"naam": "Domein", "soort": "keuze", "keuzes": "wonen\nwerk", "volgorde": "5"},
    ),
    Doel(
        "kenmerk zetten",
        "onderzoeker",
        "POST",
        lambda w: reverse("verhalen:kenmerk_zetten"),
        velden(KenmerkZettenForm, extra=["next"]),
        lambda w: {
            "kenmerk": w.kenmerk.slug,
            "waarde": "wonen",
            "verhalen": str(w.verhaal_openbaar.pk),
            "next": "/verhalen/",
        },
    ),
    Doel(
        "memo nieuw",
        "onderzoeker",
        "POST",
        lambda w: reverse("memos:nieuw") + f"?verhaal={w.verhaal_onderzoek.pk}",
        velden(MemoForm, extra=["privacy_akkoord"]),
        lambda w: {"titel": "Een memo", "tekst": "Wachten komt steeds terug."},
    ),
    Doel(
        "memo bewerken",
        "onderzoeker",
        "POST",
        lambda w: reverse("memos:bewerken", args=[w.memo.pk]),
        velden(MemoForm, extra=["privacy_akkoord"]),
        lambda w: {"titel": "", "tekst": "Anders gezien."},
    ),
    Doel(
        "coderingsronde opzetten",
        "onderzoeker",
        "POST",
        lambda w: reverse("codeboek:ronde_nieuw"),
        velden(RondeForm),
        lambda w: {
            "titel": "Ronde",
            "codes": str(w.thema.pk),
            "codeurs": str(w.gebruikers["onderzoeker"].pk),
            "steekproef": "1",
        },
    ),
    Doel(
        "coderingsronde: filter van de verhalen",
        "onderzoeker",
        "GET",
        lambda w: reverse("codeboek:ronde_nieuw"),
        velden(VerhaalFilter),
    ),
    Doel(
        "codering in een ronde",
        "onderzoeker",
        "POST",
        lambda w: reverse("codeboek:ronde_verhaal", args=[w.ronde.pk, w.verhaal_onderzoek.pk]),
        velden(RondecoderingForm),
        _fragment,
    ),
    Doel(
        "codering in een ronde (werkruimte)",
        "onderzoeker",
        "POST",
        lambda w: reverse(
            "codeboek:ronde_codering_bewerken_json",
            args=[w.ronde.pk, w.verhaal_onderzoek.pk, w.rondecodering.pk],
        ),
        velden(RondecoderingForm),
        _fragment,
    ),
    Doel(
        "verschil beslechten",
        "onderzoeker",
        "POST",
        lambda w: reverse("codeboek:ronde_verschillen", args=[w.ronde_gesloten.pk]),
        velden(BeslissingForm),
        lambda w: {
            "code": str(w.thema.pk),
            "verhaal": str(w.verhaal_onderzoek.pk),
            "eenheid": "0",
            "keuze": "overnemen",
            "versie_van": str(w.gebruikers["onderzoeker"].pk),
        },
    ),
    Doel(
        "code nieuw",
        "onderzoeker",
        "POST",
        lambda w: reverse("codeboek:nieuw"),
        velden(SubcodeForm),
        _code,
    ),
    Doel(
        "code bewerken",
        "onderzoeker",
        "POST",
        lambda w: reverse("codeboek:bewerken", args=[w.subcode.slug]),
        velden(CodeForm, extra=["bevestigd"]),
        _code,
    ),
    Doel(
        "code verplaatsen",
        "onderzoeker",
        "POST",
        lambda w: reverse("codeboek:verplaatsen", args=[w.subcode.slug]),
        velden(VerplaatsForm, extra=["bevestigd"]),
        lambda w: {"parent": str(w.thema.pk), "bevestigd": "ja"},
    ),
    Doel(
        "code samenvoegen",
        "onderzoeker",
        "POST",
        lambda w: reverse("codeboek:samenvoegen", args=[w.subcode.slug]),
        velden(SamenvoegForm, extra=["bevestigd"]),
        lambda w: {"doel": str(w.thema.pk), "bevestigd": "ja"},
    ),
    Doel(
        "collectie nieuw",
        "onderzoeker",
        "POST",
        lambda w: reverse("collecties:nieuw"),
        velden(CollectieForm),
        _collectie,
    ),
    Doel(
        "collectie bewerken",
        "onderzoeker",
        "POST",
        lambda w: reverse("collecties:bewerken", kwargs=ITEM),
        velden(CollectieForm),
        _collectie,
    ),
    Doel(
        "collectie publiceren",
        "onderzoeker",
        "POST",
        lambda w: reverse("collecties:publiceren", kwargs=ITEM),
        ["actie"],
    ),
    Doel(
        "verhaal aan collectie toevoegen",
        "onderzoeker",
        "POST",
        lambda w: reverse("collecties:voeg_toe"),
        velden(VoegToeForm, extra=["bevestig", "fragment", "next"]),
        lambda w: {
            "verhaal": str(w.verhaal_openbaar.pk),
            "collectie": str(w.collectie_openbaar.pk),
            "bevestig": "1",
        },
    ),
    Doel(
        "snel toevoegen",
        "onderzoeker",
        "POST",
        lambda w: reverse("collecties:voeg_toe_snel", kwargs={"slug": "matrix-openbaar"}),
        ["verhaal", "next"],
        lambda w: {"verhaal": str(w.verhaal_openbaar.pk)},
    ),
    Doel(
        "collectie-item bewerken",
        "onderzoeker",
        "POST",
        lambda w: reverse("collecties:item_bewerken", kwargs={**ITEM, "pk": w.item.pk}),
        velden(CollectieItemForm),
        lambda w: {"notitie": "Notitie"},
    ),
    Doel(
        "collectie-item verplaatsen",
        "onderzoeker",
        "POST",
        lambda w: reverse("collecties:item_verplaatsen", kwargs={**ITEM, "pk": w.item.pk}),
        ["richting"],
    ),
    Doel(
        "reflectie nieuw",
        "brede_raad",
        "POST",
        lambda w: reverse("collecties:reflectie_nieuw", kwargs=ITEM),
        velden(ReflectieForm, extra=["passage", "toch_opslaan"]),
        lambda w: {"tekst": "Dit herken ik.", "passage": f"{w.verhaal_brede_raad.pk}-0-10"},
    ),
    Doel(
        "advies nieuw",
        "brede_raad",
        "POST",
        lambda w: reverse("adviezen:nieuw"),
        velden(AdviesForm, extra=["toch_opslaan"]),
        lambda w: {"titel": "Een advies", "inleiding": "Waarom."},
    ),
    Doel(
        "advies bewerken",
        "onderzoeker",
        "POST",
        lambda w: reverse("adviezen:bewerken", kwargs={"slug": w.advies_concept.slug}),
        velden(AdviesForm, extra=["toch_opslaan"]),
        lambda w: {"titel": "Een advies", "themas": str(w.thema.pk)},
    ),
    Doel(
        "aanbeveling nieuw",
        "brede_raad",
        "POST",
        lambda w: reverse("adviezen:aanbeveling_nieuw", kwargs={"slug": w.advies_concept.slug}),
        velden(AanbevelingForm, extra=["toch_opslaan"]),
        lambda w: {"tekst": "Bel mensen terug."},
    ),
    Doel(
        "aanbeveling bewerken en citeren",
        "brede_raad",
        "POST",
        lambda w: reverse(
            "adviezen:aanbeveling", kwargs={"slug": w.advies_concept.slug, "pk": w.aanbeveling.pk}
        ),
        ["tekst", "toch_opslaan", "citeer", "keuze"],
        lambda w: {"citeer": "1", "keuze": f"p{w.verhaal_brede_raad.pk}-0-10"},
    ),
    Doel(
        "advies status",
        "onderzoeker",
        "POST",
        lambda w: reverse("adviezen:status", kwargs={"slug": w.advies_concept.slug}),
        ["status", *velden(AanbiedenForm)],
        lambda w: {"status": "aangeboden", "aangeboden_op": "2026-11-03"},
    ),
    Doel(
        "advies opmerking",
        "brede_raad",
        "POST",
        lambda w: reverse("adviezen:opmerking_nieuw", kwargs={"slug": w.advies_concept.slug}),
        ["opmerking-tekst", "opmerking-toch_opslaan"],
        lambda w: {"opmerking-tekst": "Goed zo."},
    ),
    Doel(
        "antwoord van de gemeente",
        "coordinator",
        "POST",
        lambda w: reverse("adviezen:antwoorden", kwargs={"slug": w.advies_aangeboden.slug}),
        [f"aanbeveling-1-{veld}" for veld in velden(AntwoordForm)],
        lambda w: {"aanbeveling-1-oordeel": "deels", "aanbeveling-1-datum": "2026-12-01"},
    ),
    Doel(
        "reflectie bewerken",
        "brede_raad",
        "POST",
        lambda w: reverse("collecties:reflectie_bewerken", kwargs={**ITEM, "pk": w.reflectie.pk}),
        velden(ReflectieForm),
        lambda w: {"tekst": "Dit herken ik."},
    ),
    Doel(
        "tekstgrootte",
        "anoniem",
        "POST",
        lambda w: reverse("collecties:tekstgrootte"),
        ["grootte", "next"],
    ),
    Doel(
        "verhaal insturen (website)",
        "anoniem",
        "POST",
        lambda w: reverse("inzenden:formulier"),
        velden(InzendForm),
        lambda w: {
            "titel": "Mijn verhaal",
            "tekst": "Ik wachtte lang.",
            "toestemming": "onderzoek",
            "verteller_type": "bewoner",
            "gemeente": "rotterdam",
        },
    ),
    Doel(
        "verhaal inbrengen (verzamelaar)",
        "beheerder",
        "POST",
        lambda w: reverse("verhalen:verzamelen_nieuw"),
        velden(VerzamelForm, extra=["privacy_akkoord"]),
        _verhaal,
    ),
    Doel(
        "verhaal opnemen (wachtrij)",
        "onderzoeker",
        "POST",
        lambda w: reverse("verhalen:beoordelen", args=[w.verhaal_wachtrij.pk]),
        velden(OpnameForm, extra=["privacy_akkoord"]),
        lambda w: {**_verhaal(w), "versie": str(w.verhaal_wachtrij.versie)},
    ),
    Doel(
        "verhaal terugsturen (wachtrij)",
        "onderzoeker",
        "POST",
        lambda w: reverse("verhalen:terugsturen", args=[w.verhaal_wachtrij.pk]),
        velden(TerugstuurForm),
        lambda w: {"notitie": "Graag aanpassen."},
    ),
    Doel(
        "aanmelden kenniscafé",
        "anoniem",
        "POST",
        lambda w: reverse("kenniscafes:aanmelden", args=[w.cafe.slug]),
        velden(AanmeldForm),
        lambda w: {"naam": "Iemand", "email": "iemand@example.org"},
    ),
    Doel(
        "afmelden kenniscafé",
        "anoniem",
        "POST",
        lambda w: reverse("kenniscafes:afmelden", args=[w.aanmelding.token]),
        ["bevestig"],
    ),
    Doel(
        "inloggen",
        "anoniem",
        "POST",
        lambda w: reverse("login"),
        velden(AuthenticationForm, extra=["next"]),
        lambda w: {"username": "matrix-zonderrol"},
    ),
    Doel(
        "wachtwoord vergeten",
        "anoniem",
        "POST",
        lambda w: reverse("password_reset"),
        velden(PasswordResetForm),
        lambda w: {"email": "matrix-zonderrol@example.org"},
    ),
    Doel(
        "nieuw wachtwoord",
        "anoniem",
        "POST",
        lambda w: reverse(
            "password_reset_confirm", kwargs={"uidb64": w.herstel_uid, "token": "set-password"}
        ),
        velden(SetPasswordForm),
        voorbereiding=_herstel_openen,
    ),
    Doel(
        "tweede stap: code",
        "zonder_tweede_stap",
        "POST",
        lambda w: reverse("tweestaps:controleren"),
        [f"app-{veld}" for veld in AppCodeForm.base_fields]
        + [f"reserve-{veld}" for veld in ReservecodeForm.base_fields]
        + ["next"],
        lambda w: {"app-code": "123456"},
    ),
    Doel(
        "tweede stap: app instellen",
        "zonder_rol",
        "POST",
        lambda w: reverse("tweestaps:instellen"),
        velden(BevestigAppForm, extra=["next"]),
        lambda w: {"code": "123456"},
    ),
    Doel(
        "tweede stap: nieuwe reservecodes",
        "onderzoeker",
        "POST",
        lambda w: reverse("tweestaps:reservecodes"),
        velden(AppCodeForm, extra=["bewaard", "next"]),
    ),
]

PAGINA = ["pagina", "page"]

ZOEKPAGINAS = [
    Doel(
        "verhalenlijst",
        "onderzoeker",
        "GET",
        lambda w: reverse("verhalen:list"),
        velden(VerhaalFilter, extra=[*PAGINA, "kenmerk_levensdomein"]),
        lambda w: {
            "thema": w.thema.slug,
            "q": "wachten",
            "toestemming": "openbaar",
            "kenmerk_levensdomein": "wonen",
        },
    ),
    Doel(
        "memolijst",
        "onderzoeker",
        "GET",
        lambda w: reverse("memos:list"),
        velden(MemoFilter, extra=PAGINA),
        lambda w: {"code": w.thema.slug, "q": "wachten", "soort": "verhaal"},
    ),
    Doel(
        "memo export",
        "onderzoeker",
        "GET",
        lambda w: reverse("memos:export"),
        velden(MemoFilter),
        lambda w: {"verhaal": str(w.verhaal_onderzoek.pk), "van": "2020-01-01"},
    ),
    Doel(
        "export csv",
        "onderzoeker",
        "GET",
        lambda w: reverse("verhalen:export_csv"),
        velden(VerhaalFilter),
        lambda w: {"thema": w.thema.slug, "q": "wachten"},
    ),
    Doel(
        "export json",
        "onderzoeker",
        "GET",
        lambda w: reverse("verhalen:export_json"),
        velden(VerhaalFilter),
        lambda w: {"wijk": w.wijk.slug, "van": "2020-01-01"},
    ),
    Doel(
        "export qdpx",
        "onderzoeker",
        "GET",
        lambda w: reverse("uitwisseling:export_qdpx"),
        velden(VerhaalFilter),
        lambda w: {"thema": w.thema.slug, "gemeente": "rotterdam"},
    ),
    Doel(
        "ingetrokken verhalen",
        "beheerder",
        "GET",
        lambda w: reverse("verhalen:ingetrokken"),
        PAGINA,
    ),
    Doel(
        "geschiedenis van een verhaal",
        "onderzoeker",
        "GET",
        lambda w: reverse("verhalen:geschiedenis", args=[w.verhaal_onderzoek.pk]),
        ["pagina", "fragmenten"],
    ),
    Doel(
        "fragmenten van een code",
        "onderzoeker",
        "GET",
        lambda w: reverse("codeboek:detail", args=[w.subcode.slug]),
        velden(FragmentFilter, extra=PAGINA),
    ),
    Doel(
        "mijn coderingen",
        "onderzoeker",
        "GET",
        lambda w: reverse("codeboek:mijn_coderingen"),
        velden(FragmentFilter, extra=PAGINA),
    ),
    Doel(
        "export van een code",
        "onderzoeker",
        "GET",
        lambda w: reverse("codeboek:export", args=[w.subcode.slug]),
        velden(FragmentFilter),
    ),
    Doel(
        "codematrix",
        "onderzoeker",
        "GET",
        lambda w: reverse("codeboek:matrix"),
        velden(MatrixForm, FragmentFilter, extra=["format"]),
        lambda w: {"kolom": "gemeente", "rijen": str(w.thema.pk)},
    ),
    Doel(
        "samenhang",
        "onderzoeker",
        "GET",
        lambda w: reverse("codeboek:samenhang"),
        velden(FragmentFilter, extra=["format", *PAGINA]),
    ),
    Doel(
        "codeboekgeschiedenis",
        "onderzoeker",
        "GET",
        lambda w: reverse("codeboek:geschiedenis"),
        PAGINA,
    ),
    Doel(
        "nieuwe code onder",
        "onderzoeker",
        "GET",
        lambda w: reverse("codeboek:nieuw"),
        ["onder"],
        lambda w: {"onder": w.thema.slug},
    ),
    Doel(
        "collecties",
        "brede_raad",
        "GET",
        lambda w: reverse("collecties:list"),
        PAGINA,
    ),
    Doel(
        "collectie lezen",
        "brede_raad",
        "GET",
        lambda w: reverse("collecties:detail", kwargs=ITEM),
        ["reflecties", "passage"],
    ),
    Doel(
        "collectie bewerken: zoeken",
        "onderzoeker",
        "GET",
        lambda w: reverse("collecties:bewerken", kwargs=ITEM),
        velden(ZoekVerhaalForm, extra=PAGINA),
        lambda w: {"zoek": "Matrix"},
    ),
    Doel(
        "verhaal toevoegen: formulier",
        "onderzoeker",
        "GET",
        lambda w: reverse("collecties:voeg_toe"),
        ["verhaal", "fragment", "collectie", "next"],
        lambda w: {"verhaal": str(w.verhaal_openbaar.pk)},
    ),
    Doel(
        "kenniscafé-agenda",
        "anoniem",
        "GET",
        lambda w: reverse("kenniscafes:agenda"),
        ["page"],
    ),
    Doel(
        "kenniscafé-archief",
        "anoniem",
        "GET",
        lambda w: reverse("kenniscafes:archief"),
        velden(AgendaFilterForm, extra=["page"]),
        lambda w: {"thema": w.thema.slug},
    ),
    Doel(
        "projecten",
        "anoniem",
        "GET",
        lambda w: reverse("projecten:list"),
        velden(ProjectFilter, extra=["page"]),
    ),
    Doel(
        "werkteams",
        "anoniem",
        "GET",
        lambda w: reverse("projecten:werkteam_list"),
        velden(WerkteamFilter, extra=["page"]),
    ),
    Doel(
        "publicaties",
        "anoniem",
        "GET",
        lambda w: reverse("projecten:publicatie_list"),
        velden(PublicatieFilter, extra=["page"]),
    ),
    Doel(
        "inloggen: terug naar",
        "anoniem",
        "GET",
        lambda w: reverse("login"),
        ["next"],
    ),
    Doel(
        "beheer: kenniscafés",
        "coordinator",
        "GET",
        lambda w: reverse("admin:kenniscafes_kenniscafe_changelist"),
        ["q", "o", "p", "e", "all", "gepubliceerd__exact", "start__year", "start__month"],
    ),
    Doel(
        "beheer: aanmeldingen",
        "coordinator",
        "GET",
        lambda w: reverse("admin:kenniscafes_aanmelding_changelist"),
        ["q", "o", "p", "status__exact", "kenniscafe__id__exact", "aangemeld_op__year"],
    ),
    Doel(
        "beheer: verhalen",
        "beheerder",
        "GET",
        lambda w: reverse("admin:verhalen_verhaal_changelist"),
        ["q", "o", "p", "toestemming__exact"],
    ),
]

ALLE_DOELEN = [*FORMULIEREN, *ZOEKPAGINAS]


# ------------------------------------------------------------- machinery


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    """The world of the permission matrix, built once and rolled back after the module."""
    with django_db_blocker.unblock():
        buitenste = transaction.atomic()
        buitenste.__enter__()
        try:
            yield bouw_wereld()
        finally:
            transaction.set_rollback(True)
            buitenste.__exit__(None, None, None)
            print(f"\nFuzz: {VERZONDEN['aantal']} verzoeken verstuurd.")


def verstuur(client, doel, url, gegevens):
    VERZONDEN["aantal"] += 1
    if doel.methode == "GET":
        query = urlencode(gegevens)
        return client.get(f"{url}?{query}" if query else url)
    return client.post(url, urlencode(gegevens), content_type="application/x-www-form-urlencoded")


def geen_serverfout(response):
    fout = getattr(response, "exc_info", None)
    assert fout is None, f"uitzondering: {fout[1]!r}"
    assert response.status_code < 500


@pytest.mark.parametrize("doel", ALLE_DOELEN, ids=lambda doel: doel.naam)
def test_invoer_geeft_nooit_een_serverfout(wereld, doel):
    client = Client(raise_request_exception=False)
    if doel.rol != "anoniem":
        gebruiker = wereld.gebruikers[doel.rol]
        log_in(client, gebruiker, verified=doel.rol != "zonder_tweede_stap")
    url = doel.url(wereld)

    @settings(
        max_examples=VOORBEELDEN,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )
    @given(gegevens=doel.strategie(wereld))
    def probeer(gegevens):
        with transaction.atomic():
            if doel.voorbereiding:
                doel.voorbereiding(client, wereld)
            response = verstuur(client, doel, url, gegevens)
            transaction.set_rollback(True)
        geen_serverfout(response)

    probeer()


# Path segments that are free text ("str" and "path" converters), as the role that may open them.
PADEN = [
    ("onderzoeker", "/codeboek/{}/"),
    ("onderzoeker", "/codeboek/{}/export.csv"),
    ("onderzoeker", "/codeboek/{}/bewerken/"),
    ("onderzoeker", "/codeboek/{}/verplaatsen/"),
    ("onderzoeker", "/codeboek/{}/samenvoegen/"),
    ("anoniem", "/kenniscafes/afmelden/{}/"),
    ("anoniem", "/mijn-verhaal/{}/"),
    ("anoniem", "/accounts/herstel/{}/set-password/"),
    ("anoniem", "/accounts/herstel/MQ/{}/"),
    ("anoniem", "/bestanden/publicaties/{}"),
    ("coordinator", "/admin/kenniscafes/kenniscafe/{}/change/"),
    ("beheerder", "/admin/verhalen/verhaal/{}/change/"),
    ("beheerder", "/admin/auth/user/{}/password/"),
]


@pytest.mark.parametrize(("rol", "pad"), PADEN, ids=[pad for _rol, pad in PADEN])
def test_vrije_tekst_in_het_pad_geeft_nooit_een_serverfout(wereld, rol, pad):
    client = Client(raise_request_exception=False)
    if rol != "anoniem":
        log_in(client, wereld.gebruikers[rol])

    @settings(
        max_examples=VOORBEELDEN,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(deel=st.one_of(tekst, met_nul, getal).filter(lambda deel: deel not in ("", ".", "..")))
    def probeer(deel):
        VERZONDEN["aantal"] += 1
        with transaction.atomic():
            response = client.get(pad.format(_codeer(deel)))
            transaction.set_rollback(True)
        geen_serverfout(response)

    probeer()
