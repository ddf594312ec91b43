"""search.sync: which changes enqueue the index task, with what, and that failures never block editors."""

import logging

import pytest
from django_tasks import default_task_backend

from django.db import transaction

from search import caches, sync, versions
from search.engines.database import DatabaseEngine
from search.search_text import search_text_for_page
from services.models import OpeningHours, ServicePage
from services.signals import catalogue_loaded
from tests import factories

pytestmark = pytest.mark.django_db

SYNC_TASK = "search.tasks.sync_services"


@pytest.fixture
def queued(settings):
    """Tasks are recorded instead of run (django-tasks' dummy backend); returns the sync tasks' kwargs."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    def sync_tasks():
        return [r.kwargs for r in default_task_backend.results if r.task.module_path == SYNC_TASK]

    return sync_tasks


def published_service(**kwargs):
    page = factories.ServicePageFactory(**kwargs)
    page.save_revision().publish()
    return ServicePage.objects.get(pk=page.pk)


def test_one_publish_enqueues_exactly_one_task_with_the_page_id(queued, django_capture_on_commit_callbacks):
    page = factories.ServicePageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    (kwargs,) = queued()
    assert kwargs == {"page_ids": [page.pk], "removed_ids": [], "reason": "published"}


def test_a_rolled_back_publish_enqueues_nothing(queued, django_capture_on_commit_callbacks):
    page = factories.ServicePageFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        page.save_revision().publish()
        transaction.set_rollback(True)
    assert callbacks == [] and queued() == []


def test_a_draft_save_enqueues_nothing_and_keeps_the_content_version(
    queued, django_capture_on_commit_callbacks
):
    page = published_service()
    before = versions.tokens()[versions.CONTENT]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page.title = "Concept"
        page.save_revision()
    assert callbacks == [] and queued() == []
    assert versions.tokens()[versions.CONTENT] == before


def test_snippet_changes_enqueue_the_ids_of_the_services_showing_them(
    queued, django_capture_on_commit_callbacks
):
    kern = factories.KernFactory()
    location = factories.LocationFactory(kern=kern)
    served = published_service(kernen=[kern])
    located = published_service(locations=[location])
    published_service()  # shows neither
    with django_capture_on_commit_callbacks(execute=True):
        kern.name = "Nieuwe kern"
        kern.save()
    assert queued()[-1]["page_ids"] == sorted([served.pk, located.pk])


def test_opening_hours_bump_the_version_without_a_task(queued, django_capture_on_commit_callbacks):
    location = factories.LocationFactory()
    published_service(locations=[location])
    before = versions.tokens().get(versions.CONTENT)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        OpeningHours.objects.create(location=location, weekday=0, opens="09:00", closes="12:00")
    assert callbacks == []
    assert versions.tokens()[versions.CONTENT] != before


def test_saving_an_organisation_refreshes_the_search_text_of_its_pages_in_the_task(
    django_capture_on_commit_callbacks,
):
    page = published_service()
    organisation = page.organisation
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        organisation.name = "Stichting Tulpenveld"
        organisation.save()
    assert "tulpenveld" not in ServicePage.objects.get(pk=page.pk).search_text  # not before the commit
    for callback in callbacks:
        callback()  # the commit: the immediate backend runs the task
    page = ServicePage.objects.get(pk=page.pk)
    assert "tulpenveld" in page.search_text
    assert page.search_text == search_text_for_page(page)


def test_a_failing_engine_is_logged_with_ids_only_and_the_publish_succeeds(
    monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broken(self, pages):
        raise RuntimeError("Taalcafé Monster: database is locked")

    monkeypatch.setattr(DatabaseEngine, "index_services", broken)
    page = factories.ServicePageFactory(title="Taalcafé Monster")
    caplog.set_level(logging.WARNING, logger="hulpzoeker.search")
    with django_capture_on_commit_callbacks(execute=True):
        revision = page.save_revision()
        revision.publish()

    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision.pk
    (record,) = [r for r in caplog.records if r.name == "hulpzoeker.search"]
    assert record.levelno == logging.ERROR
    assert str(page.pk) in record.getMessage() and "RuntimeError" in record.getMessage()
    assert "Taalcafé" not in record.getMessage()


def test_a_bulk_load_fills_the_search_text_synchronously_without_a_commit(django_capture_on_commit_callbacks):
    page = factories.ServicePageFactory(title="Klussendienst")
    with sync.suspended():  # a bulk writer: the save itself leaves the text alone
        ServicePage.objects.filter(pk=page.pk).update(search_text="")
    catalogue_loaded.send(sender=None, pages=ServicePage.objects.filter(pk=page.pk))
    assert "klussendienst" in ServicePage.objects.get(pk=page.pk).search_text


def test_clear_caches_calls_every_registered_clear_function():
    memo = versions.Memo(versions.CONTENT)
    assert memo.get({versions.CONTENT: "a"}, lambda: "built") == "built"
    cleared = []
    caches.register(lambda: cleared.append(True))
    caches.clear_caches()
    assert cleared == [True]
    assert memo.get({versions.CONTENT: "a"}, lambda: "rebuilt") == "rebuilt"


def test_the_database_queue_stores_the_task_with_plain_json_arguments(
    settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page = factories.ServicePageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    (row,) = DBTaskResult.objects.filter(task_path=SYNC_TASK)
    assert row.args_kwargs == {
        "args": [],
        "kwargs": {"page_ids": [page.pk], "removed_ids": [], "reason": "published"},
    }
