from django.apps import AppConfig


class MediationConfig(AppConfig):
    name = "sulh.mediation"
    verbose_name = "Mediation"
