"""Production settings for the load test, with the few changes plain HTTP on 127.0.0.1 needs.

Everything else is production: DEBUG off, PostgreSQL with persistent
connections, hashed static files (whitenoise), the full middleware stack,
sessions in the database, two-factor authentication.
"""

from carelab.settings import *  # noqa: F403

# No TLS on 127.0.0.1 (in production a proxy terminates it): cookies must also
# travel over plain HTTP, and no redirect to https.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Mails go to the outbox as in production; no postman runs, so they stay there.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
