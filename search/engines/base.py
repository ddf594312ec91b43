"""The one interface every search engine implements.

An engine only finds candidates and scores their text relevance. Filtering on facets, eligibility,
ranking and explanations happen once, above the engines (search/retrieval.py), so the database and
Elasticsearch engines give the same order for the same text scores.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class EngineQuery:
    """What an engine is asked.

    ``text`` is what the resident typed; ``terms`` its normalised terms (search/text.py); ``expansions``
    extra normalised terms from editor-managed synonyms (weighted lower); ``situations`` life-situation
    slugs the query names, whose services are surfaced too. An empty query (no terms, no situations)
    asks for every searchable service with score 0.
    """

    text: str = ""
    terms: tuple[str, ...] = ()
    expansions: tuple[str, ...] = ()
    situations: tuple[str, ...] = ()
    limit: int = 1000

    @property
    def is_empty(self):
        return not self.terms and not self.expansions and not self.situations


@dataclass(frozen=True)
class EngineHit:
    page_id: int
    score: float


@dataclass(frozen=True)
class EngineResult:
    hits: tuple[EngineHit, ...]
    engine: str
    fell_back: bool = False
    notes: tuple[str, ...] = field(default=())


class SearchEngine(Protocol):
    """Finds services (``search``) and keeps its index in step with the pages (the other two).

    ``search.tasks`` is the only caller of the writing methods, after a commit; a write may raise
    ``EngineUnavailable`` (the caller logs it, publishing never fails on it).
    """

    name: str

    def search(self, query: EngineQuery) -> EngineResult: ...

    def index_services(self, pages: Iterable) -> None:
        """Write *pages* (ServicePages); one that is not searchable (draft, restricted, ended) is removed."""
        ...

    def remove_services(self, page_ids: Iterable[int]) -> None:
        """Forget the services *page_ids* (deleted pages); unknown ids are not an error."""
        ...


class EngineUnavailable(Exception):
    """The engine could not answer (connection refused, timeout, cluster error)."""
