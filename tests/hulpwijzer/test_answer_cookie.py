"""Post/Redirect/Get with the encrypted answer cookie: Back and reload are plain GETs, the cookie is opaque,
short-lived, scoped to the questionnaire and set only once the resident answers."""

import re
import time

import pytest

from django.http import QueryDict
from django.test import override_settings
from django.urls import reverse

from hulpwijzer import answer_cookie
from hulpwijzer.steps import STEP_KEYS

from .helpers import START, Questionnaire

NAMES = ("situations", "text", "age", "together")


def checked(response, name):
    html = response.content.decode()
    return set(re.findall(rf'name="{name}" value="([^"]*)" id="[^"]*" checked', html))


def query(**values):
    data = QueryDict(mutable=True)
    for name, value in values.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


def test_a_cookie_value_round_trips_and_is_opaque():
    value = answer_cookie.encode(query(situations=["mantelzorg", "vervoer"], text="Mijn moeder"), NAMES)
    assert "mantelzorg" not in value and "moeder" not in value.lower()
    data = answer_cookie.decode(value)
    assert data.getlist("situations") == ["mantelzorg", "vervoer"]
    assert data["text"] == "Mijn moeder"


def test_a_cookie_keeps_only_the_answer_fields():
    value = answer_cookie.encode(query(text="a", step="age", action="next", csrfmiddlewaretoken="x"), NAMES)
    assert set(answer_cookie.decode(value)) == {"text"}


@pytest.mark.parametrize(
    ("age_seconds", "readable"),
    [(0, True), (answer_cookie.IDLE_SECONDS - 60, True), (answer_cookie.IDLE_SECONDS + 1, False)],
)
def test_a_cookie_is_worthless_after_the_idle_time(age_seconds, readable):
    payload = b'[["text", "oud"]]'
    token = answer_cookie._fernet().encrypt_at_time(payload, int(time.time()) - age_seconds).decode()
    assert (answer_cookie.decode(token) is not None) == readable


@pytest.mark.parametrize("value", ["", "nonsense", "gAAAAAB" + "A" * 100])
def test_a_forged_or_broken_cookie_counts_as_no_answers(value):
    assert answer_cookie.decode(value) is None


def test_a_cookie_made_under_another_secret_key_is_not_read():
    value = answer_cookie.encode(query(text="geheim"), NAMES)
    with override_settings(SECRET_KEY="another-key"):
        assert answer_cookie.decode(value) is None
    with override_settings(SECRET_KEY="another-key", SECRET_KEY_FALLBACKS=["test-only-insecure-key"]):
        assert answer_cookie.decode(value)["text"] == "geheim"


def test_the_largest_valid_answers_fit_in_one_cookie():
    # 200 four-byte characters, every subject and every special situation: still below the browser limit.
    data = query(
        situations=[f"levensgebied-met-een-lange-naam-{n}" for n in range(20)],
        text="😀" * 200,
        age="120",
        together="1",
    )
    value = answer_cookie.encode(data, NAMES)
    assert value and len(value) <= answer_cookie.MAX_VALUE_BYTES
    assert answer_cookie.decode(value)["text"] == "😀" * 200


def test_a_tampered_oversized_form_falls_back_to_the_valid_answers():
    data = query(situations=[f"{n}-" + "x" * 290 for n in range(40)], text="y" * 5000)
    value = answer_cookie.encode(data, NAMES, fallback=[("age", "70")])
    assert answer_cookie.decode(value) == query(age="70")


def test_the_start_page_sets_no_answer_cookie_and_the_first_answer_does(client, demo_data):
    client.get(START)
    assert answer_cookie.COOKIE_NAME not in client.cookies
    response = client.post(START, {"step": "about", "action": "next", "situations": ["vervoer"]})
    assert response.status_code == 303
    assert response["Location"] == "/hulpwijzer/vraag/for_whom/"
    assert answer_cookie.COOKIE_NAME in response.cookies


@pytest.mark.parametrize(
    ("post", "location"),
    [
        ({"step": "about", "action": "next"}, "/hulpwijzer/vraag/for_whom/"),
        ({"step": "kern", "action": "back"}, "/hulpwijzer/vraag/for_whom/"),
        ({"step": "for_whom", "action": "back"}, "/hulpwijzer/"),
        ({"step": "for_whom", "action": "back", "together": "1"}, "/hulpwijzer/samen/"),
        ({"step": "urgency", "action": "next"}, "/hulpwijzer/controleren/"),
        ({"step": "summary", "action": "edit:income"}, "/hulpwijzer/wijzigen/income/"),
        ({"step": "income", "action": "next", "return": "summary"}, "/hulpwijzer/controleren/"),
        ({"step": "summary", "action": "results"}, "/hulpwijzer/uitkomst/"),
        ({"step": "age", "action": "next", "age": "zeventig"}, "/hulpwijzer/vraag/age/"),
        (
            {"step": "age", "action": "next", "age": "zeventig", "return": "summary"},
            "/hulpwijzer/wijzigen/age/",
        ),
        ({"step": "nonsense", "action": "next"}, "/hulpwijzer/"),
    ],
)
def test_every_answer_is_answered_with_see_other_to_a_get_address_without_answers(
    client, demo_data, post, location
):
    response = client.post(START, {"situations": ["vervoer"], "age": "70", **post})
    assert response.status_code == 303
    assert response["Location"] == location


def test_reloading_or_going_back_to_a_step_shows_it_again_with_its_answer(q):
    q.start()
    q.submit(situations=["geld-en-schulden"])
    q.submit(for_whom="child")
    assert q.response.request["PATH_INFO"] == "/hulpwijzer/vraag/kern/"
    # The browser's Back is a GET of the earlier address; nothing is POSTed again.
    for url in ("/hulpwijzer/vraag/for_whom/", START, "/hulpwijzer/vraag/for_whom/"):
        response = q.client.get(url)
        assert response.status_code == 200
    assert response.context["step"].key == "for_whom"
    assert checked(response, "for_whom") == {"child"}
    assert checked(q.client.get(START), "situations") == {"geld-en-schulden"}


def test_a_typo_still_shows_its_message_after_the_redirect(q):
    q.start()
    for _ in range(3):
        q.submit()
    response = q.submit(age="zeventig")
    assert response.context["step"].key == "age"
    assert response.context["has_errors"]
    assert 'value="zeventig"' in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/hulpwijzer/vraag/kern/",
        "/hulpwijzer/controleren/",
        "/hulpwijzer/uitkomst/",
        "/hulpwijzer/overdracht/",
    ],
)
def test_a_page_after_the_start_without_answers_goes_back_to_the_start(client, demo_data, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == START


def test_an_unknown_question_address_is_not_found(client, demo_data):
    client.post(START, {"step": "about", "action": "next"})
    assert client.get("/hulpwijzer/vraag/nonsense/").status_code == 404


def test_wiping_deletes_the_answer_cookie(q):
    q.start(together=True)
    q.submit(situations=["vervoer"])
    assert q.client.cookies[answer_cookie.COOKIE_NAME].value
    response = q.client.get(reverse("hulpwijzer:wipe"))
    deleted = response.cookies[answer_cookie.COOKIE_NAME]
    assert deleted.value == "" and deleted["max-age"] == 0 and deleted["path"] == "/hulpwijzer/"
    fresh = q.client.get(response["Location"])
    assert fresh.context["together"]
    assert fresh.context["answers"].situations == ()


def test_together_mode_survives_every_redirect(q):
    q.start(together=True)
    for _ in STEP_KEYS:
        response = q.submit()
        assert response.context["together"]
    response = q.submit(action="results")
    assert response.context["together"]


def test_browser_back_to_the_first_question_is_not_counted_as_a_new_start(q):
    from hulpwijzer.models import QuestionnaireStepCount

    q.start()
    q.submit(situations=["vervoer"])
    q.client.get(START)
    assert QuestionnaireStepCount.objects.get(step="about").count == 1


@pytest.fixture
def q(client, demo_data):
    return Questionnaire(client)
