"""The residents set (bench/residents.json) on the demo data: the acceptance bar of issue 9."""

import pytest

from hulpwijzer.management.commands.residents_relevance import evaluate_all, load_residents

pytestmark = pytest.mark.django_db


def test_residents_set_covers_every_kern_and_life_situation():
    residents = load_residents()
    assert len(residents) >= 40
    kernen = {r["answers"].get("kern") for r in residents} - {None}
    assert len(kernen) == 11
    groups = {r["group"] for r in residents}
    assert {"carers", "older", "youth", "money", "safety", "for_whom"} <= groups


def test_at_least_90_percent_get_an_expected_service_in_the_top_3_and_none_excluded(demo_data):
    outcomes = evaluate_all(load_residents())
    passed = [o for o in outcomes if o.hit]
    excluded = [(o.id, o.excluded_shown) for o in outcomes if o.excluded_shown]
    assert len(passed) / len(outcomes) >= 0.9, [(o.id, o.top) for o in outcomes if not o.hit]
    assert len(excluded) <= 0 or excluded == [], excluded
