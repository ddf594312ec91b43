"""Serve every search, even when the primary engine (Elasticsearch) is down, slow or broken.

The wrapper asks the primary engine first. On ``EngineUnavailable`` or any other exception it logs one
warning and answers from the database engine, marking the result ``fell_back=True``. The warning names
the engine and the error type only: never the query text, and never the exception message, because
client errors can echo the request body (and with it what a resident typed).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
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

    def index_services(self, pages: Iterable) -> None:
        """Index in both engines; a failing primary is logged, never raised (publishing must not fail)."""
        pages = list(pages)
        self.fallback.index_services(pages)
        try:
            self.primary.index_services(pages)
        except Exception as error:  # noqa: BLE001
            self._log_write_failure("index", [page.pk for page in pages], error)

    def remove_services(self, page_ids: Iterable[int]) -> None:
        """Remove from both engines; a failing primary is logged, never raised."""
        page_ids = sorted(set(page_ids))
        self.fallback.remove_services(page_ids)
        try:
            self.primary.remove_services(page_ids)
        except Exception as error:  # noqa: BLE001
            self._log_write_failure("remove", page_ids, error)

    def _log_write_failure(self, action: str, page_ids: list[int], error: Exception) -> None:
        # Ids and error types only. An outage is expected now and then; anything else is a bug, whose
        # traceback is kept (pages and snippets hold no residents' data, partner fields are never read).
        ids = ", ".join(str(pk) for pk in page_ids)
        if isinstance(error, EngineUnavailable):
            reason = type(error.__cause__ or error).__name__
            logger.warning(
                "Search engine %s did not %s service page(s) %s (%s).", self.primary.name, action, ids, reason
            )
        else:
            logger.error(
                "Search engine %s did not %s service page(s) %s: unexpected %s.",
                self.primary.name,
                action,
                ids,
                type(error).__name__,
                exc_info=error,
            )
