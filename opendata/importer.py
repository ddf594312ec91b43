"""Read an HSDS 3.0 data package (as ``exporter`` writes it) into organisations, locations and services.

All or nothing: every file and every record is checked first (HSDS schema, references, our taxonomies,
and the same model validation editors get), and every problem is reported with its table, record id
and field. Only a package without problems is written, inside one database transaction.

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

import datetime
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify

from wagtail.models import Page

from services.choices import ServiceStatus
from services.models import (
    Kern,
    LifeSituation,
    Location,
    OpeningException,
    OpeningHours,
    Organisation,
    ServiceIndexPage,
    ServicePage,
    ServicePartnerInfo,
    TargetGroup,
)

from . import ids, mapping, validation
from .exporter import PARTNER_FILE, TABLES
from .profile import (
    EXTENSION_KEY,
    FLAG_CLOSED_ALL_DAY,
    FLAG_GENERAL_KNOWLEDGE,
    FLAG_PROVIDER_UNKNOWN,
    FLAG_REGIONAL,
    LINK_TYPE_BY_CODE,
    STATUS_FROM_HSDS,
    WHEELCHAIR_DESCRIPTIONS,
    terms_by_id,
)

TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$")
# Nested values a flat row may carry and we ignore (our own API puts the term inside attributes).
IGNORED_NESTED = ("taxonomy_term", "taxonomy_detail", EXTENSION_KEY)

SERVICE_FIELDS = {
    "title": "name",
    "slug": "hulpzoeker.slug",
    "summary": "description",
    "next_step": "application_process",
    "website": "url",
    "email": "email",
    "phone": "phones",
    "whatsapp": "phones",
    "languages": "languages",
    "what_to_bring": "required_documents",
    "cost": "attributes (cost)",
    "cost_note": "fees_description",
    "min_age": "minimum_age",
    "max_age": "maximum_age",
    "income_rule": "attributes (income_rule)",
    "income_max_pct": "attributes (income_rule value)",
    "residence": "attributes (residence)",
    "requirements": "attributes (requirement)",
    "access_channels": "attributes (access_channel)",
    "pyramid_level": "attributes (pyramid_level)",
    "eligibility_description": "eligibility_description",
    "status": "status",
    "status_alert": "alert",
    "checked_on": "assured_date",
    "regional": "attributes (service_flag)",
    "is_general_knowledge": "attributes (service_flag)",
    "facts": "hulpzoeker.facts",
    "sources": "hulpzoeker.sources",
    "body": "hulpzoeker.body",
}
ORGANISATION_FIELDS = {
    "name": "name",
    "slug": "hulpzoeker.slug",
    "kind": "attributes (organisation_kind)",
    "description": "description",
    "website": "website",
    "phone": "phones",
    "email": "email",
    "is_placeholder": "attributes (organisation_flag)",
}
LOCATION_FIELDS = {
    "name": "name",
    "street_address": "addresses.address_1",
    "postcode": "addresses.postal_code",
    "kern": "attributes (location_kern)",
    "city": "addresses.city",
    "latitude": "latitude",
    "longitude": "longitude",
    "wheelchair_access": "accessibility",
    "hours_known": "hulpzoeker.hours_known",
    "hours_note": "hulpzoeker.hours_note",
}
PARTNER_FIELDS = ("contact_person", "direct_line", "email", "referral_notes")


class ImportProblems(Exception):
    """The package was not imported. ``problems`` lists every problem found, one line each."""

    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class Report:
    created: dict = field(default_factory=lambda: {"organizations": 0, "locations": 0, "services": 0})
    updated: dict = field(default_factory=lambda: {"organizations": 0, "locations": 0, "services": 0})
    unchanged: dict = field(default_factory=lambda: {"organizations": 0, "locations": 0, "services": 0})
    notes: list = field(default_factory=list)


@dataclass
class Plan:
    """What one package record will do: the model fields, relations and the record it updates."""

    table: str
    id: str
    existing: object = None
    fields: dict = field(default_factory=dict)
    relations: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


class Problems(list):
    def add(self, table, record_id, field_name, message):
        where = f"{table} {record_id}" if record_id else table
        self.append(f"{where}: {field_name}: {message}" if field_name else f"{where}: {message}")

    def add_validation_error(self, table, record_id, error: ValidationError, names: dict):
        if hasattr(error, "error_dict"):
            for model_field, errors in error.error_dict.items():
                for item in errors:
                    self.add(table, record_id, names.get(model_field, model_field), " ".join(item.messages))
        else:
            for message in error.messages:
                self.add(table, record_id, "(record)", message)


# --- Reading ----------------------------------------------------------------------------------------


def read_package(path) -> tuple[dict, list | None, Problems]:
    """The tables of a package directory (or of the directory of a ``datapackage.json``)."""
    problems = Problems()
    root = Path(path)
    if root.is_file() and root.name == "datapackage.json":
        root = root.parent
    if not root.is_dir():
        problems.add(
            str(path), "", "", "not a data package directory (expected a directory with datapackage.json)"
        )
        return {}, None, problems
    tables = {}
    for table in ("datapackage", *TABLES):
        file = root / f"{table}.json"
        if not file.exists():
            if table in ("datapackage", "services"):
                problems.add(file.name, "", "", "file is missing")
            tables[table] = []
            continue
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.add(file.name, "", "", f"not valid JSON: {error}")
            continue
        if table == "datapackage":
            if not isinstance(data, dict):
                problems.add(file.name, "", "", "must be a JSON object")
            continue
        if not isinstance(data, list):
            problems.add(file.name, "", "", "must be a JSON array of records")
            continue
        tables[table] = data
    partner = None
    partner_file = root / PARTNER_FILE
    if partner_file.exists():
        try:
            data = json.loads(partner_file.read_text(encoding="utf-8"))
            partner = data.get("partner_info") if isinstance(data, dict) else None
            if not isinstance(partner, list):
                problems.add(PARTNER_FILE, "", "partner_info", "must be a list")
                partner = None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.add(PARTNER_FILE, "", "", f"not valid JSON: {error}")
    return tables, partner, problems


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


def _children(rows: dict, key: str) -> dict[str, list[dict]]:
    grouped = {}
    for row in rows.values():
        if row.get(key):
            grouped.setdefault(row[key], []).append(row)
    return grouped


# --- Attributes -------------------------------------------------------------------------------------


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


def _codes(attributes, link_type):
    return [term.code for code, term, _value in attributes if code == link_type]


def _single(attributes, link_type, table, record_id, problems, *, default=None, required=False):
    found = [(term.code, value) for code, term, value in attributes if code == link_type]
    if len(found) > 1:
        problems.add(table, record_id, f"attributes ({link_type})", "give at most one")
    if not found:
        if required:
            problems.add(table, record_id, f"attributes ({link_type})", "is required: give exactly one")
        return default, None
    return found[0]


# --- References -------------------------------------------------------------------------------------

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


# --- Planning ---------------------------------------------------------------------------------------


def _extension(row, table, record_id, problems) -> dict:
    value = row.get(EXTENSION_KEY, {})
    if not isinstance(value, dict):
        problems.add(table, record_id, EXTENSION_KEY, "must be an object")
        return {}
    return value


def _string_list(value, table, record_id, name, problems):
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) and "\n" not in item for item in value):
        problems.add(table, record_id, name, "must be a list of single-line texts")
        return []
    return value


def _new_slug(extension, row, table, record_id, problems):
    slug = extension.get("slug")
    if slug is None:
        return slugify(row.get("name", ""))[:80]
    if not isinstance(slug, str):
        problems.add(table, record_id, "hulpzoeker.slug", "must be text")
        return ""
    return slug


def _phones(phone_rows, table, record_id, problems, *, whatsapp_allowed):
    voice, whatsapp = "", ""
    for row in phone_rows:
        is_whatsapp = row.get("type") == "text" or row.get("description", "").lower() == "whatsapp"
        if is_whatsapp and whatsapp_allowed and not whatsapp:
            whatsapp = row["number"]
        elif not is_whatsapp and row.get("type", "voice") in ("voice", "cell") and not voice:
            voice = row["number"]
        else:
            problems.add(
                table,
                record_id,
                "phones",
                f"phone {row['id']}: only one phone number"
                + (" and one WhatsApp number" if whatsapp_allowed else "")
                + " can be stored",
            )
    return voice, whatsapp


def _decimal(value):
    # Via the shortest text form: a float such as 51.973 must stay 51.973, not 51.972999999...
    return None if value is None else Decimal(repr(value))


def _date(value, table, record_id, name, problems):
    try:
        day = parse_date(value) if isinstance(value, str) else None
    except ValueError:
        day = None
    if day is None:
        problems.add(table, record_id, name, "must be a date as YYYY-MM-DD")
    return day


def _time(value, table, record_id, name, problems):
    if not isinstance(value, str) or not TIME.match(value):
        problems.add(table, record_id, name, "must be a time as HH:MM (local time in Westland)")
        return None
    return datetime.time.fromisoformat(value)


def plan_organisations(rows, attributes, problems) -> dict[str, Plan]:
    existing = {ids.organization_id(org.slug): org for org in Organisation.objects.all()}
    by_slug = {org.slug: org for org in existing.values()}
    phones = _children(rows["phones"], "organization_id")
    plans = {}
    for oid, row in rows["organizations"].items():
        extension = _extension(row, "organizations", oid, problems)
        org = existing.get(oid)
        slug = org.slug if org else _new_slug(extension, row, "organizations", oid, problems)
        org = org or by_slug.get(slug)
        attrs = attributes.get(oid, [])
        kind, _value = _single(attrs, "organisation_kind", "organizations", oid, problems, default="overig")
        flags = _codes(attrs, "organisation_flag")
        for flag in flags:
            if flag != FLAG_PROVIDER_UNKNOWN:
                problems.add(
                    "organizations",
                    oid,
                    "attributes (organisation_flag)",
                    f"{flag} is not a flag for organizations",
                )
        phone, _ = _phones(phones.get(oid, []), "organizations", oid, problems, whatsapp_allowed=False)
        plans[oid] = Plan(
            "organizations",
            oid,
            existing=org,
            fields={
                "slug": slug,
                "name": row.get("name", ""),
                "kind": kind,
                "description": row.get("description", ""),
                "website": row.get("website", ""),
                "email": row.get("email", ""),
                "phone": phone,
                "is_placeholder": FLAG_PROVIDER_UNKNOWN in flags,
            },
        )
    return plans


def plan_schedules(schedule_rows, attributes, problems):
    """Weekly rows → OpeningHours, dated rows → OpeningException (unsaved, in package order)."""
    hours, exceptions = [], []
    for row in schedule_rows:
        sid = row["id"]
        before = len(problems)
        attrs = attributes.get(sid, [])
        kind, _value = _single(attrs, "opening_kind", "schedules", sid, problems, default="open")
        flags = _codes(attrs, "schedule_flag")
        for flag in flags:
            if flag != FLAG_CLOSED_ALL_DAY:
                problems.add(
                    "schedules", sid, "attributes (schedule_flag)", f"{flag} is not a flag for schedules"
                )
        if row.get("valid_from"):
            day = _date(row["valid_from"], "schedules", sid, "valid_from", problems)
            if row.get("valid_to") not in (None, row["valid_from"]):
                problems.add(
                    "schedules", sid, "valid_to", "a dated schedule is for one day: valid_to = valid_from"
                )
            closed = FLAG_CLOSED_ALL_DAY in flags
            opens = closes = None
            if not closed:
                opens = _time(row.get("opens_at"), "schedules", sid, "opens_at", problems)
                closes = _time(row.get("closes_at"), "schedules", sid, "closes_at", problems)
            item = OpeningException(
                date=day, closed=closed, opens=opens, closes=closes, kind=kind, note=row.get("notes", "")
            )
            target = exceptions
        elif row.get("freq") == "WEEKLY" and row.get("byday") in mapping.BYDAY:
            opens = _time(row.get("opens_at"), "schedules", sid, "opens_at", problems)
            closes = _time(row.get("closes_at"), "schedules", sid, "closes_at", problems)
            item = OpeningHours(
                weekday=mapping.BYDAY.index(row["byday"]), opens=opens, closes=closes, kind=kind
            )
            target = hours
        else:
            problems.add(
                "schedules",
                sid,
                "freq",
                "not understood: use freq WEEKLY with one day in byday (MO..SU), or valid_from for one date",
            )
            continue
        if len(problems) > before:
            continue
        try:
            item.clean_fields(exclude=["location", "sort_order", "id"])
            item.clean()
        except ValidationError as error:
            problems.add_validation_error(
                "schedules", sid, error, {"opens": "opens_at", "closes": "closes_at"}
            )
            continue
        target.append(item)
    return hours, exceptions


def plan_locations(rows, attributes, problems) -> dict[str, Plan]:
    existing = {ids.location_id(loc.pk): loc for loc in Location.objects.all()}
    kernen = {k.slug: k for k in Kern.objects.all()}
    addresses = _children(rows["addresses"], "location_id")
    accessibility = _children(rows["accessibility"], "location_id")
    schedules = _children(rows["schedules"], "location_id")
    plans = {}
    for lid, row in rows["locations"].items():
        extension = _extension(row, "locations", lid, problems)
        address = addresses.get(lid) or [{}]
        if len(address) > 1:
            problems.add("locations", lid, "addresses", "give at most one address")
        address = address[0]
        kern_code, _value = _single(attributes.get(lid, []), "location_kern", "locations", lid, problems)
        kern = kernen.get(kern_code) if kern_code else None
        city = address.get("city", "")
        if kern and city == kern.name:
            city = ""
        wheelchair = "unknown"
        for item in accessibility.get(lid, []):
            if item.get("details") in WHEELCHAIR_DESCRIPTIONS:
                wheelchair = item["details"]
            else:
                problems.add(
                    "accessibility", item["id"], "details", "must be yes, partly or no (wheelchair access)"
                )
        hours, exceptions = plan_schedules(schedules.get(lid, []), attributes, problems)
        hours_known = extension.get("hours_known", bool(hours or exceptions))
        if not isinstance(hours_known, bool):
            problems.add("locations", lid, "hulpzoeker.hours_known", "must be true or false")
            hours_known = False
        hours_note = extension.get("hours_note", "")
        if not isinstance(hours_note, str):
            problems.add("locations", lid, "hulpzoeker.hours_note", "must be text")
            hours_note = ""
        pk_hint = extension.get("pk")
        plans[lid] = Plan(
            "locations",
            lid,
            existing=existing.get(lid),
            fields={
                "name": row.get("name", ""),
                "street_address": address.get("address_1", ""),
                "postcode": address.get("postal_code", ""),
                "kern": kern,
                "city": city,
                "latitude": _decimal(row.get("latitude")),
                "longitude": _decimal(row.get("longitude")),
                "wheelchair_access": wheelchair,
                "hours_known": hours_known,
                "hours_note": hours_note,
            },
            relations={"opening_hours": hours, "opening_exceptions": exceptions},
            extra={
                "organization_id": row.get("organization_id", ""),
                # Only a key that really produced this id may be restored (see ids.location_id).
                "pk": pk_hint if type(pk_hint) is int and ids.location_id(pk_hint) == lid else None,
            },
        )
        if not row.get("organization_id"):
            problems.add(
                "locations", lid, "organization_id", "is required in Hulpzoeker: every location has an owner"
            )
    return plans


def _body(value, record_id, problems):
    from services.models import BodyBlock

    if value is None:
        return []
    allowed = BodyBlock().child_blocks
    if not isinstance(value, list) or not all(
        isinstance(item, dict) and item.get("type") in allowed and "value" in item for item in value
    ):
        problems.add(
            "services", record_id, "hulpzoeker.body", f"must be a list of blocks of type {', '.join(allowed)}"
        )
        return []
    return value


def _ages(row, sid, problems):
    ages = {}
    for hsds_name, model_name in (("minimum_age", "min_age"), ("maximum_age", "max_age")):
        value = row.get(hsds_name)
        if value is not None and not float(value).is_integer():
            problems.add("services", sid, hsds_name, "must be a whole number of years")
            value = None
        ages[model_name] = None if value is None else int(value)
    return ages


def _modified(row, sid, problems):
    if "last_modified" not in row:
        return None
    try:
        modified = parse_datetime(row["last_modified"])
    except ValueError:
        modified = None
    if modified is None or modified.tzinfo is None:
        problems.add(
            "services", sid, "last_modified", "must be a date-time with offset, e.g. 2025-01-31T09:00:00Z"
        )
        return None
    return modified


def plan_services(rows, attributes, problems) -> dict[str, Plan]:
    existing = {ids.service_id(page.slug): page for page in ServicePage.objects.all()}
    by_slug = {page.slug: page for page in existing.values()}
    situations = {s.slug: s for s in LifeSituation.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    kernen = {k.slug: k for k in Kern.objects.all()}
    phones = _children(rows["phones"], "service_id")
    languages = _children(rows["languages"], "service_id")
    documents = _children(rows["required_documents"], "service_id")
    links = _children(rows["service_at_locations"], "service_id")
    plans = {}
    for sid, row in rows["services"].items():
        extension = _extension(row, "services", sid, problems)
        page = existing.get(sid)
        slug = page.slug if page else _new_slug(extension, row, "services", sid, problems)
        page = page or by_slug.get(slug)
        attrs = attributes.get(sid, [])
        skip = set()

        def single(link_type, default, required=False, attrs=attrs, sid=sid):
            return _single(attrs, link_type, "services", sid, problems, default=default, required=required)

        pyramid, _v = single("pyramid_level", "", required=True)
        if not pyramid:
            skip.add("pyramid_level")
        income, income_value = single("income_rule", "none")
        residence, _v = single("residence", "anywhere")
        cost, _v = single("cost", "onbekend")
        income_pct = None
        if income_value not in (None, ""):
            if str(income_value).isdigit() and len(str(income_value)) <= 3:
                income_pct = int(income_value)
            else:
                problems.add("services", sid, "attributes (income_rule value)", "must be a whole percentage")
        life = _codes(attrs, "life_situation")
        if not life:
            problems.add("services", sid, "attributes (life_situation)", "give at least one life situation")
        flags = _codes(attrs, "service_flag")
        for flag in flags:
            if flag not in (FLAG_REGIONAL, FLAG_GENERAL_KNOWLEDGE):
                problems.add(
                    "services", sid, "attributes (service_flag)", f"{flag} is not a flag for services"
                )
        status = STATUS_FROM_HSDS.get(row.get("status", ""))
        if status is None:
            problems.add(
                "services",
                sid,
                "status",
                f"{row.get('status')!r} is not used here: use active, temporarily closed or defunct",
            )
            status = ServiceStatus.ACTIVE
        checked_on = None
        if "assured_date" in row:
            checked_on = _date(row["assured_date"], "services", sid, "assured_date", problems)
        if not row.get("organization_id"):
            problems.add(
                "services", sid, "organization_id", "is required in Hulpzoeker: every service has a provider"
            )
        voice, whatsapp = _phones(phones.get(sid, []), "services", sid, problems, whatsapp_allowed=True)
        what_to_bring = []
        for item in documents.get(sid, []):
            text = item.get("document", "")
            if not text.strip() or "\n" in text:
                problems.add("required_documents", item["id"], "document", "must be one line of text")
            what_to_bring.append(text.strip())
        plans[sid] = Plan(
            "services",
            sid,
            existing=page,
            fields={
                "slug": slug,
                "title": row.get("name", ""),
                "summary": row.get("description", ""),
                "next_step": row.get("application_process", ""),
                "website": row.get("url", ""),
                "email": row.get("email", ""),
                "phone": voice,
                "whatsapp": whatsapp,
                "languages": ", ".join(item["name"] for item in languages.get(sid, []) if item.get("name")),
                "what_to_bring": "\n".join(what_to_bring),
                "cost": cost,
                "cost_note": row.get("fees_description", ""),
                **_ages(row, sid, problems),
                "income_rule": income,
                "income_max_pct": income_pct,
                "residence": residence,
                "requirements": _codes(attrs, "requirement"),
                "access_channels": _codes(attrs, "access_channel"),
                "pyramid_level": pyramid,
                "eligibility_description": row.get("eligibility_description", ""),
                "status": status,
                "status_alert": row.get("alert", ""),
                "checked_on": checked_on,
                "regional": FLAG_REGIONAL in flags,
                "is_general_knowledge": FLAG_GENERAL_KNOWLEDGE in flags,
                "facts": "\n".join(
                    _string_list(extension.get("facts"), "services", sid, "hulpzoeker.facts", problems)
                ),
                "sources": "\n".join(
                    _string_list(extension.get("sources"), "services", sid, "hulpzoeker.sources", problems)
                ),
                "body": _body(extension.get("body"), sid, problems),
            },
            relations={
                "life_situations": [situations[c] for c in life if c in situations],
                "target_groups": [groups[c] for c in _codes(attrs, "target_group") if c in groups],
                "kernen": [kernen[c] for c in _codes(attrs, "kern_served") if c in kernen],
                "residence_kernen": [kernen[c] for c in _codes(attrs, "residence_kern") if c in kernen],
            },
            extra={
                "organization_id": row.get("organization_id", ""),
                "location_ids": [link["location_id"] for link in links.get(sid, [])],
                "last_modified": _modified(row, sid, problems),
                "skip": skip,
            },
        )
    return plans


def plan_partner_info(partner, services, problems):
    for index, row in enumerate(partner or []):
        record = row.get("service_id") if isinstance(row, dict) else None
        if not isinstance(record, str) or record not in services:
            problems.add(
                PARTNER_FILE,
                record or f"#{index + 1}",
                "service_id",
                "no service with this id in the package",
            )
            continue
        values = {name: row.get(name, "") for name in PARTNER_FIELDS}
        if not all(isinstance(value, str) for value in values.values()):
            problems.add(PARTNER_FILE, record, "", "all partner fields must be text")
            continue
        try:
            ServicePartnerInfo(**values).clean_fields(exclude=["page", "id"])
        except ValidationError as error:
            problems.add_validation_error(PARTNER_FILE, record, error, {})
            continue
        services[record].extra["partner_info"] = values


# --- Model validation -------------------------------------------------------------------------------


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
        if org_id and org_id not in known_orgs:
            problems.add(
                "locations",
                plan.id,
                "organization_id",
                "no organization with this id in the package or database",
            )
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
        org_id = plan.extra["organization_id"]
        if org_id and org_id not in known_orgs:
            problems.add(
                "services",
                plan.id,
                "organization_id",
                "no organization with this id in the package or database",
            )
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


# --- Writing ----------------------------------------------------------------------------------------


def _state(obj, names):
    return {name: getattr(obj, name) for name in names}


def write_organisations(plans, report) -> dict[str, Organisation]:
    result = {}
    for plan in plans.values():
        org = plan.existing
        if org is None:
            org = Organisation.objects.create(**plan.fields)
            report.created["organizations"] += 1
        elif _state(org, plan.fields) != plan.fields:
            for name, value in plan.fields.items():
                setattr(org, name, value)
            org.save()
            report.updated["organizations"] += 1
        else:
            report.unchanged["organizations"] += 1
        if ids.organization_id(org.slug) != plan.id:
            report.notes.append(f"organization {plan.id} is stored with id {ids.organization_id(org.slug)}")
        result[plan.id] = org
    return result


HOURS_FIELDS = ("weekday", "opens", "closes", "kind")
EXCEPTION_FIELDS = ("date", "closed", "opens", "closes", "kind", "note")


def _rows_state(rows, names):
    return [tuple(getattr(row, name) for name in names) for row in rows]


def _location_changed(location, fields, hours, exceptions):
    if _state(location, fields) != fields:
        return True
    if _rows_state(location.opening_hours.all(), HOURS_FIELDS) != _rows_state(hours, HOURS_FIELDS):
        return True
    return _rows_state(location.opening_exceptions.all(), EXCEPTION_FIELDS) != _rows_state(
        exceptions, EXCEPTION_FIELDS
    )


def write_locations(plans, organisations, report) -> dict[str, Location]:
    org_by_id = {ids.organization_id(o.slug): o for o in Organisation.objects.all()}
    org_by_id.update(organisations)
    result = {}
    restored_pk = False
    for plan in plans.values():
        fields = {**plan.fields, "organisation": org_by_id[plan.extra["organization_id"]]}
        hours, exceptions = plan.relations["opening_hours"], plan.relations["opening_exceptions"]
        location = (
            plan.existing
            or Location.objects.filter(
                organisation=fields["organisation"],
                name=fields["name"],
                street_address=fields["street_address"],
                postcode=fields["postcode"],
            ).first()
        )
        if location is None:
            pk = plan.extra["pk"]
            restore = pk is not None and not Location.objects.filter(pk=pk).exists()
            location = Location(pk=pk if restore else None, **fields)
            location.save()
            restored_pk |= restore
            report.created["locations"] += 1
        elif _location_changed(location, fields, hours, exceptions):
            for name, value in fields.items():
                setattr(location, name, value)
            location.save()
            OpeningHours.objects.filter(location=location).delete()
            OpeningException.objects.filter(location=location).delete()
            report.updated["locations"] += 1
        else:
            report.unchanged["locations"] += 1
            hours = exceptions = ()
        for rows in (hours, exceptions):
            for order, row in enumerate(rows):
                row.location, row.sort_order = location, order
                row.save()
        if ids.location_id(location.pk) != plan.id:
            report.notes.append(f"location {plan.id} is stored with id {ids.location_id(location.pk)}")
        result[plan.id] = location
    if restored_pk:
        # Rows inserted with their old keys: move the id sequence past them (no SQL on SQLite).
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Location]):
                cursor.execute(sql)
    return result


def _comparable(page):
    """The imported part of a page, in a form where equal content compares equal."""
    state = {name: getattr(page, name) for name in SERVICE_FIELDS if name != "body"}
    state["requirements"] = sorted(page.requirements)
    state["access_channels"] = sorted(page.access_channels)
    state["body"] = mapping.body_data(page)
    state["organisation_id"] = page.organisation_id
    for name in ("life_situations", "target_groups", "kernen", "residence_kernen", "locations"):
        state[name] = sorted(obj.pk for obj in getattr(page, name).all())
    state["partner_info"] = [_state(item, PARTNER_FIELDS) for item in page.partner_info.all()]
    return state


def write_services(plans, organisations, locations, *, publish, user, report):
    index_page = ServiceIndexPage.objects.first()
    location_objects = {ids.location_id(loc.pk): loc for loc in Location.objects.all()}
    location_objects.update(locations)
    org_by_id = {ids.organization_id(o.slug): o for o in Organisation.objects.all()}
    org_by_id.update(organisations)
    for plan in plans.values():
        is_new = plan.existing is None
        page = ServicePage() if is_new else plan.existing.get_latest_revision_as_object()
        before = None if is_new else _comparable(page)
        for name, value in plan.fields.items():
            setattr(page, name, value)
        page.organisation = org_by_id[plan.extra["organization_id"]]
        for name, value in plan.relations.items():
            setattr(page, name, value)
        page.locations = [location_objects[lid] for lid in plan.extra["location_ids"]]
        if "partner_info" in plan.extra:
            current = list(page.partner_info.all())
            info = current[0] if current else ServicePartnerInfo()
            for name, value in plan.extra["partner_info"].items():
                setattr(info, name, value)
            page.partner_info = [info]
        if ids.service_id(page.slug) != plan.id:
            report.notes.append(f"service {plan.id} is stored with id {ids.service_id(page.slug)}")
        if not is_new and _comparable(page) == before and (page.live or not publish):
            report.unchanged["services"] += 1
            continue
        if is_new:
            page.live = False
            index_page.add_child(instance=page)
            report.created["services"] += 1
        else:
            report.updated["services"] += 1
        # clean=False: validate_plans already ran the same model validation on every record.
        revision = page.save_revision(user=user, log_action=True, clean=False)
        if publish:
            revision.publish(user=user)
            if plan.extra["last_modified"] is not None:
                # Keep the source's modification time: moving content does not change it, and copies
                # that sync with modified_after rely on it.
                Page.objects.filter(pk=page.pk).update(last_published_at=plan.extra["last_modified"])


# --- Entry point ------------------------------------------------------------------------------------


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
    organisations = plan_organisations(rows, attributes, problems)
    locations = plan_locations(rows, attributes, problems)
    services = plan_services(rows, attributes, problems)
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
