from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "sulh.reports"
    verbose_name = "Reports"
