"""The fit rules of search.fit, one table row per rule."""

import pytest

from search.fit import Resident, ServiceFit, fit_band, fit_score, is_unsuited, life_stages
from search.ranking import Candidate, rank

CARERS_SUPPORT = ServiceFit(
    situations={"mantelzorg"},
    main_situation="mantelzorg",
    groups={"mantelzorgers"},
    requires={"mantelzorger"},
)
MEETING_FOR_ALL = ServiceFit(
    situations={"eenzaamheid-en-ontmoeting", "ouder-worden-en-dementie"},
    main_situation="eenzaamheid-en-ontmoeting",
    groups={"iedereen", "ouderen"},
)
TAGGED_EVERYWHERE = ServiceFit(
    situations={
        "eenzaamheid-en-ontmoeting",
        "mantelzorg",
        "psychische-gezondheid",
        "ouder-worden-en-dementie",
    },
    main_situation="eenzaamheid-en-ontmoeting",
    groups={"iedereen"},
)
YOUTH_WORK = ServiceFit(
    situations={"opvoeden-en-opgroeien", "psychische-gezondheid"},
    main_situation="opvoeden-en-opgroeien",
    groups={"jongeren"},
    min_age=12,
    max_age=23,
)
GENERAL_PSYCH = ServiceFit(
    situations={"psychische-gezondheid"}, main_situation="psychische-gezondheid", groups={"iedereen"}
)
OLDER_ONLY = ServiceFit(
    situations={"ouder-worden-en-dementie"}, main_situation="ouder-worden-en-dementie", groups={"ouderen"}
)
CHILD_SCHEME = ServiceFit(
    situations={"inkomen-en-regelingen", "opvoeden-en-opgroeien"},
    main_situation="inkomen-en-regelingen",
    groups={"kinderen", "ouders", "minima"},
    requires={"kinderen_thuis"},
)
ADULT_SCHEME = ServiceFit(
    situations={"inkomen-en-regelingen"}, main_situation="inkomen-en-regelingen", groups={"minima"}
)
REPORT_A_WORRY = ServiceFit(
    situations={"psychische-gezondheid"},
    main_situation="psychische-gezondheid",
    groups={"iedereen"},
    asked_for={"worried_about", "cared_for", "child"},
)

CARER_78 = Resident(
    situations={"mantelzorg", "ouder-worden-en-dementie"}, age=78, roles={"mantelzorger"}, for_whom="self"
)
YOUTH_16 = Resident(situations={"psychische-gezondheid"}, age=16, for_whom="self")
ADULT_40 = Resident(situations={"psychische-gezondheid"}, age=40, for_whom="self")
LOW_INCOME_PARENT = Resident(
    situations={"inkomen-en-regelingen"}, age=35, income="low", children_at_home=True
)
WORRIED = Resident(situations={"psychische-gezondheid"}, age=50, for_whom="worried_about")


@pytest.mark.parametrize(
    ("better", "worse", "resident"),
    [
        pytest.param(CARERS_SUPPORT, MEETING_FOR_ALL, CARER_78, id="carer-gets-carer-support-before-meeting"),
        pytest.param(CARERS_SUPPORT, TAGGED_EVERYWHERE, CARER_78, id="main-situation-beats-many-tags"),
        pytest.param(YOUTH_WORK, GENERAL_PSYCH, YOUTH_16, id="16-year-old-gets-youth-help-first"),
        pytest.param(GENERAL_PSYCH, YOUTH_WORK, ADULT_40, id="adult-gets-general-help-before-youth-help"),
        pytest.param(CHILD_SCHEME, ADULT_SCHEME, LOW_INCOME_PARENT, id="low-income-parent-gets-child-scheme"),
        pytest.param(REPORT_A_WORRY, GENERAL_PSYCH, WORRIED, id="worried-gets-the-report-service"),
    ],
)
def test_the_better_fitting_service_scores_higher(better, worse, resident):
    assert fit_score(better, resident) > fit_score(worse, resident)


@pytest.mark.parametrize(
    ("service", "resident", "unsuited"),
    [
        pytest.param(REPORT_A_WORRY, ADULT_40, True, id="report-a-worry-is-not-for-myself"),
        pytest.param(REPORT_A_WORRY, WORRIED, False, id="report-a-worry-is-for-the-worried"),
        pytest.param(REPORT_A_WORRY, Resident(), False, id="unknown-for-whom-rules-nothing-out"),
        pytest.param(GENERAL_PSYCH, ADULT_40, False, id="no-asked-for-means-anyone"),
    ],
)
def test_unsuited_follows_who_asks(service, resident, unsuited):
    assert is_unsuited(service, resident) is unsuited


@pytest.mark.parametrize(
    ("age", "stages"),
    [
        (5, {"kinderen"}),
        (12, {"jongeren"}),
        (19, {"jongeren", "jongvolwassenen"}),
        (26, {"jongvolwassenen"}),
        (40, set()),
        (65, {"ouderen"}),
        (88, {"ouderen"}),
    ],
)
def test_life_stages_follow_the_documented_limits(age, stages):
    assert life_stages(age) == frozenset(stages)


@pytest.mark.parametrize(
    ("score", "band"), [(9, 0), (8, 0), (7.9, 1), (6, 1), (4, 2), (2, 3), (1.9, 4), (-2, 4)]
)
def test_fit_band_thresholds(score, band):
    assert fit_band(score) == band


def test_older_only_help_scores_lower_for_a_40_year_old_than_for_a_70_year_old():
    asked = {"ouder-worden-en-dementie"}
    assert fit_score(OLDER_ONLY, Resident(situations=asked, age=40)) < fit_score(
        OLDER_ONLY, Resident(situations=asked, age=70)
    )


def test_text_share_adds_at_most_two_points():
    assert fit_score(GENERAL_PSYCH, ADULT_40, text_share=5.0) - fit_score(GENERAL_PSYCH, ADULT_40) == 2.0


def test_fit_band_goes_before_the_pyramid_level_but_after_crisis():
    def candidate(pk, level, fit, crisis=False):
        return Candidate(
            id=pk,
            text_score=0,
            pyramid_level=level,
            kernen=frozenset(),
            regional=False,
            status="active",
            fit_band=fit,
            is_crisis=crisis,
        )

    ranked = rank(
        [
            candidate(1, "sociale_basis", 2),
            candidate(2, "maatwerk", 0),
            candidate(3, "specialistisch", 3, True),
        ],
        crisis=True,
    )
    assert [item.id for item in ranked] == [3, 2, 1]
