"""Text is capped at the door: the search API refuses an overlong q and its OpenAPI says so."""

import pytest

from search.understanding import MAX_QUERY_CHARS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("length", "status"), [(MAX_QUERY_CHARS, 200), (MAX_QUERY_CHARS + 1, 400), (100_000, 400)]
)
def test_the_search_api_refuses_q_over_its_limit_with_json(client, length, status):
    response = client.get("/api/v1/search", {"q": "a" * length})
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")


def test_the_openapi_document_gives_q_its_max_length(client):
    schema = client.get("/api/schema/").json()
    (q,) = [p for p in schema["paths"]["/api/v1/search"]["get"]["parameters"] if p["name"] == "q"]
    assert q["schema"]["maxLength"] == MAX_QUERY_CHARS
