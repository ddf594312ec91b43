"""Every route of open data and partner access: the HSDS API, the OpenAPI description, sitemap.xml,
robots.txt and the partner login. Included once from hulpzoeker/urls.py."""

from django.urls import include, path

from . import partners, sitemaps
from .hsds import views as hsds_views

urlpatterns = [
    path("api/hsds/", include("services.hsds.urls")),
    path("api/schema/", hsds_views.openapi_schema, name="openapi_schema"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("partners/inloggen/", partners.PartnerLoginView.as_view(), name="partner_login"),
    path("partners/uitloggen/", partners.PartnerLogoutView.as_view(), name="partner_logout"),
]
