from django.urls import path

from . import views

app_name = "hulpwijzer"
urlpatterns = [
    path("", views.start, name="start"),
    path("samen/", views.together, name="together"),
    path("wissen/", views.wipe, name="wipe"),
    path("crisis/", views.crisis, name="crisis"),
    path("overdracht/", views.print_sheet, name="print"),
    path("lijst/", views.service_list, name="list"),
]
