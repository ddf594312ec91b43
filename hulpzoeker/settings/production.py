"""Production: everything secure by default; nothing here may be loosened by a missing variable."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import EMAIL_URL, SECRET_KEY, env, tasks_setting

if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")

# Tasks wait in the database for `manage.py db_worker`, so publishing never waits for indexing.
TASKS = tasks_setting("database")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
# --- SECURITY HEADERS: the preload list is hard to leave again, so joining it is the municipality's
# decision (DJANGO_HSTS_PRELOAD); until then `check --deploy` need not remind us on every run.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# --- E-MAIL: password resets and moderation notices must not vanish; "consolemail://" is an explicit choice.
if not EMAIL_URL:
    raise ImproperlyConfigured("EMAIL_URL must be set in production, e.g. smtp+tls://user:password@host:587.")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
