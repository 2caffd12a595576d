from django.contrib import admin
from django.urls import include, path

from sulh.api import api

urlpatterns = [
    path("", include("sulh.core.urls")),
    path("events/", include("sulh.events.urls")),
    path("places/", include("sulh.places.urls")),
    path("actors/", include("sulh.actors.urls")),
    path("sources/", include("sulh.sources.urls")),
    path("accounts/", include("sulh.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
