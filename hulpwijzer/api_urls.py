from django.urls import path

from . import api

urlpatterns = [
    path("suggestions", api.suggestions, name="api_suggestions"),
]
