"""Fast, isolated settings for the test suite."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-" + "x" * 60)

from .settings import *  # noqa: E402,F403

DEBUG = False
DEMO_MODE = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A cache in this process, emptied before every test (tests/conftest.py), so
# no test sees another's cached pages and the pinned query counts hold the
# same on every database (with Redis, production's cache, a cache read is no
# query either). tests/carelab/test_redis.py runs the cache on a real Redis
# when REDIS_URL is set (CI).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
LOGGING = {"version": 1, "disable_existing_loggers": False}
# The live server of the browser tests speaks plain HTTP.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Serve static files from the finders (no collectstatic before tests).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
