"""Tests for search.ranking: the pyramid of care and geography as one pure, table-tested sort."""

import itertools

import pytest

from search.ranking import (
    DEFAULT_BANDS,
    PYRAMID_ORDER,
    Candidate,
    Geography,
    RankedCandidate,
    geography,
    rank,
    relevance_band,
)

BASIS, VRIJ, MAATWERK, SPECIALIST = "sociale_basis", "vrij_toegankelijk", "maatwerk", "specialistisch"

# A slice of shared/domain/kernen.json; the ranking only needs "which kernen are next to this one".
NEIGHBOURS = {
    "de-lier": frozenset({"naaldwijk", "honselersdijk", "kwintsheul", "maasdijk"}),
    "naaldwijk": frozenset({"de-lier", "honselersdijk", "s-gravenzande", "monster", "wateringen"}),
    "monster": frozenset({"ter-heijde", "s-gravenzande", "poeldijk", "naaldwijk"}),
}

_ids = itertools.count(1)


def svc(
    name: str,
    level: str = VRIJ,
    score: float = 1.0,
    kernen: tuple[str, ...] = (),
    *,
    regional: bool = False,
    status: str = "active",
    crisis: bool = False,
    eligibility: int = 0,
    id: int | None = None,
) -> Candidate:
    return Candidate(
        id=next(_ids) if id is None else id,
        text_score=score,
        pyramid_level=level,
        kernen=frozenset(kernen),
        regional=regional,
        status=status,
        is_crisis=crisis,
        eligibility_rank=eligibility,
        name=name,
    )


def names(ranked: list[RankedCandidate]) -> list[str]:
    return [item.candidate.name for item in ranked]


# Each row: candidates in arbitrary input order, keyword arguments for rank(), expected names in order.
RANK_CASES = [
    # --- pyramid of care within a relevance band -------------------------------------------------------
    pytest.param(
        [svc("Wmo huishoudelijke hulp", MAATWERK), svc("Vrijwillige thuishulp", BASIS)],
        {},
        ["Vrijwillige thuishulp", "Wmo huishoudelijke hulp"],
        id="light_help_comes_before_tailored_help_when_equally_relevant",
    ),
    pytest.param(
        [
            svc("Jeugd-GGZ", SPECIALIST),
            svc("Jeugdhulp SKT", MAATWERK),
            svc("Opvoedspreekuur", VRIJ),
            svc("Oudercafe", BASIS),
        ],
        {},
        ["Oudercafe", "Opvoedspreekuur", "Jeugdhulp SKT", "Jeugd-GGZ"],
        id="all_four_pyramid_levels_come_lightest_first",
    ),
    pytest.param(
        [svc("Schuldhulpverlening", MAATWERK, score=10.0), svc("Schuldhulpmaatje", VRIJ, score=8.0)],
        {},
        ["Schuldhulpmaatje", "Schuldhulpverlening"],
        id="slightly_more_relevant_tailored_help_still_follows_comparable_light_help",
    ),
    pytest.param(
        [svc("Beschermd wonen", SPECIALIST, score=10.0), svc("Buurthuis", BASIS, score=2.0)],
        {},
        ["Beschermd wonen", "Buurthuis"],
        id="much_more_relevant_specialist_help_still_beats_weakly_matching_light_help",
    ),
    pytest.param(
        [svc("Specialist", SPECIALIST, score=4.0), svc("Basis", BASIS, score=3.0)],
        {},
        ["Basis", "Specialist"],
        id="score_exactly_at_75_percent_of_the_best_is_still_comparably_relevant",
    ),
    pytest.param(
        [svc("Specialist", SPECIALIST, score=4.0), svc("Basis", BASIS, score=2.9)],
        {},
        ["Specialist", "Basis"],
        id="score_just_below_75_percent_of_the_best_drops_a_band",
    ),
    pytest.param(
        [svc("Wmo", MAATWERK, kernen=("de-lier",)), svc("Maatjesproject", BASIS, kernen=("maasdijk",))],
        {"kern": "de-lier"},
        ["Maatjesproject", "Wmo"],
        id="pyramid_level_outweighs_geography",
    ),
    pytest.param(
        [svc("Onbekend niveau", "iets_anders"), svc("Specialist", SPECIALIST)],
        {},
        ["Specialist", "Onbekend niveau"],
        id="unknown_pyramid_level_sorts_after_specialist_help_but_is_not_hidden",
    ),
    # --- geography --------------------------------------------------------------------------------------
    pytest.param(
        [svc("Inloop Naaldwijk", kernen=("naaldwijk",)), svc("Inloop De Lier", kernen=("de-lier",))],
        {"kern": "de-lier", "neighbours": NEIGHBOURS},
        ["Inloop De Lier", "Inloop Naaldwijk"],
        id="walk_in_help_in_own_kern_beats_same_help_elsewhere",
    ),
    pytest.param(
        [svc("Heel Westland"), svc("Buurkern", kernen=("kwintsheul",))],
        {"kern": "de-lier", "neighbours": NEIGHBOURS},
        ["Buurkern", "Heel Westland"],
        id="help_in_a_neighbouring_kern_beats_help_for_all_of_westland",
    ),
    pytest.param(
        [svc("Delft", regional=True), svc("Westland")],
        {"kern": "de-lier", "neighbours": NEIGHBOURS},
        ["Westland", "Delft"],
        id="help_for_all_of_westland_beats_regional_help",
    ),
    pytest.param(
        [
            svc("A regionaal", regional=True),
            svc("B heel Westland"),
            svc("C buurkern", kernen=("naaldwijk",)),
            svc("D eigen kern", kernen=("de-lier",)),
        ],
        {"kern": "de-lier", "neighbours": NEIGHBOURS},
        ["D eigen kern", "C buurkern", "B heel Westland", "A regionaal"],
        id="geography_orders_own_kern_then_neighbour_then_westland_then_regional",
    ),
    pytest.param(
        [svc("B ver weg", kernen=("ter-heijde",)), svc("A heel Westland"), svc("0 regionaal", regional=True)],
        {"kern": "de-lier", "neighbours": NEIGHBOURS},
        ["A heel Westland", "B ver weg", "0 regionaal"],
        id="help_in_a_far_kern_ranks_with_all_westland_help_and_before_regional_help",
    ),
    pytest.param(
        [svc("Westland breed"), svc("Regionaal met balie", kernen=("monster",), regional=True)],
        {"kern": "monster", "neighbours": NEIGHBOURS},
        ["Regionaal met balie", "Westland breed"],
        id="regional_service_with_a_desk_in_own_kern_counts_as_in_own_kern",
    ),
    pytest.param(
        [svc("B Naaldwijk", kernen=("naaldwijk",)), svc("A heel Westland")],
        {"kern": "heenweg", "neighbours": NEIGHBOURS},
        ["A heel Westland", "B Naaldwijk"],
        id="kern_without_known_neighbours_treats_other_kernen_as_westland",
    ),
    # --- no kern chosen ---------------------------------------------------------------------------------
    pytest.param(
        [svc("Regionaal", regional=True), svc("B lokaal", kernen=("naaldwijk",)), svc("A heel Westland")],
        {},
        ["A heel Westland", "B lokaal", "Regionaal"],
        id="without_a_kern_local_help_ranks_as_westland_and_before_regional_help",
    ),
    pytest.param(
        [svc("Specialist", SPECIALIST, kernen=("naaldwijk",)), svc("Basis", BASIS, regional=True)],
        {},
        ["Basis", "Specialist"],
        id="without_a_kern_the_pyramid_still_orders",
    ),
    # --- status ---------------------------------------------------------------------------------------
    pytest.param(
        [svc("Gesloten", BASIS, score=10.0, status="temporarily_closed"), svc("Open", SPECIALIST, score=1.0)],
        {},
        ["Open", "Gesloten"],
        id="temporarily_closed_service_sorts_last_even_when_it_is_the_best_match",
    ),
    pytest.param(
        [
            svc("Gesloten specialist", SPECIALIST, status="temporarily_closed"),
            svc("Gesloten basis", BASIS, status="temporarily_closed"),
            svc("Open", MAATWERK),
        ],
        {},
        ["Open", "Gesloten basis", "Gesloten specialist"],
        id="closed_services_keep_policy_order_among_themselves",
    ),
    pytest.param(
        [svc("Gestopt", BASIS, status="ended"), svc("Actief", SPECIALIST)],
        {},
        ["Actief"],
        id="ended_service_is_removed",
    ),
    pytest.param(
        [
            svc("Gesloten", score=100.0, status="temporarily_closed"),
            svc("Specialist", SPECIALIST, score=10.0),
            svc("Basis", BASIS, score=2.0),
        ],
        {},
        ["Specialist", "Basis", "Gesloten"],
        id="a_closed_high_scorer_does_not_flatten_the_bands_of_open_services",
    ),
    # --- crisis ---------------------------------------------------------------------------------------
    pytest.param(
        [svc("Buurthuis", BASIS, score=9.0), svc("Veilig Thuis", SPECIALIST, score=1.0, crisis=True)],
        {"crisis": True},
        ["Veilig Thuis", "Buurthuis"],
        id="crisis_question_puts_crisis_services_first_whatever_their_level_or_score",
    ),
    pytest.param(
        [svc("Veilig Thuis", SPECIALIST, crisis=True), svc("Buurthuis", BASIS)],
        {},
        ["Buurthuis", "Veilig Thuis"],
        id="crisis_services_follow_the_pyramid_when_the_question_is_not_about_crisis",
    ),
    pytest.param(
        [
            svc("113", SPECIALIST, crisis=True, regional=True),
            svc("Crisisdienst", MAATWERK, crisis=True),
            svc("Buurthuis", BASIS),
        ],
        {"crisis": True},
        ["Crisisdienst", "113", "Buurthuis"],
        id="crisis_services_among_themselves_follow_the_pyramid",
    ),
    pytest.param(
        [svc("Crisis gesloten", crisis=True, status="temporarily_closed"), svc("Buurthuis", BASIS)],
        {"crisis": True},
        ["Buurthuis", "Crisis gesloten"],
        id="temporarily_closed_crisis_service_still_sorts_last",
    ),
    # --- eligibility and tie-breaks ---------------------------------------------------------------------
    pytest.param(
        [svc("Onbekend", eligibility=2), svc("Waarschijnlijk", eligibility=1), svc("Zeker", eligibility=0)],
        {},
        ["Zeker", "Waarschijnlijk", "Onbekend"],
        id="eligible_before_likely_before_unknown_when_otherwise_equal",
    ),
    pytest.param(
        [
            svc("Regionaal zeker", regional=True, eligibility=0),
            svc("Eigen kern onbekend", kernen=("monster",), eligibility=2),
        ],
        {"kern": "monster"},
        ["Eigen kern onbekend", "Regionaal zeker"],
        id="geography_outweighs_eligibility",
    ),
    pytest.param(
        [svc("Zwak", score=8.0), svc("Sterk", score=9.0)],
        {},
        ["Sterk", "Zwak"],
        id="higher_text_score_breaks_ties_within_band_level_and_place",
    ),
    pytest.param(
        [svc("bibliotheek"), svc("Buurthuis"), svc("Aanloop")],
        {},
        ["Aanloop", "bibliotheek", "Buurthuis"],
        id="equal_results_are_sorted_by_name_ignoring_case",
    ),
    pytest.param(
        [svc("Taalcafe", id=30), svc("Taalcafe", id=10), svc("Taalcafe", id=20)],
        {},
        ["Taalcafe"] * 3,
        id="equal_results_with_equal_names_are_sorted_by_id",
    ),
    pytest.param(
        [
            svc("Specialist eigen kern", SPECIALIST, score=0.0, kernen=("naaldwijk",)),
            svc("Basis regionaal", BASIS, score=0.0, regional=True),
            svc("Basis eigen kern", BASIS, score=0.0, kernen=("naaldwijk",)),
        ],
        {"kern": "naaldwijk", "neighbours": NEIGHBOURS},
        ["Basis eigen kern", "Basis regionaal", "Specialist eigen kern"],
        id="filter_only_list_without_scores_is_ordered_by_policy_alone",
    ),
    pytest.param([], {}, [], id="no_candidates_give_no_results"),
]


@pytest.mark.parametrize(("candidates", "options", "expected"), RANK_CASES)
def test_rank_orders_by_policy(candidates, options, expected):
    assert names(rank(candidates, **options)) == expected


def test_equal_names_fall_back_to_id_order():
    ranked = rank([svc("Taalcafe", id=30), svc("Taalcafe", id=10), svc("Taalcafe", id=20)])
    assert [item.id for item in ranked] == [10, 20, 30]


def test_input_order_does_not_change_the_result():
    candidates = [
        svc("Inloop", BASIS, score=5.0, kernen=("naaldwijk",)),
        svc("Wmo", MAATWERK, score=5.0),
        svc("Delft", SPECIALIST, score=9.0, regional=True),
        svc("Gesloten", VRIJ, score=9.0, status="temporarily_closed"),
        svc("Zelfde", VRIJ, score=5.0, id=500),
        svc("Zelfde", VRIJ, score=5.0, id=499),
    ]
    expected = [item.id for item in rank(candidates, kern="de-lier", neighbours=NEIGHBOURS)]
    for permutation in itertools.permutations(candidates):
        assert [item.id for item in rank(permutation, kern="de-lier", neighbours=NEIGHBOURS)] == expected


def test_ranked_candidate_carries_geography_and_band_for_explanations():
    own = svc("Eigen kern", score=10.0, kernen=("de-lier",))
    weak = svc("Zwak regionaal", score=1.0, regional=True)
    first, second = rank([weak, own], kern="de-lier", neighbours=NEIGHBOURS)
    assert (first.candidate, first.geography, first.band) == (own, Geography.IN_KERN, 0)
    assert (second.candidate, second.geography, second.band) == (weak, Geography.REGIONAL, 3)


def test_rank_accepts_any_iterable():
    assert names(rank(svc(name) for name in ["B", "A"])) == ["A", "B"]


GEOGRAPHY_CASES = [
    pytest.param(("de-lier",), False, "de-lier", Geography.IN_KERN, id="offered_in_chosen_kern"),
    pytest.param(("naaldwijk", "de-lier"), False, "de-lier", Geography.IN_KERN, id="one_of_several_kernen"),
    pytest.param(("maasdijk",), False, "de-lier", Geography.NEIGHBOUR, id="offered_in_neighbouring_kern"),
    pytest.param(("ter-heijde",), False, "de-lier", Geography.WESTLAND, id="far_kern_counts_as_westland"),
    pytest.param((), False, "de-lier", Geography.WESTLAND, id="no_kernen_means_all_of_westland"),
    pytest.param((), True, "de-lier", Geography.REGIONAL, id="regional_without_kernen"),
    pytest.param(("de-lier",), True, "de-lier", Geography.IN_KERN, id="regional_with_desk_in_kern"),
    pytest.param(("naaldwijk",), True, "de-lier", Geography.NEIGHBOUR, id="regional_with_desk_next_door"),
    pytest.param(("monster",), True, "de-lier", Geography.WESTLAND, id="regional_with_desk_far_away"),
    pytest.param(("naaldwijk",), False, None, Geography.WESTLAND, id="no_kern_chosen_local_is_westland"),
    pytest.param((), False, None, Geography.WESTLAND, id="no_kern_chosen_westland_wide"),
    pytest.param((), True, None, Geography.REGIONAL, id="no_kern_chosen_regional"),
]


@pytest.mark.parametrize(("kernen", "regional", "kern", "expected"), GEOGRAPHY_CASES)
def test_geography(kernen, regional, kern, expected):
    candidate = svc("Dienst", kernen=kernen, regional=regional)
    assert geography(candidate, kern=kern, neighbours=NEIGHBOURS) is expected


def test_geography_ranks_are_the_documented_numbers():
    ranks = {geo.name: int(geo) for geo in Geography}
    assert ranks == {"IN_KERN": 0, "NEIGHBOUR": 1, "WESTLAND": 2, "REGIONAL": 3}


BAND_CASES = [
    pytest.param(10.0, 10.0, 0, id="the_best_result_is_band_0"),
    pytest.param(7.5, 10.0, 0, id="75_percent_is_band_0_inclusive"),
    pytest.param(0.3, 0.4, 0, id="75_percent_despite_float_rounding"),
    pytest.param(7.49, 10.0, 1, id="just_under_75_percent_is_band_1"),
    pytest.param(5.0, 10.0, 1, id="50_percent_is_band_1"),
    pytest.param(2.5, 10.0, 2, id="25_percent_is_band_2"),
    pytest.param(2.4, 10.0, 3, id="under_25_percent_is_the_last_band"),
    pytest.param(0.0, 10.0, 3, id="no_text_match_is_the_last_band"),
    pytest.param(0.0, 0.0, 0, id="filter_only_list_is_all_band_0"),
]


@pytest.mark.parametrize(("score", "top", "expected"), BAND_CASES)
def test_relevance_band(score, top, expected):
    assert relevance_band(score, top) == expected


def test_relevance_band_accepts_custom_bands():
    assert relevance_band(6.0, 10.0, bands=(0.9, 0.6)) == 1
    assert relevance_band(5.0, 10.0, bands=(0.9, 0.6)) == 2
    assert DEFAULT_BANDS == (0.75, 0.5, 0.25)


def test_pyramid_order_is_lightest_first():
    assert sorted(PYRAMID_ORDER, key=PYRAMID_ORDER.get) == [BASIS, VRIJ, MAATWERK, SPECIALIST]
    assert list(PYRAMID_ORDER.values()) == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        pytest.param({"text_score": -3.2}, "text_score", id="negative_score_such_as_raw_bm25_is_rejected"),
        pytest.param({"status": "closed"}, "status", id="misspelt_status_is_rejected"),
    ],
)
def test_candidate_rejects_engine_mix_ups(changes, message):
    fields = {
        "id": 1,
        "text_score": 1.0,
        "pyramid_level": BASIS,
        "kernen": frozenset(),
        "regional": False,
        "status": "active",
    } | changes
    with pytest.raises(ValueError, match=message):
        Candidate(**fields)


def test_candidate_is_hashable_and_normalises_kernen_to_a_frozenset():
    candidate = Candidate(
        id=1, text_score=0.0, pyramid_level=BASIS, kernen={"naaldwijk"}, regional=False, status="active"
    )
    assert candidate.kernen == frozenset({"naaldwijk"})
    assert hash(candidate) == hash(
        Candidate(
            id=1,
            text_score=0.0,
            pyramid_level=BASIS,
            kernen=frozenset({"naaldwijk"}),
            regional=False,
            status="active",
        )
    )
