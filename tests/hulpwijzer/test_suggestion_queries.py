"""Suggestions cost a fixed number of queries, however many services fit: pages are loaded once, in one
queryset, and places (opening hours) only for the pages that show them."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from hulpwijzer.suggestions import suggest
from services.eligibility import Profile
from services.models import Kern
from tests.conftest import clear_process_caches
from tests.factories import (
    LifeSituationFactory,
    LocationFactory,
    OpeningExceptionFactory,
    OpeningHoursFactory,
    ServicePageFactory,
)

MONDAY_TEN = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
LEVELS = ("sociale_basis", "vrij_toegankelijk", "maatwerk", "specialistisch")

# Measured on SQLite: the demo map's 67-year-old in Maasdijk took 24 queries while the pages were loaded
# twice and the kern neighbours and names read again, 15 since; this map takes 16 with places, 14 without.
# The bound leaves room for a query more on another database, never for one per service.
MAX_QUERIES = 18


def _add_services(situation, count, *, start=0):
    naaldwijk = Kern.objects.get(slug="naaldwijk")
    for number in range(start, start + count):
        location = LocationFactory(kern=naaldwijk)
        OpeningHoursFactory(location=location)
        OpeningExceptionFactory(location=location)
        page = ServicePageFactory(
            title=f"Buurthulp {number}",
            pyramid_level=LEVELS[number % len(LEVELS)],
            life_situations=[situation],
            kernen=[naaldwijk],
            locations=[location],
        )
        page.save_revision().publish()


def _queries(profile, **kwargs):
    suggest(profile=profile, now=MONDAY_TEN, **kwargs)  # per-process caches (facts, synonyms) filled once
    with CaptureQueriesContext(connection) as context:
        result = suggest(profile=profile, now=MONDAY_TEN, **kwargs)
    return len(context.captured_queries), result


@pytest.mark.parametrize("with_places", [True, False])
def test_suggestions_cost_the_same_queries_for_5_and_for_30_fitting_services(db, with_places):
    clear_process_caches()
    situation = LifeSituationFactory()
    profile = Profile(kern="monster", age=40, situations=frozenset({situation.slug}))

    _add_services(situation, 5)
    few, result = _queries(profile, with_places=with_places)
    assert len(result.suggestions) == 5

    _add_services(situation, 25, start=5)
    many, result = _queries(profile, with_places=with_places)
    assert len(result.suggestions) == 30

    assert many == few
    assert many <= MAX_QUERIES
    assert all(bool(s.places) is with_places for s in result.suggestions)


def test_places_are_only_computed_when_asked_for(db):
    clear_process_caches()
    situation = LifeSituationFactory()
    _add_services(situation, 3)
    profile = Profile(kern="naaldwijk", situations=frozenset({situation.slug}))
    with_places, shown = _queries(profile)
    without_places, bare = _queries(profile, with_places=False)
    assert without_places < with_places
    assert [s.as_api_dict() for s in bare.suggestions] == [s.as_api_dict() for s in shown.suggestions]
    place = shown.suggestions[0].places[0]
    assert place.is_open is True
    assert "12:00" in place.opening_text
