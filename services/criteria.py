"""Turn a service page's structured criteria into the eligibility engine's plain data."""

from .eligibility import Criteria
from .models import ServicePage
from .vocabulary import IncomeRule, Requirement, Residence


def criteria_for(service: ServicePage) -> Criteria:
    """The engine's Criteria for a service, tolerant of half-edited data (it never raises).

    Editors' forms prevent contradictions, but data may come from imports or older revisions: an
    impossible age range or a dangling rule is dropped here rather than breaking a resident's page.
    """
    min_age, max_age = service.min_age, service.max_age
    if min_age is not None and max_age is not None and min_age > max_age:
        min_age = max_age = None
    income_rule = service.income_rule or IncomeRule.NONE
    income_max_pct = (
        service.income_max_pct if income_rule == IncomeRule.LOW_INCOME and service.income_max_pct else None
    )
    residence = service.residence or Residence.ANYWHERE
    residence_kernen = (
        frozenset(k.slug for k in service.residence_kernen.all())
        if residence == Residence.KERNEN
        else frozenset()
    )
    if residence == Residence.KERNEN and not residence_kernen:
        residence = Residence.WESTLAND
    return Criteria(
        min_age=min_age,
        max_age=max_age,
        income_rule=income_rule,
        income_max_pct=income_max_pct,
        residence=residence,
        residence_kernen=residence_kernen,
        requires=frozenset(r for r in service.requirements if r in frozenset(Requirement)),
        description=service.eligibility_description,
    )
