"""The Hulpwijzer in the real Chromium: keyboard only, axe on every page (also at 320 px), without
JavaScript, and no answer in URLs, cookies, the server's log or its database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, format_violations

pytestmark = pytest.mark.browser

START = "/hulpwijzer/"
# Words nobody else uses (numbers would also match timestamps in the database by chance).
FREE_TEXT = "Sprinkhaanzwaluw Okapitrommel Quetzalvla"
NEEDLES = ("Sprinkhaanzwaluw", "Okapitrommel", "Quetzalvla")
AGE = "104"
POSTCODE = "2676"


def focused(page, selector):
    return page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector, *, limit=120):
    """Press Tab until the element matching ``selector`` has the focus (as a keyboard user would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def choose_radio(page, name, value):
    """Tab into a radio group and move with the arrow keys to ``value`` (arrows also select)."""
    tab_to(page, f"input[type=radio][name='{name}']")
    target = f"input[type=radio][name='{name}'][value='{value}']"
    for _ in range(20):
        if focused(page, target):
            page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"arrow keys never reached {target}")


def tick(page, name, value):
    tab_to(page, f"input[type=checkbox][name='{name}'][value='{value}']")
    page.keyboard.press("Space")


def press_button(page, selector):
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def next_question(page):
    press_button(page, "button[name=action][value=next]")


def assert_no_axe_violations(page, axe, where):
    violations = axe(page)
    assert not violations, f"{where}:\n{format_violations(violations)}"


def assert_reflows(page, where):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{where} scrolls sideways by {overflow}px"


def answer_everything_by_keyboard(
    page, check, *, text="ik kan niet meer goed lopen", age="67", kern="maasdijk"
):
    """From the start page to the print sheet with the keyboard only; ``check(where)`` runs on every page."""
    check("start")
    tick(page, "situations", "zorg-en-hulp-thuis")
    tick(page, "situations", "vervoer")
    tab_to(page, "input[name=text]")
    page.keyboard.type(text)
    next_question(page)

    check("for_whom")
    choose_radio(page, "for_whom", "self")
    next_question(page)

    check("kern")
    if kern:
        choose_radio(page, "kern", kern)
        next_question(page)
    else:
        tab_to(page, "input[name=postcode]")
        page.keyboard.type(POSTCODE)
        next_question(page)

    check("age")
    tab_to(page, "input[name=age]")
    page.keyboard.type(age)
    # Enter in a text field must mean "next question", never "previous question".
    with page.expect_navigation():
        page.keyboard.press("Enter")

    check("household")
    choose_radio(page, "household", "alone")
    next_question(page)

    check("income")
    choose_radio(page, "income", "not_low")
    next_question(page)

    check("special")
    tick(page, "special", "none")
    next_question(page)

    check("urgency")
    choose_radio(page, "urgency", "some_help")
    next_question(page)

    check("summary")
    assert page.locator("dl.hz-q-summary").count() == 1
    press_button(page, "button[name=action][value=results]")

    check("results")
    tick(page, "service", page.locator("input[name=service]").first.get_attribute("value"))
    press_button(page, "button[name=action][value=print]")
    check("print")


@pytest.mark.parametrize("width", [1280, 320])
def test_the_whole_questionnaire_by_keyboard_without_axe_violations(site_server, page, axe, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_server.url + START)
    seen = []

    def check(where):
        seen.append(where)
        assert_no_axe_violations(page, axe, f"{where} at {width}px")
        if width == 320:
            assert_reflows(page, where)

    answer_everything_by_keyboard(page, check)
    assert seen[-3:] == ["summary", "results", "print"]
    assert page.locator("svg.hz-qr").count() == 1
    assert "Plusbus" in page.content() or page.locator("h2").count() >= 1


@pytest.mark.parametrize("width", [1280, 320])
def test_crisis_page_and_together_mode_without_axe_violations(site_server, page, axe, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_server.url + START)
    press_button(page, "a[href='/hulpwijzer/crisis/']")
    assert page.url.endswith("/crisis/")
    assert_no_axe_violations(page, axe, f"crisis at {width}px")

    page.goto(site_server.url + "/hulpwijzer/samen/")
    assert_no_axe_violations(page, axe, f"together start at {width}px")
    tick(page, "situations", "mantelzorg")
    next_question(page)
    assert page.locator(".hz-q-prompt").count() == 1
    assert_no_axe_violations(page, axe, f"together step 2 at {width}px")
    # "Alles wissen" starts afresh: nothing of the earlier answer remains in the form.
    press_button(page, "button.hz-q-wipe")
    assert page.url.endswith("/hulpwijzer/samen/")
    assert page.locator("input[type=hidden][name=situations]").count() == 0
    assert page.locator("input[name=situations]:checked").count() == 0


def test_changing_an_answer_from_the_summary_by_keyboard(site_server, page):
    page.goto(site_server.url + START)
    tick(page, "situations", "vervoer")
    next_question(page)
    for _ in range(7):
        next_question(page)
    press_button(page, "button[value='edit:kern']")
    choose_radio(page, "kern", "monster")
    next_question(page)
    assert page.locator("dl.hz-q-summary").count() == 1
    assert "Monster" in page.locator("dl.hz-q-summary").inner_text()
    press_button(page, "button.hz-q-back__button")
    assert page.locator("input[name=urgency]").count() > 0


def click_option(tab, name, value):
    """Click an answer the way a mouse user does: on its label, which covers the whole option box."""
    option_id = tab.locator(f"input[name={name}][value='{value}']").get_attribute("id")
    tab.click(f"label[for='{option_id}']")
    assert tab.locator(f"input[name={name}][value='{value}']").is_checked()


def test_it_works_without_javascript(site_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1000, "height": 900})
    tab = context.new_page()
    try:
        tab.goto(site_server.url + START)
        click_option(tab, "situations", "geld-en-schulden")
        tab.click("button[value=next]")
        click_option(tab, "for_whom", "self")
        tab.click("button[value=next]")
        click_option(tab, "kern", "s-gravenzande")
        tab.click("button[value=next]")
        tab.fill("input[name=age]", "38")
        tab.click("button[value=next]")
        tab.click("button[value=back]")
        assert tab.input_value("input[name=age]") == "38"
        tab.click("button[value=next]")
        for _ in range(4):
            tab.click("button[value=next]")
        tab.click("button[value=results]")
        assert tab.locator(".hz-q-suggestion").count() > 0
        assert tab.locator("#hz-human-route-title").count() == 1
        more = tab.locator("details.hz-q-more summary")
        if more.count():
            more.first.click()
        click_option(tab, "service", tab.locator("input[name=service]").first.get_attribute("value"))
        tab.click("button[value=print]")
        assert tab.locator("svg.hz-qr").count() == 1
        # The print button needs JavaScript and stays hidden; the hint to use the browser's print remains.
        assert tab.locator("[data-hz-print]").is_hidden()
        tab.click(".hz-q-sheet__actions button[value=results]")
        assert tab.locator(".hz-q-suggestion").count() > 0
    finally:
        context.close()


def _server_database_url(site_server):
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return url.rpartition("/")[0] + "/hulpzoeker_browser"
    return f"sqlite:///{site_server.log_path.parent}/browser.sqlite3"


def _server_database_dump(site_server):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="hulpzoeker.settings.test")
    env["DATABASE_URL"] = _server_database_url(site_server)
    dump = subprocess.run(
        [sys.executable, "manage.py", "dumpdata", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    raw = ""
    if env["DATABASE_URL"].startswith("sqlite"):
        # The raw file (and its journal) also holds tables without a Django model, such as search indexes.
        base = Path(env["DATABASE_URL"].removeprefix("sqlite:///"))
        for path in (base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-journal")):
            if path.exists():
                raw += path.read_bytes().decode("utf-8", "ignore")
    return dump + raw


def test_no_answer_reaches_urls_cookies_the_server_log_or_its_database(site_server, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_server.url + START)
    answer_everything_by_keyboard(page, lambda where: None, text=FREE_TEXT, age=AGE, kern=None)
    # The answers were used: the postcode became a kern and the text travels on in the POST body.
    assert page.locator("input[type=hidden][name=text]").first.get_attribute("value") == FREE_TEXT

    for url in requested:
        for needle in (*NEEDLES, AGE, POSTCODE):
            assert needle not in url, url
    qr_link = page.locator(".hz-q-sheet__url").inner_text()
    assert qr_link.split("?d=")[1].replace(".", "").isdigit()

    # Besides the CSRF token only the encrypted answer cookie: opaque, HttpOnly, SameSite=Strict, scoped to
    # the questionnaire and a browser-session cookie (expires -1: gone when the browser closes).
    cookies = page.context.cookies()
    assert {cookie["name"] for cookie in cookies} <= {"csrftoken", "hz_antwoorden"}
    for cookie in cookies:
        for needle in (*NEEDLES, AGE, POSTCODE):
            assert needle not in cookie["value"]
    answers = next(cookie for cookie in cookies if cookie["name"] == "hz_antwoorden")
    assert answers["httpOnly"] and answers["sameSite"] == "Strict"
    assert answers["path"] == "/hulpwijzer/" and answers["expires"] == -1
    assert page.evaluate("() => document.cookie").find("hz_antwoorden") == -1
    storage = page.evaluate("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)")
    assert storage == "{}{}"

    log = Path(site_server.log_path).read_text(encoding="utf-8", errors="ignore")
    for needle in NEEDLES:
        assert needle not in log

    stored = _server_database_dump(site_server)
    assert '"model": "questionnaire.questionnairestepcount"' in stored
    for needle in NEEDLES:
        assert needle not in stored


def _click_next(tab):
    with tab.expect_navigation():
        tab.click("button[value=next]")


def test_the_browsers_back_button_returns_to_the_previous_question_without_resubmitting(site_server, page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    methods = []
    page.on("request", lambda request: methods.append((request.method, request.url)))
    page.goto(site_server.url + START)
    click_option(page, "situations", "mantelzorg")
    _click_next(page)
    click_option(page, "for_whom", "cared_for")
    _click_next(page)
    click_option(page, "kern", "monster")
    _click_next(page)
    assert page.url.endswith("/hulpwijzer/vraag/age/")

    # Each Back is a plain GET of the earlier question, with its answer still chosen.
    for path, name, value in [
        ("/hulpwijzer/vraag/kern/", "kern", "monster"),
        ("/hulpwijzer/vraag/for_whom/", "for_whom", "cared_for"),
        (START, "situations", "mantelzorg"),
    ]:
        methods.clear()
        response = page.go_back()
        assert response is not None and response.status == 200, path
        assert response.request.method == "GET"
        assert page.url == site_server.url + path
        assert page.locator(f"input:not([type=hidden])[name={name}][value='{value}']").is_checked(), path
        assert all(method == "GET" for method, _url in methods), methods

    # Forward and reload are GETs too; the later answers are still there.
    response = page.go_forward()
    assert response is not None and response.status == 200
    assert page.locator("input[type=radio][name=for_whom][value='cared_for']").is_checked()
    response = page.reload()
    assert response.status == 200 and response.request.method == "GET"
    # The question speaks about the person cared for after going back and forth.
    page.go_forward()
    assert "de persoon voor wie je zorgt" in page.locator("legend").first.inner_text()
    assert not dialogs


def _to_the_results_with_the_crisis_alert(page, site_server):
    page.goto(site_server.url + START)
    click_option(page, "situations", "psychische-gezondheid")
    _click_next(page)
    for _ in range(6):
        _click_next(page)
    click_option(page, "urgency", "cant_cope")
    _click_next(page)
    with page.expect_navigation():
        page.click("button[value=results]")
    assert page.url.endswith("/hulpwijzer/uitkomst/")


@pytest.mark.parametrize("width", [320, 360])
def test_the_too_much_alert_reflows_on_a_small_screen(site_server, page, width):
    page.set_viewport_size({"width": width, "height": 800})
    _to_the_results_with_the_crisis_alert(page, site_server)
    alert = page.locator(".hz-q-notice--urgent")
    assert alert.count() == 1 and alert.locator("a[href^='tel:']").count() >= 2
    assert_reflows(page, f"results at {width}px")
    # axe does not see content that is wider than its box: measure the alert and everything in it.
    too_wide = page.evaluate(
        """() => {
            const alert = document.querySelector('.hz-q-notice--urgent');
            const right = alert.getBoundingClientRect().right;
            return [alert, ...alert.querySelectorAll('*')]
                .filter((el) => el.getBoundingClientRect().right > right + 1
                        || (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline'))
                .map((el) => `${el.tagName}.${el.className} ${el.scrollWidth}/${el.clientWidth}`);
        }"""
    )
    assert not too_wide, too_wide
    size = alert.evaluate("(el) => [el.scrollWidth, el.clientWidth]")
    assert size[0] <= size[1], size
