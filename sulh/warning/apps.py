from django.apps import AppConfig


class WarningConfig(AppConfig):
    name = "sulh.warning"
    verbose_name = "Warning"
