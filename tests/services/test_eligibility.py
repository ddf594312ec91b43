"""Table-driven tests for the pure eligibility engine (no Django needed)."""

from __future__ import annotations

import ast
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.eligibility import (
    Criteria,
    Outcome,
    Profile,
    Reason,
    Verdict,
    evaluate,
    outcome_rank,
    set_translator,
    summary_text,
)
from services.vocabulary import (
    ROLE_REQUIREMENTS,
    Household,
    IncomeAnswer,
    IncomeRule,
    Requirement,
    Residence,
    Role,
)

ELIGIBLE = Outcome.ELIGIBLE
LIKELY = Outcome.LIKELY
UNKNOWN = Outcome.UNKNOWN
NOT_ELIGIBLE = Outcome.NOT_ELIGIBLE

KERN_NAMES = {
    "de-lier": "De Lier",
    "s-gravenzande": "'s-Gravenzande",
    "heenweg": "Heenweg",
    "honselersdijk": "Honselersdijk",
    "kwintsheul": "Kwintsheul",
    "maasdijk": "Maasdijk",
    "monster": "Monster",
    "naaldwijk": "Naaldwijk",
    "poeldijk": "Poeldijk",
    "ter-heijde": "Ter Heijde",
    "wateringen": "Wateringen",
}

YOUTH = Criteria(min_age=12, max_age=23)
ADULTS = Criteria(min_age=18)
YOUNG_ADULTS = Criteria(max_age=24)
BIJSTAND = Criteria(income_rule="bijstand")
LOW_INCOME = Criteria(income_rule="low_income")
LOW_INCOME_120 = Criteria(income_rule="low_income", income_max_pct=120)
WESTLAND = Criteria(residence="westland")
TER_HEIJDE = Criteria(residence="kernen", residence_kernen=frozenset({"ter-heijde"}))
CHILDREN = Criteria(requires=frozenset({"kinderen_thuis"}))
INDICATIE = Criteria(requires=frozenset({"indicatie"}))
VERWIJZING = Criteria(requires=frozenset({"verwijzing"}))
EVERYTHING = Criteria(
    min_age=18,
    max_age=67,
    income_rule="low_income",
    income_max_pct=130,
    residence="kernen",
    residence_kernen=frozenset({"monster", "ter-heijde"}),
    requires=frozenset(Requirement),
)


def requires(*slugs: str) -> Criteria:
    return Criteria(requires=frozenset(slugs))


def outcome(profile: Profile, criteria: Criteria) -> Outcome:
    return evaluate(profile=profile, criteria=criteria, kern_names=KERN_NAMES).outcome


# --------------------------------------------------------------------------------------------------
# Outcome tables
# --------------------------------------------------------------------------------------------------

AGE_CASES = [
    pytest.param(Profile(age=16), YOUTH, ELIGIBLE, id="age-inside-range"),
    pytest.param(Profile(age=12), YOUTH, ELIGIBLE, id="age-lower-bound-inclusive"),
    pytest.param(Profile(age=23), YOUTH, ELIGIBLE, id="age-upper-bound-inclusive"),
    pytest.param(Profile(age=11), YOUTH, NOT_ELIGIBLE, id="age-one-below-range"),
    pytest.param(Profile(age=24), YOUTH, NOT_ELIGIBLE, id="age-one-above-range"),
    pytest.param(Profile(age=72), YOUTH, NOT_ELIGIBLE, id="age-far-above-range"),
    pytest.param(Profile(), YOUTH, UNKNOWN, id="age-unknown-range"),
    pytest.param(Profile(age=18), ADULTS, ELIGIBLE, id="age-min-only-at-bound"),
    pytest.param(Profile(age=17), ADULTS, NOT_ELIGIBLE, id="age-min-only-below"),
    pytest.param(Profile(age=99), ADULTS, ELIGIBLE, id="age-min-only-far-above"),
    pytest.param(Profile(), ADULTS, UNKNOWN, id="age-unknown-min-only"),
    pytest.param(Profile(age=24), YOUNG_ADULTS, ELIGIBLE, id="age-max-only-at-bound"),
    pytest.param(Profile(age=25), YOUNG_ADULTS, NOT_ELIGIBLE, id="age-max-only-above"),
    pytest.param(Profile(age=0), YOUNG_ADULTS, ELIGIBLE, id="age-max-only-newborn"),
    pytest.param(Profile(), YOUNG_ADULTS, UNKNOWN, id="age-unknown-max-only"),
    pytest.param(Profile(age=18), Criteria(min_age=18, max_age=18), ELIGIBLE, id="age-single-year-match"),
    pytest.param(Profile(age=19), Criteria(min_age=18, max_age=18), NOT_ELIGIBLE, id="age-single-year-miss"),
]

INCOME_CASES = [
    # Rule "bijstand": only a bijstand answer proves it; "low" is not the same as bijstand.
    pytest.param(Profile(income="bijstand"), BIJSTAND, ELIGIBLE, id="bijstand-rule-bijstand"),
    pytest.param(Profile(income="low"), BIJSTAND, UNKNOWN, id="bijstand-rule-low"),
    pytest.param(Profile(income="not_low"), BIJSTAND, NOT_ELIGIBLE, id="bijstand-rule-not-low"),
    pytest.param(Profile(income="unknown"), BIJSTAND, UNKNOWN, id="bijstand-rule-unknown"),
    pytest.param(Profile(income="prefer_not"), BIJSTAND, UNKNOWN, id="bijstand-rule-prefer-not"),
    pytest.param(Profile(income=None), BIJSTAND, UNKNOWN, id="bijstand-rule-not-asked"),
    # Rule "low_income": bijstand is below any limit, "low" is only likely.
    pytest.param(Profile(income="bijstand"), LOW_INCOME, ELIGIBLE, id="low-rule-bijstand"),
    pytest.param(Profile(income="low"), LOW_INCOME, LIKELY, id="low-rule-low"),
    pytest.param(Profile(income="not_low"), LOW_INCOME, NOT_ELIGIBLE, id="low-rule-not-low"),
    pytest.param(Profile(income="unknown"), LOW_INCOME, UNKNOWN, id="low-rule-unknown"),
    pytest.param(Profile(income="prefer_not"), LOW_INCOME, UNKNOWN, id="low-rule-prefer-not"),
    pytest.param(Profile(income=None), LOW_INCOME, UNKNOWN, id="low-rule-not-asked"),
    pytest.param(Profile(income="bijstand"), LOW_INCOME_120, ELIGIBLE, id="low-120-rule-bijstand"),
    pytest.param(Profile(income="low"), LOW_INCOME_120, LIKELY, id="low-120-rule-low-is-never-eligible"),
    pytest.param(Profile(income="not_low"), LOW_INCOME_120, NOT_ELIGIBLE, id="low-120-rule-not-low"),
    pytest.param(Profile(income="prefer_not"), LOW_INCOME_120, UNKNOWN, id="low-120-rule-prefer-not"),
    # Rule "none": income never matters.
    *[
        pytest.param(Profile(income=answer), Criteria(), ELIGIBLE, id=f"no-income-rule-{answer}")
        for answer in (*IncomeAnswer, None)
    ],
]

RESIDENCE_CASES = [
    pytest.param(Profile(kern="monster"), WESTLAND, ELIGIBLE, id="westland-kern-given"),
    pytest.param(Profile(lives_in_westland=True), WESTLAND, ELIGIBLE, id="westland-yes-kern-unknown"),
    pytest.param(Profile(lives_in_westland=False), WESTLAND, NOT_ELIGIBLE, id="westland-lives-elsewhere"),
    pytest.param(Profile(), WESTLAND, UNKNOWN, id="westland-unknown"),
    pytest.param(
        Profile(kern="naaldwijk", lives_in_westland=False),
        WESTLAND,
        ELIGIBLE,
        id="westland-kern-wins-over-no",
    ),
    pytest.param(Profile(kern="ter-heijde"), TER_HEIJDE, ELIGIBLE, id="kernen-own-kern"),
    pytest.param(Profile(kern="monster"), TER_HEIJDE, NOT_ELIGIBLE, id="kernen-other-kern"),
    pytest.param(Profile(lives_in_westland=True), TER_HEIJDE, UNKNOWN, id="kernen-westland-kern-unknown"),
    pytest.param(Profile(), TER_HEIJDE, UNKNOWN, id="kernen-unknown"),
    pytest.param(Profile(lives_in_westland=False), TER_HEIJDE, NOT_ELIGIBLE, id="kernen-lives-elsewhere"),
    pytest.param(Profile(lives_in_westland=False), Criteria(), ELIGIBLE, id="anywhere-lives-elsewhere"),
]

ROLE_CASES = [
    case
    for role in ROLE_REQUIREMENTS
    for case in (
        pytest.param(Profile(roles=frozenset({role})), requires(role), ELIGIBLE, id=f"{role}-present"),
        pytest.param(
            Profile(roles=frozenset({role}), roles_known=True),
            requires(role),
            ELIGIBLE,
            id=f"{role}-present-known",
        ),
        pytest.param(Profile(roles_known=True), requires(role), NOT_ELIGIBLE, id=f"{role}-absent-known"),
        pytest.param(Profile(), requires(role), UNKNOWN, id=f"{role}-not-asked"),
    )
]

CHILDREN_CASES = [
    pytest.param(Profile(household="partner_children"), CHILDREN, ELIGIBLE, id="children-household-family"),
    pytest.param(Profile(household="single_parent"), CHILDREN, ELIGIBLE, id="children-single-parent"),
    pytest.param(Profile(household="alone"), CHILDREN, NOT_ELIGIBLE, id="children-lives-alone"),
    pytest.param(Profile(household="partner"), CHILDREN, NOT_ELIGIBLE, id="children-only-partner"),
    pytest.param(Profile(household="other"), CHILDREN, UNKNOWN, id="children-other-household"),
    pytest.param(Profile(), CHILDREN, UNKNOWN, id="children-household-unknown"),
    pytest.param(Profile(children_ages=(5,)), CHILDREN, ELIGIBLE, id="children-from-ages"),
    pytest.param(
        Profile(household="other", children_ages=(3, 9)), CHILDREN, ELIGIBLE, id="children-other-with-ages"
    ),
    pytest.param(
        Profile(household="alone", children_ages=(14,)), CHILDREN, ELIGIBLE, id="children-ages-beat-alone"
    ),
    pytest.param(
        Profile(household="other", has_children_at_home=False),
        CHILDREN,
        NOT_ELIGIBLE,
        id="children-explicit-no",
    ),
    pytest.param(
        Profile(household="alone", has_children_at_home=True), CHILDREN, ELIGIBLE, id="children-explicit-yes"
    ),
]

INFORMATIONAL_CASES = [
    # Nothing answered supports "likely": the assessment or the referrer decides, so it stays unknown.
    pytest.param(Profile(), INDICATIE, UNKNOWN, id="unanswered-indicatie-stays-unknown"),
    pytest.param(Profile(), VERWIJZING, UNKNOWN, id="unanswered-verwijzing-stays-unknown"),
    pytest.param(Profile(), requires("indicatie", "verwijzing"), UNKNOWN, id="indicatie-and-verwijzing"),
    pytest.param(
        Profile(age=19, roles_known=True), INDICATIE, UNKNOWN, id="no-indicatie-yet-is-unknown-not-likely"
    ),
    pytest.param(
        Profile(roles=frozenset({"indicatie", "verwijzing"})),
        requires("indicatie", "verwijzing"),
        LIKELY,
        id="indicatie-and-verwijzing-in-hand-is-likely",
    ),
    pytest.param(
        Profile(roles=frozenset({"indicatie"})), INDICATIE, LIKELY, id="existing-indicatie-still-likely"
    ),
    pytest.param(
        Profile(roles=frozenset({"verwijzing"})), VERWIJZING, LIKELY, id="existing-verwijzing-still-likely"
    ),
    pytest.param(Profile(roles_known=True), INDICATIE, UNKNOWN, id="indicatie-never-excludes"),
    pytest.param(
        Profile(age=70, roles=frozenset({"indicatie"})),
        Criteria(min_age=65, requires=frozenset({"indicatie"})),
        LIKELY,
        id="indicatie-age-passed",
    ),
    pytest.param(
        Profile(age=70),
        Criteria(min_age=65, requires=frozenset({"indicatie"})),
        UNKNOWN,
        id="age-passed-but-assessment-decides",
    ),
    pytest.param(
        Profile(),
        Criteria(min_age=65, requires=frozenset({"indicatie"})),
        UNKNOWN,
        id="indicatie-age-unknown",
    ),
    pytest.param(
        Profile(age=30),
        Criteria(min_age=65, requires=frozenset({"verwijzing"})),
        NOT_ELIGIBLE,
        id="verwijzing-age-fail",
    ),
]

COMBINATION_CASES = [
    pytest.param(Profile(), Criteria(), ELIGIBLE, id="no-criteria-empty-profile"),
    pytest.param(
        Profile(kern="monster", age=40, income="not_low", roles_known=True),
        Criteria(),
        ELIGIBLE,
        id="no-criteria-full",
    ),
    pytest.param(Profile(), EVERYTHING, UNKNOWN, id="empty-profile-all-criteria"),
    pytest.param(
        Profile(age=72, kern="monster", income="bijstand"),
        Criteria(min_age=12, max_age=23, residence="westland", income_rule="bijstand"),
        NOT_ELIGIBLE,
        id="age-failure-dominates-passes",
    ),
    pytest.param(
        Profile(age=72),
        Criteria(max_age=23, income_rule="bijstand", residence="westland"),
        NOT_ELIGIBLE,
        id="failure-dominates-unknowns",
    ),
    pytest.param(
        Profile(kern="monster", income="low"),
        Criteria(residence="kernen", residence_kernen=frozenset({"ter-heijde"}), income_rule="low_income"),
        NOT_ELIGIBLE,
        id="failure-dominates-likely",
    ),
    pytest.param(
        Profile(age=30, kern="monster", income="low"),
        Criteria(min_age=18, residence="westland", income_rule="low_income", income_max_pct=120),
        LIKELY,
        id="all-passed-except-low-income-caveat",
    ),
    pytest.param(
        Profile(kern="monster", income="low"),
        Criteria(min_age=18, residence="westland", income_rule="low_income"),
        UNKNOWN,
        id="unknown-beats-likely",
    ),
    pytest.param(
        Profile(
            age=35,
            kern="ter-heijde",
            household="single_parent",
            income="bijstand",
            roles=frozenset({"mantelzorger"}),
            roles_known=True,
        ),
        Criteria(
            min_age=18,
            max_age=67,
            income_rule="low_income",
            residence="kernen",
            residence_kernen=frozenset({"ter-heijde", "monster"}),
            requires=frozenset({"kinderen_thuis", "mantelzorger"}),
        ),
        ELIGIBLE,
        id="everything-checked-and-passed",
    ),
    pytest.param(
        Profile(age=35, kern="monster", household="partner_children", income="low", roles=frozenset(Role)),
        EVERYTHING,
        LIKELY,
        id="everything-passed-with-caveats",
    ),
    pytest.param(
        Profile(age=35, kern="monster", household="alone", income="low", roles=frozenset(Role)),
        EVERYTHING,
        NOT_ELIGIBLE,
        id="single-failure-among-many-passes",
    ),
]


@pytest.mark.parametrize(
    ("profile", "criteria", "expected"),
    AGE_CASES
    + INCOME_CASES
    + RESIDENCE_CASES
    + ROLE_CASES
    + CHILDREN_CASES
    + INFORMATIONAL_CASES
    + COMBINATION_CASES,
)
def test_outcome_follows_the_rules(profile: Profile, criteria: Criteria, expected: Outcome) -> None:
    assert outcome(profile, criteria) is expected


# --------------------------------------------------------------------------------------------------
# Reason texts
# --------------------------------------------------------------------------------------------------


def test_youth_work_is_not_suggested_to_a_72_year_old() -> None:
    verdict = evaluate(profile=Profile(age=72), criteria=YOUTH)

    assert verdict.outcome is NOT_ELIGIBLE
    [reason] = verdict.failed
    assert reason.criterion == "age"
    assert "72 jaar" in reason.text
    assert "12 tot en met 23" in reason.text


@pytest.mark.parametrize(
    ("age", "criteria", "bucket", "text"),
    [
        (16, YOUTH, "passed", "Je bent 16 jaar; deze hulp is voor mensen van 12 tot en met 23 jaar."),
        (72, YOUTH, "failed", "Je bent 72 jaar; deze hulp is voor mensen van 12 tot en met 23 jaar."),
        (
            None,
            YOUTH,
            "unchecked",
            "We weten je leeftijd niet; deze hulp is voor mensen van 12 tot en met 23 jaar.",
        ),
        (17, ADULTS, "failed", "Je bent 17 jaar; deze hulp is voor mensen vanaf 18 jaar."),
        (None, ADULTS, "unchecked", "We weten je leeftijd niet; deze hulp is voor mensen vanaf 18 jaar."),
        (20, YOUNG_ADULTS, "passed", "Je bent 20 jaar; deze hulp is voor mensen tot en met 24 jaar."),
        (
            None,
            YOUNG_ADULTS,
            "unchecked",
            "We weten je leeftijd niet; deze hulp is voor mensen tot en met 24 jaar.",
        ),
    ],
    ids=["range-pass", "range-fail", "range-unknown", "min-fail", "min-unknown", "max-pass", "max-unknown"],
)
def test_age_reason_states_age_and_range(age: int | None, criteria: Criteria, bucket: str, text: str) -> None:
    verdict = evaluate(profile=Profile(age=age), criteria=criteria)

    assert getattr(verdict, bucket) == (Reason("age", text),)


def test_bijstand_answer_is_named_as_passed_reason() -> None:
    verdict = evaluate(profile=Profile(income="bijstand"), criteria=BIJSTAND)

    assert verdict.passed == (Reason("income", "Je hebt een bijstandsuitkering."),)


def test_low_income_without_known_limit_says_limits_differ_per_scheme() -> None:
    verdict = evaluate(profile=Profile(income="low"), criteria=LOW_INCOME)

    assert verdict.caveats == (
        Reason(
            "income",
            "Je hebt een laag inkomen. De inkomensgrens verschilt per regeling; "
            "vraag na of je eronder zit bij de gemeente of het Buurtinformatiepunt.",
        ),
    )


def test_low_income_with_known_limit_mentions_the_percentage() -> None:
    verdict = evaluate(profile=Profile(income="low"), criteria=LOW_INCOME_120)

    [reason] = verdict.caveats
    assert "tot 120% van het sociaal minimum" in reason.text
    assert "Buurtinformatiepunt" in reason.text


@pytest.mark.parametrize("answer", [None, "unknown", "prefer_not"])
@pytest.mark.parametrize(
    "criteria", [BIJSTAND, LOW_INCOME, LOW_INCOME_120], ids=["bijstand", "low", "low-120"]
)
def test_missing_income_is_mentioned_respectfully(answer: str | None, criteria: Criteria) -> None:
    verdict = evaluate(profile=Profile(income=answer), criteria=criteria)

    [reason] = verdict.unchecked
    assert reason.text.startswith("Je hebt je inkomen niet gegeven.")
    assert not verdict.failed


def test_low_income_is_not_taken_for_bijstand() -> None:
    verdict = evaluate(profile=Profile(income="low"), criteria=BIJSTAND)

    [reason] = verdict.unchecked
    assert reason.text.startswith("Deze hulp is voor mensen met een bijstandsuitkering.")


def test_westland_residence_names_the_kern() -> None:
    verdict = evaluate(profile=Profile(kern="monster"), criteria=WESTLAND, kern_names=KERN_NAMES)

    assert verdict.passed == (
        Reason("residence", "Deze hulp is voor mensen die in Westland wonen. Je woont in Monster."),
    )


def test_other_kern_is_told_which_kern_the_help_is_for() -> None:
    verdict = evaluate(profile=Profile(kern="monster"), criteria=TER_HEIJDE, kern_names=KERN_NAMES)

    [reason] = verdict.failed
    assert reason.text.startswith("Deze hulp is alleen voor inwoners van Ter Heijde.")
    assert "Je woont in Monster." in reason.text


def test_kern_without_display_name_falls_back_to_slug() -> None:
    verdict = evaluate(profile=Profile(kern="monster"), criteria=TER_HEIJDE)

    [reason] = verdict.failed
    assert reason.text == "Deze hulp is alleen voor inwoners van ter-heijde. Je woont in monster."


def test_several_kernen_are_listed_alphabetically_with_en() -> None:
    criteria = Criteria(residence="kernen", residence_kernen=frozenset({"monster", "maasdijk", "de-lier"}))

    verdict = evaluate(profile=Profile(kern="naaldwijk"), criteria=criteria, kern_names=KERN_NAMES)

    [reason] = verdict.failed
    assert "inwoners van De Lier, Maasdijk en Monster." in reason.text


@pytest.mark.parametrize(
    ("profile", "bucket", "text"),
    [
        (Profile(roles=frozenset({"mantelzorger"})), "passed", "Je zorgt voor iemand (mantelzorger)."),
        (Profile(roles_known=True), "failed", "Je hebt niet ingevuld dat je voor iemand zorgt."),
        (Profile(), "unchecked", "We weten niet of je voor iemand zorgt."),
    ],
    ids=["present", "absent", "not-asked"],
)
def test_mantelzorger_reason_matches_what_we_know(profile: Profile, bucket: str, text: str) -> None:
    verdict = evaluate(profile=profile, criteria=requires("mantelzorger"))

    [reason] = getattr(verdict, bucket)
    assert reason.criterion == "mantelzorger"
    assert text in reason.text


def test_indicatie_explains_that_an_assessment_decides() -> None:
    verdict = evaluate(profile=Profile(), criteria=INDICATIE)

    assert verdict.unchecked == (
        Reason(
            "indicatie",
            "Voor deze hulp kijkt de gemeente eerst wat je nodig hebt (indicatie). "
            "Of je deze hulp krijgt, hoor je na dat gesprek.",
        ),
    )
    assert verdict.caveats == ()


def test_an_indicatie_in_hand_is_a_caveat_not_a_question() -> None:
    verdict = evaluate(profile=Profile(roles=frozenset({"indicatie"})), criteria=INDICATIE)

    [reason] = verdict.caveats
    assert "al een indicatie" in reason.text
    assert verdict.unchecked == ()


def test_verwijzing_explains_who_can_refer() -> None:
    verdict = evaluate(profile=Profile(), criteria=VERWIJZING)

    [reason] = verdict.unchecked
    assert "verwijzing" in reason.text
    assert "huisarts" in reason.text
    assert "SKT" in reason.text


def test_children_at_home_failure_refers_to_the_answer() -> None:
    verdict = evaluate(profile=Profile(household="alone"), criteria=CHILDREN)

    [reason] = verdict.failed
    assert "geen kinderen bij je thuis" in reason.text


def test_reasons_put_failures_first_when_not_eligible() -> None:
    verdict = evaluate(
        profile=Profile(age=40, kern="monster"), criteria=Criteria(max_age=23, residence="westland")
    )

    assert verdict.outcome is NOT_ELIGIBLE
    assert [r.criterion for r in verdict.reasons] == ["age", "residence"]
    assert verdict.reasons[0] in verdict.failed


def test_reasons_put_passed_before_caveats_before_unchecked() -> None:
    criteria = Criteria(min_age=18, income_rule="low_income", requires=frozenset({"mantelzorger"}))

    verdict = evaluate(profile=Profile(age=30, income="low"), criteria=criteria)

    assert verdict.outcome is UNKNOWN
    assert [r.criterion for r in verdict.reasons] == ["age", "income", "mantelzorger"]
    assert verdict.reasons == verdict.passed + verdict.caveats + verdict.unchecked


def test_requirement_reasons_follow_a_stable_order() -> None:
    verdict = evaluate(profile=Profile(), criteria=requires(*reversed(Requirement)))

    assert [r.criterion for r in verdict.unchecked] == [
        "kinderen_thuis",
        *ROLE_REQUIREMENTS,
        "indicatie",
        "verwijzing",
    ]
    assert verdict.caveats == ()


def test_criterion_free_service_has_no_reasons() -> None:
    verdict = evaluate(profile=Profile(age=40), criteria=Criteria(description="Voor iedereen."))

    assert verdict == Verdict(outcome=ELIGIBLE)
    assert verdict.reasons == ()


# --------------------------------------------------------------------------------------------------
# Summary and ranking
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("result", "text"),
    [
        (ELIGIBLE, "Deze hulp past bij wat je hebt ingevuld."),
        (LIKELY, "Je komt waarschijnlijk in aanmerking."),
        (UNKNOWN, "We weten nog niet of je in aanmerking komt. Vraag het na."),
        (NOT_ELIGIBLE, "Je komt hier waarschijnlijk niet voor in aanmerking."),
    ],
)
def test_summary_text_describes_each_outcome(result: Outcome, text: str) -> None:
    assert summary_text(Verdict(outcome=result)) == text


def test_outcomes_rank_from_best_to_worst() -> None:
    assert [outcome_rank(o) for o in (ELIGIBLE, LIKELY, UNKNOWN, NOT_ELIGIBLE)] == [0, 1, 2, 3]
    assert sorted([NOT_ELIGIBLE, ELIGIBLE, UNKNOWN, LIKELY], key=outcome_rank) == [
        ELIGIBLE,
        LIKELY,
        UNKNOWN,
        NOT_ELIGIBLE,
    ]


def test_outcome_rank_accepts_stored_string_values() -> None:
    assert outcome_rank("likely") == 1
    assert Outcome("not_eligible") is NOT_ELIGIBLE


# --------------------------------------------------------------------------------------------------
# Profile derivation and validation
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        (Profile(household="partner_children"), True),
        (Profile(household="single_parent"), True),
        (Profile(children_ages=(2,)), True),
        (Profile(household="alone"), False),
        (Profile(household="partner"), False),
        (Profile(household="other"), None),
        (Profile(), None),
        (Profile(household="partner_children", has_children_at_home=False), False),
    ],
)
def test_children_at_home_is_derived_from_household(profile: Profile, expected: bool | None) -> None:
    assert profile.children_at_home() is expected


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        (Profile(kern="de-lier"), True),
        (Profile(kern="de-lier", lives_in_westland=False), True),
        (Profile(lives_in_westland=False), False),
        (Profile(), None),
    ],
)
def test_a_known_kern_means_living_in_westland(profile: Profile, expected: bool | None) -> None:
    assert profile.in_westland() is expected


def test_profile_accepts_plain_collections_and_stays_hashable() -> None:
    from_form = {"roles": {"mantelzorger"}, "situations": ["geld-en-schulden"], "children_ages": [4, 7]}
    profile = Profile(**from_form)

    assert profile.roles == frozenset({"mantelzorger"})
    assert profile.children_ages == (4, 7)
    assert hash(profile) == hash(
        Profile(
            roles=frozenset({"mantelzorger"}),
            situations=frozenset({"geld-en-schulden"}),
            children_ages=(4, 7),
        )
    )


@pytest.mark.parametrize(
    "build",
    [
        lambda: Criteria(min_age=30, max_age=20),
        lambda: Criteria(min_age=-1),
        lambda: Criteria(income_rule="rich"),
        lambda: Criteria(income_rule="bijstand", income_max_pct=120),
        lambda: Criteria(income_rule="low_income", income_max_pct=0),
        lambda: Criteria(residence="kernen"),
        lambda: Criteria(residence="westland", residence_kernen=frozenset({"monster"})),
        lambda: Criteria(residence="nederland"),
        lambda: Criteria(requires=frozenset({"rijbewijs"})),
        lambda: Profile(income="1200"),
        lambda: Profile(household="big"),
        lambda: Profile(for_whom="neighbour"),
        lambda: Profile(age=-3),
        lambda: Profile(kern=""),
    ],
)
def test_contradictory_or_unknown_values_are_rejected(build) -> None:
    with pytest.raises(ValueError):
        build()


# --------------------------------------------------------------------------------------------------
# Translation hook and purity
# --------------------------------------------------------------------------------------------------


def test_installed_translator_is_used_for_reason_and_summary_texts() -> None:
    set_translator(lambda message: f"[en] {message}")
    try:
        verdict = evaluate(profile=Profile(age=72), criteria=YOUTH)
        assert (
            verdict.failed[0].text
            == "[en] Je bent 72 jaar; deze hulp is voor mensen van 12 tot en met 23 jaar."
        )
        assert summary_text(verdict) == "[en] Je komt hier waarschijnlijk niet voor in aanmerking."
    finally:
        set_translator(None)
    assert evaluate(profile=Profile(age=72), criteria=YOUTH).failed[0].text.startswith("Je bent 72 jaar")


def test_package_imports_only_the_standard_library_and_the_vocabulary() -> None:
    package = Path(__file__).resolve().parents[2] / "services" / "eligibility"
    for source in package.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [node.module or ""]
            elif isinstance(node, ast.ImportFrom) and node.level > 1:
                # Outside the package only the pure vocabulary (test_vocabulary.py keeps that stdlib-only).
                assert node.module == "vocabulary", f"{source.name} imports {node.module}"
                continue
            else:
                continue
            for module in modules:
                root = module.split(".")[0]
                assert root == "__future__" or root in sys.stdlib_module_names, (
                    f"{source.name} imports {module}"
                )


# --------------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------------

KERN_SLUGS = sorted(KERN_NAMES)


@st.composite
def criteria_strategy(draw: st.DrawFn) -> Criteria:
    min_age = draw(st.none() | st.integers(0, 100))
    max_age = draw(st.none() | st.integers(min_age or 0, 120))
    income_rule = draw(st.sampled_from(IncomeRule))
    income_max_pct = draw(st.none() | st.integers(100, 150)) if income_rule == "low_income" else None
    residence = draw(st.sampled_from(Residence))
    kernen = (
        draw(st.frozensets(st.sampled_from(KERN_SLUGS), min_size=1)) if residence == "kernen" else frozenset()
    )
    return Criteria(
        min_age=min_age,
        max_age=max_age,
        income_rule=income_rule,
        income_max_pct=income_max_pct,
        residence=residence,
        residence_kernen=kernen,
        requires=draw(st.frozensets(st.sampled_from(Requirement))),
    )


profile_strategy = st.builds(
    Profile,
    kern=st.none() | st.sampled_from(KERN_SLUGS),
    lives_in_westland=st.none() | st.booleans(),
    age=st.none() | st.integers(0, 110),
    household=st.none() | st.sampled_from(Household),
    children_ages=st.lists(st.integers(0, 30), max_size=3).map(tuple),
    has_children_at_home=st.none() | st.booleans(),
    income=st.none() | st.sampled_from(IncomeAnswer),
    roles=st.frozensets(st.sampled_from(Role)),
    roles_known=st.booleans(),
)


@given(criteria=criteria_strategy())
def test_an_empty_profile_is_never_excluded(criteria: Criteria) -> None:
    verdict = evaluate(profile=Profile(), criteria=criteria)

    assert verdict.outcome is not NOT_ELIGIBLE
    assert verdict.failed == ()


@given(profile=profile_strategy)
def test_a_service_without_criteria_fits_everyone(profile: Profile) -> None:
    assert evaluate(profile=profile, criteria=Criteria()).outcome is ELIGIBLE


@given(profile=profile_strategy, criteria=criteria_strategy())
def test_outcome_agrees_with_the_reasons(profile: Profile, criteria: Criteria) -> None:
    verdict = evaluate(profile=profile, criteria=criteria, kern_names=KERN_NAMES)

    if verdict.failed:
        assert verdict.outcome is NOT_ELIGIBLE
    elif verdict.unchecked:
        assert verdict.outcome is UNKNOWN
    elif verdict.caveats:
        assert verdict.outcome is LIKELY
    else:
        assert verdict.outcome is ELIGIBLE
    all_reasons = verdict.passed + verdict.failed + verdict.unchecked + verdict.caveats
    assert sorted(verdict.reasons, key=repr) == sorted(all_reasons, key=repr)


@given(profile=profile_strategy, criteria=criteria_strategy())
def test_every_reason_is_a_finished_sentence_addressed_with_je(profile: Profile, criteria: Criteria) -> None:
    verdict = evaluate(profile=profile, criteria=criteria, kern_names=KERN_NAMES)

    for reason in verdict.reasons:
        assert "%(" not in reason.text
        assert reason.text.endswith(".")
        assert " je " in f" {reason.text.lower()} ".replace(";", " ").replace(".", " ")


# Answers that belong together are forgotten together, so a contradiction (a kern and "not in Westland")
# cannot surface as a new "no" answer.
ANSWER_GROUPS = {
    "residence": {"kern": None, "lives_in_westland": None},
    "age": {"age": None},
    "household": {"household": None, "children_ages": (), "has_children_at_home": None},
    "income": {"income": None},
    "roles": {"roles": frozenset(), "roles_known": False},
}


@given(
    profile=profile_strategy,
    criteria=criteria_strategy(),
    groups=st.sets(st.sampled_from(sorted(ANSWER_GROUPS)), min_size=1),
)
def test_forgetting_answers_never_adds_a_failure(
    profile: Profile, criteria: Criteria, groups: set[str]
) -> None:
    forgotten = replace(profile, **{k: v for group in groups for k, v in ANSWER_GROUPS[group].items()})

    before = evaluate(profile=profile, criteria=criteria)
    after = evaluate(profile=forgotten, criteria=criteria)

    assert {r.criterion for r in after.failed} <= {r.criterion for r in before.failed}
    assert outcome_rank(after.outcome) >= outcome_rank(before.outcome) or before.outcome is NOT_ELIGIBLE
