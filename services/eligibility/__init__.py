"""Pure eligibility engine: does a service fit what a resident filled in, and why (in B1 Dutch).

Standard library only, so it can be tested and reused without Django. The Django layer converts its
models and questionnaire answers to ``Profile`` and ``Criteria`` and may install a translator with
``set_translator``.
"""

from .criteria import (
    INCOME_RULES,
    INFORMATIONAL_REQUIREMENTS,
    REQUIREMENTS,
    RESIDENCE_RULES,
    ROLE_REQUIREMENTS,
    Criteria,
)
from .engine import Outcome, Reason, Verdict, evaluate, outcome_rank, set_translator, summary_text
from .profile import FOR_WHOM_CHOICES, HOUSEHOLDS, INCOME_ANSWERS, ROLES, Profile

__all__ = [
    "FOR_WHOM_CHOICES",
    "HOUSEHOLDS",
    "INCOME_ANSWERS",
    "INCOME_RULES",
    "INFORMATIONAL_REQUIREMENTS",
    "REQUIREMENTS",
    "RESIDENCE_RULES",
    "ROLES",
    "ROLE_REQUIREMENTS",
    "Criteria",
    "Outcome",
    "Profile",
    "Reason",
    "Verdict",
    "evaluate",
    "outcome_rank",
    "set_translator",
    "summary_text",
]
