"""Filters, facets, ranking rules and the validation of every search parameter."""

import datetime

import pytest

from django.utils import timezone

from search.filters import SearchFilterSet
from search.ranking import PYRAMID_ORDER, Geography
from search.retrieval import MAX_PAGE, search_services
from services.models import Kern, LifeSituation, ServicePage
from tests.factories import LocationFactory, OpeningHoursFactory, ServicePageFactory

from .conftest import slugs


def levels(results):
    return [PYRAMID_ORDER[r.document.pyramid_level] for r in results.results]


def test_an_empty_query_lists_every_service_lightest_first(search_demo):
    results = search_services(per_page=100)
    assert results.count == ServicePage.objects.live().count()
    assert levels(results) == sorted(levels(results))


def test_an_empty_query_with_a_filter_lists_the_subject_lightest_first(search_demo):
    results = search_services(situations=["geld-en-schulden"], per_page=100)
    tagged = set(
        ServicePage.objects.live()
        .filter(life_situations__slug="geld-en-schulden")
        .values_list("slug", flat=True)
    )
    assert set(slugs(results)) == tagged
    assert levels(results) == sorted(levels(results))
    assert slugs(results, 1) == ["schuldhulpmaatje"]


@pytest.mark.parametrize(
    ("kwargs", "check"),
    [
        ({"groups": ["mantelzorgers"]}, lambda doc: "mantelzorgers" in doc.target_groups),
        ({"channels": ["inloop"]}, lambda doc: "inloop" in doc.channels),
        ({"channels": ["inloop", "huisbezoek"]}, lambda doc: {"inloop", "huisbezoek"} & set(doc.channels)),
        ({"cost": "gratis"}, lambda doc: doc.cost == "gratis"),
        (
            {"situations": ["mantelzorg", "vervoer"]},
            lambda doc: {"mantelzorg", "vervoer"} & set(doc.situations),
        ),
    ],
)
def test_each_filter_keeps_only_matching_services(search_demo, kwargs, check):
    results = search_services(per_page=100, **kwargs)
    assert results.count > 0
    assert all(check(r.document) for r in results.results)


def test_facet_counts_match_what_ticking_the_box_would_give(search_demo):
    results = search_services(text="schulden")
    for value in results.facets["situation"]:
        if value["count"]:
            narrowed = search_services(text="schulden", situations=[value["value"]])
            assert narrowed.count == value["count"], value
    cost = {v["value"]: v["count"] for v in results.facets["cost"]}
    assert sum(cost.values()) == results.count


def test_a_facet_still_counts_its_other_values_when_one_is_chosen(search_demo):
    results = search_services(situations=["mantelzorg"])
    counts = {v["value"]: v["count"] for v in results.facets["situation"]}
    assert counts["vervoer"] > 0  # ticking "vervoer" too would add these
    chosen = [v for v in results.facets["situation"] if v["selected"]]
    assert [v["value"] for v in chosen] == ["mantelzorg"]


def test_the_kern_orders_but_never_hides_help(search_demo):
    everywhere = search_services(text="ggz inloop", per_page=100)
    in_maasdijk = search_services(text="ggz inloop", kern="maasdijk", per_page=100)
    assert everywhere.count == in_maasdijk.count
    in_naaldwijk = search_services(text="ggz inloop", kern="naaldwijk")
    first = in_naaldwijk.results[0]
    assert first.document.slug == "ggz-inloop"
    assert first.geography == Geography.IN_KERN
    assert "In je eigen kern" in first.reasons


def test_results_explain_why_they_appear_in_plain_dutch(search_demo):
    results = search_services(text="schulden")
    reasons = results.results[0].reasons
    assert "Past bij: Geld en schulden" in reasons
    assert "Voor heel Westland" in reasons
    regional = search_services(text="daklozenloket delft").results[0]
    assert any(reason.startswith("Regionaal") for reason in regional.reasons)


def test_a_neighbouring_kern_is_explained(search_demo):
    naaldwijk = Kern.objects.get(slug="naaldwijk")
    neighbour = naaldwijk.neighbours.exclude(slug="s-gravenzande").first()  # the GGZ-inloop is in both
    results = search_services(text="ggz inloop", kern=neighbour.slug)
    ggz = next(r for r in results.results if r.document.slug == "ggz-inloop")
    assert ggz.geography == Geography.NEIGHBOUR
    assert "In een kern vlakbij" in ggz.reasons


def test_ended_services_are_hidden_and_temporarily_closed_ones_come_last(search_demo):
    ended = ServicePage.objects.get(slug="schuldhulpmaatje")
    ended.status = "ended"
    ended.save_revision().publish()
    closed = ServicePage.objects.get(slug="schuldhulpverlening")
    closed.status = "temporarily_closed"
    closed.status_alert = "Gesloten tot 1 maart."
    closed.save_revision().publish()

    results = search_services(text="schulden", per_page=100)
    found = slugs(results)
    assert "schuldhulpmaatje" not in found
    assert found[-1] == "schuldhulpverlening"


def test_open_now_keeps_services_with_a_location_open_at_that_moment(search_demo):
    situation = LifeSituation.objects.get(slug="eenzaamheid-en-ontmoeting")
    location = LocationFactory()
    OpeningHoursFactory(location=location, weekday=0, opens=datetime.time(9), closes=datetime.time(12))
    service = ServicePageFactory(slug="koffie-inloop-test", life_situations=[situation], locations=[location])
    monday_morning = timezone.make_aware(datetime.datetime(2026, 1, 5, 10, 0))
    monday_evening = timezone.make_aware(datetime.datetime(2026, 1, 5, 20, 0))

    open_results = search_services(open_now=True, now=monday_morning)
    assert slugs(open_results) == [service.slug]
    assert open_results.results[0].open_state.is_open
    assert search_services(open_now=True, now=monday_evening).count == 0
    facet = search_services(now=monday_morning).facets["open_now"][0]
    assert facet["count"] == 1


def test_pagination_splits_the_list_and_a_page_past_the_end_is_empty_not_an_error(search_demo):
    first = search_services(per_page=10, page=1)
    second = search_services(per_page=10, page=2)
    assert first.num_pages == -(-first.count // 10)
    assert not set(slugs(first)) & set(slugs(second))
    beyond = search_services(per_page=10, page=first.num_pages + 5)
    assert beyond.results == [] and beyond.count == first.count


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kern": "atlantis"}, "kern"),
        ({"situation": ["geld-en-schulden", "onbekend"]}, "situation"),
        ({"group": "aliens"}, "group"),
        ({"channel": "postduif"}, "channel"),
        ({"cost": "duur"}, "cost"),
        ({"page": "-1"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": str(10**9)}, "page"),
        ({"page": "twee"}, "page"),
        ({"page": "1.5"}, "page"),
    ],
)
def test_invalid_values_are_refused_with_a_message(search_demo, params, field):
    filterset = SearchFilterSet(params)
    assert not filterset.is_valid()
    assert field in filterset.error_dict()


def test_valid_values_pass_and_become_retrieval_arguments(search_demo):
    filterset = SearchFilterSet(
        {
            "q": "  schulden  ",
            "kern": "monster",
            "situation": ["geld-en-schulden"],
            "channel": ["inloop"],
            "cost": "gratis",
            "open_now": "1",
            "page": "2",
        }
    )
    assert filterset.is_valid(), filterset.errors
    params = filterset.search_params()
    assert params == {
        "text": "schulden",
        "kern": "monster",
        "situations": ("geld-en-schulden",),
        "groups": (),
        "channels": ("inloop",),
        "cost": "gratis",
        "open_now": True,
        "page": 2,
    }
    assert MAX_PAGE >= 2


def test_a_very_long_query_is_cut_not_refused(search_demo):
    filterset = SearchFilterSet({"q": "schulden " * 5000})
    assert filterset.is_valid()
    assert len(filterset.search_params()["text"]) <= 200
    assert search_services(text=filterset.search_params()["text"]).count > 0
