"""Hulpzoeker records as HSDS 3.0 objects (plain dicts ready for JSON).

One mapping serves the read API, the data package export and (in reverse) the importer, so what the
API shows and what an export contains cannot drift apart. The conventions are written down for
consumers in ``profile.profile_document``.

Rules that keep every object valid against the HSDS schemas: optional fields that are empty are left
out (HSDS types are plain strings and numbers, never null), required fields are always present.

Partner-only data (``ServicePartnerInfo``) is never read here. The only way out for it is the
explicitly requested extension file of the exporter.
"""

from services.models import lines

from . import ids
from .profile import (
    ACCESS_CHANNEL,
    COST,
    EXTENSION_KEY,
    FIXED_TERMS,
    FLAG,
    FLAG_CLOSED_ALL_DAY,
    FLAG_GENERAL_KNOWLEDGE,
    FLAG_PROVIDER_UNKNOWN,
    FLAG_REGIONAL,
    INCOME_RULE,
    KERN,
    LANGUAGE_CODES,
    LIFE_SITUATION,
    OPENING_KIND,
    ORGANISATION_KIND,
    PROVINCE,
    PYRAMID_LEVEL,
    REQUIREMENT,
    RESIDENCE,
    STATUS_TO_HSDS,
    TARGET_GROUP,
    TAXONOMY_BY_CODE,
    WESTLAND_AREA_NAME,
    WHEELCHAIR_DESCRIPTIONS,
    Term,
    term_name,
)

BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ATTENDING_TYPES = {
    "open": "in person",
    "inloop": "in person",
    "op_afspraak": "in person",
    "telefonisch": "phone",
}

# Keys of nested objects and lists, with the data package table each one is flattened into.
NESTED_TABLES = {
    "organization": "organizations",
    "location": "locations",
    "service_at_locations": "service_at_locations",
    "phones": "phones",
    "schedules": "schedules",
    "service_areas": "service_areas",
    "languages": "languages",
    "cost_options": "cost_options",
    "required_documents": "required_documents",
    "contacts": "contacts",
    "attributes": "attributes",
    "addresses": "addresses",
    "accessibility": "accessibility",
    "funding": "funding",
}
# Nested copies that the data package carries in its own tables (terms) or not at all.
DROPPED_WHEN_FLAT = ("taxonomy_term", "taxonomy_detail")


def _compact(data: dict, *, keep: tuple = ()) -> dict:
    """Leave out empty optional values: HSDS fields are typed strings/numbers and do not allow null."""
    return {key: value for key, value in data.items() if key in keep or value not in (None, "")}


def _time(value) -> str:
    return value.strftime("%H:%M" if not value.second else "%H:%M:%S")


# --- Taxonomies -----------------------------------------------------------------------------------


def taxonomy_json(code: str) -> dict:
    spec = TAXONOMY_BY_CODE[code]
    return {
        "id": ids.taxonomy_id(spec.code),
        "name": spec.name,
        "description": spec.description,
        "version": "1",
    }


def term_json(term: Term) -> dict:
    return {
        "id": term.id,
        "code": term.code,
        "name": term.name,
        "description": term.description,
        "taxonomy": term.taxonomy,
        "taxonomy_id": ids.taxonomy_id(term.taxonomy),
        "language": "nl",
    }


def _fixed_term(taxonomy: str, code: str) -> Term:
    name = term_name(taxonomy, code)
    return Term(taxonomy, code, name, name)


def attribute_json(*, link_id: str, entity: str, link_type: str, term: Term, value=None) -> dict:
    """An HSDS attribute linking a record to one of our taxonomy terms (see profile.LINK_TYPES)."""
    data = {
        "id": ids.child_id(link_id, "attribute", f"{link_type}:{term.code}"),
        "link_id": link_id,
        "link_type": link_type,
        "link_entity": entity,
        "taxonomy_term_id": term.id,
        "value": None if value is None else str(value),
        "taxonomy_term": term_json(term),
    }
    return _compact(data)


def _kern_term(kern) -> Term:
    return Term(KERN, kern.slug, kern.name, f"Kern {kern.name} in de gemeente Westland")


# --- Organisations --------------------------------------------------------------------------------


def organization_json(organisation, *, nested: bool = True) -> dict:
    """An organisation; ``nested=False`` gives the one-to-one fields of the HSDS list shape."""
    oid = ids.organization_id(organisation.slug)
    data = _compact(
        {
            "id": oid,
            "name": organisation.name,
            "description": organisation.description,
            "email": organisation.email,
            "website": organisation.website,
        },
        keep=("description",),
    )
    data[EXTENSION_KEY] = {"slug": organisation.slug}
    if not nested:
        return data
    phones = []
    if organisation.phone:
        phones.append(
            {
                "id": ids.child_id(oid, "phone", "voice"),
                "organization_id": oid,
                "number": organisation.phone,
                "type": "voice",
            }
        )
    attributes = []
    if organisation.kind in FIXED_TERMS[ORGANISATION_KIND]:
        attributes.append(
            attribute_json(
                link_id=oid,
                entity="organization",
                link_type="organisation_kind",
                term=_fixed_term(ORGANISATION_KIND, organisation.kind),
            )
        )
    if organisation.is_placeholder:
        attributes.append(
            attribute_json(
                link_id=oid,
                entity="organization",
                link_type="organisation_flag",
                term=_fixed_term(FLAG, FLAG_PROVIDER_UNKNOWN),
            )
        )
    data.update(phones=phones, contacts=[], attributes=attributes)
    return data


# --- Locations ------------------------------------------------------------------------------------


def _schedule_attributes(schedule_id: str, kind: str, *, closed: bool = False) -> list:
    attributes = [
        attribute_json(
            link_id=schedule_id,
            entity="schedule",
            link_type="opening_kind",
            term=_fixed_term(OPENING_KIND, kind),
        )
    ]
    if closed:
        attributes.append(
            attribute_json(
                link_id=schedule_id,
                entity="schedule",
                link_type="schedule_flag",
                term=_fixed_term(FLAG, FLAG_CLOSED_ALL_DAY),
            )
        )
    return attributes


def _unique_key(seen: dict, key: str) -> str:
    """Content-based keys stay stable when rows are reordered; a counter separates exact duplicates."""
    seen[key] = seen.get(key, 0) + 1
    return key if seen[key] == 1 else f"{key}#{seen[key]}"


def location_schedules(location, lid: str) -> list:
    """Weekly opening hours and dated exceptions of a location as HSDS schedules."""
    schedules = []
    seen = {}
    for row in location.opening_hours.all():
        sid = ids.child_id(
            lid, "schedule", _unique_key(seen, f"weekly:{row.weekday}:{row.opens}:{row.closes}:{row.kind}")
        )
        schedules.append(
            {
                "id": sid,
                "location_id": lid,
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": BYDAY[row.weekday],
                "opens_at": _time(row.opens),
                "closes_at": _time(row.closes),
                "description": term_name(OPENING_KIND, row.kind),
                "attending_type": ATTENDING_TYPES.get(row.kind, "in person"),
                "attributes": _schedule_attributes(sid, row.kind),
            }
        )
    for row in location.opening_exceptions.all():
        day = row.date.isoformat()
        key = f"exception:{day}:{row.closed}:{row.opens}:{row.closes}:{row.kind}"
        sid = ids.child_id(lid, "schedule", _unique_key(seen, key))
        data = {
            "id": sid,
            "location_id": lid,
            "valid_from": day,
            "valid_to": day,
            "dtstart": day,
            "description": term_name(FLAG, FLAG_CLOSED_ALL_DAY)
            if row.closed
            else term_name(OPENING_KIND, row.kind),
            "notes": row.note,
            "attributes": _schedule_attributes(sid, row.kind, closed=row.closed),
        }
        if not row.closed:
            data["opens_at"] = _time(row.opens)
            data["closes_at"] = _time(row.closes)
            data["attending_type"] = ATTENDING_TYPES.get(row.kind, "in person")
        schedules.append(_compact(data))
    return schedules


def location_json(location) -> dict:
    """A location with its address, accessibility, opening hours and kern."""
    lid = ids.location_id(location.pk)
    kern = location.kern
    data = _compact(
        {
            "id": lid,
            "location_type": "physical",
            "organization_id": ids.organization_id(location.organisation.slug),
            "name": location.name,
            "latitude": None if location.latitude is None else float(location.latitude),
            "longitude": None if location.longitude is None else float(location.longitude),
        }
    )
    addresses = []
    if location.street_address or location.postcode:
        addresses.append(
            {
                "id": ids.child_id(lid, "address", "physical"),
                "location_id": lid,
                "address_1": location.street_address,
                "city": location.city or (kern.name if kern else ""),
                "state_province": PROVINCE if kern else "",
                "postal_code": location.postcode,
                "country": "NL",
                "address_type": "physical",
            }
        )
    accessibility = []
    if location.wheelchair_access in WHEELCHAIR_DESCRIPTIONS:
        accessibility.append(
            {
                "id": ids.child_id(lid, "accessibility", "wheelchair"),
                "location_id": lid,
                "description": WHEELCHAIR_DESCRIPTIONS[location.wheelchair_access],
                "details": location.wheelchair_access,
            }
        )
    attributes = []
    if kern:
        attributes.append(
            attribute_json(link_id=lid, entity="location", link_type="location_kern", term=_kern_term(kern))
        )
    data.update(
        addresses=addresses,
        accessibility=accessibility,
        schedules=location_schedules(location, lid),
        phones=[],
        languages=[],
        contacts=[],
        attributes=attributes,
    )
    extension = {"pk": location.pk, "hours_known": location.hours_known}
    if location.hours_note:
        extension["hours_note"] = location.hours_note
    data[EXTENSION_KEY] = extension
    return data


# --- Services -------------------------------------------------------------------------------------


def service_terms(page) -> list[tuple[str, Term, object]]:
    """``(link_type, term, value)`` for everything HSDS has no field for (see profile.LINK_TYPES)."""
    terms = [("pyramid_level", _fixed_term(PYRAMID_LEVEL, page.pyramid_level), None)]
    terms += [
        ("life_situation", Term(LIFE_SITUATION, s.slug, s.name, s.description or s.name), None)
        for s in page.life_situations.all()
    ]
    terms += [
        ("target_group", Term(TARGET_GROUP, g.slug, g.name, g.name), None) for g in page.target_groups.all()
    ]
    terms += [("requirement", _fixed_term(REQUIREMENT, value), None) for value in page.requirements]
    if page.income_rule in FIXED_TERMS[INCOME_RULE]:
        terms.append(("income_rule", _fixed_term(INCOME_RULE, page.income_rule), page.income_max_pct))
    if page.residence in FIXED_TERMS[RESIDENCE]:
        terms.append(("residence", _fixed_term(RESIDENCE, page.residence), None))
    terms += [
        ("residence_kern", _kern_term(k), None) for k in sorted(page.residence_kernen.all(), key=_by_name)
    ]
    terms += [("kern_served", _kern_term(k), None) for k in sorted(page.kernen.all(), key=_by_name)]
    terms += [("access_channel", _fixed_term(ACCESS_CHANNEL, value), None) for value in page.access_channels]
    terms.append(("cost", _fixed_term(COST, page.cost), None))
    if page.regional:
        terms.append(("service_flag", _fixed_term(FLAG, FLAG_REGIONAL), None))
    if page.is_general_knowledge:
        terms.append(("service_flag", _fixed_term(FLAG, FLAG_GENERAL_KNOWLEDGE), None))
    return terms


def service_attributes(page, sid: str) -> list:
    """The service's terms as HSDS attribute objects, each with its taxonomy term nested."""
    return [
        attribute_json(link_id=sid, entity="service", link_type=link_type, term=term, value=value)
        for link_type, term, value in service_terms(page)
    ]


def _by_name(obj):
    return (obj.name, obj.slug)


def _service_areas(page, sid: str) -> list:
    kernen = sorted(page.kernen.all(), key=_by_name)
    regional = " Regionale hulp: voor meerdere gemeenten of buiten Westland." if page.regional else ""
    if not kernen:
        return [
            {
                "id": ids.child_id(sid, "service_area", "westland"),
                "service_id": sid,
                "name": WESTLAND_AREA_NAME,
                "description": "Voor heel Westland." + regional,
            }
        ]
    return [
        {
            "id": ids.child_id(sid, "service_area", kern.slug),
            "service_id": sid,
            "name": kern.name,
            "description": f"Voor inwoners van {kern.name}." + regional,
        }
        for kern in kernen
    ]


def _languages(page, sid: str) -> list:
    result, seen = [], set()
    for name in page.languages_list:
        key = name.lower()
        if key in seen:
            continue
        seen.add(key)
        result.append(
            _compact(
                {
                    "id": ids.child_id(sid, "language", key),
                    "service_id": sid,
                    "name": name,
                    "code": LANGUAGE_CODES.get(key),
                }
            )
        )
    return result


def _phones(page, sid: str) -> list:
    phones = []
    if page.phone:
        phones.append(
            {
                "id": ids.child_id(sid, "phone", "voice"),
                "service_id": sid,
                "number": page.phone,
                "type": "voice",
            }
        )
    if page.whatsapp:
        phones.append(
            {
                "id": ids.child_id(sid, "phone", "whatsapp"),
                "service_id": sid,
                "number": page.whatsapp,
                "type": "text",
                "description": "WhatsApp",
            }
        )
    return phones


def _cost_options(page, sid: str) -> list:
    if page.cost == "gratis":
        return [
            {
                "id": ids.child_id(sid, "cost_option", "gratis"),
                "service_id": sid,
                "option": "Gratis",
                "amount": 0,
                "currency": "EUR",
            }
        ]
    if page.cost == "eigen_bijdrage":
        return [
            _compact(
                {
                    "id": ids.child_id(sid, "cost_option", "eigen_bijdrage"),
                    "service_id": sid,
                    "option": "Eigen bijdrage",
                    "currency": "EUR",
                    "amount_description": page.cost_note,
                }
            )
        ]
    return []


def _strip_block_ids(value):
    """Stream data without the random block ids, so an export → import → export cycle is stable."""
    if isinstance(value, list):
        return [_strip_block_ids(item) for item in value]
    if isinstance(value, dict):
        if "type" in value and "value" in value:
            return {"type": value["type"], "value": _strip_block_ids(value["value"])}
        return {key: _strip_block_ids(item) for key, item in value.items()}
    return value


def body_data(page) -> list:
    return _strip_block_ids(list(page.body.get_prep_value()))


def service_json(page, *, nested: bool = True) -> dict:
    """A live service page as an HSDS service; ``nested=False`` gives the list shape."""
    sid = ids.service_id(page.slug)
    organisation = page.organisation
    data = _compact(
        {
            "id": sid,
            "organization_id": ids.organization_id(organisation.slug),
            "name": page.title,
            "description": page.summary,
            "url": page.website,
            "email": page.email,
            "status": STATUS_TO_HSDS.get(page.status, "active"),
            "alert": page.status_alert,
            "application_process": page.next_step,
            "fees_description": page.cost_note,
            "eligibility_description": page.eligibility_description,
            "minimum_age": page.min_age,
            "maximum_age": page.max_age,
            "assured_date": page.checked_on.isoformat() if page.checked_on else None,
            "last_modified": page.last_published_at.isoformat() if page.last_published_at else None,
        }
    )
    extension = _compact({"slug": page.slug, "page_url": page.full_url})
    data["organization"] = organization_json(organisation, nested=nested)
    if not nested:
        data[EXTENSION_KEY] = extension
        return data
    data.update(
        phones=_phones(page, sid),
        schedules=[],
        service_areas=_service_areas(page, sid),
        service_at_locations=[
            {
                "id": ids.service_at_location_id(sid, ids.location_id(location.pk)),
                "service_id": sid,
                "location_id": ids.location_id(location.pk),
                "location": location_json(location),
            }
            for location in sorted(page.locations.all(), key=lambda loc: (loc.name, loc.pk))
        ],
        languages=_languages(page, sid),
        cost_options=_cost_options(page, sid),
        required_documents=[
            {"id": ids.child_id(sid, "required_document", index), "service_id": sid, "document": line}
            for index, line in enumerate(page.what_to_bring_list)
        ],
        contacts=[],
        funding=[],
        attributes=service_attributes(page, sid),
    )
    extension.update(body=body_data(page), facts=page.facts_list, sources=lines(page.sources))
    data[EXTENSION_KEY] = extension
    return data


def service_at_location_json(page, location, *, nested: bool = False) -> dict:
    """One service at one location; the list shape nests the location and a short service."""
    sid = ids.service_id(page.slug)
    lid = ids.location_id(location.pk)
    data = {
        "id": ids.service_at_location_id(sid, lid),
        "service_id": sid,
        "location_id": lid,
        "location": location_json(location),
        "service": service_json(page, nested=nested),
    }
    return data


def service_term_ids(page) -> set[str]:
    """The taxonomy terms a service carries (what ``taxonomy_term_id``/``taxonomy_id`` filter on)."""
    return {term.id for _link_type, term, _value in service_terms(page)}


# --- Flattening for the data package --------------------------------------------------------------


def flatten(obj: dict, table: str, tables: dict, *, parent: str = "", index: int = 0) -> None:
    """Split one nested HSDS object into flat rows per table (``tables``: table → {id: (key, row)}).

    Child rows remember their parent and position so the exporter can keep lists in their order
    (what to bring, languages, opening hours) while every file stays deterministic.
    """
    row = {}
    children = []
    for key, value in obj.items():
        if key in NESTED_TABLES:
            children.append((key, value))
        elif key not in DROPPED_WHEN_FLAT:
            row[key] = value
    rows = tables.setdefault(table, {})
    if row["id"] not in rows:
        rows[row["id"]] = ((parent, index), row)
    for key, value in children:
        child_table = NESTED_TABLES[key]
        if isinstance(value, dict):
            flatten(value, child_table, tables, parent=row["id"], index=0)
        else:
            for position, item in enumerate(value):
                flatten(item, child_table, tables, parent=row["id"], index=position)
