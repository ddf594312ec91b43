"""POST /api/v1/suggestions: the contract of DESIGN.md, every kind of bad input, and random JSON."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

URL = "/api/v1/suggestions"


def post(client, body, **extra):
    if not isinstance(body, bytes | str):
        body = json.dumps(body)
    return client.post(URL, body, content_type="application/json", **extra)


def test_a_full_valid_request_answers_the_contract(client, demo_data):
    response = post(
        client,
        {
            "kern": "monster",
            "age": 72,
            "household": "alone",
            "income": "low",
            "situations": ["geld-en-schulden", "eenzaamheid-en-ontmoeting"],
            "roles": [],
            "children_ages": [],
            "text": "rekeningen",
            "lang": "nl",
        },
    )
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"suggestions", "fallback"}
    assert data["suggestions"]
    for item in data["suggestions"]:
        assert set(item) == {
            "id",
            "slug",
            "name",
            "url",
            "organisation",
            "pyramid_level",
            "eligibility",
            "reasons",
            "next_step",
            "kernen",
        }
        assert item["eligibility"] in ("eligible", "likely", "unknown")
        assert all(isinstance(reason, str) and reason for reason in item["reasons"])
        assert isinstance(item["kernen"], list)
    assert [s["slug"] for s in data["fallback"]["services"]] == [
        "buurtinformatiepunt",
        "formulierenbrigade",
        "sociaal-kernteam",
    ]
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_every_field_is_optional(client, demo_data):
    response = post(client, {})
    assert response.status_code == 200
    assert response.json()["suggestions"] == []
    assert response.json()["fallback"]["services"]


def test_services_the_resident_clearly_does_not_qualify_for_are_left_out(client, demo_data):
    data = post(
        client, {"age": 67, "situations": ["opvoeden-en-opgroeien", "vrijwilligerswerk-en-meedoen"]}
    ).json()
    assert "jongerenwerk" not in [s["slug"] for s in data["suggestions"]]
    data = post(client, {"age": 16, "situations": ["opvoeden-en-opgroeien"]}).json()
    assert "jongerenwerk" in [s["slug"] for s in data["suggestions"]]


def test_roles_given_means_roles_known(client, demo_data):
    without = post(client, {"situations": ["mantelzorg"]}).json()["suggestions"]
    assert {s["slug"]: s["eligibility"] for s in without}["mantelzorgsteunpunt"] == "unknown"
    none = post(client, {"situations": ["mantelzorg"], "roles": []}).json()["suggestions"]
    assert "mantelzorgsteunpunt" not in [s["slug"] for s in none]
    carer = post(client, {"situations": ["mantelzorg"], "roles": ["mantelzorger"]}).json()["suggestions"]
    assert {s["slug"]: s["eligibility"] for s in carer}["mantelzorgsteunpunt"] == "eligible"


def test_reasons_follow_lang(client, demo_data):
    body = {"situations": ["mantelzorg"], "roles": ["mantelzorger"]}
    dutch = post(client, {**body, "lang": "nl"}).json()["suggestions"][0]["reasons"]
    english = post(client, {**body, "lang": "en"}).json()["suggestions"][0]["reasons"]
    assert any("Dit gaat over" in reason for reason in dutch)
    assert any("This is about" in reason for reason in english)


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"kern": "atlantis"}, {"kern"}),
        ({"kern": 3}, {"kern"}),
        ({"age": "72"}, {"age"}),
        ({"age": 72.5}, {"age"}),
        ({"age": True}, {"age"}),
        ({"age": -1}, {"age"}),
        ({"age": 10**30}, {"age"}),
        ({"household": "castle"}, {"household"}),
        ({"income": 1000}, {"income"}),
        ({"income": "high"}, {"income"}),
        ({"situations": "geld-en-schulden"}, {"situations"}),
        ({"situations": ["geld-en-schulden", "nope"]}, {"situations"}),
        ({"situations": [["geld-en-schulden"]]}, {"situations"}),
        ({"situations": ["geld-en-schulden"] * 21}, {"situations"}),
        ({"roles": ["king"]}, {"roles"}),
        ({"roles": {"mantelzorger": True}}, {"roles"}),
        ({"children_ages": [4, "9"]}, {"children_ages"}),
        ({"children_ages": [400]}, {"children_ages"}),
        ({"text": 12}, {"text"}),
        ({"text": "x" * 501}, {"text"}),
        ({"text": "a\x00b"}, {"text"}),
        ({"lang": "de"}, {"lang"}),
        ({"urgency": "now"}, {"urgency"}),
        ({"for_whom": "cat"}, {"for_whom"}),
        ({"situation": ["geld-en-schulden"]}, {"situation"}),
        ({"kern": "mars", "age": "old", "colour": "blue"}, {"kern", "age", "colour"}),
    ],
)
def test_each_invalid_field_answers_400_listing_the_fields(client, demo_data, body, fields):
    response = post(client, body)
    assert response.status_code == 400
    data = response.json()
    assert data["error"]
    assert set(data["fields"]) == fields
    assert all(isinstance(message, str) and message for message in data["fields"].values())


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", b"not json", b"[1, 2]", b'"text"', b"null", b"\xff\xfe", b"[" * 5000 + b"]" * 5000, b"NaN"],
)
def test_a_body_that_is_not_a_json_object_answers_400(client, demo_data, raw):
    response = client.post(URL, raw, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]
    assert "body" in response.json()["fields"]


def test_a_body_over_10_kb_answers_413(client, demo_data):
    response = post(client, {"text": "x" * 20_000})
    assert response.status_code == 413
    assert response.json()["error"]


def test_get_answers_405_with_json(client, demo_data):
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json()["error"]


def test_no_csrf_token_is_needed(demo_data):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = post(strict, {"situations": ["vervoer"]})
    assert response.status_code == 200


def test_null_counts_as_absent(client, demo_data):
    response = post(client, {"kern": None, "age": None, "situations": None, "text": None})
    assert response.status_code == 200


def test_a_crisis_text_puts_crisis_lines_first(client, demo_data):
    data = post(
        client,
        {"situations": ["psychische-gezondheid"], "urgency": "cant_cope", "lang": "nl"},
    ).json()
    first = data["suggestions"][0]["slug"]
    assert first in ("113-zelfmoordpreventie", "crisisdienst-ggz", "veilig-thuis")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
field_names = st.sampled_from(
    ["kern", "age", "household", "income", "situations", "roles", "children_ages", "text", "lang", "urgency"]
)
near_valid = st.dictionaries(
    field_names,
    json_values
    | st.sampled_from(["monster", "alone", "low", "bijstand", "nl", "cant_cope", "mantelzorger"])
    | st.lists(
        st.sampled_from(["geld-en-schulden", "mantelzorg", "vervoer", "mantelzorger", "x"]), max_size=3
    )
    | st.integers(min_value=-5, max_value=130),
    max_size=6,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=json_values | near_valid)
def test_random_json_never_causes_a_server_error(client, demo_data, body):
    response = post(client, body)
    assert response.status_code in (200, 400)
    data = response.json()
    if response.status_code == 200:
        assert isinstance(data["suggestions"], list)
    else:
        assert data["error"] and isinstance(data["fields"], dict)


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_other_methods_answer_a_json_405(client, demo_data, method):
    response = getattr(client, method)(URL, "{}", content_type="application/json")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json()["error"]


def test_urls_are_absolute_like_in_the_search_api(client, demo_data):
    data = post(client, {"situations": ["mantelzorg"], "roles": ["mantelzorger"]}).json()
    assert data["suggestions"]
    assert all(s["url"].startswith("http://testserver/") for s in data["suggestions"])
    assert all(s["url"].startswith("http://testserver/") for s in data["fallback"]["services"])
