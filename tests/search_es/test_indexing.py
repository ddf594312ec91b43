"""Keeping the index in step: which editor actions reach the engine, and that outages never block them."""

import logging

import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from services.models import ServicePage
from tests import factories

pytestmark = pytest.mark.django_db


def published_service(**kwargs):
    page = factories.ServicePageFactory(**kwargs)
    page.save_revision().publish()
    return ServicePage.objects.get(pk=page.pk)


def test_publishing_a_service_indexes_its_live_version(recording_engine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = published_service(title="Formulierenbrigade Naaldwijk")
    assert recording_engine.titles() == ["Formulierenbrigade Naaldwijk"]
    assert recording_engine.indexed[0].id == page.pk


def test_nothing_is_indexed_before_the_transaction_commits(
    recording_engine, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        published_service()
    assert callbacks and recording_engine.indexed == []


def test_saving_a_draft_indexes_nothing_and_a_draft_never_reaches_the_index(
    recording_engine, django_capture_on_commit_callbacks
):
    page = published_service(title="Schuldhulp")
    recording_engine.indexed.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Concept: nog niet openbaar"
        page.save_revision()
    assert recording_engine.indexed == []

    # Something else triggers a reindex while the draft exists (its organisation is renamed): the index
    # still gets the published title, because indexing reads the live page from the database.
    with django_capture_on_commit_callbacks(execute=True):
        organisation = page.organisation
        organisation.name = "Nieuwe naam"
        organisation.save()
    assert recording_engine.titles() == ["Schuldhulp"]
    assert recording_engine.indexed[0].organisation == "Nieuwe naam"


def test_unpublishing_and_deleting_remove_the_service(recording_engine, django_capture_on_commit_callbacks):
    page = published_service()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    # Not live any more: its document is deleted from the index instead of written.
    assert recording_engine.indexed == [(page.pk, None)]

    other = published_service()
    other_id = other.pk
    with django_capture_on_commit_callbacks(execute=True):
        other.delete()
    # Wagtail unpublishes a live page before deleting it: both changes remove it.
    assert set(recording_engine.removed) == {other_id}
    assert not ServicePage.objects.filter(pk=other_id).exists()


def test_a_renamed_life_situation_reindexes_the_services_using_it(
    recording_engine, django_capture_on_commit_callbacks
):
    situation = factories.LifeSituationFactory(name="Geld")
    user = published_service(life_situations=[situation])
    published_service()  # not using it
    recording_engine.indexed.clear()

    with django_capture_on_commit_callbacks(execute=True):
        situation.name = "Geld en schulden"
        situation.synonyms = "rood staan"
        situation.save()

    assert [doc.id for doc in recording_engine.indexed] == [user.pk]
    assert recording_engine.indexed[0].situation_names == ("Geld en schulden",)
    assert recording_engine.indexed[0].situation_synonyms == ("rood staan",)


def test_a_deleted_location_reindexes_the_services_that_used_it(
    recording_engine, django_capture_on_commit_callbacks
):
    location = factories.LocationFactory()
    page = published_service(locations=[location])
    recording_engine.indexed.clear()

    with django_capture_on_commit_callbacks(execute=True):
        location.delete()

    assert [doc.id for doc in recording_engine.indexed] == [page.pk]
    assert recording_engine.indexed[0].location_kernen == ()


def test_a_target_group_change_reindexes_its_services(recording_engine, django_capture_on_commit_callbacks):
    group = factories.TargetGroupFactory()
    page = published_service()
    page.target_groups.set([group])
    page.save_revision().publish()
    recording_engine.indexed.clear()

    with django_capture_on_commit_callbacks(execute=True):
        group.name = "Mantelzorgers"
        group.save()
    assert [doc.id for doc in recording_engine.indexed] == [page.pk]


def test_a_view_restriction_takes_the_service_out_of_the_index(
    recording_engine, django_capture_on_commit_callbacks
):
    page = published_service()
    recording_engine.indexed.clear()

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.create(name="Netwerkpartner test")])

    assert recording_engine.indexed == [(page.pk, None)]


def test_without_elasticsearch_nothing_is_pushed(
    settings, recording_engine, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        page = published_service()
        page.organisation.save()
        page.unpublish()
    assert recording_engine.indexed == [] and recording_engine.removed == []


# --- Outage: the cluster is down (a closed port) --------------------------------------------------


def test_publishing_succeeds_and_logs_a_warning_when_elasticsearch_is_down(
    es_down, caplog, django_capture_on_commit_callbacks
):
    page = factories.ServicePageFactory(title="Taalhuis")
    caplog.set_level(logging.WARNING, logger="hulpzoeker.search")

    with django_capture_on_commit_callbacks(execute=True):
        revision = page.save_revision()
        revision.publish()

    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision.pk
    (record,) = [r for r in caplog.records if r.name == "hulpzoeker.search"]
    assert record.levelno == logging.WARNING
    assert f"service page(s) {page.pk} " in record.getMessage()
    assert "ConnectionError" in record.getMessage()
    assert "Taalhuis" not in record.getMessage()


def test_editing_a_snippet_succeeds_when_elasticsearch_is_down(
    es_down, caplog, django_capture_on_commit_callbacks
):
    page = published_service()
    caplog.set_level(logging.WARNING, logger="hulpzoeker.search")

    with django_capture_on_commit_callbacks(execute=True):
        page.organisation.name = "Vitis Welzijn"
        page.organisation.save()

    assert [r.levelno for r in caplog.records if r.name == "hulpzoeker.search"] == [logging.WARNING]


def test_an_unexpected_error_is_logged_with_its_traceback_and_swallowed(
    settings, monkeypatch, caplog, closed_port_url, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = closed_port_url

    class BrokenEngine:
        name = "elasticsearch"

        def index_services(self, pages):
            raise RuntimeError("a bug")

    monkeypatch.setattr("search.engines.elasticsearch.ElasticsearchEngine", BrokenEngine)
    with django_capture_on_commit_callbacks(execute=True):
        page = published_service()

    assert ServicePage.objects.get(pk=page.pk).live
    (record,) = [r for r in caplog.records if r.name == "hulpzoeker.search"]
    assert record.levelno == logging.ERROR and record.exc_info
