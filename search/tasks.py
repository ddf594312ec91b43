"""Background work of search, run through django-tasks (``TASKS``: immediate in dev and tests, the
database queue with ``manage.py db_worker`` in production).

Tasks are enqueued by ``search.sync`` after a commit, with ids only: a worker reads the committed rows
itself, so a draft or a rolled-back change can never reach an index.
"""

import datetime
import logging

from django_tasks import task

from django.utils import timezone

from services.models import ServicePage

from . import versions
from .engines import get_engine
from .search_text import update_search_text, with_document_relations

logger = logging.getLogger("hulpzoeker.search")

BATCH_SIZE = 500
"""Pages read, normalised and written at a time (a moved subtree can hold thousands)."""

RETRY_DELAYS = (60, 300, 1800)
"""Seconds before each retry of writes that did not reach Elasticsearch (django-tasks 0.12 has no retries
of its own, so the task re-enqueues itself with ``run_after``; only backends that support it, i.e. the
database queue, retry: the immediate backend runs in an editor's request and must not wait)."""


@task()
def sync_services(page_ids: list[int], removed_ids: list[int], reason: str = "", attempt: int = 0) -> None:
    """Bring the indexes up to date for these service pages, then bump the content version.

    *page_ids*: pages whose content or related snippets changed. Their ``search_text`` is recomputed
    (an organisation's name is part of it) and they are written through the configured engine, which
    writes Wagtail's database index and, with ``ELASTICSEARCH_URL``, Elasticsearch (removing pages that
    are not searchable there). *removed_ids*: deleted pages. *reason* names the change for the log
    (model and id, never text).

    Never raises: a failure is logged with ids and the error type. Writes that did not reach
    Elasticsearch (an outage, or the circuit breaker open) are retried later with the ids that were
    missed (*attempt* counts the retries, see :data:`RETRY_DELAYS`); when no retry is left, or the
    backend cannot defer, an error line says the index is behind and ``manage.py rebuild_search_index``
    repairs it.
    """
    engine = None
    try:
        engine = get_engine()
        gone = set(removed_ids)
        ids = sorted(set(page_ids))
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            pages = list(with_document_relations(ServicePage.objects.filter(pk__in=chunk)))
            update_search_text(pages)
            engine.index_services(pages)
            # A page deleted before the task ran is gone from the database too.
            gone |= set(chunk) - {page.pk for page in pages}
        if gone:
            engine.remove_services(sorted(gone))
    except Exception as error:  # noqa: BLE001 - indexing must never break publishing or editing
        ids = ", ".join(str(pk) for pk in sorted({*page_ids, *removed_ids}))
        logger.error(
            "Search index not updated for service page(s) %s (%s): unexpected %s.",
            ids,
            reason or "change",
            type(error).__name__,
            exc_info=error,
        )
    finally:
        # Whatever was written (texts, index), every process's caches must see it.
        versions.bump(versions.CONTENT)
    missed = getattr(engine, "missed", None)
    if missed:
        _retry_or_report(
            [pk for pk in page_ids if pk in missed],
            [pk for pk in removed_ids if pk in missed],
            reason,
            attempt,
        )


def _retry_or_report(page_ids: list[int], removed_ids: list[int], reason: str, attempt: int) -> None:
    ids = ", ".join(str(pk) for pk in sorted({*page_ids, *removed_ids}))
    if attempt < len(RETRY_DELAYS) and sync_services.get_backend().supports_defer:
        run_after = timezone.now() + datetime.timedelta(seconds=RETRY_DELAYS[attempt])
        try:
            sync_services.using(run_after=run_after).enqueue(
                page_ids=page_ids, removed_ids=removed_ids, reason=reason, attempt=attempt + 1
            )
        except Exception as error:  # noqa: BLE001 - the report below still tells the editors
            logger.warning("Retry of the search index update not enqueued (%s).", type(error).__name__)
        else:
            logger.info(
                "Search index update for service page(s) %s retried at %s (attempt %d).",
                ids,
                run_after.isoformat(timespec="seconds"),
                attempt + 1,
            )
            return
    if attempt >= len(RETRY_DELAYS):
        logger.error(
            "Search index is behind for service page(s) %s (%s) after %d retries; "
            "run manage.py rebuild_search_index once the cluster answers.",
            ids,
            reason or "change",
            attempt,
        )
