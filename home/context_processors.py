"""What every page shows around its content: crisis numbers and the route to a person."""

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

# National lines only; their numbers are public and stable. Reviewed with the SKT ("controleren").
CRISIS_LINES = (
    {"name": _("Emergency: police, fire brigade, ambulance"), "number": "112", "tel": "112"},
    {"name": _("113 Suicide prevention (free, day and night)"), "number": "0800-0113", "tel": "08000113"},
    {"name": _("Veilig Thuis: domestic violence and child abuse"), "number": "0800-2000", "tel": "08002000"},
)

HUMAN_ROUTE_SLUGS = ("buurtinformatiepunt", "formulierenbrigade", "sociaal-kernteam")


def human_route():
    """The services that are always offered as a person to talk to, with their URLs (cached briefly)."""
    route = cache.get("hulpzoeker:human_route")
    if route is None:
        from services.models import ServicePage

        pages = {p.slug: p for p in ServicePage.objects.live().filter(slug__in=HUMAN_ROUTE_SLUGS)}
        route = [{"title": pages[s].title, "url": pages[s].url} for s in HUMAN_ROUTE_SLUGS if s in pages]
        cache.set("hulpzoeker:human_route", route, 60)
    return route


def site_chrome(request):
    return {"crisis_lines": CRISIS_LINES, "human_route": human_route}
