"""The one place the HSDS API asks the search layer for a relevance order.

The search app owns retrieval (``search.retrieval.ranked_ids``: live service page ids, best first,
Elasticsearch or the database engine behind one interface). Until that module exists, or if it cannot
be imported, we fall back to Wagtail's own search over live pages, so ``/api/hsds/services?search=``
works either way.
"""

import logging

logger = logging.getLogger("hulpzoeker.hsds")

MAX_RESULTS = 1000


def ranked_service_ids(text: str) -> list[int]:
    """Ids of live service pages matching ``text``, most relevant first (at most ``MAX_RESULTS``)."""
    try:
        from search.retrieval import ranked_ids
    except ImportError:
        ranked_ids = None
    if ranked_ids is not None:
        return list(ranked_ids(text=text))[:MAX_RESULTS]
    return _wagtail_ranked_ids(text)


def _wagtail_ranked_ids(text: str) -> list[int]:
    from services.models import ServicePage

    results = ServicePage.objects.live().public().search(text)
    return [page.pk for page in results[:MAX_RESULTS]]
