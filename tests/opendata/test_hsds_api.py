"""The HSDS 3.0 read API: valid HSDS everywhere, faithful mapping, filters, and 4xx for bad input."""

import datetime
import json
import re

import pytest

from django.utils import timezone

from opendata import ids, search_adapter
from opendata.profile import KERN, LIFE_SITUATION, PYRAMID_LEVEL, REQUIREMENT
from opendata.validation import problems
from services.models import Organisation, ServicePage
from tests import factories

from .factories import full_service

pytestmark = pytest.mark.django_db


def get_json(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def assert_valid(instance, schema):
    found = problems(instance, schema)
    assert not found, found[:5]


def assert_valid_page(data, item_schema):
    assert set(data) >= {
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
    }
    assert data["size"] == len(data["contents"])
    for item in data["contents"]:
        assert_valid(item, item_schema)


def attributes_of(service, link_type):
    return sorted(a["taxonomy_term"]["code"] for a in service["attributes"] if a["link_type"] == link_type)


# --- Shape and schema validity ---------------------------------------------------------------------


def test_root_names_the_version_profile_and_openapi_document(client):
    data = get_json(client, "/api/hsds/")
    assert data["version"] == "3.0"
    assert data["profile"] == "http://testserver/api/hsds/profile/"
    assert data["openapi_url"] == "http://testserver/api/schema/"
    profile = get_json(client, "/api/hsds/profile/")
    assert profile["hsds_version"] == "3.0"
    assert {t["code"] for t in profile["taxonomies"]} >= {PYRAMID_LEVEL, LIFE_SITUATION, KERN, REQUIREMENT}
    assert get_json(client, "/api/schema/")["openapi"].startswith("3.")


def test_every_demo_service_is_valid_hsds_in_the_list_and_in_full(client):
    listing = get_json(client, "/api/hsds/services?per_page=100")
    assert listing["total_items"] == ServicePage.objects.live().count() == 86
    assert_valid_page(listing, "compiled/service_list.json")
    for item in listing["contents"]:
        full = get_json(client, f"/api/hsds/services/{item['id']}")
        assert_valid(full, "service.json")
        assert_valid(full, "compiled/service_with_definitions.json")


def test_organisations_locations_and_taxonomies_are_valid_hsds(client):
    service = full_service()
    organisations = get_json(client, "/api/hsds/organizations?per_page=100")
    assert_valid_page(organisations, "compiled/organization_list.json")
    for item in organisations["contents"]:
        assert_valid(get_json(client, f"/api/hsds/organizations/{item['id']}"), "organization.json")
    locations = get_json(client, "/api/hsds/service_at_locations")
    assert_valid_page(locations, "compiled/service_at_location_list.json")
    assert locations["total_items"] == 1
    detail = get_json(client, f"/api/hsds/service_at_locations/{locations['contents'][0]['id']}")
    assert_valid(detail, "service_at_location.json")
    assert detail["service"]["id"] == ids.service_id(service.slug)
    taxonomies = get_json(client, "/api/hsds/taxonomies")
    assert_valid_page(taxonomies, "taxonomy.json")
    for item in taxonomies["contents"]:
        assert_valid(get_json(client, f"/api/hsds/taxonomies/{item['id']}"), "taxonomy.json")
    terms = get_json(client, "/api/hsds/taxonomy_terms?per_page=100")
    assert_valid_page(terms, "taxonomy_term.json")
    assert_valid(
        get_json(client, f"/api/hsds/taxonomy_terms/{terms['contents'][0]['id']}"), "taxonomy_term.json"
    )


# --- Mapping ---------------------------------------------------------------------------------------


def test_a_full_service_maps_every_field_faithfully(client):
    page = full_service()
    data = get_json(client, f"/api/hsds/services/{ids.service_id(page.slug)}")
    assert_valid(data, "service.json")
    assert (data["minimum_age"], data["maximum_age"]) == (18, 67)
    assert data["assured_date"] == "2025-03-01"
    assert data["status"] == "active" and "alert" not in data
    assert data["url"] == "https://example.org/hulp"
    assert data["application_process"] == "Loop binnen op maandagochtend."
    assert data["organization"]["name"] == "Testorganisatie"
    assert [p["number"] for p in data["organization"]["phones"]] == ["0174 111111"]
    assert {(p["type"], p["number"]) for p in data["phones"]} == {
        ("voice", "0174 222222"),
        ("text", "06 12345678"),
    }
    assert [(lang["name"], lang.get("code")) for lang in data["languages"]] == [
        ("Nederlands", "nl"),
        ("Pools", "pl"),
    ]
    assert [d["document"] for d in data["required_documents"]] == [
        "Je legitimatiebewijs",
        "De brief van de gemeente",
    ]
    assert data["cost_options"][0]["amount"] == 0
    assert data["contacts"] == []
    assert sorted(area["name"] for area in data["service_areas"]) == ["Monster", "Naaldwijk"]
    assert attributes_of(data, "kern_served") == ["monster", "naaldwijk"]
    assert attributes_of(data, "residence_kern") == ["naaldwijk"]
    assert attributes_of(data, "pyramid_level") == ["maatwerk"]
    assert attributes_of(data, "life_situation") == ["geld-en-schulden"]
    assert attributes_of(data, "target_group") == ["mantelzorgers"]
    assert attributes_of(data, "requirement") == ["mantelzorger", "verwijzing"]
    assert attributes_of(data, "access_channel") == ["inloop", "telefoon"]
    assert attributes_of(data, "service_flag") == ["regional"]
    income = [a for a in data["attributes"] if a["link_type"] == "income_rule"]
    assert income[0]["taxonomy_term"]["code"] == "low_income" and income[0]["value"] == "120"
    assert data["hulpzoeker"]["page_url"].endswith("/hulp/test-volledige-dienst/")

    (link,) = data["service_at_locations"]
    location = link["location"]
    assert location["addresses"][0]["city"] == "Naaldwijk"
    assert location["addresses"][0]["postal_code"] == "2671 AB"
    assert location["accessibility"][0]["details"] == "partly"
    assert (location["latitude"], location["longitude"]) == (51.993, 4.209)
    assert location["hulpzoeker"]["hours_note"] == "In de schoolvakanties andere tijden."
    weekly = {s["byday"]: s for s in location["schedules"] if s.get("freq") == "WEEKLY"}
    assert (weekly["MO"]["opens_at"], weekly["MO"]["closes_at"]) == ("09:00", "12:00")
    assert attributes_of(weekly["MO"], "opening_kind") == ["inloop"]
    assert weekly["MO"]["description"].startswith("Inloop")
    assert attributes_of(weekly["WE"], "opening_kind") == ["telefonisch"]
    assert weekly["WE"]["attending_type"] == "phone"
    dated = {s["valid_from"]: s for s in location["schedules"] if "valid_from" in s}
    assert attributes_of(dated["2030-12-25"], "schedule_flag") == ["closed_all_day"]
    assert "opens_at" not in dated["2030-12-25"] and dated["2030-12-25"]["notes"] == "Eerste Kerstdag"
    assert (dated["2030-12-24"]["opens_at"], dated["2030-12-24"]["valid_to"]) == ("09:00", "2030-12-24")
    assert attributes_of(dated["2030-12-24"], "opening_kind") == ["op_afspraak"]


@pytest.mark.parametrize(
    "status, alert, expected",
    [
        ("temporarily_closed", "Dicht tot 1 maart. Ga naar de bibliotheek.", "temporarily closed"),
        ("ended", "", "defunct"),
    ],
)
def test_status_is_mapped_with_its_alert(client, status, alert, expected):
    page = factories.ServicePageFactory(status=status, status_alert=alert)
    data = get_json(client, f"/api/hsds/services/{ids.service_id(page.slug)}")
    assert data["status"] == expected
    assert data.get("alert", "") == alert


def test_drafts_restricted_pages_and_unpublished_changes_never_appear(client):
    from wagtail.models import PageViewRestriction

    draft = factories.ServicePageFactory(live=False, title="Conceptdienst")
    restricted = factories.ServicePageFactory(title="Afgeschermde dienst")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    published = factories.ServicePageFactory(title="Gepubliceerde titel")
    published.title = "Nog niet gepubliceerde titel"
    published.save_revision()
    body = json.dumps(get_json(client, "/api/hsds/services?per_page=100"), ensure_ascii=False)
    body += json.dumps(get_json(client, "/api/hsds/services?per_page=100&page=2"), ensure_ascii=False)
    assert "Gepubliceerde titel" in body
    for hidden in ("Conceptdienst", "Afgeschermde dienst", "Nog niet gepubliceerde titel"):
        assert hidden not in body
    for page in (draft, restricted):
        get_json(client, f"/api/hsds/services/{ids.service_id(page.slug)}", status=404)


def test_ids_are_stable_uuid5_values_and_are_accepted_in_any_case(client):
    # A changed namespace or naming scheme would silently change every published id.
    expected = "c5d233d6-d026-526f-b450-de7c62ef3455"
    assert ids.service_id("taalhuis") == expected
    data = get_json(client, f"/api/hsds/services/{expected.upper()}")
    assert data["id"] == expected


# --- Filters ---------------------------------------------------------------------------------------


def test_search_uses_the_search_layer_order(client, monkeypatch):
    wanted = list(
        ServicePage.objects.live().filter(slug__in=["taalhuis", "schuldhulpmaatje", "jongerenwerk"])
    )
    order = [wanted[2].pk, wanted[0].pk, wanted[1].pk]
    monkeypatch.setattr(search_adapter, "ranked_service_ids", lambda text: order)
    monkeypatch.setattr("opendata.queries.ranked_service_ids", lambda text: order)
    data = get_json(client, "/api/hsds/services?search=iets")
    assert [item["hulpzoeker"]["slug"] for item in data["contents"]] == [wanted[i].slug for i in (2, 0, 1)]


def test_search_falls_back_to_wagtail_search_when_the_search_app_has_no_retrieval(client):
    data = get_json(client, "/api/hsds/services?search=schulden&per_page=5")
    assert data["total_items"] >= 1
    assert any("schuld" in item["name"].lower() for item in data["contents"])


def test_filters_combine(client):
    page = full_service()
    term = ids.taxonomy_term_id(REQUIREMENT, "mantelzorger")
    org = ids.organization_id("test-organisatie")
    data = get_json(client, f"/api/hsds/services?taxonomy_term_id={term}&organization_id={org}")
    assert [item["id"] for item in data["contents"]] == [ids.service_id(page.slug)]
    requirement_taxonomy = ids.taxonomy_id(REQUIREMENT)
    with_requirements = get_json(
        client, f"/api/hsds/services?taxonomy_id={requirement_taxonomy}&per_page=100"
    )
    assert ids.service_id(page.slug) in {item["id"] for item in with_requirements["contents"]}
    assert with_requirements["total_items"] < 87
    youth = ids.taxonomy_term_id(PYRAMID_LEVEL, "sociale_basis")
    none = get_json(client, f"/api/hsds/services?taxonomy_term_id={youth}&organization_id={org}")
    assert none["total_items"] == 0 and none["empty"] is True


def test_modified_after_filters_on_the_published_version(client):
    page = full_service()
    ServicePage.objects.exclude(pk=page.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=30)
    )
    since = (timezone.now() - datetime.timedelta(days=1)).date().isoformat()
    data = get_json(client, f"/api/hsds/services?modified_after={since}")
    assert [item["id"] for item in data["contents"]] == [ids.service_id(page.slug)]
    aware = (timezone.now() - datetime.timedelta(hours=2)).isoformat().replace("+00:00", "Z")
    assert get_json(client, f"/api/hsds/services?modified_after={aware}")["total_items"] == 1


def test_service_at_locations_filter_by_kern_and_postcode(client):
    full_service()
    in_naaldwijk = get_json(client, "/api/hsds/service_at_locations?kern=naaldwijk")
    assert in_naaldwijk["total_items"] == 1
    assert get_json(client, "/api/hsds/service_at_locations?kern=monster")["total_items"] == 0
    # 2681 is Monster: the service is for Monster too, so its location in Naaldwijk is listed.
    assert get_json(client, "/api/hsds/service_at_locations?postcode=2681")["total_items"] == 1
    assert get_json(client, "/api/hsds/service_at_locations?postcode=1011 AB")["total_items"] == 0


def test_pagination_is_bounded_and_consistent(client):
    first = get_json(client, "/api/hsds/services?per_page=40")
    last = get_json(client, "/api/hsds/services?per_page=40&page=3")
    beyond = get_json(client, "/api/hsds/services?per_page=40&page=9")
    assert (first["total_pages"], first["first_page"], first["last_page"]) == (3, True, False)
    assert (last["size"], last["last_page"]) == (6, True)
    assert beyond["contents"] == [] and beyond["empty"] is False
    default = get_json(client, "/api/hsds/services")
    assert default["size"] == 50


@pytest.mark.parametrize(
    "path, status, parameter",
    [
        ("/api/hsds/services?per_page=100000", 400, "per_page"),
        ("/api/hsds/services?per_page=0", 400, "per_page"),
        ("/api/hsds/services?page=-1", 400, "page"),
        ("/api/hsds/services?page=abc", 400, "page"),
        ("/api/hsds/services?modified_after=2024-13-45", 400, "modified_after"),
        ("/api/hsds/services?modified_after=yesterday", 400, "modified_after"),
        ("/api/hsds/services?modified_after=9999-12-31T23:59:59-14:00", 400, "modified_after"),
        ("/api/hsds/services?taxonomy_term_id=00000000-0000-0000-0000-000000000000", 400, "taxonomy_term_id"),
        ("/api/hsds/services?taxonomy_id=geld", 400, "taxonomy_id"),
        ("/api/hsds/services?organization_id=vitis", 400, "organization_id"),
        ("/api/hsds/services?search=" + "a" * 201, 400, "search"),
        ("/api/hsds/services?search=%00", 400, "search"),
        ("/api/hsds/service_at_locations?kern=atlantis", 400, "kern"),
        ("/api/hsds/service_at_locations?kern=%00", 400, "kern"),
        ("/api/hsds/service_at_locations?postcode=abc", 400, "postcode"),
        ("/api/hsds/taxonomy_terms?taxonomy_id=x", 400, "taxonomy_id"),
        ("/api/hsds/services/not-a-uuid", 404, None),
        ("/api/hsds/services/00000000-0000-0000-0000-000000000000", 404, None),
        ("/api/hsds/organizations/00000000-0000-0000-0000-000000000000", 404, None),
        ("/api/hsds/service_at_locations/x", 404, None),
        ("/api/hsds/taxonomies/x", 404, None),
        ("/api/hsds/taxonomy_terms/x", 404, None),
        ("/api/hsds/programs", 404, None),
    ],
)
def test_bad_input_answers_4xx_with_a_json_message(client, path, status, parameter):
    data = get_json(client, path, status=status)
    assert data["status"] == status and data["message"]
    assert data.get("parameter") == parameter


@pytest.mark.parametrize(
    "path",
    ["/api/hsds/", "/api/hsds/services", "/api/hsds/taxonomies/", "/api/hsds/programs", "/api/schema/"],
)
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_only_get_and_head_are_allowed(client, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 405 and response.json()["error"] == "method_not_allowed"
    assert response["Allow"] == "GET, HEAD"
    assert client.head(path).status_code in (200, 404)


@pytest.mark.parametrize(
    "path",
    [
        "/api/hsds/profile",
        "/api/hsds/profile/",
        "/api/hsds/services/",
        "/api/hsds/organizations/",
        "/api/hsds/service_at_locations/",
        "/api/hsds/taxonomies/",
        "/api/hsds/taxonomy_terms/",
    ],
)
def test_a_trailing_slash_is_optional(client, path):
    get_json(client, path)


def test_the_openapi_document_lists_every_route_and_nothing_else(client):
    from hulpzoeker.api import api

    document = get_json(client, "/api/schema/")
    routed = set()
    for pattern in api.urls[0]:
        route = "/api/" + str(pattern.pattern)
        if "<path:" in route or route == "/api/schema/":
            continue  # the JSON 404 for anything else, and the document itself
        routed.add(re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route))
    documented = set(document["paths"])
    assert documented == {
        "/api/hsds/",
        "/api/hsds/profile/",
        "/api/hsds/services",
        "/api/hsds/services/{id}",
        "/api/hsds/organizations",
        "/api/hsds/organizations/{id}",
        "/api/hsds/service_at_locations",
        "/api/hsds/service_at_locations/{id}",
        "/api/hsds/taxonomies",
        "/api/hsds/taxonomies/{id}",
        "/api/hsds/taxonomy_terms",
        "/api/hsds/taxonomy_terms/{id}",
        "/api/v1/search",
        "/api/v1/suggestions",
    }
    # Every route is documented; the only undocumented ones are the other spelling of a trailing slash.
    assert {path.rstrip("/") for path in routed} == {path.rstrip("/") for path in documented}
    assert document["servers"] == [{"url": "http://testserver"}]
    assert document["paths"]["/api/hsds/services/{id}"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"] == {"$ref": "#/components/schemas/hsds_service"}


def test_url_in_both_json_apis_is_documented_as_absolute(client):
    schemas = get_json(client, "/api/schema/")["components"]["schemas"]
    for name in ("SearchResult", "Suggestion"):
        assert "Absolute URL" in schemas[name]["properties"]["url"]["description"]


# --- Caching and sameness --------------------------------------------------------------------------


def test_responses_are_public_short_cached_and_the_same_for_partners(client, partner):
    page = full_service()
    paths = [
        "/api/hsds/",
        "/api/hsds/services?per_page=100",
        f"/api/hsds/services/{ids.service_id(page.slug)}",
        "/api/hsds/organizations",
        f"/api/hsds/organizations/{ids.organization_id('test-organisatie')}",
        "/api/hsds/service_at_locations",
        "/api/hsds/taxonomy_terms",
        "/api/schema/",
    ]
    anonymous = {}
    for path in paths:
        response = client.get(path)
        assert response["Cache-Control"] == "public, max-age=300"
        assert "Cookie" not in response.get("Vary", "")
        assert not response.cookies
        anonymous[path] = response.content
    client.force_login(partner)
    for path in paths:
        response = client.get(path)
        assert response.content == anonymous[path], path
        # The idle limit renews the partner's session cookie on every request; a response that sets a
        # cookie is never publicly cached (hulpzoeker.middleware), the content is the same for everyone.
        assert response["Cache-Control"] == "private, no-store"


def test_organisations_without_published_services_are_not_listed(client):
    factories.OrganisationFactory(slug="alleen-concept", name="Alleen een concept")
    factories.ServicePageFactory(live=False, organisation=Organisation.objects.get(slug="alleen-concept"))
    names = {o["name"] for o in get_json(client, "/api/hsds/organizations?per_page=100")["contents"]}
    assert "Alleen een concept" not in names
    assert "Gemeente Westland" in names
