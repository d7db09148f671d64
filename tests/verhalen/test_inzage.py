"""The access log: every view or export of story content writes exactly one
row with the right data; only superusers read it, and nobody can change it."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.helpers import log_in
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from tests.verhalen.factories_collecties import CollectieFactory, CollectieItemFactory
from verhalen.models import Handeling, Inzage, Publiek, Toestemming, Verhaal
from verhalen.services import verhalen as verhaal_services

pytestmark = pytest.mark.django_db


def rijen():
    return list(
        Inzage.objects.order_by("pk").values_list(
            "gebruikersnaam", "handeling", "verhaal_nummer", "aantal", "onderwerp", "filters", "pad"
        )
    )


# --- what is logged --------------------------------------------------------------


@pytest.mark.parametrize(
    ("url_naam", "handeling"),
    [
        ("verhalen:detail", Handeling.VERHAAL_BEKEKEN),
        ("verhalen:update", Handeling.VERHAAL_BEKEKEN),
        ("verhalen:geschiedenis", Handeling.GESCHIEDENIS_BEKEKEN),
    ],
)
def test_opening_a_story_page_writes_one_row(onderzoeker_client, url_naam, handeling):
    verhaal = VerhaalFactory()
    url = reverse(url_naam, kwargs={"pk": verhaal.pk})

    response = onderzoeker_client.get(url)

    assert response.status_code == 200
    assert rijen() == [("onderzoeker", handeling, verhaal.pk, None, "", "", url)]
    assert Inzage.objects.get().verhaal == verhaal


def test_the_coding_pages_log_the_story_they_show(onderzoeker_client):
    fragment = FragmentFactory()
    verhaal = fragment.verhaal
    nieuw = reverse("codeboek:fragment_nieuw", kwargs={"verhaal_pk": verhaal.pk})
    bewerken = reverse(
        "codeboek:fragment_bewerken", kwargs={"verhaal_pk": verhaal.pk, "pk": fragment.pk}
    )

    verwijderen = reverse(
        "codeboek:fragment_verwijderen", kwargs={"verhaal_pk": verhaal.pk, "pk": fragment.pk}
    )

    for url in (nieuw, bewerken, verwijderen):
        assert onderzoeker_client.get(url).status_code == 200

    assert rijen() == [
        ("onderzoeker", Handeling.VERHAAL_BEKEKEN, verhaal.pk, None, "", "", url)
        for url in (nieuw, bewerken, verwijderen)
    ]


def test_choosing_quotes_for_a_collection_logs_the_story(onderzoeker_client):
    item = CollectieItemFactory(collectie=CollectieFactory(slug="wachten"))
    url = reverse("collecties:item_bewerken", args=["wachten", item.pk])

    assert onderzoeker_client.get(url).status_code == 200

    assert rijen() == [
        ("onderzoeker", Handeling.VERHAAL_BEKEKEN, item.verhaal_id, None, "", "", url)
    ]


def test_saving_a_story_logs_nothing_but_the_page_that_showed_it(onderzoeker_client):
    verhaal = VerhaalFactory()
    url = reverse("verhalen:update", kwargs={"pk": verhaal.pk})
    onderzoeker_client.post(url, {"titel": ""})  # invalid: the form comes back
    assert rijen() == []


@pytest.mark.parametrize(
    ("url_naam", "handeling"),
    [
        ("verhalen:export_csv", Handeling.EXPORT_CSV),
        ("verhalen:export_json", Handeling.EXPORT_JSON),
    ],
)
def test_an_export_logs_how_many_stories_and_which_filters(onderzoeker_client, url_naam, handeling):
    VerhaalFactory.create_batch(2, gemeente="schiedam")
    VerhaalFactory(gemeente="rotterdam")
    url = reverse(url_naam)

    response = onderzoeker_client.get(url, {"gemeente": "schiedam"})
    b"".join(response.streaming_content)

    assert rijen() == [("onderzoeker", handeling, None, 2, "", "gemeente=schiedam", url)]


def test_an_export_with_a_bad_filter_is_not_logged(onderzoeker_client):
    response = onderzoeker_client.get(reverse("verhalen:export_csv"), {"van": "gisteren"})
    assert response.status_code == 400
    assert rijen() == []


def test_reading_and_exporting_the_fragments_of_a_code_are_logged(onderzoeker_client, maatwerk):
    FragmentFactory.create_batch(3, codes=[maatwerk])
    detail = reverse("codeboek:detail", kwargs={"slug": "maatwerk"})
    export = reverse("codeboek:export", kwargs={"slug": "maatwerk"})

    onderzoeker_client.get(detail)
    response = onderzoeker_client.get(export)
    b"".join(response.streaming_content) if response.streaming else response.content

    assert rijen() == [
        ("onderzoeker", Handeling.FRAGMENTEN_BEKEKEN, None, 3, "maatwerk", "", detail),
        ("onderzoeker", Handeling.FRAGMENTEN_EXPORT, None, 3, "maatwerk", "", export),
    ]


@pytest.mark.parametrize("naam", ["matrix", "samenhang"])
def test_codebook_exports_are_logged_but_not_the_pages(onderzoeker_client, naam):
    pagina = reverse(f"codeboek:{naam}")
    export = reverse(f"codeboek:{naam}_export")

    onderzoeker_client.get(pagina)
    onderzoeker_client.get(export)
    onderzoeker_client.get(pagina, {"format": "csv"})

    assert rijen() == [
        ("onderzoeker", Handeling.CODEBOEK_EXPORT, None, None, naam, "", export),
        ("onderzoeker", Handeling.CODEBOEK_EXPORT, None, None, naam, "format=csv", pagina),
    ]


@pytest.mark.parametrize("formaat", ["json", "md"])
def test_a_collection_export_is_logged_with_its_number_of_stories(onderzoeker_client, formaat):
    collectie = CollectieFactory(slug="wachten", publiek=Publiek.OPENBAAR)
    CollectieItemFactory.create_batch(2, collectie=collectie)
    url = reverse(f"collecties:export_{formaat}", kwargs={"slug": "wachten"})

    assert onderzoeker_client.get(url).status_code == 200

    assert rijen() == [("onderzoeker", Handeling.COLLECTIE_EXPORT, None, 2, "wachten", "", url)]


def test_a_member_reading_a_collection_is_logged(raadslid_client):
    collectie = CollectieFactory(slug="wachten", publiek=Publiek.BREDE_RAAD)
    CollectieItemFactory(collectie=collectie)
    url = collectie.get_absolute_url()

    assert raadslid_client.get(url).status_code == 200

    assert rijen() == [("raadslid", Handeling.COLLECTIE_GELEZEN, None, 1, "wachten", "", url)]


def test_an_anonymous_reader_of_a_public_collection_is_not_logged(client):
    collectie = CollectieFactory(publiek=Publiek.OPENBAAR)
    CollectieItemFactory(collectie=collectie)
    assert client.get(collectie.get_absolute_url()).status_code == 200
    assert rijen() == []


def test_pages_that_show_nothing_log_nothing(onderzoeker_client, coordinator):
    ingetrokken = VerhaalFactory(toestemming=Toestemming.INGETROKKEN)
    verhaal = VerhaalFactory()
    coordinator_client = log_in(Client(), coordinator)

    assert onderzoeker_client.get(ingetrokken.get_absolute_url()).status_code == 410
    assert (
        onderzoeker_client.get(reverse("verhalen:detail", kwargs={"pk": 999999})).status_code == 404
    )
    assert coordinator_client.get(verhaal.get_absolute_url()).status_code == 403
    assert rijen() == []


def test_a_superuser_opening_a_story_in_the_admin_is_logged(beheerder_client):
    verhaal = VerhaalFactory()
    url = reverse("admin:verhalen_verhaal_change", args=[verhaal.pk])

    response = beheerder_client.get(url)

    assert response.status_code == 200
    assert rijen() == [("beheerder", Handeling.VERHAAL_BEKEKEN, verhaal.pk, None, "", "", url)]
    lijst = reverse("admin:verhalen_inzage_changelist")
    assert f'href="{lijst}?verhaal_nummer={verhaal.pk}"' in response.content.decode()


# --- the row outlives the story and the account -----------------------------------


def test_the_log_keeps_the_story_number_when_the_story_is_erased(onderzoeker_client, beheerder):
    verhaal = VerhaalFactory()
    onderzoeker_client.get(verhaal.get_absolute_url())
    verhaal_services.trek_toestemming_in(verhaal=verhaal, door=beheerder)
    verhaal_services.wis_verhaal(verhaal=verhaal, door=beheerder, kenmerk="Z-1")
    nummer = verhaal.pk

    Verhaal.objects.filter(pk=nummer).delete()

    inzage = Inzage.objects.get()
    assert (inzage.verhaal, inzage.verhaal_nummer) == (None, nummer)


def test_the_log_keeps_the_username_when_the_account_is_removed(onderzoeker_client, onderzoeker):
    onderzoeker_client.get(VerhaalFactory().get_absolute_url())
    onderzoeker.delete()
    inzage = Inzage.objects.get()
    assert (inzage.gebruiker, inzage.gebruikersnaam) == (None, "onderzoeker")


# --- who may read it ----------------------------------------------------------------


@pytest.fixture
def logregels(onderzoeker, maatwerk):
    verhaal = VerhaalFactory(titel="Wachten op de gemeente")
    Inzage.objects.create(
        gebruiker=onderzoeker,
        gebruikersnaam="onderzoeker",
        handeling=Handeling.VERHAAL_BEKEKEN,
        verhaal=verhaal,
        verhaal_nummer=verhaal.pk,
        pad=verhaal.get_absolute_url(),
    )
    Inzage.objects.create(
        gebruiker=onderzoeker,
        gebruikersnaam="onderzoeker",
        handeling=Handeling.EXPORT_CSV,
        aantal=12,
        filters="gemeente=schiedam",
        pad="/verhalen/export.csv",
    )
    return verhaal


def test_a_superuser_reads_the_log_in_the_admin(beheerder_client, logregels):
    response = beheerder_client.get(reverse("admin:verhalen_inzage_changelist"))

    assert response.status_code == 200
    regels = [(r.handeling, r.verhaal_nummer) for r in response.context["cl"].result_list]
    assert regels == [(Handeling.EXPORT_CSV, None), (Handeling.VERHAAL_BEKEKEN, logregels.pk)]
    html = response.content.decode()
    assert "gemeente=schiedam" in html
    assert "verhalen geëxporteerd (CSV)" in html


@pytest.mark.parametrize(
    ("query", "verwacht"),
    [
        ({"handeling__exact": "export_csv"}, ["export_csv"]),
        ({"q": "onderzoeker"}, ["export_csv", "verhaal_bekeken"]),
        ({"q": "iemand-anders"}, []),
        ({"verhaal_nummer": "{pk}"}, ["verhaal_bekeken"]),
    ],
)
def test_the_log_can_be_filtered_and_searched(beheerder_client, logregels, query, verwacht):
    query = {k: v.format(pk=logregels.pk) for k, v in query.items()}
    response = beheerder_client.get(reverse("admin:verhalen_inzage_changelist"), query)
    assert [r.handeling for r in response.context["cl"].result_list] == verwacht


def test_the_log_can_be_filtered_by_user_and_date(beheerder_client, logregels, onderzoeker):
    vandaag = timezone.localdate()
    response = beheerder_client.get(
        reverse("admin:verhalen_inzage_changelist"),
        {
            "gebruiker__id__exact": onderzoeker.pk,
            "moment__year": vandaag.year,
            "moment__month": vandaag.month,
        },
    )
    assert len(response.context["cl"].result_list) == 2


def test_a_log_row_can_be_read_but_not_edited(beheerder_client, logregels):
    inzage = Inzage.objects.get(handeling=Handeling.EXPORT_CSV)
    url = reverse("admin:verhalen_inzage_change", args=[inzage.pk])

    response = beheerder_client.get(url)
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()

    response = beheerder_client.post(url, {"aantal": 1, "filters": ""})
    assert response.status_code == 403
    inzage.refresh_from_db()
    assert (inzage.aantal, inzage.filters) == (12, "gemeente=schiedam")


@pytest.mark.parametrize("actie", ["add", "delete"])
def test_nobody_adds_or_deletes_log_rows_in_the_admin(beheerder_client, logregels, actie):
    inzage = Inzage.objects.first()
    args = [] if actie == "add" else [inzage.pk]
    url = reverse(f"admin:verhalen_inzage_{actie}", args=args)
    assert beheerder_client.get(url).status_code == 403
    assert beheerder_client.post(url, {"post": "yes"}).status_code == 403
    assert Inzage.objects.count() == 2


def test_the_bulk_delete_action_is_not_offered(beheerder_client, logregels):
    response = beheerder_client.get(reverse("admin:verhalen_inzage_changelist"))
    assert "delete_selected" not in response.content.decode()
    response = beheerder_client.post(
        reverse("admin:verhalen_inzage_changelist"),
        {"action": "delete_selected", "_selected_action": [i.pk for i in Inzage.objects.all()]},
    )
    assert Inzage.objects.count() == 2


@pytest.mark.parametrize("rol", ["coordinator", "onderzoeker"])
def test_coordinators_and_researchers_cannot_see_the_log(request, logregels, rol):
    user = request.getfixturevalue(rol)
    user.is_staff = True  # even with access to the admin
    user.save()
    client = request.getfixturevalue(f"{rol}_client")

    lijst = client.get(reverse("admin:verhalen_inzage_changelist"))
    regel = client.get(reverse("admin:verhalen_inzage_change", args=[Inzage.objects.first().pk]))
    index = client.get(reverse("admin:index"))

    assert (lijst.status_code, regel.status_code) == (403, 403)
    assert "inzagelog" not in index.content.decode().lower()


def test_anonymous_visitors_are_sent_to_the_admin_login(client, logregels):
    response = client.get(reverse("admin:verhalen_inzage_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_the_superuser_sees_the_log_in_the_admin_index(beheerder_client):
    response = beheerder_client.get(reverse("admin:index"))
    assert "Inzagelog" in response.content.decode()


# --- retention ------------------------------------------------------------------------


def test_pruning_removes_only_rows_older_than_the_retention_period(onderzoeker, settings):
    settings.INZAGELOG_BEWAARTERMIJN_DAGEN = 30
    oud = Inzage.objects.create(
        gebruiker=onderzoeker, gebruikersnaam="onderzoeker", handeling=Handeling.EXPORT_CSV
    )
    nieuw = Inzage.objects.create(
        gebruiker=onderzoeker, gebruikersnaam="onderzoeker", handeling=Handeling.EXPORT_JSON
    )
    Inzage.objects.filter(pk=oud.pk).update(moment=timezone.now() - timedelta(days=31))
    Inzage.objects.filter(pk=nieuw.pk).update(moment=timezone.now() - timedelta(days=29))

    call_command("ruim_inzagelog_op", "--proef")
    assert Inzage.objects.count() == 2
    call_command("ruim_inzagelog_op")

    assert list(Inzage.objects.values_list("pk", flat=True)) == [nieuw.pk]


def test_pruning_refuses_a_retention_of_zero_days():
    with pytest.raises(CommandError, match="minstens 1 dag"):
        call_command("ruim_inzagelog_op", "--dagen", "0")


def test_the_database_refuses_an_unknown_action(onderzoeker):
    with pytest.raises(IntegrityError), transaction.atomic():
        Inzage.objects.create(gebruikersnaam="x", handeling="verhaal_gelezen")
