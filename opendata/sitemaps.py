"""sitemap.xml and robots.txt: what search engines may find.

The sitemap lists live pages without view restrictions of the site that answers the request, the list
per life situation, and the crisis page. Ended services are left out (they are not shown in lists
either). Partner-only data lives in fields, never in pages of its own, so it cannot be listed here.
"""

import contextlib

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from wagtail.models import Site

from services.choices import ServiceStatus
from services.models import LifeSituation, ServiceIndexPage, ServicePage

CACHE_CONTROL = "public, max-age=3600"


class PublicPageSitemap(Sitemap):
    """Public pages of one Wagtail site, as (path, last change) pairs."""

    def __init__(self, request):
        self.request = request

    def items(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return []
        entries = []
        pages = site.root_page.get_descendants(inclusive=True).live().public().specific().order_by("path")
        for page in pages:
            if isinstance(page, ServicePage) and page.status == ServiceStatus.ENDED:
                continue
            parts = page.get_url_parts(request=self.request)
            if parts is None:
                continue
            entries.append((parts[2], page.last_published_at))
            if isinstance(page, ServiceIndexPage):
                entries += [(parts[2] + _situation_path(page, s), None) for s in LifeSituation.objects.all()]
        with contextlib.suppress(NoReverseMatch):
            entries.append((reverse("crisis"), None))
        return entries

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]


def _situation_path(index_page, situation):
    return index_page.reverse_subpage("situation", kwargs={"situation_slug": situation.slug})


@require_safe
def sitemap(request):
    """The sitemap of the site that answers this request (same for every visitor)."""
    response = django_sitemap(request, sitemaps={"pages": PublicPageSitemap(request)})
    response["Cache-Control"] = CACHE_CONTROL
    response.user_independent = True
    return response


@require_safe
def robots_txt(request):
    """Everything may be crawled except the editors' admin, the APIs and the partner login."""
    response = render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
    response["Cache-Control"] = CACHE_CONTROL
    response.user_independent = True
    return response
