"""sitemap.xml and robots.txt. Included once from hulpzoeker/urls.py; the HSDS API and the OpenAPI
description are routed by the site's one Ninja API (hulpzoeker/api.py, router in opendata/api.py)."""

from django.urls import path

from . import sitemaps

urlpatterns = [
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
]
