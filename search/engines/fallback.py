"""Serve every search, even when the primary engine (Elasticsearch) is down, slow or broken.

The wrapper asks the primary engine first. On ``EngineUnavailable`` or any other exception it logs one
warning and answers from the database engine, marking the result ``fell_back=True``. The warning names
the engine and the error type only: never the query text, and never the exception message, because
client errors can echo the request body (and with it what a resident typed).

With a :class:`~search.engines.breaker.CircuitBreaker` (``get_engine`` passes the process's breaker for
the configured cluster), a failure opens the breaker: until the cool-down ends, searches go straight to
the fallback and index writes skip the primary, so a hanging cluster costs one timeout per cool-down
instead of one per request. Writes that did not reach the primary are collected in ``missed`` so the
caller (``search.tasks``) can retry them or report the index as behind.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace

from .base import EngineQuery, EngineResult, EngineUnavailable, SearchEngine
from .breaker import CircuitBreaker

logger = logging.getLogger("hulpzoeker.search")


class FallbackEngine:
    """A SearchEngine that tries *primary* and falls back to *fallback* (the database engine)."""

    def __init__(
        self, primary: SearchEngine, fallback: SearchEngine, *, breaker: CircuitBreaker | None = None
    ) -> None:
        self.primary = primary
        self.fallback = fallback
        self.name = primary.name
        self.breaker = breaker
        self.missed: set[int] = set()  # page ids whose write did not reach the primary

    def __repr__(self) -> str:
        return f"<FallbackEngine {self.primary.name} → {self.fallback.name}>"

    def search(self, query: EngineQuery) -> EngineResult:
        """The primary engine's result, or the fallback's with ``fell_back=True`` when the primary failed."""
        if not self._allowed():
            # Open breaker: no log line per search (that would flood the log during an outage); the
            # failure that opened it was logged.
            return replace(self.fallback.search(query), fell_back=True)
        try:
            result = self.primary.search(query)
        except EngineUnavailable as error:
            reason = type(error.__cause__ or error).__name__
        except Exception as error:  # noqa: BLE001 - a broken primary must never cost a resident their answer
            reason = type(error).__name__
        else:
            self._succeeded()
            return result
        self._failed()
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
        self._write("index", [page.pk for page in pages], lambda: self.primary.index_services(pages))

    def remove_services(self, page_ids: Iterable[int]) -> None:
        """Remove from both engines; a failing primary is logged, never raised."""
        page_ids = sorted(set(page_ids))
        self.fallback.remove_services(page_ids)
        self._write("remove", page_ids, lambda: self.primary.remove_services(page_ids))

    def _write(self, action: str, page_ids: list[int], write) -> None:
        if not page_ids:
            return
        if not self._allowed():
            self.missed.update(page_ids)
            logger.warning(
                "Search engine %s skipped (%s service page(s) %s): it failed less than %.0f s ago; "
                "the index is behind until a retry or manage.py rebuild_search_index.",
                self.primary.name,
                action,
                ", ".join(str(pk) for pk in page_ids),
                self.breaker.cooldown,
            )
            return
        try:
            write()
        except Exception as error:  # noqa: BLE001
            self.missed.update(page_ids)
            if isinstance(error, EngineUnavailable):
                self._failed()
            self._log_write_failure(action, page_ids, error)
        else:
            self._succeeded()

    def _allowed(self) -> bool:
        return self.breaker is None or self.breaker.allow()

    def _succeeded(self) -> None:
        if self.breaker is not None:
            self.breaker.record_success()

    def _failed(self) -> None:
        if self.breaker is not None:
            self.breaker.record_failure()

    def _log_write_failure(self, action: str, page_ids: list[int], error: Exception) -> None:
        # Ids and error types only. An outage is expected now and then; anything else is a bug, whose
        # traceback is kept (pages and snippets hold no residents' data, partner fields are never read).
        ids = ", ".join(str(pk) for pk in page_ids)
        if isinstance(error, EngineUnavailable):
            reason = type(error.__cause__ or error).__name__
            logger.warning(
                "Search engine %s did not %s service page(s) %s (%s); the index is behind.",
                self.primary.name,
                action,
                ids,
                reason,
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
