from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "sulh.intake"
    verbose_name = "Intake"
