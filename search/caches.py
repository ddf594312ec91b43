"""The one place that forgets this process's search caches.

Modules that keep a cache in memory register a function that empties it; :func:`clear_caches` calls
them all. Nobody has to import another module just to clear its cache, which is what used to tie the
search modules into an import circle. ``search.versions.Memo`` registers itself, so a memo-backed cache
needs nothing more.

Clearing is for the cases where the version tokens cannot tell: rolled-back test data (the token of a
rolled-back bump comes back) and bulk loads that wrote rows without signals. Imports nothing from search.
"""

import threading
from collections.abc import Callable

__all__ = ["clear_caches", "register"]

_clear_functions: list[Callable[[], None]] = []
_lock = threading.Lock()


def register(clear: Callable[[], None]) -> Callable[[], None]:
    """Have :func:`clear_caches` call *clear*; returns it, so it can decorate a module's clear function."""
    with _lock:
        if clear not in _clear_functions:
            _clear_functions.append(clear)
    return clear


def clear_caches() -> None:
    """Forget every registered search cache of this process (facts, vocabulary, synonyms, counts)."""
    with _lock:
        functions = list(_clear_functions)
    for clear in functions:
        clear()
