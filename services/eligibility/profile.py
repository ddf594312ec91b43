"""What we know about the person the help is for, taken from the questionnaire."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..vocabulary import (
    HOUSEHOLDS_WITH_CHILDREN,
    HOUSEHOLDS_WITHOUT_CHILDREN,
    ForWhom,
    Household,
    IncomeAnswer,
)


@dataclass(frozen=True)
class Profile:
    """Answers of one resident. Every field is optional: ``None`` (or empty) means "we do not know".

    The questionnaire asks about the person the help is *for* (``for_whom``), so ``age``, ``household``,
    ``income`` and so on describe that person, not necessarily the one filling in the form.

    Derived values are methods rather than stored fields so that ``dataclasses.replace`` never leaves a
    stale derived value behind:

    * ``in_westland()`` is True whenever ``kern`` is given, otherwise ``lives_in_westland``.
    * ``children_at_home()`` uses ``has_children_at_home`` when it was answered directly, otherwise it
      is derived from ``household`` and ``children_ages``.

    ``roles_known`` is set by the questionnaire when the resident answered the special-situations
    question; only then does a missing role mean "no" instead of "unknown".
    """

    kern: str | None = None
    lives_in_westland: bool | None = None
    age: int | None = None
    household: str | None = None
    children_ages: tuple[int, ...] = ()
    has_children_at_home: bool | None = None
    income: str | None = None
    roles: frozenset[str] = frozenset()
    roles_known: bool = False
    situations: frozenset[str] = frozenset()
    for_whom: str | None = None

    def __post_init__(self) -> None:
        # Callers often hand over lists or sets from forms; normalising keeps the dataclass hashable.
        object.__setattr__(self, "children_ages", tuple(self.children_ages))
        object.__setattr__(self, "roles", frozenset(self.roles))
        object.__setattr__(self, "situations", frozenset(self.situations))
        _check_choice("household", self.household, Household)
        _check_choice("income", self.income, IncomeAnswer)
        _check_choice("for_whom", self.for_whom, ForWhom)
        if self.kern == "":
            raise ValueError("kern must be a slug or None, not an empty string")
        if self.age is not None and self.age < 0:
            raise ValueError(f"age must not be negative: {self.age}")
        if any(age < 0 for age in self.children_ages):
            raise ValueError(f"children_ages must not be negative: {self.children_ages}")

    def in_westland(self) -> bool | None:
        """Whether the person lives in Westland: True when a kern is known, else ``lives_in_westland``."""
        if self.kern is not None:
            return True
        return self.lives_in_westland

    def children_at_home(self) -> bool | None:
        """Whether children live at home: the direct answer if given, else derived from the household.

        True for households with children or when children's ages were given; False for people living
        alone or with only a partner; None when we cannot tell (for example household "other").
        """
        if self.has_children_at_home is not None:
            return self.has_children_at_home
        if self.household in HOUSEHOLDS_WITH_CHILDREN or self.children_ages:
            return True
        if self.household in HOUSEHOLDS_WITHOUT_CHILDREN:
            return False
        return None


def _check_choice(field: str, value: str | None, choices: type[StrEnum]) -> None:
    if value is not None and value not in tuple(choices):
        raise ValueError(f"{field} must be one of {', '.join(choices)} or None, not {value!r}")
