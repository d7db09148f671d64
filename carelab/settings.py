"""Settings for the Verhalenbank, read from the environment.

Development and the demo run with DJANGO_DEBUG=1 on SQLite; production sets
DJANGO_SECRET_KEY, DATABASE_URL (PostgreSQL) and DJANGO_ALLOWED_HOSTS.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
# Demo accounts and example content may only be created in this mode.
DEMO_MODE = DEBUG

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is verplicht wanneer DJANGO_DEBUG uit staat.")
    SECRET_KEY = "django-insecure-alleen-voor-lokale-ontwikkeling-niet-in-productie"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The toolkit first: its template of the admin's date widget overrides the admin's.
    "toolkit.apps.ToolkitConfig",
    "kennisagenda.apps.KennisagendaConfig",
    "accounts.apps.AccountsConfig",
    "projecten.apps.ProjectenConfig",
    "kenniscafes.apps.KenniscafesConfig",
    "verhalen.apps.VerhalenConfig",
    "vertellers.apps.VertellersConfig",
    "uitwisseling.apps.UitwisselingConfig",
    "adviezen.apps.AdviezenConfig",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.syndication",
    "taggit",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "mailer",
    "dbbackup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A NUL character in the address: a Dutch 400 (toolkit/invoer.py).
    "toolkit.invoer.NulTekenMiddleware",
    # Session expiry (accounts/sessieduur.py), then the second step of the login
    # (accounts/tweestaps/): django-otp marks the verified user, ours redirects.
    "accounts.sessieduur.SessieduurMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.tweestaps.middleware.TweestapsMiddleware",
    # Cache-Control for logged-in pages, Permissions-Policy (toolkit/beveiliging.py).
    "toolkit.beveiliging.BeveiligingsheadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # AxesMiddleware must be last: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "carelab.urls"
WSGI_APPLICATION = "carelab.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kennisagenda.context_processors.site",
            ],
        },
    },
]

_default_db = f"sqlite:///{VAR_DIR / 'verhalenbank.sqlite3'}"
if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=_default_db,
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Django's own checks; their Dutch texts in the je-form come from
# locale/nl/LC_MESSAGES/django.po.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "voor_jou"
LOGOUT_REDIRECT_URL = "home"

# Login throttling (django-axes): five wrong attempts for one account from one
# address lock that combination for fifteen minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_VERBOSE = False
# What was typed as username, cut to 150 characters (toolkit/invoer.py).
AXES_USERNAME_CALLABLE = "toolkit.invoer.axes_gebruikersnaam"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files are served only by toolkit.uploads.bestand (a permission-checked
# download with safe headers), whatever the storage backend; never as they are.
MEDIA_URL = "bestanden/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Backups (django-dbbackup: `make backup`, `make restore`; docs/operations/backup.md):
# pg_dump/pg_restore on PostgreSQL, SQLite's own backup on SQLite, uploaded files
# as a tar. Login sessions, django-axes' login attempts and the cache table stay
# out of a PostgreSQL dump (their tables come back empty): live login keys and
# short-lived personal data have no place in a backup, cached pages are rebuilt.
STORAGES["dbbackup"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {
        "location": os.environ.get("DJANGO_BACKUP_DIR", str(VAR_DIR / "backups")),
        # Special categories of personal data (AVG art. 9): for the owner only.
        "file_permissions_mode": 0o600,
        "directory_permissions_mode": 0o700,
    },
}
DBBACKUP_CONNECTORS = {
    "default": {"EXCLUDE": ["django_session", "axes_*", "carelab_cache"]},
}

# The cache holds the public pages of anonymous visitors and expensive counts
# (toolkit/cache.py), never a logged-in page, and must be ONE cache for every
# app server, or a change made through one server would not reach the others'
# copies: Redis when REDIS_URL is set (production; give Redis a maxmemory with
# an LRU policy), otherwise a table in the database (made by migration carelab
# 0004; after switching back from Redis run `manage.py createcachetable`).
# A Redis that is down or hangs costs only its timeouts (docs/operations/faults.md).
CACHE_TABEL = "carelab_cache"


def redis_cache(url):
    """The cache on Redis. When Redis is down or hangs, every read is a miss and
    every write is dropped after at most a tenth of a second (django-redis), so the
    site serves from the database instead of answering 500."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "verhalenbank",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.1,
            "SOCKET_TIMEOUT": 0.1,
        },
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABEL,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Sessions live in the database only, also with Redis: a logout deletes the row
# and nothing else can bring the session back. With `cached_db` a logout while
# Redis hangs left the session in Redis, served again when it returned
# (tests/carelab/test_redis_storing.py); the database read costs one query by
# primary key per request (about 1 ms measured, docs/operations/faults.md).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# E-mail: every send_mail/EmailMessage is written to the outbox table
# (django-mailer's DbBackend), in the transaction of the change it reports;
# `manage.py postbode` sends it through MAILER_EMAIL_BACKEND (the console in
# development, SMTP in production), with retries and back-off (toolkit/postbode.py).
EMAIL_BACKEND = "mailer.backend.DbBackend"
MAILER_EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
# Seconds the worker waits for the mail server before it defers the mail.
EMAIL_TIMEOUT = int(os.environ.get("DJANGO_EMAIL_TIMEOUT", "20"))
# Several workers may run: each mail is locked by its row (no lock file).
MAILER_USE_FILE_LOCK = False
MAILER_ERROR_HANDLER = "toolkit.postbode.stel_uit"
# Deferred mails are tried again after 1, 2, 4 … minutes, at most an hour apart;
# after this many retries (about a day) a mail is a dead letter in the admin.
MAILER_EMAIL_MAX_RETRIES = int(os.environ.get("MAILER_EMAIL_MAX_RETRIES", "30"))
POSTBODE_OPNIEUW_NA = int(os.environ.get("POSTBODE_OPNIEUW_NA", "60"))
POSTBODE_OPNIEUW_HOOGSTENS = 60 * 60
# Seconds between two looks at the outbox.
POSTBODE_INTERVAL = float(os.environ.get("POSTBODE_INTERVAL", "5"))
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "CARE lab Verhalenbank <verhalenbank@carelab.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers. HTTPS-only settings apply whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Forms carry the CSRF token and no script of ours reads the cookie: none may.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# The absolute maximum of a login (a working day); see accounts/sessieduur.py.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_COOKIE_AGE", str(60 * 60 * 8)))
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("DJANGO_BEHIND_PROXY"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Personal codes of the teller's page never reach a log line (vertellers/logboek.py).
    "filters": {"verberg_codes": {"()": "vertellers.logboek.VerbergCodes"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["verberg_codes"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # django-mailer logs every round of the postman; deferred mail is a warning of ours.
    "loggers": {
        "mailer": {"level": "WARNING"},
        # WeasyPrint (the receipt's PDF) reports each step of its work.
        "weasyprint.progress": {"level": "WARNING"},
        # A request for a host not in ALLOWED_HOSTS gets the 400 page; no
        # traceback per request in the log (as Django's documentation suggests).
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
    },
}

# Kenniscafés: registrations (personal data) of cafés that ended longer ago
# than this many months are anonymised by `manage.py anonimiseer_aanmeldingen`.
KENNISCAFE_ANONIMISEREN_NA_MAANDEN = int(os.environ.get("KENNISCAFE_ANONIMISEREN_NA_MAANDEN", "12"))
# The site's address for links in mails sent outside a request (reminders, feedback).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Days before an event its registrants get a reminder (per event adjustable in the admin).
KENNISCAFE_HERINNERING_DAGEN = int(os.environ.get("KENNISCAFE_HERINNERING_DAGEN", "2"))

# Project translations that fill gaps in Django's own Dutch (e.g. the admin's
# two-box selector for themes). Compiled .mo files are committed.
LOCALE_PATHS = [BASE_DIR / "locale"]

# Access log (verhalen.Inzage: who viewed or exported stories). Rows older than
# this many days are removed by `manage.py ruim_inzagelog_op` (run it daily).
INZAGELOG_BEWAARTERMIJN_DAGEN = int(os.environ.get("INZAGELOG_BEWAARTERMIJN_DAGEN", "730"))

# Reliability (RELIAB): when the database cannot be reached every page answers
# with a Dutch 503 page and Retry-After (toolkit/middleware.py; errors outside
# views reach toolkit.foutpaginas.server_error, the handler500).
MIDDLEWARE = ["toolkit.middleware.DatabaseOnbereikbaarMiddleware", *MIDDLEWARE]

# Authentication: session expiry and two-factor authentication (AUTH).
# Thirty minutes without a request log you out; the session records activity
# at most every five minutes (no database write per request); after
# SESSION_COOKIE_AGE (8 hours) a login ends however active it was.
SESSIE_INACTIEF_NA = int(os.environ.get("DJANGO_SESSION_IDLE_TIMEOUT", str(30 * 60)))
SESSIE_VERNIEUW_NA = 5 * 60
SESSIE_MAXIMALE_DUUR = SESSION_COOKIE_AGE
# django-otp: the name authenticator apps show next to the code; secrets
# hidden in the admin; every wrong code doubles the wait (1, 2, 4, 8… s).
OTP_TOTP_ISSUER = "CARE lab Verhalenbank"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
