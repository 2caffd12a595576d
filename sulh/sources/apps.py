from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "sulh.sources"
    verbose_name = "Sources and reports"
