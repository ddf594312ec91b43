"""Write the published social map as an HSDS 3.0 data package (a directory of JSON files).

Layout (chosen because it round-trips cleanly and each file validates against one HSDS table schema)::

    datapackage.json          what the files are, the HSDS version and our profile
    services.json             one JSON array per HSDS table, rows flat, linked by their *_id fields
    organizations.json  locations.json  service_at_locations.json  addresses.json  accessibility.json
    schedules.json  phones.json  languages.json  required_documents.json  cost_options.json
    service_areas.json  contacts.json  attributes.json  taxonomies.json  taxonomy_terms.json
    partner_only.json         ONLY with include_partner_fields: NOT HSDS, NOT for publication

The output is deterministic (sorted rows and keys, no timestamps), so two exports of the same data
are byte-identical and an export → wipe → import → export cycle can be checked with a plain diff.
"""

import json
import os
from pathlib import Path

from wagtail.models import Site

from . import ids, mapping
from .profile import HSDS_VERSION, PROFILE_VERSION, TAXONOMIES, all_terms
from .queries import published_organisations, published_services

TABLES = {
    "services": "service.json",
    "organizations": "organization.json",
    "locations": "location.json",
    "service_at_locations": "service_at_location.json",
    "addresses": "address.json",
    "accessibility": "accessibility.json",
    "schedules": "schedule.json",
    "phones": "phone.json",
    "languages": "language.json",
    "required_documents": "required_document.json",
    "cost_options": "cost_option.json",
    "service_areas": "service_area.json",
    "contacts": "contact.json",
    "attributes": "attribute.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
}
# Records with an identity of their own are sorted by id; the rest keep their place in their parent.
SORTED_BY_ID = {
    "services",
    "organizations",
    "locations",
    "service_at_locations",
    "taxonomies",
    "taxonomy_terms",
}
PARTNER_FILE = "partner_only.json"


def site_base_url() -> str:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else ""


def build_tables(*, services=None) -> dict[str, list[dict]]:
    """Every HSDS table of the package as a list of flat rows, in their final order.

    ``services`` narrows the package to some published services (and their organisations).
    """
    collected: dict = {}
    services = published_services() if services is None else services
    for service in sorted(services, key=lambda s: ids.service_id(s.slug)):
        mapping.flatten(mapping.service_json(service), "services", collected)
    organisations = published_organisations().filter(pk__in=[s.organisation_id for s in services])
    for organisation in organisations:
        mapping.flatten(mapping.organization_json(organisation), "organizations", collected)
    for spec in TAXONOMIES:
        mapping.flatten(mapping.taxonomy_json(spec.code), "taxonomies", collected)
    for term in all_terms():
        mapping.flatten(mapping.term_json(term), "taxonomy_terms", collected)
    tables = {}
    for table in TABLES:
        rows = collected.get(table, {})
        if table in SORTED_BY_ID:
            tables[table] = [row for _key, row in sorted(rows.values(), key=lambda item: item[1]["id"])]
        else:
            tables[table] = [row for _key, row in sorted(rows.values(), key=lambda item: item[0])]
    return tables


def partner_rows(*, services=None) -> list[dict]:
    """Partner-only contact lines of published services. Only for ``--include-partner-fields``."""
    from services.models import ServicePartnerInfo

    rows = []
    pages = [s.pk for s in services] if services is not None else published_services().values("pk")
    infos = ServicePartnerInfo.objects.filter(page__in=pages).select_related("page")
    for info in infos:
        rows.append(
            {
                "service_id": ids.service_id(info.page.slug),
                "contact_person": info.contact_person,
                "direct_line": info.direct_line,
                "email": info.email,
                "referral_notes": info.referral_notes,
            }
        )
    return sorted(rows, key=lambda row: row["service_id"])


def datapackage(base_url: str) -> dict:
    return {
        "name": "hulpzoeker-westland",
        "title": "Hulpzoeker Westland: sociale kaart (HSDS 3.0)",
        "profile": "data-package",
        "hsds_version": HSDS_VERSION,
        "hsds_profile": base_url + "/api/hsds/profile/",
        "hulpzoeker_profile_version": PROFILE_VERSION,
        "description": (
            "Published services, organisations and locations of the social map of Westland. One JSON array "
            "per HSDS table; nested objects are linked by their *_id fields."
        ),
        "resources": [
            {
                "name": table,
                "path": f"{table}.json",
                "format": "json",
                "mediatype": "application/json",
                "schema": f"https://raw.githubusercontent.com/openreferral/specification/3.0/schema/{schema}",
            }
            for table, schema in TABLES.items()
        ],
    }


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def export_package(path, *, include_partner_fields: bool = False, services=None) -> dict[str, int]:
    """Write the package into directory ``path`` (created if needed); returns rows per table."""
    target = Path(path)
    target.mkdir(parents=True, exist_ok=True)
    tables = build_tables(services=services)
    (target / "datapackage.json").write_text(dump(datapackage(site_base_url())), encoding="utf-8")
    for table, rows in tables.items():
        (target / f"{table}.json").write_text(dump(rows), encoding="utf-8")
    partner_file = target / PARTNER_FILE
    if include_partner_fields:
        # Readable by the owner only: this file must never be published with the rest.
        descriptor = os.open(partner_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(
                dump(
                    {
                        "warning": "Partner-only data of Hulpzoeker. Not HSDS. Never publish this file.",
                        "partner_info": partner_rows(services=services),
                    }
                )
            )
    elif partner_file.exists():
        # A stale partner file next to a fresh public export could be published by mistake.
        partner_file.unlink()
    return {table: len(rows) for table, rows in tables.items()}
