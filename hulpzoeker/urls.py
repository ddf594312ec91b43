from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from services.logins import second_factor_urlpatterns

from .api import api

urlpatterns = [
    # Before the admin's own routes: the second factor is part of logging in to the admin.
    path("beheer/tweede-stap/", include(second_factor_urlpatterns)),
    path("beheer/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("crisis/", home_views.crisis, name="crisis"),
    path("taal/", include("django.conf.urls.i18n")),
    path("hulpwijzer/", include("hulpwijzer.urls")),
    path("api/", api.urls),
    path("", include("opendata.urls")),
    path("", include("services.urls")),
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
]

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
