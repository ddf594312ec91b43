"""schema.org JSON-LD of service pages: valid JSON, the right types, public data only."""

import json
import re

import pytest

from django.template import Context, Template
from django.test import RequestFactory

from opendata.templatetags.structured_data import jsonld_script, service_structured_data
from services.models import ServicePage
from tests import factories

from .factories import MARKER, MARKER_EMAIL, MARKER_PHONE, full_service

pytestmark = pytest.mark.django_db


def render_jsonld(page):
    request = RequestFactory().get(page.url)
    html = Template("{% load structured_data %}{% service_jsonld page %}").render(
        Context({"page": page, "request": request})
    )
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html, re.S)
    assert match, html
    return html, json.loads(match.group(1))


def test_a_municipal_service_is_a_government_service_with_channels_hours_and_audience():
    page = full_service()
    html, data = render_jsonld(page)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Testdienst met alles"
    assert data["url"].endswith("/hulp/test-volledige-dienst/")
    assert data["provider"] == {
        "@type": "GovernmentOrganization",
        "name": "Testorganisatie",
        "telephone": "0174 111111",
    }
    assert [area["name"] for area in data["areaServed"]] == ["Monster", "Naaldwijk"]
    channels = data["availableChannel"]
    assert {"@type": "ContactPoint", "telephone": "0174 222222"} in [c.get("servicePhone") for c in channels]
    place = next(c["serviceLocation"] for c in channels if "serviceLocation" in c)
    assert place["address"]["postalCode"] == "2671 AB" and place["address"]["addressLocality"] == "Naaldwijk"
    assert all(c["availableLanguage"] == ["Nederlands", "Pools"] for c in channels)
    weekly = [h for h in data["hoursAvailable"] if "dayOfWeek" in h]
    assert {"dayOfWeek": "https://schema.org/Monday", "opens": "09:00", "closes": "12:00"}.items() <= weekly[
        0
    ].items()
    closed = next(h for h in data["hoursAvailable"] if h.get("validFrom") == "2030-12-25")
    assert (closed["opens"], closed["closes"]) == ("00:00", "00:00")
    assert data["audience"] == {
        "@type": "PeopleAudience",
        "audienceType": "Mantelzorgers",
        "suggestedMinAge": 18,
        "suggestedMaxAge": 67,
    }
    assert data["offers"]["price"] == 0
    for secret in (MARKER, MARKER_PHONE, MARKER_EMAIL):
        assert secret not in html


def test_other_providers_give_a_service_for_all_of_westland():
    page = ServicePage.objects.get(slug="taalhuis")
    _html, data = render_jsonld(page)
    assert data["@type"] == "Service"
    assert data["provider"]["@type"] == "Organization"
    assert data["areaServed"] == {"@type": "AdministrativeArea", "name": "Gemeente Westland"}


def test_text_cannot_close_the_script_element():
    page = factories.ServicePageFactory(title="Hulp </script><script>alert(1)</script> & meer")
    html, data = render_jsonld(page)
    assert html.count("</script>") == 1
    assert "<script>alert" not in html
    assert data["name"] == "Hulp </script><script>alert(1)</script> & meer"
    assert "\\u003c/script\\u003e" in jsonld_script({"x": "</script>"})


def test_structured_data_is_plain_json_serialisable():
    json.dumps(service_structured_data(ServicePage.objects.get(slug="sociaal-kernteam")))
