"""Routes of the HSDS API, mounted at /api/hsds/ by opendata/urls.py.

HSDS paths have no trailing slash (``/services/{id}``); we accept one too, because the site's other
URLs end in a slash and people will type it.
"""

from django.urls import re_path

from . import views

ID = r"(?P<{}>[^/]+)"

app_name = "hsds"
urlpatterns = [
    re_path(r"^$", views.root, name="root"),
    re_path(r"^profile/?$", views.profile, name="profile"),
    re_path(r"^services/?$", views.service_list, name="services"),
    re_path(r"^services/" + ID.format("service_id") + "/?$", views.service_detail, name="service"),
    re_path(r"^organizations/?$", views.organization_list, name="organizations"),
    re_path(
        r"^organizations/" + ID.format("organization_id") + "/?$",
        views.organization_detail,
        name="organization",
    ),
    re_path(r"^service_at_locations/?$", views.service_at_location_list, name="service_at_locations"),
    re_path(
        r"^service_at_locations/" + ID.format("service_at_location_id") + "/?$",
        views.service_at_location_detail,
        name="service_at_location",
    ),
    re_path(r"^taxonomies/?$", views.taxonomy_list, name="taxonomies"),
    re_path(r"^taxonomies/" + ID.format("taxonomy_id") + "/?$", views.taxonomy_detail, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_term_list, name="taxonomy_terms"),
    re_path(
        r"^taxonomy_terms/" + ID.format("taxonomy_term_id") + "/?$",
        views.taxonomy_term_detail,
        name="taxonomy_term",
    ),
    # Anything else under /api/hsds/ is a JSON 404, not the website's HTML error page.
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not_found"),
]
