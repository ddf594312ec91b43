"""Settings shared by every environment.

Every environment variable is read here, once, with the least permissive default. The dev and test
modules only relax what is safe to relax on a developer's machine; production only tightens.
"""

from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env is a convenience for developers; real deployments pass real environment variables.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=0))
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")

ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX_PREFIX = env.str("ELASTICSEARCH_INDEX_PREFIX", default="hulpzoeker-dev")
# Searches wait at most ELASTICSEARCH_TIMEOUT before the database engine answers. After a failure the
# circuit breaker (search/engines/breaker.py, state per process) sends every search to the database engine
# for ELASTICSEARCH_BREAKER_COOLDOWN seconds without asking the cluster. Index writes use the same short
# timeout when they run inside an editor's request (the immediate task backend) and
# ELASTICSEARCH_WRITE_TIMEOUT in a task worker, where a bulk write may take longer.
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=0.5)
ELASTICSEARCH_WRITE_TIMEOUT = env.float("ELASTICSEARCH_WRITE_TIMEOUT", default=10.0)
ELASTICSEARCH_BREAKER_COOLDOWN = env.float("ELASTICSEARCH_BREAKER_COOLDOWN", default=30.0)

# Background work (search indexing after publishing, Wagtail's own index and reference updates) goes
# through django-tasks. "immediate" runs a task in the process that enqueues it, after the commit;
# "database" stores it for `manage.py db_worker` (django-tasks-db), so a slow cluster never holds up an
# editor. Empty means the environment's default: immediate in dev and tests, database in production.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = env.str("TASKS_BACKEND", default="")


def tasks_setting(default_backend: str) -> dict:
    """The ``TASKS`` setting for ``TASKS_BACKEND``, or for *default_backend* when it is empty."""
    name = TASKS_BACKEND or default_backend
    if name not in TASK_BACKENDS:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {name!r}.")
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


TASKS = tasks_setting("immediate")

# How long a service may go without an editor confirming it is still correct.
SERVICE_REVIEW_INTERVAL_DAYS = env.int("HULPZOEKER_REVIEW_INTERVAL_DAYS", default=183)

WAGTAIL_SITE_NAME = "Hulpzoeker Westland"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "home",
    "services",
    "search",
    "hulpwijzer",
    "opendata",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside sessions and CSRF, so it sees every cookie they set (see SECURITY HEADERS below).
    "hulpzoeker.middleware.SecurityHeadersMiddleware",
    "hulpzoeker.middleware.SiteCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Logins (see the "Logins" block below): the second factor for the admin, then the guessing limit.
    "django_otp.middleware.OTPMiddleware",
    "services.logins.AdminSecondFactorMiddleware",
    # Responses for logged-in partners and editors may carry partner-only data: never cache them.
    "services.partners.PrivateForLoggedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees the login view's answer and can replace it with the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hulpzoeker.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.site_chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "hulpzoeker.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("pl", "Polski")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Set only when a visitor picks another language in the footer; never for tracking.
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # NL Design System component CSS, installed from npm (package.json) and served by whitenoise.
    ("nlds", BASE_DIR / "node_modules" / "@utrecht"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Used by the PostgreSQL backend; SQLite ignores it, so we stem ourselves there (search/text.py).
        "SEARCH_CONFIG": "dutch",
    }
}

WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_I18N_ENABLED = False

CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- SECURITY HEADERS (CSP, Permissions-Policy, caching, robots) -------------------------------------
# Public pages have no inline script or style, so the public policy allows only files from this site.
# Parent sites that may frame the site (a later embed page), e.g. "https://www.gemeentewestland.nl";
# empty means nobody may frame it.
EMBED_FRAME_ANCESTORS = env.list("HULPZOEKER_EMBED_FRAME_ANCESTORS", default=[])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": EMBED_FRAME_ANCESTORS or ["'none'"],
    }
}
# The Wagtail admin (/beheer/) is looser, as measured in Chromium (tests/browser/test_csp.py): Wagtail 8
# writes inline <script> blocks without a nonce (InlinePanel, date and time widgets, listings) and inline
# styles, shows image previews from blob: and data: URLs and previews pages in a frame of its own. Still
# nothing from another site, no eval, no plugins, no <base>, and forms post only here.
ADMIN_CSP_PATH_PREFIX = "/beheer/"
ADMIN_CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Browser features the site never uses: switched off for the site and anything it might embed.
# The admin would fetch editors' avatars from gravatar.com and ask releases.wagtail.org for news:
# third-party requests that tell others who edits, and that the admin policy blocks anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
PERMISSIONS_POLICY = dict.fromkeys(
    (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ),
    (),
)
# Anonymous pages without a form may sit in a shared cache this long (seconds); pages that embed a
# CSRF token or set a cookie are "private, no-store" instead.
PUBLIC_CACHE_MAX_AGE = env.int("HULPZOEKER_PUBLIC_CACHE_SECONDS", default=300)
# Neither crawlers nor search results should show these; robots.txt no longer names them.
NOINDEX_PATH_PREFIXES = ("/beheer/", "/partners/")
# --- end SECURITY HEADERS -----------------------------------------------------------------------------

# --- E-MAIL ---------------------------------------------------------------------------------------------
# Password resets and moderation notices. EMAIL_URL as django-environ reads it, e.g.
# "smtp+tls://user:password@smtp.example.org:587"; dev prints mail, tests keep it in memory, and
# production refuses to start without it (mail must never fail silently there).
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    globals().update(env.email_url_config(EMAIL_URL))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Hulpzoeker Westland <noreply@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default="hulpzoeker-server@localhost")
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# --- end E-MAIL -----------------------------------------------------------------------------------------

# --- Logins: guessing limit, client address, sessions, passwords, second factor (services/logins.py) ---
LOGIN_URL = "partner_login"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out name/address before any password is checked, on every login page.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Addresses (or networks, e.g. 10.0.0.0/8) of the reverse proxies in front of the app. Only a request
# arriving from one of them has its X-Forwarded-For read; empty: the client is REMOTE_ADDR.
HULPZOEKER_TRUSTED_PROXIES = env.list("HULPZOEKER_TRUSTED_PROXIES", default=[])
HULPZOEKER_LOGIN_FAILURES_PER_ACCOUNT = env.int("HULPZOEKER_LOGIN_FAILURES_PER_ACCOUNT", default=5)
HULPZOEKER_LOGIN_FAILURES_PER_ADDRESS = env.int("HULPZOEKER_LOGIN_FAILURES_PER_ADDRESS", default=20)
HULPZOEKER_LOGIN_LOCKOUT_MINUTES = env.int("HULPZOEKER_LOGIN_LOCKOUT_MINUTES", default=15)
# django-axes stores failures in the database, so every worker counts the same.
AXES_HANDLER = "services.logins.LoginAttemptHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = HULPZOEKER_LOGIN_FAILURES_PER_ACCOUNT
AXES_COOLOFF_TIME = timedelta(minutes=HULPZOEKER_LOGIN_LOCKOUT_MINUTES)
# Tries during a lockout do not extend it, so "wait 15 minutes" on the 429 page stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "services.logins.client_address"
AXES_USERNAME_CALLABLE = "services.logins.login_username"
AXES_LOCKOUT_CALLABLE = "services.logins.lockout_response"
AXES_ENABLE_ADMIN = False
# Only the admin login refuses partner accounts; the partner login refuses editors itself.
WAGTAILADMIN_USER_LOGIN_FORM = "services.logins.AdminLoginForm"
# Editors must add an authenticator app (TOTP) and confirm a code before the admin opens.
HULPZOEKER_ADMIN_REQUIRE_2FA = env.bool("HULPZOEKER_ADMIN_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = "Hulpzoeker Westland"
# Sessions (editors and partners; anonymous visitors get only the CSRF cookie): a session cookie that
# ends with the browser, and 30 minutes without a request ends the session on the server too.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = env.int("HULPZOEKER_SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = True
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# --- end of Logins ---

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "hulpzoeker"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(levelname)s %(name)s %(message)s"},
        "one_line": {"()": "hulpzoeker.log.OneLineFormatter", "format": "%(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "console_one_line": {"class": "logging.StreamHandler", "formatter": "one_line"},
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
    "loggers": {
        # The request logger would print full URLs of 4xx/5xx responses; our URLs carry no answers,
        # but we keep it at ERROR so search terms in query strings do not end up in logs.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "ERROR"},
        "hulpzoeker": {"level": "INFO"},
        # --- LOGGING: bad Host headers are scanners' noise: one line each, never a traceback.
        "django.security.DisallowedHost": {
            "handlers": ["console_one_line"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}

DEV_SUPERUSER_NAME = env.str("DJANGO_SUPERUSER_USERNAME", default="")
