"""The engine's client plumbing: outages become EngineUnavailable; requests are the built bodies.

A closed local port stands in for a cluster that is down. The recording stub (stub_cluster.py) stands in
for one that answers; it checks what is sent and how answers are read, not how Elasticsearch behaves.
"""

import json

import pytest

from search.engines.base import EngineHit, EngineQuery, EngineUnavailable
from search.engines.elasticsearch import ElasticsearchEngine, alias_name, build_query, index_definition
from tests import factories

QUERY = EngineQuery(text="schulden rood staan", terms=("schuld", "rod", "stan"), limit=20)


# --- Down: nothing listens --------------------------------------------------------------------------


def test_search_on_a_closed_port_raises_engine_unavailable(es_down):
    with pytest.raises(EngineUnavailable) as caught:
        ElasticsearchEngine().search(QUERY)
    assert "ConnectionError" in str(caught.value)
    assert "schulden" not in str(caught.value)


def test_removing_a_service_on_a_closed_port_raises_engine_unavailable(es_down):
    with pytest.raises(EngineUnavailable):
        ElasticsearchEngine().remove_services([1])


@pytest.mark.django_db
def test_indexing_a_service_on_a_closed_port_raises_engine_unavailable(es_down):
    page = factories.ServicePageFactory()
    with pytest.raises(EngineUnavailable):
        ElasticsearchEngine().index_services([page])


def test_an_engine_without_url_is_unavailable(settings):
    settings.ELASTICSEARCH_URL = ""
    with pytest.raises(EngineUnavailable):
        ElasticsearchEngine()


def test_the_engine_never_shows_credentials(settings):
    settings.ELASTICSEARCH_URL = "https://search:s3cret@es.example.org:9243"
    assert "s3cret" not in repr(ElasticsearchEngine())


# --- Answering: the recording stub ---------------------------------------------------------------


def test_search_sends_the_built_query_to_the_alias_and_reads_ids_and_scores(stub_cluster):
    stub_cluster.add_index("x", aliases=[alias_name()])
    stub_cluster.search_hits = [{"_id": "12", "_score": 3.5}, {"_id": "7", "_score": None}]

    result = ElasticsearchEngine().search(QUERY)

    assert result.hits == (EngineHit(page_id=12, score=3.5), EngineHit(page_id=7, score=0.0))
    assert result.engine == "elasticsearch" and not result.fell_back
    (request,) = stub_cluster.calls("POST")
    assert request.path == f"/{alias_name()}/_search"
    assert request.json() == build_query(QUERY)


def test_a_missing_index_is_unavailable_so_the_database_engine_answers(stub_cluster):
    with pytest.raises(EngineUnavailable) as caught:
        ElasticsearchEngine().search(QUERY)
    assert "404" in str(caught.value)


def test_a_cluster_error_is_unavailable_and_its_body_is_not_repeated(stub_cluster):
    stub_cluster.add_index("x", aliases=[alias_name()])
    stub_cluster.fail_with = 500
    with pytest.raises(EngineUnavailable) as caught:
        ElasticsearchEngine().search(QUERY)
    # The stub's error body echoes the request, as a real parse error may: it must not reach logs.
    assert "500" in str(caught.value) and "schulden" not in str(caught.value)


def test_a_cluster_that_does_not_answer_in_time_is_unavailable(stub_cluster, settings):
    settings.ELASTICSEARCH_TIMEOUT = 0.3
    stub_cluster.add_index("x", aliases=[alias_name()])
    stub_cluster.hang_seconds = 1.5
    with pytest.raises(EngineUnavailable) as caught:
        ElasticsearchEngine().search(QUERY)
    assert "ConnectionTimeout" in str(caught.value)
    # One attempt only: no retries that would multiply the resident's wait.
    assert len(stub_cluster.calls("POST")) == 1


@pytest.mark.django_db
def test_the_first_write_creates_a_versioned_index_behind_the_alias(stub_cluster):
    page = factories.ServicePageFactory(title="Formulierenbrigade")
    page.save_revision().publish()
    engine = ElasticsearchEngine()
    engine.index_services([page])

    (index,) = stub_cluster.aliases_of(engine.alias)
    assert index.startswith(engine.alias + "-")
    created = next(r for r in stub_cluster.calls("PUT") if r.path == f"/{index}")
    assert {k: v for k, v in created.json().items() if k != "aliases"} == index_definition()
    assert stub_cluster.indexes[index]["docs"][str(page.pk)]["title"] == "Formulierenbrigade"
    (bulk,) = [r for r in stub_cluster.calls() if r.path == "/_bulk"]
    assert bulk.query.get("require_alias") == ["true"]


@pytest.mark.django_db
def test_an_ended_or_unpublished_service_is_removed_instead_of_written(stub_cluster):
    page = factories.ServicePageFactory(status="ended")
    page.save_revision().publish()
    engine = ElasticsearchEngine()
    stub_cluster.add_index("x", aliases=[engine.alias])
    engine.index_services([page])
    (bulk,) = [r for r in stub_cluster.calls() if r.path == "/_bulk"]
    actions = [json.loads(line) for line in bulk.body.splitlines() if line.strip()]
    assert actions == [{"delete": {"_index": engine.alias, "_id": str(page.pk)}}]
    assert [r.path for r in stub_cluster.calls("PUT")] == ["/_bulk"]  # no index created for a delete


@pytest.mark.django_db
def test_rebuild_loads_a_new_index_switches_the_alias_and_drops_the_old_ones(stub_cluster):
    engine = ElasticsearchEngine()
    pages = [factories.ServicePageFactory(), factories.ServicePageFactory(status="ended")]
    stub_cluster.add_index(f"{engine.alias}-20000101000000000000", aliases=[engine.alias])  # in use
    stub_cluster.add_index(f"{engine.alias}-19990101000000000000")  # left by a failed rebuild
    stub_cluster.add_index(f"{engine.alias}-99990101000000000000")  # another rebuild, running now
    stub_cluster.add_index("someone-elses-index")

    report = engine.rebuild(pages, chunk_size=1)

    assert stub_cluster.aliases_of(engine.alias) == [report.index]
    assert report.indexed == 1 and report.page_ids == {pages[0].pk}  # the ended service is not loaded
    assert set(stub_cluster.indexes[report.index]["docs"]) == {str(pages[0].pk)}
    assert sorted(report.removed_indexes) == [
        f"{engine.alias}-19990101000000000000",
        f"{engine.alias}-20000101000000000000",
    ]
    assert set(stub_cluster.indexes) == {
        report.index,
        f"{engine.alias}-99990101000000000000",
        "someone-elses-index",
    }
    (switch,) = [r for r in stub_cluster.requests if r.path == "/_aliases"]
    assert switch.json()["actions"] == [
        {"remove": {"index": f"{engine.alias}-20000101000000000000", "alias": engine.alias}},
        {"add": {"index": report.index, "alias": engine.alias}},
    ]


@pytest.mark.django_db
def test_rebuild_replaces_an_index_that_took_the_alias_name(stub_cluster):
    engine = ElasticsearchEngine()
    stub_cluster.add_index(engine.alias)  # auto-created by a write before any rebuild

    report = engine.rebuild([factories.ServicePageFactory()])

    assert stub_cluster.aliases_of(engine.alias) == [report.index]
    assert engine.alias not in stub_cluster.indexes
    (switch,) = [r for r in stub_cluster.requests if r.path == "/_aliases"]
    assert {"remove_index": {"index": engine.alias}} in switch.json()["actions"]


@pytest.mark.django_db
def test_a_failed_rebuild_deletes_its_new_index_and_leaves_the_alias_alone(stub_cluster, monkeypatch):
    engine = ElasticsearchEngine()
    old = f"{engine.alias}-20000101000000000000"
    stub_cluster.add_index(old, aliases=[engine.alias])
    original = stub_cluster.answer

    def refuse_bulk(request):
        if request.path == "/_bulk":
            return 400, {"error": {"type": "strict_dynamic_mapping_exception"}, "status": 400}
        return original(request)

    monkeypatch.setattr(stub_cluster, "answer", refuse_bulk)
    with pytest.raises(EngineUnavailable):
        engine.rebuild([factories.ServicePageFactory()])

    assert stub_cluster.aliases_of(engine.alias) == [old]
    assert set(stub_cluster.indexes) == {old}


def test_bulk_bodies_are_documents_not_partner_data(stub_cluster, db):
    info = factories.ServicePartnerInfoFactory(contact_person="Marker PARTNER-ONLY-b21c")
    engine = ElasticsearchEngine()
    engine.rebuild([type(info.page).objects.get(pk=info.page.pk)])
    sent = "".join(r.body for r in stub_cluster.requests)
    assert "PARTNER-ONLY-b21c" not in sent
    bulk_lines = [
        json.loads(line)
        for r in stub_cluster.requests
        if r.path == "/_bulk"
        for line in r.body.split("\n")
        if line
    ]
    assert bulk_lines and "title" in bulk_lines[1]
