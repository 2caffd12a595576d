from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sulh.core"
    verbose_name = "sulh"
