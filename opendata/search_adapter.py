"""The one place the HSDS API asks the search layer for a relevance order.

``search.retrieval.ranked_ids`` gives live service page ids, best first, from Elasticsearch or the
database engine behind one interface, so ``/api/hsds/services?search=`` ranks like the search page.
"""

from search.retrieval import ranked_ids

MAX_RESULTS = 1000


def ranked_service_ids(text: str) -> list[int]:
    """Ids of live service pages matching ``text``, most relevant first (at most ``MAX_RESULTS``)."""
    return list(ranked_ids(text=text))[:MAX_RESULTS]
