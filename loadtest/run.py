"""`make loadtest`: a fresh PostgreSQL database with the demo content, gunicorn on
127.0.0.1 with production settings, locust headless for a bounded time, then the
count: zero HTTP errors and every confirmed write found once in the database.

    python -m loadtest.run [--duur 90] [--gebruikers 30] [--poort 8116]
        [--server postgres://carelab:carelab@127.0.0.1:5446/postgres]

`--server` is a PostgreSQL server the role may create databases on; the run
makes (and afterwards drops) the database `verhalenbank_belasting` there.
Exits 0 only when there were no errors and no lost writes; the figures go to
stdout and to var/loadtest/resultaat.json.
"""

import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DATABASE = "verhalenbank_belasting"


def stap(tekst):
    print(f"\n== {tekst}", flush=True)


def voer_uit(*args, env, **kwargs):
    subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)


def psql_url(server, database):
    delen = urlsplit(server)
    return urlunsplit(delen._replace(path=f"/{database}"))


def maak_database(server):
    import psycopg2

    verbinding = psycopg2.connect(server)
    verbinding.autocommit = True
    with verbinding.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}"')
        cursor.execute(f'CREATE DATABASE "{DATABASE}"')
    verbinding.close()


def verwijder_database(server):
    import psycopg2

    verbinding = psycopg2.connect(server)
    verbinding.autocommit = True
    with verbinding.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    verbinding.close()


def wacht_op(url, seconden=60):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            with urllib.request.urlopen(url, timeout=2) as antwoord:
                if antwoord.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} antwoordt niet binnen {seconden} s")


def opgeslagen_markers():
    """The markers of the load test's writes as they stand in the database."""
    from kenniscafes.models import Aanmelding
    from projecten.models import Publicatie
    from verhalen.models import Fragment, Reflectie

    teken = re.compile(r"load-[0-9a-f]{32}")
    return {
        "fragmenten": list(
            Fragment.objects.filter(memo__startswith="load-").values_list("memo", flat=True)
        ),
        "reflecties": [
            teken.search(tekst).group(0)
            for tekst in Reflectie.objects.filter(tekst__contains="(load-").values_list(
                "tekst", flat=True
            )
        ],
        "aanmeldingen": [
            email.split("@")[0]
            for email in Aanmelding.objects.filter(email__startswith="load-").values_list(
                "email", flat=True
            )
        ],
        "publicaties": list(
            Publicatie.objects.filter(titel__startswith="load-").values_list("titel", flat=True)
        ),
    }


def opgeslagen_publicaties():
    """(title, stored file name, size sent) of the load test's uploaded publications."""
    from loadtest.tellen import PDF
    from projecten.models import Publicatie

    return [
        (titel, naam, len(PDF))
        for titel, naam in Publicatie.objects.filter(titel__startswith="load-").values_list(
            "titel", "bestand"
        )
    ]


def lees_statistiek(prefix):
    with open(f"{prefix}_stats.csv", encoding="utf-8") as bestand:
        rijen = list(csv.DictReader(bestand))
    totaal = next(rij for rij in rijen if rij["Name"] == "Aggregated")
    per_naam = {
        f"{rij['Type']} {rij['Name']}": {
            "verzoeken": int(rij["Request Count"]),
            "fouten": int(rij["Failure Count"]),
            "mediaan_ms": float(rij["Median Response Time"]),
            "p95_ms": float(rij["95%"]),
        }
        for rij in rijen
        if rij["Name"] != "Aggregated"
    }
    return {
        "verzoeken": int(totaal["Request Count"]),
        "fouten": int(totaal["Failure Count"]),
        "per_seconde": round(float(totaal["Requests/s"]), 1),
        "mediaan_ms": float(totaal["Median Response Time"]),
        "p95_ms": float(totaal["95%"]),
        "p99_ms": float(totaal["99%"]),
        "max_ms": round(float(totaal["Max Response Time"])),
        "per_verzoek": per_naam,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duur", type=int, default=90, help="seconden locust (standaard 90)")
    parser.add_argument("--gebruikers", type=int, default=30)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn-workers")
    parser.add_argument("--poort", type=int, default=8116)
    parser.add_argument(
        "--server",
        default=os.environ.get(
            "LOADTEST_SERVER", "postgres://carelab:carelab@127.0.0.1:5446/postgres"
        ),
    )
    parser.add_argument("--bewaar-database", action="store_true")
    parser.add_argument(
        "--storingen",
        action="store_true",
        help="storingen tijdens de belasting (loadtest/storingen.py), op een eigen PostgreSQL",
    )
    args = parser.parse_args()
    werkmap = ROOT / "var" / "loadtest"
    werkmap.mkdir(parents=True, exist_ok=True)
    storingen = postgres = postvak = redis = mediamap = None
    if args.storingen:
        from loadtest import storingen

        stap("Eigen PostgreSQL-cluster, Redis en mailserver voor de storingen")
        postgres = storingen.EigenPostgres()
        args.server = postgres.start()
        redis = storingen.EigenRedis()
        redis.start()
        postvak = storingen.Postvak()
        postvak.aan()
        shutil.rmtree(werkmap / "media", ignore_errors=True)
        mediamap = storingen.Mediamap(werkmap / "media")
    processen = []
    try:
        _draai(args, werkmap, storingen, postgres, postvak, redis, mediamap, processen)
    finally:
        for proces in processen:
            if proces.poll() is None:
                proces.terminate()
                proces.wait(timeout=30)
        if mediamap is not None:
            mediamap.beschrijfbaar()
        if postvak is not None:
            postvak.uit()
        if redis is not None:
            redis.stop()
        if postgres is not None:
            postgres.stop()


def _draai(args, werkmap, storingen, postgres, postvak, redis, mediamap, processen):
    database_url = psql_url(args.server, DATABASE)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "loadtest.settings",
        "DJANGO_SECRET_KEY": "belastingproef-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_MEDIA_ROOT": str(werkmap / "media"),
        "PYTHONPATH": str(ROOT),
    }
    if postvak is not None:
        env.update(
            DJANGO_EMAIL_HOST="127.0.0.1",
            DJANGO_EMAIL_PORT=str(postvak.poort),
            DJANGO_EMAIL_TIMEOUT="2",
            POSTBODE_INTERVAL="1",
            POSTBODE_OPNIEUW_NA="5",
        )
    if redis is not None:
        env["REDIS_URL"] = redis.url
    env.pop("DJANGO_DEBUG", None)
    plan = werkmap / "plan.json"
    gemeld = werkmap / "gemeld.json"
    prefix = str(werkmap / "locust")

    stap(f"Verse database {DATABASE}, migraties, demo-inhoud")
    maak_database(args.server)
    manage = [str(BIN / "python"), "manage.py"]
    voer_uit(*manage, "migrate", "--noinput", "-v0", env=env)
    # Demo content is made in development mode only; the site itself then runs as production.
    voer_uit(
        *manage,
        "demo",
        env={**env, "DJANGO_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "carelab.settings"},
        stdout=subprocess.DEVNULL,
    )
    voer_uit(*manage, "collectstatic", "--noinput", "-v0", env=env)
    voer_uit(str(BIN / "python"), "-m", "loadtest.voorbereiden", str(plan), env=env)

    stap(f"gunicorn op 127.0.0.1:{args.poort} ({args.workers} workers)")
    gunicorn = subprocess.Popen(
        [
            *(mediamap.gunicorn_voorvoegsel() if mediamap is not None else []),
            str(BIN / "gunicorn"),
            "carelab.wsgi",
            "--bind",
            f"127.0.0.1:{args.poort}",
            "--workers",
            str(args.workers),
            "--no-control-socket",
            "--access-logfile",
            "-",
            "--error-logfile",
            "-",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=open(werkmap / "gunicorn.log", "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )
    fasen = None
    try:
        host = f"http://127.0.0.1:{args.poort}"
        wacht_op(f"{host}/healthz")
        if storingen is not None:
            postbode = subprocess.Popen(
                [*manage, "postbode"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=open(werkmap / "postbode.log", "w"),  # noqa: SIM115
            )
            processen.append(postbode)
            plan_inhoud = json.loads(plan.read_text())

            def hernoem(titel):
                # Through the ORM (its signals), in a process of its own, as the admin would.
                code = (
                    "from kenniscafes.models import Kenniscafe; "
                    f"cafe = Kenniscafe.objects.get(slug={plan_inhoud['aanmelden_bij']!r}); "
                    f"cafe.titel = {titel!r}; cafe.save()"
                )
                voer_uit(*manage, "shell", "-c", code, env=env)

            fasen = storingen.Storingen(
                duur=args.duur,
                postgres=postgres,
                postvak=postvak,
                redis=redis,
                mediamap=mediamap,
                gunicorn_pid=gunicorn.pid,
                host=host,
                cafe=(plan_inhoud["aanmelden_titel"], hernoem),
            )
            fasen.start()
        stap(f"locust: {args.gebruikers} gebruikers, {args.duur} s")
        gemeld.unlink(missing_ok=True)
        subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "loadtest" / "locustfile.py"),
                "--headless",
                "--users",
                str(args.gebruikers),
                "--spawn-rate",
                "5",
                "--run-time",
                f"{args.duur}s",
                "--host",
                host,
                "--csv",
                prefix,
                "--only-summary",
                "--stop-timeout",
                "10",
                "--exit-code-on-error",
                "0",
            ],
            cwd=ROOT,
            env={**env, "LOADTEST_PLAN": str(plan), "LOADTEST_GEMELD": str(gemeld)},
            check=True,
        )
        if fasen is not None:
            fasen.join()
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)

    stap("Tellen")
    os.environ.update({k: v for k, v in env.items() if k != "PYTHONPATH"})
    import django

    django.setup()
    from loadtest.tellen import alles_bewaard, vergelijk

    statistiek = lees_statistiek(prefix)
    gemeld_inhoud = json.loads(gemeld.read_text())
    opgeslagen = opgeslagen_markers()
    telling = vergelijk(gemeld_inhoud, opgeslagen)
    gunicorn_log = (werkmap / "gunicorn.log").read_text(errors="replace")
    serverfouten = len(re.findall(r'" 5\d\d ', gunicorn_log))
    # Everything gunicorn answered (but the readiness checks), also requests still
    # running when locust wrote its CSV.
    verzoeken_in_log = len(
        re.findall(r'"(?!GET /healthz )[A-Z]+ [^"]* HTTP/1\.[01]" \d{3} ', gunicorn_log)
    )
    resultaat = {
        "duur_s": args.duur,
        "gebruikers": args.gebruikers,
        "workers": args.workers,
        **{k: v for k, v in statistiek.items() if k != "per_verzoek"},
        "verzoeken_in_log": verzoeken_in_log,
        "serverfouten_in_log": serverfouten,
        "schrijfacties": {
            soort: {k: (v if isinstance(v, int) else len(v)) for k, v in t.items()}
            for soort, t in telling.items()
        },
        "per_verzoek": statistiek["per_verzoek"],
    }
    if storingen is not None:
        from mailer.models import Message

        einde = time.monotonic() + 180  # the postman empties the outbox (retries every 5 s)
        while Message.objects.exists() and time.monotonic() < einde:
            time.sleep(2)
        postbode.terminate()
        postbode.wait(timeout=30)
        tabel = storingen.per_fase(fasen.grenzen, gunicorn_log, gemeld_inhoud, opgeslagen)
        fasen.controles["media-alleen-lezen"].update(
            storingen.media_heel(env["DJANGO_MEDIA_ROOT"], opgeslagen_publicaties())
        )
        storingen.na_afloop(fasen.controles, tabel, fasen.grenzen, gemeld_inhoud)
        mails = storingen.mails_per_aanmelding(postvak, opgeslagen["aanmeldingen"])
        resultaat["storingen"] = {
            "per_fase": {f: {**r, "fouten": dict(r["fouten"])} for f, r in tabel.items()},
            "controles": fasen.controles,
            "mails_per_aanmelding": mails,
            "mails_nog_in_postvak": Message.objects.count(),
            "serverfouten_500": len(re.findall(r'" 500 ', gunicorn_log)),
            "gebeurtenissen": fasen.gebeurtenissen,
        }
        print("\n" + storingen.markdown(tabel, fasen.controles))
        print(f"\nMails per bevestigde aanmelding: {mails}")
    (werkmap / "resultaat.json").write_text(json.dumps(resultaat, indent=2))
    print(json.dumps({k: v for k, v in resultaat.items() if k != "per_verzoek"}, indent=2))
    if not args.bewaar_database:
        from django.db import connections

        connections.close_all()
        verwijder_database(args.server)
    if storingen is not None:
        # Under faults, failed requests are expected (503 during the restart, a
        # killed worker's connection); lost or doubled writes, a 500 or a mail
        # not delivered exactly once are not.
        goed = (
            not any(t["verloren"] or t["dubbel"] for t in telling.values())
            and resultaat["storingen"]["serverfouten_500"] == 0
            and mails["geen"] == 0
            and mails["meer"] == 0
            and storingen.controles_geslaagd(fasen.controles, tabel)
        )
    else:
        goed = statistiek["fouten"] == 0 and serverfouten == 0 and alles_bewaard(telling)
    print("\nGeslaagd: geen fouten, geen verloren schrijfacties." if goed else "\nNIET geslaagd.")
    sys.exit(0 if goed else 1)


if __name__ == "__main__":
    main()
