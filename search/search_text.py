"""What the database engine searches: ``ServicePage.search_text``, the normalised public text of a service.

``search.text.normalise`` folds, stems and splits compounds; :func:`search_text_for_document` says what
goes in. Wagtail's database backend indexes that field with the others; the database engine finds
services with queries normalised the same way and scores them on this text (``search.engines.database``).
That gives SQLite (no Dutch analysis at all) stemming and compound matching, and PostgreSQL ("dutch"
config) compounds.

When the text is computed is decided in ``search.sync``: on save from the page's own values, and in the
background task (``search.tasks``) when shared text changes (an organisation's name).
"""

from services.models import ServicePage

from . import versions
from .documents import ServiceDocument, document_for
from .engines.database import DatabaseEngine
from .text import normalise
from .understanding import get_lexicon


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
    return get_lexicon().splitting_vocabulary


def search_text_for_page(page, *, vocabulary=None) -> str:
    """The search text of a service page; empty when the page is not public (not live or restricted)."""
    document = document_for(page)
    if document is None:
        return ""
    return search_text_for_document(
        document, vocabulary=_splitting_vocabulary() if vocabulary is None else vocabulary
    )


def with_document_relations(pages):
    """*pages* (a ServicePage queryset) with what documents and search texts need fetched in bulk, by id."""
    return (
        pages.select_related("organisation")
        .prefetch_related("life_situations", "kernen", "target_groups", "locations__kern")
        .order_by("pk")
    )


def update_search_text(pages, *, vocabulary=None) -> int:
    """Recompute ``search_text`` of *pages* (see :func:`with_document_relations`), save the changed ones.

    The objects are updated in place, so indexing them afterwards writes the new text. Returns the number
    of pages whose text changed.
    """
    vocabulary = _splitting_vocabulary() if vocabulary is None else vocabulary
    updated = []
    for page in pages:
        text = search_text_for_page(page, vocabulary=vocabulary)
        if text != page.search_text:
            page.search_text = text
            updated.append(page)
    if updated:
        ServicePage.objects.bulk_update(updated, ["search_text"])
    return len(updated)


def refresh_search_text(pages=None, *, batch_size=500, index=True) -> int:
    """Recompute ``search_text`` of *pages* (a queryset or iterable; default all), reindex them, bump.

    Runs synchronously, in batches: for bulk loads (``search.sync`` answers ``catalogue_loaded``) and
    rebuilds. With ``index=False`` only the texts are saved (the caller rebuilds the index itself).
    Returns the number of pages whose text changed.
    """
    pages = ServicePage.objects.all() if pages is None else pages
    if hasattr(pages, "select_related"):
        chunks = _chunks(with_document_relations(pages).iterator(chunk_size=batch_size), batch_size)
    else:
        chunks = _chunks(iter(pages), batch_size)
    vocabulary = _splitting_vocabulary()
    engine = DatabaseEngine()
    changed = 0
    for chunk in chunks:
        changed += update_search_text(chunk, vocabulary=vocabulary)
        if index:
            engine.index_services(chunk)
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
