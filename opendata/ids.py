"""Stable HSDS identifiers for Hulpzoeker records.

HSDS 3.0 wants a UUID for every object. Our records have integer keys and slugs, so we derive
name-based UUIDs (RFC 4122 version 5) from one fixed namespace and a readable *name* per record:

==========================  =====================================================================
record                      name fed to uuid5
==========================  =====================================================================
service (ServicePage)       ``service:<page slug>``
organization                ``organization:<organisation slug>``
location                    ``location:<primary key>`` (locations have no slug)
taxonomy                    ``taxonomy:<taxonomy code>``
taxonomy term               ``taxonomy_term:<taxonomy code>:<term code>``
anything nested             ``<parent uuid>/<kind>/<key>`` (phones, schedules, attributes, ...)
==========================  =====================================================================

Slugs rather than primary keys for pages and organisations, because an export → wipe → import cycle
must give the same identifiers again, and slugs travel in the package while primary keys do not.
Locations keep their primary key in the package (``hulpzoeker.pk``) so the importer can restore it.

Never change ``NAMESPACE``: every identifier we ever published would change with it.
"""

import uuid

NAMESPACE = uuid.UUID("edc8bfb1-08dc-4526-9454-ba161bf09bcc")


def make_id(name: str) -> str:
    """The UUID (as text) for a readable record name such as ``service:taalhuis``."""
    return str(uuid.uuid5(NAMESPACE, name))


def service_id(slug: str) -> str:
    return make_id(f"service:{slug}")


def organization_id(slug: str) -> str:
    return make_id(f"organization:{slug}")


def location_id(pk: int) -> str:
    return make_id(f"location:{pk}")


def taxonomy_id(code: str) -> str:
    return make_id(f"taxonomy:{code}")


def taxonomy_term_id(taxonomy_code: str, term_code: str) -> str:
    return make_id(f"taxonomy_term:{taxonomy_code}:{term_code}")


def child_id(parent_id: str, kind: str, key: object) -> str:
    """The id of an object that only exists inside its parent (a phone, a schedule, an attribute)."""
    return make_id(f"{parent_id}/{kind}/{key}")


def service_at_location_id(service_uuid: str, location_uuid: str) -> str:
    return child_id(service_uuid, "service_at_location", location_uuid)


def parse(text: object) -> str | None:
    """The canonical form of a UUID given as text, or None when it is not a UUID.

    Accepts upper case and the forms ``uuid.UUID`` accepts, but not braces or URNs: ids in our URLs
    are plain hyphenated UUIDs.
    """
    if not isinstance(text, str) or len(text) != 36:
        return None
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return None
