"""Zero axe-core violations on every public template, in the real Chromium; keyboard use."""

import pytest

from tests.browser_site import SPECIAL_SLUGS
from tests.conftest import format_violations

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/hulp/",
    "/hulp/thema/geld-en-schulden/",
    "/hulp/thema/mantelzorg/",
    "/hulp/buurtinformatiepunt/",
    "/hulp/jongerenwerk/",
    "/hulp/wmo-hulp-bij-het-huishouden/",
    "/crisis/",
    "/deze-pagina-bestaat-niet/",
] + [f"/hulp/{slug}/" for slug in SPECIAL_SLUGS.values()]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [1280, 320])
def test_public_page_has_no_axe_violations(site_server, page, axe, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(site_server.url + path)
    assert response.status in (200, 404)
    violations = axe(page)
    assert not violations, format_violations(violations)


@pytest.mark.parametrize("path", ["/", "/hulp/thema/geld-en-schulden/", "/hulp/buurtinformatiepunt/"])
def test_page_reflows_at_320_pixels_without_horizontal_scrolling(site_server, page, path):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site_server.url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_first_tab_reaches_the_skip_link_and_it_moves_focus_to_the_content(site_server, page):
    page.goto(site_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "({text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert focused["href"] == "#inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_every_life_situation_tile_is_reachable_by_keyboard_with_a_visible_focus(site_server, page):
    page.goto(site_server.url + "/")
    tile_hrefs = set(
        page.eval_on_selector_all(".hz-tile__link", "els => els.map(e => e.getAttribute('href'))")
    )
    assert len(tile_hrefs) == 16
    reached = set()
    for _ in range(120):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const el = document.activeElement;
                // The whole tile is the click target, so the focus ring is drawn around the tile.
                const style = getComputedStyle(el.closest('.hz-tile') || el);
                return {href: el.getAttribute('href'), tile: el.classList.contains('hz-tile__link'),
                        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                        shadow: style.boxShadow !== 'none'};
            }"""
        )
        if info["tile"]:
            assert info["outline"] or info["shadow"], f"no visible focus on {info['href']}"
            reached.add(info["href"])
        if reached == tile_hrefs:
            break
    assert reached == tile_hrefs


def test_crisis_numbers_are_one_tap_away_on_every_page(site_server, page):
    for path in ["/", "/hulp/jongerenwerk/", "/deze-pagina-bestaat-niet/"]:
        page.goto(site_server.url + path)
        hrefs = page.eval_on_selector_all("a[href^='tel:']", "els => els.map(e => e.getAttribute('href'))")
        assert {"tel:112", "tel:08000113", "tel:08002000"} <= set(hrefs), path


def test_the_site_makes_no_third_party_requests(site_server, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["/", "/hulp/buurtinformatiepunt/"]:
        page.goto(site_server.url + path)
    outside = [
        url for url in requested if not url.startswith(site_server.url) and not url.startswith("data:")
    ]
    assert not outside


@pytest.mark.parametrize(("path", "status"), [("/hulpwijzer/lijst/", 200), ("/hulpwijzer/lijst/?d=abc", 400)])
def test_the_qr_list_page_has_no_axe_violations_also_for_a_broken_link(site_server, page, axe, path, status):
    response = page.goto(site_server.url + path)
    assert response.status == status
    violations = axe(page)
    assert not violations, format_violations(violations)
