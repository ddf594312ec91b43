"""Engine selection and the fallback: a failing primary engine never costs a resident their answer."""

import logging

import pytest

from search.engines import get_engine
from search.engines.base import EngineQuery, EngineUnavailable
from search.engines.database import DatabaseEngine
from search.engines.fallback import FallbackEngine
from search.retrieval import search_services

from .conftest import slugs

SECRET_QUERY = "geheime zoekvraag over schulden"


class BrokenEngine:
    name = "elasticsearch"

    def __init__(self, error):
        self.error = error
        self.calls = 0

    def search(self, query):
        self.calls += 1
        raise self.error

    def index_services(self, pages):
        raise self.error

    def remove_services(self, page_ids):
        raise self.error


@pytest.mark.parametrize(
    "error",
    [
        EngineUnavailable(f"timeout while searching {SECRET_QUERY}"),
        RuntimeError(f"mapping error near {SECRET_QUERY}"),
        ConnectionRefusedError(),
    ],
)
def test_a_failing_primary_is_answered_from_the_database_and_logged_without_the_query(
    search_demo, caplog, error
):
    primary = BrokenEngine(error)
    engine = FallbackEngine(primary=primary, fallback=DatabaseEngine())
    query = EngineQuery(text=SECRET_QUERY, terms=("schuld",))
    with caplog.at_level(logging.WARNING, logger="hulpzoeker.search"):
        result = engine.search(query)
    assert primary.calls == 1
    assert result.fell_back is True
    assert result.engine == "database"
    assert result.hits == DatabaseEngine().search(query).hits
    assert "elasticsearch" in caplog.text
    assert "geheime" not in caplog.text and "schuld" not in caplog.text


def test_the_whole_search_falls_back_with_the_same_order(search_demo, monkeypatch):
    expected = slugs(search_services(text="schulden"))
    broken = FallbackEngine(primary=BrokenEngine(EngineUnavailable("down")), fallback=DatabaseEngine())
    monkeypatch.setattr("search.retrieval.get_engine", lambda: broken)
    results = search_services(text="schulden")
    assert results.fell_back is True
    assert slugs(results) == expected


def test_indexing_through_the_fallback_never_raises(search_demo, caplog):
    from services.models import ServicePage

    engine = FallbackEngine(primary=BrokenEngine(RuntimeError("boom")), fallback=DatabaseEngine())
    page = ServicePage.objects.get(slug="schuldhulpmaatje")
    with caplog.at_level(logging.WARNING, logger="hulpzoeker.search"):
        engine.index_services([page])
        engine.remove_services([999999])
    assert "did not index" in caplog.text


def test_without_elasticsearch_the_database_engine_answers(settings):
    settings.ELASTICSEARCH_URL = ""
    assert isinstance(get_engine(), DatabaseEngine)


def test_with_elasticsearch_configured_it_is_wrapped_in_the_fallback(settings, monkeypatch):
    class FakeElasticsearch:
        name = "elasticsearch"

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    monkeypatch.setattr("search.engines.elasticsearch.ElasticsearchEngine", FakeElasticsearch)
    engine = get_engine()
    assert isinstance(engine, FallbackEngine)
    assert isinstance(engine.primary, FakeElasticsearch)
    assert isinstance(engine.fallback, DatabaseEngine)


def test_a_broken_elasticsearch_configuration_falls_back_to_the_database(settings, monkeypatch, caplog):
    def refuse():
        raise ValueError("bad url")

    settings.ELASTICSEARCH_URL = "not a url"
    monkeypatch.setattr("search.engines.elasticsearch.ElasticsearchEngine", refuse)
    with caplog.at_level(logging.WARNING, logger="hulpzoeker.search"):
        assert isinstance(get_engine(), DatabaseEngine)
    assert "ValueError" in caplog.text
