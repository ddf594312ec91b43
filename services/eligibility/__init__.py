"""Pure eligibility engine: does a service fit what a resident filled in, and why (in B1 Dutch).

Standard library only (and ``services.vocabulary``, which is too), so it can be tested and reused
without Django. Values are the enums of ``services.vocabulary``. The Django layer converts its
models and questionnaire answers to ``Profile`` and ``Criteria`` and may install a translator with
``set_translator``.
"""

from .criteria import Criteria
from .engine import Outcome, Reason, Verdict, evaluate, outcome_rank, set_translator, summary_text
from .profile import Profile

__all__ = [
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
