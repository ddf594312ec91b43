"""Signal receivers that keep the Elasticsearch index in step (see search/indexing.py).

Imported once from ``SearchConfig.ready()``. Receivers carry a ``dispatch_uid`` so importing this module
again cannot connect them twice. Draft saves are deliberately not listened to: only publishing,
unpublishing, moving and deleting change what the public can find.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import indexing
from services.models import Kern, LifeSituation, Location, Organisation, ServicePage, TargetGroup

# Snippets whose names or slugs are part of a service's index document.
RELATED_MODELS = (Organisation, Location, LifeSituation, TargetGroup, Kern)

# Set in pre_delete: once a snippet is deleted its many-to-many rows are gone, so the services that used
# it can only be found before.
_PENDING_IDS = "_hulpzoeker_search_service_ids"


@receiver(page_published, dispatch_uid="hulpzoeker_search_page_published")
def _page_published(sender, instance, **kwargs):
    # Wagtail sends the specific page; subclasses of ServicePage count as services too.
    if isinstance(instance, ServicePage):
        indexing.index_page(instance)


@receiver(page_unpublished, dispatch_uid="hulpzoeker_search_page_unpublished")
def _page_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ServicePage):
        indexing.unindex_page(instance.pk)


@receiver(post_page_move, dispatch_uid="hulpzoeker_search_post_page_move")
def _page_moved(sender, instance, **kwargs):
    # Wagtail sends a plain Page here. A move can put services (the page itself or its descendants) under
    # a view restriction, which makes them private; the whole subtree is looked at again.
    indexing.reindex_subtree(instance)


@receiver(post_delete, sender=ServicePage, dispatch_uid="hulpzoeker_search_service_deleted")
def _service_deleted(sender, instance, **kwargs):
    indexing.unindex_page(instance.pk)


def _snippet_saved(sender, instance, raw=False, **kwargs):
    # raw: loaddata writes rows as they are; the relations may not exist yet. Rebuild after loading.
    if not raw:
        indexing.reindex_related(instance)


def _snippet_deleting(sender, instance, **kwargs):
    if indexing.elasticsearch_enabled():
        setattr(instance, _PENDING_IDS, indexing.related_service_ids(instance))


def _snippet_deleted(sender, instance, **kwargs):
    page_ids = getattr(instance, _PENDING_IDS, None)
    if page_ids is not None:
        indexing.reindex_related(instance, page_ids=page_ids)


for _model in RELATED_MODELS:
    _name = _model.__name__.lower()
    post_save.connect(_snippet_saved, sender=_model, dispatch_uid=f"hulpzoeker_search_{_name}_saved")
    pre_delete.connect(_snippet_deleting, sender=_model, dispatch_uid=f"hulpzoeker_search_{_name}_deleting")
    post_delete.connect(_snippet_deleted, sender=_model, dispatch_uid=f"hulpzoeker_search_{_name}_deleted")


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="hulpzoeker_search_restriction_saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="hulpzoeker_search_restriction_deleted")
def _view_restriction_changed(sender, instance, raw=False, **kwargs):
    # A restricted page is not public, so its services leave the index; lifting the restriction brings
    # them back. document_for() decides, this only makes sure it is asked.
    if raw:
        return
    # Looked up rather than followed: when the page itself is being deleted it may already be gone.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        indexing.reindex_subtree(page)
