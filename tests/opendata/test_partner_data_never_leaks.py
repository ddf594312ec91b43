"""Partner-only data never reaches anonymous visitors, in any output.

A distinctive marker goes into every partner-only field (contact person, direct line, e-mail, notes).
Then every public output is collected and searched for the marker text, the number (as typed and as
digits only) and the e-mail address.
"""

import json

import pytest

from django.contrib.auth.models import Group
from django.template import Context, Template
from django.test import RequestFactory

from opendata import exporter, ids
from search.documents import document_for
from services.models import LifeSituation, ServiceIndexPage, ServicePage
from services.selectors import PARTNER_GROUP_NAME
from tests import factories

from .factories import MARKER, MARKER_EMAIL, MARKER_PHONE, full_service

pytestmark = pytest.mark.django_db
SECRETS = (MARKER, MARKER.lower(), MARKER_PHONE, MARKER_PHONE.replace(" ", ""), MARKER_EMAIL)


def assert_clean(name, text):
    for secret in SECRETS:
        assert secret not in text, f"partner-only data ({secret}) in {name}"


@pytest.fixture
def marked_pages():
    """The full test service plus a demo service, both with markers in every partner-only field."""
    page = full_service()
    demo = ServicePage.objects.get(slug="sociaal-kernteam")
    factories.ServicePartnerInfoFactory(
        page=demo,
        contact_person=MARKER,
        direct_line=MARKER_PHONE,
        email=MARKER_EMAIL,
        referral_notes=MARKER,
    )
    return [page, demo]


def test_the_marker_is_really_visible_to_partners(client, marked_pages):
    partner = factories.UserFactory()
    partner.groups.add(Group.objects.get(name=PARTNER_GROUP_NAME))
    client.force_login(partner)
    html = client.get(marked_pages[0].url).content.decode()
    assert MARKER in html and MARKER_PHONE in html


def _html_outputs(client, pages):
    index_page = ServiceIndexPage.objects.get()
    urls = ["/", index_page.url, "/crisis/", "/bestaat-niet/", "/partners/inloggen/"]
    urls += [index_page.situation_url(s) for s in LifeSituation.objects.all()]
    urls += [page.url for page in pages]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        yield url, response.content.decode()


def _api_outputs(client, pages):
    paths = ["/api/hsds/", "/api/hsds/profile/", "/api/schema/", "/api/hsds/taxonomies", "/api/hsds/nope"]
    paths += [f"/api/hsds/services?per_page=100&page={n}" for n in (1, 2)]
    paths += ["/api/hsds/services?search=" + MARKER, "/api/hsds/services?search=Petra"]
    paths += [f"/api/hsds/taxonomy_terms?per_page=100&page={n}" for n in (1, 2)]
    paths += ["/api/hsds/organizations?per_page=100", "/api/hsds/service_at_locations?per_page=100"]
    for page in pages:
        paths.append(f"/api/hsds/services/{ids.service_id(page.slug)}")
        paths.append(f"/api/hsds/organizations/{ids.organization_id(page.organisation.slug)}")
    locations = client.get("/api/hsds/service_at_locations").json()["contents"]
    paths += [f"/api/hsds/service_at_locations/{item['id']}" for item in locations]
    paths += ["/api/v1/search?q=geld", "/api/v1/search?q=" + MARKER, "/api/v1/search?q=Petra"]
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, path
        yield path, response.content.decode()
    for body in ({}, {"situations": ["geld-en-schulden"], "text": "geld"}, {"text": MARKER}):
        response = client.post("/api/v1/suggestions", json.dumps(body), content_type="application/json")
        assert response.status_code < 500
        yield f"POST /api/v1/suggestions {body}", response.content.decode()


def test_no_public_output_contains_partner_only_data(client, marked_pages, tmp_path):
    outputs = list(_html_outputs(client, marked_pages))
    outputs += list(_api_outputs(client, marked_pages))
    for path in ("/sitemap.xml", "/robots.txt"):
        outputs.append((path, client.get(path).content.decode()))
    request = RequestFactory().get("/")
    for page in marked_pages:
        jsonld = Template("{% load structured_data %}{% service_jsonld page %}").render(
            Context({"page": page, "request": request})
        )
        outputs.append((f"JSON-LD of {page.slug}", jsonld))
        document = document_for(page)
        outputs.append((f"search document of {page.slug}", json.dumps(document.as_dict(), default=str)))
    exporter.export_package(tmp_path)
    outputs += [(f"export {file.name}", file.read_text(encoding="utf-8")) for file in tmp_path.iterdir()]

    assert len(outputs) > 40
    for name, text in outputs:
        assert_clean(name, text)


def test_a_partner_visit_does_not_leave_partner_data_for_the_next_visitor(client, marked_pages):
    partner = factories.UserFactory()
    partner.groups.add(Group.objects.get(name=PARTNER_GROUP_NAME))
    client.force_login(partner)
    url = marked_pages[0].url
    assert MARKER in client.get(url).content.decode()
    client.logout()
    assert_clean("page after a partner visit", client.get(url).content.decode())
