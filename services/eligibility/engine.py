"""Compare a Profile with a service's Criteria and explain the result in B1 Dutch.

Principles:

* A missing answer never excludes anyone; it only makes the outcome "unknown".
* Income limits of Westland schemes differ (110-130 % of the sociaal minimum) and are often not known
  exactly, so a "low" income answer can at best make someone "likely" eligible.
* An assessment ("indicatie") and a referral ("verwijzing") are arranged through the application
  itself, so they never exclude anyone. "Likely" needs an answer that supports it: with an indication or
  referral already in hand the outcome is at best "likely"; without one it stays "unknown" and the reason
  says what decides it (the assessment, or the GP or SKT).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from ..vocabulary import IncomeAnswer, IncomeRule, Requirement, Residence, Role
from .criteria import Criteria
from .profile import Profile


def _identity(message: str) -> str:
    return message


_translator: Callable[[str], str] = _identity


def set_translator(translator: Callable[[str], str] | None) -> None:
    """Install the function used to translate reason texts (e.g. Django's ``gettext``); None resets it.

    This package must not import Django, so the Django layer installs its translator here (for example
    in ``AppConfig.ready``). Texts are translated while evaluating, so the active request language is used.
    """
    global _translator
    _translator = translator or _identity


def _(message: str) -> str:
    # Identity unless the Django layer installed gettext via set_translator(): the Dutch source strings
    # are extracted by makemessages (``_`` is a default keyword) and translated by the Django layer.
    return _translator(message)


def gettext_noop(message: str) -> str:
    # Marks strings in module-level tables for makemessages; they are translated later with _() at
    # evaluation time, because translating at import time would freeze one language.
    return message


class Outcome(StrEnum):
    """How well a service fits a profile, from best to worst."""

    ELIGIBLE = "eligible"
    LIKELY = "likely"
    UNKNOWN = "unknown"
    NOT_ELIGIBLE = "not_eligible"


_RANK = {Outcome.ELIGIBLE: 0, Outcome.LIKELY: 1, Outcome.UNKNOWN: 2, Outcome.NOT_ELIGIBLE: 3}


def outcome_rank(outcome: Outcome | str) -> int:
    """Sort key for outcomes: eligible 0, likely 1, unknown 2, not_eligible 3."""
    return _RANK[Outcome(outcome)]


@dataclass(frozen=True)
class Reason:
    """One explained check. ``criterion`` is "age", "income", "residence" or a ``Requirement``."""

    criterion: str
    text: str


@dataclass(frozen=True)
class Verdict:
    """Result of ``evaluate``.

    ``caveats`` holds checks that passed with a "but" (income limit differs per scheme, an assessment or
    referral is needed); they make the outcome "likely" instead of "eligible".
    """

    outcome: Outcome
    passed: tuple[Reason, ...] = ()
    failed: tuple[Reason, ...] = ()
    unchecked: tuple[Reason, ...] = ()
    caveats: tuple[Reason, ...] = ()

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """All reasons, most relevant first: what excludes you first when not eligible."""
        if self.outcome is Outcome.NOT_ELIGIBLE:
            return self.failed + self.unchecked + self.caveats + self.passed
        return self.passed + self.caveats + self.unchecked


def summary_text(verdict: Verdict) -> str:
    """One B1 sentence describing the verdict's outcome."""
    if verdict.outcome is Outcome.ELIGIBLE:
        return _("Deze hulp past bij wat je hebt ingevuld.")
    if verdict.outcome is Outcome.LIKELY:
        return _("Je komt waarschijnlijk in aanmerking.")
    if verdict.outcome is Outcome.UNKNOWN:
        return _("We weten nog niet of je in aanmerking komt. Vraag het na.")
    return _("Je komt hier waarschijnlijk niet voor in aanmerking.")


@dataclass
class _Collector:
    passed: list[Reason] = field(default_factory=list)
    failed: list[Reason] = field(default_factory=list)
    unchecked: list[Reason] = field(default_factory=list)
    caveats: list[Reason] = field(default_factory=list)

    def verdict(self) -> Verdict:
        if self.failed:
            outcome = Outcome.NOT_ELIGIBLE
        elif self.unchecked:
            outcome = Outcome.UNKNOWN
        elif self.caveats:
            outcome = Outcome.LIKELY
        else:
            outcome = Outcome.ELIGIBLE
        return Verdict(
            outcome=outcome,
            passed=tuple(self.passed),
            failed=tuple(self.failed),
            unchecked=tuple(self.unchecked),
            caveats=tuple(self.caveats),
        )


def evaluate(*, profile: Profile, criteria: Criteria, kern_names: Mapping[str, str] | None = None) -> Verdict:
    """Check ``profile`` against ``criteria`` and explain every check in B1 Dutch.

    ``kern_names`` maps kern slugs to display names ("ter-heijde" -> "Ter Heijde"); unknown slugs are
    shown as the slug itself. Missing answers give "unknown", never "not_eligible".
    """
    names = kern_names or {}
    out = _Collector()
    _check_age(profile, criteria, out)
    _check_residence(profile, criteria, out, names)
    _check_income(profile, criteria, out)
    _check_requirements(profile, criteria, out)
    return out.verdict()


def _check_age(profile: Profile, criteria: Criteria, out: _Collector) -> None:
    low, high = criteria.min_age, criteria.max_age
    if low is None and high is None:
        return
    age = profile.age
    params = {"age": age, "min": low, "max": high}
    if age is None:
        # Separate full sentences per case so translators never have to glue fragments together.
        if low is not None and high is not None and low == high:
            text = _("We weten je leeftijd niet; deze hulp is voor mensen van %(min)s jaar.")
        elif low is not None and high is not None:
            text = _(
                "We weten je leeftijd niet; deze hulp is voor mensen van %(min)s tot en met %(max)s jaar."
            )
        elif low is not None:
            text = _("We weten je leeftijd niet; deze hulp is voor mensen vanaf %(min)s jaar.")
        else:
            text = _("We weten je leeftijd niet; deze hulp is voor mensen tot en met %(max)s jaar.")
        out.unchecked.append(Reason("age", text % params))
        return
    if low is not None and high is not None and low == high:
        text = _("Je bent %(age)s jaar; deze hulp is voor mensen van %(min)s jaar.")
    elif low is not None and high is not None:
        text = _("Je bent %(age)s jaar; deze hulp is voor mensen van %(min)s tot en met %(max)s jaar.")
    elif low is not None:
        text = _("Je bent %(age)s jaar; deze hulp is voor mensen vanaf %(min)s jaar.")
    else:
        text = _("Je bent %(age)s jaar; deze hulp is voor mensen tot en met %(max)s jaar.")
    fits = (low is None or age >= low) and (high is None or age <= high)
    (out.passed if fits else out.failed).append(Reason("age", text % params))


def _kern_name(slug: str, names: Mapping[str, str]) -> str:
    return names.get(slug) or slug


def _join_names(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("%(names)s en %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def _check_residence(profile: Profile, criteria: Criteria, out: _Collector, names: Mapping[str, str]) -> None:
    if criteria.residence == Residence.ANYWHERE:
        return
    in_westland = profile.in_westland()
    kern = _kern_name(profile.kern, names) if profile.kern is not None else None
    if criteria.residence == Residence.WESTLAND:
        if kern is not None:
            text = _("Deze hulp is voor mensen die in Westland wonen. Je woont in %(kern)s.")
            out.passed.append(Reason("residence", text % {"kern": kern}))
        elif in_westland:
            text = _("Deze hulp is voor mensen die in Westland wonen. Je woont in Westland.")
            out.passed.append(Reason("residence", text))
        elif in_westland is False:
            text = _("Deze hulp is voor mensen die in Westland wonen. Je woont niet in Westland.")
            out.failed.append(Reason("residence", text))
        else:
            text = _("We weten niet waar je woont. Deze hulp is voor mensen die in Westland wonen.")
            out.unchecked.append(Reason("residence", text))
        return

    allowed = _join_names(sorted(_kern_name(slug, names) for slug in criteria.residence_kernen))
    params = {"kernen": allowed, "kern": kern}
    if profile.kern is not None and profile.kern in criteria.residence_kernen:
        text = _("Deze hulp is voor inwoners van %(kernen)s. Je woont in %(kern)s.")
        out.passed.append(Reason("residence", text % params))
    elif kern is not None:
        text = _("Deze hulp is alleen voor inwoners van %(kernen)s. Je woont in %(kern)s.")
        out.failed.append(Reason("residence", text % params))
    elif in_westland is False:
        # Every kern lies in Westland, so living outside Westland rules out every kern.
        text = _("Deze hulp is alleen voor inwoners van %(kernen)s. Je woont niet in Westland.")
        out.failed.append(Reason("residence", text % params))
    else:
        text = _("We weten niet in welke plaats je woont. Deze hulp is alleen voor inwoners van %(kernen)s.")
        out.unchecked.append(Reason("residence", text % params))


def _check_income(profile: Profile, criteria: Criteria, out: _Collector) -> None:
    income = profile.income
    if criteria.income_rule == IncomeRule.BIJSTAND:
        if income == IncomeAnswer.BIJSTAND:
            out.passed.append(Reason("income", _("Je hebt een bijstandsuitkering.")))
        elif income == IncomeAnswer.LOW:
            # A low income does not mean bijstand, and our questionnaire cannot tell them apart further.
            text = _("Deze hulp is voor mensen met een bijstandsuitkering. We weten niet of je die hebt.")
            out.unchecked.append(Reason("income", text))
        elif income == IncomeAnswer.NOT_LOW:
            text = _(
                "Deze hulp is voor mensen met een bijstandsuitkering. "
                "Je hebt ingevuld dat je geen laag inkomen hebt."
            )
            out.failed.append(Reason("income", text))
        else:
            text = _("Je hebt je inkomen niet gegeven. Deze hulp is voor mensen met een bijstandsuitkering.")
            out.unchecked.append(Reason("income", text))
        return

    if criteria.income_rule != IncomeRule.LOW_INCOME:
        return
    pct = criteria.income_max_pct
    params = {"pct": pct}
    if income == IncomeAnswer.BIJSTAND:
        # Bijstand is at the sociaal minimum itself, below every scheme's limit (110-130 %).
        text = _("Je hebt een bijstandsuitkering. Dan is je inkomen laag genoeg voor deze hulp.")
        out.passed.append(Reason("income", text))
    elif income == IncomeAnswer.LOW:
        # Never "eligible": we only know the income is low, not whether it is under this scheme's limit.
        if pct is None:
            text = _(
                "Je hebt een laag inkomen. De inkomensgrens verschilt per regeling; "
                "vraag na of je eronder zit bij de gemeente of het Buurtinformatiepunt."
            )
        else:
            text = _(
                "Je hebt een laag inkomen. Deze hulp is voor mensen met een inkomen "
                "tot %(pct)s%% van het sociaal minimum; "
                "vraag na of je eronder zit bij de gemeente of het Buurtinformatiepunt."
            )
        out.caveats.append(Reason("income", text % params))
    elif income == IncomeAnswer.NOT_LOW:
        if pct is None:
            text = _(
                "Deze hulp is voor mensen met een laag inkomen. "
                "Je hebt ingevuld dat je geen laag inkomen hebt."
            )
        else:
            text = _(
                "Deze hulp is voor mensen met een inkomen tot %(pct)s%% van het sociaal minimum. "
                "Je hebt ingevuld dat je geen laag inkomen hebt."
            )
        out.failed.append(Reason("income", text % params))
    else:
        if pct is None:
            text = _("Je hebt je inkomen niet gegeven. Deze hulp is voor mensen met een laag inkomen.")
        else:
            text = _(
                "Je hebt je inkomen niet gegeven. "
                "Deze hulp is voor mensen met een inkomen tot %(pct)s%% van het sociaal minimum."
            )
        out.unchecked.append(Reason("income", text % params))


# role -> (passed, failed, unchecked)
_ROLE_TEXTS = {
    Role.CARER: (
        gettext_noop("Je zorgt voor iemand (mantelzorger)."),
        gettext_noop(
            "Deze hulp is voor mantelzorgers: mensen die voor iemand zorgen. "
            "Je hebt niet ingevuld dat je voor iemand zorgt."
        ),
        gettext_noop(
            "We weten niet of je voor iemand zorgt. "
            "Deze hulp is voor mantelzorgers: mensen die voor iemand zorgen."
        ),
    ),
    Role.STATUS_HOLDER: (
        gettext_noop("Je bent statushouder."),
        gettext_noop(
            "Deze hulp is voor statushouders: vluchtelingen met een verblijfsvergunning. "
            "Je hebt niet ingevuld dat je statushouder bent."
        ),
        gettext_noop(
            "We weten niet of je statushouder bent. "
            "Deze hulp is voor statushouders: vluchtelingen met een verblijfsvergunning."
        ),
    ),
    Role.INTEGRATION_DUTY: (
        gettext_noop("Je moet inburgeren."),
        gettext_noop(
            "Deze hulp is voor mensen die moeten inburgeren. Je hebt niet ingevuld dat je moet inburgeren."
        ),
        gettext_noop("We weten niet of je moet inburgeren. Deze hulp is voor mensen die moeten inburgeren."),
    ),
    Role.HOMELESS: (
        gettext_noop("Je hebt geen vaste woonplek."),
        gettext_noop(
            "Deze hulp is voor mensen zonder vaste woonplek. "
            "Je hebt niet ingevuld dat je geen vaste woonplek hebt."
        ),
        gettext_noop(
            "We weten niet of je een vaste woonplek hebt. Deze hulp is voor mensen zonder vaste woonplek."
        ),
    ),
    Role.LEAVING_INSTITUTION: (
        gettext_noop("Je komt uit een instelling of opvang."),
        gettext_noop(
            "Deze hulp is voor mensen die uit een instelling of opvang komen. "
            "Je hebt niet ingevuld dat dit voor jou geldt."
        ),
        gettext_noop(
            "We weten niet of je uit een instelling of opvang komt. "
            "Deze hulp is voor mensen die uit een instelling of opvang komen."
        ),
    ),
    Role.SCHOOL_LEAVER: (
        gettext_noop("Je gaat van het praktijkonderwijs (PrO) of voortgezet speciaal onderwijs (VSO) af."),
        gettext_noop(
            "Deze hulp is voor jongeren die van het praktijkonderwijs (PrO) "
            "of voortgezet speciaal onderwijs (VSO) af gaan. Je hebt niet ingevuld dat dit voor jou geldt."
        ),
        gettext_noop(
            "We weten niet of je van het praktijkonderwijs (PrO) of voortgezet speciaal onderwijs (VSO) "
            "af gaat. Deze hulp is voor jongeren van die scholen."
        ),
    ),
}


def _check_requirements(profile: Profile, criteria: Criteria, out: _Collector) -> None:
    # Iterate in the fixed Requirement order (frozensets have none) so reasons are stable.
    for requirement in Requirement:
        if requirement not in criteria.requires:
            continue
        if requirement is Requirement.CHILDREN_AT_HOME:
            _check_children_at_home(profile, out)
        elif requirement is Requirement.ASSESSMENT:
            text = _("Voor deze hulp kijkt de gemeente eerst wat je nodig hebt (indicatie).")
            if Role.ASSESSMENT in profile.roles:
                # An existing indication may cover other help, so it does not lift the caveat.
                text += " " + _("Je hebt al een indicatie; vraag na of deze hulp daarbij hoort.")
                out.caveats.append(Reason(requirement, text))
            else:
                # Nothing the resident answered supports "likely": the assessment decides, so say so.
                text += " " + _("Of je deze hulp krijgt, hoor je na dat gesprek.")
                out.unchecked.append(Reason(requirement, text))
        elif requirement is Requirement.REFERRAL:
            text = _(
                "Voor deze hulp heb je een verwijzing nodig van je huisarts of het Sociaal Kernteam (SKT)."
            )
            if Role.REFERRAL in profile.roles:
                text += " " + _("Je hebt al een verwijzing; neem die mee als je de hulp aanvraagt.")
                out.caveats.append(Reason(requirement, text))
            else:
                text += " " + _("Vraag je huisarts of het SKT of deze hulp bij je past.")
                out.unchecked.append(Reason(requirement, text))
        else:
            passed, failed, unchecked = _ROLE_TEXTS[requirement]
            if requirement in profile.roles:
                out.passed.append(Reason(requirement, _(passed)))
            elif profile.roles_known:
                out.failed.append(Reason(requirement, _(failed)))
            else:
                out.unchecked.append(Reason(requirement, _(unchecked)))


def _check_children_at_home(profile: Profile, out: _Collector) -> None:
    at_home = profile.children_at_home()
    if at_home:
        out.passed.append(Reason(Requirement.CHILDREN_AT_HOME, _("Er wonen kinderen bij je thuis.")))
    elif at_home is False:
        text = _(
            "Deze hulp is voor gezinnen met kinderen thuis. "
            "Je hebt ingevuld dat er geen kinderen bij je thuis wonen."
        )
        out.failed.append(Reason(Requirement.CHILDREN_AT_HOME, text))
    else:
        text = _(
            "We weten niet of er kinderen bij je thuis wonen. Deze hulp is voor gezinnen met kinderen thuis."
        )
        out.unchecked.append(Reason(Requirement.CHILDREN_AT_HOME, text))
