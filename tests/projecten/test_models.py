import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from projecten.models import (
    PUBLICATIE_MAX_BYTES,
    Bijeenkomst,
    Lidmaatschap,
    Project,
    Projectpartner,
    Publicatie,
    Status,
    Teamlid,
    Werkteam,
    Wijk,
)
from projecten.wijken import WIJKEN
from tests.voorbeeldbestanden import inhoud

from .factories import (
    LidmaatschapFactory,
    OrganisatieFactory,
    PersoonFactory,
    ProjectFactory,
    ProjectpartnerFactory,
    PublicatieFactory,
    TeamlidFactory,
    WerkteamFactory,
)

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date(2021, 6, 15)


@pytest.mark.parametrize(
    ("periode", "verwacht"),
    [
        ({"startjaar": 2022}, Status.GEPLAND),
        ({"startjaar": 2021, "startmaand": 7}, Status.GEPLAND),
        ({"startjaar": 2021, "startmaand": 6}, Status.LOPEND),
        ({"startjaar": 2021}, Status.LOPEND),
        ({"startjaar": 2020, "startmaand": 9, "eindjaar": 2022, "eindmaand": 9}, Status.LOPEND),
        ({"startjaar": 2019, "eindjaar": 2021}, Status.LOPEND),
        ({"startjaar": 2019, "eindjaar": 2021, "eindmaand": 5}, Status.AFGEROND),
        ({"startjaar": 2016, "eindjaar": 2019}, Status.AFGEROND),
        ({"eindjaar": 2020}, Status.AFGEROND),
        ({"eindjaar": 2023}, Status.LOPEND),
        ({}, Status.ONBEKEND),
    ],
)
def test_status_follows_from_period(periode, verwacht):
    project = ProjectFactory(**{"startjaar": None, "startmaand": None, **periode})

    in_python = project.get_status(vandaag=VANDAAG)
    in_database = Project.objects.met_status(vandaag=VANDAAG).get(pk=project.pk).status_code

    assert (in_python, in_database) == (verwacht, verwacht)


class TestStatusAgreesInPythonAndDatabase(HypothesisTestCase):
    """The status the database computes for filters is the one the page shows."""

    @settings(max_examples=60, deadline=None)
    @given(
        startjaar=st.none() | st.integers(2015, 2025),
        startmaand=st.none() | st.integers(1, 12),
        duur=st.none() | st.integers(0, 60),
        eindmaand=st.none() | st.integers(1, 12),
        vandaag=st.dates(datetime.date(2014, 1, 1), datetime.date(2031, 12, 31)),
    )
    def test_same_status(self, startjaar, startmaand, duur, eindmaand, vandaag):
        if startjaar is None:
            startmaand = None
        eindjaar = None if duur is None or startjaar is None else startjaar + duur // 12
        if eindjaar is None:
            eindmaand = None
        elif eindjaar == startjaar and startmaand and eindmaand and eindmaand < startmaand:
            eindmaand = startmaand
        project = Project.objects.create(
            titel="Hypothese",
            slug="hypothese",
            samenvatting="Test",
            startjaar=startjaar,
            startmaand=startmaand,
            eindjaar=eindjaar,
            eindmaand=eindmaand,
        )
        annotated = Project.objects.met_status(vandaag=vandaag).get(pk=project.pk)
        assert annotated.status_code == project.get_status(vandaag=vandaag)
        project.delete()


@pytest.mark.parametrize(
    ("periode", "tekst"),
    [
        (
            {"startjaar": 2020, "startmaand": 9, "eindjaar": 2022, "eindmaand": 9},
            "september 2020 – september 2022",
        ),
        ({"startjaar": 2017, "eindjaar": 2019}, "2017 – 2019"),
        ({"startjaar": 2018, "startmaand": 1}, "sinds januari 2018"),
        ({"eindjaar": 2019, "eindmaand": 11}, "tot november 2019"),
        ({"startjaar": 2020, "eindjaar": 2020}, "2020"),
        ({}, ""),
    ],
)
def test_periode_reads_as_dutch_text(periode, tekst):
    werkteam = WerkteamFactory(**{"startjaar": None, **periode})

    assert str(werkteam.periode) == tekst


def test_period_ending_before_it_starts_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(startjaar=2021, startmaand=5, eindjaar=2021, eindmaand=4)


def test_period_ending_before_it_starts_gets_a_dutch_message():
    project = ProjectFactory.build(startjaar=2022, eindjaar=2020)

    with pytest.raises(ValidationError) as fout:
        project.full_clean()

    assert "Het einde ligt vóór het begin." in fout.value.messages


def test_month_without_year_is_refused():
    werkteam = WerkteamFactory.build(startjaar=None, startmaand=3)

    with pytest.raises(ValidationError) as fout:
        werkteam.full_clean()

    assert "Vul bij een startmaand ook het startjaar in." in fout.value.messages


def test_membership_until_before_from_is_refused():
    lid = LidmaatschapFactory.build(
        werkteam=WerkteamFactory(),
        persoon=PersoonFactory(),
        van=datetime.date(2019, 5, 1),
        tot=datetime.date(2019, 4, 1),
    )

    with pytest.raises(ValidationError) as fout:
        lid.full_clean()

    assert "‘Tot en met’ ligt vóór ‘van’." in fout.value.messages


def test_same_membership_twice_is_refused_also_without_start_date():
    lid = LidmaatschapFactory(van=None)

    with pytest.raises(IntegrityError), transaction.atomic():
        Lidmaatschap.objects.create(
            werkteam=lid.werkteam, persoon=lid.persoon, rol=lid.rol, van=None
        )


def test_someone_may_rejoin_a_team_later():
    eerst = LidmaatschapFactory(van=datetime.date(2018, 1, 1), tot=datetime.date(2018, 12, 31))

    LidmaatschapFactory(
        werkteam=eerst.werkteam, persoon=eerst.persoon, rol=eerst.rol, van=datetime.date(2019, 6, 1)
    )

    assert eerst.werkteam.lidmaatschappen.count() == 2


def test_membership_active_on_a_date():
    werkteam = WerkteamFactory()
    vertrokken = LidmaatschapFactory(werkteam=werkteam, tot=datetime.date(2018, 12, 31))
    gebleven = LidmaatschapFactory(werkteam=werkteam, van=datetime.date(2018, 3, 1))
    later = LidmaatschapFactory(werkteam=werkteam, van=datetime.date(2019, 9, 1))

    actief = Lidmaatschap.objects.actief_op(datetime.date(2019, 1, 15))

    assert set(actief) == {gebleven}
    assert {vertrokken, later}.isdisjoint(actief)


def test_public_name_is_the_role_when_the_person_did_not_agree():
    bewoner = LidmaatschapFactory(
        rol=Lidmaatschap.Rol.BEWONER,
        persoon=PersoonFactory(naam="Fatma Yilmaz", toon_naam_publiek=False),
    )
    onderzoeker = TeamlidFactory(
        rol=Teamlid.Rol.PROJECTLEIDER,
        persoon=PersoonFactory(naam="Dr. Jansen", toon_naam_publiek=True),
    )

    assert (bewoner.publieke_naam, onderzoeker.publieke_naam) == ("bewoner", "Dr. Jansen")


def test_new_person_is_private_until_someone_ticks_the_box():
    persoon = PersoonFactory.build(toon_naam_publiek=Persoon_default())

    assert persoon.toon_naam_publiek is False


def Persoon_default():
    from projecten.models import Persoon

    return Persoon._meta.get_field("toon_naam_publiek").default


def test_partners_listed_penvoerder_first():
    project = ProjectFactory()
    ProjectpartnerFactory(
        project=project,
        rol=Projectpartner.Rol.UITVOERDER,
        organisatie=OrganisatieFactory(naam="Uit"),
    )
    ProjectpartnerFactory(
        project=project, rol=Projectpartner.Rol.PARTNER, organisatie=OrganisatieFactory(naam="Part")
    )
    ProjectpartnerFactory(
        project=project,
        rol=Projectpartner.Rol.PENVOERDER,
        organisatie=OrganisatieFactory(naam="Pen"),
    )

    groepen = [
        (rol, [p.organisatie.naam for p in partners])
        for rol, partners in project.partners_per_rol()
    ]

    assert groepen == [("penvoerder", ["Pen"]), ("partner", ["Part"]), ("uitvoerder", ["Uit"])]


def test_research_team_lists_the_projectleider_first():
    project = ProjectFactory()
    TeamlidFactory(
        project=project, rol=Teamlid.Rol.CONTACTPERSOON, persoon=PersoonFactory(naam="C")
    )
    TeamlidFactory(project=project, rol=Teamlid.Rol.PROJECTLEIDER, persoon=PersoonFactory(naam="P"))
    TeamlidFactory(project=project, rol=Teamlid.Rol.ONDERZOEKER, persoon=PersoonFactory(naam="O"))

    assert [lid.persoon.naam for lid in project.onderzoeksteam()] == ["P", "O", "C"]


@pytest.mark.parametrize(
    "naam", ["rapport.pdf", "verslag.docx", "cijfers.xlsx", "dia.pptx", "tekst.odt"]
)
def test_publication_file_of_allowed_kind_is_accepted(naam):
    extensie = naam.rsplit(".", 1)[1]
    publicatie = PublicatieFactory.build(bestand=SimpleUploadedFile(naam, inhoud(extensie)))

    publicatie.full_clean()


def test_publication_file_of_other_kind_gets_a_dutch_message():
    publicatie = PublicatieFactory.build(bestand=SimpleUploadedFile("virus.exe", b"MZ"))

    with pytest.raises(ValidationError) as fout:
        publicatie.full_clean()

    assert fout.value.message_dict["bestand"] == [
        "Dit soort bestand kan hier niet. Kies een bestand van het soort "
        "pdf, docx, xlsx, pptx of odt."
    ]


def test_publication_file_over_20_mb_gets_a_dutch_message():
    te_groot = SimpleUploadedFile("groot.pdf", inhoud("pdf").ljust(PUBLICATIE_MAX_BYTES + 1))
    publicatie = PublicatieFactory.build(bestand=te_groot)

    with pytest.raises(ValidationError) as fout:
        publicatie.full_clean()

    assert fout.value.message_dict["bestand"] == [
        "Dit bestand is te groot (20,0 MB). Een bestand mag hoogstens 20 MB zijn."
    ]


def test_publication_file_of_exactly_20_mb_is_accepted():
    precies = SimpleUploadedFile("precies.pdf", inhoud("pdf").ljust(PUBLICATIE_MAX_BYTES))

    PublicatieFactory.build(bestand=precies).full_clean()


def test_uploaded_publication_is_stored_under_publicaties():
    publicatie = PublicatieFactory(bestand=SimpleUploadedFile("rapport.pdf", b"%PDF-1.4"))

    assert publicatie.bestand.name.startswith("publicaties/rapport")
    assert publicatie.bestandstype == "PDF"


def test_unpublished_project_hides_its_werkteams_and_publications():
    verborgen = ProjectFactory(gepubliceerd=False)
    zichtbaar = ProjectFactory()
    team_verborgen = WerkteamFactory(project=verborgen)
    team_zichtbaar = WerkteamFactory(project=zichtbaar)
    los_team = WerkteamFactory(project=None)
    PublicatieFactory(slug="verborgen", project=verborgen)
    PublicatieFactory(slug="via-team", werkteam=team_verborgen)
    PublicatieFactory(slug="zichtbaar", project=zichtbaar, werkteam=team_zichtbaar)
    PublicatieFactory(slug="concept", project=zichtbaar, gepubliceerd=False)

    assert set(Project.objects.gepubliceerd()) == {zichtbaar}
    assert set(Werkteam.objects.gepubliceerd()) == {team_zichtbaar, los_team}
    assert [p.slug for p in Publicatie.objects.gepubliceerd()] == ["zichtbaar"]


def test_rotterdam_wijken_are_loaded_with_the_cbs_code_of_their_gebied():
    hillesluis = Wijk.objects.get(slug="hillesluis")
    bospolder = Wijk.objects.get(slug="bospolder")

    assert (hillesluis.gebied, hillesluis.cbs_wijkcode) == ("Feijenoord", "WK059910")
    assert (bospolder.gebied, bospolder.cbs_wijkcode) == ("Delfshaven", "WK059903")
    assert Wijk.objects.count() == len(WIJKEN)


def test_wijk_with_a_code_from_outside_rotterdam_is_refused():
    wijk = Wijk(naam="Ergens", slug="ergens", gebied="Elders", cbs_wijkcode="WK036301")

    with pytest.raises(ValidationError) as fout:
        wijk.full_clean()

    assert "Een Rotterdamse CBS-wijkcode ziet eruit als WK059910." in fout.value.messages


def test_querysets_by_status(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: VANDAAG)
    gepland = ProjectFactory(startjaar=2030)
    lopend = ProjectFactory(startjaar=2020, eindjaar=2022)
    afgerond = ProjectFactory(startjaar=2016, eindjaar=2019)

    assert list(Project.objects.gepland()) == [gepland]
    assert list(Project.objects.lopend()) == [lopend]
    assert list(Project.objects.afgerond()) == [afgerond]


def test_publication_of_a_werkteam_must_name_that_werkteams_project():
    werkteam = WerkteamFactory(project=ProjectFactory())
    publicatie = PublicatieFactory.build(werkteam=werkteam, project=ProjectFactory())

    with pytest.raises(ValidationError) as fout:
        publicatie.full_clean()

    assert fout.value.message_dict["werkteam"] == [
        "Dit werkteam hoort bij een ander project. Kies het goede project."
    ]


def test_publication_of_a_werkteam_with_its_own_project_is_fine():
    werkteam = WerkteamFactory(project=ProjectFactory())

    PublicatieFactory.build(werkteam=werkteam, project=werkteam.project).full_clean()


def test_meeting_belongs_to_a_werkteam_or_a_project_not_both_or_neither():
    werkteam = WerkteamFactory()
    for werkteam_, project in [(None, None), (werkteam, werkteam.project or ProjectFactory())]:
        bijeenkomst = Bijeenkomst(
            werkteam=werkteam_, project=project, datum=datetime.date(2020, 1, 1)
        )
        with pytest.raises(ValidationError) as fout:
            bijeenkomst.full_clean()
        assert fout.value.messages == ["Een bijeenkomst hoort bij een werkteam of een project."]
        with pytest.raises(IntegrityError), transaction.atomic():
            bijeenkomst.save()


def test_partner_until_before_from_is_refused():
    partner = ProjectpartnerFactory.build(
        project=ProjectFactory(),
        organisatie=OrganisatieFactory(),
        van=datetime.date(2019, 1, 1),
        tot=datetime.date(2018, 12, 31),
    )
    with pytest.raises(ValidationError) as fout:
        partner.full_clean()
    assert fout.value.messages == ["‘Tot en met’ ligt vóór ‘van’."]
