"""Which /api/v1/ endpoints exist right now (the search app builds them; our tests adapt)."""

from django.urls import Resolver404, resolve


def is_routed(path):
    """Whether a path reaches a view of its own (not Wagtail's catch-all page serving)."""
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return not match.func.__module__.startswith("wagtail")


V1_ROUTED = [path for path in ("/api/v1/search", "/api/v1/suggestions") if is_routed(path)]
