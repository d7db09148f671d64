"""Safe Markdown (toolkit.markdown) in introductions, and the reader's text size."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.verhalen.factories_collecties import CollectieFactory
from toolkit.markdown import render_markdown

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------ Markdown


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        (
            "Gewone **vette** en *schuine* tekst",
            "<p>Gewone <strong>vette</strong> en <em>schuine</em> tekst</p>",
        ),
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ('<b onclick="x()">vet</b>', '<p>&lt;b onclick="x()"&gt;vet&lt;/b&gt;</p>'),
        (
            "[site](https://carelab.example/) en [kwaad](javascript:alert(1))",
            '<p><a href="https://carelab.example/" rel="noopener noreferrer nofollow">site</a> '
            'en <a rel="noopener noreferrer nofollow">kwaad</a></p>',
        ),
        ("- een\n- twee", "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>"),
        ("", ""),
    ],
)
def test_render_markdown_keeps_safe_markup_and_shows_html_as_text(invoer, verwacht):
    assert render_markdown(invoer) == verwacht


def test_headings_are_shifted_below_the_page_heading():
    assert render_markdown("# Een\n\n## Twee", eerste_kop=3) == "<h3>Een</h3>\n<h4>Twee</h4>"
    assert render_markdown("# Een", eerste_kop=1) == "<h2>Een</h2>", "never a second h1"
    assert render_markdown("# Een\n\n### Drie", eerste_kop=3) == "<h3>Een</h3>\n<h4>Drie</h4>"


def test_images_and_raw_iframes_never_survive():
    html = render_markdown('![x](https://kwaad.example/x.png)\n\n<iframe src="https://x"></iframe>')
    assert "<img" not in html
    assert "<iframe" not in html


# No deadline: on a busy CI machine one rendering may take longer than 200 ms.
@settings(deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("<>\"'=/ascriptonerrorjv:()[]!#*_`&;\n ")), max_size=80)
)
def test_no_script_tag_or_event_handler_ever_comes_out(tekst):
    html = render_markdown(tekst)
    assert "<script" not in html.lower()
    assert re.search(r"<[^>]*\son\w*=", html) is None
    assert re.search(r"href=\"\s*javascript", html, re.IGNORECASE) is None


def test_introduction_is_rendered_safely_on_the_reading_page(client):
    collectie = CollectieFactory(
        publiek="openbaar",
        slug="veilig",
        inleiding="# Waarom\n\nDit is **belangrijk**.\n\n<script>alert('x')</script>",
    )

    content = client.get(collectie.get_absolute_url()).content.decode()

    assert '<h2 id="inleiding-titel">Inleiding</h2>' in content
    assert "<h3>Waarom</h3>" in content
    assert "<strong>belangrijk</strong>" in content
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in content
    assert "<script>alert" not in content


def test_introduction_on_cards_is_plain_text(client):
    CollectieFactory(publiek="openbaar", inleiding="**Vet** <script>alert(1)</script>")

    content = client.get("/collecties/").content.decode()

    assert "Vet &lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert" not in content


# ----------------------------------------------------------------- text size


def test_text_size_buttons_work_without_javascript_and_persist(client):
    collectie = CollectieFactory(publiek="openbaar", slug="lezen")

    response = client.post(
        "/collecties/tekstgrootte/", {"grootte": "groter", "next": "/collecties/lezen/#verhaal-2"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/collecties/lezen/#verhaal-2"
    cookie = response.cookies["tekstgrootte"]
    assert cookie.value == "groter"
    assert cookie["max-age"] == 60 * 60 * 24 * 365
    assert cookie["samesite"] == "Lax"
    lezen = client.get(collectie.get_absolute_url()).content.decode()
    assert '<html lang="nl" data-tekstgrootte="groter">' in lezen
    assert (
        'value="groter" class="button button--secondary tekstgrootte__knop '
        'tekstgrootte__knop--groter" aria-pressed="true"'
    ) in lezen
    # Other pages of the site use the same size.
    assert '<html lang="nl" data-tekstgrootte="groter">' in client.get("/").content.decode()


def test_normal_size_removes_the_attribute(client):
    client.post("/collecties/tekstgrootte/", {"grootte": "grootst"})
    client.post("/collecties/tekstgrootte/", {"grootte": "normaal"})
    assert '<html lang="nl">' in client.get("/").content.decode()


def test_unknown_size_or_cookie_is_ignored(client):
    response = client.post("/collecties/tekstgrootte/", {"grootte": '"><script>'})
    assert "tekstgrootte" not in response.cookies
    client.cookies["tekstgrootte"] = '"><script>alert(1)</script>'
    assert '<html lang="nl">' in client.get("/").content.decode()


@pytest.mark.parametrize("volgende", ["https://kwaad.example/", "//kwaad.example/", ""])
def test_text_size_redirect_stays_on_this_site(client, volgende):
    response = client.post("/collecties/tekstgrootte/", {"grootte": "groot", "next": volgende})
    assert response["Location"] == "/"


def test_text_size_by_script_answers_without_redirect(client):
    response = client.post(
        "/collecties/tekstgrootte/", {"grootte": "groot"}, headers={"X-Requested-With": "fetch"}
    )
    assert response.status_code == 204
    assert response.cookies["tekstgrootte"].value == "groot"


def test_text_size_only_by_post(client):
    assert client.get("/collecties/tekstgrootte/?grootte=groot").status_code == 405
