"""Process-local caches for search, invalidated through a version token in the database.

Search needs a few things that are expensive to build on every request (the compiled synonyms, the
facts of every service for filters and facets, the vocabulary for typo correction). Each worker keeps
them in memory and rebuilds one when its token changed. Tokens live in the database (``CacheVersion``),
so an editor's save in one process reaches every other process on its next search, whatever cache
backend the deployment configures; reading them costs one small query per search.
"""

import threading

from services.counters import update_or_insert

from . import caches
from .models import CacheVersion

CONTENT = "content"
"""Services, organisations, places and vocabularies: what the facts store and vocabulary are built from."""
SYNONYMS = "synonyms"
"""Editor-managed synonyms and the life situations' names: what query understanding is built from."""


def bump(*names):
    """Give each named version a new token, so every process rebuilds what depends on it."""
    for name in names:
        token = {"token": CacheVersion.new_token()}
        update_or_insert(CacheVersion, lookup={"name": name}, changes=token, values=token)


def tokens():
    """The current token of every version, ``""`` for versions never bumped (one query)."""
    return dict(CacheVersion.objects.values_list("name", "token"))


class Memo:
    """One value per process, rebuilt when the tokens it depends on change.

    Every memo registers its ``clear`` with ``search.caches``, so ``clear_caches()`` forgets it too.

    Builders run outside the lock's critical path for other memos; two threads may build at the same time
    after a change, which wastes a little work but never serves a value built for other tokens.
    """

    def __init__(self, *depends_on):
        self.depends_on = depends_on
        self._lock = threading.Lock()
        self._key = None
        self._value = None
        caches.register(self.clear)

    def get(self, current_tokens, build):
        key = tuple(current_tokens.get(name, "") for name in self.depends_on)
        with self._lock:
            if self._key == key:
                return self._value
        value = build()
        with self._lock:
            self._key, self._value = key, value
        return value

    def clear(self):
        with self._lock:
            self._key = self._value = None
