from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "sulh.audit"
    verbose_name = "Audit"
