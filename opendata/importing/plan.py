"""Plan: what each package record will create or update, as model field values, before anything is written.

Organisations, locations and services are planned by one function, ``plan_table``, driven by a
``TableDescription``: the model, how a stored record is found, which child tables belong to a record,
and a ``build`` function that maps one row to model fields. Problems found on the way (a second phone
number, an unknown flag, a time that is not HH:MM) are collected like the checks' problems.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify

from services.choices import ServiceStatus
from services.models import (
    BodyBlock,
    Kern,
    LifeSituation,
    Location,
    OpeningException,
    OpeningHours,
    Organisation,
    ServicePage,
    ServicePartnerInfo,
    TargetGroup,
)

from .. import ids, mapping
from ..exporter import PARTNER_FILE
from ..profile import (
    EXTENSION_KEY,
    FLAG_CLOSED_ALL_DAY,
    FLAG_GENERAL_KNOWLEDGE,
    FLAG_PROVIDER_UNKNOWN,
    FLAG_REGIONAL,
    STATUS_FROM_HSDS,
    WHEELCHAIR_DESCRIPTIONS,
)
from .fields import PARTNER_FIELDS
from .problems import Problems

TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$")


@dataclass
class Plan:
    """What one package record will do: the model fields, relations and the record it updates."""

    table: str
    id: str
    existing: object = None
    fields: dict = field(default_factory=dict)
    relations: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


class Record:
    """One package row while it is planned: its values, its attributes, and where its problems go."""

    def __init__(self, table: str, record_id: str, row: dict, attributes: list, problems: Problems):
        self.table = table
        self.id = record_id
        self.row = row
        self.attributes = attributes  # [(link_type, term, value)] from check.resolve_attributes
        self.problems = problems

    def problem(self, name, message):
        self.problems.add(self.table, self.id, name, message)

    @cached_property
    def extension(self) -> dict:
        """Our own fields (``hulpzoeker``), which HSDS leaves to a profile."""
        value = self.row.get(EXTENSION_KEY, {})
        if not isinstance(value, dict):
            self.problem(EXTENSION_KEY, "must be an object")
            return {}
        return value

    def codes(self, link_type) -> list[str]:
        """The term codes of every attribute of ``link_type``."""
        return [term.code for code, term, _value in self.attributes if code == link_type]

    def single(self, link_type, *, default=None, required=False) -> tuple:
        """``(term code, value)`` of the one attribute of ``link_type``; ``(default, None)`` without."""
        found = [(term.code, value) for code, term, value in self.attributes if code == link_type]
        if len(found) > 1:
            self.problem(f"attributes ({link_type})", "give at most one")
        if not found:
            if required:
                self.problem(f"attributes ({link_type})", "is required: give exactly one")
            return default, None
        return found[0]

    def flags(self, link_type, allowed) -> list[str]:
        """The flags of ``link_type``; a flag meant for another table is reported."""
        flags = self.codes(link_type)
        for flag in flags:
            if flag not in allowed:
                self.problem(f"attributes ({link_type})", f"{flag} is not a flag for {self.table}")
        return flags

    def new_slug(self) -> str:
        """The slug for a record we do not have yet: the package's own, or one made from the name."""
        slug = self.extension.get("slug")
        if slug is None:
            return slugify(self.row.get("name", ""))[:80]
        if not isinstance(slug, str):
            self.problem("hulpzoeker.slug", "must be text")
            return ""
        return slug

    def string_list(self, name) -> list[str]:
        value = self.extension.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(
            isinstance(item, str) and "\n" not in item for item in value
        ):
            self.problem(f"{EXTENSION_KEY}.{name}", "must be a list of single-line texts")
            return []
        return value

    def date(self, name):
        value = self.row[name]
        try:
            day = parse_date(value) if isinstance(value, str) else None
        except ValueError:
            day = None
        if day is None:
            self.problem(name, "must be a date as YYYY-MM-DD")
        return day

    def time(self, name):
        value = self.row.get(name)
        if not isinstance(value, str) or not TIME.match(value):
            self.problem(name, "must be a time as HH:MM (local time in Westland)")
            return None
        return datetime.time.fromisoformat(value)

    def phones(self, phone_rows, *, whatsapp_allowed) -> tuple[str, str]:
        """``(voice, whatsapp)``: our models hold one of each; any other number is reported."""
        voice, whatsapp = "", ""
        for row in phone_rows:
            is_whatsapp = row.get("type") == "text" or row.get("description", "").lower() == "whatsapp"
            if is_whatsapp and whatsapp_allowed and not whatsapp:
                whatsapp = row["number"]
            elif not is_whatsapp and row.get("type", "voice") in ("voice", "cell") and not voice:
                voice = row["number"]
            else:
                self.problem(
                    "phones",
                    f"phone {row['id']}: only one phone number"
                    + (" and one WhatsApp number" if whatsapp_allowed else "")
                    + " can be stored",
                )
        return voice, whatsapp


@dataclass(frozen=True)
class TableDescription:
    """How the records of one package table become plans for one model."""

    table: str
    model: type
    # Our derived package id of a stored record (see ``ids``): a row with that id updates it.
    stored_id: Callable[[object], str]
    # Fills ``plan.fields``/``relations``/``extra`` from one row: build(record, children, context, plan),
    # where context holds the lookups and every record's attributes.
    build: Callable[[Record, dict, dict, Plan], None]
    # A row with another system's id still updates the stored record with the same slug.
    match_by_slug: bool = False
    # name → (child table, key naming the parent): the child rows handed to ``build``.
    children: dict = field(default_factory=dict)
    # Model objects looked up once per import (kernen, life situations, ...), for ``build``'s context.
    lookups: Callable[[], dict] = dict
    # Message when a row has no organization_id; empty when an owner is not required.
    owner_required: str = ""


def _children(rows: dict, key: str) -> dict[str, list[dict]]:
    grouped = {}
    for row in rows.values():
        if row.get(key):
            grouped.setdefault(row[key], []).append(row)
    return grouped


def plan_table(description: TableDescription, rows, attributes, problems) -> dict[str, Plan]:
    """A plan per row of ``description.table``, keyed by the package's record id."""
    existing = {description.stored_id(obj): obj for obj in description.model.objects.all()}
    by_slug = {obj.slug: obj for obj in existing.values()} if description.match_by_slug else {}
    children = {name: _children(rows[table], key) for name, (table, key) in description.children.items()}
    context = {**description.lookups(), "attributes": attributes}
    plans = {}
    for record_id, row in rows[description.table].items():
        record = Record(description.table, record_id, row, attributes.get(record_id, []), problems)
        # Read now, so a broken extension is reported even when nothing below needs it.
        record.extension  # noqa: B018
        plan = Plan(description.table, record_id, existing=existing.get(record_id))
        if description.match_by_slug:
            slug = plan.existing.slug if plan.existing else record.new_slug()
            plan.existing = plan.existing or by_slug.get(slug)
            plan.fields["slug"] = slug
        description.build(
            record, {name: grouped.get(record_id, []) for name, grouped in children.items()}, context, plan
        )
        if description.owner_required and not row.get("organization_id"):
            record.problem("organization_id", description.owner_required)
        plans[record_id] = plan
    return plans


# --- Organisations ----------------------------------------------------------------------------------


def _build_organisation(record, children, context, plan):
    row = record.row
    kind, _value = record.single("organisation_kind", default="overig")
    flags = record.flags("organisation_flag", {FLAG_PROVIDER_UNKNOWN})
    phone, _ = record.phones(children["phones"], whatsapp_allowed=False)
    plan.fields.update(
        name=row.get("name", ""),
        kind=kind,
        description=row.get("description", ""),
        website=row.get("website", ""),
        email=row.get("email", ""),
        phone=phone,
        is_placeholder=FLAG_PROVIDER_UNKNOWN in flags,
    )


ORGANISATIONS = TableDescription(
    table="organizations",
    model=Organisation,
    stored_id=lambda org: ids.organization_id(org.slug),
    build=_build_organisation,
    match_by_slug=True,
    children={"phones": ("phones", "organization_id")},
)


# --- Locations --------------------------------------------------------------------------------------


def _decimal(value):
    # Via the shortest text form: a float such as 51.973 must stay 51.973, not 51.972999999...
    return None if value is None else Decimal(repr(value))


def plan_schedules(schedule_rows, attributes, problems):
    """Weekly rows → OpeningHours, dated rows → OpeningException (unsaved, in package order)."""
    hours, exceptions = [], []
    for row in schedule_rows:
        record = Record("schedules", row["id"], row, attributes.get(row["id"], []), problems)
        before = len(problems)
        kind, _value = record.single("opening_kind", default="open")
        flags = record.flags("schedule_flag", {FLAG_CLOSED_ALL_DAY})
        if row.get("valid_from"):
            day = record.date("valid_from")
            if row.get("valid_to") not in (None, row["valid_from"]):
                record.problem("valid_to", "a dated schedule is for one day: valid_to = valid_from")
            closed = FLAG_CLOSED_ALL_DAY in flags
            opens = closes = None
            if not closed:
                opens, closes = record.time("opens_at"), record.time("closes_at")
            item = OpeningException(
                date=day, closed=closed, opens=opens, closes=closes, kind=kind, note=row.get("notes", "")
            )
            target = exceptions
        elif row.get("freq") == "WEEKLY" and row.get("byday") in mapping.BYDAY:
            opens, closes = record.time("opens_at"), record.time("closes_at")
            item = OpeningHours(
                weekday=mapping.BYDAY.index(row["byday"]), opens=opens, closes=closes, kind=kind
            )
            target = hours
        else:
            record.problem(
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
                "schedules", record.id, error, {"opens": "opens_at", "closes": "closes_at"}
            )
            continue
        target.append(item)
    return hours, exceptions


def _build_location(record, children, context, plan):
    row, extension = record.row, record.extension
    address = children["addresses"] or [{}]
    if len(address) > 1:
        record.problem("addresses", "give at most one address")
    address = address[0]
    kern_code, _value = record.single("location_kern")
    kern = context["kernen"].get(kern_code) if kern_code else None
    city = address.get("city", "")
    if kern and city == kern.name:
        city = ""
    wheelchair = "unknown"
    for item in children["accessibility"]:
        if item.get("details") in WHEELCHAIR_DESCRIPTIONS:
            wheelchair = item["details"]
        else:
            record.problems.add(
                "accessibility", item["id"], "details", "must be yes, partly or no (wheelchair access)"
            )
    hours, exceptions = plan_schedules(children["schedules"], context["attributes"], record.problems)
    hours_known = extension.get("hours_known", bool(hours or exceptions))
    if not isinstance(hours_known, bool):
        record.problem("hulpzoeker.hours_known", "must be true or false")
        hours_known = False
    hours_note = extension.get("hours_note", "")
    if not isinstance(hours_note, str):
        record.problem("hulpzoeker.hours_note", "must be text")
        hours_note = ""
    pk_hint = extension.get("pk")
    plan.fields.update(
        name=row.get("name", ""),
        street_address=address.get("address_1", ""),
        postcode=address.get("postal_code", ""),
        kern=kern,
        city=city,
        latitude=_decimal(row.get("latitude")),
        longitude=_decimal(row.get("longitude")),
        wheelchair_access=wheelchair,
        hours_known=hours_known,
        hours_note=hours_note,
    )
    plan.relations.update(opening_hours=hours, opening_exceptions=exceptions)
    plan.extra.update(
        organization_id=row.get("organization_id", ""),
        # Only a key that really produced this id may be restored (see ids.location_id).
        pk=pk_hint if type(pk_hint) is int and ids.location_id(pk_hint) == record.id else None,
    )


LOCATIONS = TableDescription(
    table="locations",
    model=Location,
    stored_id=lambda location: ids.location_id(location.pk),
    build=_build_location,
    children={
        "addresses": ("addresses", "location_id"),
        "accessibility": ("accessibility", "location_id"),
        "schedules": ("schedules", "location_id"),
    },
    lookups=lambda: {"kernen": {k.slug: k for k in Kern.objects.all()}},
    owner_required="is required in Hulpzoeker: every location has an owner",
)


# --- Services ---------------------------------------------------------------------------------------


def _body(record):
    value = record.extension.get("body")
    if value is None:
        return []
    allowed = BodyBlock().child_blocks
    if not isinstance(value, list) or not all(
        isinstance(item, dict) and item.get("type") in allowed and "value" in item for item in value
    ):
        record.problem("hulpzoeker.body", f"must be a list of blocks of type {', '.join(allowed)}")
        return []
    return value


def _ages(record):
    ages = {}
    for hsds_name, model_name in (("minimum_age", "min_age"), ("maximum_age", "max_age")):
        value = record.row.get(hsds_name)
        if value is not None and not float(value).is_integer():
            record.problem(hsds_name, "must be a whole number of years")
            value = None
        ages[model_name] = None if value is None else int(value)
    return ages


def _modified(record):
    if "last_modified" not in record.row:
        return None
    try:
        modified = parse_datetime(record.row["last_modified"])
    except ValueError:
        modified = None
    if modified is None or modified.tzinfo is None:
        record.problem("last_modified", "must be a date-time with offset, e.g. 2025-01-31T09:00:00Z")
        return None
    return modified


def _build_service(record, children, context, plan):
    row = record.row
    pyramid, _v = record.single("pyramid_level", default="", required=True)
    income, income_value = record.single("income_rule", default="none")
    residence, _v = record.single("residence", default="anywhere")
    cost, _v = record.single("cost", default="onbekend")
    income_pct = None
    if income_value not in (None, ""):
        if str(income_value).isdigit() and len(str(income_value)) <= 3:
            income_pct = int(income_value)
        else:
            record.problem("attributes (income_rule value)", "must be a whole percentage")
    life = record.codes("life_situation")
    if not life:
        record.problem("attributes (life_situation)", "give at least one life situation")
    flags = record.flags("service_flag", {FLAG_REGIONAL, FLAG_GENERAL_KNOWLEDGE})
    status = STATUS_FROM_HSDS.get(row.get("status", ""))
    if status is None:
        record.problem(
            "status", f"{row.get('status')!r} is not used here: use active, temporarily closed or defunct"
        )
        status = ServiceStatus.ACTIVE
    checked_on = record.date("assured_date") if "assured_date" in row else None
    voice, whatsapp = record.phones(children["phones"], whatsapp_allowed=True)
    what_to_bring = []
    for item in children["documents"]:
        text = item.get("document", "")
        if not text.strip() or "\n" in text:
            record.problems.add("required_documents", item["id"], "document", "must be one line of text")
        what_to_bring.append(text.strip())
    situations, groups, kernen = context["situations"], context["groups"], context["kernen"]
    plan.fields.update(
        title=row.get("name", ""),
        summary=row.get("description", ""),
        next_step=row.get("application_process", ""),
        website=row.get("url", ""),
        email=row.get("email", ""),
        phone=voice,
        whatsapp=whatsapp,
        languages=", ".join(item["name"] for item in children["languages"] if item.get("name")),
        what_to_bring="\n".join(what_to_bring),
        cost=cost,
        cost_note=row.get("fees_description", ""),
        **_ages(record),
        income_rule=income,
        income_max_pct=income_pct,
        residence=residence,
        requirements=record.codes("requirement"),
        access_channels=record.codes("access_channel"),
        pyramid_level=pyramid,
        eligibility_description=row.get("eligibility_description", ""),
        status=status,
        status_alert=row.get("alert", ""),
        checked_on=checked_on,
        regional=FLAG_REGIONAL in flags,
        is_general_knowledge=FLAG_GENERAL_KNOWLEDGE in flags,
        facts="\n".join(record.string_list("facts")),
        sources="\n".join(record.string_list("sources")),
        body=_body(record),
    )
    plan.relations.update(
        life_situations=[situations[c] for c in life if c in situations],
        target_groups=[groups[c] for c in record.codes("target_group") if c in groups],
        kernen=[kernen[c] for c in record.codes("kern_served") if c in kernen],
        residence_kernen=[kernen[c] for c in record.codes("residence_kern") if c in kernen],
    )
    plan.extra.update(
        organization_id=row.get("organization_id", ""),
        location_ids=[link["location_id"] for link in children["locations"]],
        last_modified=_modified(record),
        # No pyramid level is reported above; the model's own "required" would say it again.
        skip=set() if pyramid else {"pyramid_level"},
    )


SERVICES = TableDescription(
    table="services",
    model=ServicePage,
    stored_id=lambda page: ids.service_id(page.slug),
    build=_build_service,
    match_by_slug=True,
    children={
        "phones": ("phones", "service_id"),
        "languages": ("languages", "service_id"),
        "documents": ("required_documents", "service_id"),
        "locations": ("service_at_locations", "service_id"),
    },
    lookups=lambda: {
        "situations": {s.slug: s for s in LifeSituation.objects.all()},
        "groups": {g.slug: g for g in TargetGroup.objects.all()},
        "kernen": {k.slug: k for k in Kern.objects.all()},
    },
    owner_required="is required in Hulpzoeker: every service has a provider",
)


def plan_partner_info(partner, services, problems):
    """Partner-only contact data (not HSDS) onto the plans of the services it belongs to."""
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


def plan_package(rows, attributes, problems) -> tuple[dict, dict, dict]:
    """Plans for organisations, locations and services, in that order (services refer to both)."""
    return (
        plan_table(ORGANISATIONS, rows, attributes, problems),
        plan_table(LOCATIONS, rows, attributes, problems),
        plan_table(SERVICES, rows, attributes, problems),
    )
