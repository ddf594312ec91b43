"""The circuit breaker in front of Elasticsearch: state changes and cool-down, without timing asserts.

Time is a fake clock; "the cluster was asked" is counted, never measured. bench/hanging_cluster.py
measures the latencies against a cluster that never answers.
"""

import logging

import pytest

from search.engines import get_engine
from search.engines.base import EngineQuery, EngineResult, EngineUnavailable
from search.engines.breaker import BreakerState, CircuitBreaker, breaker_for
from search.engines.fallback import FallbackEngine
from search.tasks import RETRY_DELAYS, sync_services
from tests import factories

from .stub_cluster import hanging_cluster

QUERY = EngineQuery(text="schulden", terms=("schuld",))


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class CountingEngine:
    """A primary that fails (or answers) on demand and counts how often it was asked."""

    name = "elasticsearch"

    def __init__(self, *, fail=True):
        self.fail = fail
        self.calls = 0

    def _answer(self):
        self.calls += 1
        if self.fail:
            raise EngineUnavailable("down") from TimeoutError()

    def search(self, query):
        self._answer()
        return EngineResult(hits=(), engine=self.name)

    def index_services(self, pages):
        self._answer()

    def remove_services(self, page_ids):
        self._answer()


class EmptyEngine:
    name = "database"

    def search(self, query):
        return EngineResult(hits=(), engine=self.name)

    def index_services(self, pages):
        pass

    def remove_services(self, page_ids):
        pass


@pytest.fixture
def clock():
    return FakeClock()


# --- The state machine ---------------------------------------------------------------------------


def test_a_new_breaker_is_closed_and_lets_every_caller_through(clock):
    breaker = CircuitBreaker(30, clock=clock)
    assert breaker.state is BreakerState.CLOSED
    assert all(breaker.allow() for _ in range(5))


@pytest.mark.parametrize(
    ("seconds_after_failure", "state", "allowed"),
    [
        (0, BreakerState.OPEN, False),
        (29.9, BreakerState.OPEN, False),
        (30, BreakerState.HALF_OPEN, True),
        (3600, BreakerState.HALF_OPEN, True),
    ],
)
def test_one_failure_opens_the_breaker_for_the_cool_down(clock, seconds_after_failure, state, allowed):
    breaker = CircuitBreaker(30, clock=clock)
    breaker.record_failure()
    clock.now += seconds_after_failure
    assert breaker.state is state
    assert breaker.allow() is allowed


def test_after_the_cool_down_only_one_trial_goes_through(clock):
    breaker = CircuitBreaker(30, clock=clock)
    breaker.record_failure()
    clock.now += 31
    assert [breaker.allow() for _ in range(3)] == [True, False, False]


@pytest.mark.parametrize(
    ("trial_succeeds", "state_after"), [(True, BreakerState.CLOSED), (False, BreakerState.OPEN)]
)
def test_the_trial_closes_or_reopens_the_breaker(clock, trial_succeeds, state_after):
    breaker = CircuitBreaker(30, clock=clock)
    breaker.record_failure()
    clock.now += 31
    assert breaker.allow()
    breaker.record_success() if trial_succeeds else breaker.record_failure()
    assert breaker.state is state_after
    # A failed trial starts a whole new cool-down.
    assert breaker.seconds_until_trial() == (0 if trial_succeeds else 30)


def test_the_process_keeps_one_breaker_per_cluster():
    assert breaker_for("http://a:9200", 30) is breaker_for("http://a:9200", 30)
    assert breaker_for("http://a:9200", 30) is not breaker_for("http://b:9200", 30)


# --- The fallback engine with a breaker ------------------------------------------------------------


def test_after_a_failed_search_the_database_answers_without_asking_the_cluster(clock, caplog):
    primary = CountingEngine()
    engine = FallbackEngine(primary, EmptyEngine(), breaker=CircuitBreaker(30, clock=clock))
    caplog.set_level(logging.WARNING, logger="hulpzoeker.search")

    results = [engine.search(QUERY) for _ in range(10)]

    assert primary.calls == 1
    assert all(result.fell_back for result in results)
    # One warning for the failure, not one per search during the outage.
    assert len([r for r in caplog.records if r.name == "hulpzoeker.search"]) == 1


def test_after_the_cool_down_a_recovered_cluster_answers_again(clock):
    primary = CountingEngine()
    engine = FallbackEngine(primary, EmptyEngine(), breaker=CircuitBreaker(30, clock=clock))
    engine.search(QUERY)
    primary.fail = False
    clock.now += 30
    assert not engine.search(QUERY).fell_back
    assert not engine.search(QUERY).fell_back
    assert primary.calls == 3


def test_writes_skip_an_open_breaker_and_remember_what_the_index_missed(clock, caplog):
    primary = CountingEngine()
    engine = FallbackEngine(primary, EmptyEngine(), breaker=CircuitBreaker(30, clock=clock))
    engine.search(QUERY)
    caplog.clear()

    engine.remove_services([7, 8])

    assert primary.calls == 1
    assert engine.missed == {7, 8}
    (record,) = [r for r in caplog.records if r.name == "hulpzoeker.search"]
    assert "7, 8" in record.getMessage() and "behind" in record.getMessage()


def test_a_failed_write_opens_the_breaker_for_searches_too(clock):
    primary = CountingEngine()
    breaker = CircuitBreaker(30, clock=clock)
    engine = FallbackEngine(primary, EmptyEngine(), breaker=breaker)
    engine.remove_services([3])
    assert breaker.state is BreakerState.OPEN
    assert engine.search(QUERY).fell_back and primary.calls == 1


# --- Against a cluster that accepts connections and never answers ----------------------------------


@pytest.fixture
def hanging(settings):
    url, close = hanging_cluster()
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_TIMEOUT = 0.2
    settings.ELASTICSEARCH_WRITE_TIMEOUT = 0.3
    yield url
    close()


@pytest.mark.django_db
def test_a_hanging_cluster_opens_the_process_breaker(hanging, settings):
    first = get_engine().search(QUERY)
    assert first.fell_back
    assert breaker_for(hanging, settings.ELASTICSEARCH_BREAKER_COOLDOWN).state is BreakerState.OPEN
    # Later requests build a new engine; the process's breaker still refuses the cluster.
    assert get_engine().search(QUERY).fell_back


@pytest.mark.django_db
def test_publishing_with_a_hanging_cluster_succeeds_and_says_the_index_is_behind(
    hanging, caplog, django_capture_on_commit_callbacks
):
    page = factories.ServicePageFactory(title="Taalhuis")
    caplog.set_level(logging.WARNING, logger="hulpzoeker.search")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    (record,) = [r for r in caplog.records if r.name == "hulpzoeker.search"]
    assert f"service page(s) {page.pk} " in record.getMessage() and "behind" in record.getMessage()
    assert "ConnectionTimeout" in record.getMessage()


@pytest.mark.parametrize(
    ("backend", "write_timeout"),
    [
        # Immediate: the write runs in the editor's request, so it waits no longer than a search.
        ("django_tasks.backends.immediate.ImmediateBackend", 0.2),
        ("django_tasks_db.DatabaseBackend", 0.3),
    ],
)
def test_writes_in_a_request_wait_no_longer_than_a_search(hanging, settings, backend, write_timeout):
    from search.engines.elasticsearch import ElasticsearchEngine

    settings.TASKS = {"default": {"BACKEND": backend}}
    assert ElasticsearchEngine().write_timeout == write_timeout


# --- Retries through the task queue ---------------------------------------------------------------


@pytest.mark.django_db
def test_missed_writes_are_requeued_later_on_a_queue_that_can_defer(hanging, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page = factories.ServicePageFactory()
    sync_services.call(page_ids=[page.pk], removed_ids=[], reason="published")

    (row,) = [row for row in DBTaskResult.objects.all() if row.args_kwargs["kwargs"].get("attempt")]
    assert row.args_kwargs["kwargs"] == {
        "page_ids": [page.pk],
        "removed_ids": [],
        "reason": "published",
        "attempt": 1,
    }
    assert row.run_after is not None


@pytest.mark.django_db
def test_after_the_last_retry_an_error_says_the_index_is_behind(hanging, settings, caplog):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    caplog.set_level(logging.ERROR, logger="hulpzoeker.search")
    sync_services.call(page_ids=[], removed_ids=[41], reason="deleted", attempt=len(RETRY_DELAYS))

    assert not DBTaskResult.objects.exists()
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "41" in record.getMessage() and "rebuild_search_index" in record.getMessage()
