"""sitemap.xml lists live public pages; robots.txt keeps crawlers out of the APIs without naming the admin."""

import xml.etree.ElementTree as ET

import pytest

from wagtail.models import PageViewRestriction

from services.models import LifeSituation, ServiceIndexPage, ServicePage
from tests import factories

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=3600"
    root = ET.fromstring(response.content)
    return [element.text for element in root.findall("s:url/s:loc", NS)]


def test_the_sitemap_lists_live_public_pages_and_situation_lists(client):
    draft = factories.ServicePageFactory(live=False, slug="concept-dienst")
    restricted = factories.ServicePageFactory(slug="afgeschermde-dienst")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    ended = factories.ServicePageFactory(slug="gestopte-dienst", status="ended")
    locations = sitemap_locations(client)
    paths = {loc.removeprefix("http://testserver") for loc in locations}
    assert all(loc.startswith("http://testserver/") for loc in locations)
    assert "/" in paths and "/crisis/" in paths
    index_page = ServiceIndexPage.objects.get()
    assert index_page.url in paths
    assert {index_page.situation_url(s) for s in LifeSituation.objects.all()} <= paths
    assert {p.url for p in ServicePage.objects.live().exclude(pk__in=[restricted.pk, ended.pk])} <= paths
    for hidden in (draft, restricted, ended):
        assert not any(hidden.slug in path for path in paths)
    assert not any(path.startswith(("/beheer/", "/api/", "/partners/")) for path in paths)


def test_robots_txt_allows_all_but_the_apis_and_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert [line for line in lines if line.startswith("Disallow:")] == ["Disallow: /api/"]
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_names_no_login_doors_they_say_noindex_themselves(client):
    # Finding 8 of issue 12: a list of disallowed paths tells attackers where the doors are.
    text = client.get("/robots.txt").content.decode()
    assert "/beheer" not in text and "/partners" not in text
    for door in ("/beheer/login/", "/partners/inloggen/"):
        assert "noindex" in client.get(door)["X-Robots-Tag"]
