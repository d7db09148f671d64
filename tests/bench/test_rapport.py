import math

from bench import rapport


def pagina(mediaan, queries=5, *, vers=None, queries_vers=None):
    gegevens = {
        "http_mediaan": mediaan,
        "http_p95": mediaan * 2,
        "queries": queries,
        "client_mediaan": mediaan / 2,
        "n": 30,
    }
    if vers is not None:
        gegevens.update(vers_mediaan=vers, queries_vers=queries_vers)
    return gegevens


def uitslag(schaal, paginas, export=None):
    return {"schaal": schaal, "paginas": paginas, "export": export}


KLEIN = uitslag(
    "1k",
    {
        "vloer": pagina(0.002, 0),
        "home": pagina(0.005, 3),
        "zoek_gewoon": pagina(0.010),
        "zoek_zeldzaam": pagina(0.008),
        "verhalen": pagina(0.015, 3, vers=0.040, queries_vers=10),
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
        "verhalen": pagina(0.016, 3, vers=0.050, queries_vers=12),
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

    assert "home                       5.0      10.0        3     2.50        -        -" in tekst
    assert (
        "verhalen                  15.0      30.0        3     7.50     40.0    20.00       10"
        in tekst
    )
    assert "piekgeheugen: gunicorn-worker piek-RSS 100.0 MB (+10.0 MB door de export)" in tekst
    assert "in het proces (tracemalloc): 20.0 MB" in tekst


def test_growth_is_big_over_small_and_compares_queries():
    groei = {rij["pagina"]: rij for rij in rapport.groei(KLEIN, GROOT)}

    assert math.isclose(groei["home"]["groei"], 1.1)
    assert math.isclose(groei["zoek_gewoon"]["groei"], 3.0)
    assert math.isclose(groei["verhalen"]["vers_groei"], 1.25)
    assert groei["home"]["vers_groei"] is None
    assert groei["home"]["queries_gelijk"] is True
    # the kept page's queries are equal (3/3), the page made fresh's are not (10/12)
    assert groei["verhalen"]["queries_gelijk"] is False
    assert "piekgeheugen (gunicorn-worker piek-RSS) 100.0 -> 140.0 MB (x1.40)" in (
        rapport.groei_tabel(KLEIN, GROOT)
    )


def test_targets_pass_and_fail_on_the_issue_s_limits():
    doelen = {beschrijving: gehaald for beschrijving, gehaald, _ in rapport.doelen(GROOT, KLEIN)}

    assert doelen["home: mediaan <= 3x vloer"] is True  # 2.75x
    assert doelen["home: groei mediaan <= 1.5"] is True
    assert doelen["zoek_gewoon: groei mediaan <= 1.5"] is False
    assert doelen["zoek_gewoon: mediaan <= 10x vloer"] is False  # 15x
    assert doelen["zoek_zeldzaam: mediaan <= 5x vloer"] is True  # 4.5x
    assert doelen["verhalen: queries gelijk bij 1k en 100k"] is False
    assert doelen["verhalen: mediaan <= 10x vloer"] is True  # 8x
    assert doelen["export: piekgeheugen <= 1.5x dat bij 1k"] is True  # worker RSS 1.4x
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


def test_the_export_memory_target_is_the_worker_s_peak_rss():
    dubbel = {**GROOT["export"], "worker_piek_rss": 160_000_000, "piek_tracemalloc": 1}
    zonder = {k: v for k, v in GROOT["export"].items() if k != "worker_piek_rss"}

    te_veel = {b: g for b, g, _ in rapport.doelen({**GROOT, "export": dubbel}, KLEIN)}
    onbekend = {b: g for b, g, _ in rapport.doelen({**GROOT, "export": zonder}, KLEIN)}

    assert te_veel["export: piekgeheugen <= 1.5x dat bij 1k"] is False  # 1.6x
    assert onbekend["export: piekgeheugen <= 1.5x dat bij 1k"] is None


def test_rounds_pool_their_times_and_keep_the_first_round_s_export():
    def ronde(tijden, vers, export=None):
        return {
            "schaal": "1k",
            "paginas": {
                "verhalen": {
                    **pagina(0, 3, vers=0, queries_vers=10),
                    "http_tijden": tijden,
                    "vers_tijden": vers,
                    "client_mediaan": tijden[0],
                }
            },
            "export": export,
        }

    samen = rapport.samenvoegen(
        [ronde([1.0, 2.0, 3.0], [10.0], export=KLEIN["export"]), ronde([4.0, 5.0, 6.0], [20.0])]
    )

    verhalen = samen["paginas"]["verhalen"]
    assert (verhalen["http_mediaan"], verhalen["n"], verhalen["http_p95"]) == (3.5, 6, 6.0)
    assert verhalen["vers_mediaan"] == 15.0
    assert verhalen["client_mediaan"] == 2.5
    assert samen["export"] == KLEIN["export"]
    assert samen["rondes"] == 2
