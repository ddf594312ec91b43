"""Keeping the Elasticsearch index in step with what is published.

Only the Elasticsearch index is pushed from here, and only when ``ELASTICSEARCH_URL`` is set: the database
engine follows Wagtail's own index signals. Every function schedules its work with
``transaction.on_commit``, so a rolled-back publish never reaches the index and the index reads the
committed live page, never a draft. Failures are logged to ``hulpzoeker.search`` and swallowed:
publishing or editing a snippet must never fail because the search cluster is down. The next publish of
the page, or ``manage.py rebuild_search_index``, repairs what was missed.

Log lines name page ids and error types only: no titles, no texts, no response bodies.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

from wagtail.models import Page

from search.engines.base import EngineUnavailable
from services.models import Kern, LifeSituation, Location, Organisation, ServicePage, TargetGroup

logger = logging.getLogger("hulpzoeker.search")

__all__ = [
    "elasticsearch_enabled",
    "index_page",
    "reindex_pages",
    "reindex_related",
    "reindex_subtree",
    "related_service_ids",
    "unindex_page",
]


def elasticsearch_enabled() -> bool:
    """Whether an Elasticsearch index is configured and must be kept in step."""
    return bool(settings.ELASTICSEARCH_URL)


def _engine():
    # Imported late: the elasticsearch client is only needed (and only loaded) when it is configured.
    from search.engines.elasticsearch import ElasticsearchEngine

    return ElasticsearchEngine()


def _log_failure(what: str, error: Exception) -> None:
    if isinstance(error, EngineUnavailable):
        logger.warning("Search index not updated (%s): %s", what, error)
    else:
        # Not an outage but a bug: keep the traceback. Service pages and snippets hold no personal data of
        # residents, and partner-only fields are never read on this path.
        logger.error(
            "Search index not updated (%s): unexpected %s", what, type(error).__name__, exc_info=error
        )


def _services(page_ids: Iterable[int]):
    return (
        ServicePage.objects.filter(pk__in=list(page_ids))
        .select_related("organisation")
        .prefetch_related("life_situations", "kernen", "target_groups", "locations__kern")
        .order_by("pk")
    )


def index_page(page) -> None:
    """After commit, write the live version of service *page* to the index (or remove it if not live).

    The page is read again from the database after the commit, so whatever object the signal carried
    (a draft, a revision's copy), only the published content is indexed.
    """
    if not elasticsearch_enabled():
        return
    page_id = page.pk
    transaction.on_commit(lambda: _index_now(page_id))


def _index_now(page_id: int) -> None:
    try:
        page = _services([page_id]).first()
        engine = _engine()
        if page is None:
            engine.remove_service(page_id)
        else:
            # index_service removes the document when the page is not live, restricted or ended.
            engine.index_service(page)
    except Exception as error:  # noqa: BLE001 - indexing must never break publishing
        _log_failure(f"service page {page_id}", error)


def unindex_page(page_id: int) -> None:
    """After commit, remove service *page_id* from the index."""
    if not elasticsearch_enabled():
        return
    transaction.on_commit(lambda: _unindex_now(page_id))


def _unindex_now(page_id: int) -> None:
    try:
        _engine().remove_service(page_id)
    except Exception as error:  # noqa: BLE001 - indexing must never break unpublishing or deleting
        _log_failure(f"removing service page {page_id}", error)


def related_service_ids(instance) -> list[int]:
    """Ids of the live services whose index document shows something of *instance*.

    For an Organisation, Location, LifeSituation, TargetGroup or Kern; any other object has none. Must
    be called while the relations still exist (before a delete: see search/signals.py).
    """
    services = ServicePage.objects.live()
    if isinstance(instance, Organisation):
        services = services.filter(organisation=instance)
    elif isinstance(instance, Location):
        services = services.filter(locations=instance)
    elif isinstance(instance, LifeSituation):
        services = services.filter(life_situations=instance)
    elif isinstance(instance, TargetGroup):
        services = services.filter(target_groups=instance)
    elif isinstance(instance, Kern):
        services = services.filter(kernen=instance) | services.filter(locations__kern=instance)
    else:
        return []
    return sorted(set(services.values_list("pk", flat=True)))


def reindex_related(instance, *, page_ids: Iterable[int] | None = None) -> None:
    """After commit, rewrite the documents of the live services that use snippet *instance*.

    *page_ids* overrides the lookup: after a delete the relations are gone, so the caller collects the
    ids beforehand (search/signals.py does so in ``pre_delete``).
    """
    if not elasticsearch_enabled():
        return
    ids = sorted(set(page_ids)) if page_ids is not None else related_service_ids(instance)
    reindex_pages(ids, reason=f"{type(instance).__name__} {instance.pk}")


def reindex_subtree(page) -> None:
    """After commit, rewrite the documents of the service pages at or below *page*.

    For changes that reach services through the page tree: a move (which can put services under a
    view restriction) and adding or removing a view restriction.
    """
    if not elasticsearch_enabled():
        return
    if not isinstance(page, Page) or page.pk is None:
        return
    ids = list(ServicePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
    reindex_pages(ids, reason=f"page tree at {page.pk}")


def reindex_pages(page_ids: Iterable[int], *, reason: str = "") -> None:
    """After commit, rewrite (or remove) the documents of these service pages in one bulk request."""
    if not elasticsearch_enabled():
        return
    ids = sorted(set(page_ids))
    if not ids:
        return
    transaction.on_commit(lambda: _reindex_now(ids, reason))


def _reindex_now(page_ids: list[int], reason: str) -> None:
    try:
        pages = list(_services(page_ids))
        engine = _engine()
        found = {page.pk for page in pages}
        engine.index_services(pages)
        for missing in sorted(set(page_ids) - found):
            # Deleted in the same transaction; its own post_delete also removes it, this is harmless.
            engine.remove_service(missing)
    except Exception as error:  # noqa: BLE001 - indexing must never break editing a snippet
        _log_failure(f"{len(page_ids)} service pages, {reason}", error)
