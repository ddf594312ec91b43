from django.urls import path

from . import api, views

urlpatterns = [
    path("zoeken/", views.search_page, name="search"),
    path("api/v1/search", api.search_api, name="search_api"),
]
