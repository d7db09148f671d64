"""Script, HTML and Markdown injection in every field a user or coordinator
can write renders as text.

Each payload is stored through the models in EVERY editable text field of
every model that reaches a page (found by walking the model's fields, so a
new text field is covered without touching this file), and in every URL
field a `javascript:` link. Then every page that shows those records is
fetched as the role that sees it and parsed: no script from the payload
(only our own <script src>, and JSON-LD and JSON data blocks that parse as JSON), no on*
attributes, no javascript:/vbscript:/data:text/html links, no frames or
objects — and the titles are visible as plain text.
"""

import json
from html.parser import HTMLParser

import pytest
from django.db import models
from django.test import Client
from django.urls import reverse

from kennisagenda.models import Thema
from kenniscafes.models import Bijlage, Deelnemersoort, Feedback
from projecten.models import Bijdrage, Bijeenkomst, Projectpartner
from tests.factories import ThemaFactory, UserFactory
from tests.helpers import log_in
from tests.kenniscafes.factories import (
    AanmeldingFactory,
    KenniscafeFactory,
    LocatieFactory,
    ReeksFactory,
    SprekerFactory,
)
from tests.projecten.factories import (
    BijeenkomstFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    ProjectFactory,
    ProjectpartnerFactory,
    PublicatieFactory,
    WerkteamFactory,
)
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import (
    CollectieFactory,
    CollectieItemFactory,
    ReflectieFactory,
)
from verhalen.models import Betekenis, Publiek, Themaoordeel, Toestemming
from verhalen.services import verhalen as verhaal_services

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(2)>",
    "[klik](javascript:alert(3))",
    '<a href="javascript:alert(4)">klik</a>',
    "{{ 7*7 }} {% debug %}",
    "</textarea><script>alert(5)</script>",
    '</script><script>alert(6)</script><script type="application/ld+json">',
    "<iframe src=//evil.example></iframe><style>*{display:none}</style>",
    "![x](x onerror=alert(7)) <b onmouseover=alert(8)>vet</b>",
]
URL_PAYLOADS = [
    "javascript:alert(document.cookie)",
    " JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
]
GEVAARLIJKE_SCHEMAS = ("javascript:", "vbscript:", "data:text/html")
# Data the browser never runs (JSON-LD, Django's json_script): fine if it parses.
JSON_BLOKKEN = ("application/ld+json", "application/json")
URL_ATTRIBUTEN = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcdoc"}
VERBODEN_ELEMENTEN = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
# Fields that are never typed by a person, or cannot hold a payload.
OVERGESLAGEN = {"citaat", "kleur", "postcode", "cbs_wijkcode", "email"}


# --- storing the payload -------------------------------------------------------------


def vul(obj, payload, url=URL_PAYLOADS[0], **extra):
    """Put `payload` in every editable text field of `obj` (a `javascript:` URL in
    every URL field) and save it through the model."""
    for veld in obj._meta.concrete_fields:
        if not veld.editable or veld.choices or veld.name in OVERGESLAGEN:
            continue
        if isinstance(veld, models.URLField):
            setattr(obj, veld.name, url)
        elif isinstance(veld, models.SlugField | models.EmailField):
            continue
        elif isinstance(veld, models.CharField | models.TextField):
            if veld.max_length and veld.max_length < len(payload):
                continue
            setattr(obj, veld.name, payload)
    for naam, waarde in extra.items():
        setattr(obj, naam, waarde)
    obj.save()
    return obj


# --- reading the page ----------------------------------------------------------------


def _eigen_bron(src):
    """A script file from our own origin (static files, the admin's translations)."""
    return src.startswith("/") and not src.startswith("//")


class Ontleder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fouten = []
        self.tekst = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        attributen = dict(attrs)
        if tag in VERBODEN_ELEMENTEN:
            self.fouten.append(f"<{tag}> element")
        if tag == "meta" and (attributen.get("http-equiv") or "").lower() == "refresh":
            self.fouten.append("<meta http-equiv=refresh>")
        for naam, waarde in attrs:
            if naam.startswith("on"):
                self.fouten.append(f"<{tag} {naam}=…>")
            if naam in URL_ATTRIBUTEN and waarde:
                schoon = "".join(teken for teken in waarde if teken > " ").lower()
                if schoon.startswith(GEVAARLIJKE_SCHEMAS):
                    self.fouten.append(f"<{tag} {naam}={waarde!r}>")
        if tag == "script":
            self._script = (attributen, [])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            attributen, inhoud = self._script
            self._script = None
            tekst = "".join(inhoud)
            if attributen.get("type") in JSON_BLOKKEN:
                try:
                    json.loads(tekst)
                except ValueError:
                    self.fouten.append(f"JSON block that does not parse: {tekst[:80]!r}")
            elif not _eigen_bron(attributen.get("src") or "") or tekst.strip():
                self.fouten.append(f"<script> {attributen} {tekst[:80]!r}")

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
        else:
            self.tekst.append(data)


def controleer(response, *zichtbaar):
    """Assert that the page holds no executable markup, and that each string of
    `zichtbaar` is visible as text."""
    assert response.status_code == 200, response.status_code
    ontleder = Ontleder()
    ontleder.feed(response.content.decode())
    ontleder.close()
    assert ontleder.fouten == []
    tekst = "".join(ontleder.tekst)
    for verwacht in zichtbaar:
        assert verwacht in tekst


def als(user):
    """A client for `user` (None: anonymous), past the second login step if needed."""
    client = Client()
    if user is not None:
        log_in(client, user)
    return client


@pytest.fixture(params=PAYLOADS, ids=[f"payload{n}" for n in range(len(PAYLOADS))])
def payload(request):
    return request.param


# --- the parser itself --------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<p><script>alert(1)</script></p>",
        '<img src=x onerror="alert(1)">',
        '<a href=" javascript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<script type="application/ld+json">{"a": "</script><script>alert(1)</script>',
        "<iframe src=x></iframe>",
        '<script src="https://evil.example/x.js"></script>',
    ],
)
def test_the_check_recognises_executable_markup(html):
    ontleder = Ontleder()
    ontleder.feed(html)
    ontleder.close()
    assert ontleder.fouten != []


def test_the_check_accepts_our_own_scripts_and_json_ld():
    ontleder = Ontleder()
    ontleder.feed(
        '<script src="/static/js/coderen.js" defer></script>'
        '<script type="application/ld+json">{"name": "<\\/script>"}</script>'
        '<script type="application/json" id="codes">[{"naam": "\\u003Cb\\u003E"}]</script>'
    )
    assert ontleder.fouten == []


# --- stories, fragments, codes, collections, reflections ------------------------------


@pytest.fixture
def verhalenwereld(payload, onderzoeker, raadslid):
    """A story, a fragment and a code, a public collection with a reflection —
    every text field holding `payload`."""
    code = vul(ThemaFactory(parent=Thema.objects.get(slug="maatwerk")), payload)
    verhaal = vul(
        VerhaalFactory(toestemming=Toestemming.OPENBAAR, themas=[code]),
        payload,
        tekst=f"Begin van het verhaal. {payload} Einde van het verhaal.",
    )
    verhaal.trefwoorden.set([payload[:100]])
    verhaal.save()
    fragment = FragmentFactory(verhaal=verhaal, start=0, eind=len(verhaal.tekst), codes=[code])
    vul(fragment, payload)
    # A second version, so the history page compares texts with the payload.
    verhaal_services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"samenvatting": f"Nieuw: {payload}"},
        verwachte_versie=verhaal.versie,
        door=onderzoeker,
    )
    collectie = vul(
        CollectieFactory(publiek=Publiek.OPENBAAR, gepubliceerd=True, themas=[code]),
        payload,
    )
    item = vul(CollectieItemFactory(collectie=collectie, verhaal=verhaal), payload)
    item.fragmenten.set([fragment])
    vul(ReflectieFactory(collectie=collectie, auteur=raadslid), payload)
    return {"verhaal": verhaal, "fragment": fragment, "code": code, "collectie": collectie}


def test_story_pages_show_the_payload_as_text(verhalenwereld, onderzoeker, payload):
    verhaal, fragment = verhalenwereld["verhaal"], verhalenwereld["fragment"]
    client = als(onderzoeker)
    pk = verhaal.pk
    pagina_s = [
        reverse("verhalen:detail", args=[pk]),
        reverse("verhalen:update", args=[pk]),
        reverse("verhalen:geschiedenis", args=[pk]),
        reverse("codeboek:fragment_nieuw", args=[pk]),
        reverse("codeboek:fragment_bewerken", args=[pk, fragment.pk]),
        reverse("codeboek:fragment_verwijderen", args=[pk, fragment.pk]),
    ]
    for url in pagina_s:
        controleer(client.get(url), payload)


def test_story_list_and_search_show_the_payload_as_text(verhalenwereld, onderzoeker, payload):
    client = als(onderzoeker)
    controleer(client.get(reverse("verhalen:list")), payload)
    # A search term that matches the payload and the text around it (snippets).
    controleer(client.get(reverse("verhalen:list"), {"q": "verhaal"}))
    controleer(client.get(reverse("verhalen:list"), {"q": payload}))


def test_codebook_pages_show_the_payload_as_text(verhalenwereld, onderzoeker, payload):
    code = verhalenwereld["code"]
    client = als(onderzoeker)
    controleer(client.get(reverse("codeboek:index")), payload)
    controleer(client.get(reverse("codeboek:detail", args=[code.slug])), payload)
    controleer(client.get(reverse("codeboek:bewerken", args=[code.slug])), payload)
    controleer(client.get(reverse("codeboek:matrix")), payload)
    controleer(client.get(reverse("codeboek:samenhang")))
    controleer(client.get(reverse("codeboek:geschiedenis")))
    controleer(client.get(reverse("themas:detail", args=[code.slug])), payload)


def test_memo_and_attribute_pages_show_the_payload_as_text(verhalenwereld, onderzoeker, payload):
    from tests.verhalen.factories import KenmerkFactory, MemoFactory, kenmerkwaarde

    verhaal, fragment, code = (verhalenwereld[k] for k in ("verhaal", "fragment", "code"))
    memos = [
        vul(MemoFactory(auteur=onderzoeker, **onderwerp), payload)
        for onderwerp in ({"verhaal": verhaal}, {"fragment": fragment}, {"code": code}, {})
    ]
    kenmerk = vul(KenmerkFactory(slug="injectie", keuzes=[payload]), payload)
    kenmerkwaarde(verhaal, kenmerk, payload)
    client = als(onderzoeker)
    for url in [
        reverse("memos:list"),
        reverse("memos:list") + "?q=alert",
        *(reverse("memos:detail", args=[memo.pk]) for memo in memos),
        reverse("memos:bewerken", args=[memos[0].pk]),
        reverse("memos:verwijderen", args=[memos[0].pk]),
        reverse("memos:nieuw") + f"?fragment={fragment.pk}",
        reverse("verhalen:detail", args=[verhaal.pk]),
        reverse("codeboek:detail", args=[code.slug]),
        reverse("verhalen:kenmerken"),
        reverse("verhalen:kenmerk_bewerken", args=[kenmerk.slug]),
    ]:
        controleer(client.get(url), payload)
    for url in [
        reverse("verhalen:list"),
        reverse("verhalen:update", args=[verhaal.pk]),
        reverse("codeboek:matrix") + "?kolom=kenmerk_injectie",
    ]:
        controleer(client.get(url))


def test_coding_round_pages_show_the_payload_as_text(verhalenwereld, onderzoeker, payload):
    from verhalen.services import rondes

    verhaal, code = verhalenwereld["verhaal"], verhalenwereld["code"]
    collega = UserFactory(username="collega-injectie", role="onderzoeker")
    ronde = rondes.maak_ronde(
        titel=payload[:200],
        toelichting=payload,
        verhalen=[verhaal],
        codes=[code],
        codeurs=[onderzoeker, collega],
        door=onderzoeker,
    )
    codering = rondes.codeer(
        ronde=ronde,
        verhaal=verhaal,
        start=0,
        eind=len(verhaal.tekst),
        codes=[code],
        memo=payload,
        codeur=onderzoeker,
    )
    rondes.zet_klaar(ronde=ronde, verhaal=verhaal, codeur=onderzoeker)
    client = als(onderzoeker)
    pagina_s = [
        reverse("codeboek:rondes"),
        reverse("codeboek:ronde", args=[ronde.pk]),
        reverse("codeboek:ronde_verhaal", args=[ronde.pk, verhaal.pk]),
        reverse("codeboek:ronde_codering_bewerken", args=[ronde.pk, verhaal.pk, codering.pk]),
        reverse("codeboek:ronde_codering_verwijderen", args=[ronde.pk, verhaal.pk, codering.pk]),
    ]
    for url in pagina_s:
        controleer(client.get(url), payload[:200])
    rondes.sluit_ronde(ronde=ronde, door=onderzoeker)
    controleer(client.get(reverse("codeboek:ronde", args=[ronde.pk])), code.name)
    controleer(client.get(reverse("codeboek:ronde_verschillen", args=[ronde.pk])), payload)
    controleer(client.get(reverse("codeboek:ronde_nieuw")), verhaal.titel)


def test_collection_pages_show_the_payload_as_text(verhalenwereld, onderzoeker, raadslid, payload):
    collectie = verhalenwereld["collectie"]
    lezen = collectie.get_absolute_url()
    for user in [None, raadslid, onderzoeker]:
        controleer(als(user).get(lezen), collectie.titel)
        controleer(als(user).get(reverse("collecties:list")), collectie.titel)
        controleer(als(user).get(reverse("home")))
    controleer(als(onderzoeker).get(reverse("collecties:bewerken", args=[collectie.slug])))
    reflectie = collectie.reflecties.get()
    controleer(
        als(raadslid).get(
            reverse("collecties:reflectie_bewerken", args=[collectie.slug, reflectie.pk])
        )
    )
    controleer(
        als(raadslid).get(
            reverse("collecties:reflectie_verwijderen", args=[collectie.slug, reflectie.pk])
        )
    )


def test_collection_markdown_export_keeps_the_payload_as_text(verhalenwereld, onderzoeker, payload):
    collectie = verhalenwereld["collectie"]
    response = als(onderzoeker).get(reverse("collecties:export_md", args=[collectie.slug]))
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")


def test_the_admin_shows_stories_as_text(verhalenwereld, beheerder, payload):
    verhaal = verhalenwereld["verhaal"]
    client = als(beheerder)
    controleer(client.get(reverse("admin:verhalen_verhaal_change", args=[verhaal.pk])))
    controleer(client.get(reverse("admin:verhalen_verhaal_changelist")), payload)
    controleer(client.get(reverse("admin:verhalen_collectie_changelist")))
    controleer(client.get(reverse("admin:verhalen_inzage_changelist")))


# --- projects, werkteams, publications, organisations (kept in the admin) ------------


@pytest.fixture
def url_payload(payload):
    """One of the dangerous links, a different one per payload."""
    return URL_PAYLOADS[PAYLOADS.index(payload) % len(URL_PAYLOADS)]


@pytest.fixture
def projectwereld(payload, url_payload):
    financier = vul(OrganisatieFactory(), payload, url=url_payload)
    project = vul(ProjectFactory(financier=financier), payload)
    partner = vul(OrganisatieFactory(), payload + " partner", url=url_payload)
    ProjectpartnerFactory(project=project, organisatie=partner, rol=Projectpartner.Rol.PARTNER)
    werkteam = vul(WerkteamFactory(project=project), payload)
    persoon = vul(PersoonFactory(toon_naam_publiek=True), payload)
    LidmaatschapFactory(werkteam=werkteam, persoon=persoon)
    vul(BijeenkomstFactory(werkteam=werkteam, soort=Bijeenkomst.Soort.WERKTEAMBIJEENKOMST), payload)
    publicatie = vul(
        PublicatieFactory(project=project, werkteam=werkteam), payload, url=url_payload
    )
    return {"project": project, "werkteam": werkteam, "publicatie": publicatie}


def test_project_pages_show_the_payload_as_text(projectwereld, payload, coordinator):
    project, werkteam = projectwereld["project"], projectwereld["werkteam"]
    publicatie = projectwereld["publicatie"]
    client = als(None)
    for url in [
        reverse("projecten:list"),
        project.get_absolute_url(),
        reverse("projecten:werkteam_list"),
        werkteam.get_absolute_url(),
        reverse("projecten:publicatie_list"),
        publicatie.get_absolute_url(),
    ]:
        controleer(client.get(url), payload)
    controleer(client.get(reverse("home")))
    beheer = als(coordinator)
    controleer(beheer.get(reverse("admin:projecten_project_change", args=[project.pk])))
    controleer(beheer.get(reverse("admin:projecten_publicatie_change", args=[publicatie.pk])))


# --- kenniscafés, places, series, speakers, attachments, registrations ----------------


@pytest.fixture
def cafewereld(payload, url_payload):
    reeks = vul(ReeksFactory(), payload)
    locatie = vul(LocatieFactory(), payload)
    cafe = vul(
        KenniscafeFactory(locatie=locatie, reeks=reeks),
        payload,
        url=url_payload,
    )
    SprekerFactory(kenniscafe=cafe, naam=payload, rol=payload)
    Bijlage.objects.create(
        kenniscafe=cafe, titel=payload, beschrijving=payload, bestand="kenniscafes/x.pdf"
    )
    verleden = vul(
        KenniscafeFactory(
            slug="voorbij",
            start=cafe.start.replace(year=cafe.start.year - 1),
            eind=cafe.eind.replace(year=cafe.eind.year - 1),
            locatie=locatie,
        ),
        payload,
        url=url_payload,
    )
    # Registration closed: the page shows the online link itself.
    online = vul(
        KenniscafeFactory(slug="online", aanmelden_open=False, locatie=locatie),
        payload,
        url=url_payload,
    )
    aanmelding = vul(AanmeldingFactory(kenniscafe=cafe), payload)
    return {
        "cafe": cafe,
        "verleden": verleden,
        "online": online,
        "reeks": reeks,
        "aanmelding": aanmelding,
    }


def test_cafe_pages_show_the_payload_as_text(cafewereld, payload):
    cafe, verleden, reeks = cafewereld["cafe"], cafewereld["verleden"], cafewereld["reeks"]
    client = als(None)
    controleer(client.get(reverse("kenniscafes:agenda")), payload)
    controleer(client.get(cafe.get_absolute_url()), payload)
    controleer(client.get(reverse("kenniscafes:aanmelden", args=[cafe.slug])))
    controleer(client.get(verleden.get_absolute_url()), payload)
    controleer(client.get(cafewereld["online"].get_absolute_url()), payload)
    controleer(client.get(reverse("kenniscafes:archief")), payload)
    controleer(client.get(reeks.get_absolute_url()), payload)
    controleer(client.get(reverse("home")))


def test_the_cafe_json_ld_cannot_be_broken_out_of(cafewereld, payload):
    html = als(None).get(cafewereld["cafe"].get_absolute_url()).content.decode()
    begin = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    blok = html[begin : html.index("</script>", begin)]
    gegevens = json.loads(blok)
    assert gegevens["name"] == payload
    assert "<" not in blok


def test_cafe_feeds_escape_the_payload(cafewereld, payload):
    from xml.etree import ElementTree

    for naam in ["kenniscafes:feed", "kenniscafes:feed_atom"]:
        response = als(None).get(reverse(naam))
        boom = ElementTree.fromstring(response.content)
        assert payload in "".join(boom.itertext())


def test_registrations_show_as_text_in_the_admin(cafewereld, coordinator, payload):
    aanmelding = cafewereld["aanmelding"]
    client = als(coordinator)
    controleer(client.get(reverse("admin:kenniscafes_aanmelding_changelist")), payload)
    controleer(client.get(reverse("admin:kenniscafes_aanmelding_change", args=[aanmelding.pk])))
    controleer(
        client.get(reverse("admin:kenniscafes_kenniscafe_change", args=[cafewereld["cafe"].pk]))
    )


def test_kinds_feedback_and_contributions_show_as_text(cafewereld, coordinator, payload):
    """What visitors and coordinators type after an event: a kind of participant
    (offered on the registration form), feedback and a partner's contribution."""
    cafe, aanmelding = cafewereld["cafe"], cafewereld["aanmelding"]
    soort = Deelnemersoort.objects.create(naam=payload[:100], volgorde=99)
    aanmelding.deelnemersoort = soort
    aanmelding.aanwezig = True
    aanmelding.save()
    feedback = Feedback.objects.create(aanmelding=aanmelding, cijfer=4, goed=payload, beter=payload)
    bijdrage = Bijdrage.objects.create(
        organisatie=OrganisatieFactory(),
        kenniscafe=cafe,
        datum=cafe.start.date(),
        omschrijving=payload[:300],
    )
    controleer(als(None).get(cafe.get_absolute_url()), payload[:100])
    client = als(coordinator)
    controleer(client.get(reverse("kenniscafes:rapport", args=[cafe.slug])), payload)
    for url in [
        reverse("admin:kenniscafes_deelnemersoort_changelist"),
        reverse("admin:kenniscafes_feedback_changelist"),
        reverse("admin:kenniscafes_feedback_change", args=[feedback.pk]),
        reverse("admin:projecten_bijdrage_changelist"),
        reverse("admin:projecten_bijdrage_change", args=[bijdrage.pk]),
    ]:
        controleer(client.get(url))


def test_the_tellers_words_and_contact_details_show_as_text(onderzoeker, payload):
    """What the teller types on their own page (meaning, a theme's explanation)
    and the contact details researchers keep: on the teller's page, the story
    page, the receipt and the contact form."""
    from vertellers.models import Contactgegevens
    from vertellers.services import maak_toestemmingsbewijs

    code = vul(ThemaFactory(), payload[:100])
    verhaal = vul(VerhaalFactory(toestemming=Toestemming.OPENBAAR, themas=[code]), payload)
    FragmentFactory(verhaal=verhaal, start=0, eind=20, codes=[code])
    vul(Betekenis(verhaal=verhaal), payload)
    vul(Themaoordeel(verhaal=verhaal, thema=code, oordeel="klopt_niet"), payload)
    vul(Contactgegevens(verhaal=verhaal, email="verteller@example.org"), payload)
    teller = Client()
    teller.post(
        "/mijn-verhaal/", {"code": maak_toestemmingsbewijs(verhaal=verhaal, door=onderzoeker)}
    )
    for url in ["/mijn-verhaal/verhaal/", "/mijn-verhaal/betekenis/"]:
        controleer(teller.get(url), payload)
    client = als(onderzoeker)
    controleer(client.get(reverse("verhalen:detail", args=[verhaal.pk])), payload)
    controleer(client.post(reverse("vertellers:bewijs", args=[verhaal.pk])), payload)
    controleer(client.get(reverse("vertellers:contactgegevens", args=[verhaal.pk])))


def test_every_model_with_a_public_text_field_is_covered():
    """The worlds above fill every model whose text reaches a page; a new model
    with text fields has to be added here (and to a world) deliberately."""
    from django.apps import apps

    gedekt = {
        "carelab.Thema",
        "verhalen.Verhaal",
        "verhalen.Fragment",
        "verhalen.Collectie",
        "verhalen.CollectieItem",
        "verhalen.Reflectie",
        "projecten.Organisatie",
        "projecten.Persoon",
        "projecten.Project",
        "projecten.Werkteam",
        "projecten.Bijeenkomst",
        "projecten.Publicatie",
        "kenniscafes.Locatie",
        "kenniscafes.Reeks",
        "kenniscafes.Kenniscafe",
        "kenniscafes.Spreker",
        "kenniscafes.Bijlage",
        "kenniscafes.Aanmelding",
        "kenniscafes.Deelnemersoort",
        "kenniscafes.Feedback",
        "projecten.Bijdrage",
        # test_memo_and_attribute_pages_show_the_payload_as_text
        "verhalen.Memo",
        "verhalen.Kenmerk",
        "verhalen.KenmerkWaarde",
        # test_coding_round_pages_show_the_payload_as_text
        "verhalen.Coderingsronde",
        "verhalen.Rondecodering",
        # test_the_tellers_words_and_contact_details_show_as_text
        "verhalen.Betekenis",
        "verhalen.Themaoordeel",
        "vertellers.Contactgegevens",
    }
    # Not typed by users (data migrations, the access log) or no free text.
    buiten = {
        "carelab.Kennislijn",
        "projecten.Wijk",
        "verhalen.Inzage",
        "verhalen.Verwijderverzoek",
        "vertellers.Gebruik",
        "vertellers.Toestemmingsbewijs",
    }
    met_tekst = {
        model._meta.label
        for config in apps.get_app_configs()
        if config.label in {"carelab", "verhalen", "vertellers", "projecten", "kenniscafes"}
        for model in config.get_models()
        if not model.__name__.startswith("Historical")
        and any(
            isinstance(veld, models.CharField | models.TextField)
            and veld.editable
            and not veld.choices
            and not isinstance(veld, models.SlugField)
            for veld in model._meta.concrete_fields
        )
    }
    assert met_tekst - buiten == gedekt
