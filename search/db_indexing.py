"""Keep the database engine's text and search caches in step with the content.

``ServicePage.search_text`` holds the normalised public text of a service (``search.text.normalise``:
folded, stemmed, compounds split; see :func:`search_text_for_document` for what goes in). Wagtail's
database backend indexes that field with the others; the database engine finds services with queries
normalised the same way and scores them on this text (``search.engines.database``). That gives SQLite
(no Dutch analysis at all) stemming and compound matching, and PostgreSQL ("dutch" config) compounds.

The text is filled in ``pre_save`` from the page's own values, so the row Wagtail indexes right after
already carries it. Wagtail's index also holds the names of the page's life situations, which are only
committed after that save; the ``page_published`` hook reindexes the page once they are. Errors here are
logged and never stop an editor from saving or publishing.

Changes to content that search caches depend on bump a version (``search.versions``); each process
rebuilds its caches on its next search.
"""

import logging
import threading
from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save, pre_save

from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published, page_unpublished, post_page_move

from services.models import (
    Kern,
    LifeSituation,
    Location,
    OpeningException,
    OpeningHours,
    Organisation,
    ServicePage,
    TargetGroup,
)

from . import versions
from .documents import ServiceDocument, document_for
from .models import Synonym
from .text import normalise

logger = logging.getLogger("hulpzoeker.search")

# Fields Wagtail writes when an editor saves a draft: the live content (what we index) is unchanged.
_DRAFT_ONLY_FIELDS = frozenset(
    {
        "draft_title",
        "has_unpublished_changes",
        "latest_revision_created_at",
        "latest_revision",
        "locked",
        "locked_at",
        "locked_by",
        "live_revision",
        "last_published_at",
        "first_published_at",
        "go_live_at",
        "expire_at",
        "expired",
        "approved_go_live_at",
    }
)


def search_text_for_document(document: ServiceDocument, *, vocabulary=frozenset()) -> str:
    """The normalised search text of a service's own public text, the title weighted up.

    Title, organisation, summary, next step, eligibility text and body. ``normalise`` keeps each term
    once, so weight is expressed by repetition (honoured by SQLite's bm25 and PostgreSQL's ts_rank alike):
    title terms three times, the rest twice.

    The names and synonyms of the service's life situations are deliberately not repeated here. Every
    service of a situation would carry them, so "dementie" would match the Plusbus as strongly as the
    dementia service itself (BM25 saturates on repetition; presence is what counts). Those words work at
    query time instead: ``search.understanding`` maps them to the life situation and the engine gives its
    services a floor score. They also stay in Wagtail's index through ``ServicePage.search_fields``.
    Measured on bench/relevance_queries.json: recall@3 0.81 with them, 0.89 without.
    """
    title = normalise(document.title, vocabulary=vocabulary)
    own = normalise(
        " ".join(
            [
                document.organisation,
                document.summary,
                document.next_step,
                document.eligibility_description,
                document.body_text,
            ]
        ),
        vocabulary=vocabulary,
    )
    return " ".join(part for part in (title, title, title, own, own) if part)


def _splitting_vocabulary():
    from .understanding import get_lexicon

    return get_lexicon().splitting_vocabulary


def search_text_for_page(page, *, vocabulary=None) -> str:
    """The search text of a service page; empty when the page is not public (not live or restricted)."""
    document = document_for(page)
    if document is None:
        return ""
    return search_text_for_document(
        document, vocabulary=_splitting_vocabulary() if vocabulary is None else vocabulary
    )


def _reindex(pages, *, automatic=True):
    # Automatic updates (signals) respect a backend's AUTO_UPDATE setting; explicit refreshes do not.
    for backend in get_search_backends(with_auto_update=automatic):
        try:
            backend.add_bulk(ServicePage, pages)
        except Exception:
            logger.exception("Search index of %d service pages not updated", len(pages))


def refresh_search_text(pages=None, *, batch_size=500) -> int:
    """Recompute ``search_text`` of *pages* (a queryset or iterable; default all) and reindex them.

    Used after loading data without signals and when shared texts change (an organisation's name, a life
    situation's synonyms). Returns the number of pages whose text changed.
    """
    queryset = ServicePage.objects.all() if pages is None else pages
    if hasattr(queryset, "select_related"):
        queryset = (
            queryset.select_related("organisation")
            .prefetch_related("life_situations", "kernen", "target_groups", "locations__kern")
            .order_by("pk")
        )
        chunks = _chunks(queryset.iterator(chunk_size=batch_size), batch_size)
    else:
        chunks = _chunks(iter(queryset), batch_size)
    vocabulary = _splitting_vocabulary()
    changed = 0
    for chunk in chunks:
        updated = []
        for page in chunk:
            text = search_text_for_page(page, vocabulary=vocabulary)
            if text != page.search_text:
                page.search_text = text
                updated.append(page)
        if updated:
            ServicePage.objects.bulk_update(updated, ["search_text"])
            changed += len(updated)
        _reindex(chunk, automatic=False)
    versions.bump(versions.CONTENT)
    return changed


def _chunks(iterator, size):
    chunk = []
    for item in iterator:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- Signal handlers --------------------------------------------------------------------------------

_state = threading.local()


@contextmanager
def suspended_signals():
    """Mute this module's handlers inside the block (bulk loads do the work once, themselves, after)."""
    previous = getattr(_state, "suspended", False)
    _state.suspended = True
    try:
        yield
    finally:
        _state.suspended = previous


def _suspended():
    return getattr(_state, "suspended", False)


def fill_search_text(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or _suspended():
        return
    if update_fields is not None and "search_text" not in update_fields:
        return
    try:
        instance.search_text = search_text_for_page(instance)
    except Exception:
        # Never block a save; the next publish or refresh_search_text fills it.
        logger.exception("search_text not computed for service page %s", instance.pk)


def service_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or _suspended():
        return
    if update_fields is not None and set(update_fields) <= _DRAFT_ONLY_FIELDS:
        return
    versions.bump(versions.CONTENT)


def service_published(sender, instance, **kwargs):
    if not isinstance(instance, ServicePage) or _suspended():
        return
    versions.bump(versions.CONTENT)
    # Many-to-many values (life situations) are committed after the save that indexed the page.
    _reindex([instance])


def content_changed(sender, instance=None, raw=False, **kwargs):
    if raw or _suspended():
        return
    versions.bump(versions.CONTENT)


def vocabulary_changed(sender, instance=None, raw=False, **kwargs):
    if raw or _suspended():
        return
    versions.bump(versions.SYNONYMS)


def shared_text_changed(sender, instance=None, raw=False, created=False, **kwargs):
    """An organisation's name or a life situation's words are part of every linked page's search text."""
    if raw or _suspended():
        return
    if sender is LifeSituation:
        versions.bump(versions.SYNONYMS)
    if created or instance is None or instance.pk is None:
        versions.bump(versions.CONTENT)
        return
    try:
        if sender is Organisation:
            pages = ServicePage.objects.filter(organisation=instance)
        else:
            pages = ServicePage.objects.filter(life_situations=instance).distinct()
        refresh_search_text(pages)
    except Exception:
        logger.exception("search_text of linked service pages not refreshed")
        versions.bump(versions.CONTENT)


_connected = False


def connect():
    """Connect the handlers (called once from ``SearchConfig.ready``)."""
    global _connected
    if _connected:
        return
    _connected = True
    pre_save.connect(fill_search_text, sender=ServicePage, dispatch_uid="search_fill_search_text")
    post_save.connect(service_saved, sender=ServicePage, dispatch_uid="search_service_saved")
    post_delete.connect(content_changed, sender=ServicePage, dispatch_uid="search_service_deleted")
    page_published.connect(service_published, dispatch_uid="search_service_published")
    page_unpublished.connect(content_changed, dispatch_uid="search_service_unpublished")
    post_page_move.connect(content_changed, dispatch_uid="search_page_moved")
    for model in (Kern, TargetGroup, Location, OpeningHours, OpeningException, PageViewRestriction):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"search_changed_{model.__name__}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"search_deleted_{model.__name__}")
    for model in (Organisation, LifeSituation):
        post_save.connect(shared_text_changed, sender=model, dispatch_uid=f"search_shared_{model.__name__}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"search_deleted_{model.__name__}")
    post_delete.connect(vocabulary_changed, sender=LifeSituation, dispatch_uid="search_situation_vocabulary")
    post_save.connect(vocabulary_changed, sender=Synonym, dispatch_uid="search_synonym_saved")
    post_delete.connect(vocabulary_changed, sender=Synonym, dispatch_uid="search_synonym_deleted")
