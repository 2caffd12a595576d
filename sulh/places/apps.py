from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "sulh.places"
    verbose_name = "Places"
    nav = [(40, _("Places"), "places:search")]
