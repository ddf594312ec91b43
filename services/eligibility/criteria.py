"""Structured eligibility criteria of one service, as entered by the editors."""

from __future__ import annotations

from dataclasses import dataclass

INCOME_RULES = ("none", "bijstand", "low_income")
RESIDENCE_RULES = ("anywhere", "westland", "kernen")
# Requirements that are checked against Profile.roles.
ROLE_REQUIREMENTS = (
    "mantelzorger",
    "statushouder",
    "inburgeringsplichtig",
    "dakloos",
    "uitstroom_instelling",
    "schoolverlater_pro_vso",
)
# Requirements that never exclude anyone: the application itself arranges them.
INFORMATIONAL_REQUIREMENTS = ("indicatie", "verwijzing")
# Also the order in which reasons are reported.
REQUIREMENTS = ("kinderen_thuis", *ROLE_REQUIREMENTS, *INFORMATIONAL_REQUIREMENTS)


@dataclass(frozen=True)
class Criteria:
    """Who a service is for. The defaults mean "no restriction", so ``Criteria()`` fits everyone.

    * ``min_age`` / ``max_age``: inclusive bounds.
    * ``income_rule``: "none", "bijstand" (must receive bijstand) or "low_income" (income at most
      ``income_max_pct`` % of the sociaal minimum; ``None`` when the exact percentage is not known).
    * ``residence``: "anywhere", "westland", or "kernen" (only the kern slugs in ``residence_kernen``).
    * ``requires``: slugs from ``REQUIREMENTS``. "indicatie" and "verwijzing" are informational.
    * ``description``: the editors' B1 text, passed through untouched.

    Contradictory combinations raise ``ValueError`` so bad editor data is caught where it is converted,
    not silently shown to residents as a wrong verdict.
    """

    min_age: int | None = None
    max_age: int | None = None
    income_rule: str = "none"
    income_max_pct: int | None = None
    residence: str = "anywhere"
    residence_kernen: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    description: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "residence_kernen", frozenset(self.residence_kernen))
        object.__setattr__(self, "requires", frozenset(self.requires))
        for name in ("min_age", "max_age"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative: {value}")
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValueError(f"min_age {self.min_age} is above max_age {self.max_age}")
        if self.income_rule not in INCOME_RULES:
            raise ValueError(f"income_rule must be one of {INCOME_RULES}, not {self.income_rule!r}")
        if self.income_max_pct is not None:
            if self.income_rule != "low_income":
                raise ValueError("income_max_pct only applies to income_rule 'low_income'")
            if self.income_max_pct <= 0:
                raise ValueError(f"income_max_pct must be positive: {self.income_max_pct}")
        if self.residence not in RESIDENCE_RULES:
            raise ValueError(f"residence must be one of {RESIDENCE_RULES}, not {self.residence!r}")
        if self.residence == "kernen" and not self.residence_kernen:
            raise ValueError("residence 'kernen' needs at least one kern in residence_kernen")
        if self.residence != "kernen" and self.residence_kernen:
            raise ValueError("residence_kernen only applies to residence 'kernen'")
        unknown = self.requires - frozenset(REQUIREMENTS)
        if unknown:
            raise ValueError(f"unknown requirements {sorted(unknown)}; expected some of {REQUIREMENTS}")
