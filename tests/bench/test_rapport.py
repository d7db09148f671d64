import math

from bench import rapport


def pagina(mediaan, queries=5):
    return {
        "http_mediaan": mediaan,
        "http_p95": mediaan * 2,
        "queries": queries,
        "client_mediaan": mediaan / 2,
        "n": 30,
    }


def uitslag(schaal, paginas, export=None):
    return {"schaal": schaal, "paginas": paginas, "export": export}


KLEIN = uitslag(
    "1k",
    {
        "vloer": pagina(0.002, 0),
        "home": pagina(0.005, 3),
        "zoek_gewoon": pagina(0.010),
        "zoek_zeldzaam": pagina(0.008),
        "verhalen": pagina(0.015, 10),
    },
    export={
        "http_mediaan": 1.0,
        "piek_tracemalloc": 20_000_000,
        "verhalen": 950,
        "n": 3,
        "bytes": 9_000_000,
        "queries": 8,
        "worker_piek_rss": 100_000_000,
        "worker_rss_groei": 10_000_000,
    },
)
GROOT = uitslag(
    "100k",
    {
        "vloer": pagina(0.002, 0),
        "home": pagina(0.0055, 3),
        "zoek_gewoon": pagina(0.030),
        "zoek_zeldzaam": pagina(0.009),
        "verhalen": pagina(0.016, 12),
    },
    export={
        "http_mediaan": 90.0,
        "piek_tracemalloc": 26_000_000,
        "verhalen": 95_000,
        "n": 3,
        "bytes": 900_000_000,
        "queries": 800,
        "worker_piek_rss": 140_000_000,
        "worker_rss_groei": 40_000_000,
    },
)


def test_median_and_p95_by_nearest_rank():
    tijden = [float(i) for i in range(1, 21)]  # 1..20

    assert rapport.mediaan(tijden) == 10.5
    assert rapport.p95(tijden) == 19.0
    assert rapport.p95([3.0]) == 3.0
    assert rapport.p95([5.0, 1.0, 4.0, 2.0, 3.0]) == 5.0


def test_rows_divide_the_median_by_the_floor_median():
    rijen = {rij["pagina"]: rij for rij in rapport.pagina_rijen(KLEIN)}

    assert rijen["vloer"]["x_vloer"] == 1.0
    assert rijen["home"]["x_vloer"] == 2.5
    assert math.isclose(rijen["verhalen"]["x_vloer"], 7.5)


def test_table_shows_milliseconds_ratio_and_export_memory():
    tekst = rapport.tabel(KLEIN)

    assert "home                       5.0      10.0        3     2.50        2.5   30" in tekst
    assert "piekgeheugen in het proces (tracemalloc): 20.0 MB" in tekst
    assert "+10.0 MB door de export" in tekst


def test_growth_is_big_over_small_and_compares_queries():
    groei = {rij["pagina"]: rij for rij in rapport.groei(KLEIN, GROOT)}

    assert math.isclose(groei["home"]["groei"], 1.1)
    assert math.isclose(groei["zoek_gewoon"]["groei"], 3.0)
    assert groei["home"]["queries_gelijk"] is True
    assert groei["verhalen"]["queries_gelijk"] is False
    assert "x1.30)" in rapport.groei_tabel(KLEIN, GROOT)


def test_targets_pass_and_fail_on_the_issue_s_limits():
    doelen = {beschrijving: gehaald for beschrijving, gehaald, _ in rapport.doelen(GROOT, KLEIN)}

    assert doelen["home: mediaan <= 3x vloer"] is True  # 2.75x
    assert doelen["home: groei mediaan <= 1.5"] is True
    assert doelen["zoek_gewoon: groei mediaan <= 1.5"] is False
    assert doelen["zoek_gewoon: mediaan <= 10x vloer"] is False  # 15x
    assert doelen["zoek_zeldzaam: mediaan <= 5x vloer"] is True  # 4.5x
    assert doelen["verhalen: queries gelijk bij 1k en 100k"] is False
    assert doelen["verhalen: mediaan <= 10x vloer"] is True  # 8x
    assert doelen["export: piekgeheugen <= 1.5x dat bij 1k"] is True  # 1.3x
    assert not any("vloer:" in beschrijving for beschrijving in doelen)


def test_without_a_comparison_only_the_floor_targets_are_judged():
    beschrijvingen = [b for b, _, _ in rapport.doelen(GROOT)]

    assert beschrijvingen == [
        "home: mediaan <= 3x vloer",
        "zoek_gewoon: mediaan <= 10x vloer",
        "zoek_zeldzaam: mediaan <= 5x vloer",
        "verhalen: mediaan <= 10x vloer",
    ]
    assert rapport.doelen_tabel(GROOT).endswith("3 van 4 doelen gehaald.")


def test_an_export_broken_off_at_the_limit_is_reported_and_decides_no_target():
    afgebroken = {
        **GROOT["export"],
        "http_mediaan": 300.0,
        "bytes": 150_000_000,
        "http_volledig": False,
        "client_volledig": False,
        "volledig": False,
    }
    groot = {**GROOT, "export": afgebroken}

    doelen = {beschrijving: gehaald for beschrijving, gehaald, _ in rapport.doelen(groot, KLEIN)}
    tekst = rapport.tabel(groot)

    assert doelen["export: piekgeheugen <= 1.5x dat bij 1k"] is None
    assert "AFGEBROKEN na 300 s, 150.0 MB ontvangen (0.5 MB/s)" in tekst
    assert "(afgebroken: ondergrens)" in tekst
    assert "?    export: piekgeheugen" in rapport.doelen_tabel(groot, KLEIN)
