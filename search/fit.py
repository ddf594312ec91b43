"""How well a service fits one resident: the first thing the order of suggestions looks at.

Westland's policy is "the lightest help *that fits* first" (domain guide §2). Lightness alone would put a
meeting activity that happens to be tagged "ouder worden" above the carers' support a carer asked for, so
a fit score comes first and the pyramid of care only orders services that fit about equally well.

The score adds up small, explainable parts (each a rule with its own table test):

* **centrality** of the asked life situations: the service's *main* situation counts most; a side
  situation counts less, and least for services tagged with many situations (a service tagged with six
  situations is not the best answer to any of them); matching two asked situations adds a point;
* **life stage**: a service for the resident's stage (children, young people, older people) gains, a
  service only for another stage loses; an explicit age limit that the resident meets adds a point;
* **roles and household**: carers get carers' support, low incomes get the minima schemes, parents (and
  low-income parents most) get the schemes for children, homeless people and newcomers their help;
* **for whom**: a service only meant for people who ask about someone else gains for them and is
  unsuited for someone asking for themself;
* **text**: the share of the best text score when the resident typed something.

Target groups that do not include "iedereen" (everyone) are *specific*: a match with them weighs double.
The score maps onto a few bands (:func:`fit_band`) so that small differences leave the order to policy.
Standard library only (and ``services.vocabulary``), so the rules are tested as tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.vocabulary import ForWhom, IncomeAnswer, Requirement, Role

__all__ = [
    "BAND_THRESHOLDS",
    "Resident",
    "ServiceFit",
    "fit_band",
    "fit_score",
    "is_unsuited",
    "life_stages",
]

EVERYONE = "iedereen"
STAGE_GROUPS = frozenset({"kinderen", "jongeren", "jongvolwassenen", "ouderen"})

# Fit score → band: band 0 (at least 8) is help made for this resident's question *and* situation (main
# subject plus stage or role), band 1 (at least 6) fits well, band 2 (4) and 3 (2) are on the subject.
BAND_THRESHOLDS: tuple[float, ...] = (8.0, 6.0, 4.0, 2.0)

# A side situation of a service with at most this many situations still counts as a real subject.
FOCUSED_SITUATION_COUNT = 2

# Roles (and the resident's answers) that make a target group theirs.
ROLE_GROUPS = {
    Role.CARER: "mantelzorgers",
    Role.HOMELESS: "dak-en-thuislozen",
    Role.STATUS_HOLDER: "nieuwkomers",
    Role.INTEGRATION_DUTY: "nieuwkomers",
    Role.LEAVING_INSTITUTION: "dak-en-thuislozen",
    Role.SCHOOL_LEAVER: "jongvolwassenen",
}
LOW_INCOMES = frozenset({IncomeAnswer.BIJSTAND, IncomeAnswer.LOW})
# Groups a chosen life situation says the resident belongs to, used only to tell whether a service for
# specific groups speaks to this resident at all.
SITUATION_GROUPS = {
    "psychische-gezondheid": frozenset({"mensen-met-psychische-klachten"}),
    "mantelzorg": frozenset({"mantelzorgers"}),
    "geld-en-schulden": frozenset({"minima"}),
    "inkomen-en-regelingen": frozenset({"minima"}),
    "werk-en-dagbesteding": frozenset({"werkzoekenden"}),
    "vrijwilligerswerk-en-meedoen": frozenset({"vrijwilligers-en-initiatiefnemers"}),
    "taal-en-digitale-vaardigheden": frozenset({"laaggeletterden", "nieuwkomers"}),
    "opvoeden-en-opgroeien": frozenset({"ouders"}),
    "ouder-worden-en-dementie": frozenset({"ouderen"}),
    "wonen-en-dakloosheid": frozenset({"dak-en-thuislozen"}),
    "zorg-en-hulp-thuis": frozenset({"mensen-met-een-beperking"}),
}


@dataclass(frozen=True)
class ServiceFit:
    """What the fit rules read about a service (from the facts store, no queries)."""

    situations: frozenset[str] = frozenset()
    main_situation: str | None = None
    groups: frozenset[str] = frozenset()
    min_age: int | None = None
    max_age: int | None = None
    requires: frozenset[str] = frozenset()
    asked_for: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for name in ("situations", "groups", "requires", "asked_for"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))

    @property
    def is_specific(self) -> bool:
        """Meant for particular groups rather than for everyone."""
        return bool(self.groups) and EVERYONE not in self.groups


@dataclass(frozen=True)
class Resident:
    """What the fit rules read about the resident (the person the help is for) and the question."""

    situations: frozenset[str] = frozenset()
    age: int | None = None
    age_range: tuple[int, int | None] | None = None
    roles: frozenset[str] = frozenset()
    income: str | None = None
    children_at_home: bool | None = None
    for_whom: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "situations", frozenset(self.situations))
        object.__setattr__(self, "roles", frozenset(self.roles))

    @property
    def stages(self) -> frozenset[str]:
        if self.age is not None:
            return life_stages(self.age)
        if self.age_range is not None:
            low, high = self.age_range
            return life_stages(low) | life_stages(high if high is not None else low)
        return frozenset()

    @property
    def is_parent(self) -> bool:
        return bool(self.children_at_home) or self.for_whom == ForWhom.CHILD

    @property
    def low_income(self) -> bool:
        return self.income in LOW_INCOMES

    @property
    def role_groups(self) -> frozenset[str]:
        """Target groups the resident's roles and answers put them in (not their life stage)."""
        groups = {ROLE_GROUPS[role] for role in self.roles if role in ROLE_GROUPS}
        if self.for_whom == ForWhom.CARED_FOR:
            groups.add("mantelzorgers")
        if self.low_income:
            groups.add("minima")
        if self.is_parent:
            groups.add("ouders")
        return frozenset(groups)


def life_stages(age: int) -> frozenset[str]:
    """The stage groups of an age: under 12 a child, 12-23 young (18-27 also a young adult), 65+ older.

    The limits follow the documented ones (Jongerenwerk 12-23, PrO/VSO school leavers up to 27).
    """
    stages = set()
    if age < 12:
        stages.add("kinderen")
    if 12 <= age <= 23:
        stages.add("jongeren")
    if 18 <= age <= 27:
        stages.add("jongvolwassenen")
    if age >= 65:
        stages.add("ouderen")
    return frozenset(stages)


def centrality(service: ServiceFit, resident: Resident) -> float:
    """How central the asked life situations are to the service: main 4, side 2 (or 1 when the service
    has many situations), plus 1 when it covers two or more of them; 0 without asked situations."""
    asked = resident.situations
    if not asked:
        return 0.0
    matched = asked & (service.situations | ({service.main_situation} - {None}))
    if not matched:
        return 0.0
    if service.main_situation in asked:
        score = 4.0
    elif len(service.situations) <= FOCUSED_SITUATION_COUNT:
        score = 2.0
    else:
        score = 1.0
    return score + (1.0 if len(matched) >= 2 else 0.0)


def stage_fit(service: ServiceFit, resident: Resident) -> float:
    """Life stage: +2 (specific) or +1 for a service for the resident's stage, -2 for one only for other
    stages (unless another of its groups is the resident's), +1 for an explicit age limit that fits."""
    stages = resident.stages
    age = resident.age
    if not stages and age is None:
        return 0.0
    score = 0.0
    service_stages = service.groups & STAGE_GROUPS
    if service_stages & stages:
        score += 2.0 if service.is_specific else 1.0
    elif service_stages and service.is_specific and not (service.groups & resident.role_groups):
        score -= 2.0
    if age is not None and (service.min_age is not None or service.max_age is not None):
        fits = (service.min_age is None or age >= service.min_age) and (
            service.max_age is None or age <= service.max_age
        )
        if fits:
            score += 1.0
    return score


def role_fit(service: ServiceFit, resident: Resident) -> float:
    """Roles and household: +2 (specific) or +1 when a target group is the resident's (carer, minima,
    parent, homeless, newcomer), +1 per required role the resident has, +1 for children at home when the
    service requires them, and +1 for child schemes (minima and children) for a low-income parent.
    A service only for specific groups that nothing about the resident points to loses 1."""
    score = 0.0
    mine = resident.role_groups
    if service.groups & mine:
        score += 2.0 if service.is_specific else 1.0
    score += len((service.requires - {Requirement.ASSESSMENT, Requirement.REFERRAL}) & resident.roles)
    if Requirement.CHILDREN_AT_HOME in service.requires and resident.is_parent:
        score += 1.0
    child_scheme = "minima" in service.groups and bool(service.groups & {"kinderen", "ouders"})
    if resident.low_income and resident.is_parent and child_scheme:
        score += 1.0
    if service.is_specific:
        signalled = mine | resident.stages
        for situation in resident.situations:
            signalled |= SITUATION_GROUPS.get(situation, frozenset())
        if not (service.groups & signalled):
            score -= 1.0
    return score


def for_whom_fit(service: ServiceFit, resident: Resident) -> float:
    """+2 when the service is only for some askers and the resident is one of them; 0 otherwise."""
    if service.asked_for and resident.for_whom in service.asked_for and len(service.asked_for) < len(ForWhom):
        return 2.0
    return 0.0


def is_unsuited(service: ServiceFit, resident: Resident) -> bool:
    """True when the service is meant for other askers than this resident (e.g. "report a worry about
    someone" for a resident asking for themself); an unknown "for whom" never rules anything out."""
    return (
        bool(service.asked_for)
        and resident.for_whom is not None
        and resident.for_whom not in service.asked_for
    )


def fit_score(service: ServiceFit, resident: Resident, *, text_share: float = 0.0) -> float:
    """The sum of the rules above plus ``2 × text_share`` (the service's text score as a share of the best
    one, 0..1; 0 without text). Higher fits better; see :func:`fit_band`."""
    share = min(max(text_share, 0.0), 1.0)
    return (
        centrality(service, resident)
        + stage_fit(service, resident)
        + role_fit(service, resident)
        + for_whom_fit(service, resident)
        + 2.0 * share
    )


def fit_band(score: float, *, thresholds: tuple[float, ...] = BAND_THRESHOLDS) -> int:
    """0 for the best fitting help, then 1, 2, …: the first threshold the score reaches."""
    for index, threshold in enumerate(thresholds):
        if score >= threshold:
            return index
    return len(thresholds)
