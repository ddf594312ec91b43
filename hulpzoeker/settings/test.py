"""Test runs: fast hashing, no debug, a fixed key, the database chosen by DATABASE_URL."""

from .base import *  # noqa: F403
from .base import ELASTICSEARCH_INDEX_PREFIX as _PREFIX

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ELASTICSEARCH_INDEX_PREFIX = _PREFIX.replace("-dev", "-test")
WAGTAILADMIN_BASE_URL = "http://testserver"

# The browser tests' server runs without collectstatic: whitenoise serves straight from the finders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
