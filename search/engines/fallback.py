"""Serve every search, even when the primary engine (Elasticsearch) is down, slow or broken.

The wrapper asks the primary engine first. On ``EngineUnavailable`` or any other exception it logs one
warning and answers from the database engine, marking the result ``fell_back=True``. The warning names
the engine and the error type only: never the query text, and never the exception message, because
client errors can echo the request body (and with it what a resident typed).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from .base import EngineQuery, EngineResult, EngineUnavailable, SearchEngine

logger = logging.getLogger("hulpzoeker.search")


class FallbackEngine:
    """A SearchEngine that tries *primary* and falls back to *fallback* (the database engine)."""

    def __init__(self, primary: SearchEngine, fallback: SearchEngine) -> None:
        self.primary = primary
        self.fallback = fallback
        self.name = primary.name

    def __repr__(self) -> str:
        return f"<FallbackEngine {self.primary.name} → {self.fallback.name}>"

    def search(self, query: EngineQuery) -> EngineResult:
        """The primary engine's result, or the fallback's with ``fell_back=True`` when the primary failed."""
        try:
            return self.primary.search(query)
        except EngineUnavailable as error:
            reason = type(error.__cause__ or error).__name__
        except Exception as error:  # noqa: BLE001 - a broken primary must never cost a resident their answer
            reason = type(error).__name__
        logger.warning(
            "Search engine %s failed (%s); answered from the %s engine.",
            self.primary.name,
            reason,
            self.fallback.name,
        )
        result = self.fallback.search(query)
        return replace(result, fell_back=True)

    def index_service(self, page) -> None:
        """Index in both engines; a failing primary is logged, never raised (publishing must not fail)."""
        self.fallback.index_service(page)
        try:
            self.primary.index_service(page)
        except Exception as error:  # noqa: BLE001
            logger.warning(
                "Search engine %s did not index page %s (%s).",
                self.primary.name,
                page.pk,
                type(error).__name__,
            )

    def remove_service(self, page_id: int) -> None:
        """Remove from both engines; a failing primary is logged, never raised."""
        self.fallback.remove_service(page_id)
        try:
            self.primary.remove_service(page_id)
        except Exception as error:  # noqa: BLE001
            logger.warning(
                "Search engine %s did not remove page %s (%s).",
                self.primary.name,
                page_id,
                type(error).__name__,
            )
