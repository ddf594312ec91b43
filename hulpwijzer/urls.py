from django.urls import path

from . import views

app_name = "hulpwijzer"
# Every page is a plain GET address without answers; the answers are POSTed to "start" only.
urlpatterns = [
    path("", views.start, name="start"),
    path("samen/", views.together, name="together"),
    path("vraag/<slug:key>/", views.question, name="question"),
    path("wijzigen/<slug:key>/", views.change, name="change"),
    path("controleren/", views.summary, name="summary"),
    path("uitkomst/", views.results, name="results"),
    path("wissen/", views.wipe, name="wipe"),
    path("crisis/", views.crisis, name="crisis"),
    path("overdracht/", views.print_sheet, name="print"),
    path("lijst/", views.service_list, name="list"),
]
