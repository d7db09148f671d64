"""The benchmark's arithmetic and tables: medians, p95, ratios, growth, targets.

Pure functions over plain numbers (seconds, counts, bytes), so they are tested
on given numbers (tests/bench/test_rapport.py). Results of one scale are a
dict as written by `manage.py bench_meet` (see bench/meten.py): per page its
measurements per situation ("steeds", "na_coderen", …), each with the
median, p95, the page's own SQL time and its queries.
"""

import math
import statistics

VLOER = "vloer"
STEEDS = "steeds"
GEWOON = "zoek_gewoon"
CODE_EERSTE, CODE_LAATSTE = "code_fragmenten", "code_fragmenten_laatste"
ZONDER_GROEI = ("codeboek", "thema_hub")
PUBLIEK = ("home", "agenda", "archief", "agenda_ics")
SCHRIJVEN_FRAGMENT = "na_coderen"

# The targets of issue 14 (PostgreSQL, 100 000 stories, this machine, one run).
MAX_MEDIAAN = 0.030
MAX_P95 = 0.060
MAX_MEDIAAN_GEWOON = 0.100
MAX_X_SQL_EN_VLOER = 3.0
MAX_NA_SCHRIJVEN = 1.2  # codebook and theme hub: after a write as before
MAX_GROEI = 1.2  # codebook and theme hub: 1k -> 100k
MAX_FRAGMENT_OPSLAAN = 0.050
MAX_LAATSTE_PAGINA = 1.2
MIN_EXPORT_MB_S = 30.0
MAX_GROEI_GEHEUGEN_EXPORT = 1.5
MAX_X_VLOER_PUBLIEK = 3.0


def mediaan(waarden):
    return statistics.median(waarden)


def p95(waarden):
    """The 95th percentile by the nearest-rank method (an observed value)."""
    geordend = sorted(waarden)
    rang = math.ceil(0.95 * len(geordend))
    return geordend[max(rang, 1) - 1]


def ms(seconden):
    return f"{seconden * 1000:.1f}"


def mb(bytes_):
    return f"{bytes_ / 1_000_000:.1f}"


def verhouding(teller, noemer):
    return teller / noemer if noemer else math.inf


def samenvoegen(rondes):
    """One result from several rounds of the same scale (`--rounds`): per page
    and situation the measurements of all rounds pooled; the export of the
    first round. Rounds of two scales alternate, so a machine whose speed
    drifts during the run weighs on both scales alike."""
    if len(rondes) == 1:
        return rondes[0]
    eerste = rondes[0]
    paginas = {}
    for naam, pagina in eerste["paginas"].items():
        metingen = {}
        for situatie in pagina["metingen"]:
            alle = [ronde["paginas"][naam]["metingen"][situatie] for ronde in rondes]
            metingen[situatie] = samen(alle)
        paginas[naam] = {**pagina, "metingen": metingen}
    return {**eerste, "paginas": paginas, "rondes": len(rondes)}


def samenvatting(tijden, *, sql=(), queries=(), schrijven=(), bytes_=0):
    """Median, p95, the page's SQL time and queries, the writes' time, of one
    page in one situation."""
    return {
        "n": len(tijden),
        "tijden": list(tijden),
        "mediaan": mediaan(tijden),
        "p95": p95(tijden),
        "sql_tijden": list(sql),
        "sql_mediaan": mediaan(sql) if sql else None,
        "queries": max(queries) if queries else None,
        "schrijven_tijden": list(schrijven),
        "schrijven_mediaan": mediaan(schrijven) if schrijven else None,
        "bytes": bytes_,
    }


def samen(delen):
    """Measurements of one page and situation from several rounds, pooled."""
    return samenvatting(
        [t for deel in delen for t in deel["tijden"]],
        sql=[t for deel in delen for t in deel.get("sql_tijden") or []],
        queries=[deel["queries"] for deel in delen if deel.get("queries") is not None],
        schrijven=[t for deel in delen for t in deel.get("schrijven_tijden") or []],
        bytes_=delen[0].get("bytes", 0),
    )


def vloer(resultaat):
    return resultaat["paginas"][VLOER]["metingen"][STEEDS]["mediaan"]


def x_sql_en_vloer(meting, vloer_mediaan):
    """page ÷ (its own SQL + the floor): how far the page is from what the
    database and Django's bare minimum cost."""
    if meting.get("sql_mediaan") is None:
        return None
    return verhouding(meting["mediaan"], meting["sql_mediaan"] + vloer_mediaan)


def _of_streep(waarde, opmaak):
    return "-" if waarde is None else opmaak(waarde)


def tabel(resultaat):
    """The table of one scale, as text: a row per page and situation."""
    basis = vloer(resultaat)
    regels = [
        f"{'pagina':<24} {'situatie':<16} {'mediaan':>8} {'p95':>8} {'sql':>7} "
        f"{'queries':>7} {'÷(sql+vloer)':>12} {'schrijven':>9} {'n':>4}",
        "-" * 103,
    ]
    for naam, pagina in resultaat["paginas"].items():
        for situatie, meting in pagina["metingen"].items():
            factor = x_sql_en_vloer(meting, basis)
            regels.append(
                f"{naam:<24} {situatie:<16} {ms(meting['mediaan']):>8} {ms(meting['p95']):>8} "
                f"{_of_streep(meting.get('sql_mediaan'), ms):>7} "
                f"{_of_streep(meting.get('queries'), str):>7} "
                f"{_of_streep(factor, lambda x: f'{x:.2f}'):>12} "
                f"{_of_streep(meting.get('schrijven_mediaan'), ms):>9} {meting['n']:>4}"
            )
    regels.append(
        "tijden in ms (HTTP, gunicorn); sql: de eigen SQL-tijd van de pagina in hetzelfde "
        "verzoek; schrijven: de schrijfactie via de services, vóór het verzoek."
    )
    export = resultaat.get("export")
    if export:
        regels += ["", export_regel(export)]
        if export.get("worker_piek_rss"):
            regels.append(
                f"  piekgeheugen: gunicorn-worker piek-RSS {mb(export['worker_piek_rss'])} MB "
                f"(+{mb(export.get('worker_rss_groei') or 0)} MB door de export)"
            )
    return "\n".join(regels)


def export_mb_s(export):
    return verhouding(export["bytes"], export["http_mediaan"]) / 1_000_000


def export_regel(export):
    if export.get("volledig", True):
        return (
            f"export CSV ({export['verhalen']} verhalen, {mb(export['bytes'])} MB): "
            f"mediaan {export['http_mediaan']:.2f} s over {export['n']} keer, "
            f"{export_mb_s(export):.1f} MB/s"
        )
    return (
        f"export CSV ({export['verhalen']} verhalen): AFGEBROKEN na "
        f"{export['http_mediaan']:.0f} s, {mb(export['bytes'])} MB ontvangen "
        f"({export_mb_s(export):.1f} MB/s)"
    )


def groei(klein, groot):
    """Per page and situation: the medians at both scales and their ratio."""
    rijen = []
    for naam, pagina in groot["paginas"].items():
        if naam not in klein["paginas"]:
            continue
        for situatie, meting in pagina["metingen"].items():
            basis = klein["paginas"][naam]["metingen"].get(situatie)
            if basis is None:
                continue
            rijen.append(
                {
                    "pagina": naam,
                    "situatie": situatie,
                    "klein": basis["mediaan"],
                    "groot": meting["mediaan"],
                    "groei": verhouding(meting["mediaan"], basis["mediaan"]),
                    "queries_klein": basis.get("queries"),
                    "queries_groot": meting.get("queries"),
                }
            )
    return rijen


def groei_tabel(klein, groot):
    k, g = klein["schaal"], groot["schaal"]
    regels = [
        f"{'pagina':<24} {'situatie':<16} {k + ' ms':>9} {g + ' ms':>9} {'groei':>6} "
        f"{'queries':>9}",
        "-" * 78,
    ]
    for rij in groei(klein, groot):
        regels.append(
            f"{rij['pagina']:<24} {rij['situatie']:<16} {ms(rij['klein']):>9} "
            f"{ms(rij['groot']):>9} {rij['groei']:>6.2f} "
            f"{rij['queries_klein']}/{rij['queries_groot']:>4}"
        )
    if klein.get("export") and groot.get("export"):
        ek, eg = klein["export"], groot["export"]
        regels += [
            "",
            f"export: {export_mb_s(ek):.1f} -> {export_mb_s(eg):.1f} MB/s",
        ]
        if ek.get("worker_piek_rss") and eg.get("worker_piek_rss"):
            regels.append(
                f"        piekgeheugen (gunicorn-worker piek-RSS) {mb(ek['worker_piek_rss'])} -> "
                f"{mb(eg['worker_piek_rss'])} MB "
                f"(x{verhouding(eg['worker_piek_rss'], ek['worker_piek_rss']):.2f})"
            )
    return "\n".join(regels)


def _ingelogd(pagina):
    return pagina["rol"] != "anoniem"


def doelen(groot, klein=None):
    """Each target of issue 14 as (description, passed, measured), for the big scale.

    `passed` is None when the measurement cannot decide (no SQL time, an
    export broken off at the time limit). Without `klein` (no comparison)
    the growth targets are left out.
    """
    uitkomst = []
    paginas = groot["paginas"]
    basis = vloer(groot)
    for naam, pagina in paginas.items():
        if naam == VLOER:
            continue
        if not _ingelogd(pagina):
            factor = verhouding(pagina["metingen"][STEEDS]["mediaan"], basis)
            uitkomst.append(
                (
                    f"{naam}: mediaan <= {MAX_X_VLOER_PUBLIEK:g}x vloer",
                    factor <= MAX_X_VLOER_PUBLIEK,
                    f"{factor:.2f}",
                )
            )
            continue
        max_mediaan = MAX_MEDIAAN_GEWOON if naam == GEWOON else MAX_MEDIAAN
        for situatie, meting in pagina["metingen"].items():
            uitkomst.append(
                (
                    f"{naam} {situatie}: mediaan <= {ms(max_mediaan)} ms",
                    meting["mediaan"] <= max_mediaan,
                    ms(meting["mediaan"]),
                )
            )
            if naam != GEWOON:
                uitkomst.append(
                    (
                        f"{naam} {situatie}: p95 <= {ms(MAX_P95)} ms",
                        meting["p95"] <= MAX_P95,
                        ms(meting["p95"]),
                    )
                )
        factor = x_sql_en_vloer(pagina["metingen"][STEEDS], basis)
        uitkomst.append(
            (
                f"{naam}: pagina ÷ (sql + vloer) <= {MAX_X_SQL_EN_VLOER:g}",
                None if factor is None else factor <= MAX_X_SQL_EN_VLOER,
                _of_streep(factor, lambda x: f"{x:.2f}"),
            )
        )
        if naam in ZONDER_GROEI:
            steeds = pagina["metingen"][STEEDS]["mediaan"]
            for situatie, meting in pagina["metingen"].items():
                if situatie == STEEDS:
                    continue
                factor = verhouding(meting["mediaan"], steeds)
                uitkomst.append(
                    (
                        f"{naam} {situatie}: <= {MAX_NA_SCHRIJVEN:g}x steeds",
                        factor <= MAX_NA_SCHRIJVEN,
                        f"{factor:.2f}",
                    )
                )
    # Every coding write of the run (before each page's "na_coderen" views).
    opslaan = [
        t
        for pagina in paginas.values()
        for t in pagina["metingen"].get(SCHRIJVEN_FRAGMENT, {}).get("schrijven_tijden") or []
    ]
    if opslaan:
        uitkomst.append(
            (
                f"fragment opslaan (service): mediaan <= {ms(MAX_FRAGMENT_OPSLAAN)} ms",
                mediaan(opslaan) <= MAX_FRAGMENT_OPSLAAN,
                ms(mediaan(opslaan)),
            )
        )
    if CODE_EERSTE in paginas and CODE_LAATSTE in paginas:
        factor = verhouding(
            paginas[CODE_LAATSTE]["metingen"][STEEDS]["mediaan"],
            paginas[CODE_EERSTE]["metingen"][STEEDS]["mediaan"],
        )
        uitkomst.append(
            (
                f"code: laatste pagina <= {MAX_LAATSTE_PAGINA:g}x de eerste",
                factor <= MAX_LAATSTE_PAGINA,
                f"{factor:.2f}",
            )
        )
    export = groot.get("export")
    if export:
        snelheid = export_mb_s(export)
        uitkomst.append(
            (
                f"export: >= {MIN_EXPORT_MB_S:g} MB/s",
                snelheid >= MIN_EXPORT_MB_S,
                f"{snelheid:.1f}",
            )
        )
    if klein is not None:
        for rij in groei(klein, groot):
            if rij["pagina"] not in ZONDER_GROEI:
                continue
            uitkomst.append(
                (
                    f"{rij['pagina']} {rij['situatie']}: groei {klein['schaal']} -> "
                    f"{groot['schaal']} <= {MAX_GROEI:g}",
                    rij["groei"] <= MAX_GROEI,
                    f"{rij['groei']:.2f}",
                )
            )
        if klein.get("export") and export:
            groot_rss = export.get("worker_piek_rss")
            klein_rss = klein["export"].get("worker_piek_rss")
            factor = verhouding(groot_rss or 0, klein_rss or 0)
            gehaald = factor <= MAX_GROEI_GEHEUGEN_EXPORT
            if not (groot_rss and klein_rss):
                gehaald = None
            elif gehaald and not export.get("volledig", True):
                gehaald = None  # a lower bound under the limit decides nothing
            uitkomst.append(
                (
                    f"export: piekgeheugen <= {MAX_GROEI_GEHEUGEN_EXPORT:g}x dat bij "
                    f"{klein['schaal']}",
                    gehaald,
                    f"{factor:.2f}",
                )
            )
    return uitkomst


def doelen_tabel(groot, klein=None):
    regels = []
    uitkomst = doelen(groot, klein)
    for beschrijving, gehaald, gemeten in uitkomst:
        teken = {True: "OK  ", False: "MIS ", None: "?   "}[gehaald]
        regels.append(f"{teken} {beschrijving:<62} {gemeten:>9}")
    gehaald = sum(1 for _, ok, _ in uitkomst if ok is True)
    regels.append(f"{gehaald} van {len(uitkomst)} doelen gehaald.")
    return "\n".join(regels)
