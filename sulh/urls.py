"""URLs: each sulh app with a ``urls`` module is mounted at /<app label>/ (core at the root)."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.contrib import admin
from django.urls import include, path

from sulh.accounts.views import set_language
from sulh.api import api

urlpatterns = [
    path("", include("sulh.core.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

for config in apps.get_app_configs():
    if (
        config.name.startswith("sulh.")
        and config.label != "core"
        and find_spec(f"{config.name}.urls")
    ):
        urlpatterns.append(path(f"{config.label}/", include(import_module(f"{config.name}.urls"))))
