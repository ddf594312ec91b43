"""From a resident's profile to explained, eligibility-aware suggestions: the one code path behind the
Hulpwijzer's results page, its print sheet and ``POST /api/v1/suggestions``.

The flow only goes one way (DESIGN.md): profile → candidate services from the search layer (life
situations + optional free text: ``search.retrieval.candidates``, facts only) → relevance → the pages
of the remaining services, loaded once (``search.retrieval.load_services``) → the eligibility engine's
verdict per service (services.criteria.criteria_for + evaluate) → ranking (search.ranking.rank with the
facts store's kern neighbours) → groups with B1 headings.

Decisions:

* Services the resident clearly does not qualify for (verdict "not eligible") are left out; "unknown"
  stays in, with what to check.
* Order: lightest pyramid level first, then own kern → neighbouring kern → all of Westland → regional,
  then eligible → likely → unknown (``rank``). When the resident can't cope any more and the question is
  about safety or a roof, crisis services come first (``crisis=True``) in their own group.
* Groups follow the pyramid, because the levels say what the resident has to do:
  sociale_basis and vrij_toegankelijk → "walk_in" (no application; walk in, call or look online),
  maatwerk → "apply" (an application and a decision), specialistisch → "heavier" (specialist help, often
  with a referral or outside Westland). The flat list is the groups one after another, so the page and the
  API show the same order.
* Relevance before eligibility: with chosen subjects, a service that only matches the free text must match
  it nearly as well as the best match (``TEXT_ONLY_MIN_FRACTION``), and services whose target groups are
  only young people are not shown to someone of 28 or older (only older people: not to under-18s).
* Crisis order also when the free text itself is about danger or suicide (the search layer's reading of
  the text), not only for "can't cope" with a safety subject: a resident who types it must not scroll.
* Without a subject and without text there is nothing to match, so the list holds no services and the
  human route (Buurtinformatiepunt, Formulierenbrigade, SKT) is the answer. The human route is always
  added at the end, so a list never ends empty.
* Places (locations with "open now" sentences) cost the opening hours of every location: they are
  computed only for the pages that show them (results page), not for the JSON API (``with_places``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from search import retrieval
from search.documents import ServiceDocument
from search.fit import Resident, fit_band, fit_score, is_unsuited
from search.ranking import Geography, rank
from services.criteria import criteria_for
from services.eligibility import Outcome, Profile, Reason, Verdict, evaluate, outcome_rank, summary_text
from services.models import ServicePage
from services.opening_hours import OpeningStatus
from services.vocabulary import PyramidLevel
from services.wording import CRISIS_LINES, HUMAN_ROUTE_SLUGS, opening_sentence

from .steps import is_crisis

# Topics where the safety service made for the topic (Veilig Thuis) goes first even without "can't cope"
# (domain guide §2: a safety answer overrides the order).
SAFETY_TOPICS = frozenset({"veiligheid-en-huiselijk-geweld"})

# Most candidates the search layer hands over: more than any list a resident reads.
CANDIDATE_LIMIT = 200

# What eligibility (criteria_for) reads beyond what the search documents need.
ELIGIBILITY_PREFETCH = ("residence_kernen",)
# What places read: the opening hours and exceptions of every location ("open now").
PLACES_PREFETCH = ("locations__opening_hours", "locations__opening_exceptions")

GROUP_ORDER = ("now", "best", "walk_in", "no_application", "apply", "heavier")
# The best fitting help gets its own group at the top, at most this many (the rest follow by level).
BEST_GROUP_SIZE = 5
LEVEL_GROUPS = {
    PyramidLevel.SOCIAL_BASE: "no_application",
    PyramidLevel.FREELY_ACCESSIBLE: "no_application",
    PyramidLevel.TAILORED: "apply",
    PyramidLevel.SPECIALIST: "heavier",
}


def _group_texts():
    # Built per call, inside the requested language.
    return {
        "now": (_("Help right now"), _("Call now. These lines are free and there day and night.")),
        "best": (
            _("Fits your situation best"),
            _("This help is made for what you told us. Light help comes first."),
        ),
        "walk_in": (
            _("You can just walk in here"),
            _("You do not need an application. These places have hours when you can come by."),
        ),
        "no_application": (
            _("Help without an application"),
            _("You do not need an application. Call, look online or ask how to reach them."),
        ),
        "apply": (
            _("For this you make an application"),
            _("First you ask for this help. Then the municipality or the provider decides."),
        ),
        "heavier": (
            _("When things get heavier"),
            _("Help from specialists, often with a referral. Sometimes outside Westland."),
        ),
    }


@dataclass(frozen=True)
class Place:
    """A location of a service, with whether it is open now in words."""

    name: str
    address: str
    opening_text: str
    is_open: bool | None
    location: object = None


@dataclass(frozen=True)
class Suggestion:
    """One suggested service with everything a resident needs to decide and act."""

    service: ServicePage
    document: ServiceDocument
    verdict: Verdict
    summary: str
    why: tuple[str, ...]
    to_check: tuple[str, ...]
    group: str
    geography: Geography
    where: str
    is_crisis: bool
    places: tuple[Place, ...] = ()

    @property
    def id(self):
        return self.document.id

    @property
    def outcome(self) -> str:
        return str(self.verdict.outcome)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why it fits, then what is still to check: the explanation as one list."""
        return self.why + self.to_check

    def as_api_dict(self) -> dict:
        """The suggestion as DESIGN.md's suggestions API describes it."""
        doc = self.document
        return {
            "id": doc.id,
            "slug": doc.slug,
            "name": doc.title,
            "url": doc.url,
            "organisation": doc.organisation,
            "pyramid_level": doc.pyramid_level,
            "eligibility": self.outcome,
            "reasons": list(self.reasons),
            "next_step": doc.next_step,
            "kernen": list(doc.kernen),
        }


@dataclass(frozen=True)
class SuggestionGroup:
    key: str
    heading: str
    intro: str
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True)
class Fallback:
    """The human route: people who help with any question. Always present."""

    text: str
    services: tuple[dict, ...]
    crisis_lines: tuple[dict, ...]

    def as_api_dict(self) -> dict:
        return {"text": self.text, "services": list(self.services), "crisis_lines": list(self.crisis_lines)}


@dataclass(frozen=True)
class SuggestionResult:
    suggestions: tuple[Suggestion, ...]
    groups: tuple[SuggestionGroup, ...]
    fallback: Fallback
    crisis: bool

    def as_api_dict(self) -> dict:
        return {
            "suggestions": [s.as_api_dict() for s in self.suggestions],
            "fallback": self.fallback.as_api_dict(),
        }


def suggest(
    *,
    profile: Profile,
    text: str = "",
    lang: str = "nl",
    now=None,
    age_range: tuple[int, int | None] | None = None,
    urgency: str | None = None,
    with_places: bool = True,
) -> SuggestionResult:
    """Suggestions for ``profile`` (and optional free ``text``), explained in ``lang``.

    ``age_range`` is the age group (low, high; high None for "75 or older") when the resident chose a group
    instead of an exact age: a service whose age limits hold for the whole group counts as passed, one
    that fits none of it as failed, and one that fits part of it as unknown. ``urgency`` "cant_cope" with a
    safety-related situation puts crisis services first. ``now`` (aware datetime) is used for "open now".
    ``with_places`` False leaves ``Suggestion.places`` empty and skips loading opening hours, for callers
    that never show them (the JSON API, the print sheet's list of ids).
    """
    if lang not in dict(settings.LANGUAGES):
        lang = settings.LANGUAGE_CODE
    now = now or timezone.now()
    with translation.override(lang):
        return _suggest(
            profile=profile, text=text, now=now, age_range=age_range, urgency=urgency, with_places=with_places
        )


def _suggest(*, profile, text, now, age_range, urgency, with_places):
    situations = tuple(sorted(profile.situations))
    query = (text or "").strip()
    if query or situations:
        found = retrieval.candidates(text=query, situations=situations, limit=CANDIDATE_LIMIT)
    else:
        # Nothing to search for (the search layer would return every service): the human route is the answer.
        found = retrieval.CandidateSet(items=(), neighbours={}, kern_names={})
    # Crisis lines first when the resident can't cope with a safety question, or typed about danger; on a
    # safety topic (violence at home) the safety service made for it (Veilig Thuis) goes first as well.
    danger = is_crisis(urgency=urgency, situations=profile.situations, roles=profile.roles) or any(
        item.text_says_crisis for item in found
    )
    safety_topics = SAFETY_TOPICS & profile.situations
    crisis = danger or bool(safety_topics)
    resident = _resident(profile, age_range)
    # _relevant() rescales scores into one band; the fit's text share uses the engine's own scores.
    text_scores = {item.id: item.score for item in found} if query else {}
    top_text = max(text_scores.values(), default=0.0)
    kept = [
        item
        for item in _relevant(list(found), profile.situations)
        if _suits_age(item.facts, profile.age, age_range) and not is_unsuited(item.facts.fit_facts, resident)
    ]
    prefetch = ELIGIBILITY_PREFETCH + (PLACES_PREFETCH if with_places else ())
    loaded = retrieval.load_services((item.id for item in kept), prefetch=prefetch)
    kerns = found.kern_names

    evaluated = {}
    candidates = []
    for item in kept:
        shown = loaded.get(item.id)
        if shown is None:
            continue
        verdict = _evaluate(profile, criteria_for(shown.service), kerns, age_range)
        if verdict.outcome is Outcome.NOT_ELIGIBLE:
            continue
        evaluated[item.id] = (shown, verdict, item.facts.walk_in)
        first_for_safety = item.is_crisis_service and (
            danger or (item.facts.main_situation is not None and item.facts.main_situation in safety_topics)
        )
        text_share = text_scores.get(item.id, 0.0) / top_text if top_text > 0 else 0.0
        fit = fit_score(item.facts.fit_facts, resident, text_share=text_share)
        candidates.append(
            item.facts.candidate(
                item.score,
                is_crisis=first_for_safety,
                eligibility_rank=outcome_rank(verdict.outcome),
                fit_band=fit_band(fit),
                fit_score=fit,
            )
        )

    texts = _group_texts()
    grouped = {key: [] for key in GROUP_ORDER}
    ranked_list = rank(candidates, kern=profile.kern, neighbours=found.neighbours, crisis=crisis)
    best_band = min((r.candidate.fit_band for r in ranked_list if not r.candidate.is_crisis), default=None)
    for ranked in ranked_list:
        shown, verdict, walk_in = evaluated[ranked.id]
        document = shown.document
        is_crisis_service = ranked.candidate.is_crisis
        if crisis and is_crisis_service:
            group = "now"
        elif ranked.candidate.fit_band == best_band and len(grouped["best"]) < BEST_GROUP_SIZE:
            group = "best"
        else:
            group = LEVEL_GROUPS.get(document.pyramid_level, "heavier")
            if group == "no_application" and walk_in:
                # Only services with a known walk-in place go under "you can just walk in".
                group = "walk_in"
        grouped[group].append(
            Suggestion(
                service=shown.service,
                document=document,
                verdict=verdict,
                summary=summary_text(verdict),
                why=_why(document, profile, verdict, text),
                to_check=tuple(reason.text for reason in verdict.unchecked),
                group=group,
                geography=ranked.geography,
                where=_where(ranked.candidate.kernen, ranked.geography, profile.kern, kerns),
                is_crisis=is_crisis_service,
                places=_places(shown.service, now) if with_places else (),
            )
        )
    groups = tuple(
        SuggestionGroup(key=key, heading=texts[key][0], intro=texts[key][1], suggestions=tuple(items))
        for key, items in grouped.items()
        if items
    )
    return SuggestionResult(
        suggestions=tuple(s for group in groups for s in group.suggestions),
        groups=groups,
        fallback=_fallback(),
        crisis=crisis,
    )


def _resident(profile, age_range) -> Resident:
    return Resident(
        situations=profile.situations,
        age=profile.age,
        age_range=age_range if profile.age is None else None,
        roles=profile.roles,
        income=profile.income,
        children_at_home=profile.children_at_home(),
        for_whom=profile.for_whom,
    )


# A service that only matches the free text (not a chosen subject) must match it at least this well
# compared with the best text match, or it is noise ("niet", "meer") rather than help.
TEXT_ONLY_MIN_FRACTION = 0.8

# Target groups (taxonomy) that say a service is meant for young people only, or for older people only.
YOUTH_GROUPS = frozenset({"kinderen", "jongeren", "jongvolwassenen"})
OLDER_GROUPS = frozenset({"ouderen"})
# Groups that make a service also meant for people outside its life stages (everyone; parents of children).
NOT_ONLY_FOR_A_STAGE = frozenset({"iedereen", "ouders", "mantelzorgers"})
ADULT_FROM = 28  # above the oldest documented youth limit (PrO/VSO school leavers up to 27)
# Services only for older people are not what someone under 50 asked for (falls prevention, 55+ clubs).
OLDER_FROM = 50


def _suits_age(facts, age, age_range) -> bool:
    """False for services whose target groups are all youth groups for someone 28 or older, or all
    "ouderen" for someone under 50. Relevance, not eligibility: such services have no age rule in their
    criteria (the sources give none), but "kunst na school" is not what a 67-year-old asked for.
    """
    groups = facts.groups
    if not groups or groups & NOT_ONLY_FOR_A_STAGE:
        return True
    # Only the life-stage groups decide: "young adults with a disability" is still only for the young.
    stages = groups & (YOUTH_GROUPS | OLDER_GROUPS)
    if not stages:
        return True
    low, high = (age, age) if age is not None else (age_range or (None, None))
    if low is not None and low >= ADULT_FROM and stages <= YOUTH_GROUPS:
        return False
    return not (high is not None and high < OLDER_FROM and stages <= OLDER_GROUPS)


def _relevant(scored, situations):
    """Candidates worth showing, with scores that let the care pyramid decide the order.

    With chosen subjects, the subjects say what is relevant and the free text only adds strong matches and
    breaks ties: every score is mapped into the top relevance band of ``rank`` (3 + score/top lies within
    75 % of the best), so pyramid level, kern and eligibility decide and the text score only orders equals.
    Without subjects the text is all we have, so its scores are kept as they are (search-like bands).
    """
    if not situations:
        return scored
    top = max((item.score for item in scored), default=0.0)
    result = []
    for item in scored:
        on_subject = bool(item.facts.situations & situations)
        if not on_subject and (top <= 0 or item.score < TEXT_ONLY_MIN_FRACTION * top):
            continue
        score = 3.0 + (item.score / top if top > 0 else 0.0)
        result.append(dataclasses.replace(item, score=score))
    return result


def _evaluate(profile, criteria, kern_names, age_range) -> Verdict:
    """The engine's verdict; for an age group instead of an exact age, judge the whole group honestly."""
    has_age_rule = criteria.min_age is not None or criteria.max_age is not None
    if age_range is None or profile.age is not None or not has_age_rule:
        return evaluate(profile=profile, criteria=criteria, kern_names=kern_names)
    low, high = age_range
    rule_low = criteria.min_age if criteria.min_age is not None else 0
    rule_high = criteria.max_age
    fits_all = low >= rule_low and (rule_high is None or (high is not None and high <= rule_high))
    fits_none = (rule_high is not None and low > rule_high) or (high is not None and high < rule_low)
    if not fits_all and not fits_none:
        # Part of the group fits: we cannot tell, which is what the engine says for an unknown age.
        return evaluate(profile=profile, criteria=criteria, kern_names=kern_names)
    # Any age of the group gives the same outcome; the engine's sentence would name that one age, so it is
    # replaced by one about the group.
    verdict = evaluate(
        profile=dataclasses.replace(profile, age=low), criteria=criteria, kern_names=kern_names
    )
    band = (
        _("%(low)s to %(high)s years") % {"low": low, "high": high}
        if high is not None
        else _("%(low)s years or older") % {"low": low}
    )
    if fits_all:
        text = _("Your age group (%(band)s) fits the ages this help is for.") % {"band": band}
    else:
        text = _("Your age group (%(band)s) does not fit the ages this help is for.") % {"band": band}

    def swap(reasons):
        return tuple(Reason("age", text) if reason.criterion == "age" else reason for reason in reasons)

    return dataclasses.replace(verdict, passed=swap(verdict.passed), failed=swap(verdict.failed))


def _why(document, profile, verdict, text) -> tuple[str, ...]:
    names = dict(zip(document.situations, document.situation_names, strict=False))
    matched = [names[slug] for slug in document.situations if slug in profile.situations]
    lines = []
    if matched:
        lines.append(_("This is about: %(subjects)s.") % {"subjects": ", ".join(matched)})
    elif text:
        # Never repeat the resident's own words back: they may be read over a shoulder or printed.
        lines.append(_("This matches what you wrote."))
    lines.extend(reason.text for reason in verdict.passed)
    lines.extend(reason.text for reason in verdict.caveats)
    return tuple(lines)


def _kern_list(slugs, kerns):
    return ", ".join(kerns.get(slug, slug) for slug in sorted(slugs, key=lambda s: kerns.get(s, s)))


def _where(kernen, geography, kern, kerns) -> str:
    """Where the help is, in words; *kernen* are those it serves and those of its locations."""
    if geography is Geography.IN_KERN:
        return _("In your own village, %(kern)s") % {"kern": kerns.get(kern, kern)}
    if geography is Geography.NEIGHBOUR:
        return _("In a village nearby: %(kernen)s") % {"kernen": _kern_list(kernen, kerns)}
    if geography is Geography.REGIONAL:
        return _("Regional: outside Westland or for several municipalities")
    if kernen:
        return _("In %(kernen)s") % {"kernen": _kern_list(kernen, kerns)}
    return _("For all of Westland")


def _places(page, now) -> tuple[Place, ...]:
    places = []
    for location in page.locations.all():
        state = location.opening_state(now=now)
        town = location.kern.name if location.kern_id else location.city
        address = ", ".join(part for part in (location.street_address, location.postcode, town) if part)
        places.append(
            Place(
                name=location.name,
                address=address,
                opening_text=opening_sentence(state, now=now),
                is_open=None if state.status == OpeningStatus.UNKNOWN else state.is_open,
                location=location,
            )
        )
    return tuple(places)


def _fallback() -> Fallback:
    pages = {
        page.slug: page
        for page in ServicePage.objects.live()
        .public()
        .select_related("organisation")
        .filter(slug__in=HUMAN_ROUTE_SLUGS)
    }
    services = tuple(
        {
            "id": page.pk,
            "slug": page.slug,
            "name": page.title,
            "url": page.url or "",
            "phone": page.phone or page.organisation.phone,
            "next_step": page.next_step,
        }
        for slug in HUMAN_ROUTE_SLUGS
        if (page := pages.get(slug)) is not None
    )
    return Fallback(
        text=_(
            "Would you rather talk to someone? People at these places help you for free. "
            "You do not have to know exactly what you need."
        ),
        services=services,
        crisis_lines=tuple({"name": str(line["name"]), "number": line["number"]} for line in CRISIS_LINES),
    )
