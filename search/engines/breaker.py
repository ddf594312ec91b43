"""A circuit breaker for the Elasticsearch engine: after one failure, stop asking for a while.

A cluster that accepts connections and never answers costs every caller a full timeout. After a
failure (error or timeout) the breaker *opens*: for ``ELASTICSEARCH_BREAKER_COOLDOWN`` seconds every
search is answered by the database engine at once and index writes are skipped (and logged as behind).
After the cool-down one caller is let through as a trial (*half-open*); its success closes the breaker,
its failure opens it for another cool-down. Callers that arrive while the trial runs are refused, so a
hanging cluster costs one timeout per cool-down, not one per request.

The state is per process (a module-level registry keyed by cluster URL): each gunicorn worker and each
``db_worker`` finds out on its own, at the price of one timeout each. That is deliberate: no shared
store (cache, database) sits in the path of a search, and a worker that restarts starts closed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from enum import StrEnum


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    """Thread-safe breaker state for one cluster. *clock* is injectable so tests need no sleeping."""

    def __init__(self, cooldown: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.cooldown = float(cooldown)
        self._clock = clock
        self._lock = threading.Lock()
        self._state = BreakerState.CLOSED
        self._opened_at = 0.0
        self._trial_running = False
        self.failures = 0  # consecutive failures, for the log

    def __repr__(self) -> str:
        return f"<CircuitBreaker {self.state} cooldown={self.cooldown}s>"

    @property
    def state(self) -> BreakerState:
        with self._lock:
            return self._current_state()

    def _current_state(self) -> BreakerState:
        if self._state is BreakerState.OPEN and self._clock() - self._opened_at >= self.cooldown:
            return BreakerState.HALF_OPEN
        return self._state

    def allow(self) -> bool:
        """May the caller ask the cluster now? In half-open state only the first caller may (the trial)."""
        with self._lock:
            state = self._current_state()
            if state is BreakerState.CLOSED:
                return True
            if state is BreakerState.HALF_OPEN and not self._trial_running:
                self._state = BreakerState.HALF_OPEN
                self._trial_running = True
                return True
            return False

    def record_success(self) -> None:
        with self._lock:
            self._state = BreakerState.CLOSED
            self._trial_running = False
            self.failures = 0

    def record_failure(self) -> None:
        with self._lock:
            self._state = BreakerState.OPEN
            self._opened_at = self._clock()
            self._trial_running = False
            self.failures += 1

    def seconds_until_trial(self) -> float:
        """Seconds left in the cool-down (0 when closed or ready for a trial)."""
        with self._lock:
            if self._current_state() is not BreakerState.OPEN:
                return 0.0
            return max(0.0, self.cooldown - (self._clock() - self._opened_at))


_breakers: dict[str, CircuitBreaker] = {}
_registry_lock = threading.Lock()


def breaker_for(key: str, cooldown: float) -> CircuitBreaker:
    """The process's breaker for cluster *key* (its URL); created closed on first use."""
    with _registry_lock:
        breaker = _breakers.get(key)
        if breaker is None or breaker.cooldown != float(cooldown):
            breaker = _breakers[key] = CircuitBreaker(cooldown)
        return breaker


def reset_all() -> None:
    """Forget every breaker (tests; a process that was told the cluster is back)."""
    with _registry_lock:
        _breakers.clear()
