from django.apps import AppConfig


class ActorsConfig(AppConfig):
    name = "sulh.actors"
    verbose_name = "Actors"
