"""The one door from the Hulpwijzer to the search layer: candidate services before eligibility.

Everything the questionnaire needs from search goes through :func:`candidate_documents`, so a change in the
retrieval API touches only this module. Candidates come from ``search.retrieval.candidates``: the same
engines, synonyms and text scores as the search page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from search import retrieval
from search.documents import ServiceDocument


@dataclass(frozen=True)
class ScoredDocument:
    """A service's public search document with its text score (0 when only the life situation matched).

    ``text_says_crisis`` is True when the search layer read the free text as being about danger or suicide
    and this is one of the crisis services that must then go first.
    """

    document: ServiceDocument
    score: float
    text_says_crisis: bool = False


def candidate_documents(
    *, text: str = "", situations: Iterable[str] = (), kern: str | None = None, limit: int = 200
) -> list[ScoredDocument]:
    """Live, searchable services for a free text and/or life situations, with their text scores.

    Without text and without situations there is nothing to search for, so the list is empty (the search
    layer would return every service): the questionnaire then offers the human route only.
    """
    situations = tuple(dict.fromkeys(situations))
    text = (text or "").strip()
    if not text and not situations:
        return []
    result = []
    for item in retrieval.candidates(text=text, situations=situations, kern=kern, limit=limit):
        document = item.document
        if document is None or not document.is_searchable:
            continue
        result.append(
            ScoredDocument(
                document=document,
                score=max(float(item.score or 0.0), 0.0),
                text_says_crisis=bool(getattr(item, "is_crisis", False)),
            )
        )
    return result
