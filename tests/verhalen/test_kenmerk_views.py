"""Research attributes in use: defining them, the story form, the bulk action,
filters, the code × attribute matrix and the exports."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.helpers import log_in
from tests.verhalen.factories import (
    FragmentFactory,
    KenmerkFactory,
    MemoFactory,
    VerhaalFactory,
    kenmerkwaarde,
)
from verhalen.models import Kenmerk, KenmerkSoort, KenmerkWaarde, Toestemming, Verhaal

pytestmark = pytest.mark.django_db

TEKST = "Verzonnen voorbeeld. Ik wachtte drie maanden op een brief van de gemeente."


def _tekst(response):
    return response.content.decode()


def verhaal_formulier(**overrides):
    return {
        "titel": "Wachten op antwoord",
        "tekst": TEKST,
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
        "trefwoorden": "",
        **overrides,
    }


@pytest.fixture
def kenmerken():
    return {
        "domein": KenmerkFactory(naam="Levensdomein", slug="levensdomein"),
        "aantal": KenmerkFactory(naam="Aantal instanties", slug="aantal", soort=KenmerkSoort.GETAL),
        "datum": KenmerkFactory(naam="Eerste contact", slug="contact", soort=KenmerkSoort.DATUM),
        "hulp": KenmerkFactory(naam="Hulpvraag", slug="hulpvraag", soort=KenmerkSoort.JA_NEE),
        "notitie": KenmerkFactory(naam="Notitie", slug="notitie", soort=KenmerkSoort.TEKST),
    }


# Defining attributes ---------------------------------------------------------------


@pytest.mark.parametrize("naam", ["verhalen:kenmerken", "verhalen:kenmerk_nieuw"])
@pytest.mark.parametrize(
    "rol_client", ["raadslid", "coordinator", "gewone_gebruiker"], indirect=True
)
def test_other_roles_may_not_see_or_define_attributes(rol_client, naam):
    assert rol_client.get(reverse(naam)).status_code == 403
    assert rol_client.post(reverse(naam), {"naam": "x", "soort": "tekst"}).status_code in (403, 405)
    assert not Kenmerk.objects.exists()


def test_anonymous_is_sent_to_login_for_attributes(client):
    response = client.get(reverse("verhalen:kenmerken"))
    assert response["Location"].startswith(reverse("login"))


def test_researcher_defines_a_choice_attribute(onderzoeker_client, onderzoeker):
    response = onderzoeker_client.post(
        reverse("verhalen:kenmerk_nieuw"),
        {
            "naam": "Levensdomein",
            "soort": "keuze",
            "keuzes": "wonen\r\n werk en inkomen \r\n\r\nwonen",
            "uitleg": "Waar speelt het verhaal vooral?",
            "volgorde": "10",
        },
        follow=True,
    )

    kenmerk = Kenmerk.objects.get()
    assert (kenmerk.slug, kenmerk.keuzes) == ("levensdomein", ["wonen", "werk en inkomen"])
    assert kenmerk.history.get().history_user == onderzoeker
    assert "wonen, werk en inkomen" in _tekst(response)


def test_choice_attribute_without_options_gets_a_dutch_message(onderzoeker_client):
    response = onderzoeker_client.post(
        reverse("verhalen:kenmerk_nieuw"),
        {"naam": "Hulpvraag", "soort": "keuze", "keuzes": "", "volgorde": "100"},
    )
    assert "Geef minstens één keuze op." in _tekst(response)
    assert response.context["form"]["naam"].value() == "Hulpvraag"
    assert not Kenmerk.objects.exists()


def test_an_option_in_use_cannot_be_removed_and_the_kind_is_fixed(onderzoeker_client, kenmerken):
    domein = kenmerken["domein"]
    kenmerkwaarde(VerhaalFactory(), domein, "werk")
    url = reverse("verhalen:kenmerk_bewerken", args=[domein.slug])

    response = onderzoeker_client.post(
        url, {"naam": "Levensdomein", "soort": "tekst", "keuzes": "wonen", "volgorde": "1"}
    )

    assert "Deze keuzes zijn nog in gebruik bij verhalen: werk." in _tekst(response)
    domein.refresh_from_db()
    assert (domein.soort, domein.keuzes) == ("keuze", ["wonen", "werk", "zorg"])


# The story form --------------------------------------------------------------------------


def test_story_form_fills_attributes_of_each_kind(onderzoeker_client, kenmerken):
    response = onderzoeker_client.post(
        reverse("verhalen:create"),
        verhaal_formulier(
            kenmerk_levensdomein="werk",
            kenmerk_aantal="3,5",
            kenmerk_contact="2024-02-01",
            kenmerk_hulpvraag="nee",
            kenmerk_notitie="",
        ),
    )

    verhaal = Verhaal.objects.get()
    assert response["Location"] == verhaal.get_absolute_url()
    waarden = {w.kenmerk.slug: w.weergave for w in verhaal.kenmerkwaarden.select_related("kenmerk")}
    assert waarden == {
        "levensdomein": "werk",
        "aantal": "3.5",
        "contact": "01-02-2024",
        "hulpvraag": "nee",
    }
    pagina = _tekst(onderzoeker_client.get(verhaal.get_absolute_url()))
    assert "<dt>Hulpvraag</dt><dd>nee</dd>" in pagina
    assert "<dt>Levensdomein</dt><dd>werk</dd>" in pagina


def test_story_form_bad_attribute_values_get_dutch_messages_and_lose_nothing(
    onderzoeker_client, kenmerken
):
    response = onderzoeker_client.post(
        reverse("verhalen:create"),
        verhaal_formulier(kenmerk_levensdomein="maan", kenmerk_aantal="veel", kenmerk_notitie="x"),
    )

    html = _tekst(response)
    assert "Kies een van de waarden uit de lijst." in html
    assert "Vul een getal in, zoals 12 of 3,5." in html
    assert response.context["form"]["kenmerk_notitie"].value() == "x"
    assert response.context["form"]["titel"].value() == "Wachten op antwoord"
    assert not Verhaal.objects.exists()


def test_edit_form_shows_stored_values_and_changes_them_with_history(
    onderzoeker_client, onderzoeker, kenmerken
):
    verhaal = VerhaalFactory(tekst=TEKST)
    kenmerkwaarde(verhaal, kenmerken["hulp"], True)
    url = reverse("verhalen:update", args=[verhaal.pk])
    form = onderzoeker_client.get(url).context["form"]
    assert form["kenmerk_hulpvraag"].value() == "ja"

    onderzoeker_client.post(
        url,
        verhaal_formulier(
            titel=verhaal.titel, kenmerk_hulpvraag="", kenmerk_levensdomein="zorg", versie="1"
        ),
    )

    assert list(verhaal.kenmerkwaarden.values_list("kenmerk__slug", "tekst")) == [
        ("levensdomein", "zorg")
    ]
    assert set(KenmerkWaarde.history.values_list("history_type", "history_user")) == {
        ("+", None),
        ("-", onderzoeker.pk),
        ("+", onderzoeker.pk),
    }


# The bulk action ---------------------------------------------------------------------------


def test_bulk_sets_a_value_on_ticked_stories(onderzoeker_client, kenmerken):
    een, twee, ander = VerhaalFactory.create_batch(3)

    response = onderzoeker_client.post(
        reverse("verhalen:kenmerk_zetten"),
        {"kenmerk": "levensdomein", "waarde": "wonen", "verhalen": [een.pk, twee.pk]},
        follow=True,
    )

    assert set(KenmerkWaarde.objects.values_list("verhaal_id", "tekst")) == {
        (een.pk, "wonen"),
        (twee.pk, "wonen"),
    }
    assert "Levensdomein op “wonen” gezet voor 2 verhalen (2 gewijzigd)." in _tekst(response)


@pytest.mark.parametrize(
    ("gegevens", "melding"),
    [
        ({"kenmerk": "levensdomein", "waarde": "maan"}, "Kies een van de waarden uit de lijst."),
        ({"kenmerk": "aantal", "waarde": "veel"}, "Vul een getal in, zoals 12 of 3,5."),
        ({"kenmerk": "contact", "waarde": "morgen"}, "Vul een datum in, zoals 31-12-2024."),
        ({"kenmerk": "", "waarde": "x"}, "Kies een kenmerk."),
    ],
)
def test_bulk_with_a_bad_value_says_why_and_changes_nothing(
    onderzoeker_client, kenmerken, gegevens, melding
):
    verhaal = VerhaalFactory()
    response = onderzoeker_client.post(
        reverse("verhalen:kenmerk_zetten"), {**gegevens, "verhalen": [verhaal.pk]}, follow=True
    )
    assert melding in _tekst(response)
    assert not KenmerkWaarde.objects.exists()


def test_bulk_date_in_dutch_order_and_yes_no(onderzoeker_client, kenmerken):
    verhaal = VerhaalFactory()
    for kenmerk, waarde in [("contact", "31-12-2024"), ("hulpvraag", "Ja")]:
        onderzoeker_client.post(
            reverse("verhalen:kenmerk_zetten"),
            {"kenmerk": kenmerk, "waarde": waarde, "verhalen": [verhaal.pk]},
        )
    waarden = {w.kenmerk.slug: w.weergave for w in verhaal.kenmerkwaarden.all()}
    assert waarden == {"contact": "31-12-2024", "hulpvraag": "ja"}


def test_bulk_cannot_reach_a_withdrawn_story(onderzoeker_client, kenmerken):
    ingetrokken = VerhaalFactory(toestemming=Toestemming.INGETROKKEN)
    onderzoeker_client.post(
        reverse("verhalen:kenmerk_zetten"),
        {"kenmerk": "levensdomein", "waarde": "wonen", "verhalen": [ingetrokken.pk]},
    )
    assert not KenmerkWaarde.objects.exists()


@pytest.mark.parametrize(
    "rol_client", ["raadslid", "coordinator", "gewone_gebruiker"], indirect=True
)
def test_bulk_is_refused_to_other_roles(rol_client, kenmerken):
    verhaal = VerhaalFactory(toestemming=Toestemming.OPENBAAR)
    response = rol_client.post(
        reverse("verhalen:kenmerk_zetten"),
        {"kenmerk": "levensdomein", "waarde": "wonen", "verhalen": [verhaal.pk]},
    )
    assert response.status_code == 403
    assert not KenmerkWaarde.objects.exists()


def test_list_offers_the_bulk_action_with_its_own_button(onderzoeker_client, kenmerken):
    VerhaalFactory()
    html = _tekst(onderzoeker_client.get(reverse("verhalen:list")))
    assert f'formaction="{reverse("verhalen:kenmerk_zetten")}"' in html
    assert "Kenmerk zetten voor de aangevinkte verhalen" in html


# Filters ------------------------------------------------------------------------------


def _gevonden(client, **filters):
    response = client.get(reverse("verhalen:list"), filters)
    assert response.status_code == 200
    return {verhaal.pk for verhaal in response.context["pagina"]}


def test_story_filters_per_attribute_kind(onderzoeker_client, kenmerken):
    a, b, leeg = VerhaalFactory(), VerhaalFactory(), VerhaalFactory()
    kenmerkwaarde(a, kenmerken["domein"], "wonen")
    kenmerkwaarde(b, kenmerken["domein"], "werk")
    kenmerkwaarde(a, kenmerken["aantal"], Decimal("2"))
    kenmerkwaarde(b, kenmerken["aantal"], Decimal("7.5"))
    kenmerkwaarde(a, kenmerken["hulp"], True)
    kenmerkwaarde(b, kenmerken["hulp"], False)
    kenmerkwaarde(a, kenmerken["notitie"], "Via de huisarts binnengekomen")
    kenmerkwaarde(b, kenmerken["datum"], __import__("datetime").date(2024, 5, 1))

    c = onderzoeker_client
    assert _gevonden(c, kenmerk_levensdomein="wonen") == {a.pk}
    assert _gevonden(c, kenmerk_levensdomein="null") == {leeg.pk}
    assert _gevonden(c, kenmerk_hulpvraag="nee") == {b.pk}
    assert _gevonden(c, kenmerk_aantal_van="3") == {b.pk}
    assert _gevonden(c, kenmerk_aantal_tot="3") == {a.pk}
    assert _gevonden(c, kenmerk_notitie="huisarts") == {a.pk}
    assert _gevonden(c, kenmerk_contact_van="2024-04-01", kenmerk_contact_tot="2024-05-31") == {
        b.pk
    }


def test_export_follows_the_attribute_filter_and_carries_values_and_memos(
    onderzoeker_client, kenmerken
):
    a, b = VerhaalFactory(titel="A"), VerhaalFactory(titel="B")
    kenmerkwaarde(a, kenmerken["domein"], "wonen")
    kenmerkwaarde(a, kenmerken["aantal"], Decimal("2.50"))
    kenmerkwaarde(a, kenmerken["hulp"], True)
    kenmerkwaarde(b, kenmerken["domein"], "werk")
    fragment = FragmentFactory(verhaal=a)
    MemoFactory(verhaal=a, titel="Over A", tekst="=1+1")
    MemoFactory(fragment=fragment, titel="Over het fragment")

    json_data = json.loads(
        b"".join(
            onderzoeker_client.get(
                reverse("verhalen:export_json"), {"kenmerk_levensdomein": "wonen"}
            ).streaming_content
        )
    )
    csv_inhoud = b"".join(
        onderzoeker_client.get(
            reverse("verhalen:export_csv"), {"kenmerk_levensdomein": "wonen"}
        ).streaming_content
    ).decode("utf-8-sig")

    [item] = json_data["verhalen"]
    assert item["kenmerken"] == {"levensdomein": "wonen", "aantal": "2.5", "hulpvraag": True}
    assert [(m["titel"], m["fragment"]) for m in item["memos"]] == [
        ("Over A", None),
        ("Over het fragment", fragment.pk),
    ]
    [rij] = list(csv.DictReader(io.StringIO(csv_inhoud)))
    assert rij["titel"] == "A"
    assert (rij["kenmerk:levensdomein"], rij["kenmerk:aantal"], rij["kenmerk:hulpvraag"]) == (
        "wonen",
        "2.5",
        "ja",
    )
    assert rij["kenmerk:notitie"] == ""
    assert json.loads(rij["memos"])[0]["tekst"] == "=1+1"


def test_export_without_memo_permission_carries_no_memos(client, onderzoeker, kenmerken):
    from django.contrib.auth.models import Permission

    verhaal = VerhaalFactory()
    MemoFactory(verhaal=verhaal)
    onderzoeker.user_permissions.add(Permission.objects.get(codename="exporteer_verhaal"))
    onderzoeker.groups.clear()
    onderzoeker.user_permissions.add(Permission.objects.get(codename="view_verhaal"))
    log_in(client, onderzoeker)

    data = json.loads(b"".join(client.get(reverse("verhalen:export_json")).streaming_content))

    assert "memos" not in data["verhalen"][0]


# The matrix -------------------------------------------------------------------------------


def test_matrix_columns_are_the_values_of_a_chosen_attribute(
    onderzoeker_client, kenmerken, vertrouwen
):
    domein = kenmerken["domein"]
    wonen, werk, onbekend = (
        VerhaalFactory(tekst=TEKST),
        VerhaalFactory(tekst=TEKST),
        VerhaalFactory(tekst=TEKST),
    )
    kenmerkwaarde(wonen, domein, "wonen")
    kenmerkwaarde(werk, domein, "werk")
    for verhaal, aantal in [(wonen, 2), (werk, 1), (onbekend, 1)]:
        for i in range(aantal):
            FragmentFactory(verhaal=verhaal, start=i, eind=i + 5, codes=[vertrouwen])
    verborgen = VerhaalFactory(tekst=TEKST, toestemming=Toestemming.INGETROKKEN)
    kenmerkwaarde(verborgen, domein, "werk")
    FragmentFactory(verhaal=verborgen, codes=[vertrouwen])

    response = onderzoeker_client.get(reverse("codeboek:matrix"), {"kolom": "kenmerk_levensdomein"})

    tabel = response.context["tabel"]
    assert [(k.label, k.waarde, k.totaal) for k in tabel.kolommen] == [
        ("wonen", "wonen", 2),
        ("werk", "werk", 1),
        ("(onbekend)", "null", 1),
    ]
    [rij] = [rij for rij in tabel.rijen if rij.knoop.thema == vertrouwen]
    assert [cel.aantal for cel in rij.cellen] == [2, 1, 1]
    # A cell links to the code's fragments narrowed to that value; the list agrees.
    fragmenten = onderzoeker_client.get(
        reverse("codeboek:detail", args=[vertrouwen.slug]), {"kenmerk_levensdomein": "werk"}
    )
    assert [f.verhaal_id for f in fragmenten.context["pagina"]] == [werk.pk]


def test_matrix_offers_only_categorical_attributes(onderzoeker_client, kenmerken):
    form = onderzoeker_client.get(reverse("codeboek:matrix")).context["kolomform"]
    keuzes = [sleutel for sleutel, _label in form.fields["kolom"].choices]
    assert "kenmerk_levensdomein" in keuzes
    assert "kenmerk_hulpvraag" in keuzes
    assert "kenmerk_aantal" not in keuzes
    assert "kenmerk_notitie" not in keuzes


def test_matrix_by_attribute_query_count_does_not_grow(
    onderzoeker_client, kenmerken, vertrouwen, django_assert_num_queries
):
    url = reverse("codeboek:matrix")
    verhaal = VerhaalFactory(tekst=TEKST)
    kenmerkwaarde(verhaal, kenmerken["domein"], "wonen")
    FragmentFactory(verhaal=verhaal, codes=[vertrouwen])
    onderzoeker_client.get(url, {"kolom": "kenmerk_levensdomein"})
    # session, user, the second step's authenticator, permissions ×2, codes, the
    # attributes (as columns and as filters), the aggregate, the filter's codes,
    # wijken, projects and coders
    with django_assert_num_queries(13):
        onderzoeker_client.get(url, {"kolom": "kenmerk_levensdomein"})
    for waarde in ["werk", "zorg"]:
        ander = VerhaalFactory(tekst=TEKST)
        kenmerkwaarde(ander, kenmerken["domein"], waarde)
        FragmentFactory(verhaal=ander, codes=[vertrouwen])
    with django_assert_num_queries(13):
        response = onderzoeker_client.get(url, {"kolom": "kenmerk_levensdomein"})
    assert len(response.context["tabel"].kolommen) == 3
