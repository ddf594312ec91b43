"""The facts of every searchable service that filters, facets and ranking need, kept in memory.

An engine answers with page ids and scores; everything after that (filters, facet counts, ranking) needs
a few small facts per hit: kernen, life situations, target groups, channels, cost, level, status. Loading
them per request for thousands of hits would cost more than the search itself, so each process keeps
one :class:`FactsStore`, built in a handful of bulk queries (about half a second for 20,000 services)
and rebuilt when the content version changes (see ``search.versions``).

Only public data is read: live pages without view restrictions, never ``ServicePartnerInfo``. Full
``ServiceDocument`` projections are built with ``search.documents.document_for`` for the pages a
response shows, not here.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from services import opening_hours
from services.choices import OpeningKind, ServiceStatus
from services.models import (
    Kern,
    LifeSituation,
    Location,
    OpeningHours,
    Organisation,
    ServicePage,
    TargetGroup,
)
from services.selectors import kern_neighbours_map

from . import versions
from .fit import ServiceFit
from .ranking import Candidate, RankedCandidate, rank
from .text import tokenize


@dataclass(frozen=True, slots=True)
class ServiceFacts:
    """What retrieval knows about one searchable service without loading its page."""

    id: int
    title: str
    pyramid_level: str
    status: str
    cost: str
    regional: bool
    kernen: frozenset[str] = frozenset()
    """Kernen the service is for; empty means all of Westland."""
    location_kernen: frozenset[str] = frozenset()
    situations: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()
    location_ids: tuple[int, ...] = ()
    main_situation: str | None = None
    """The life situation the service is mainly for; ``None`` when the editors did not choose one."""
    asked_for: frozenset[str] = frozenset()
    """``ForWhom`` values of the people who ask for it; empty means anyone."""
    min_age: int | None = None
    max_age: int | None = None
    requires: frozenset[str] = frozenset()
    walk_in: bool = False
    """A location of the service has walk-in hours: a place where residents can just come by."""

    @property
    def near_kernen(self) -> frozenset[str]:
        """Kernen where the service is ("in je eigen kern"): those it serves and those with its desk."""
        return self.kernen | self.location_kernen

    @property
    def fit_facts(self) -> ServiceFit:
        """This service as ``search.fit`` sees it."""
        return ServiceFit(
            situations=self.situations,
            main_situation=self.main_situation,
            groups=self.groups,
            min_age=self.min_age,
            max_age=self.max_age,
            requires=self.requires,
            asked_for=self.asked_for,
        )

    def candidate(
        self,
        score: float,
        *,
        is_crisis: bool = False,
        eligibility_rank: int = 0,
        fit_band: int = 0,
        fit_score: float = 0.0,
    ) -> Candidate:
        """This service as ``search.ranking`` sees it.

        The one place a ``Candidate`` is built: the search page, the HSDS order, the cached listings and
        the questionnaire all rank the same facts, so the same service cannot rank differently per caller.
        """
        return Candidate(
            id=self.id,
            text_score=max(0.0, float(score)),
            pyramid_level=self.pyramid_level,
            kernen=self.near_kernen,
            regional=self.regional,
            status=self.status,
            is_crisis=is_crisis,
            eligibility_rank=eligibility_rank,
            fit_band=fit_band,
            fit_score=fit_score,
            name=self.title,
        )


@dataclass
class FactsStore:
    facts: dict[int, ServiceFacts] = field(default_factory=dict)
    slugs: dict[str, int] = field(default_factory=dict)
    schedules: dict[int, opening_hours.Schedule] = field(default_factory=dict)
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)
    kern_names: dict[str, str] = field(default_factory=dict)
    situation_names: dict[str, str] = field(default_factory=dict)
    group_names: dict[str, str] = field(default_factory=dict)
    services_by_location: dict[int, tuple[int, ...]] = field(default_factory=dict)
    # Derived values, kept for the life of this store (a content change builds a new store).
    _open: tuple | None = field(default=None, repr=False)
    _listings: dict = field(default_factory=dict, repr=False)

    def open_service_ids(self, now: datetime.datetime) -> frozenset[int]:
        """Services with a location open at *now* (unknown hours count as not open); cached per minute."""
        minute = now.replace(second=0, microsecond=0)
        cached = self._open
        if cached is not None and cached[0] == minute:
            return cached[1]
        open_ids = frozenset(
            page_id
            for location_id, schedule in self.schedules.items()
            if opening_hours.opening_state(schedule, now=now).is_open
            for page_id in self.services_by_location.get(location_id, ())
        )
        self._open = (minute, open_ids)
        return open_ids

    def listing(self, kern: str | None) -> list[RankedCandidate]:
        """Every service ranked without a text (lightest first, near *kern* first), cached per kern.

        Without text scores the order of any subset equals this order restricted to it, so filter-only
        searches take their order from here instead of ranking thousands of services again.
        """
        ranked = self._listings.get(kern)
        if ranked is None:
            ranked = rank(
                (facts.candidate(0.0) for facts in self.facts.values()), kern=kern, neighbours=self.neighbours
            )
            self._listings[kern] = ranked
        return ranked

    def open_state(self, page_id: int, now: datetime.datetime):
        """The most useful opening state of a service's locations: open first, then the soonest opening.

        ``None`` when the service has no location with a schedule (phone or online only, or unknown).
        """
        service = self.facts.get(page_id)
        if service is None:
            return None
        states = [
            opening_hours.opening_state(self.schedules[location_id], now=now)
            for location_id in service.location_ids
            if location_id in self.schedules
        ]
        if not states:
            return None
        for state in states:
            if state.is_open:
                return state
        upcoming = [s for s in states if s.opens_next_at is not None]
        if upcoming:
            return min(upcoming, key=lambda s: s.opens_next_at)
        return states[0]


def _searchable_pages():
    return ServicePage.objects.live().public().exclude(status=ServiceStatus.ENDED)


def _pairs(field_name, *values):
    """``(page id, *values)`` rows of one many-to-many field of the searchable pages, in one query."""
    through = ServicePage._meta.get_field(field_name).remote_field.through
    return through.objects.filter(servicepage__in=_searchable_pages()).values_list("servicepage_id", *values)


def _choice_list(value) -> list[str]:
    if isinstance(value, str):
        return [item for item in value.split(",") if item]
    return list(value or ())


def build_store() -> FactsStore:
    """Load the facts of every searchable service (live, public, not ended) in a few bulk queries."""
    related: dict[str, dict[int, set]] = {
        name: {} for name in ("kernen", "situations", "groups", "locations")
    }
    for page_id, slug in _pairs("kernen", "kern__slug"):
        related["kernen"].setdefault(page_id, set()).add(slug)
    for page_id, slug in _pairs("life_situations", "lifesituation__slug"):
        related["situations"].setdefault(page_id, set()).add(slug)
    for page_id, slug in _pairs("target_groups", "targetgroup__slug"):
        related["groups"].setdefault(page_id, set()).add(slug)
    location_kernen: dict[int, set] = {}
    for page_id, location_id, kern_slug in _pairs("locations", "location_id", "location__kern__slug"):
        related["locations"].setdefault(page_id, set()).add(location_id)
        if kern_slug:
            location_kernen.setdefault(page_id, set()).add(kern_slug)

    store = FactsStore()
    walk_in_locations = set(
        OpeningHours.objects.filter(kind=OpeningKind.WALK_IN).values_list("location_id", flat=True)
    )
    rows = _searchable_pages().values_list(
        "id",
        "slug",
        "title",
        "pyramid_level",
        "status",
        "cost",
        "regional",
        "access_channels",
        "main_life_situation__slug",
        "asked_for",
        "min_age",
        "max_age",
        "requirements",
    )
    for (
        page_id,
        slug,
        title,
        level,
        status,
        cost,
        regional,
        channels,
        main_situation,
        asked_for,
        min_age,
        max_age,
        requirements,
    ) in rows:
        # values_list() skips the fields' from_db_value on some backends; same parsing as the field.
        channels, asked_for, requirements = (
            _choice_list(value) for value in (channels, asked_for, requirements)
        )
        location_ids = related["locations"].get(page_id, set())
        store.facts[page_id] = ServiceFacts(
            id=page_id,
            title=title,
            pyramid_level=level,
            status=status,
            cost=cost,
            regional=regional,
            kernen=frozenset(related["kernen"].get(page_id, ())),
            location_kernen=frozenset(location_kernen.get(page_id, ())),
            situations=frozenset(related["situations"].get(page_id, ())),
            groups=frozenset(related["groups"].get(page_id, ())),
            channels=frozenset(channels or ()),
            location_ids=tuple(sorted(location_ids)),
            main_situation=main_situation,
            asked_for=frozenset(asked_for),
            min_age=min_age,
            max_age=max_age,
            requires=frozenset(requirements),
            walk_in=bool(location_ids & walk_in_locations),
        )
        store.slugs[slug] = page_id

    by_location: dict[int, list[int]] = {}
    for page_id, location_ids in related["locations"].items():
        if page_id in store.facts:
            for location_id in location_ids:
                by_location.setdefault(location_id, []).append(page_id)
    store.services_by_location = {location_id: tuple(ids) for location_id, ids in by_location.items()}
    location_ids = set(by_location)
    for location in Location.objects.filter(pk__in=list(location_ids)).prefetch_related(
        "opening_hours", "opening_exceptions"
    ):
        store.schedules[location.pk] = location.schedule()

    store.neighbours = kern_neighbours_map()
    store.kern_names = dict(Kern.objects.values_list("slug", "name"))
    store.situation_names = dict(LifeSituation.objects.values_list("slug", "name"))
    store.group_names = dict(TargetGroup.objects.values_list("slug", "name"))
    return store


_store_memo = versions.Memo(versions.CONTENT)
_vocabulary_memo = versions.Memo(versions.CONTENT)


def get_store(current_tokens=None) -> FactsStore:
    """This process's facts store, rebuilt when the content version changed."""
    return _store_memo.get(current_tokens if current_tokens is not None else versions.tokens(), build_store)


@lru_cache(maxsize=100_000)
def _words(text: str) -> tuple[str, ...]:
    # Texts of unchanged services come back on every rebuild; tokenizing them once per process keeps a
    # rebuild after one edit cheap (about 0.1 s instead of 1.5 s for 20,000 services).
    return tuple(token for token in tokenize(text) if token.isalpha())


def content_word_counts() -> dict[str, int]:
    """How often each word occurs in the public texts of searchable services, for typo correction.

    Titles, organisation names, summaries, next steps and eligibility texts carry the words residents
    search with; the (long, rarely distinctive) body is left out to keep the rebuild cheap.
    """
    counts: Counter[str] = Counter()
    for row in _searchable_pages().values_list("title", "summary", "next_step", "eligibility_description"):
        for text in row:
            if text:
                counts.update(_words(text))
    organisations = Organisation.objects.filter(services__in=_searchable_pages()).distinct()
    for name in organisations.values_list("name", flat=True):
        counts.update(_words(name))
    return dict(counts)


def get_content_word_counts(current_tokens=None) -> dict[str, int]:
    return _vocabulary_memo.get(
        current_tokens if current_tokens is not None else versions.tokens(), content_word_counts
    )
