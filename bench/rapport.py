"""The benchmark's arithmetic and tables: medians, p95, ratios, growth, targets.

Pure functions over plain numbers (seconds, counts, bytes), so they are tested
on given numbers (tests/bench/test_rapport.py). Results of one scale are a
dict as written by `manage.py bench_meet` (see bench/meten.py).
"""

import math
import statistics

VLOER = "vloer"
EXPORT = "export_csv"
GEWOON = "zoek_gewoon"
ZELDZAAM = "zoek_zeldzaam"
PUBLIEK_DRUK = ("home", "agenda")

# The targets of issue 7 (on PostgreSQL, at 100 000 stories).
MAX_GROEI = 1.5
MAX_GROEI_GEHEUGEN_EXPORT = 1.5
MAX_X_VLOER = 10.0
MAX_X_VLOER_GEWOON = 10.0
MAX_X_VLOER_ZELDZAAM = 5.0
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
    the HTTP times of all rounds pooled (median and p95 over them all), the
    in-process median over the rounds' medians, the queries and the export
    of the first round. Rounds of two scales alternate, so a machine whose
    speed drifts during the run weighs on both scales alike."""
    if len(rondes) == 1:
        return rondes[0]
    eerste = rondes[0]
    paginas = {}
    for naam, pagina in eerste["paginas"].items():
        samen = dict(pagina)
        tijden = [t for ronde in rondes for t in ronde["paginas"][naam]["http_tijden"]]
        samen.update(
            http_tijden=tijden, http_mediaan=mediaan(tijden), http_p95=p95(tijden), n=len(tijden)
        )
        if pagina.get("vers_tijden") is not None:
            vers = [t for ronde in rondes for t in ronde["paginas"][naam]["vers_tijden"]]
            samen.update(vers_tijden=vers, vers_mediaan=mediaan(vers))
        if "client_mediaan" in pagina:
            samen["client_mediaan"] = mediaan(
                [ronde["paginas"][naam]["client_mediaan"] for ronde in rondes]
            )
        paginas[naam] = samen
    return {**eerste, "paginas": paginas, "rondes": len(rondes)}


def pagina_rijen(resultaat):
    """Rows of the per-scale table. For logged-in pages also `vers`: the page
    made by its view (as after any change) instead of the session's kept copy."""
    vloer = resultaat["paginas"][VLOER]["http_mediaan"]
    rijen = []
    for naam, pagina in resultaat["paginas"].items():
        vers = pagina.get("vers_mediaan")
        rijen.append(
            {
                "pagina": naam,
                "mediaan": pagina["http_mediaan"],
                "p95": pagina["http_p95"],
                "queries": pagina["queries"],
                "x_vloer": verhouding(pagina["http_mediaan"], vloer),
                "vers": vers,
                "vers_x_vloer": verhouding(vers, vloer) if vers is not None else None,
                "queries_vers": pagina.get("queries_vers"),
                "client_mediaan": pagina["client_mediaan"],
                "n": pagina["n"],
            }
        )
    return rijen


def _of_streep(waarde, opmaak):
    return "-" if waarde is None else opmaak(waarde)


def tabel(resultaat):
    """The table of one scale, as text."""
    regels = [
        f"{'pagina':<18} {'mediaan ms':>11} {'p95 ms':>9} {'queries':>8} {'x vloer':>8} "
        f"{'vers ms':>8} {'x vloer':>8} {'queries':>8} {'client ms':>10} {'n':>4}",
        "-" * 102,
    ]
    for rij in pagina_rijen(resultaat):
        regels.append(
            f"{rij['pagina']:<18} {ms(rij['mediaan']):>11} {ms(rij['p95']):>9} "
            f"{rij['queries']:>8} {rij['x_vloer']:>8.2f} "
            f"{_of_streep(rij['vers'], ms):>8} "
            f"{_of_streep(rij['vers_x_vloer'], lambda x: f'{x:.2f}'):>8} "
            f"{_of_streep(rij['queries_vers'], str):>8} {ms(rij['client_mediaan']):>10} "
            f"{rij['n']:>4}"
        )
    regels.append(
        "vers: ingelogde pagina's door de view gemaakt, zoals na elke wijziging (zonder de "
        "per sessie bewaarde kopie); client ms: in het proces, vers waar dat kan."
    )
    export = resultaat.get("export")
    if export:
        regels += ["", export_regel(export)]
        if export.get("worker_piek_rss"):
            regels.append(
                f"  piekgeheugen: gunicorn-worker piek-RSS {mb(export['worker_piek_rss'])} MB "
                f"(+{mb(export.get('worker_rss_groei') or 0)} MB door de export)"
            )
        else:
            regels.append("  piekgeheugen: piek-RSS van de worker niet gemeten")
        if "piek_tracemalloc" in export:
            regels.append(
                f"  in het proces (tracemalloc): {mb(export['piek_tracemalloc'])} MB"
                + ("" if export.get("client_volledig", True) else " (afgebroken: ondergrens)")
            )
    return "\n".join(regels)


def export_regel(export):
    queries = f"; {export['queries']} queries" if "queries" in export else ""
    if export.get("http_volledig", True):
        return (
            f"export CSV ({export['verhalen']} verhalen, {mb(export['bytes'])} MB): "
            f"mediaan {export['http_mediaan']:.2f} s over {export['n']} keer{queries}"
        )
    snelheid = verhouding(export["bytes"], export["http_mediaan"])
    return (
        f"export CSV ({export['verhalen']} verhalen): AFGEBROKEN na "
        f"{export['http_mediaan']:.0f} s, {mb(export['bytes'])} MB ontvangen "
        f"({mb(snelheid)} MB/s){queries}"
    )


def groei(klein, groot):
    """Per page: growth of the median (groot/klein), also made fresh where
    measured, and whether the queries are equal (kept and fresh)."""
    rijen = []
    for naam, pagina in groot["paginas"].items():
        if naam not in klein["paginas"]:
            continue
        basis = klein["paginas"][naam]
        vers = basis.get("vers_mediaan") is not None and pagina.get("vers_mediaan") is not None
        rij = {
            "pagina": naam,
            "klein": basis["http_mediaan"],
            "groot": pagina["http_mediaan"],
            "groei": verhouding(pagina["http_mediaan"], basis["http_mediaan"]),
            "vers_groei": (
                verhouding(pagina["vers_mediaan"], basis["vers_mediaan"]) if vers else None
            ),
            "queries_klein": basis["queries"],
            "queries_groot": pagina["queries"],
            "queries_vers_klein": basis.get("queries_vers"),
            "queries_vers_groot": pagina.get("queries_vers"),
        }
        rij["queries_gelijk"] = (rij["queries_klein"], rij["queries_vers_klein"]) == (
            rij["queries_groot"],
            rij["queries_vers_groot"],
        )
        rijen.append(rij)
    return rijen


def _paar(klein, groot):
    return "-" if klein is None and groot is None else f"{klein}/{groot}"


def groei_tabel(klein, groot):
    k, g = klein["schaal"], groot["schaal"]
    regels = [
        f"{'pagina':<18} {k + ' ms':>10} {g + ' ms':>10} {'groei':>7} {'vers groei':>11} "
        f"{'queries':>9} {'vers q':>9} {'gelijk':>7}",
        "-" * 88,
    ]
    for rij in groei(klein, groot):
        regels.append(
            f"{rij['pagina']:<18} {ms(rij['klein']):>10} {ms(rij['groot']):>10} "
            f"{rij['groei']:>7.2f} {_of_streep(rij['vers_groei'], lambda x: f'{x:.2f}'):>11} "
            f"{_paar(rij['queries_klein'], rij['queries_groot']):>9} "
            f"{_paar(rij['queries_vers_klein'], rij['queries_vers_groot']):>9} "
            f"{'ja' if rij['queries_gelijk'] else 'NEE':>7}"
        )
    if klein.get("export") and groot.get("export"):
        ek, eg = klein["export"], groot["export"]
        if not (ek.get("volledig", True) and eg.get("volledig", True)):
            regels += ["", "export: niet afgemaakt binnen de tijdslimiet (zie hierboven)"]
        regels += [
            "",
            f"export: tijd {ek['http_mediaan']:.2f} s -> {eg['http_mediaan']:.2f} s "
            f"(x{verhouding(eg['http_mediaan'], ek['http_mediaan']):.1f})",
        ]
        if ek.get("worker_piek_rss") and eg.get("worker_piek_rss"):
            regels.append(
                f"        piekgeheugen (gunicorn-worker piek-RSS) {mb(ek['worker_piek_rss'])} -> "
                f"{mb(eg['worker_piek_rss'])} MB "
                f"(x{verhouding(eg['worker_piek_rss'], ek['worker_piek_rss']):.2f})"
            )
        if "piek_tracemalloc" in ek and "piek_tracemalloc" in eg:
            regels.append(
                f"        in het proces (tracemalloc) {mb(ek['piek_tracemalloc'])} -> "
                f"{mb(eg['piek_tracemalloc'])} MB "
                f"(x{verhouding(eg['piek_tracemalloc'], ek['piek_tracemalloc']):.2f})"
            )
    return "\n".join(regels)


def doelen(groot, klein=None):
    """Each target of issue 7 as (description, passed, measured), for the big scale.

    `passed` is None when the measurement cannot decide (an export broken off
    at the time limit whose peak so far is under the limit).

    Without `klein` (no comparison) the growth targets cannot be judged and
    are left out.
    """
    uitkomst = []
    paginas = groot["paginas"]
    vloer = paginas[VLOER]["http_mediaan"]
    if klein is not None:
        for rij in groei(klein, groot):
            if rij["pagina"] == VLOER:
                continue
            uitkomst.append(
                (
                    f"{rij['pagina']}: queries gelijk bij {klein['schaal']} en {groot['schaal']}",
                    rij["queries_gelijk"],
                    f"{rij['queries_klein']}/{rij['queries_groot']}"
                    + (
                        f" v{rij['queries_vers_klein']}/{rij['queries_vers_groot']}"
                        if rij["queries_vers_groot"] is not None
                        else ""
                    ),
                )
            )
            uitkomst.append(
                (
                    f"{rij['pagina']}: groei mediaan <= {MAX_GROEI}",
                    rij["groei"] <= MAX_GROEI,
                    f"{rij['groei']:.2f}",
                )
            )
        if klein.get("export") and groot.get("export"):
            # Peak memory: the peak RSS of the gunicorn worker that served the
            # downloads (a fresh one per scale), Python and C allocations alike.
            groot_rss = groot["export"].get("worker_piek_rss")
            klein_rss = klein["export"].get("worker_piek_rss")
            factor = verhouding(groot_rss or 0, klein_rss or 0)
            gehaald = factor <= MAX_GROEI_GEHEUGEN_EXPORT
            if not (groot_rss and klein_rss):
                gehaald = None
            elif gehaald and not groot["export"].get("http_volledig", True):
                gehaald = None  # a lower bound under the limit decides nothing
            uitkomst.append(
                (
                    f"export: piekgeheugen <= {MAX_GROEI_GEHEUGEN_EXPORT}x dat bij "
                    f"{klein['schaal']}",
                    gehaald,
                    f"{factor:.2f}",
                )
            )
    for naam, pagina in paginas.items():
        if naam == VLOER:
            continue
        grens = MAX_X_VLOER
        if naam == GEWOON:
            grens = MAX_X_VLOER_GEWOON
        elif naam == ZELDZAAM:
            grens = MAX_X_VLOER_ZELDZAAM
        elif naam in PUBLIEK_DRUK:
            grens = MAX_X_VLOER_PUBLIEK
        factor = verhouding(pagina["http_mediaan"], vloer)
        uitkomst.append((f"{naam}: mediaan <= {grens:g}x vloer", factor <= grens, f"{factor:.2f}"))
    return uitkomst


def doelen_tabel(groot, klein=None):
    regels = []
    uitkomst = doelen(groot, klein)
    for beschrijving, gehaald, gemeten in uitkomst:
        teken = {True: "OK  ", False: "MIS ", None: "?   "}[gehaald]
        regels.append(f"{teken} {beschrijving:<58} {gemeten:>9}")
    gehaald = sum(1 for _, ok, _ in uitkomst if ok is True)
    regels.append(f"{gehaald} van {len(uitkomst)} doelen gehaald.")
    return "\n".join(regels)
