"""Read an HSDS 3.0 data package (as ``exporter`` writes it) into organisations, locations and services.

All or nothing: every file and every record is checked first (HSDS schema, references, our taxonomies,
and the same model validation editors get), and every problem is reported with its table, record id
and field. Only a package without problems is written, inside one database transaction. The stages
live in ``opendata/importing/``: read → check → plan → write.

Matching: a record with the id of an existing record updates it; otherwise we look for the same slug
(services, organisations) or the same organisation + name + address (locations), so a package from
another system that uses its own UUIDs can be imported twice without duplicates. New records get our
own derived id (see ``ids``); the report says so when that differs from the package.

cost_options, service_areas, taxonomies and taxonomy_terms are checked against HSDS but not read: we
derive them from other fields (cost, kernen) or own them (our taxonomies).

Service pages become drafts (a new revision; new pages are not live) for editors to review, unless
``publish`` is set. Organisations and locations have no drafts in Hulpzoeker: their changes count
at once. Records missing from the package are left alone: an import never deletes.
"""

from django.db import transaction

from services.models import ServiceIndexPage

from .importing.check import check_references, check_rows, resolve_attributes, validate_plans
from .importing.plan import plan_package, plan_partner_info
from .importing.problems import ImportProblems
from .importing.read import read_package
from .importing.write import Report, write_locations, write_organisations, write_services

__all__ = ["ImportProblems", "Report", "import_package"]


def import_package(path, *, publish: bool = False, user=None) -> Report:
    """Check the whole package, then write it in one transaction.

    Raises ImportProblems (and writes nothing) when anything in the package is wrong.
    """
    tables, partner, problems = read_package(path)
    if problems:
        raise ImportProblems(problems)
    rows, broken = check_rows(tables, problems)
    check_references(rows, problems)
    attributes = resolve_attributes(rows, problems)
    organisations, locations, services = plan_package(rows, attributes, problems)
    plan_partner_info(partner, services, problems)
    if rows["contacts"]:
        problems.add(
            "contacts", "", "", "named contacts are not imported: in Hulpzoeker they are partner-only data"
        )
    validate_plans(organisations, locations, services, problems, broken)
    if services and ServiceIndexPage.objects.first() is None:
        problems.add("services", "", "", "there is no service overview page to put services under")
    if problems:
        raise ImportProblems(problems)
    report = Report()
    with transaction.atomic():
        organisation_objects = write_organisations(organisations, report)
        location_objects = write_locations(locations, organisation_objects, report)
        write_services(
            services, organisation_objects, location_objects, publish=publish, user=user, report=report
        )
    return report
