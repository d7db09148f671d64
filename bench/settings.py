"""Settings for benchmark runs: production settings plus the bench app and floor.

Production-like on purpose: DEBUG off, a real (generated) secret key, the
manifest static files storage, ALLOWED_HOSTS 127.0.0.1. Only the HTTPS
redirect is off, because gunicorn is measured over plain HTTP on 127.0.0.1.

The database: `BENCH_SCALE` (set by `manage.py bench` for its sub-processes)
selects the benchmark's own database on the server of DATABASE_URL
(PostgreSQL: database `verhalenbank_bench_<scale>`; SQLite:
`var/bench/<scale>.sqlite3`). Without BENCH_SCALE the database is whatever
DATABASE_URL says; the dataset builder refuses any database whose name does
not mark it as a benchmark database (bench/database.py).
"""

import os
import secrets

# One key for the whole run: the harness writes sessions that gunicorn (a
# child process that inherits the environment) must be able to read.
if not os.environ.get("DJANGO_SECRET_KEY"):
    os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
os.environ["DJANGO_DEBUG"] = "0"

from bench.database import bench_database  # noqa: E402
from carelab.settings import *  # noqa: E402, F403
from carelab.settings import (  # noqa: E402
    BASE_DIR,
    CACHES,
    DATABASES,
    INSTALLED_APPS,
    MIDDLEWARE,
)

# First: post_migrate (which syncs the roles after the last app) skips apps without models.
INSTALLED_APPS = ["bench.apps.BenchConfig", *INSTALLED_APPS]
ROOT_URLCONF = "bench.urls"
# The page's own SQL time in a Server-Timing header (bench/middleware.py).
MIDDLEWARE = ["bench.middleware.SqlTijdMiddleware", *MIDDLEWARE]
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
STATIC_ROOT = BASE_DIR / "var" / "bench" / "static"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

BENCH_SCALE = os.environ.get("BENCH_SCALE", "")
if BENCH_SCALE:
    DATABASES = {"default": bench_database(DATABASES["default"], BENCH_SCALE)}
    if "KEY_PREFIX" in CACHES["default"]:  # Redis: one server, a prefix per scale
        CACHES["default"]["KEY_PREFIX"] = f"verhalenbank-bench-{BENCH_SCALE}"
