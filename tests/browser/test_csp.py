"""Issue 12, finding 3: no page raises a Content-Security-Policy violation in the real Chromium.

Every public page type, each questionnaire step and the print sheet run under the strict public policy;
the editor pages under the admin policy. Violations are caught twice: the ``securitypolicyviolation``
event in each document and Chromium's console messages (which also report Permissions-Policy errors)."""

import json
import os
import subprocess
import sys

import pytest

from tests.browser.test_questionnaire_browser import START, answer_everything_by_keyboard
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PUBLIC_PAGES = [
    "/",
    "/hulp/",
    "/hulp/thema/geld-en-schulden/",
    "/hulp/buurtinformatiepunt/",
    "/hulp/wmo-hulp-bij-het-huishouden/",
    "/zoeken/?q=formulieren",
    "/zoeken/?q=xqzxqzxqz",
    "/crisis/",
    "/hulpwijzer/crisis/",
    "/partners/inloggen/",
    "/deze-pagina-bestaat-niet/",
]
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""
POLICY_WORDS = (
    "Content Security Policy",
    "Content-Security-Policy",
    "Permissions-Policy",
    "Permissions policy",
)


class Recorder:
    """Console messages about a policy, and violation events read from each document before leaving it."""

    def __init__(self, page):
        self.page = page
        self.problems = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self.console)

    def console(self, message):
        if any(word in message.text for word in POLICY_WORDS):
            self.problems.append(f"console {message.type}: {message.text}")

    def collect(self, where):
        events = self.page.evaluate("window.__cspViolations || []")
        self.problems.extend(f"{where}: {event}" for event in events)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_raises_no_policy_violation(site_server, page, path):
    recorder = Recorder(page)
    response = page.goto(site_server.url + path)
    assert response.status in (200, 404)
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    page.wait_for_load_state("load")
    recorder.collect(path)
    assert recorder.problems == []


def test_every_questionnaire_step_and_the_print_sheet_raise_no_policy_violation(site_server, page):
    recorder = Recorder(page)
    page.goto(site_server.url + START)
    seen = []

    def check(where):
        seen.append(where)
        page.wait_for_load_state("load")
        recorder.collect(where)

    answer_everything_by_keyboard(page, check)
    assert seen[-1] == "print"
    # The print button is shown by static/js/print.js: proof that the moved script runs under the policy.
    assert page.locator("[data-hz-print]").first.is_visible()
    assert recorder.problems == []


def site_manage(site_server, code):
    """Run Python in the browser site's own database (the server's environment, see tests/conftest.py)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        database_url = url.rpartition("/")[0] + "/hulpzoeker_browser"
    else:
        database_url = f"sqlite:///{site_server.log_path.parent}/browser.sqlite3"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hulpzoeker.settings.test", "DATABASE_URL": database_url}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


EDITOR_SETUP = """
import json
from django.contrib.auth import get_user_model
from wagtail.admin.admin_url_finder import AdminURLFinder
from services.models import Organisation, ServicePage
User = get_user_model()
if not User.objects.filter(username="csp-editor").exists():
    User.objects.create_superuser("csp-editor", "csp-editor@example.org", "csp-editor-wachtwoord-lang")
finder = AdminURLFinder()
service = ServicePage.objects.live().order_by("pk").first()
organisation = Organisation.objects.order_by("pk").first()
urls = {"service": finder.get_edit_url(service), "organisation": finder.get_edit_url(organisation)}
print(json.dumps(urls))
"""


def test_the_editor_pages_work_under_the_admin_policy(site_server, page):
    urls = site_manage(site_server, EDITOR_SETUP)
    recorder = Recorder(page)
    page.goto(site_server.url + "/beheer/login/")
    page.fill("input[name=username]", "csp-editor")
    page.fill("input[name=password]", "csp-editor-wachtwoord-lang")
    with page.expect_navigation():
        page.click("button[type=submit]")
    for path in (
        "/beheer/",
        urls["service"],
        "/beheer/snippets/",
        urls["organisation"],
        "/beheer/pages/",
    ):
        response = page.goto(site_server.url + path)
        assert response.status == 200, path
        assert "'unsafe-eval'" not in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        recorder.collect(path)
    assert recorder.problems == [], "\n".join(recorder.problems)
