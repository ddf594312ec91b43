"""``GET /api/v1/search``: the contract in DESIGN.md, the page's order, 400 JSON for bad input."""

import pytest

from search.retrieval import search_services

from .conftest import slugs

URL = "/api/v1/search"


def test_the_answer_has_exactly_the_documented_shape(search_demo, client):
    response = client.get(URL, {"q": "schulden", "kern": "monster"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert set(data) == {"count", "results", "facets", "suggestion"}
    assert data["count"] > 0 and data["suggestion"] is None
    first = data["results"][0]
    assert set(first) == {"id", "slug", "name", "url", "organisation", "pyramid_level", "kernen", "score"}
    assert first["url"].startswith("http://testserver/")
    assert isinstance(first["kernen"], list) and isinstance(first["score"], float)
    assert set(data["facets"]) == {"kern", "situation", "group", "channel", "cost", "open_now"}
    assert {"value", "label", "count", "selected"} <= set(data["facets"]["situation"][0])


def test_results_are_ordered_as_the_search_page_orders_them(search_demo, client):
    data = client.get(URL, {"q": "mantelzorg", "page": 1}).json()
    assert [r["slug"] for r in data["results"]] == slugs(search_services(text="mantelzorg"))


def test_filters_and_pages_work_through_the_api(search_demo, client):
    data = client.get(URL, {"situation": ["mantelzorg", "vervoer"], "channel": "telefoon", "page": 1}).json()
    expected = search_services(situations=["mantelzorg", "vervoer"], channels=["telefoon"])
    assert data["count"] == expected.count
    second = client.get(URL, {"page": 2}).json()
    assert second["results"] and second["count"] == search_services().count


def test_a_misspelling_comes_back_with_a_suggestion(search_demo, client):
    data = client.get(URL, {"q": "eenzaamhied"}).json()
    assert data["suggestion"] == "eenzaamheid"
    assert data["count"] > 0


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kern": "atlantis"}, "kern"),
        ({"situation": "onbekend"}, "situation"),
        ({"group": "x"}, "group"),
        ({"channel": "postduif"}, "channel"),
        ({"cost": "duur"}, "cost"),
        ({"page": "-1"}, "page"),
        ({"page": "1000000000"}, "page"),
        ({"page": "abc"}, "page"),
    ],
)
def test_unknown_or_absurd_values_answer_400_with_a_json_message(search_demo, client, params, field):
    response = client.get(URL, params)
    assert response.status_code == 400
    data = response.json()
    assert data["error"]
    assert field in data["fields"] and data["fields"][field][0]


def test_strange_text_never_causes_a_server_error(search_demo, client):
    for text in [
        "",
        "   ",
        '"',
        "' OR 1=1 --",
        "NEAR(a b)",
        "*",
        "schuld*",
        "{title}: x",
        "\x00\x01",
        "é" * 300,
        "a" * 20000,
        "🙂🙂",
        "AND OR NOT",
    ]:
        response = client.get(URL, {"q": text})
        # Over 200 characters the API refuses the text (its OpenAPI maxLength) instead of cutting it.
        assert response.status_code == (200 if len(text) <= 200 else 400), text


def test_search_terms_are_not_cached_by_shared_caches(search_demo, client):
    assert "no-store" in client.get(URL, {"q": "schulden"})["Cache-Control"]


def test_other_methods_are_not_allowed(search_demo, client):
    assert client.post(URL, {"q": "schulden"}).status_code == 405


@pytest.mark.parametrize("value", ["misschien", "true", "0", "ja"])
def test_open_now_takes_only_1_and_anything_else_answers_400(search_demo, client, value):
    response = client.get(URL, {"open_now": value})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["fields"]["open_now"][0]


def test_open_now_1_and_empty_are_accepted(search_demo, client):
    assert client.get(URL, {"open_now": "1"}).status_code == 200
    assert client.get(URL, {"open_now": ""}).status_code == 200


def test_an_unknown_value_is_named_in_the_same_dutch_message_as_on_the_page(search_demo, client):
    data = client.get(URL, {"channel": ["telefoon", "postduif"]}).json()
    assert data["fields"]["channel"] == ["De manier “postduif” kennen we niet. Kies er een uit de lijst."]


@pytest.mark.parametrize("method", ["put", "post", "delete", "patch"])
def test_other_methods_answer_a_json_405(search_demo, client, method):
    response = getattr(client, method)(URL)
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response.json()["error"]


def test_result_urls_are_absolute(search_demo, client):
    results = client.get(URL).json()["results"]
    assert results and all(r["url"].startswith("http://testserver/") for r in results)
