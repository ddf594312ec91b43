"""Keep what search derives from the content in step with it: one set of signal receivers.

Connected once from ``SearchConfig.ready()``. Three kinds of work, by cost:

- **On save, synchronously:** ``ServicePage.search_text`` is filled in ``pre_save`` from the page's own
  values, so the row Wagtail indexes right after already carries it; and the cache version is bumped
  inside the transaction, so this process never serves stale facts (``search.versions``).
- **After the commit, in a task:** publishing, unpublishing, moving or deleting a service page, changing a
  view restriction, and saving or deleting a snippet a service shows (organisation, location, life
  situation, target group, kern) enqueue :func:`search.tasks.sync_services` with the ids of the affected
  pages. It recomputes their search text (an organisation's name is part of it), writes them through the
  configured engine (Wagtail's database index, and Elasticsearch when configured) and bumps the version
  again. A rolled-back transaction enqueues nothing; a draft save enqueues nothing.
- **Bulk loads:** ``services.signals.catalogue_loaded`` is answered synchronously (see there).

Opening hours and exceptions only reach the facts store (open now), never an index or a text: they bump
the version and enqueue nothing. Editors' synonyms are applied at query time: they bump their own version.
Failures are logged to ``hulpzoeker.search`` with ids and error types only, and never stop a save.
"""

import logging
import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from wagtail.models import Page, PageViewRestriction
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
from services.signals import catalogue_loaded

from . import versions
from .models import Synonym
from .search_text import refresh_search_text, search_text_for_page
from .tasks import sync_services

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

# Snippets whose names or slugs are part of a service's document or search text, and how to find the
# services that show them.
_LINKED_SERVICES = {
    Organisation: lambda instance: Q(organisation=instance),
    Location: lambda instance: Q(locations=instance),
    LifeSituation: lambda instance: Q(life_situations=instance),
    TargetGroup: lambda instance: Q(target_groups=instance),
    Kern: lambda instance: Q(kernen=instance) | Q(locations__kern=instance),
}
# Set in pre_delete: once a snippet is deleted its many-to-many rows are gone, so the services that used
# it can only be found before.
_PENDING_IDS = "_hulpzoeker_search_service_ids"


# --- Scheduling ---------------------------------------------------------------------------------------


def schedule(page_ids=(), *, removed_ids=(), reason: str) -> None:
    """Have :func:`search.tasks.sync_services` update these pages once the transaction commits.

    Nothing is enqueued when the transaction rolls back. Only ids travel (the task reads the committed
    rows); *reason* names the change for the log.
    """
    page_ids = sorted(set(page_ids))
    removed_ids = sorted(set(removed_ids))
    if page_ids or removed_ids:
        transaction.on_commit(lambda: _enqueue(page_ids, removed_ids, reason))


def _enqueue(page_ids: list[int], removed_ids: list[int], reason: str) -> None:
    try:
        sync_services.enqueue(page_ids=page_ids, removed_ids=removed_ids, reason=reason)
    except Exception as error:  # noqa: BLE001 - the change is committed; only the index lags behind
        logger.error(
            "Search index update not enqueued for service page(s) %s (%s): %s.",
            ", ".join(str(pk) for pk in sorted({*page_ids, *removed_ids})),
            reason,
            type(error).__name__,
        )


def linked_service_ids(instance) -> list[int]:
    """Ids of the service pages that show something of snippet *instance* (none for other objects).

    Must be called while the relations still exist (before a delete: see ``snippet_deleting``).
    """
    condition = _LINKED_SERVICES.get(type(instance))
    if condition is None or instance.pk is None:
        return []
    return sorted(set(ServicePage.objects.filter(condition(instance)).values_list("pk", flat=True)))


def _subtree_service_ids(page) -> list[int]:
    return list(ServicePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def _describe(instance) -> str:
    return f"{type(instance).__name__} {instance.pk}"


# --- Muting for bulk writers ------------------------------------------------------------------------

_state = threading.local()


@contextmanager
def suspended():
    """Mute these receivers inside the block (bulk writers do the work once, themselves, afterwards)."""
    previous = getattr(_state, "suspended", False)
    _state.suspended = True
    try:
        yield
    finally:
        _state.suspended = previous


def _muted(raw=False) -> bool:
    # raw: loaddata writes rows as they are, relations may not exist yet; rebuild after loading.
    return raw or getattr(_state, "suspended", False)


# --- Receivers ----------------------------------------------------------------------------------------


def fill_search_text(sender, instance, raw=False, update_fields=None, **kwargs):
    if _muted(raw):
        return
    if update_fields is not None and "search_text" not in update_fields:
        return
    try:
        instance.search_text = search_text_for_page(instance)
    except Exception:
        # Never block a save; the task after publishing, or refresh_search_text, fills it.
        logger.exception("search_text not computed for service page %s", instance.pk)


def service_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if _muted(raw):
        return
    if update_fields is not None and set(update_fields) <= _DRAFT_ONLY_FIELDS:
        return
    versions.bump(versions.CONTENT)


def service_published(sender, instance, **kwargs):
    # Wagtail sends the specific page; many-to-many values (life situations) are only committed after the
    # save that indexed it, so the task writes it again.
    if isinstance(instance, ServicePage) and not _muted():
        versions.bump(versions.CONTENT)
        schedule([instance.pk], reason="published")


def service_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ServicePage) and not _muted():
        versions.bump(versions.CONTENT)
        schedule([instance.pk], reason="unpublished")


def page_moved(sender, instance, **kwargs):
    # Wagtail sends a plain Page. A move can put services (the page or its descendants) under a view
    # restriction, which makes them private, so the whole subtree is looked at again.
    if _muted() or not isinstance(instance, Page) or instance.pk is None:
        return
    versions.bump(versions.CONTENT)
    schedule(_subtree_service_ids(instance), reason=f"moved page {instance.pk}")


def service_deleted(sender, instance, **kwargs):
    if _muted():
        return
    versions.bump(versions.CONTENT)
    schedule(removed_ids=[instance.pk], reason="deleted")


def view_restriction_changed(sender, instance, raw=False, **kwargs):
    # A restricted page is not public, so its services leave Elasticsearch and the facts; lifting the
    # restriction brings them back. document_for() decides, this only makes sure it is asked.
    if _muted(raw):
        return
    versions.bump(versions.CONTENT)
    # Looked up rather than followed: when the page itself is being deleted it may already be gone.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        schedule(_subtree_service_ids(page), reason=f"view restriction on page {page.pk}")


def snippet_saved(sender, instance, raw=False, created=False, **kwargs):
    if _muted(raw):
        return
    versions.bump(versions.CONTENT)
    if sender is LifeSituation:
        # Its name and synonyms are query vocabulary too (search.understanding).
        versions.bump(versions.SYNONYMS)
    if not created:
        schedule(linked_service_ids(instance), reason=_describe(instance))


def snippet_deleting(sender, instance, **kwargs):
    if not _muted():
        setattr(instance, _PENDING_IDS, linked_service_ids(instance))


def snippet_deleted(sender, instance, **kwargs):
    if _muted():
        return
    versions.bump(versions.CONTENT)
    if sender is LifeSituation:
        versions.bump(versions.SYNONYMS)
    schedule(getattr(instance, _PENDING_IDS, ()), reason=_describe(instance))


def hours_changed(sender, instance=None, raw=False, **kwargs):
    if not _muted(raw):
        versions.bump(versions.CONTENT)


def synonyms_changed(sender, instance=None, raw=False, **kwargs):
    if not _muted(raw):
        versions.bump(versions.SYNONYMS)


def catalogue_was_loaded(sender, pages=None, **kwargs):
    """Fill the search text of a bulk-loaded catalogue and index it, now, inside the loading transaction."""
    refresh_search_text(pages)


_connected = False


def connect():
    """Connect the receivers (called once from ``SearchConfig.ready``; a second call does nothing)."""
    global _connected
    if _connected:
        return
    _connected = True
    pre_save.connect(fill_search_text, sender=ServicePage, dispatch_uid="search_sync_fill_search_text")
    post_save.connect(service_saved, sender=ServicePage, dispatch_uid="search_sync_service_saved")
    post_delete.connect(service_deleted, sender=ServicePage, dispatch_uid="search_sync_service_deleted")
    page_published.connect(service_published, dispatch_uid="search_sync_published")
    page_unpublished.connect(service_unpublished, dispatch_uid="search_sync_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search_sync_moved")
    for kind, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(
            view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search_sync_restriction_{kind}",
        )
        signal.connect(synonyms_changed, sender=Synonym, dispatch_uid=f"search_sync_synonym_{kind}")
        for model in (OpeningHours, OpeningException):
            signal.connect(hours_changed, sender=model, dispatch_uid=f"search_sync_{model.__name__}_{kind}")
    for model in _LINKED_SERVICES:
        name = model.__name__
        post_save.connect(snippet_saved, sender=model, dispatch_uid=f"search_sync_{name}_saved")
        pre_delete.connect(snippet_deleting, sender=model, dispatch_uid=f"search_sync_{name}_deleting")
        post_delete.connect(snippet_deleted, sender=model, dispatch_uid=f"search_sync_{name}_deleted")
    catalogue_loaded.connect(catalogue_was_loaded, dispatch_uid="search_sync_catalogue_loaded")
