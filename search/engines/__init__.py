"""Choose the search engine from configuration (DESIGN.md: one interface, engine by configuration).

With ``ELASTICSEARCH_URL`` set, searches go to Elasticsearch wrapped in :class:`FallbackEngine`, so an
outage is answered from the database engine, behind the process's circuit breaker for that cluster
(``ELASTICSEARCH_BREAKER_COOLDOWN``, see breaker.py). Without it, the database engine answers directly.
"""

from __future__ import annotations

import logging

from django.conf import settings

from .base import EngineHit, EngineQuery, EngineResult, EngineUnavailable, SearchEngine

logger = logging.getLogger("hulpzoeker.search")

__all__ = ["EngineHit", "EngineQuery", "EngineResult", "EngineUnavailable", "SearchEngine", "get_engine"]


def get_engine() -> SearchEngine:
    """The configured engine: Elasticsearch with database fallback, or the database engine alone."""
    from .database import DatabaseEngine

    database = DatabaseEngine()
    if not settings.ELASTICSEARCH_URL:
        return database
    try:
        # Imported lazily: the Elasticsearch client is only loaded where a cluster is configured.
        from search.engines.elasticsearch import ElasticsearchEngine

        primary = ElasticsearchEngine()
    except Exception as error:  # noqa: BLE001 - a bad configuration must not take search down
        logger.warning(
            "Elasticsearch engine not available (%s); using the database engine.", type(error).__name__
        )
        return database
    from .breaker import breaker_for
    from .fallback import FallbackEngine

    breaker = breaker_for(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_BREAKER_COOLDOWN)
    return FallbackEngine(primary=primary, fallback=database, breaker=breaker)
