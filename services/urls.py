"""Routes of the partner layer: log in and out for partner-only contact lines."""

from django.urls import path

from . import partners

urlpatterns = [
    path("partners/inloggen/", partners.PartnerLoginView.as_view(), name="partner_login"),
    path("partners/uitloggen/", partners.PartnerLogoutView.as_view(), name="partner_logout"),
]
