import pytest

pytestmark = pytest.mark.django_db


def test_floor_renders_a_tiny_template_without_the_database(
    bench_urls, client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        antwoord = client.get("/bench/vloer/")

    assert antwoord.status_code == 200
    assert "<h1>Vloer</h1>" in antwoord.content.decode()
    assert "Een pagina zonder database." in antwoord.content.decode()


def test_floor_is_not_part_of_the_production_site(client):
    assert client.get("/bench/vloer/").status_code == 404


def test_bench_urls_still_serve_the_site(bench_urls, client):
    antwoord = client.get("/kenniscafes/")

    assert antwoord.status_code == 200
