"""Shared fixtures: demo data, and a real site in a real browser for the accessibility harness.

Browser tests run against a real server process (``runserver``) with its own database (a temporary
SQLite file, or a second database on the PostgreSQL cluster of the run) seeded with the demo data plus
a few pages in special states. That keeps them independent of pytest's per-test transactions.
"""

import functools
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from django.core.management import call_command
from django.db import transaction

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def demo_data(db):
    """The full demo social map, loaded with the real command (without the search index)."""
    call_command("seed_demo", "--no-index", verbosity=0)


def clear_process_caches():
    """Caches that would outlive rolled-back rows: Django's cache and the search layer's facts."""
    from django.core.cache import cache

    from search.caches import clear_caches

    cache.clear()
    clear_caches()


@contextmanager
def demo_map_for_package(django_db_blocker):
    """Seed the demo map once for a test package, inside a transaction rolled back at the end.

    Seeding 86 pages takes seconds, so packages that only read the demo map share one seed: every test
    still runs in its own savepoint (pytest-django's ``db``), and other packages see an untouched
    database afterwards. Tests in such a package cannot use ``transactional_db``.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            clear_process_caches()
            call_command("seed_demo", "--no-index", verbosity=0)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            clear_process_caches()


# --- A real server for browser tests ------------------------------------------------------------


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _browser_database_url(tmpdir):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        base, _slash, _name = url.rpartition("/")
        name = "hulpzoeker_browser"
        with psycopg.connect(base + "/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
        return f"{base}/{name}"
    return f"sqlite:///{tmpdir}/browser.sqlite3"


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    """Base URL of a running Hulpzoeker with demo data; its log is in ``site_server.log_path``."""
    tmpdir = tmp_path_factory.mktemp("site")
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="hulpzoeker.settings.test",
        DATABASE_URL=_browser_database_url(tmpdir),
        PYTHONUNBUFFERED="1",
    )
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [python, "-c", "import django; django.setup(); from tests.browser_site import prepare; prepare()"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    port = _free_port()
    log_path = tmpdir / "server.log"
    log = open(log_path, "w")  # noqa: SIM115 - closed at session end
    server = subprocess.Popen(
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base_url + "/", timeout=2)  # noqa: S310 - our own local server
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                log.close()
                raise RuntimeError("The test server did not start:\n" + log_path.read_text()) from None
            time.sleep(0.3)

    class Site:
        url = base_url

    Site.log_path = log_path
    yield Site
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make test` installs Debian's chromium package.")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, chromium_sandbox=False
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    tab = context.new_page()
    yield tab
    context.close()


@functools.cache
def _axe_source():
    return AXE_PATH.read_text(encoding="utf-8")


def axe_violations(tab, *, context=None):
    """Run axe-core in the page and return its violations (all rules axe enables by default)."""
    # Evaluated rather than added as a <script> tag: the site's CSP (rightly) refuses inline scripts, and
    # Playwright's evaluate runs outside the page's policy without weakening it for the page itself.
    tab.evaluate(_axe_source())
    result = tab.evaluate(
        "async (ctx) => await axe.run(ctx || document, {resultTypes: ['violations']})",
        context,
    )
    return result["violations"]


def format_violations(violations):
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)


@pytest.fixture
def axe():
    return axe_violations


@pytest.fixture(scope="session", autouse=True)
def _allow_django_in_playwright_loop():
    # Playwright's sync API runs an event loop in this thread; Django then refuses ORM calls in tests
    # that also use the browser. Our browser tests talk to a separate server process, so this is safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pretty(data):
    return json.dumps(data, indent=2, ensure_ascii=False)
