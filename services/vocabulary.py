"""The fixed value sets of the domain, spelled once.

These strings are stored in the database, travel in the JSON APIs (DESIGN.md's contract) and are
compared by the eligibility engine, the questionnaire and the ranking, so each is written here and only
here. Standard library only: the pure engine (``services/eligibility``) and ``search/ranking.py`` use
these enums directly. Labels for people (admin, forms) are added in ``services/choices.py``.

``StrEnum`` members are ``str``: they compare and hash equal to the plain strings that come from the
database, forms and JSON, so ``"dakloos" in {Role.HOMELESS}`` holds.
"""

from enum import StrEnum
from types import MappingProxyType


class PyramidLevel(StrEnum):
    """Westland's pyramid of care, lightest help first (the order is the policy)."""

    SOCIAL_BASE = "sociale_basis"
    FREELY_ACCESSIBLE = "vrij_toegankelijk"
    TAILORED = "maatwerk"
    SPECIALIST = "specialistisch"


PYRAMID_ORDER = MappingProxyType({level.value: index for index, level in enumerate(PyramidLevel, start=1)})
"""Pyramid level → 1 (lightest) … 4 (heaviest)."""


class ServiceStatus(StrEnum):
    ACTIVE = "active"
    TEMPORARILY_CLOSED = "temporarily_closed"
    ENDED = "ended"


class Unanswered(StrEnum):
    """Options that mean "we do not know" rather than an answer; they count as not answered."""

    UNKNOWN = "unknown"
    PREFER_NOT = "prefer_not"


class ForWhom(StrEnum):
    """Who the resident looks for help for; the questions then describe that person."""

    SELF = "self"
    CHILD = "child"
    CARED_FOR = "cared_for"
    WORRIED_ABOUT = "worried_about"


class Household(StrEnum):
    ALONE = "alone"
    PARTNER = "partner"
    PARTNER_CHILDREN = "partner_children"
    SINGLE_PARENT = "single_parent"
    OTHER = "other"


HOUSEHOLDS_WITH_CHILDREN = frozenset({Household.PARTNER_CHILDREN, Household.SINGLE_PARENT})
HOUSEHOLDS_WITHOUT_CHILDREN = frozenset({Household.ALONE, Household.PARTNER})


class IncomeAnswer(StrEnum):
    """The resident's answer about income: never an amount, because we never ask for one."""

    BIJSTAND = "bijstand"
    LOW = "low"
    NOT_LOW = "not_low"
    UNKNOWN = Unanswered.UNKNOWN.value
    PREFER_NOT = Unanswered.PREFER_NOT.value


class IncomeRule(StrEnum):
    """A service's income condition, as the editors enter it."""

    NONE = "none"
    BIJSTAND = IncomeAnswer.BIJSTAND.value
    LOW_INCOME = "low_income"


class Residence(StrEnum):
    """Where a resident must live to use a service."""

    ANYWHERE = "anywhere"
    WESTLAND = "westland"
    KERNEN = "kernen"


class Role(StrEnum):
    """Special situations of a resident that services may require (the engine's ``Profile.roles``).

    The order is the order in which the suggestions API lists the accepted values.
    """

    CARER = "mantelzorger"
    STATUS_HOLDER = "statushouder"
    INTEGRATION_DUTY = "inburgeringsplichtig"
    HOMELESS = "dakloos"
    LEAVING_INSTITUTION = "uitstroom_instelling"
    SCHOOL_LEAVER = "schoolverlater_pro_vso"
    ASSESSMENT = "indicatie"
    REFERRAL = "verwijzing"


class Requirement(StrEnum):
    """A service's other conditions: children at home, or a role the resident must have.

    The order is the order in which the engine reports reasons. A role requirement and the role share
    their value, so ``requirement in profile.roles`` is the check.
    """

    CHILDREN_AT_HOME = "kinderen_thuis"
    CARER = Role.CARER.value
    STATUS_HOLDER = Role.STATUS_HOLDER.value
    INTEGRATION_DUTY = Role.INTEGRATION_DUTY.value
    HOMELESS = Role.HOMELESS.value
    LEAVING_INSTITUTION = Role.LEAVING_INSTITUTION.value
    SCHOOL_LEAVER = Role.SCHOOL_LEAVER.value
    ASSESSMENT = Role.ASSESSMENT.value
    REFERRAL = Role.REFERRAL.value


# Arranged through the application itself, so they never exclude anyone; they only add a caveat.
INFORMATIONAL_REQUIREMENTS = (Requirement.ASSESSMENT, Requirement.REFERRAL)
# Checked against Profile.roles.
ROLE_REQUIREMENTS = tuple(
    r for r in Requirement if r is not Requirement.CHILDREN_AT_HOME and r not in INFORMATIONAL_REQUIREMENTS
)


class SpecialSituation(StrEnum):
    """The questionnaire's "does one of these apply?" options (roles in the resident's own words)."""

    CARER = "mantelzorger"
    PARTNER_DIED = "partner_died"
    READING = "reading"
    STATUS_HOLDER = "statushouder"
    INTEGRATION = "inburgeren"
    HOMELESS = "homeless"
    LEAVING_INSTITUTION = "leaving_institution"
    SCHOOL_LEAVER = "school_leaver"
    REFERRAL = "referral"
    INDICATION = "indication"


class Urgency(StrEnum):
    """How heavy it is for the resident now; "can't cope" with a safety answer puts crisis help first."""

    QUESTION = "question"
    SOME_HELP = "some_help"
    CANT_COPE = "cant_cope"
