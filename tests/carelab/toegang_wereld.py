"""One small world with an object behind every URL, for the permission matrix
and the fuzz tests: users of every role, stories of every consent level,
collections for every audience, cafés published and draft, and one object
of every model the admin shows.

    wereld = bouw_wereld()
    wereld.verhaal_openbaar, wereld.collectie_brede_raad, wereld.cafe_concept, ...
    wereld.gebruikers["onderzoeker"]
"""

import datetime
from types import SimpleNamespace

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_static.models import StaticDevice
from mailer.backend import DbBackend
from mailer.models import RESULT_FAILURE, DontSendEntry, Message, MessageLog
from taggit.models import Tag

from adviezen.models import Status as AdviesStatus
from kennisagenda import roles
from kennisagenda.models import Kennislijn, Thema
from kenniscafes.models import Deelnemersoort, Feedback, Kenniscafe
from projecten.models import Bijdrage, Wijk
from tests.adviezen.factories import (
    AanbevelingFactory,
    AdviesFactory,
    AntwoordFactory,
    CitaatFactory,
)
from tests.factories import UserFactory
from tests.helpers import app_device
from tests.kenniscafes.factories import (
    AanmeldingFactory,
    KenniscafeFactory,
    LocatieFactory,
    ReeksFactory,
    SprekerFactory,
    over_dagen,
)
from tests.projecten.factories import (
    BijeenkomstFactory,
    OrganisatieFactory,
    PersoonFactory,
    ProjectFactory,
    PublicatieFactory,
    WerkteamFactory,
)
from tests.verhalen.factories import (
    FragmentFactory,
    KenmerkFactory,
    MemoFactory,
    VerhaalFactory,
)
from tests.verhalen.factories_collecties import (
    CollectieFactory,
    CollectieItemFactory,
    ReflectieFactory,
)
from verhalen.models import Beoordeling, Fragment, Handeling, Publiek, Toestemming
from verhalen.models.inzage import Inzage
from verhalen.services import codering as codering_services
from verhalen.services import rondes as ronde_services
from verhalen.services import verhalen as verhaal_services

#: The roles of the matrix, in the order of its columns.
ROLLEN = (
    "anoniem",
    "zonder_rol",
    "onderzoeker",
    "brede_raad",
    "coordinator",
    "beheerder",
    "zonder_tweede_stap",  # a researcher logged in who has not passed the second step
)


def _gebruikers():
    roles.sync_role_permissions()
    zonder_rol = UserFactory(username="matrix-zonderrol")
    onderzoeker = UserFactory(username="matrix-onderzoeker", role=roles.ONDERZOEKER)
    raadslid = UserFactory(username="matrix-raadslid", role=roles.BREDE_RAAD)
    coordinator = UserFactory(username="matrix-coordinator", role=roles.COORDINATOR)
    coordinator.is_staff = True
    coordinator.save()
    beheerder = UserFactory(username="matrix-beheerder")
    beheerder.is_staff = beheerder.is_superuser = True
    beheerder.save()
    return {
        "anoniem": None,
        "zonder_rol": zonder_rol,
        "onderzoeker": onderzoeker,
        "brede_raad": raadslid,
        "coordinator": coordinator,
        "beheerder": beheerder,
        "zonder_tweede_stap": UserFactory(username="matrix-onderzoeker-2", role=roles.ONDERZOEKER),
    }


def bouw_wereld():
    """Create the world (in the current transaction) and return its objects."""
    w = SimpleNamespace()
    w.gebruikers = _gebruikers()
    onderzoeker = w.gebruikers["onderzoeker"]

    # Themes: a kennisagenda theme (data migration) and a researcher's sub-code.
    w.thema = Thema.objects.get(slug="maatwerk")
    w.subcode = Thema.objects.create(
        name="Maatwerk in de praktijk", slug="maatwerk-in-de-praktijk", parent=w.thema
    )
    w.kennislijn = Kennislijn.objects.order_by("nummer").first() or Kennislijn.objects.create(
        nummer=1, titel="Kennislijn om mee te testen"
    )
    w.wijk = Wijk.objects.order_by("pk").first() or Wijk.objects.create(
        naam="Delfshaven", slug="delfshaven"
    )

    # Projects and werkteams.
    w.organisatie = OrganisatieFactory()
    w.persoon = PersoonFactory(organisatie=w.organisatie)
    w.project = ProjectFactory(slug="matrix-project")
    w.project.themas.set([w.thema])
    w.werkteam = WerkteamFactory(naam="Werkteam matrix", slug="matrix-werkteam", project=w.project)
    w.werkteam.themas.set([w.thema])
    w.bijeenkomst = BijeenkomstFactory(werkteam=w.werkteam)
    w.publicatie = PublicatieFactory(slug="matrix-publicatie", project=w.project)

    # Stories of every consent level; a fragment; a deleted fragment.
    def verhaal(toestemming, **extra):
        return VerhaalFactory(
            titel=f"Matrixverhaal {toestemming}",
            toestemming=toestemming,
            verzameld_door=onderzoeker,
            themas=[w.thema],
            project=w.project,
            **extra,
        )

    w.verhaal_onderzoek = verhaal(Toestemming.ONDERZOEK)
    w.verhaal_brede_raad = verhaal(Toestemming.BREDE_RAAD)
    w.verhaal_openbaar = verhaal(Toestemming.OPENBAAR)
    w.verhaal_ingetrokken = verhaal(Toestemming.INGETROKKEN)
    w.verhaal_ingetrokken.toestemming_datum = timezone.localdate()
    w.verhaal_ingetrokken.save()
    w.verhaal_onderzoek.save()  # a second version in its history
    # The review queue: a collector's story and one sent in through the website.
    w.verhaal_wachtrij = verhaal(
        Toestemming.OPENBAAR, beoordeling=Beoordeling.WACHTRIJ, ingevoerd_door=onderzoeker
    )
    w.verhaal_ingezonden = verhaal(
        Toestemming.OPENBAAR, beoordeling=Beoordeling.WACHTRIJ, ingezonden=True
    )
    w.verhaal_versie = w.verhaal_onderzoek.history.order_by("history_id").first()
    w.inzage = Inzage.objects.create(
        gebruiker=onderzoeker,
        gebruikersnaam=onderzoeker.username,
        handeling=Handeling.VERHAAL_BEKEKEN,
        verhaal=w.verhaal_onderzoek,
        verhaal_nummer=w.verhaal_onderzoek.pk,
    )
    w.fragment = FragmentFactory(
        verhaal=w.verhaal_onderzoek, start=0, eind=20, codes=[w.subcode], codeur=onderzoeker
    )
    weg = FragmentFactory(verhaal=w.verhaal_onderzoek, start=21, eind=40, codeur=onderzoeker)
    # Memos: one of the researcher's, one of the superuser's, one about a withdrawn story.
    w.memo = MemoFactory(auteur=onderzoeker, verhaal=w.verhaal_onderzoek)
    w.kenmerk = KenmerkFactory(naam="Levensdomein", slug="levensdomein")
    w.memo_beheerder = MemoFactory(auteur=w.gebruikers["beheerder"])
    w.memo_ingetrokken = MemoFactory(auteur=onderzoeker, verhaal=w.verhaal_ingetrokken)
    weg_pk = weg.pk
    codering_services.verwijder_fragment(fragment=weg, door=onderzoeker)
    w.fragment_weg = Fragment.history.filter(id=weg_pk, history_type="-").get()

    # Coding rounds set up by the researcher, who codes in them with a colleague
    # (the superuser is no coder): one open with a coding, one closed.
    collega = UserFactory(username="matrix-collega", role=roles.ONDERZOEKER)

    def ronde(titel):
        return ronde_services.maak_ronde(
            titel=titel,
            verhalen=[w.verhaal_onderzoek],
            codes=[w.thema],
            codeurs=[onderzoeker, collega],
            door=onderzoeker,
        )

    w.ronde = ronde("Matrixronde open")
    w.rondecodering = ronde_services.codeer(
        ronde=w.ronde,
        verhaal=w.verhaal_onderzoek,
        start=0,
        eind=10,
        codes=[w.thema],
        codeur=onderzoeker,
    )
    w.ronde_gesloten = ronde("Matrixronde gesloten")
    ronde_services.codeer(
        ronde=w.ronde_gesloten,
        verhaal=w.verhaal_onderzoek,
        start=0,
        eind=10,
        codes=[w.thema],
        codeur=onderzoeker,
    )
    ronde_services.zet_klaar(
        ronde=w.ronde_gesloten, verhaal=w.verhaal_onderzoek, codeur=onderzoeker
    )
    ronde_services.zet_klaar(ronde=w.ronde_gesloten, verhaal=w.verhaal_onderzoek, codeur=collega)
    ronde_services.sluit_ronde(ronde=w.ronde_gesloten, door=onderzoeker)
    gewist = verhaal(Toestemming.INGETROKKEN)
    w.verwijderverzoek = verhaal_services.wis_verhaal(
        verhaal=gewist, door=w.gebruikers["beheerder"], kenmerk="matrix"
    )

    # Collections: public without stories, Brede Raad with stories, a draft.
    w.collectie_openbaar = CollectieFactory(
        slug="matrix-openbaar", publiek=Publiek.OPENBAAR, curator=onderzoeker, themas=[w.thema]
    )
    w.collectie_brede_raad = CollectieFactory(
        slug="matrix-brede-raad", publiek=Publiek.BREDE_RAAD, curator=onderzoeker
    )
    w.item = CollectieItemFactory(collectie=w.collectie_brede_raad, verhaal=w.verhaal_brede_raad)
    CollectieItemFactory(collectie=w.collectie_brede_raad, verhaal=w.verhaal_openbaar)
    w.collectie_concept = CollectieFactory(
        slug="matrix-concept", publiek=Publiek.OPENBAAR, gepubliceerd=False, curator=onderzoeker
    )
    w.reflectie = ReflectieFactory(
        collectie=w.collectie_brede_raad, auteur=w.gebruikers["brede_raad"]
    )

    # Advice: a draft citing a passage, and one offered to the gemeente with an answer.
    w.advies_concept = AdviesFactory(slug="matrix-advies-concept")
    w.aanbeveling = AanbevelingFactory(advies=w.advies_concept)
    w.citaat = CitaatFactory(
        aanbeveling=w.aanbeveling, verhaal=w.verhaal_openbaar, start=0, eind=10
    )
    w.advies_aangeboden = AdviesFactory(slug="matrix-advies", status=AdviesStatus.AANGEBODEN)
    w.antwoord = AntwoordFactory(aanbeveling=AanbevelingFactory(advies=w.advies_aangeboden))

    # Kenniscafés: published (open), draft, past; a series, a registration.
    w.locatie = LocatieFactory()
    w.reeks = ReeksFactory(slug="matrix-reeks")
    w.cafe = KenniscafeFactory(
        slug="matrix-cafe", locatie=w.locatie, reeks=w.reeks, werkteam=w.werkteam, themas=[w.thema]
    )
    w.cafe_concept = KenniscafeFactory(slug="matrix-concept-cafe", gepubliceerd=False)
    w.cafe_voorbij = KenniscafeFactory(
        slug="matrix-voorbij-cafe",
        start=over_dagen(-30),
        eind=over_dagen(-30) + datetime.timedelta(hours=2),
        themas=[w.thema],
    )
    w.spreker = SprekerFactory(kenniscafe=w.cafe, persoon=w.persoon)
    w.aanmelding = AanmeldingFactory(kenniscafe=w.cafe)
    w.deelnemersoort = Deelnemersoort.objects.order_by("pk").first()
    w.aanwezige = AanmeldingFactory(kenniscafe=w.cafe_voorbij, aanwezig=True)
    w.feedback = Feedback.objects.create(aanmelding=w.aanwezige, cijfer=4)
    w.bijdrage = Bijdrage.objects.create(
        organisatie=w.organisatie, kenniscafe=w.cafe_voorbij, datum=timezone.localdate(), uren=2
    )
    w.cafe_type = ContentType.objects.get_for_model(Kenniscafe)

    # What the remaining admin pages list.
    w.groep = Group.objects.get(name=roles.ONDERZOEKER)
    w.gebruiker = w.gebruikers["zonder_rol"]
    w.tag = Tag.objects.create(name="matrix-tag", slug="matrix-tag")
    w.toegangspoging = AccessAttempt.objects.create(
        username="iemand", ip_address="127.0.0.1", user_agent="test", failures_since_start=1
    )
    w.toegangslog = AccessLog.objects.create(
        username="iemand", ip_address="127.0.0.1", user_agent="test"
    )
    w.mislukte_login = AccessFailureLog.objects.create(
        username="iemand", ip_address="127.0.0.1", user_agent="test", locked_out=False
    )

    # The outbox (toolkit/admin.py): a queued mail, its log line, an address not to mail.
    mail.send_mail("Matrix", "tekst", None, ["matrix@example.org"], connection=DbBackend())
    w.postbericht = Message.objects.get()
    w.postlog = MessageLog.objects.log(w.postbericht, RESULT_FAILURE, log_message="geweigerd")
    w.niet_mailen = DontSendEntry.objects.create(
        to_address="nee@example.org", when_added=timezone.now()
    )

    # The second step: an authenticator app and backup codes.
    w.app = app_device(w.gebruikers["zonder_tweede_stap"])
    w.reservecodes = StaticDevice.objects.create(user=w.app.user, name="Reservecodes")

    # A password reset link for the user without a role.
    w.herstel_uid = urlsafe_base64_encode(force_bytes(w.gebruiker.pk))
    w.herstel_token = default_token_generator.make_token(w.gebruiker)
    assert Kenniscafe.objects.filter(slug="matrix-cafe").exists()
    return w
