"""Reads of the social map, as plain keyword-only functions (``<entity>_<verb>``).

Views and page models call these; no query building happens in templates or views.
"""

import datetime
from collections import OrderedDict

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone

from .choices import PYRAMID_ORDER, PyramidLevel, ServiceStatus
from .models import Kern, LifeSituation, Location, ServiceIndexPage, ServicePage

PARTNER_GROUP_NAME = "Netwerkpartner"


def services_live(*, include_ended=False):
    """Live service pages with the relations every list needs, prefetched."""
    qs = (
        ServicePage.objects.live()
        .public()
        .select_related("organisation")
        .prefetch_related(
            "kernen",
            "life_situations",
            "target_groups",
            Prefetch(
                "locations",
                queryset=Location.objects.select_related("kern").prefetch_related(
                    "opening_hours", "opening_exceptions"
                ),
            ),
        )
    )
    if not include_ended:
        qs = qs.exclude(status=ServiceStatus.ENDED)
    return qs


def service_sort_key(service):
    """Lightest level of the pyramid first, open services before temporarily closed ones, then by name."""
    return (
        service.status != ServiceStatus.ACTIVE,
        PYRAMID_ORDER.get(service.pyramid_level, 99),
        service.title.lower(),
    )


def services_by_level(services):
    """Group services under their pyramid level, lightest first; empty levels are left out."""
    grouped = OrderedDict((level, []) for level in PyramidLevel)
    for service in sorted(services, key=service_sort_key):
        grouped[PyramidLevel(service.pyramid_level)].append(service)
    return [(level, items) for level, items in grouped.items() if items]


def services_for_situation(*, situation):
    return services_by_level(services_live().filter(life_situations=situation))


def services_grouped_by_situation():
    services = list(services_live())
    groups = []
    for situation in LifeSituation.objects.all():
        items = sorted(
            (s for s in services if any(ls.pk == situation.pk for ls in s.life_situations.all())),
            key=service_sort_key,
        )
        groups.append((situation, items))
    return groups


def service_index_get():
    return ServiceIndexPage.objects.live().first()


def situation_tiles():
    """Life situations with the URL of their list and the number of live services in it."""
    index_page = service_index_get()
    live_ids = services_live().values("pk")
    tiles = []
    for situation in LifeSituation.objects.all():
        count = situation.services.filter(pk__in=live_ids).count()
        url = index_page.situation_url(situation) if index_page else None
        tiles.append({"situation": situation, "url": url, "count": count})
    return tiles


def user_is_partner(*, user):
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=PARTNER_GROUP_NAME).exists()


def service_detail_context(*, service, user, now=None):
    """Everything the service page shows, computed once."""
    now = now or timezone.now()
    locations = []
    for location in service.locations.select_related("kern").prefetch_related(
        "opening_hours", "opening_exceptions"
    ):
        locations.append({"location": location, "state": location.opening_state(now=now)})
    partner_info = None
    if user_is_partner(user=user):
        partner_info = service.partner_info.first()
    return {
        "locations": locations,
        "kernen": list(service.kernen.all()),
        "partner_info": partner_info,
        "is_partner": partner_info is not None or user_is_partner(user=user),
        "last_edited": service.last_published_at or service.latest_revision_created_at,
    }


def services_needing_review(*, today=None, limit=None):
    """Live services whose facts nobody confirmed within the review interval (or ever)."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.SERVICE_REVIEW_INTERVAL_DAYS)
    qs = (
        ServicePage.objects.live()
        .filter(Q(checked_on__isnull=True) | Q(checked_on__lt=cutoff))
        .exclude(status=ServiceStatus.ENDED)
        .order_by("checked_on", "title")
    )
    return qs[:limit] if limit else qs


def kern_neighbours_map():
    """``{kern_slug: frozenset(neighbour slugs)}`` for ranking by geography."""
    result = {}
    for kern in Kern.objects.prefetch_related("neighbours"):
        result[kern.slug] = frozenset(n.slug for n in kern.neighbours.all())
    return result
