from django.urls import path

from . import views

# /api/v1/search is routed by the site's Ninja API (hulpzoeker/api.py, router in search/api.py).
urlpatterns = [
    path("zoeken/", views.search_page, name="search"),
]
