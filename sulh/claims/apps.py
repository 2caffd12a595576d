from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "sulh.claims"
    verbose_name = "Claims"
