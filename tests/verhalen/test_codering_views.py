"""Coding fragments on a story: create, edit, delete, with permissions both ways."""

import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kennisagenda import roles
from kennisagenda.models import Thema
from tests.factories import UserFactory
from tests.helpers import log_in
from tests.verhalen.factories import FragmentFactory, VerhaalFactory
from verhalen.forms.codering import FragmentForm
from verhalen.models import Fragment, Toestemming

pytestmark = pytest.mark.django_db

TEKST = "Ik wachtte maanden op een antwoord. Toen kwam er iemand langs die echt luisterde."


@pytest.fixture
def verhaal():
    return VerhaalFactory(tekst=TEKST, titel="Wachten op de gemeente")


@pytest.fixture
def fragment(verhaal, vertrouwen):
    return FragmentFactory(verhaal=verhaal, start=3, eind=34, codes=[vertrouwen], memo="Wachten")


def _urls(verhaal, fragment):
    return [
        reverse("codeboek:fragment_nieuw", args=[verhaal.pk]),
        reverse("codeboek:fragment_bewerken", args=[verhaal.pk, fragment.pk]),
        reverse("codeboek:fragment_verwijderen", args=[verhaal.pk, fragment.pk]),
    ]


def test_fragment_pages_send_anonymous_visitors_to_login(client, verhaal, fragment):
    for url in _urls(verhaal, fragment):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("gebruiker", ["raadslid", "coordinator", "gewone_gebruiker"])
def test_fragment_pages_forbidden_without_coding_rights(
    client, request, gebruiker, verhaal, fragment
):
    log_in(client, request.getfixturevalue(gebruiker))
    for url in _urls(verhaal, fragment):
        assert client.get(url).status_code == 403
        assert client.post(url, {"start": 0, "eind": 5, "codes": []}).status_code == 403
    assert Fragment.objects.count() == 1


def test_story_page_shows_text_with_highlight_list_and_form_to_researcher(
    onderzoeker_client, verhaal, fragment
):
    response = onderzoeker_client.get(verhaal.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="verhaaltekst"' in html
    assert f'data-verhaal="{verhaal.pk}"' in html
    assert f'<mark class="codering baan-0 kleur-{fragment.codes.get().pk}"' in html
    assert f'data-fragment="{fragment.pk}"' in html
    assert 'id="fragment-form"' in html
    assert f'id="fragment-{fragment.pk}"' in html
    assert "Wachten" in html  # the memo
    assert reverse("codeboek:fragment_bewerken", args=[verhaal.pk, fragment.pk]) in html
    assert '<script type="module" src="/static/js/werkruimte/werkruimte.js">' in html


def test_story_page_text_segments_reassemble_the_stored_text(
    onderzoeker_client, verhaal, fragment, maatwerk
):
    FragmentFactory(verhaal=verhaal, start=20, eind=50, codes=[maatwerk])
    response = onderzoeker_client.get(verhaal.get_absolute_url())

    segmenten = response.context["codering"]["segmenten"]
    assert "".join(s.tekst for s in segmenten) == TEKST
    assert [(s.start, s.eind, len(s.fragmenten)) for s in segmenten] == [
        (0, 3, 0),
        (3, 20, 1),
        (20, 34, 2),
        (34, 50, 1),
        (50, len(TEKST), 0),
    ]


def test_create_fragment_from_offsets(
    onderzoeker_client, onderzoeker, verhaal, vertrouwen, maatwerk
):
    url = reverse("codeboek:fragment_nieuw", args=[verhaal.pk])

    response = onderzoeker_client.post(
        url,
        {
            "start": 36,
            "eind": 56,
            "citaat": "",
            "codes": [vertrouwen.pk, maatwerk.pk],
            "memo": "Iemand kwam",
        },
    )

    fragment = Fragment.objects.get()
    assert response.status_code == 302
    assert response.url == f"/verhalen/{verhaal.pk}/#fragment-{fragment.pk}"
    assert (fragment.start, fragment.eind, fragment.citaat) == (36, 55, "Toen kwam er iemand")
    assert set(fragment.codes.values_list("slug", flat=True)) == {"vertrouwen", "maatwerk"}
    assert fragment.codeur == onderzoeker
    assert fragment.memo == "Iemand kwam"
    versie = fragment.history.get()
    assert versie.history_user == onderzoeker
    assert {label["naam"] for label in versie.codes_snapshot} == {"vertrouwen", "maatwerk"}


def test_create_fragment_trims_whitespace_around_selection(onderzoeker_client, verhaal, vertrouwen):
    onderzoeker_client.post(
        reverse("codeboek:fragment_nieuw", args=[verhaal.pk]),
        {"start": 35, "eind": 46, "codes": [vertrouwen.pk]},
    )
    fragment = Fragment.objects.get()
    assert (fragment.start, fragment.eind, fragment.citaat) == (36, 45, "Toen kwam")


def test_create_fragment_from_pasted_quote_without_offsets(onderzoeker_client, verhaal, vertrouwen):
    onderzoeker_client.post(
        reverse("codeboek:fragment_nieuw", args=[verhaal.pk]),
        {"start": "", "eind": "", "citaat": "iemand  langs\ndie", "codes": [vertrouwen.pk]},
    )
    fragment = Fragment.objects.get()
    assert fragment.citaat == "iemand langs die"
    assert TEKST[fragment.start : fragment.eind] == "iemand langs die"


def test_create_fragment_ambiguous_quote_asks_for_more_context_and_keeps_input(
    onderzoeker_client, verhaal, vertrouwen
):
    response = onderzoeker_client.post(
        reverse("codeboek:fragment_nieuw", args=[verhaal.pk]),
        {"citaat": "er", "codes": [vertrouwen.pk], "memo": "mijn gedachte"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert Fragment.objects.count() == 0
    assert response.context["form"].errors["citaat"] == [
        "Dit citaat komt 2 keer voor in het verhaal. Plak een langer stuk tekst, met een "
        "paar woorden ervoor of erna, zodat duidelijk is welke plek je bedoelt."
    ]
    assert "mijn gedachte" in html
    assert f'value="{vertrouwen.pk}"' in html and "checked" in html


@pytest.mark.parametrize(
    ("data", "veld", "code"),
    [
        ({"start": 10, "eind": 5}, "eind", "buiten_tekst"),
        ({"start": 0, "eind": 9999}, "eind", "buiten_tekst"),
        ({"start": -1, "eind": 5}, "start", "min_value"),
        ({"start": 4}, "eind", "half"),
        ({"start": 0, "eind": 5, "citaat": "iets anders"}, "citaat", "past_niet"),
        ({"citaat": "staat er niet in"}, "citaat", "niet_gevonden"),
        ({}, "__all__", "geen_tekst"),
    ],
)
def test_create_fragment_rejects_bad_ranges_with_dutch_message(
    onderzoeker_client, verhaal, vertrouwen, data, veld, code
):
    response = onderzoeker_client.post(
        reverse("codeboek:fragment_nieuw", args=[verhaal.pk]), {**data, "codes": [vertrouwen.pk]}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error(veld, code)
    assert Fragment.objects.count() == 0


def test_create_fragment_requires_a_code(onderzoeker_client, verhaal):
    response = onderzoeker_client.post(
        reverse("codeboek:fragment_nieuw", args=[verhaal.pk]), {"start": 0, "eind": 10}
    )
    assert response.context["form"].errors["codes"] == ["Kies minstens één code."]
    assert Fragment.objects.count() == 0


def test_create_fragment_on_withdrawn_story_is_not_found(onderzoeker_client, vertrouwen):
    verhaal = VerhaalFactory(tekst=TEKST, toestemming=Toestemming.INGETROKKEN)
    response = onderzoeker_client.post(
        reverse("codeboek:fragment_nieuw", args=[verhaal.pk]),
        {"start": 0, "eind": 5, "codes": [vertrouwen.pk]},
    )
    assert response.status_code == 404
    assert Fragment.objects.count() == 0


def test_edit_fragment_changes_range_codes_and_flag_and_keeps_history(
    onderzoeker_client, onderzoeker, verhaal, fragment, maatwerk
):
    fragment.moet_herzien = True
    fragment.save()
    url = reverse("codeboek:fragment_bewerken", args=[verhaal.pk, fragment.pk])
    pagina = onderzoeker_client.get(url)
    assert pagina.context["form"].initial["codes"] == [fragment.codes.get().pk]
    assert "Fragment 1 bewerken" in pagina.content.decode()

    response = onderzoeker_client.post(
        url,
        {"start": 0, "eind": 10, "citaat": TEKST[:10], "codes": [maatwerk.pk], "memo": "Anders"},
    )

    fragment.refresh_from_db()
    assert response.status_code == 302
    assert (fragment.start, fragment.eind, fragment.citaat) == (0, 10, TEKST[:10])
    assert list(fragment.codes.values_list("slug", flat=True)) == ["maatwerk"]
    assert fragment.memo == "Anders"
    assert fragment.moet_herzien is False
    laatste = fragment.history.first()
    assert laatste.history_user == onderzoeker
    assert [label["naam"] for label in laatste.codes_snapshot] == ["maatwerk"]
    assert fragment.history.count() >= 2


def test_delete_fragment_asks_confirmation_then_deletes_and_keeps_history(
    onderzoeker_client, verhaal, fragment
):
    url = reverse("codeboek:fragment_verwijderen", args=[verhaal.pk, fragment.pk])
    bevestiging = onderzoeker_client.get(url)
    assert "Dit fragment verwijderen?" in bevestiging.content.decode()
    assert Fragment.objects.filter(pk=fragment.pk).exists()

    response = onderzoeker_client.post(url)

    assert response.status_code == 302
    assert response.url == verhaal.get_absolute_url()
    assert not Fragment.objects.filter(pk=fragment.pk).exists()
    assert Fragment.history.filter(id=fragment.pk, history_type="-").count() == 1


def test_fragment_of_another_story_is_not_found(onderzoeker_client, fragment):
    ander = VerhaalFactory()
    url = reverse("codeboek:fragment_bewerken", args=[ander.pk, fragment.pk])
    assert onderzoeker_client.get(url).status_code == 404


def test_story_page_shows_no_coding_tools_to_a_reader_without_coding_rights(
    client, verhaal, fragment
):
    lezer = UserFactory(username="lezer")
    from django.contrib.auth.models import Permission

    lezer.user_permissions.add(
        Permission.objects.get(codename="view_verhaal"),
        Permission.objects.get(codename="view_fragment"),
    )
    log_in(client, lezer)
    html = client.get(verhaal.get_absolute_url()).content.decode()
    assert 'id="verhaaltekst"' in html
    assert 'id="fragment-form"' not in html
    assert "/bewerken/" not in html.split('id="fragmenten-titel"')[1]


def test_story_page_query_count_does_not_grow_with_fragments(
    onderzoeker_client, verhaal, fragment, maatwerk, django_assert_num_queries
):
    url = verhaal.get_absolute_url()
    onderzoeker_client.get(url)
    with CaptureQueriesContext(connection) as een:
        onderzoeker_client.get(url)
    for start in (10, 20, 40):
        FragmentFactory(verhaal=verhaal, start=start, eind=start + 15, codes=[maatwerk])
    with django_assert_num_queries(len(een.captured_queries)):
        response = onderzoeker_client.get(url)
    assert len(response.context["codering"]["fragmenten"]) == 4
    # session, user, second step, permissions ×2, the story, its themes,
    # keywords and attributes, the access log, the storyteller's voice and
    # consent proof (3), the fragments, their codes, the codebook (read once
    # for the form and the picker), the recent codes, the memos
    assert len(een.captured_queries) == 18


def test_story_page_marks_carry_fragment_ids_and_numbered_labels(
    onderzoeker_client, verhaal, fragment, maatwerk
):
    tweede = FragmentFactory(verhaal=verhaal, start=20, eind=50, codes=[maatwerk])
    html = onderzoeker_client.get(verhaal.get_absolute_url()).content.decode()
    assert (
        f'<span class="fragment-label" id="tekst-fragment-{fragment.pk}" data-nummer="1"></span>'
    ) in html
    assert 'title="Fragment 2: maatwerk"' in html
    assert f'<mark class="codering baan-1 kleur-{maatwerk.pk}" data-fragment="{tweede.pk}"' in html
    # No hidden text inside the story text: the caret would stop in it.
    tekst = html.split('id="verhaaltekst"')[1].split("</div>")[0]
    assert "visually-hidden" not in tekst


def test_edit_fragment_after_a_colleague_changed_it_shows_conflict_and_loses_nothing(
    onderzoeker_client, verhaal, fragment, maatwerk, vertrouwen
):
    from verhalen.services import codering as services

    url = reverse("codeboek:fragment_bewerken", args=[verhaal.pk, fragment.pk])
    geopend = onderzoeker_client.get(url).context["bewerkt_fragment"].gewijzigd_op.isoformat()
    collega = UserFactory(username="collega", first_name="Cor", role=roles.ONDERZOEKER)
    services.wijzig_fragment(
        fragment=Fragment.objects.get(pk=fragment.pk),
        start=3,
        eind=34,
        codes=[vertrouwen],
        memo="Memo van Cor",
        moet_herzien=False,
        door=collega,
    )
    mijn_versie = {"start": 3, "eind": 34, "codes": [maatwerk.pk], "memo": "Mijn memo"}

    response = onderzoeker_client.post(url, {**mijn_versie, "gewijzigd_op": geopend})

    fragment.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Cor heeft dit fragment gewijzigd nadat jij het opende. In de lijst zie je hoe het nu "
        "is; je eigen wijzigingen staan hieronder nog. Sla opnieuw op om jouw versie te bewaren."
    ]
    html = response.content.decode()
    assert "Mijn memo" in html and "Memo van Cor" in html
    assert fragment.memo == "Memo van Cor"

    nieuw = fragment.gewijzigd_op.isoformat()
    assert f'name="gewijzigd_op" value="{nieuw}"' in html
    onderzoeker_client.post(url, {**mijn_versie, "gewijzigd_op": nieuw})
    fragment.refresh_from_db()
    assert fragment.memo == "Mijn memo"


def test_create_fragment_after_a_colleague_changed_the_text_codes_the_selected_quote(
    onderzoeker_client, onderzoeker, verhaal, vertrouwen
):
    # The page showed TEKST; meanwhile a colleague put a sentence in front.
    from verhalen.services import verhalen as verhaal_services

    verhaal_services.wijzig_verhaal(
        verhaal=verhaal,
        gegevens={"tekst": "Eerst dit. " + TEKST},
        verwachte_versie=verhaal.versie,
        door=UserFactory(role=roles.ONDERZOEKER),
    )
    oud_citaat = TEKST[36:55]  # "Toen kwam er iemand", selected in the old text

    response = onderzoeker_client.post(
        reverse("codeboek:fragment_nieuw", args=[verhaal.pk]),
        {"start": 36, "eind": 55, "citaat": oud_citaat, "codes": [vertrouwen.pk]},
        follow=True,
    )

    fragment = Fragment.objects.get()
    assert (fragment.start, fragment.eind, fragment.citaat) == (47, 66, oud_citaat)
    assert "Het citaat is op zijn nieuwe plek in de tekst gecodeerd." in (response.content.decode())


def test_create_fragment_with_a_quote_that_is_gone_explains_and_keeps_input(
    onderzoeker_client, verhaal, vertrouwen
):
    response = onderzoeker_client.post(
        reverse("codeboek:fragment_nieuw", args=[verhaal.pk]),
        {"start": 0, "eind": 5, "citaat": "staat er niet", "codes": [vertrouwen.pk], "memo": "m1"},
    )

    assert response.context["form"].errors["citaat"] == [
        "Het citaat past niet bij het begin en einde, en staat ook nergens anders in de "
        "tekst. Is het verhaal intussen gewijzigd? Selecteer de tekst dan opnieuw. Of maak "
        "het citaat leeg, of begin en einde, en probeer het opnieuw."
    ]
    assert "m1" in response.content.decode()
    assert Fragment.objects.count() == 0


@pytest.mark.parametrize(
    "soort", ["nieuw", "bewerken", "gekozen", "zonder code"], ids=lambda soort: soort
)
def test_code_checkboxes_are_the_ones_django_would_draw(verhaal, fragment, maatwerk, soort):
    """The fragment form's template writes the checkboxes in one loop: the same inputs
    (name, value, id, ticked, marked invalid) as Django's CheckboxSelectMultiple,
    a label for each, and a code's name as text, never as markup."""
    Thema.objects.create(name="Wachtlijst", slug="wachtlijst", parent=maatwerk)
    Thema.objects.create(name='<b>"Argwaan"</b> & co', slug="argwaan")
    form = {
        "nieuw": lambda: FragmentForm(verhaal=verhaal),
        "bewerken": lambda: FragmentForm(verhaal=verhaal, fragment=fragment),
        "gekozen": lambda: FragmentForm(
            {"start": 0, "eind": 2, "codes": [maatwerk.pk]}, verhaal=verhaal
        ),
        "zonder code": lambda: FragmentForm({"start": 0, "eind": 2}, verhaal=verhaal),
    }[soort]()
    form.is_valid()
    pagina = render_to_string(
        "codeboek/includes/_fragment_form.html", {"form": form, "verhaal": verhaal}
    )
    html = pagina.split('<ul class="codekeuze__lijst">')[1].split("</ul>")[0]
    django = sorted(str(sub.tag()) for sub in form["codes"])
    assert sorted(re.findall(r"<input [^>]*>", html)) == django
    assert len(re.findall(r'<label for="id_codes_\d+">', html)) == len(django)
    assert ("checked" in html) == (soort in ("bewerken", "gekozen"))
    assert ('aria-invalid="true"' in html) == (soort == "zonder code")
    wachtlijst = html.index('data-code-naam="wachtlijst"')
    assert html.rindex('class="codekeuze__item diepte-0" data-code-naam="maatwerk"', 0, wachtlijst)
    assert 'class="codekeuze__item diepte-1" data-code-naam="wachtlijst"' in html
    assert 'data-code-naam="&lt;b&gt;&quot;argwaan&quot;&lt;/b&gt; &amp; co">' in html
    assert "</span>&lt;b&gt;&quot;Argwaan&quot;&lt;/b&gt; &amp; co</label>" in html
    assert "<b>" not in html


def test_story_page_escapes_text_quotes_memos_codes_and_names(onderzoeker_client):
    """The text, the list and the marks are written without templates: every
    text a user typed reaches the page escaped, line breaks as <br>."""
    tekst = 'Zij zei: <b>"Help"</b> & ging.\r\nDaarna <script>alert(1)</script> niets.'
    verhaal = VerhaalFactory(tekst=tekst)
    code = Thema.objects.create(name='Zorg & <i>"hulp"</i>', slug="zorg-hulp")
    FragmentFactory(
        verhaal=verhaal,
        start=0,
        eind=len(tekst),
        codes=[code],
        memo='Let op: <img src=x onerror="a()">\nregel twee',
        codeur=UserFactory(first_name="<em>Ans</em>", last_name=""),
    )
    html = onderzoeker_client.get(verhaal.get_absolute_url()).content.decode()
    for ruw in ("<b>", "<script>alert", "<img src=x", "<i>", "<em>Ans"):
        assert ruw not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # text and quote
    assert 'data-memo="Let op: &lt;img src=x onerror=&quot;a()&quot;&gt;\nregel twee"' in html
    assert "onerror=&quot;a()&quot;&gt;<br>regel twee</p>" in html  # the memo shown
    assert "&amp; ging.<br>Daarna" in html  # the quote, its line break as <br>
    assert 'title="Fragment 1: Zorg &amp; &lt;i&gt;&quot;hulp&quot;&lt;/i&gt;"' in html
    assert ">Zorg &amp; &lt;i&gt;&quot;hulp&quot;&lt;/i&gt;</a></li>" in html
    assert "gecodeerd door &lt;em&gt;Ans&lt;/em&gt;," in html
