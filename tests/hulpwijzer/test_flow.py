"""The Hulpwijzer page by page with the Django test client: steps, back, change, skip, crisis, print."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.urls import reverse

from hulpwijzer.models import QuestionnaireStepCount
from hulpwijzer.steps import STEP_KEYS
from services.models import ServicePage

from .helpers import START, Questionnaire, form_with_class, forms_of, slugs


@pytest.fixture
def q(client, demo_data):
    return Questionnaire(client)


def checked(response, name):
    html = response.content.decode()
    return set(re.findall(rf'name="{name}" value="([^"]*)" id="[^"]*" checked', html))


def test_the_start_page_asks_the_first_question_and_offers_the_crisis_route(q):
    response = q.start()
    html = response.content.decode()
    assert response.context["step"].key == "about"
    assert reverse("hulpwijzer:crisis") in html
    assert "no-store" in response["Cache-Control"]
    assert q.step == "about"


def test_every_form_of_every_page_has_autocomplete_off_and_no_store(q):
    responses = [q.start()]
    for _step in STEP_KEYS:
        responses.append(q.submit())
    responses.append(q.submit(action="results"))
    for response in responses:
        assert "no-store" in response["Cache-Control"]
        for form in forms_of(response):
            if form["method"].lower() == "post":
                assert form["autocomplete"] == "off", form


def test_the_questions_come_one_per_page_in_order_and_end_at_the_summary(q):
    q.start()
    seen = [q.step]
    for _ in range(len(STEP_KEYS)):
        q.submit()
        seen.append(q.step)
    assert seen == [*STEP_KEYS, "summary"]
    assert len(STEP_KEYS) <= 8


def test_each_page_carries_the_earlier_answers_in_hidden_fields_only(q):
    q.start()
    q.submit(situations=["mantelzorg"], text="mijn broer")
    q.submit(for_whom="self")
    response = q.submit(kern="monster")
    hidden = form_with_class(response, "hz-q-form")["hidden"]
    assert ("situations", "mantelzorg") in hidden
    assert ("text", "mijn broer") in hidden
    assert ("for_whom", "self") in hidden
    assert ("kern", "monster") in hidden
    assert response.context["step"].key == "age"


def test_back_goes_to_the_previous_question_with_its_answer_still_chosen(q):
    q.start()
    q.submit(situations=["geld-en-schulden"])
    q.submit(for_whom="child")
    response = q.back()
    assert response.context["step"].key == "for_whom"
    assert checked(response, "for_whom") == {"child"}
    response = q.back()
    assert response.context["step"].key == "about"
    assert checked(response, "situations") == {"geld-en-schulden"}


def test_an_answer_can_be_changed_from_the_summary_and_you_return_to_the_summary(q):
    q.start()
    q.submit(situations=["vervoer"])
    q.submit(for_whom="self")
    q.submit(kern="maasdijk")
    for _ in range(5):
        q.submit()
    assert q.step == "summary"
    assert "Maasdijk" in [row["value"] for row in q.response.context["rows"]]
    response = q.submit(action="edit:kern")
    assert response.context["step"].key == "kern"
    assert response.context["return_to_summary"]
    assert checked(response, "kern") == {"maasdijk"}
    response = q.submit(kern="monster")
    assert q.step == "summary"
    values = [row["value"] for row in response.context["rows"]]
    assert "Monster" in values and "Maasdijk" not in values


def test_the_summary_is_a_definition_list_with_a_change_button_per_answer(q):
    q.start()
    for _ in STEP_KEYS:
        q.submit()
    html = q.response.content.decode()
    assert "<dl" in html
    for key in STEP_KEYS:
        assert f'value="edit:{key}"' in html


def test_skip_forgets_what_was_ticked_on_that_question(q):
    q.start()
    q.submit(situations=["geld-en-schulden"])
    response = q.submit(action="skip", for_whom="child")
    assert response.context["step"].key == "kern"
    assert response.context["answers"].for_whom is None
    assert response.context["answers"].situations == ("geld-en-schulden",)


def test_i_dont_know_and_rather_not_say_are_answers_that_exclude_nobody(q):
    response = q.answer_all(
        {
            "situations": ["inkomen-en-regelingen"],
            "kern": "prefer_not",
            "age_band": "prefer_not",
            "household": "prefer_not",
            "income": "unknown",
            "special": ["prefer_not"],
        }
    )
    profile = response.context["answers"].profile()
    assert profile.income == "unknown" and profile.kern is None and profile.age is None
    assert not profile.roles_known
    outcomes = {s.document.slug: s.outcome for s in response.context["result"].suggestions}
    # An income scheme is "unknown", not left out, when the income is not known.
    assert outcomes["westlandpas"] == "unknown"


def test_the_crisis_option_goes_straight_to_the_crisis_page_and_is_counted(client, demo_data):
    response = client.get(reverse("hulpwijzer:crisis"))
    assert response.status_code == 302
    assert response["Location"] == reverse("crisis")
    assert QuestionnaireStepCount.objects.get(step="crisis").count == 1
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    for number in ("112", "0800-0113", "0800-2000"):
        assert number in html


def test_a_typo_shows_the_same_question_again_with_a_message(q):
    q.start()
    q.submit()
    q.submit()
    q.submit()
    response = q.submit(age="zeventig")
    assert response.status_code == 200
    assert response.context["step"].key == "age"
    assert "aria-invalid" in response.content.decode()


def test_a_postcode_is_mapped_to_its_kern_and_the_resident_is_told_it_is_unverified(q):
    q.start()
    q.submit()
    q.submit()
    response = q.submit(postcode="2671")
    assert response.context["answers"].kern == "naaldwijk"
    assert response.context["answers"].kern_from_postcode
    for _ in range(5):
        response = q.submit()
    assert q.step == "summary"
    html = response.content.decode()
    assert "2671" in html and "Naaldwijk" in html
    assert "niet gecontroleerd" in html or "not checked" in html


def test_an_unknown_postcode_asks_for_the_kern(q):
    q.start()
    q.submit()
    q.submit()
    response = q.submit(postcode="9999")
    assert response.context["step"].key == "kern"
    assert response.context["has_errors"]


@pytest.mark.parametrize(
    "tampered",
    [
        {"kern": "atlantis"},
        {"age": "-4"},
        {"age": "99999999999999999999999"},
        {"situations": ["../../etc/passwd"]},
        {"income": "rich"},
        {"special": ["king"]},
        {"for_whom": ""},
        {"text": "x" * 5000},
        {"step": "nonsense", "action": "next"},
        {"step": "about", "action": "edit:nonsense"},
        {"action": "<script>"},
        {"postcode": "12345678"},
        {"together": "<b>"},
        {"return": "summary", "step": "urgency", "action": "next"},
        {"csrfmiddlewaretoken": "x", "situations": ["geld-en-schulden"] * 500},
    ],
)
def test_tampered_or_broken_posts_never_break_the_page(client, demo_data, tampered):
    data = {"step": "summary", "action": "results", **tampered}
    response = client.post(START, data, follow=True)
    assert response.status_code in (200, 400)


def test_a_tampered_earlier_answer_sends_the_resident_back_to_that_question(client, demo_data):
    data = {"step": "income", "action": "next", "kern": "atlantis", "income": "low"}
    response = client.post(START, data, follow=True)
    assert response.redirect_chain == [("/hulpwijzer/vraag/kern/", 303)]
    assert response.status_code == 200
    assert response.context["step"].key == "kern"
    assert response.context["has_errors"]


def test_get_of_the_print_sheet_without_a_results_page_goes_to_the_start(client, demo_data):
    response = client.get(reverse("hulpwijzer:print"))
    assert response.status_code == 302
    assert response["Location"] == START


def test_results_then_print_carries_no_answers_in_urls_and_the_qr_holds_service_ids_only(q):
    response = q.answer_all({"situations": ["geld-en-schulden"], "kern": "s-gravenzande", "age": "52"})
    chosen = [s.id for s in response.context["result"].suggestions[:2]]
    sheet = q.print_sheet(chosen)
    html = sheet.content.decode()
    assert "<svg" in html and 'role="img"' in html
    list_url = sheet.context["list_url"]
    assert list_url.endswith("/hulpwijzer/lijst/?d=" + ".".join(str(pk) for pk in chosen))
    assert re.fullmatch(r"d=[0-9.]+", list_url.split("?", 1)[1])
    assert all("?" not in url for url in q.requested_urls)
    # The sheet's way back to the results posts the answers again, to the questionnaire's own URL.
    back = [form for form in forms_of(sheet) if form["method"] == "post"]
    assert back and back[0]["action"] == START
    assert ("age", "52") in back[0]["hidden"]


def test_print_without_ticks_prints_every_suggestion(q):
    response = q.answer_all({"situations": ["mantelzorg"], "kern": "monster"})
    expected = [s.id for s in response.context["result"].suggestions]
    sheet = q.print_sheet([])
    assert [page.pk for page in sheet.context["services"]] == expected[:20]


def test_the_print_sheet_has_what_a_resident_needs_on_paper(q):
    q.answer_all({"situations": ["formulieren-en-brieven"], "kern": "naaldwijk"})
    bip = ServicePage.objects.get(slug="buurtinformatiepunt")
    sheet = q.print_sheet([bip.pk])
    html = sheet.content.decode()
    assert bip.title in html
    assert bip.next_step[:40] in html
    for item in bip.what_to_bring_list:
        assert item in html
    assert "0800-0113" in html


def test_the_qr_list_page_shows_the_services_from_the_url(client, demo_data):
    pages = list(ServicePage.objects.filter(slug__in=["buurtinformatiepunt", "formulierenbrigade"]))
    url = reverse("hulpwijzer:list") + "?d=" + ".".join(str(p.pk) for p in pages)
    response = client.get(url)
    assert response.status_code == 200
    assert [p.pk for p in response.context["services"]] == [p.pk for p in pages]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("", 200),
        ("abc", 400),
        ("1.2.3.x", 400),
        ("9" * 50, 400),
        ("." * 1000, 400),
        ("-1", 400),
        ("1" * 500, 400),
    ],
)
def test_the_qr_list_page_answers_any_identifier_string_without_a_server_error(
    client, demo_data, value, status
):
    # Garbage is bad input (400 with a plain message); an empty list is just empty.
    response = client.get(reverse("hulpwijzer:list"), {"d": value})
    assert response.status_code == status


def test_results_always_end_with_the_human_route(q):
    response = q.answer_all({})
    html = response.content.decode()
    assert response.context["result"].suggestions == ()
    assert "Buurtinformatiepunt" in html
    assert 'id="hz-human-route-title"' in html


def test_together_mode_has_prompts_a_wipe_button_and_keeps_its_mode(q):
    response = q.start(together=True)
    html = response.content.decode()
    assert reverse("hulpwijzer:wipe") in html
    assert "hz-q--together" in html
    response = q.submit(situations=["vervoer"])
    assert response.context["together"]
    assert "hz-q-prompt" in response.content.decode()


def test_wiping_starts_afresh_and_asks_the_browser_to_drop_its_cache(client, demo_data):
    response = client.get(reverse("hulpwijzer:wipe"))
    assert response.status_code == 302
    assert response["Location"] == reverse("hulpwijzer:together")
    assert response["Clear-Site-Data"] == '"cache"'
    fresh = client.get(response["Location"])
    assert fresh.context["answers"].situations == ()


def test_step_counts_are_anonymous_daily_totals(q):
    q.answer_all({"situations": ["vervoer"], "kern": "de-lier", "age": "33"})
    counts = {row.step: row.count for row in QuestionnaireStepCount.objects.all()}
    assert counts["about"] == 1
    assert counts["urgency"] == 1
    assert counts["summary"] == 1
    assert counts["results"] == 1
    q.answer_all({})
    assert QuestionnaireStepCount.objects.get(step="results").count == 2
    fields = {f.name for f in QuestionnaireStepCount._meta.get_fields()}
    assert fields == {"id", "date", "step", "count"}


def test_the_results_list_the_suggestions_and_the_same_list_as_the_api(q, client):
    response = q.answer_all({"situations": ["geld-en-schulden"], "kern": "naaldwijk", "income": "low"})
    page_order = slugs(response)
    api = client.post(
        "/api/v1/suggestions",
        {"situations": ["geld-en-schulden"], "kern": "naaldwijk", "income": "low"},
        content_type="application/json",
    )
    assert [s["slug"] for s in api.json()["suggestions"]] == page_order


FIELD_NAMES = [
    "step",
    "action",
    "return",
    "together",
    "situations",
    "text",
    "for_whom",
    "kern",
    "postcode",
    "age",
    "age_band",
    "household",
    "income",
    "special",
    "urgency",
    "service",
]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.dictionaries(
        st.sampled_from(FIELD_NAMES),
        st.lists(
            st.text(max_size=40)
            | st.sampled_from(["next", "back", "skip", "results", "summary", "edit:kern", "monster", "2671"]),
            max_size=3,
        ),
        max_size=8,
    ),
    url=st.sampled_from([START, "/hulpwijzer/overdracht/"]),
)
def test_random_form_posts_never_cause_a_server_error(client, demo_data, data, url):
    # NUL characters cannot come from a real form field; Django rejects them in forms anyway.
    cleaned = {name: [value.replace("\x00", "") for value in values] for name, values in data.items()}
    response = client.post(url, cleaned, follow=True)
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("raw", ["abc", "12.x", "1.2.-3", "9" * 11, "1." * 300])
def test_a_malformed_qr_link_answers_400_with_a_plain_message(client, db, raw):
    response = client.get("/hulpwijzer/lijst/", {"d": raw})
    assert response.status_code == 400
    assert "niet compleet of klopt niet" in response.content.decode()


def test_a_well_formed_qr_link_to_services_no_longer_on_the_map_is_an_honest_empty_list(client, db):
    response = client.get("/hulpwijzer/lijst/", {"d": "999999.999998"})
    assert response.status_code == 200
    assert "Deze lijst is leeg" in response.content.decode()
