"""Reads for the HSDS API and the exporter: what is published, and how the list filters apply.

Published means: a live ServicePage without view restrictions (Wagtail privacy). Ended services are
included with HSDS status ``defunct`` so that copies of the data learn that a service stopped; drafts
and unpublished changes never are. Organisations and locations are published only through a
published service, so a draft service cannot reveal a new organisation or address.
"""

from django.db.models import Prefetch

from services.models import Kern, Location, Organisation, PostcodeArea, ServicePage

from . import ids
from .mapping import service_term_ids
from .profile import TAXONOMY_BY_CODE, terms_by_id
from .search_adapter import ranked_service_ids


class FilterError(ValueError):
    """A filter value that cannot be applied; the API answers 400 with ``parameter`` and message."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def _locations_queryset():
    return Location.objects.select_related("kern", "organisation").prefetch_related(
        "opening_hours", "opening_exceptions"
    )


def published_services(*, relations=True):
    """Live, public service pages (ended ones included), by name.

    ``relations=False`` skips prefetching the many-to-many relations: the list shape does not read
    them, and prefetching them for every service is most of the cost of a list request.
    """
    queryset = ServicePage.objects.live().public().select_related("organisation").order_by("title", "pk")
    if not relations:
        return queryset
    return queryset.prefetch_related(
        "kernen",
        "residence_kernen",
        "life_situations",
        "target_groups",
        Prefetch("locations", queryset=_locations_queryset()),
    )


def published_organisations():
    service_orgs = ServicePage.objects.live().public().values("organisation_id")
    return Organisation.objects.filter(pk__in=service_orgs).order_by("name", "pk")


def published_locations():
    linked = ServicePage.locations.through.objects.filter(
        servicepage__in=ServicePage.objects.live().public().values("pk")
    ).values("location_id")
    return _locations_queryset().filter(pk__in=linked).order_by("name", "pk")


def service_by_uuid(value: str):
    """The published service with this HSDS id, or None."""
    wanted = ids.parse(value)
    if wanted is None:
        return None
    for pk, slug in ServicePage.objects.live().public().values_list("pk", "slug"):
        if ids.service_id(slug) == wanted:
            return published_services().filter(pk=pk).first()
    return None


def organisation_by_uuid(value: str):
    wanted = ids.parse(value)
    if wanted is None:
        return None
    for pk, slug in published_organisations().values_list("pk", "slug"):
        if ids.organization_id(slug) == wanted:
            return Organisation.objects.get(pk=pk)
    return None


def _filter_by_terms(services, *, taxonomy_term_id: str, taxonomy_id: str):
    if taxonomy_term_id:
        wanted = ids.parse(taxonomy_term_id)
        if wanted is None or wanted not in terms_by_id():
            raise FilterError("taxonomy_term_id", "Unknown taxonomy term. See /api/hsds/taxonomy_terms.")
        services = [s for s in services if wanted in service_term_ids(s)]
    if taxonomy_id:
        wanted = ids.parse(taxonomy_id)
        codes = {ids.taxonomy_id(code): code for code in TAXONOMY_BY_CODE}
        if wanted not in codes:
            raise FilterError("taxonomy_id", "Unknown taxonomy. See /api/hsds/taxonomies.")
        term_ids = {term.id for term in terms_by_id().values() if term.taxonomy == codes[wanted]}
        services = [s for s in services if service_term_ids(s) & term_ids]
    return services


def filter_services(
    *,
    search="",
    taxonomy_term_id="",
    taxonomy_id="",
    organization_id="",
    modified_after=None,
    relations=False,
    located_only=False,
) -> list:
    """Published services matching every given filter; relevance order with ``search``, else by name.

    ``relations``: prefetch what the nested shapes need (the taxonomy filters need it anyway).
    ``located_only``: only services with at least one location (for /service_at_locations).
    """
    queryset = published_services(relations=relations or bool(taxonomy_term_id or taxonomy_id))
    if located_only:
        queryset = queryset.filter(pk__in=ServicePage.locations.through.objects.values("servicepage_id"))
    if organization_id:
        organisation = organisation_by_uuid(organization_id)
        if organisation is None:
            raise FilterError("organization_id", "Unknown organization. See /api/hsds/organizations.")
        queryset = queryset.filter(organisation=organisation)
    if modified_after is not None:
        queryset = queryset.filter(last_published_at__gte=modified_after)
    services = list(queryset)
    services = _filter_by_terms(services, taxonomy_term_id=taxonomy_term_id, taxonomy_id=taxonomy_id)
    if search:
        rank = {pk: position for position, pk in enumerate(ranked_service_ids(search))}
        services = sorted((s for s in services if s.pk in rank), key=lambda s: rank[s.pk])
    return services


def kern_for(*, kern: str = "", postcode: str = ""):
    """The kern named by slug, or the kern of a postcode (None when the postcode is not in Westland)."""
    if kern:
        found = Kern.objects.filter(slug=kern).first()
        if found is None:
            raise FilterError(
                "kern", "Unknown kern. Use the slug of one of the kernen, for example naaldwijk."
            )
        return found
    area = PostcodeArea.objects.select_related("kern").filter(pc4=postcode[:4]).first()
    return area.kern if area else None


def service_locations(services, *, kern=None, covered_kern=None, postcode_outside=False) -> list:
    """(service, location) pairs of the given services, optionally in a kern or covering a kern."""
    pairs = []
    if postcode_outside:
        return pairs
    for service in services:
        if covered_kern is not None:
            served = {k.pk for k in service.kernen.all()}
            # No kernen means the service is for all of Westland.
            if served and covered_kern.pk not in served:
                continue
        for location in sorted(service.locations.all(), key=lambda loc: (loc.name, loc.pk)):
            if kern is not None and location.kern_id != kern.pk:
                continue
            pairs.append((service, location))
    return pairs
