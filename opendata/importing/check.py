"""Check: every row against its HSDS table schema and our rules, then every plan against the models.

Nothing stops at the first problem: each is added to ``Problems`` with its table, record id and field,
and a broken field is left out so it is not reported again by a later stage.
"""

from django.core.exceptions import ValidationError

from services.models import Location, Organisation, ServicePage

from .. import ids, validation
from ..exporter import TABLES
from ..profile import EXTENSION_KEY, LINK_TYPE_BY_CODE, terms_by_id
from .fields import LOCATION_FIELDS, ORGANISATION_FIELDS, SERVICE_FIELDS
from .problems import Problems

# Nested values a flat row may carry and we ignore (our own API puts the term inside attributes).
IGNORED_NESTED = ("taxonomy_term", "taxonomy_detail", EXTENSION_KEY)


def _record_id(row, index):
    if isinstance(row, dict) and isinstance(row.get("id"), str) and row["id"]:
        return row["id"]
    return f"#{index + 1}"


def check_rows(tables: dict, problems: Problems) -> tuple[dict[str, dict[str, dict]], dict]:
    """Schema-check every row; return the rows per table by id, and the fields found broken.

    A broken field is reported and left out of the row, but the row stays: its other fields are
    still checked, so one run lists every problem, and references to the row do not fail as well.
    """
    by_id, broken = {}, {}
    for table, schema in TABLES.items():
        rows = {}
        for index, row in enumerate(tables.get(table, [])):
            record = _record_id(row, index)
            if not isinstance(row, dict):
                problems.add(table, record, "", "must be a JSON object")
                continue
            found = validation.problems(row, schema)
            for path, message in found:
                problems.add(table, record, path, message)
            for key, value in row.items():
                if isinstance(value, list | dict) and key not in IGNORED_NESTED:
                    problems.add(
                        table,
                        record,
                        key,
                        "nested records are not read in a data package; use their own table",
                    )
            if record in rows:
                problems.add(table, record, "id", "this id is used twice")
                continue
            bad = {path.split(".")[0] for path, _message in found}
            broken[(table, record)] = bad
            rows[record] = {key: value for key, value in row.items() if key not in bad or key == "id"}
        by_id[table] = rows
    return by_id, broken


ENTITY_TABLES = {
    "service": "services",
    "organization": "organizations",
    "location": "locations",
    "schedule": "schedules",
}


def resolve_attributes(rows: dict, problems: Problems) -> dict[str, list[tuple[str, object, str | None]]]:
    """``{link id: [(link_type, Term, value), ...]}`` for every valid attribute row."""
    terms = terms_by_id()
    result = {}
    for attribute_id, row in rows["attributes"].items():
        link_type = LINK_TYPE_BY_CODE.get(row.get("link_type", ""))
        if link_type is None:
            problems.add(
                "attributes",
                attribute_id,
                "link_type",
                f"unknown link_type {row.get('link_type')!r} (see the profile)",
            )
            continue
        term = terms.get(ids.parse(row.get("taxonomy_term_id", "")) or "")
        if term is None:
            problems.add(
                "attributes",
                attribute_id,
                "taxonomy_term_id",
                f"unknown taxonomy term {row.get('taxonomy_term_id')!r}: not in the Hulpzoeker taxonomies",
            )
            continue
        if term.taxonomy != link_type.taxonomy:
            problems.add(
                "attributes",
                attribute_id,
                "taxonomy_term_id",
                f"link_type {link_type.code} needs a term of {link_type.taxonomy}, not of {term.taxonomy}",
            )
            continue
        entity = row.get("link_entity") or link_type.entity
        if entity != link_type.entity:
            problems.add(
                "attributes",
                attribute_id,
                "link_entity",
                f"link_type {link_type.code} is for {link_type.entity}",
            )
            continue
        link_id = row.get("link_id", "")
        if link_id not in rows[ENTITY_TABLES[entity]]:
            problems.add(
                "attributes", attribute_id, "link_id", f"no {entity} with id {link_id!r} in the package"
            )
            continue
        result.setdefault(link_id, []).append((link_type.code, term, row.get("value")))
    return result


# table → the parent links each row needs (exactly one of them for phones).
REFERENCES = {
    "service_at_locations": (("service_id", "services"),),
    "phones": (("service_id", "services"), ("organization_id", "organizations")),
    "languages": (("service_id", "services"),),
    "required_documents": (("service_id", "services"),),
    "cost_options": (("service_id", "services"),),
    "service_areas": (("service_id", "services"),),
    "addresses": (("location_id", "locations"),),
    "accessibility": (("location_id", "locations"),),
    "schedules": (("location_id", "locations"),),
}


def check_references(rows, problems):
    """Every child row must hang under a record of the package (schedules under a location, ...)."""
    for table, links in REFERENCES.items():
        for record_id, row in rows[table].items():
            given = [(key, parent) for key, parent in links if row.get(key)]
            if len(given) != 1:
                names = " or ".join(key for key, _parent in links)
                problems.add(
                    table, record_id, names, f"give exactly one {names}" if len(links) > 1 else "is required"
                )
                continue
            key, parent = given[0]
            if row[key] not in rows[parent]:
                problems.add(table, record_id, key, f"no {parent[:-1]} with id {row[key]!r} in the package")


def _validate_instance(instance, names, table, record_id, problems, *, skip=()):
    """The model's own field validators and ``clean()``: the same rules editors get in the admin.

    ``skip``: model fields already reported (by the schema check), so they are not reported twice.
    """
    exclude = [f.name for f in instance._meta.fields if f.name not in names or f.name in skip]
    for check in (lambda: instance.clean_fields(exclude=exclude), instance.clean):
        try:
            check()
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                error = ValidationError({k: v for k, v in error.error_dict.items() if k not in skip})
            problems.add_validation_error(table, record_id, error, names)


def _skip(broken, table, record_id, names, also=()):
    bad = broken.get((table, record_id), set())
    return {model for model, hsds in names.items() if hsds.split(".")[0] in bad} | set(also)


def _check_unique(plans, table, problems):
    seen = {}
    for plan in plans.values():
        key = plan.existing.pk if plan.existing else plan.fields.get("slug")
        if key in seen and key not in (None, ""):
            problems.add(table, plan.id, "id", f"describes the same record as {seen[key]}")
        seen[key] = plan.id


def _check_owner(plan, known_orgs, problems):
    org_id = plan.extra["organization_id"]
    if org_id and org_id not in known_orgs:
        problems.add(
            plan.table, plan.id, "organization_id", "no organization with this id in the package or database"
        )


def validate_plans(organisations, locations, services, problems, broken):
    """Model validation of every planned record, and references to organisations and locations."""
    known_orgs = set(organisations) | {
        ids.organization_id(slug) for slug in Organisation.objects.values_list("slug", flat=True)
    }
    known_locations = set(locations) | {
        ids.location_id(pk) for pk in Location.objects.values_list("pk", flat=True)
    }
    for plan in organisations.values():
        org = Organisation(**plan.fields)
        org.pk = plan.existing.pk if plan.existing else None
        skip = _skip(broken, "organizations", plan.id, ORGANISATION_FIELDS)
        _validate_instance(org, ORGANISATION_FIELDS, "organizations", plan.id, problems, skip=skip)
    _check_unique(organisations, "organizations", problems)
    for plan in locations.values():
        org_id = plan.extra["organization_id"]
        _check_owner(plan, known_orgs, problems)
        skip = _skip(broken, "locations", plan.id, LOCATION_FIELDS)
        _validate_instance(
            Location(**plan.fields), LOCATION_FIELDS, "locations", plan.id, problems, skip=skip
        )
        moved_to = organisations.get(org_id)
        if (
            plan.existing
            and moved_to
            and moved_to.existing
            and moved_to.existing.pk != plan.existing.organisation_id
        ):
            problems.add(
                "locations",
                plan.id,
                "organization_id",
                "this id belongs to a location of another organisation",
            )
    for plan in services.values():
        _check_owner(plan, known_orgs, problems)
        for location_id in plan.extra["location_ids"]:
            if location_id not in known_locations:
                problems.add(
                    "service_at_locations", plan.id, "location_id", f"no location with id {location_id!r}"
                )
        page = ServicePage(**{k: v for k, v in plan.fields.items() if k != "body"})
        page.body = plan.fields["body"]
        if plan.existing:
            # Both keys: Wagtail excludes the page itself from the slug check by ``id``.
            page.pk = page.id = plan.existing.pk
            page.path, page.depth = plan.existing.path, plan.existing.depth
        skip = _skip(broken, "services", plan.id, SERVICE_FIELDS, also=plan.extra["skip"])
        _validate_instance(page, SERVICE_FIELDS, "services", plan.id, problems, skip=skip)
    _check_unique(services, "services", problems)
