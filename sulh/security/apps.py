from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "sulh.security"
    verbose_name = "Security"
