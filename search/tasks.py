"""Background work of search, run through django-tasks (``TASKS``: immediate in dev and tests, the
database queue with ``manage.py db_worker`` in production).

Tasks are enqueued by ``search.sync`` after a commit, with ids only: a worker reads the committed rows
itself, so a draft or a rolled-back change can never reach an index.
"""

import logging

from django_tasks import task

from services.models import ServicePage

from . import versions
from .engines import get_engine
from .search_text import update_search_text, with_document_relations

logger = logging.getLogger("hulpzoeker.search")

BATCH_SIZE = 500
"""Pages read, normalised and written at a time (a moved subtree can hold thousands)."""


@task()
def sync_services(page_ids: list[int], removed_ids: list[int], reason: str = "") -> None:
    """Bring the indexes up to date for these service pages, then bump the content version.

    *page_ids*: pages whose content or related snippets changed. Their ``search_text`` is recomputed
    (an organisation's name is part of it) and they are written through the configured engine, which
    writes Wagtail's database index and, with ``ELASTICSEARCH_URL``, Elasticsearch (removing pages that
    are not searchable there). *removed_ids*: deleted pages. *reason* names the change for the log
    (model and id, never text).

    Never raises: a failure is logged with ids and the error type; the next change of the page or
    ``manage.py rebuild_search_index`` repairs what was missed.
    """
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
