"""Retrieval: the one place that turns a question into an ordered list of services.

Everyone calls this module: the search page and API (:func:`search_services`), the HSDS API
(:func:`ranked_ids`) and the questionnaire (:func:`candidates`, then eligibility on the pages it shows,
loaded with :func:`load_services`, then ``search.ranking.rank``). The flow is one way::

    text ──understand──▶ EngineQuery ──engine──▶ hits (id, score)
         ──facts store──▶ filters + facet counts ──search.ranking.rank──▶ page slice ──▶ pages + documents

Decisions that hold for every caller:

- **The kern never hides help.** It only ranks and explains: help in the resident's own kern, then in a
  neighbouring kern, then Westland-wide, then regional, *within* each pyramid level (``search.ranking``).
  A resident of Monster still sees all Westland-wide help, and a walk-in desk in Naaldwijk is still shown
  to someone in Maasdijk, just lower. The kern facet counts the services offered *in* each kern.
- **Filters** (situation, target group, channel: any of the chosen values; cost; open now) restrict the
  hits; facet counts are computed per facet with all *other* filters applied, so a visitor can see what
  ticking one more box would give.
- **Ended services are never returned; temporarily closed ones come last** (with their notice).
- A text that finds nothing is corrected ("bedoelde je …?") and, when the correction finds something,
  those results are shown with ``corrected=True`` so the page can say so. A correction that finds
  nothing either is never offered: "pesten" must not suggest "eten" when "eten" gives nothing too.
- A text with nothing to search for in it (only punctuation or an emoji) finds nothing; only an empty
  text lists every service.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import PageViewRestriction

from services.choices import PYRAMID_ORDER, AccessChannel, Cost
from services.models import ServicePage
from services.opening_hours import OpeningState

from . import versions
from .documents import ServiceDocument, document_for
from .engines import get_engine
from .ranking import Geography, RankedCandidate, rank
from .store import FactsStore, ServiceFacts, get_store
from .understanding import CRISIS_SERVICE_SLUGS, get_lexicon, suggest, understand

__all__ = [
    "MAX_PAGE",
    "MAX_PER_PAGE",
    "CandidateSet",
    "LoadedService",
    "RetrievalCandidate",
    "SearchResult",
    "SearchResults",
    "candidates",
    "load_services",
    "ranked_ids",
    "search_services",
]

ENGINE_LIMIT = 1000
"""Most text hits an engine returns; filter-only listings (no text) are never cut."""
MAX_PER_PAGE = 100
MAX_PAGE = 1000

FACETS = ("kern", "situation", "group", "channel", "cost", "open_now")


@dataclass(frozen=True)
class SearchResult:
    """One service in a result list, with what the page needs to say why it is there."""

    document: ServiceDocument
    service: object
    """The live ``ServicePage`` (relations prefetched), loaded only for the page shown."""
    score: float
    geography: Geography
    band: int
    matched_situations: tuple[str, ...] = ()
    open_state: OpeningState | None = None
    reasons: tuple[str, ...] = ()
    """Plain-language lines ("Past bij: Geld en schulden", "Voor heel Westland"), from the ranking facts."""
    is_crisis: bool = False


@dataclass(frozen=True)
class SearchResults:
    count: int
    results: list[SearchResult]
    facets: dict
    """``{facet: [{"value", "label", "count", "selected"}, ...]}`` for kern, situation, group, channel,
    cost and open_now (see :data:`FACETS`)."""
    suggestion: str | None
    page: int
    num_pages: int
    query_terms: tuple
    engine: str
    fell_back: bool = False
    corrected: bool = False
    """True when nothing matched the text and the results are those of ``suggestion``."""
    situations: tuple[str, ...] = ()
    """Life situations the text named, for "related subjects" links."""
    crisis: bool = False
    languages: tuple[str, ...] = ()
    """Other languages than Dutch the text was read in ("en", "pl", ...): service texts are in Dutch."""
    before_filters: int = 0
    """How many services the text found before the filters (situation, group, channel, cost, open
    now) were applied; with ``count == 0`` it tells the page that the filters emptied the list."""
    active_filters: tuple[str, ...] = ()
    """The facets with a filter in use, e.g. ``("open_now",)``."""
    unreadable: bool = False
    """Text was typed but had nothing to search for (only punctuation or emoji)."""

    @property
    def emptied_by_filters(self) -> bool:
        return self.count == 0 and self.before_filters > 0 and bool(self.active_filters)


@dataclass(frozen=True)
class RetrievalCandidate:
    """A service found for the questionnaire, before eligibility: its facts and text score, no page yet.

    ``score`` is never negative (0 when only a chosen life situation matched). ``is_crisis_service``: one
    of the services that answer "danger now"; ``text_says_crisis``: the text was read as being about
    danger and this crisis service fits it well enough to go first (as on the search page).
    """

    facts: ServiceFacts
    score: float
    is_crisis_service: bool = False
    text_says_crisis: bool = False

    @property
    def id(self) -> int:
        return self.facts.id


@dataclass(frozen=True)
class CandidateSet:
    """What :func:`candidates` found, with the facts store's kern maps to rank and explain it.

    Iterating gives the :class:`RetrievalCandidate` items. ``neighbours`` is the map to pass to
    ``search.ranking.rank`` (the store's, so no caller builds a second one); ``kern_names`` maps kern
    slugs to names.
    """

    items: tuple[RetrievalCandidate, ...]
    neighbours: Mapping[str, frozenset[str]]
    kern_names: Mapping[str, str]

    def __iter__(self) -> Iterator[RetrievalCandidate]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class LoadedService:
    """A live, public service page (relations prefetched) with its public search document."""

    service: ServicePage
    document: ServiceDocument


# --- Public functions -------------------------------------------------------------------------------


def search_services(
    *,
    text: str = "",
    kern: str | None = None,
    situations: Iterable[str] = (),
    groups: Iterable[str] = (),
    channels: Iterable[str] = (),
    cost: str | None = None,
    open_now: bool = False,
    page: int = 1,
    per_page: int = 20,
    now=None,
) -> SearchResults:
    """Search, filter, count facets, rank and paginate; the search page and ``/api/v1/search`` use this.

    *text* is what the resident typed (empty: list everything, lightest help first). *kern* (a kern slug)
    only orders and explains, it never hides help. *situations*, *groups*, *channels* keep services with
    any of the given slugs; *cost* one ``Cost`` value; *open_now* services with a location open at *now*.
    Values are trusted to be validated (``search.filters``); unknown ones simply match nothing.
    A *page* past the end gives an empty ``results`` with the full ``count``.
    """
    now = now or timezone.now()
    page = max(1, int(page))
    per_page = min(max(1, int(per_page)), MAX_PER_PAGE)
    current = versions.tokens()
    store = get_store(current)
    if kern not in store.kern_names:
        kern = None  # an unknown kern cannot be near anything; callers validate (search.filters)
    filters = _Filters(
        situations=frozenset(situations),
        groups=frozenset(groups),
        channels=frozenset(channels),
        cost=cost or None,
        open_now=bool(open_now),
    )

    understood = understand(text, lexicon=get_lexicon(current))
    suggestion, corrected, engine_name, fell_back = None, False, "database", False
    if understood.unreadable:
        # Typed, but nothing to search for ("?!", "🙂"): listing every service would answer a question
        # nobody asked.
        scores = {}
    elif understood.is_empty:
        # Nothing to match: every searchable service, in the cached listing order (no engine needed).
        scores = dict.fromkeys(store.facts, 0.0)
    else:
        result = get_engine().search(understood.engine_query(limit=ENGINE_LIMIT))
        if not _known_hits(result, store):
            corrected_text = suggest(understood.text, current_tokens=current)
            if corrected_text:
                retry_query = understand(corrected_text, lexicon=get_lexicon(current))
                retry = get_engine().search(retry_query.engine_query(limit=ENGINE_LIMIT))
                if _known_hits(retry, store):
                    # Only a correction that finds something is worth offering.
                    suggestion = corrected_text
                    understood, result, corrected = retry_query, retry, True
        scores = {hit.page_id: hit.score for hit in result.hits if hit.page_id in store.facts}
        engine_name, fell_back = result.engine, result.fell_back

    open_ids = store.open_service_ids(now) if store.schedules else frozenset()
    matching = filters.apply(store, scores, open_ids)
    facets = _facets(store, scores, filters, open_ids, kern)

    if understood.is_empty and not understood.unreadable:
        keep = set(matching)
        ranked = [item for item in store.listing(kern) if item.id in keep]
    else:
        crisis_ids = _crisis_ids(store, scores) if understood.crisis else frozenset()
        ranked = rank(
            (store.facts[pk].candidate(scores[pk], is_crisis=pk in crisis_ids) for pk in matching),
            kern=kern,
            neighbours=store.neighbours,
            crisis=understood.crisis,
        )
    count = len(ranked)
    num_pages = max(1, math.ceil(count / per_page))
    window = ranked[(page - 1) * per_page : page * per_page]
    shown_situations = set(understood.situations) | filters.situations
    results = _load_results(
        window, store, kern=kern, situations=shown_situations, text=bool(understood.terms), now=now
    )
    return SearchResults(
        count=count,
        results=results,
        facets=facets,
        suggestion=suggestion,
        page=page,
        num_pages=num_pages,
        query_terms=understood.terms,
        engine=engine_name,
        fell_back=fell_back,
        corrected=corrected,
        situations=understood.situations,
        crisis=understood.crisis,
        languages=understood.languages,
        before_filters=len(scores),
        active_filters=filters.active(),
        unreadable=understood.unreadable,
    )


def ranked_ids(*, text: str) -> list[int]:
    """Ids of the live, searchable services matching *text*, best first (all of them for an empty text).

    The same understanding, engine and ranking as the search page, without a kern, filters or typo
    correction; the HSDS API orders ``/services?search=`` by this.
    """
    current = versions.tokens()
    store = get_store(current)
    understood = understand(text, lexicon=get_lexicon(current))
    if understood.unreadable:
        return []
    if understood.is_empty:
        return [item.id for item in store.listing(None)]
    result = get_engine().search(understood.engine_query(limit=ENGINE_LIMIT))
    found = {hit.page_id: hit.score for hit in result.hits if hit.page_id in store.facts}
    crisis_ids = _crisis_ids(store, found) if understood.crisis else frozenset()
    ranked = rank(
        (store.facts[pk].candidate(score, is_crisis=pk in crisis_ids) for pk, score in found.items()),
        crisis=understood.crisis,
    )
    return [item.id for item in ranked]


def candidates(*, text: str = "", situations: Iterable[str] = (), limit: int = 200) -> CandidateSet:
    """What the questionnaire starts from: searchable services for *text* and/or *situations*, unranked.

    Services matching the text (with synonyms and the life situations the text names) and services tagged
    with any of *situations* (the tiles the resident chose) are both included; with neither, every
    searchable service is a candidate. Ordered by text score, ties lightest level first, each service
    once, cut at *limit*. Only the facts store is read, no page: the caller loads the pages it shows with
    :func:`load_services`, evaluates eligibility, builds ranking candidates with ``facts.candidate(…)``
    and ranks them with ``search.ranking.rank`` and the set's ``neighbours``.
    """
    current = versions.tokens()
    store = get_store(current)
    understood = understand(text, lexicon=get_lexicon(current))
    chosen = tuple(s for s in dict.fromkeys(situations) if s)
    engine_query = understood.engine_query(limit=ENGINE_LIMIT, extra_situations=chosen)
    result = get_engine().search(engine_query)
    found: dict[int, float] = {}
    for hit in result.hits:
        if hit.page_id in store.facts and hit.page_id not in found:
            found[hit.page_id] = hit.score
    crisis_ids = _crisis_ids(store, found) if understood.crisis else frozenset()
    crisis_services = {store.slugs[slug] for slug in CRISIS_SERVICE_SLUGS if slug in store.slugs}
    order = sorted(
        found.items(),
        key=lambda item: (
            -item[1],
            PYRAMID_ORDER.get(store.facts[item[0]].pyramid_level, 99),
            store.facts[item[0]].title.casefold(),
            item[0],
        ),
    )
    items = tuple(
        RetrievalCandidate(
            facts=store.facts[pk],
            score=max(0.0, float(score or 0.0)),
            is_crisis_service=pk in crisis_services,
            text_says_crisis=pk in crisis_ids,
        )
        for pk, score in order[: max(0, int(limit))]
    )
    return CandidateSet(items=items, neighbours=store.neighbours, kern_names=store.kern_names)


def load_services(ids: Iterable[int], *, prefetch: Iterable = ()) -> dict[int, LoadedService]:
    """The live, public services with these ids and their public documents, in one queryset.

    What documents and result cards read is always prefetched; *prefetch* adds the caller's own lookups
    (e.g. ``residence_kernen`` for eligibility, opening hours for places). Ids that are no longer live
    and public are left out, so callers load only the pages they show.
    """
    loaded = {}
    for pk, page in _public_pages(ids, prefetch=prefetch).items():
        document = document_for(page)
        if document is not None:
            loaded[pk] = LoadedService(service=page, document=document)
    return loaded


# --- Filters and facets -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Filters:
    situations: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()
    cost: str | None = None
    open_now: bool = False

    def active(self) -> tuple[str, ...]:
        """The facets with a filter in use."""
        in_use = {
            "situation": bool(self.situations),
            "group": bool(self.groups),
            "channel": bool(self.channels),
            "cost": self.cost is not None,
            "open_now": self.open_now,
        }
        return tuple(name for name, used in in_use.items() if used)

    def passes(self, name: str, facts: ServiceFacts, open_ids) -> bool:
        """Whether *facts* passes the filter of facet *name* (situation, group: any of the chosen values)."""
        if name == "situation":
            return not self.situations.isdisjoint(facts.situations)
        if name == "group":
            return not self.groups.isdisjoint(facts.groups)
        if name == "channel":
            return not self.channels.isdisjoint(facts.channels)
        if name == "cost":
            return facts.cost == self.cost
        return facts.id in open_ids

    def failing(self, facts: ServiceFacts, open_ids, active) -> list[str]:
        return [name for name in active if not self.passes(name, facts, open_ids)]

    def apply(self, store: FactsStore, scores: Mapping[int, float], open_ids) -> list[int]:
        active = self.active()
        if not active:
            return list(scores)
        return [pk for pk in scores if not self.failing(store.facts[pk], open_ids, active)]


def _facets(store: FactsStore, scores, filters: _Filters, open_ids, kern) -> dict:
    counts: dict[str, Counter] = {name: Counter() for name in FACETS}
    active = filters.active()
    for pk in scores:
        facts = store.facts[pk]
        failing = filters.failing(facts, open_ids, active) if active else ()
        if len(failing) > 1:
            continue
        # A facet counts the hits that pass every *other* filter, so it shows what choosing one of its
        # values would give.
        if not failing:
            counts["kern"].update(facts.near_kernen)
        if not failing or failing[0] == "situation":
            counts["situation"].update(facts.situations)
        if not failing or failing[0] == "group":
            counts["group"].update(facts.groups)
        if not failing or failing[0] == "channel":
            counts["channel"].update(facts.channels)
        if not failing or failing[0] == "cost":
            counts["cost"][facts.cost] += 1
        if (not failing or failing[0] == "open_now") and pk in open_ids:
            counts["open_now"]["1"] += 1

    def values(name, labels, selected):
        return [
            {
                "value": value,
                "label": str(label),
                "count": counts[name].get(value, 0),
                "selected": value in selected,
            }
            for value, label in labels
        ]

    return {
        "kern": values("kern", sorted(store.kern_names.items(), key=lambda kv: kv[1].casefold()), {kern}),
        "situation": values("situation", store.situation_names.items(), filters.situations),
        "group": values("group", store.group_names.items(), filters.groups),
        "channel": values("channel", AccessChannel.choices, filters.channels),
        "cost": values("cost", Cost.choices, {filters.cost}),
        "open_now": values("open_now", [("1", _("Open now"))], {"1"} if filters.open_now else set()),
    }


CRISIS_MIN_SHARE = 0.25
"""A crisis service goes first only when it matched the question at least this well (share of the top)."""


def _crisis_ids(store: FactsStore, scores: Mapping[int, float]) -> frozenset[int]:
    """Crisis services among the hits that fit the question, not every crisis line the synonyms touched."""
    top = max(scores.values(), default=0.0)
    ids = (store.slugs[slug] for slug in CRISIS_SERVICE_SLUGS if slug in store.slugs)
    return frozenset(pk for pk in ids if pk in scores and (top <= 0 or scores[pk] >= CRISIS_MIN_SHARE * top))


def _known_hits(result, store: FactsStore) -> bool:
    return any(hit.page_id in store.facts for hit in result.hits)


# --- Results ----------------------------------------------------------------------------------------


_NO_RESTRICTIONS = PageViewRestriction.objects.none()


def _public_pages(ids, *, prefetch: Iterable = ()) -> dict[int, ServicePage]:
    """The live, public service pages with these ids, with what cards and documents read prefetched.

    ``.public()`` has just established that no view restriction applies, so each page is told so:
    ``document_for`` would otherwise ask the database again, two queries per page.
    """
    pages = (
        ServicePage.objects.live()
        .public()
        .filter(pk__in=list(ids))
        .select_related("organisation")
        .prefetch_related("kernen", "life_situations", "target_groups", "locations__kern", *prefetch)
    )
    found = {}
    for page in pages:
        page.get_view_restrictions = _no_restrictions
        found[page.pk] = page
    return found


def _no_restrictions():
    return _NO_RESTRICTIONS


def _geography_reason(geography: Geography, facts: ServiceFacts, store: FactsStore, kern) -> str:
    if geography == Geography.IN_KERN:
        return _("In your own village")
    if geography == Geography.NEIGHBOUR:
        return _("In a village nearby")
    if geography == Geography.REGIONAL:
        return _("Regional: outside Westland or for several municipalities")
    if facts.near_kernen:
        names = sorted(store.kern_names.get(slug, slug) for slug in facts.near_kernen)
        return _("In %(villages)s") % {"villages": ", ".join(names)}
    return _("For all of Westland")


def _load_results(window: list[RankedCandidate], store, *, kern, situations, text, now) -> list[SearchResult]:
    if not window:
        return []
    loaded = load_services(item.id for item in window)
    results = []
    for item in window:
        if item.id not in loaded:
            # Unpublished since this process loaded its facts: leave it out rather than fail.
            continue
        page, document = loaded[item.id].service, loaded[item.id].document
        facts = store.facts[item.id]
        matched = tuple(slug for slug in document.situations if slug in situations)
        reasons = []
        if item.candidate.is_crisis:
            reasons.append(_("Help right away"))
        if matched:
            names = ", ".join(store.situation_names.get(slug, slug) for slug in matched)
            reasons.append(_("Fits: %(subjects)s") % {"subjects": names})
        elif text and item.candidate.text_score > 0:
            reasons.append(_("Matches the words you searched for"))
        reasons.append(_geography_reason(item.geography, facts, store, kern))
        results.append(
            SearchResult(
                document=document,
                service=page,
                score=item.candidate.text_score,
                geography=item.geography,
                band=item.band,
                matched_situations=matched,
                open_state=store.open_state(item.id, now),
                reasons=tuple(reasons),
                is_crisis=item.candidate.is_crisis,
            )
        )
    return results
