"""Structured eligibility criteria of one service, as entered by the editors."""

from __future__ import annotations

from dataclasses import dataclass

from ..vocabulary import IncomeRule, Requirement, Residence


@dataclass(frozen=True)
class Criteria:
    """Who a service is for. The defaults mean "no restriction", so ``Criteria()`` fits everyone.

    * ``min_age`` / ``max_age``: inclusive bounds.
    * ``income_rule``: an ``IncomeRule``; ``LOW_INCOME`` means an income of at most ``income_max_pct`` %
      of the sociaal minimum (``None`` when the exact percentage is not known).
    * ``residence``: a ``Residence``; with ``KERNEN`` only the kern slugs in ``residence_kernen``.
    * ``requires``: ``Requirement`` values; assessment and referral are informational.
    * ``description``: the editors' B1 text, passed through untouched.

    Contradictory combinations raise ``ValueError`` so bad editor data is caught where it is converted,
    not silently shown to residents as a wrong verdict.
    """

    min_age: int | None = None
    max_age: int | None = None
    income_rule: str = IncomeRule.NONE
    income_max_pct: int | None = None
    residence: str = Residence.ANYWHERE
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
        if self.income_rule not in tuple(IncomeRule):
            raise ValueError(f"income_rule must be one of {', '.join(IncomeRule)}, not {self.income_rule!r}")
        if self.income_max_pct is not None:
            if self.income_rule != IncomeRule.LOW_INCOME:
                raise ValueError(f"income_max_pct only applies to income_rule '{IncomeRule.LOW_INCOME}'")
            if self.income_max_pct <= 0:
                raise ValueError(f"income_max_pct must be positive: {self.income_max_pct}")
        if self.residence not in tuple(Residence):
            raise ValueError(f"residence must be one of {', '.join(Residence)}, not {self.residence!r}")
        if self.residence == Residence.KERNEN and not self.residence_kernen:
            raise ValueError(f"residence '{Residence.KERNEN}' needs at least one kern in residence_kernen")
        if self.residence != Residence.KERNEN and self.residence_kernen:
            raise ValueError(f"residence_kernen only applies to residence '{Residence.KERNEN}'")
        unknown = self.requires - frozenset(Requirement)
        if unknown:
            raise ValueError(
                f"unknown requirements {sorted(unknown)}; expected some of {', '.join(Requirement)}"
            )
