"""Against a real Elasticsearch 8 cluster: only with ELASTICSEARCH_URL set in the environment.

    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python -m pytest tests/search_es -m elasticsearch

Every test works under its own random index prefix and deletes what it created.
"""

import os
import uuid

import pytest

from search.engines.base import EngineQuery
from search.engines.elasticsearch import ElasticsearchEngine, index_definition
from services.models import ServicePage

LIVE_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(not LIVE_URL, reason="needs a live cluster: set ELASTICSEARCH_URL"),
]


@pytest.fixture
def live_engine(settings):
    settings.ELASTICSEARCH_URL = LIVE_URL
    settings.ELASTICSEARCH_TIMEOUT = 10.0
    settings.ELASTICSEARCH_INDEX_PREFIX = f"hulpzoeker-pytest-{uuid.uuid4().hex[:8]}"
    engine = ElasticsearchEngine()
    yield engine
    indexes = engine.client.options(ignore_status=404).indices.get(index=f"{engine.alias}-*").body or {}
    for name in indexes:
        engine.client.options(ignore_status=404).indices.delete(index=name)


def search_ids(engine, text, **kwargs):
    return [
        hit.page_id for hit in engine.search(EngineQuery(text=text, terms=tuple(text.split()), **kwargs)).hits
    ]


def test_the_cluster_accepts_the_index_definition(live_engine):
    name = f"{live_engine.alias}-00000000000000000001"
    live_engine.client.indices.create(index=name, **index_definition())
    tokens = live_engine.client.indices.analyze(
        index=name, analyzer="hulpzoeker_dutch", text="Schuldhulpverlening"
    )
    terms = {token["token"] for token in tokens["tokens"]}
    assert {"schuld", "hulp"} <= terms


def test_demo_services_are_found_with_dutch_words_and_typos(live_engine, demo_data):
    report = live_engine.rebuild(ServicePage.objects.live())
    live_engine.client.indices.refresh(index=live_engine.alias)
    schuldhulp = ServicePage.objects.get(slug="schuldhulpverlening").pk

    assert report.indexed > 10
    assert schuldhulp in search_ids(live_engine, "schulden")
    assert schuldhulp in search_ids(live_engine, "schuldhulpverleining")  # a typo
    everything = search_ids(live_engine, "", limit=1000)
    assert len(everything) == report.indexed


def test_publishing_through_the_alias_and_removing(live_engine, demo_data):
    live_engine.rebuild(ServicePage.objects.live())
    page = ServicePage.objects.get(slug="schuldhulpverlening")
    live_engine.remove_services([page.pk])
    live_engine.client.indices.refresh(index=live_engine.alias)
    assert page.pk not in search_ids(live_engine, "schulden")

    live_engine.index_services([page])
    live_engine.client.indices.refresh(index=live_engine.alias)
    assert page.pk in search_ids(live_engine, "schulden")


def test_a_second_rebuild_switches_the_alias_and_drops_the_first_index(live_engine, demo_data):
    first = live_engine.rebuild(ServicePage.objects.live())
    second = live_engine.rebuild(ServicePage.objects.live())

    assert live_engine.alias_targets() == [second.index]
    assert first.index in second.removed_indexes
    assert not live_engine.client.indices.exists(index=first.index)
