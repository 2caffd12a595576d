from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WarningConfig(AppConfig):
    name = "sulh.warning"
    verbose_name = "Warning"
    nav = [(45, _("Alerts"), "warning:alerts")]

    def ready(self) -> None:
        from sulh.warning import indicators, sitrep  # noqa: F401 - built-in indicators register

        sitrep.register()
