"""Story pages: enter (privacy warning), edit (version conflict), detail,
list with filters and pagination, withdraw, erase, admin."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisagenda.models import Thema
from projecten.models import Wijk
from tests.factories import ThemaFactory, UserFactory
from tests.helpers import log_in
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.models import Toestemming, Verhaal, Verwijderverzoek
from verhalen.services import verhalen as services
from verhalen.tekst import privacy

pytestmark = pytest.mark.django_db


def formulier(**overrides):
    data = {
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
    }
    data.update(overrides)
    return data


# Entering a story -------------------------------------------------------------


def test_create_stores_story_and_shows_it(onderzoeker_client, onderzoeker):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    response = onderzoeker_client.post(
        reverse("verhalen:create"), formulier(themas=[vertrouwen.pk]), follow=True
    )
    verhaal = Verhaal.objects.get()
    assert response.redirect_chain == [(verhaal.get_absolute_url(), 302)]
    assert "Het verhaal is opgeslagen." in response.content.decode()
    assert verhaal.verzameld_door == onderzoeker
    assert [t.slug for t in verhaal.themas.all()] == ["vertrouwen"]
    assert sorted(t.name for t in verhaal.trefwoorden.all()) == ["brieven", "wachten"]
    assert verhaal.verzameld_op == date(2024, 3, 12)


def test_create_form_groups_sub_codes_under_their_theme(onderzoeker_client):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    ThemaFactory(name="argwaan", slug="argwaan", parent=vertrouwen)
    response = onderzoeker_client.get(reverse("verhalen:create"))
    groepen = response.context["form"].thema_groepen()
    per_thema = {hoofd.choice_label: [sub.choice_label for sub in subs] for hoofd, subs in groepen}
    assert per_thema["vertrouwen"] == ["argwaan"]
    assert per_thema["maatwerk"] == []
    assert "(subcode van vertrouwen)" in response.content.decode()


def test_create_with_personal_data_warns_and_keeps_everything(onderzoeker_client):
    tekst = "Ik belde 06-12345678 en mailde naar iemand@example.nl."
    response = onderzoeker_client.post(reverse("verhalen:create"), formulier(tekst=tekst))

    assert response.status_code == 200
    assert not Verhaal.objects.exists()
    html = response.content.decode()
    assert "Let op: dit lijkt op persoonsgegevens" in html
    assert '<mark class="privacy-vondst" title="telefoonnummer">06-12345678</mark>' in html
    assert '<mark class="privacy-vondst" title="e-mailadres">iemand@example.nl</mark>' in html
    assert f">\n{tekst}</textarea>" in html
    assert 'value="Wachten op antwoord"' in html
    assert "Toch opslaan" in html


def test_create_with_many_spots_counts_them_all_and_shows_the_first_200(onderzoeker_client):
    tekst = " ".join(f"Bel 06-{nummer:08d}." for nummer in range(250))
    response = onderzoeker_client.post(reverse("verhalen:create"), formulier(tekst=tekst))

    html = response.content.decode()
    assert "We vonden 250 plekken die op persoonsgegevens lijken." in html
    assert "Hieronder de eerste 200 van de 250 plekken." in html
    assert html.count('<mark class="privacy-vondst">') == 200  # the list
    assert html.count('title="telefoonnummer"') == 200  # the highlighted text
    assert "06-00000199</mark>" in html and "06-00000200</mark>" not in html
    assert f">\n{tekst}</textarea>" in html


def test_privacy_warning_names_each_field_with_its_article(onderzoeker_client):
    data = formulier(
        titel="Bel 06-12345678", samenvatting="Mail iemand@example.nl", tekst="Ik belde 0612345678."
    )
    html = onderzoeker_client.post(reverse("verhalen:create"), data).content.decode()

    assert "Bekijk de plekken in de titel</summary>" in html
    assert "Bekijk de plekken in de samenvatting</summary>" in html
    assert "Bekijk de plekken in het verhaal</summary>" in html
    assert "in de verhaal" not in html


def test_create_toch_opslaan_stores_the_confirmed_text(onderzoeker_client):
    data = formulier(tekst="Bel mij op 06-12345678.")
    akkoord = privacy.vingerafdruk(data["titel"], data["samenvatting"], data["tekst"])

    response = onderzoeker_client.post(
        reverse("verhalen:create"), {**data, "privacy_akkoord": akkoord}
    )

    verhaal = Verhaal.objects.get()
    assert response.url == verhaal.get_absolute_url()
    assert verhaal.tekst == "Bel mij op 06-12345678."
    assert verhaal.history.get().history_change_reason == (
        "Opgeslagen ondanks privacywaarschuwing (1 plekken)"
    )


def test_create_toch_opslaan_for_other_text_warns_again(onderzoeker_client):
    oud = formulier(tekst="Bel mij op 06-12345678.")
    akkoord = privacy.vingerafdruk(oud["titel"], oud["samenvatting"], oud["tekst"])
    nieuw = formulier(tekst="Bel mij op 06-12345678 of mail a@example.nl.")

    response = onderzoeker_client.post(
        reverse("verhalen:create"), {**nieuw, "privacy_akkoord": akkoord}
    )

    assert response.status_code == 200
    assert response.context["privacy"].aantal == 2
    assert not Verhaal.objects.exists()


def test_create_refuses_a_real_looking_pseudonym(onderzoeker_client):
    response = onderzoeker_client.post(
        reverse("verhalen:create"), formulier(pseudoniem="Jan de Vries")
    )
    assert response.status_code == 200
    assert (
        response.context["form"].errors["pseudoniem"][0].startswith("Dit lijkt op een echte naam")
    )
    assert not Verhaal.objects.exists()
    assert "Verzonnen voorbeeld. Ik wachtte drie maanden" in response.content.decode()


def test_create_requires_title_and_text_with_dutch_messages(onderzoeker_client):
    response = onderzoeker_client.post(reverse("verhalen:create"), formulier(titel="", tekst=""))
    assert response.context["form"].errors == {
        "titel": ["Geef het verhaal een titel."],
        "tekst": ["Het verhaal zelf ontbreekt nog."],
    }


def test_create_does_not_offer_withdrawn_consent(onderzoeker_client):
    response = onderzoeker_client.get(reverse("verhalen:create"))
    keuzes = [waarde for waarde, _ in response.context["form"].fields["toestemming"].choices]
    assert keuzes == ["onderzoek", "brede_raad", "openbaar"]


# Editing and conflicts ------------------------------------------------------------


def bewerk_data(verhaal, **overrides):
    data = formulier(
        titel=verhaal.titel,
        tekst=verhaal.tekst,
        pseudoniem=verhaal.pseudoniem,
        versie=str(verhaal.versie),
    )
    data.update(overrides)
    return data


def test_update_saves_and_raises_version(onderzoeker_client):
    verhaal = VerhaalFactory()
    response = onderzoeker_client.post(
        reverse("verhalen:update", args=[verhaal.pk]), bewerk_data(verhaal, titel="Nieuwe titel")
    )
    assert response.url == verhaal.get_absolute_url()
    verhaal.refresh_from_db()
    assert (verhaal.titel, verhaal.versie) == ("Nieuwe titel", 2)


def test_update_form_carries_the_version_in_a_hidden_field(onderzoeker_client):
    verhaal = VerhaalFactory()
    response = onderzoeker_client.get(reverse("verhalen:update", args=[verhaal.pk]))
    assert '<input type="hidden" name="versie" value="1"' in response.content.decode()


def test_update_conflict_shows_what_changed_and_keeps_input(onderzoeker_client):
    verhaal = VerhaalFactory(titel="Origineel")
    url = reverse("verhalen:update", args=[verhaal.pk])
    # A colleague saves first, also starting from version 1.
    collega = UserFactory(username="collega", first_name="Cor")
    services.wijzig_verhaal(
        verhaal=verhaal, gegevens={"titel": "Titel van de ander"}, verwachte_versie=1, door=collega
    )

    response = onderzoeker_client.post(
        url, bewerk_data(verhaal, titel="Mijn titel", samenvatting="Mijn samenvatting")
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Iemand anders heeft dit verhaal intussen gewijzigd" in html
    assert "Cor heeft dit verhaal op " in html
    verschillen = response.context["conflict"]["verschillen"]
    assert [(w.label, w.oud, w.nieuw) for w in verschillen] == [
        ("titel", "Origineel", "Titel van de ander")
    ]
    assert 'value="Mijn titel"' in html
    assert "Mijn samenvatting</textarea>" in html
    assert '<input type="hidden" name="versie" value="2"' in html
    verhaal.refresh_from_db()
    assert verhaal.titel == "Titel van de ander"


def test_update_after_conflict_saves_the_users_version(onderzoeker_client):
    verhaal = VerhaalFactory(titel="Origineel")
    url = reverse("verhalen:update", args=[verhaal.pk])
    onderzoeker_client.post(url, bewerk_data(verhaal, titel="Titel van de ander"))
    conflict = onderzoeker_client.post(url, bewerk_data(verhaal, titel="Mijn titel"))

    response = onderzoeker_client.post(url, conflict.context["form"].data)

    assert response.status_code == 302
    verhaal.refresh_from_db()
    assert (verhaal.titel, verhaal.versie) == ("Mijn titel", 3)


def test_update_text_change_warns_about_fragments_to_review(onderzoeker_client):
    verhaal = VerhaalFactory(tekst="Het was koud in huis. Toen kwam hulp.")
    FragmentFactory(verhaal=verhaal, start=0, eind=21)
    response = onderzoeker_client.post(
        reverse("verhalen:update", args=[verhaal.pk]),
        bewerk_data(verhaal, tekst="Toen kwam hulp."),
        follow=True,
    )
    html = response.content.decode()
    assert "1 gecodeerde fragment(en) zijn in de nieuwe tekst niet teruggevonden" in html
    assert "1 fragment moet herzien worden" in html


def test_update_to_withdrawn_hides_the_story(onderzoeker_client):
    verhaal = VerhaalFactory()
    response = onderzoeker_client.post(
        reverse("verhalen:update", args=[verhaal.pk]),
        bewerk_data(verhaal, toestemming="ingetrokken"),
    )
    assert response.url == reverse("verhalen:list")
    response = onderzoeker_client.get(verhaal.get_absolute_url())
    assert response.status_code == 410
    assert "Dit verhaal is niet meer beschikbaar" in response.content.decode()


def test_saving_an_edit_of_a_story_withdrawn_meanwhile_explains_why_nothing_was_kept(
    onderzoeker_client, onderzoeker
):
    verhaal = VerhaalFactory(titel="Oude titel", tekst="Oude tekst van het verhaal.")
    data = bewerk_data(verhaal, titel="Nieuwe titel")
    services.trek_toestemming_in(verhaal=verhaal, door=onderzoeker)

    response = onderzoeker_client.post(reverse("verhalen:update", args=[verhaal.pk]), data)

    html = response.content.decode()
    assert response.status_code == 410
    assert "De verteller heeft de toestemming ingetrokken" in html
    assert "bewust niet bewaard" in html
    assert "Oude tekst" not in html and "Oude titel" not in html
    verhaal.refresh_from_db()
    assert verhaal.titel == "Oude titel"


def test_unknown_story_is_still_a_plain_404(onderzoeker_client):
    assert onderzoeker_client.get(reverse("verhalen:detail", args=[987654])).status_code == 404


def test_withdrawn_notice_is_not_shown_to_brede_raad_members(raadslid_client):
    verhaal = VerhaalFactory(toestemming="ingetrokken")
    response = raadslid_client.get(verhaal.get_absolute_url())
    assert response.status_code == 403
    assert "niet meer beschikbaar" not in response.content.decode()


# Detail ---------------------------------------------------------------------------


def test_detail_shows_metadata_and_text(onderzoeker_client):
    wijk = Wijk.objects.get(slug="hillesluis")
    verhaal = VerhaalFactory(
        titel="Drie loketten",
        tekst="Ik had één vraag.\nNiemand keek naar mijn hele situatie.",
        wijk=wijk,
        pseudoniem="Moeder uit Zuid",
        themas=[Thema.objects.get(slug="maatwerk")],
        trefwoorden=["loketten"],
    )
    response = onderzoeker_client.get(verhaal.get_absolute_url())
    html = response.content.decode()
    assert "<h1" in html and "Drie loketten</h1>" in html
    assert "Rotterdammer / bewoner (Moeder uit Zuid)" in html
    assert "Hillesluis (Feijenoord), Rotterdam" in html
    assert "loketten" in html
    assert 'id="verhaaltekst"' in html
    assert f'data-verhaal="{verhaal.pk}"' in html
    assert "Niemand keek naar mijn hele situatie." in html


# List -----------------------------------------------------------------------------


def _lijst_titels(client, **params):
    response = client.get(reverse("verhalen:list"), params)
    assert response.status_code == 200
    return [verhaal.titel for verhaal in response.context["pagina"]]


def test_list_filters_by_theme_including_sub_codes(onderzoeker_client):
    vertrouwen = Thema.objects.get(slug="vertrouwen")
    argwaan = ThemaFactory(name="argwaan", slug="argwaan", parent=vertrouwen)
    achterdocht = ThemaFactory(name="achterdocht", slug="achterdocht", parent=argwaan)
    VerhaalFactory(titel="Met thema", themas=[vertrouwen])
    VerhaalFactory(titel="Met subcode", themas=[argwaan])
    VerhaalFactory(titel="Met subcode van een subcode", themas=[achterdocht])
    VerhaalFactory(titel="Zonder", themas=[Thema.objects.get(slug="maatwerk")])

    assert sorted(_lijst_titels(onderzoeker_client, thema="vertrouwen")) == [
        "Met subcode",
        "Met subcode van een subcode",
        "Met thema",
    ]
    assert sorted(_lijst_titels(onderzoeker_client, thema="argwaan")) == [
        "Met subcode",
        "Met subcode van een subcode",
    ]
    assert _lijst_titels(onderzoeker_client, thema="achterdocht") == ["Met subcode van een subcode"]


@pytest.mark.parametrize(
    "params, verwacht",
    [
        ({"verteller_type": "professional"}, ["B"]),
        ({"gemeente": "schiedam"}, ["C"]),
        ({"wijk": "hillesluis"}, ["A"]),
        ({"verzamelwijze": "focusgroep"}, ["B"]),
        ({"toestemming": "openbaar"}, ["C"]),
        ({"van": "2024-02-01"}, ["B", "C"]),
        ({"tot": "2024-02-01"}, ["A"]),
        ({"van": "2024-02-01", "tot": "2024-04-01"}, ["B"]),
    ],
)
def test_list_filters(onderzoeker_client, params, verwacht):
    VerhaalFactory(
        titel="A", wijk=Wijk.objects.get(slug="hillesluis"), verzameld_op=date(2024, 1, 5)
    )
    VerhaalFactory(
        titel="B", verteller_type="professional", verzamelwijze="focusgroep",
        verzameld_op=date(2024, 3, 1),
    )  # fmt: skip
    VerhaalFactory(
        titel="C", gemeente="schiedam", toestemming="openbaar", verzameld_op=date(2024, 6, 1)
    )
    assert sorted(_lijst_titels(onderzoeker_client, **params)) == verwacht


def test_list_filters_on_coding_progress(onderzoeker_client):
    FragmentFactory(verhaal=VerhaalFactory(titel="Gecodeerd"))
    VerhaalFactory(titel="Nog leeg")
    assert _lijst_titels(onderzoeker_client, codering="nog-niet") == ["Nog leeg"]
    assert _lijst_titels(onderzoeker_client, codering="gecodeerd") == ["Gecodeerd"]
    assert sorted(_lijst_titels(onderzoeker_client)) == ["Gecodeerd", "Nog leeg"]


def test_list_filters_by_project_and_werkteam(onderzoeker_client):
    from projecten.models import Project, Werkteam

    project = Project.objects.create(titel="Proef", slug="proef")
    werkteam = Werkteam.objects.create(naam="Team", slug="team")
    VerhaalFactory(titel="In project", project=project)
    VerhaalFactory(titel="In werkteam", werkteam=werkteam)
    assert _lijst_titels(onderzoeker_client, project="proef") == ["In project"]
    assert _lijst_titels(onderzoeker_client, werkteam="team") == ["In werkteam"]


def test_list_with_invalid_filter_shows_error(onderzoeker_client):
    response = onderzoeker_client.get(reverse("verhalen:list"), {"van": "gisteren"})
    assert "van" in response.context["filter"].form.errors
    assert "Het formulier is nog niet goed ingevuld" in response.content.decode()


def test_list_paginates_with_accessible_pager(onderzoeker_client):
    VerhaalFactory.create_batch(21)
    response = onderzoeker_client.get(reverse("verhalen:list"), {"gemeente": "rotterdam"})
    html = response.content.decode()
    assert len(response.context["pagina"]) == 20
    assert '<nav aria-label="Bladeren door de verhalen">' in html
    volgende = response.context["pagina"].volgende
    assert volgende.startswith("gemeente=rotterdam&na=")
    assert f'href="?{volgende.replace("&", "&amp;")}" rel="next"' in html
    tweede = onderzoeker_client.get(f"{reverse('verhalen:list')}?{volgende}")
    assert len(tweede.context["pagina"]) == 1
    assert 'rel="prev"' in tweede.content.decode()


@pytest.mark.parametrize("aantal", [1, 3, 25])
def test_list_query_count_is_constant(onderzoeker_client, django_assert_num_queries, aantal):
    maatwerk = Thema.objects.get(slug="maatwerk")
    for _ in range(aantal):
        verhaal = VerhaalFactory(
            themas=[maatwerk], trefwoorden=["wachten"], wijk=Wijk.objects.first()
        )
        FragmentFactory(verhaal=verhaal)
    # session, user, the session's 2FA device, permissions ×2, count, page,
    # themes, keywords, the filter form's choices (themes, wijken, projects,
    # werkteams), the filter's research attributes (which also tell whether
    # there are attributes to set), the collections of the "add to collection" action
    with django_assert_num_queries(15):
        response = onderzoeker_client.get(reverse("verhalen:list"))
    assert len(response.context["pagina"]) == min(aantal, 20)


@pytest.mark.parametrize("filters", [{"q": "wachtte maanden"}, {"thema": "maatwerk"}])
def test_filtered_or_searched_list_query_count_does_not_grow(
    onderzoeker_client, django_assert_num_queries, filters
):
    maatwerk = Thema.objects.get(slug="maatwerk")
    FragmentFactory(verhaal=VerhaalFactory(themas=[maatwerk], trefwoorden=["wachten"]))
    url = reverse("verhalen:list")
    onderzoeker_client.get(url, filters)  # warm up the session and permission caches
    with CaptureQueriesContext(connection) as een:
        onderzoeker_client.get(url, filters)
    for _ in range(24):
        FragmentFactory(verhaal=VerhaalFactory(themas=[maatwerk], trefwoorden=["wachten"]))

    with django_assert_num_queries(len(een.captured_queries)):
        response = onderzoeker_client.get(url, filters)

    assert len(response.context["pagina"]) == 20
    assert response.context["aantal"] == 25


# Withdraw and erase ---------------------------------------------------------------


def test_intrekken_hides_story_and_records_it(onderzoeker_client, onderzoeker):
    verhaal = VerhaalFactory(titel="Weg ermee", toestemming="openbaar")
    response = onderzoeker_client.post(
        reverse("verhalen:intrekken", args=[verhaal.pk]), follow=True
    )
    html = response.content.decode()
    assert "De toestemming voor “Weg ermee” is ingetrokken." in html
    assert response.context["aantal"] == 0
    verhaal.refresh_from_db()
    assert (verhaal.toestemming, verhaal.toestemming_vastgelegd_door) == (
        "ingetrokken",
        onderzoeker,
    )


@pytest.fixture
def wisser(onderzoeker):
    onderzoeker.user_permissions.add(Permission.objects.get(codename="wis_verhaal"))
    return onderzoeker


def test_erase_pages_need_the_erase_permission(onderzoeker_client):
    verhaal = VerhaalFactory(toestemming="ingetrokken")
    assert onderzoeker_client.get(reverse("verhalen:ingetrokken")).status_code == 403
    assert onderzoeker_client.get(reverse("verhalen:wissen", args=[verhaal.pk])).status_code == 403
    assert onderzoeker_client.post(reverse("verhalen:wissen", args=[verhaal.pk])).status_code == 403
    verhaal.refresh_from_db()
    assert verhaal.gewist_op is None


def test_ingetrokken_list_shows_withdrawn_stories_without_text(client, wisser):
    log_in(client, wisser)
    VerhaalFactory(titel="Ingetrokken verhaal", tekst="Geheime tekst", toestemming="ingetrokken")
    VerhaalFactory(titel="Gewoon verhaal", toestemming="openbaar")
    response = client.get(reverse("verhalen:ingetrokken"))
    html = response.content.decode()
    assert [v.titel for v in response.context["pagina"]] == ["Ingetrokken verhaal"]
    assert "Geheime tekst" not in html


def test_erase_requires_confirmation_then_erases(client, wisser):
    log_in(client, wisser)
    verhaal = VerhaalFactory(tekst="Geheime tekst", toestemming="ingetrokken")
    url = reverse("verhalen:wissen", args=[verhaal.pk])

    geweigerd = client.post(url, {"kenmerk": "Z-1"})
    assert geweigerd.context["form"].errors == {
        "bevestig": ["Vink aan dat je het wissen begrijpt."]
    }
    verhaal.refresh_from_db()
    assert verhaal.tekst == "Geheime tekst"

    response = client.post(url, {"kenmerk": "Z-1", "bevestig": "on"}, follow=True)
    assert f"De inhoud van verhaal {verhaal.pk} is gewist." in response.content.decode()
    verhaal.refresh_from_db()
    assert (verhaal.tekst, verhaal.titel) == ("", "Gewist verhaal")
    assert Verwijderverzoek.objects.get().uitgevoerd_door == wisser
    assert client.get(url).status_code == 404


# Admin ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "model", ["verhaal", "fragment", "verwijderverzoek"]
)  # fmt: skip
def test_admin_is_for_superusers_only(client, beheerder, coordinator, model):
    verhaal = VerhaalFactory(titel="Ingetrokken in admin", toestemming=Toestemming.INGETROKKEN)
    FragmentFactory(verhaal=verhaal)
    url = reverse(f"admin:verhalen_{model}_changelist")

    assert client.get(url).status_code == 302  # anonymous → admin login

    log_in(client, coordinator)
    assert client.get(url).status_code == 403
    assert url not in client.get(reverse("admin:index")).content.decode()

    log_in(client, beheerder)
    response = client.get(url)
    assert response.status_code == 200
    assert url in client.get(reverse("admin:index")).content.decode()


def test_admin_coordinator_with_granted_permission_still_refused(client, coordinator):
    coordinator.user_permissions.add(Permission.objects.get(codename="view_verhaal"))
    log_in(client, coordinator)
    verhaal = VerhaalFactory()
    assert client.get(reverse("admin:verhalen_verhaal_changelist")).status_code == 403
    assert (
        client.get(reverse("admin:verhalen_verhaal_change", args=[verhaal.pk])).status_code == 403
    )


def test_admin_shows_withdrawn_stories_read_only(client, beheerder):
    verhaal = VerhaalFactory(titel="Ingetrokken in admin", toestemming=Toestemming.INGETROKKEN)
    log_in(client, beheerder)
    lijst = client.get(reverse("admin:verhalen_verhaal_changelist")).content.decode()
    assert "Ingetrokken in admin" in lijst
    detail = client.get(reverse("admin:verhalen_verhaal_change", args=[verhaal.pk]))
    assert detail.status_code == 200
    assert 'name="titel"' not in detail.content.decode()
    assert client.get(reverse("admin:verhalen_verhaal_add")).status_code == 403
    assert (
        client.post(reverse("admin:verhalen_verhaal_delete", args=[verhaal.pk])).status_code == 403
    )


def test_admin_erase_action(client, beheerder):
    verhaal = VerhaalFactory(tekst="Geheime tekst", toestemming=Toestemming.INGETROKKEN)
    log_in(client, beheerder)
    client.post(
        reverse("admin:verhalen_verhaal_changelist"),
        {"action": "wis_op_verzoek", "_selected_action": [verhaal.pk]},
    )
    verhaal.refresh_from_db()
    assert verhaal.tekst == ""
    assert Verwijderverzoek.objects.get().verhaal_nummer == verhaal.pk


def test_update_keeps_a_collector_who_is_no_longer_a_researcher(onderzoeker_client):
    oud_collega = UserFactory(username="oud-collega")  # no role any more
    verhaal = VerhaalFactory(verzameld_door=oud_collega)
    response = onderzoeker_client.post(
        reverse("verhalen:update", args=[verhaal.pk]),
        bewerk_data(verhaal, titel="Bijgewerkt", verzameld_door=str(oud_collega.pk)),
    )
    assert response.status_code == 302
    verhaal.refresh_from_db()
    assert (verhaal.titel, verhaal.verzameld_door) == ("Bijgewerkt", oud_collega)


def test_update_form_shows_current_themes_and_keywords(onderzoeker_client):
    maatwerk = Thema.objects.get(slug="maatwerk")
    verhaal = VerhaalFactory(themas=[maatwerk], trefwoorden=["wachtlijst", "huur"])
    response = onderzoeker_client.get(reverse("verhalen:update", args=[verhaal.pk]))
    form = response.context["form"]
    assert form.initial["themas"] == [maatwerk.pk]
    assert 'name="trefwoorden" value="huur, wachtlijst"' in response.content.decode()


def test_update_warns_only_about_new_personal_data(onderzoeker_client):
    verhaal = VerhaalFactory(tekst="Toen kwam Anna Bakker langs.")
    assert [v.tekst for v in privacy.controleer(verhaal.tekst)] == ["Anna Bakker"]
    url = reverse("verhalen:update", args=[verhaal.pk])

    zonder_nieuws = onderzoeker_client.post(
        url, bewerk_data(verhaal, tekst="Toen kwam Anna Bakker langs. Het regende.")
    )
    assert zonder_nieuws.status_code == 302

    verhaal.refresh_from_db()
    met_nieuws = onderzoeker_client.post(
        url,
        bewerk_data(verhaal, tekst="Toen kwam Anna Bakker langs. Het regende. Bel 06-12345678."),
    )
    assert met_nieuws.status_code == 200
    assert [v.tekst for v in met_nieuws.context["privacy"].velden[0]["vondsten"]] == ["06-12345678"]


def test_list_filter_groups_wijken_by_gebied_and_names_sub_codes(onderzoeker_client):
    ThemaFactory(name="argwaan", slug="argwaan", parent=Thema.objects.get(slug="vertrouwen"))
    html = onderzoeker_client.get(reverse("verhalen:list")).content.decode()
    assert '<optgroup label="Feijenoord">' in html
    assert '<option value="hillesluis">Hillesluis</option>' in html
    assert '<option value="argwaan">vertrouwen › argwaan</option>' in html
