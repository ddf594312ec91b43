"""Measure search relevance against the project's relevance set (bench/relevance_queries.json).

recall@3: the share of a query's expected services found among the first three results, averaged over
the queries. MRR: the reciprocal rank of the first expected service within the first ten results (0
when none is there), averaged. Both are computed for any ranking function ``text -> list of slugs``, so
our engine and the plain Wagtail baseline are measured the same way, for the whole set and per language
(``lang``: the language the resident typed in, Dutch when absent).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RELEVANCE_FILE = Path(__file__).resolve().parent.parent / "bench" / "relevance_queries.json"
TOP_K = 3
MRR_DEPTH = 10


DUTCH = "nl"


@dataclass(frozen=True)
class QueryOutcome:
    query: str
    expected: tuple[str, ...]
    top: tuple[str, ...]
    recall: float
    reciprocal_rank: float
    language: str = DUTCH


@dataclass(frozen=True)
class Evaluation:
    outcomes: tuple[QueryOutcome, ...]

    @property
    def recall_at_3(self) -> float:
        return sum(o.recall for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    @property
    def mrr(self) -> float:
        return sum(o.reciprocal_rank for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    def misses(self) -> list[QueryOutcome]:
        return [o for o in self.outcomes if o.recall < 1.0]

    def languages(self) -> list[str]:
        """The languages in the set, Dutch first, then alphabetical."""
        found = {o.language for o in self.outcomes}
        return sorted(found, key=lambda lang: (lang != DUTCH, lang))

    def for_language(self, language: str) -> Evaluation:
        return Evaluation(tuple(o for o in self.outcomes if o.language == language))


def load_queries(path: Path = RELEVANCE_FILE) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))["queries"]


def evaluate(queries: list[dict], ranking: Callable[[str], list[str]]) -> Evaluation:
    """Run every query through *ranking* (text → slugs, best first) and score the outcome."""
    outcomes = []
    for item in queries:
        expected = tuple(item["expect"])
        slugs = list(ranking(item["q"]))[:MRR_DEPTH]
        top = tuple(slugs[:TOP_K])
        recall = len(set(expected) & set(top)) / min(len(expected), TOP_K)
        rank = next((i for i, slug in enumerate(slugs, start=1) if slug in expected), None)
        outcomes.append(
            QueryOutcome(
                item["q"], expected, top, recall, 1.0 / rank if rank else 0.0, item.get("lang", DUTCH)
            )
        )
    return Evaluation(tuple(outcomes))


def our_ranking(text: str) -> list[str]:
    """Slugs in the order of the search page (``search_services``), first ten."""
    from .retrieval import search_services

    return [r.document.slug for r in search_services(text=text, per_page=MRR_DEPTH).results]


def wagtail_baseline(text: str) -> list[str]:
    """Plain Wagtail database search, as a site would do without our work: ``live().search(q)``."""
    from services.models import ServicePage

    return [page.slug for page in ServicePage.objects.live().search(text)[:MRR_DEPTH]]
