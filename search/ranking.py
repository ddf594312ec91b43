"""Order search and filter results by Westland's policy: light help and nearby help first.

Westland's *Piramide van Zorg* says to show the lowest fitting level of help first (social base, then freely
accessible help, then tailored help after an application, then specialist help) without ever hiding the
higher levels, and residents identify with their own kern (village) first. Text relevance still matters:
a near-perfect match for specialist help must not drop below a service that barely matches the query.

So results are grouped into *relevance bands* relative to the best text score, and only within a band do
policy rules decide. The whole order is one sort key, built by :func:`rank`:

1. temporarily closed services last (they are shown, with a notice, but are no help today);
2. when the question is about safety or crisis (``crisis=True``), crisis services first;
3. fit band (``search.fit``): help that fits the resident's situation, stage, roles and "for whom" best,
   before help that is only lighter; 0 for all when nothing is known about the resident;
4. relevance band (0 = within 75% of the best score, then 50%, 25%, the rest);
5. pyramid level, lightest first;
6. geography: own kern, neighbouring kern, all of Westland, regional;
7. eligibility: eligible, likely eligible, unknown;
8. the fit score itself (within a band), then the raw text score, then name and id, so equal results
   always come out in the same order.

Ended services are removed. This module imports nothing from Django (only the pure ``services.vocabulary``)
so the rules can be tested as a table.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from services.vocabulary import PYRAMID_ORDER, ServiceStatus

__all__ = [
    "ACTIVE_STATUS",
    "CLOSED_STATUS",
    "DEFAULT_BANDS",
    "ENDED_STATUS",
    "PYRAMID_ORDER",
    "STATUSES",
    "Candidate",
    "Geography",
    "RankedCandidate",
    "geography",
    "rank",
    "relevance_band",
]


# A level the ranking does not know (a typo in imported data) sorts after the known ones rather than
# failing the whole result list; it is never hidden.
_UNKNOWN_PYRAMID_ORDER = max(PYRAMID_ORDER.values()) + 1

ACTIVE_STATUS = ServiceStatus.ACTIVE
CLOSED_STATUS = ServiceStatus.TEMPORARILY_CLOSED
ENDED_STATUS = ServiceStatus.ENDED
STATUSES = frozenset(ServiceStatus)

DEFAULT_BANDS: tuple[float, ...] = (0.75, 0.5, 0.25)
"""Band thresholds as fractions of the best score: band 0 ≥ 75%, band 1 ≥ 50%, band 2 ≥ 25%, band 3 below."""

# Guards band boundaries against float noise: 0.3 / 0.4 is 0.7499999999999999, yet it is exactly 75%.
_BAND_TOLERANCE = 1e-9


class Geography(enum.IntEnum):
    """How far a service is from the resident's kern; lower is nearer and sorts first."""

    IN_KERN = 0
    """Offered in the chosen kern ("in je eigen kern")."""
    NEIGHBOUR = 1
    """Offered in a kern next to the chosen one ("in een kern vlakbij")."""
    WESTLAND = 2
    """For all of Westland, or in a Westland kern farther away."""
    REGIONAL = 3
    """Outside Westland or for several municipalities (Delft, national phone lines)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One service as the ranking sees it.

    ``text_score`` is the engine's relevance, higher is better and never negative (SQLite FTS5's bm25, which
    is negative, must be negated first); 0 for every item of a filter-only list. ``kernen`` holds kern slugs
    where the service is offered, empty meaning all of Westland. ``regional`` marks services organised
    outside Westland or for several municipalities. ``eligibility_rank``: 0 eligible, 1 likely, 2 unknown.
    ``fit_band`` (``search.fit.fit_band``): 0 is the help that fits this resident best; 0 for everyone
    when nothing is known about the resident, so text relevance and policy decide.
    """

    id: int
    text_score: float
    pyramid_level: str
    kernen: frozenset[str]
    regional: bool
    status: str
    is_crisis: bool = False
    eligibility_rank: int = 0
    fit_band: int = 0
    fit_score: float = 0.0
    name: str = ""

    def __post_init__(self) -> None:
        # Fail loudly on engine mix-ups (a negative bm25, a misspelt status): they would silently reorder
        # results in a way nobody notices in review.
        if self.text_score < 0:
            raise ValueError(f"text_score must be >= 0, got {self.text_score!r} for candidate {self.id}")
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r} for candidate {self.id}")
        if not isinstance(self.kernen, frozenset):
            # Accept any iterable of slugs from callers, but keep the dataclass hashable and immutable.
            object.__setattr__(self, "kernen", frozenset(self.kernen))


@dataclass(frozen=True, slots=True)
class RankedCandidate:
    """A candidate in its final position, with the facts the ranking used, for explanations in the UI.

    ``geography`` lets the template say "in je eigen kern" or "regionaal"; ``band`` says whether a result is
    among the best text matches (0) or further down.
    """

    candidate: Candidate
    geography: Geography
    band: int

    @property
    def id(self) -> int:
        """The candidate's id, for building querysets in the ranked order."""
        return self.candidate.id


def geography(
    candidate: Candidate, *, kern: str | None, neighbours: Mapping[str, frozenset[str]]
) -> Geography:
    """Classify how near *candidate* is to the resident's *kern*.

    - Listed kernen decide when there are any, even for a regional service (a regional organisation with a
      desk in Naaldwijk is local to Naaldwijk): the chosen kern → IN_KERN, one of its *neighbours* →
      NEIGHBOUR, only other kernen → WESTLAND. The last is deliberate: such a service is still in Westland
      and often reachable, so it ranks with the all-Westland services rather than with regional ones.
    - No kernen: REGIONAL when the service is regional, otherwise WESTLAND (it serves every kern).
    - Without a chosen kern, nothing can be "near": services with kernen count as WESTLAND (they are local),
      regional ones without kernen as REGIONAL.

    *neighbours* maps a kern slug to the slugs of the kernen next to it.
    """
    if candidate.kernen:
        if kern is None:
            return Geography.WESTLAND
        if kern in candidate.kernen:
            return Geography.IN_KERN
        if candidate.kernen & neighbours.get(kern, frozenset()):
            return Geography.NEIGHBOUR
        return Geography.WESTLAND
    return Geography.REGIONAL if candidate.regional else Geography.WESTLAND


def relevance_band(score: float, top_score: float, *, bands: tuple[float, ...] = DEFAULT_BANDS) -> int:
    """Return the relevance band of *score* relative to *top_score*: 0 is best.

    Results in the same band count as "comparably relevant", so policy (pyramid, geography) orders them.
    With the default *bands*, band 0 holds scores of at least 75% of the top score, band 1 at least 50%,
    band 2 at least 25% and band 3 the rest; boundaries are inclusive. *bands* must be descending. When
    *top_score* is 0 (a filter-only list without text scores) everything is band 0.
    """
    if top_score <= 0:
        return 0
    for index, threshold in enumerate(bands):
        if score >= threshold * top_score * (1 - _BAND_TOLERANCE):
            return index
    return len(bands)


def rank(
    candidates: Iterable[Candidate],
    *,
    kern: str | None = None,
    neighbours: Mapping[str, frozenset[str]] = MappingProxyType({}),
    crisis: bool = False,
) -> list[RankedCandidate]:
    """Return *candidates* in display order, without ended services.

    Sort key, most important first: temporarily closed last; crisis services first when *crisis* is true;
    ``fit_band``; relevance band (:func:`relevance_band`); pyramid level (:data:`PYRAMID_ORDER`,
    lightest first);
    geography (:func:`geography` for *kern* and *neighbours*); ``eligibility_rank``; higher text score;
    name (case-insensitive); id.

    Bands are computed against the best score among the open services, and separately among the closed
    ones, so a closed service with a high score cannot push every open service into a lower band.
    """
    visible = [c for c in candidates if c.status != ENDED_STATUS]
    top_open = max((c.text_score for c in visible if c.status != CLOSED_STATUS), default=0.0)
    top_closed = max((c.text_score for c in visible if c.status == CLOSED_STATUS), default=0.0)

    ranked = []
    for candidate in visible:
        closed = candidate.status == CLOSED_STATUS
        ranked.append(
            RankedCandidate(
                candidate=candidate,
                geography=geography(candidate, kern=kern, neighbours=neighbours),
                band=relevance_band(candidate.text_score, top_closed if closed else top_open),
            )
        )

    def sort_key(item: RankedCandidate) -> tuple:
        candidate = item.candidate
        return (
            candidate.status == CLOSED_STATUS,
            crisis and not candidate.is_crisis,
            candidate.fit_band,
            item.band,
            PYRAMID_ORDER.get(candidate.pyramid_level, _UNKNOWN_PYRAMID_ORDER),
            item.geography,
            candidate.eligibility_rank,
            -candidate.fit_score,
            -candidate.text_score,
            candidate.name.casefold(),
            candidate.id,
        )

    return sorted(ranked, key=sort_key)
