from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "sulh.places"
    verbose_name = "Places"
