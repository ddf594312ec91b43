"""Every route of open data: the HSDS API, the OpenAPI description, sitemap.xml and robots.txt.
Included once from hulpzoeker/urls.py."""

from django.urls import include, path

from . import sitemaps, views

urlpatterns = [
    path("api/hsds/", include("opendata.hsds_urls")),
    path("api/schema/", views.openapi_schema, name="openapi_schema"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
]
