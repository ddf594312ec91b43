"""Write: apply the checked plans in one transaction (the caller opens it).

Service pages get a new revision, a draft for editors to review unless ``publish`` is set; new pages
are not live. Organisations and locations have no drafts in Hulpzoeker: their changes count at once.
A record whose imported fields did not change is left alone and counted as unchanged.
"""

from dataclasses import dataclass, field

from django.core.management.color import no_style
from django.db import connection

from wagtail.models import Page

from services.models import (
    Location,
    OpeningException,
    OpeningHours,
    Organisation,
    ServiceIndexPage,
    ServicePage,
    ServicePartnerInfo,
)

from .. import ids, mapping
from .fields import EXCEPTION_FIELDS, HOURS_FIELDS, PARTNER_FIELDS, SERVICE_FIELDS


@dataclass
class Report:
    """What an import did: records created, updated and unchanged per table, and notes for the reader."""

    created: dict = field(default_factory=lambda: {"organizations": 0, "locations": 0, "services": 0})
    updated: dict = field(default_factory=lambda: {"organizations": 0, "locations": 0, "services": 0})
    unchanged: dict = field(default_factory=lambda: {"organizations": 0, "locations": 0, "services": 0})
    notes: list = field(default_factory=list)


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
