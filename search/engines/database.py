"""The database engine: Wagtail's database search backend over service pages.

The embedded default (SQLite FTS5) and the production fallback (PostgreSQL full-text search with the
"dutch" configuration). Neither knows Dutch compounds and SQLite knows no Dutch at all, so the index
carries ``ServicePage.search_text`` (``search.search_text``) and queries arrive as the same normalised
terms (``search.understanding``).

Finding and scoring are split:

1. **Finding** uses Wagtail's index and its backend's own OR match: FTS5 ``MATCH {title body} : ("a" OR
   "b")`` on SQLite, ``body @@ (a | b)`` on PostgreSQL, keeping the best ``limit`` hits by the backend's
   rank. This is what ``ServicePage.objects.search(terms, operator="or")`` runs, written out so the
   scores can be read in one pass (the SQLite backend's ``annotate_score`` re-runs the MATCH once per
   result row, 4 s for 2,000 services).
2. **Scoring** is Okapi BM25 over the hits' ``search_text``, computed in Python the same way on both
   databases, so SQLite and PostgreSQL give the same order. Neither backend's own score is usable for
   that: ``ts_rank`` ignores how rare a word is ("hulp" counts as much as "schuldhulp") and nearly how
   often it occurs (so a title weighted three times does not count), and both backends' scores add
   Wagtail's title norm, which lifted any short title ("Plusbus", "Huisarts") over the service that
   actually matched. Scoring ``search_text`` also leaves out the raw life-situation synonyms every
   service of a situation shares in Wagtail's index; those work through the situation floor below.

One score per service, scaled so the best hit is 1.0, from three parts:

- the text of the query itself (weight 1);
- the synonym expansions (``EXPANSION_WEIGHT``): a service found only through a synonym ranks below one
  that uses the resident's own words;
- membership of a life situation the query names (``SITUATION_WEIGHT``, a floor): "eenzaam" also brings
  the services tagged "Eenzaamheid en mensen ontmoeten", even when their text says "ontmoeten" instead.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable
from functools import reduce

from django.db import connection
from django.db.models import CharField, F
from django.db.models.functions import Cast

from wagtail.search import index
from wagtail.search.backends import get_search_backends

from services.choices import ServiceStatus
from services.models import ServicePage

from .. import versions
from .base import EngineHit, EngineQuery, EngineResult

EXPANSION_WEIGHT = 0.5
SITUATION_WEIGHT = 0.4
EXPANSION_LIMIT = 300
"""Synonyms widen a query with common words; only their best matches are scored (bounds the work)."""
MIN_SHARE = 0.1
"""Text hits scoring below this share of the best hit are dropped (situation members are kept)."""
BM25_K1 = 1.2
BM25_B = 0.75


_count_memo = versions.Memo(versions.CONTENT)


def _searchable():
    return ServicePage.objects.live().public().exclude(status=ServiceStatus.ENDED)


def _searchable_object_ids(base):
    # Wagtail's index keys objects by their pk as text.
    return base.annotate(object_id=Cast("pk", CharField())).values("object_id")


def _content_types():
    from modelsearch.utils import get_descendants_content_types_pks

    return get_descendants_content_types_pks(ServicePage)


def _sqlite_hits(base, terms, limit) -> list[int]:
    """Ids matching any of *terms* in Wagtail's SQLite FTS5 index, best FTS5 bm25 first."""
    from modelsearch.backends.database.sqlite.query import (
        BM25,
        Lexeme,
        MatchExpression,
        SearchQueryExpression,
    )
    from wagtail.search.models import SQLiteFTSIndexEntry

    lexemes = reduce(operator.or_, (Lexeme(term) for term in terms))
    rows = (
        SQLiteFTSIndexEntry.objects.filter(MatchExpression(["title", "body"], SearchQueryExpression(lexemes)))
        .filter(
            index_entry__content_type_id__in=_content_types(),
            index_entry__object_id__in=_searchable_object_ids(base),
        )
        .annotate(score=BM25())
        .order_by("score")
        .values_list("index_entry__object_id", flat=True)[:limit]
    )
    return [int(object_id) for object_id in rows]


def _postgres_hits(base, terms, limit) -> list[int]:
    """Ids matching any of *terms* in Wagtail's PostgreSQL index ("dutch" config), best ``ts_rank`` first."""
    from django.contrib.postgres.search import SearchQuery, SearchRank

    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    config = getattr(get_search_backend(), "config", None)
    query = reduce(operator.or_, (SearchQuery(term, config=config, search_type="plain") for term in terms))
    rows = (
        IndexEntry.objects.filter(
            content_type_id__in=_content_types(), object_id__in=_searchable_object_ids(base), body=query
        )
        .annotate(rank=SearchRank(F("body"), query))
        .order_by("-rank")
        .values_list("object_id", flat=True)[:limit]
    )
    return [int(object_id) for object_id in rows]


def _generic_hits(base, terms, limit) -> list[int]:
    """Other databases (or SQLite without FTS5): Wagtail's plain ``.search()``."""
    return [page.pk for page in base.only("pk").search(" ".join(terms), operator="or")[:limit]]


def bm25(texts: dict[int, str], terms, *, total: int) -> dict[int, float]:
    """Okapi BM25 (FTS5's k1 and b) of *terms* in whitespace-separated normalised *texts*; zeros left out.

    Document frequencies are counted in *texts*, so pass every document that contains any of the terms
    (or, for very common terms, the best of them); *total* is the number of documents in the collection.
    """
    if not texts:
        return {}
    wanted = list(dict.fromkeys(terms))
    tokens = {pk: text.split() for pk, text in texts.items()}
    average = (sum(len(t) for t in tokens.values()) / len(tokens)) or 1.0
    # tf per document and term; list.count runs in C, cheaper than building a Counter per document.
    frequencies = {pk: [t.count(term) for term in wanted] for pk, t in tokens.items()}
    scores: dict[int, float] = {}
    for i, _term in enumerate(wanted):
        having = [pk for pk, tf in frequencies.items() if tf[i]]
        if not having:
            continue
        idf = math.log(1 + (max(total, len(having)) - len(having) + 0.5) / (len(having) + 0.5))
        for pk in having:
            tf = frequencies[pk][i]
            norm = BM25_K1 * (1 - BM25_B + BM25_B * len(tokens[pk]) / average)
            scores[pk] = scores.get(pk, 0.0) + idf * tf * (BM25_K1 + 1) / (tf + norm)
    return scores


def _sqlite_fts_available() -> bool:
    # Wagtail picks its FTS5 backend only when the FTS table exists; otherwise we go through .search().
    from wagtail.search.backends import get_search_backend

    return type(get_search_backend()).__name__ == "SQLiteSearchBackend"


class DatabaseEngine:
    """SearchEngine on ``wagtail.search.backends.database`` (SQLite FTS5 or PostgreSQL FTS)."""

    name = "database"

    def __repr__(self) -> str:
        return f"<DatabaseEngine {connection.vendor}>"

    def search(self, query: EngineQuery) -> EngineResult:
        """Ids and scores of the searchable services matching *query*, best first (at most ``limit``).

        An empty query returns every searchable service with score 0 (a filter-only listing), in id order.
        """
        base = _searchable()
        if query.is_empty:
            ids = base.order_by("pk").values_list("pk", flat=True)
            return EngineResult(hits=tuple(EngineHit(page_id=pk, score=0.0) for pk in ids), engine=self.name)

        # The collection size only feeds BM25's idf; counting 20,000 pages per search would cost more.
        total = _count_memo.get(versions.tokens(), base.count)
        scores: dict[int, float] = {}
        parts = ((1.0, query.terms, query.limit), (EXPANSION_WEIGHT, query.expansions, EXPANSION_LIMIT))
        for weight, terms, limit in parts:
            for pk, score in self._text_scores(base, terms, min(limit, query.limit), total).items():
                scores[pk] = scores.get(pk, 0.0) + weight * score
        best = max(scores.values(), default=0.0)
        if best > 0:
            scores = {pk: score / best for pk, score in scores.items()}
        # OR matching finds every service that shares one common word ("hulp") with a synonym; a match
        # that weak is noise in a list and in facet counts, so it is left out.
        scores = {pk: score for pk, score in scores.items() if score >= MIN_SHARE}
        if query.situations:
            # A floor, not a bonus: membership brings a service in when its text does not match, but
            # does not lift every service of the situation over the one whose own text matches best.
            tagged = (
                base.filter(life_situations__slug__in=query.situations)
                .values_list("pk", flat=True)
                .distinct()
            )
            for pk in tagged:
                scores[pk] = max(scores.get(pk, 0.0), SITUATION_WEIGHT)
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[: query.limit]
        return EngineResult(
            hits=tuple(EngineHit(page_id=pk, score=score) for pk, score in ranked), engine=self.name
        )

    def _text_scores(self, base, terms, limit, total) -> dict[int, float]:
        """BM25 of *terms* for the services the backend finds with them (see the module docstring)."""
        if not terms:
            return {}
        if connection.vendor == "sqlite" and _sqlite_fts_available():
            ids = _sqlite_hits(base, terms, limit)
        elif connection.vendor == "postgresql":
            ids = _postgres_hits(base, terms, limit)
        else:
            ids = _generic_hits(base, terms, limit)
        texts: dict[int, str] = {}
        for start in range(0, len(ids), 500):  # stay far below SQLite's limit on query parameters
            chunk = ids[start : start + 500]
            texts.update(ServicePage.objects.filter(pk__in=chunk).values_list("pk", "search_text"))
        return bm25(texts, terms, total=total)

    def index_services(self, pages: Iterable) -> None:
        """Write *pages* to Wagtail's database index, with the ``search_text`` they carry.

        Unlike Elasticsearch, Wagtail's index keeps drafts and restricted pages too (the editors' admin
        search uses it); searches filter on live and public instead (``_searchable``).
        """
        pages = list(pages)
        if not pages:
            return
        for backend in get_search_backends():
            backend.add_bulk(ServicePage, pages)

    def remove_services(self, page_ids: Iterable[int]) -> None:
        """Remove deleted pages from Wagtail's index (normally done already by Wagtail's delete signal)."""
        for page_id in sorted(set(page_ids)):
            # An unsaved instance is enough: the index is keyed by content type and pk.
            index.remove_object(ServicePage(pk=page_id))
