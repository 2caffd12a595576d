from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActorsConfig(AppConfig):
    name = "sulh.actors"
    verbose_name = "Actors"
    nav = [(50, _("Actors"), "actors:list")]
