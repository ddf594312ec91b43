"""Fixtures for the Elasticsearch engine tests: a closed port, a recording stub, a recording engine."""

import socket

import pytest

from search.documents import document_for
from search.engines import breaker

from .stub_cluster import StubCluster, serve


@pytest.fixture(autouse=True)
def _closed_breakers():
    """Every test starts with closed circuit breakers: their state is per process, not per test."""
    breaker.reset_all()
    yield
    breaker.reset_all()


@pytest.fixture
def closed_port_url():
    """An http URL on 127.0.0.1 where nothing listens: the port was free a moment ago and is closed."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def es_down(settings, closed_port_url):
    """Settings that point the Elasticsearch engine at a closed port."""
    settings.ELASTICSEARCH_URL = closed_port_url
    settings.ELASTICSEARCH_TIMEOUT = 1.0
    return closed_port_url


@pytest.fixture
def stub_cluster(settings):
    """A recording stub answering Elasticsearch calls (see stub_cluster.py), configured in settings."""
    cluster = StubCluster()
    server = serve(cluster)
    settings.ELASTICSEARCH_URL = cluster.url
    settings.ELASTICSEARCH_TIMEOUT = 1.0
    yield cluster
    server.shutdown()
    server.server_close()


class RecordingEngine:
    """Stands in for the Elasticsearch engine in indexing tests: records what it was asked to write."""

    name = "recording"

    def __init__(self):
        self.indexed = []  # ServiceDocument, or (page_id, None) when the page is not searchable
        self.removed = []

    def _record(self, page):
        document = document_for(page)
        if document is None:
            self.indexed.append((page.pk, None))
        else:
            self.indexed.append(document)

    def index_services(self, pages):
        for page in pages:
            self._record(page)

    def remove_services(self, page_ids):
        self.removed.extend(page_ids)

    def titles(self):
        return [doc.title for doc in self.indexed if not isinstance(doc, tuple)]


@pytest.fixture
def recording_engine(settings, monkeypatch, closed_port_url):
    """Elasticsearch configured (on a closed port, never reached) and every indexing call recorded."""
    settings.ELASTICSEARCH_URL = closed_port_url
    engine = RecordingEngine()
    monkeypatch.setattr("search.engines.elasticsearch.ElasticsearchEngine", lambda: engine)
    return engine
