"""Issue 12: `check --deploy` clean, production e-mail from EMAIL_URL (finding 7), one-line Host logging
(finding 8), and the embed setting of the CSP (finding 3). Settings modules are read in subprocesses:
they read the environment once, at import."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "hulpzoeker.settings.production",
    # Long and random-looking enough for Django's security.W009; never used outside this test.
    "DJANGO_SECRET_KEY": "test-" + "k7Qp2vXz9LmN4rT8wYb1" * 3,
    "DJANGO_ALLOWED_HOSTS": "hulpzoeker.example.org",
    "EMAIL_URL": "smtp+tls://mailer:geheim@smtp.example.org:587",
    "DEFAULT_FROM_EMAIL": "Hulpzoeker Westland <hulpzoeker@example.org>",
    "SERVER_EMAIL": "server@example.org",
}
# The test run sets these for itself (a test database, Playwright in sync mode); a server has neither.
DROPPED = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
SHOW_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({name: str(getattr(s, name)) for name in %r}))"
)


def run_python(code, env, *, check=True):
    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION and key not in DROPPED}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=check,
    )


def settings_in(env, *names):
    result = run_python(SHOW_SETTINGS % (names,), env)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_is_clean_with_production_settings():
    code = (
        "import django; django.setup(); from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = run_python(code, PRODUCTION, check=False)
    assert result.returncode == 0, result.stderr
    assert "WARNINGS" not in result.stderr + result.stdout


def test_finding_7_production_sends_mail_with_the_server_in_email_url():
    found = settings_in(
        PRODUCTION,
        "EMAIL_BACKEND",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_HOST_USER",
        "EMAIL_USE_TLS",
        "DEFAULT_FROM_EMAIL",
        "SERVER_EMAIL",
    )
    assert found == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": "587",
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_USE_TLS": "True",
        "DEFAULT_FROM_EMAIL": "Hulpzoeker Westland <hulpzoeker@example.org>",
        "SERVER_EMAIL": "server@example.org",
    }


def test_finding_7_production_refuses_to_start_without_email_url():
    env = {key: value for key, value in PRODUCTION.items() if key != "EMAIL_URL"}
    result = run_python(SHOW_SETTINGS % (("EMAIL_BACKEND",),), env, check=False)
    assert result.returncode != 0
    assert "EMAIL_URL must be set in production" in result.stderr


@pytest.mark.parametrize(
    ("module", "backend"),
    [
        ("hulpzoeker.settings.dev", "django.core.mail.backends.console.EmailBackend"),
        ("hulpzoeker.settings.test", "django.core.mail.backends.locmem.EmailBackend"),
    ],
)
def test_finding_7_dev_prints_mail_and_tests_keep_it(module, backend):
    assert settings_in({"DJANGO_SETTINGS_MODULE": module}, "EMAIL_BACKEND") == {"EMAIL_BACKEND": backend}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", "'none'"), ("https://www.gemeentewestland.nl", "https://www.gemeentewestland.nl")],
)
def test_finding_3_only_named_parent_sites_may_frame_the_site(value, expected):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(' '.join(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['frame-ancestors']))"
    )
    env = {"DJANGO_SETTINGS_MODULE": "hulpzoeker.settings.test", "HULPZOEKER_EMBED_FRAME_ANCESTORS": value}
    assert run_python(code, env).stdout.strip() == expected


@pytest.mark.django_db
def test_finding_8_a_bad_host_header_is_logged_as_one_line_without_traceback(client):
    logger = logging.getLogger("django.security.DisallowedHost")
    assert logger.handlers and not logger.propagate
    handler = logger.handlers[0]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        response = client.get("/", HTTP_HOST="evil.example.com")
    finally:
        handler.setStream(previous)
    assert response.status_code == 400
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    assert "evil.example.com" in lines[0]
    assert lines[0].startswith("ERROR django.security.DisallowedHost Invalid HTTP_HOST header")
    assert "Traceback" not in stream.getvalue()


def test_finding_8_the_one_line_formatter_escapes_line_breaks_and_drops_tracebacks():
    from hulpzoeker.log import OneLineFormatter

    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "bad host 'a\nb'", None, sys.exc_info())
    assert OneLineFormatter("%(message)s").format(record) == "bad host 'a\\nb'"
    # The record itself keeps its traceback for any other handler.
    assert record.exc_info is not None
