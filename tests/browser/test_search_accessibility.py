"""The search page in the real Chromium: zero axe violations, usable with the keyboard alone."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import format_violations

pytestmark = pytest.mark.browser

PAGES = [
    "/zoeken/",
    "/zoeken/?q=schulden",
    "/zoeken/?q=schulden&kern=monster&situation=geld-en-schulden&channel=inloop&cost=gratis&open_now=1",
    "/zoeken/?q=eenzaamhied",
    "/zoeken/?q=qqxzv+wrtpl",
    "/zoeken/?q=schulden&kern=atlantis&page=-1",
    "/zoeken/?page=2",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [1280, 320])
def test_the_search_page_has_no_axe_violations(site_server, page, axe, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(site_server.url + path)
    assert response.status in (200, 400)
    # Open the filters so their fieldsets are checked too.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    violations = axe(page)
    assert not violations, format_violations(violations)


def test_the_search_page_reflows_at_320_pixels(site_server, page):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_server.url + "/zoeken/?q=schulden")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_the_result_count_is_in_a_status_region(site_server, page):
    page.goto(site_server.url + "/zoeken/?q=schulden")
    status = page.locator("[role=status]")
    assert "resultaten voor" in status.inner_text()


def _focused(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {tag: el.tagName, name: el.getAttribute('name'), value: el.value, type: el.type,
                    text: (el.textContent || '').trim(),
                    visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
                             || style.boxShadow !== 'none'};
        }"""
    )


def _tab_to(page, predicate, limit=150):
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = _focused(page)
        if predicate(info):
            return info
    raise AssertionError("never reached the element with the keyboard")


def test_the_filters_can_be_used_with_the_keyboard_alone(site_server, page):
    page.goto(site_server.url + "/zoeken/?q=schulden")
    summary = _tab_to(page, lambda i: i["tag"] == "SUMMARY")
    assert summary["visible"], "no visible focus on the filter toggle"
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('details.hz-filters').open")

    checkbox = _tab_to(page, lambda i: i["name"] == "situation")
    assert checkbox["visible"], "no visible focus on a filter checkbox"
    page.keyboard.press("Space")
    chosen = checkbox["value"]

    button = _tab_to(page, lambda i: i["tag"] == "BUTTON" and i["type"] == "submit")
    assert button["visible"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    params = parse_qs(urlsplit(page.url).query)
    assert params["situation"] == [chosen]
    assert params["q"] == ["schulden"]
    assert page.locator(f"input[name=situation][value={chosen}]").is_checked()


def test_typing_a_search_and_pressing_enter_works_without_a_mouse(site_server, page):
    page.goto(site_server.url + "/zoeken/")
    _tab_to(page, lambda i: i["name"] == "q")
    page.keyboard.type("eenzaam")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=eenzaam" in page.url
    assert page.locator(".hz-result").count() > 0
